"""Learning from parallel text: which English candidate of each German key news uses.

For every sentence pair, each German word is resolved to its store key exactly as the
engine looks it up (word, lemma, other capitalisation); each of the key's English
candidates counts a hit when all its content words occur, stemmed, in the English sentence.
Every candidate's chance rate (its share of all English sentences) is counted too, so that
the scorer rewards a candidate only for appearing *more* often opposite the key than
anywhere ("make" is in many sentences).  Only counts leave this module (``learned``).

The counts are one pass, about 20 s for 25,000 pairs; ``learn_alignment`` adds an IBM
Model 1 restricted to the dictionary's candidates (five EM iterations, about 12 s more),
whose aligned counts do not count an English word twice for two German words.

Phrase pairs (``learn_aligned_phrases``) come from a word alignment over the whole
vocabulary (``align``: both directions with a diagonal prior, Ding's candidates as a
prior, symmetrised), extracted where consistent with it, and kept only when they make the
engine's own translations of the training sentences closer to the references (sentence
chrF), the way Brill's transformation-based learning keeps a rule: by its measured effect,
not by how often it co-occurs.
"""

from __future__ import annotations

import dataclasses
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from dolmetsch.threads import usable_cores

from . import context as context_rules
from .align import MAX_PHRASE, NULL, Prepared, phrase_spans, symmetrize, viterbi_links
from .grammar import tokenize
from .learned import Learned, LearnedError
from .lm import SENTENCE_END, SENTENCE_START, lm_words
from .meaning import has_english_negation, has_german_negation
from .rules import FUNCTION_WORDS

if TYPE_CHECKING:
    from .engine import LexiconEngine, Mode
    from .scorer import Weights

_T = TypeVar("_T")
_ENGLISH_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
# Words of a candidate that say nothing about whether it was used.
_ENGLISH_STOP = frozenset("a an the to be of sb sth one's oneself it".split())
_PROGRESS_EVERY = 2000
# A candidate seen opposite its key fewer times is no evidence (one sentence's reference
# said "cease-fire", another's would say "ceasefire"); leaving them out keeps the table small.
MIN_HITS = 2
# English words and word pairs seen fewer times are left out of the language model.
MIN_UNIGRAM = 2
MIN_BIGRAM = 2


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude English stem, the same for "attack", "attacks", "attacked", "attacking"."""
    word = word.removesuffix("'s")
    for suffix, replace in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + replace
            break
    else:
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
    return word.rstrip("e") if len(word) > 3 else word


# Sentences whose tokens and stems are remembered: a learn passes over its pairs five
# times (counts, sense priors, word alignment, prepositions, senses in context), and
# tokenizing them again each time was a tenth of that work.
_REMEMBERED = 1 << 15


@lru_cache(maxsize=_REMEMBERED)
def english_stems(sentence: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _ENGLISH_WORD.findall(sentence.lower()))


@lru_cache(maxsize=_REMEMBERED)
def german_tokens(sentence: str) -> tuple[str, ...]:
    """``grammar.tokenize``'s tokens of a training sentence."""
    return tuple(tokenize(sentence))


def candidate_stems(english: str) -> frozenset[str]:
    words = [w for w in _ENGLISH_WORD.findall(english.lower()) if w not in _ENGLISH_STOP]
    return frozenset(stem(w) for w in words)


def learn(
    pairs: Iterable[tuple[str, str]],
    engine: LexiconEngine,
    progress: Callable[[int], None] | None = None,
) -> Learned:
    """Counts over German/English sentence pairs; ``progress(pairs so far)`` now and then."""
    learned = Learned()
    english_sets: list[frozenset[str]] = []
    seen: dict[str, list[tuple[str, frozenset[str]]]] = {}
    occurrences: dict[str, list[int]] = {}
    unigrams: dict[str, int] = {}
    bigrams: dict[tuple[str, str], int] = {}
    for german, english in pairs:
        index = len(english_sets)
        english_sets.append(english_stems(english))
        words = [SENTENCE_START, *lm_words(english), SENTENCE_END]
        for k, word in enumerate(words):
            unigrams[word] = unigrams.get(word, 0) + 1
            if k:
                bigram = (words[k - 1], word)
                bigrams[bigram] = bigrams.get(bigram, 0) + 1
        keys = set()
        for token in german_tokens(german):
            if not token[:1].isalpha() or token.lower() in FUNCTION_WORDS:
                continue
            resolved = engine.words.resolved(token)
            if resolved is not None:
                keys.add(resolved[0])
        for key in keys:
            occurrences.setdefault(key, []).append(index)
        if progress is not None and (index + 1) % _PROGRESS_EVERY == 0:
            progress(index + 1)
    learned.sentences = len(english_sets)
    learned.unigrams = {w: c for w, c in unigrams.items() if c >= MIN_UNIGRAM}
    learned.bigrams = {b: c for b, c in bigrams.items() if c >= MIN_BIGRAM}
    # Which sentences hold each English stem, as bit sets: a candidate's chance rate is the
    # size of the intersection of its stems' sets.
    holders: dict[str, int] = {}
    for index, stems in enumerate(english_sets):
        bit = 1 << index
        for s in stems:
            holders[s] = holders.get(s, 0) | bit
    background: dict[frozenset[str], int] = {}
    for key, where in sorted(occurrences.items()):
        found = seen.get(key)
        if found is None:
            found = [(c.en, candidate_stems(c.en)) for c in engine.store.candidates(key)]
            seen[key] = found
        if len(found) < 2 or len(where) < MIN_HITS:
            continue  # one candidate: nothing to choose
        learned.keys[key] = len(where)
        for english, stems in found:
            if not stems:
                continue
            hits = sum(1 for index in where if stems <= english_sets[index])
            if hits < MIN_HITS:
                continue
            if stems not in background:
                common = -1
                for s in stems:
                    common &= holders.get(s, 0)
                background[stems] = common.bit_count() if common != -1 else 0
            learned.pairs[key, english] = (hits, background[stems])
    return learned


def read_pairs(files: Sequence[tuple[Path, Path]]) -> list[tuple[str, str]]:
    """Sentence pairs from line-aligned German and English files."""
    pairs: list[tuple[str, str]] = []
    for german, english in files:
        de, en = _lines(german), _lines(english)
        if len(de) != len(en):
            raise LearnedError(
                f"{german} has {len(de)} lines but {english} has {len(en)}; "
                "parallel files must be line-aligned"
            )
        pairs += [(d, e) for d, e in zip(de, en, strict=True) if d.strip() and e.strip()]
    return pairs


def _lines(path: Path) -> list[str]:
    try:
        # split("\n"), not splitlines(): a U+2028 inside a sentence is no line end.
        return path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    except UnicodeDecodeError as exc:
        raise LearnedError(
            f"{path}: not UTF-8 text (byte {exc.start}); convert it, e.g. with iconv"
        ) from None
    except OSError as exc:
        raise LearnedError(f"cannot read {path}: {exc.strerror or exc}") from None


def learn_files(
    files: Sequence[tuple[Path, Path]],
    output: Path | None = None,
    data_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Path, Learned]:
    """Learn from line-aligned (German, English) files and save the table.

    ``output`` defaults to ``data_dir/learned.tsv.gz``, which the next store build joins in
    (the store's name changes with it, so the next translation rebuilds it).  An existing
    ``output`` that is not a learned table is refused, never overwritten.
    """
    from .engine import open_lexicon
    from .learned import check_writable, load_learned, save_learned
    from .senses import learn_senses, save_senses, senses_path
    from .store import building, default_data_dir, store_path

    say = progress or (lambda _line: None)
    target = output or (data_dir or default_data_dir()) / "learned.tsv.gz"
    if target.exists():
        try:
            load_learned([target])
        except LearnedError:
            raise LearnedError(
                f"{target}: exists and is not a learned-statistics table; choose another --output"
            ) from None
    for path in (target, senses_path(target)):
        check_writable(path)
    pairs = read_pairs(files)
    if not pairs:
        raise LearnedError(
            "no sentence pairs to learn from: every line is empty on one side or the other"
        )
    store = store_path(data_dir)
    text: AlignmentText | None = None
    if not store.is_file():
        say(f"building the store {store}")
        # beside the build (forked, a process and a half at most), the part of the word
        # alignment that needs no dictionary: it would wait for the store otherwise
        with building(
            data_dir or default_data_dir(),
            lambda step: say(f"store: {step.stage}") if step.stage else None,
        ) as built:
            # (in a thread: this one shows the build's stages as they come)
            prepared = _Meanwhile(lambda: AlignmentText.of(pairs), True)
            built()
            text = prepared.result()
    engine = open_lexicon(data_dir)
    # each phrase pair is judged against the engine alone, without the learned pairs
    spec = dataclasses.replace(_EngineSpec.of(engine), use_learned_phrases=False)
    with Translators(spec, pairs, min(usable_cores(), MAX_TRIAL_WORKERS)) as translators:
        translators.ahead()
        engine.use_learned_phrases = False  # (only phrase look-ups heed it)
        trial = phrase_trial(pairs, engine, say, text)
        del text  # (its arrays are large)
        # The trials run in the workers (their sentences translated ahead while this
        # process aligned) while this process counts: it would only wait for them, and
        # the counting after them left a core idle.
        going = threading.Event()
        going.set()

        def say_trials(line: str) -> None:  # nothing once the learn is interrupted
            if going.is_set():
                say(line)

        trials = _Meanwhile(
            lambda: trial.run(pairs, engine, say_trials, translators),
            # (fewer are tried on this process's engine, which must then wait)
            translators.workers > 1 and len(trial.candidates) >= PARALLEL_LEAST,
        )
        try:
            learned = learn(pairs, engine, lambda n: say(f"{n} of {len(pairs)} sentence pairs"))
            say("sense priors (IBM Model 1 over the dictionary's candidates)")
            learned.aligned = learn_alignment(pairs, engine)
            say("prepositions in context")
            learned.prepositions = learn_prepositions(pairs, engine)
            say("senses in context")
            senses = learn_senses(pairs, engine)
            learned.phrases, _trials = trials.result()
        finally:
            # (the workers' tasks under way end before the learn does, but unheard)
            going.clear()
    save_senses(senses, senses_path(target))
    engine.store.close()
    save_learned(learned, target)
    return target, learned


class _Meanwhile(Generic[_T]):
    """``work()`` in a thread of its own from now on (or, not ``threaded``, when its
    ``result`` is asked for); ``result()`` waits for it and returns or raises its outcome."""

    def __init__(self, work: Callable[[], _T], threaded: bool) -> None:
        self._work = work
        self._value: list[_T] = []
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            self._value.append(self._work())
        except BaseException as exc:  # raised again by ``result``, in the caller
            self._error = exc

    def result(self) -> _T:
        if self._thread is None:
            return self._work()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value[0]


_GERMAN_DETERMINERS = frozenset(
    "der die das dem den des ein eine einen einem einer eines im am zum zur vom beim ins "
    "ans ich du er sie es wir ihr man".split()
)
_ENGLISH_ARTICLES = frozenset("the a an i he she it we they you".split())
# English words that alone make no phrase translation.
_ENGLISH_STOP_WIDE = _ENGLISH_STOP | frozenset(
    "and or in on at by for with from that this is are was were has have had will would "
    "not he she they we i you his her their its our as but said says".split()
)


def _spelt_out(words: tuple[str, ...]) -> bool:
    """A name whose letters the English text spaced out ("M ü ller"): no translation."""
    return any(len(w) == 1 and w not in ("a", "i") and not w.isdigit() for w in words)


def _same_meaning_marks(german: tuple[str, ...], english: tuple[str, ...]) -> bool:
    """No learned phrase adds or drops a negation or a number ("unbedingt" is not "not
    necessarily", though news often has "nicht unbedingt" opposite it)."""
    de, en = " ".join(german), " ".join(english)
    if has_german_negation(de) != has_english_negation(en):
        return False
    return any(c.isdigit() for c in de) == any(c.isdigit() for c in en)


def learn_prepositions(
    pairs: Sequence[tuple[str, str]], engine: LexiconEngine
) -> dict[tuple[str, str, str], tuple[str, int, int]]:
    """Prepositions in context (``prepositions``): (anchor kind, German preposition, anchor
    key) -> (English, hits, count), for the pairs with one clear English answer."""
    from . import prepositions as P

    counts: dict[tuple[str, str, str], dict[str, int]] = {}
    heads: dict[tuple[str, str], frozenset[str]] = {}

    def anchor_stems(key: str, kind: str) -> frozenset[str]:
        found = heads.get((key, kind))
        if found is None:
            english = [c.en.lower().split() for c in engine.store.candidates(key)]
            english = [words for words in english if words] or [[key.lower()]]
            # a noun is found by its head (last word), a verb by its first word too
            found = frozenset(stem(words[-1]) for words in english)
            if kind == "V":
                found |= frozenset(stem(words[0]) for words in english)
            heads[key, kind] = found
        return found

    def count(kind: str, lower: str, key: str, english: str) -> None:
        seen = counts.setdefault((kind, lower, key), {})
        seen[english] = seen.get(english, 0) + 1

    for german, english_text in pairs:
        tokens = german_tokens(german)
        words = lm_words(english_text)
        stems = [stem(w) for w in words]
        for i, token in enumerate(tokens):
            lower = token.lower()
            if lower not in P.GERMAN:
                continue
            noun = P.governed_noun(tokens, i)
            if noun is not None:
                key = P.noun_key(engine.words.resolved, noun)
                wanted = anchor_stems(key, "N")
                at = next((p for p, s in enumerate(stems) if s in wanted), None)
                if at is not None:
                    between: list[str] = []
                    for q in range(at - 1, max(at - 1 - P.WINDOW_BEFORE_NOUN, -1), -1):
                        if words[q] in P.ENGLISH:
                            if q > 0 and (words[q - 1], words[q]) in P.MULTIWORD:
                                break  # "according to": not a preposition of its own
                            article = lower in P.CONTRACTIONS and "the" in between
                            count("N", lower, key, words[q] + (" the" if article else ""))
                            break
                        if not words[q][:1].isalnum():
                            break
                        between.append(words[q])
            word = P.governing_word(tokens, i)
            found = engine.words.resolved(word) if word is not None else None
            if found is not None:
                wanted = anchor_stems(found[0], "V")
                at = next((p for p, s in enumerate(stems) if s in wanted), None)
                if at is not None:
                    for q in range(at + 1, min(at + 1 + P.WINDOW_AFTER_WORD, len(words))):
                        if words[q] in P.ENGLISH:
                            if q + 1 < len(words) and (words[q], words[q + 1]) in P.MULTIWORD:
                                break  # "out of", "up to"
                            count("V", lower, found[0], words[q])
                            break
                        if not words[q][:1].isalnum():
                            break
    kept: dict[tuple[str, str, str], tuple[str, int, int]] = {}
    for anchor, seen in counts.items():
        total = sum(seen.values())
        best = max(seen, key=lambda e: (seen[e], e))
        least = P.MIN_NOUN if anchor[0] == "N" else P.MIN_WORD
        if total >= least and seen[best] / total >= P.MIN_SHARE:
            kept[anchor] = (best, seen[best], total)
    return kept


# IBM Model 1, restricted to the dictionary: an English word may be generated by a German
# key only when it is a stem of one of the key's candidates, or else by NULL (every English
# word can be).  Five EM iterations converge on these links (the sixth moves no prior).
ALIGN_ITERATIONS = 5
# Less than one expected aligned pair is no evidence (and would bloat the table).
MIN_ALIGNED = 1.0


def learn_alignment(
    pairs: Sequence[tuple[str, str]],
    engine: LexiconEngine,
    iterations: int = ALIGN_ITERATIONS,
) -> dict[tuple[str, str], float]:
    """(key, English candidate) -> expected number of the key's sentence pairs in which
    the candidate is the key's translation, by IBM Model 1 (EM over the pairs) restricted
    to the dictionary's candidates.

    Unlike ``learn``'s co-occurrence hits, an English word that another German word of the
    sentence explains better ("state" opposite "Staat" and "Land") is not counted for both:
    the alignment shares each English word among the German words that could give it.
    """
    links: dict[str, dict[str, frozenset[str]]] = {}

    def candidates_of(key: str) -> dict[str, frozenset[str]]:
        found = links.get(key)
        if found is None:
            found = {}
            for c in engine.store.candidates(key):
                stems = candidate_stems(c.en)
                if stems:
                    found[c.en] = stems
            links[key] = found
        return found

    # Per pair: the German keys (with repeats) and the English stems (with repeats).
    corpus: list[tuple[list[str], list[str]]] = []
    for german, english in pairs:
        keys = []
        for token in german_tokens(german):
            if not token[:1].isalpha() or token.lower() in FUNCTION_WORDS:
                continue
            resolved = engine.words.resolved(token)
            if resolved is not None and len(candidates_of(resolved[0])) >= 2:
                keys.append(resolved[0])
        words = [stem(w) for w in _ENGLISH_WORD.findall(english.lower()) if w not in _ENGLISH_STOP]
        corpus.append((keys, words))
    # t[key][stem]: probability that key generates stem; NULL's is the stem's overall share.
    t: dict[str, dict[str, float]] = {}
    for key, found in links.items():
        stems = frozenset(s for group in found.values() for s in group)
        if stems:
            t[key] = dict.fromkeys(sorted(stems), 1.0 / len(stems))
    null: dict[str, float] = {}
    for _keys, words in corpus:
        for w in words:
            null[w] = null.get(w, 0) + 1
    total = sum(null.values()) or 1
    null = {w: c / total for w, c in null.items()}
    # Which of a sentence's keys could give each of its English words: the model's links
    # are fixed (EM changes only their probabilities), so they are found once, not in every
    # iteration (that search was half of the time).
    givers_of: list[list[tuple[str, list[str]]]] = []
    for keys, words in corpus:
        sentence = [(w, [k for k in keys if w in t.get(k, ())]) for w in words]
        givers_of.append([(w, givers) for w, givers in sentence if givers])
    posteriors: list[dict[tuple[str, str], float]] = []
    for _ in range(iterations):
        counts: dict[str, dict[str, float]] = {key: {} for key in t}
        posteriors = []
        for sentence in givers_of:
            mass: dict[tuple[str, str], float] = {}
            for w, givers in sentence:
                z = null[w] + sum(t[k][w] for k in givers)
                for k in givers:
                    share = t[k][w] / z
                    counts[k][w] = counts[k].get(w, 0.0) + share
                    mass[k, w] = mass.get((k, w), 0.0) + share
            posteriors.append(mass)
        for key, seen in counts.items():
            z = sum(seen.values())
            if z > 0:
                # unseen links keep a floor, so one iteration cannot rule a sense out
                floor = 0.01 / len(t[key])
                t[key] = {s: (seen.get(s, 0.0) + floor) / (z + floor * len(t[key])) for s in t[key]}
    aligned: dict[tuple[str, str], float] = {}
    for (keys, _words), mass in zip(corpus, posteriors, strict=True):
        for key in set(keys):
            times = keys.count(key)
            for english, stems in links[key].items():
                # a multi-word candidate is as aligned as its least aligned word
                got = min(min(mass.get((key, s), 0.0), times) for s in stems) / times
                if got > 0:
                    aligned[key, english] = aligned.get((key, english), 0.0) + got
    return {pair: round(a, 1) for pair, a in aligned.items() if a >= MIN_ALIGNED}


# Phrase pairs from a word alignment (``align``), accepted by what they do to the engine's
# output.  A German phrase (1-4 words) extracted at least this often is a candidate ...
ALIGNED_MIN_COUNT = 3
# ... with each of its two most frequent English phrases aligned to it at least as often
# and in at least this share of the German's occurrences (the one with the larger gain wins);
ALIGNED_MIN_SHARE = 0.1
ALIGNED_PER_PHRASE = 2
# ... it is tried on at most this many of the training sentences that contain it ...
TRIAL_SENTENCES = 24
# ... and kept when it changes at least this many of their translations, raises their
# summed sentence chrF by at least TRIAL_MIN_GAIN per sentence tried, and improves more
# of them than it worsens (Brill's transformation-based learning: the rule must fix more
# than it breaks, measured on the engine itself).
# Chosen on newstest2017 (chrF): a gain of 0.0-0.2 per sentence gave the same, 0.5 -0.03,
# 1.0 -0.07; "improves twice as many" -0.04; German phrases seen 4 times rather than 3
# -0.11; one English per phrase -0.03; a share of 20 % -0.03; 12 sentences per trial
# -0.01, 48 +0.04 (but -0.02 on newstest2018, and single adjectives then pass that take
# the place of the genitive rule: "Symbol neuer Energie" lost its "of"); dropping the
# pairs whose removal from the whole accepted set costs nothing (188 of them) +0.00.
TRIAL_MIN_CHANGED = 3
TRIAL_MIN_GAIN = 0.2
_ENGLISH_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|[^\w\s]")


def _is_word(token: str) -> bool:
    return token[:1].isalnum() or (len(token) > 1 and token[1:2].isalnum())


def word_positions(tokens: Sequence[str]) -> list[int]:
    """Positions of the word tokens (not punctuation) among ``tokens``."""
    return [k for k, t in enumerate(tokens) if _is_word(t)]


def _seeds(
    german_types: dict[str, int],
    casing: dict[str, str],
    english_types: dict[str, int],
    engine: LexiconEngine,
) -> dict[int, list[int]]:
    """Per German word id, the English word ids among its dictionary candidates' words."""
    by_stem: dict[str, list[int]] = {}
    for word, e in english_types.items():
        by_stem.setdefault(stem(word), []).append(e)
    seeds: dict[int, list[int]] = {}
    for word, f in german_types.items():
        if f == NULL or word in FUNCTION_WORDS:
            continue
        resolved = engine.words.resolved(casing[word])
        if resolved is None:
            continue
        stems: set[str] = set()
        for c in engine.store.candidates(resolved[0]):
            stems |= candidate_stems(c.en)
        found = sorted({e for s in stems for e in by_stem.get(s, ())})
        if found:
            seeds[f] = found
    return seeds


@dataclass(frozen=True)
class Aligned:
    """A sentence pair's word tokens (as written) and the links between them."""

    german: tuple[str, ...]
    german_at: tuple[int, ...]  # each word's position among all the sentence's tokens
    english: tuple[str, ...]
    english_at: tuple[int, ...]
    links: frozenset[tuple[int, int]]


@dataclass(frozen=True)
class AlignmentText:
    """The pairs' word tokens and word ids, and the alignment's cells both ways: all of
    the alignment that needs no dictionary (``align_pairs`` adds its seeds), so that a
    learn works it out while its store is built."""

    # per pair: German words, their positions among its tokens, English words, positions
    tokens: list[tuple[list[str], list[int], list[str], list[int]]]
    german_types: dict[str, int]  # lower-cased word -> id, NULL for ""
    english_types: dict[str, int]
    casing: dict[str, str]  # lower-cased German word -> its first spelling
    source: list[list[int]]  # per pair its German word ids
    target: list[list[int]]
    forward: Prepared  # German -> English
    backward: Prepared

    @classmethod
    def of(cls, pairs: Sequence[tuple[str, str]]) -> AlignmentText:
        german_types: dict[str, int] = {"": NULL}
        english_types: dict[str, int] = {"": NULL}
        casing: dict[str, str] = {}
        tokens: list[tuple[list[str], list[int], list[str], list[int]]] = []
        source: list[list[int]] = []
        target: list[list[int]] = []
        for german, english in pairs:
            de = german_tokens(german)
            de_at = word_positions(de)
            de_words = [de[k] for k in de_at]
            for k in de_at:
                casing.setdefault(de[k].lower(), de[k])
            en = _ENGLISH_TOKEN.findall(english)
            en_at = word_positions(en)
            en_words = [en[k] for k in en_at]
            tokens.append((de_words, de_at, en_words, en_at))
            source.append([german_types.setdefault(w.lower(), len(german_types)) for w in de_words])
            target.append(
                [english_types.setdefault(w.lower(), len(english_types)) for w in en_words]
            )
        forward, backward = Prepared.of(source, target), Prepared.of(target, source)
        return cls(tokens, german_types, english_types, casing, source, target, forward, backward)


def align_pairs(
    pairs: Sequence[tuple[str, str]],
    engine: LexiconEngine,
    progress: Callable[[str], None] | None = None,
    text: AlignmentText | None = None,
) -> list[Aligned]:
    """Word-align the pairs both ways (``align``), with the dictionary as a prior;
    ``text``: ``AlignmentText.of(pairs)``, worked out beforehand."""
    say = progress or (lambda _line: None)
    text = text or AlignmentText.of(pairs)
    german_types, english_types = text.german_types, text.english_types
    seeds = _seeds(german_types, text.casing, english_types, engine)
    backward_seeds: dict[int, list[int]] = {}
    for f, es in seeds.items():
        for e in es:
            backward_seeds.setdefault(e, []).append(f)

    def step(direction: str) -> Callable[[int], None]:
        return lambda n: say(f"aligning words, {direction}: iteration {n} of {ALIGN_EM}")

    source, target = text.source, text.target
    german_of_all = viterbi_links(
        source,
        target,
        len(german_types),
        seeds,
        ALIGN_EM,
        step("German->English"),
        text.forward,
    )
    english_of_all = viterbi_links(
        target,
        source,
        len(english_types),
        backward_seeds,
        ALIGN_EM,
        step("English->German"),
        text.backward,
    )
    out = []
    # per German word its English position, per English word its German position
    for (de_words, de_at, en_words, en_at), english_of, german_of in zip(
        text.tokens, english_of_all, german_of_all, strict=True
    ):
        out.append(
            Aligned(
                tuple(de_words),
                tuple(de_at),
                tuple(en_words),
                tuple(en_at),
                symmetrize(english_of, german_of),
            )
        )
    return out


ALIGN_EM = 4


def extract_phrases(
    aligned: Sequence[Aligned], longest: int = MAX_PHRASE
) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, float]]]:
    """Phrase pairs consistent with the links, German lower-cased -> English lower-cased ->
    count; and for each English, its spellings weighted (a capital at the sentence start
    says little)."""
    counts: dict[str, dict[str, int]] = {}
    spellings: dict[str, dict[str, float]] = {}
    for pair in aligned:
        de_at, en_at = pair.german_at, pair.english_at
        for start, end, low, high in phrase_spans(
            pair.links, len(pair.german), len(pair.english), longest
        ):
            # a phrase is contiguous in the text: no punctuation inside it
            if de_at[end - 1] - de_at[start] != end - start - 1:
                continue
            if en_at[high - 1] - en_at[low] != high - low - 1:
                continue
            german = " ".join(pair.german[start:end]).lower()
            written = " ".join(pair.english[low:high])
            english = written.lower()
            seen = counts.setdefault(german, {})
            seen[english] = seen.get(english, 0) + 1
            spelt = spellings.setdefault(english, {})
            if en_at[low] > 0 and pair.english[low - 1 : low] != ('"',):
                spelt[written] = spelt.get(written, 0) + 1
            else:
                lowered = written[:1].lower() + written[1:]
                spelt[written] = spelt.get(written, 0) + 0.11
                spelt[lowered] = spelt.get(lowered, 0) + 0.1
    return counts, spellings


@dataclass(frozen=True)
class Trial:
    """What a candidate phrase pair did to the engine's translations of its sentences."""

    german: str
    english: str
    tried: int  # sentences translated with it
    changed: int  # of those, translations it changed
    better: int
    worse: int
    gain: float  # summed sentence chrF difference
    # stopped once the sentences left could no longer make it accepted (``settle``): the
    # figures are those of the sentences translated until then
    settled: bool = False

    @property
    def accepted(self) -> bool:
        return (
            not self.settled
            and self.changed >= TRIAL_MIN_CHANGED
            and self.better > self.worse
            and self.gain >= TRIAL_MIN_GAIN * self.tried
        )


def phrase_candidates(
    counts: dict[str, dict[str, int]],
    occurrences: dict[str, list[int]],
    spelling: dict[str, str],
    engine: LexiconEngine,
) -> list[tuple[str, str]]:
    """(German, English) worth a trial: the German frequent, the English one of its two
    most frequent alignments and frequent enough, within the guards, and not what the
    engine says anyway."""
    found = []
    for german, seen in sorted(counts.items()):
        gram = tuple(german.split())
        where = occurrences.get(german, ())
        if sum(seen.values()) < ALIGNED_MIN_COUNT or not where:
            continue
        if (len(gram) == 1 and german in FUNCTION_WORDS) or any(c.isdigit() for c in german):
            continue  # the hand-written function-word rules and the number rules do these
        if len(gram) == 2 and gram[0] in _ARTICLES_DE:
            continue  # the engine never matches article + noun as a phrase
        tokens = spelling[german].split()
        if context_rules.apply(engine, tokens, 0, gram[0]) is not None:
            continue  # a hand-written rule for these words decides ("auch wenn" -> "even if")
        own: str | None = None
        for english in sorted(seen, key=lambda e: (-seen[e], e))[:ALIGNED_PER_PHRASE]:
            words = tuple(english.split())
            if seen[english] < max(ALIGNED_MIN_COUNT, ALIGNED_MIN_SHARE * len(where)):
                break
            if all(w in _ENGLISH_STOP_WIDE for w in words) or _spelt_out(words):
                continue
            if not _same_meaning_marks(gram, words):
                continue
            # an English article or subject must come from a German one
            if set(words) & _ENGLISH_ARTICLES and not set(gram) & _GERMAN_DETERMINERS:
                continue
            if own is None:
                own = " ".join(engine.translate_tokens(tokens)).lower()
            if own != english:
                found.append((german, english))
    return found


def ngram_occurrences(
    aligned: Sequence[Aligned], wanted: set[str], longest: int = MAX_PHRASE
) -> tuple[dict[str, list[int]], dict[str, str]]:
    """For each German phrase in ``wanted`` (lower-cased), the pairs whose German has it
    (contiguous), and its first spelling."""
    where: dict[str, list[int]] = {}
    spelling: dict[str, str] = {}
    for index, pair in enumerate(aligned):
        words, at = pair.german, pair.german_at
        seen: set[str] = set()
        for start in range(len(words)):
            for end in range(start + 1, min(start + longest, len(words)) + 1):
                if at[end - 1] - at[start] != end - start - 1:
                    break
                written = " ".join(words[start:end])
                gram = written.lower()
                if gram in wanted and gram not in seen:
                    seen.add(gram)
                    where.setdefault(gram, []).append(index)
                    spelling.setdefault(gram, written)
    return where, spelling


def accept_phrases(
    candidates: Sequence[tuple[str, str]],
    occurrences: dict[str, list[int]],
    pairs: Sequence[tuple[str, str]],
    engine: LexiconEngine,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
    baseline_progress: Callable[[int, int], None] | None = None,
    translators: Translators | None = None,
    settle: bool = False,
) -> list[Trial]:
    """Translate each candidate's sentences with it and without it (``engine.try_phrases``)
    and score both against the reference by sentence chrF (``chrf``).

    Each training sentence is reordered and translated without trials once (``_Baseline``);
    a trial translates only the sentences where its German can still be matched after the
    reordering and where it changes what a phrase look-up of the baseline's translation
    found (``_Baseline.changes_with``: a fifth of the trial translations are spared), and
    scores only those whose English it changed: the others' chrF is the baseline's.
    With ``workers`` > 1 the baselines and then the trials run in that many
    processes, each with its own engine on the same store; a trial depends only on its own
    sentences, so the result is the same.  ``progress(candidates tried)`` and, before the
    trials in workers, ``baseline_progress(sentences translated, of how many)``.
    ``translators`` (instead of ``workers``): workers already started, with the
    baselines they translated ahead.  With ``settle`` a trial stops once the sentences
    left could not make it accepted any more (too few left to reach TRIAL_MIN_CHANGED or
    to improve more than it worsened, or too little chrF left below 100 to reach
    TRIAL_MIN_GAIN): the same verdicts, and the accepted trials' figures the same, with
    a sixth fewer translations; a trial so stopped is ``settled``.
    """
    jobs = [(g, e, _trial_sample(occurrences[g])) for g, e in candidates]
    if translators is None:
        if workers <= 1 or len(jobs) < PARALLEL_LEAST:
            return _TrialRunner(engine, pairs, settle=settle).run(jobs, progress)
        with Translators(_EngineSpec.of(engine), pairs, workers) as own:
            return own.trials(jobs, progress, baseline_progress, settle)
    translators.stop_ahead()
    if translators.workers <= 1 or len(jobs) < PARALLEL_LEAST:
        runner = _TrialRunner(engine, pairs, translators.baselines, settle)
        return runner.run(jobs, progress)
    return translators.trials(jobs, progress, baseline_progress, settle)


class Translators:
    """Worker processes that translate training sentences for the trials, each with its
    own engine on the same store (``workers`` of them; none for 1, and the caller's
    engine translates).  ``ahead`` has some of them translate every sentence without
    trials while this process counts and aligns, which leaves a core idle otherwise:
    most sentences are tried later (19,325 of the 24,744 news pairs), and the trials
    then find their baselines ready."""

    def __init__(self, spec: _EngineSpec, pairs: Sequence[tuple[str, str]], workers: int) -> None:
        self.spec = spec
        self.pairs = pairs
        self.workers = workers
        self.baselines: dict[int, _Baseline] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._feeder: threading.Thread | None = None
        self._stop = threading.Event()
        self._error: BaseException | None = None

    def __enter__(self) -> Translators:
        if self.workers > 1:
            import multiprocessing

            # fork where there is one: spawn would run the caller's main module again in
            # each worker (a script without a __main__ guard would learn recursively); each
            # worker opens its own connection to the store, as a SQLite connection must not
            # be used across a fork
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=_open_trial_engine,
                initargs=(self.spec, os.getpid()),
            )
            # The workers start with the first task, in the thread that submits it; they
            # must start from this one: a worker bound to its run (``lifeline``) dies with
            # the thread that started it, and ``ahead``'s thread ends before the trials.
            self._pool.submit(int)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._feeder is not None:
            self._feeder.join()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def ahead(self) -> None:
        """Translate the sentences without trials, in order, in all workers but one's
        worth of core (left to this process), until ``stop_ahead``."""
        if self._pool is None or self._feeder is not None:
            return
        self._feeder = threading.Thread(
            target=self._feed, args=(self._pool, self.workers - 1), daemon=True
        )
        self._feeder.start()

    def _feed(self, pool: ProcessPoolExecutor, lanes: int) -> None:
        pending: set[Future[dict[int, _Baseline]]] = set()
        start = 0
        try:
            while pending or (start < len(self.pairs) and not self._stop.is_set()):
                while len(pending) < lanes and start < len(self.pairs):
                    if self._stop.is_set():
                        break
                    end = min(start + AHEAD_CHUNK, len(self.pairs))
                    task = {i: self.pairs[i] for i in range(start, end)}
                    pending.add(pool.submit(_run_baseline_chunk, task))
                    start = end
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    self.baselines.update(future.result())
        except BaseException as exc:  # raised again by ``stop_ahead``, in the caller
            self._error = exc

    def stop_ahead(self) -> None:
        """Stop translating ahead (the tasks under way finish); what was translated is in
        ``baselines``."""
        self._stop.set()
        if self._feeder is not None:
            self._feeder.join()
        if self._error is not None:
            raise self._error

    def trials(
        self,
        jobs: Sequence[_Job],
        progress: Callable[[int], None] | None = None,
        baseline_progress: Callable[[int, int], None] | None = None,
        settle: bool = False,
    ) -> list[Trial]:
        """``accept_phrases``'s trials in the workers: the baselines still missing first,
        so that no sentence is translated without trials twice."""
        assert self._pool is not None, "trials in workers need workers"
        self.stop_ahead()
        pool, pairs, baselines = self._pool, self.pairs, self.baselines
        needed = sorted({i for _, _, sample in jobs for i in sample})
        missing = [i for i in needed if i not in baselines]
        step = max(1, -(-len(missing) // (self.workers * BASELINE_CHUNKS_PER_WORKER)))
        tasks = [{i: pairs[i] for i in missing[k : k + step]} for k in range(0, len(missing), step)]
        ready = len(needed) - len(missing)
        for translated in pool.map(_run_baseline_chunk, tasks):
            baselines.update(translated)
            ready += len(translated)
            if baseline_progress is not None:
                baseline_progress(ready, len(needed))
        chunks = [jobs[k : k + TRIAL_CHUNK] for k in range(0, len(jobs), TRIAL_CHUNK)]
        trial_tasks = [
            (
                chunk,
                {i: pairs[i] for _, _, sample in chunk for i in sample},
                {i: baselines[i] for _, _, sample in chunk for i in sample},
                settle,
            )
            for chunk in chunks
        ]
        trials: list[Trial] = []
        for done, found in enumerate(pool.map(_run_trial_chunk, trial_tasks)):
            if progress is not None:
                progress(min((done + 1) * TRIAL_CHUNK, len(jobs)))
            trials.extend(found)
        return trials


# Past this many processes the trials gain little and each holds its own engine (~150 MB).
MAX_TRIAL_WORKERS = 4
# Fewer candidates than this are tried in this process (starting workers costs seconds).
PARALLEL_LEAST = 200
TRIAL_CHUNK = 100
# The baseline translations are split into this many tasks per worker (fewer tasks idle a
# worker at the end; more send the engine's caches warm to fewer sentences each).
BASELINE_CHUNKS_PER_WORKER = 5
# Sentences per task while translating ahead (a task under way is finished when stopped).
AHEAD_CHUNK = 100
_Job = tuple[str, str, tuple[int, ...]]


def _trial_sample(where: Sequence[int]) -> tuple[int, ...]:
    """The sentences a phrase pair is tried on: at most TRIAL_SENTENCES, spread evenly."""
    step = max(1, len(where) // TRIAL_SENTENCES)
    return tuple(where[::step][:TRIAL_SENTENCES])


@dataclass(frozen=True)
class _Baseline:
    """A training sentence as the engine translates it without trials."""

    german: list[str]  # its tokens
    ordered: list[str]  # in English order (``engine.english_order``): trials do not change it
    spaced: str  # ``ordered`` lower-cased and joined, framed by spaces (see ``may_match``)
    english: str  # the translation
    score: float  # its sentence chrF against the reference
    # every phrase look-up of the translation: (the tokens, a position, its result)
    lookups: tuple[tuple[list[str], int, tuple[str, int] | None], ...]

    def may_match(self, german: str) -> bool:
        """Whether a trial's German phrase (lower-cased) can be matched in this sentence:
        the engine matches a phrase on whole tokens of ``ordered``, so it must be among
        them, joined; where it is not, the trial cannot change the translation."""
        return f" {german} " in self.spaced

    def changes_with(self, engine: LexiconEngine, german: str) -> bool:
        """Whether the phrase pair on trial (``engine.try_phrases``, German ``german``)
        changes a phrase look-up of this translation.  The translation is the same
        computation up to the first look-up that differs, so where none does it is the
        baseline's, and translating it again would only repeat it."""
        size = german.count(" ") + 1
        for tokens, i, found in self.lookups:
            if (
                " ".join(tokens[i : i + size]).lower() == german
                and engine.phrase_at(tokens, i) != found
            ):
                return True
        return False


def _baseline(engine: LexiconEngine, source: str, reference: list[dict[str, int]]) -> _Baseline:
    german = tokenize(source)
    ordered = engine.english_order(german)
    lookups: list[tuple[list[str], int, tuple[str, int] | None]] = []
    engine.phrase_log = lookups
    try:
        english = engine.translate_ordered(german, ordered)
    finally:
        engine.phrase_log = None
    spaced = " " + " ".join(ordered).lower() + " "
    score = chrf(char_ngrams(english), reference)
    return _Baseline(german, ordered, spaced, english, score, tuple(lookups))


class _TrialRunner:
    """Runs trials on one engine, each training sentence's baseline translated once."""

    def __init__(
        self,
        engine: LexiconEngine,
        pairs: Mapping[int, tuple[str, str]] | Sequence[tuple[str, str]],
        baselines: Mapping[int, _Baseline] | None = None,
        settle: bool = False,
    ) -> None:
        self.engine = engine
        self.pairs = pairs
        self.settle = settle
        self.baselines: dict[int, _Baseline] = dict(baselines or {})
        self.references: dict[int, list[dict[str, int]]] = {}

    def run(
        self, jobs: Sequence[_Job], progress: Callable[[int], None] | None = None
    ) -> list[Trial]:
        trials = []
        for done, job in enumerate(jobs):
            if progress is not None and done % 500 == 0:
                progress(done)
            trials.append(self.trial(*job))
        self.engine.try_phrases({})
        return trials

    def reference(self, index: int) -> list[dict[str, int]]:
        found = self.references.get(index)
        if found is None:
            found = self.references[index] = char_ngrams(self.pairs[index][1])
        return found

    def baseline(self, index: int) -> _Baseline:
        found = self.baselines.get(index)
        if found is None:
            self.engine.try_phrases({})
            found = _baseline(self.engine, self.pairs[index][0], self.reference(index))
            self.baselines[index] = found
        return found

    def trial(self, german: str, english: str, sample: tuple[int, ...]) -> Trial:
        engine = self.engine
        changed = better = worse = 0
        gain = 0.0
        bases = [(index, self.baseline(index)) for index in sample]
        engine.try_phrases({german: english})
        # where the phrase pair can change the translation (elsewhere it is the same)
        open_ = [
            (index, base)
            for index, base in bases
            if base.may_match(german) and base.changes_with(engine, german)
        ]
        left = len(open_)
        headroom = sum(100 - base.score for _, base in open_)  # the most they can gain
        # (less a rounding's worth: the verdict compares the gain rounded)
        least = TRIAL_MIN_GAIN * len(sample) - 0.001
        for index, base in open_:
            if self.settle and (
                changed + left < TRIAL_MIN_CHANGED
                or better + left <= worse
                or gain + headroom < least
            ):
                return Trial(
                    german, english, len(sample), changed, better, worse, round(gain, 3), True
                )
            left -= 1
            headroom -= 100 - base.score
            text = engine.translate_ordered(base.german, base.ordered)
            if text == base.english:
                continue
            delta = chrf(char_ngrams(text), self.reference(index)) - base.score
            if delta:
                changed += 1
                gain += delta
                better += delta > 0
                worse += delta < 0
        return Trial(german, english, len(sample), changed, better, worse, round(gain, 3))


@dataclass(frozen=True)
class _EngineSpec:
    """What a worker process needs to open the same engine again."""

    path: Path
    weights: Weights
    mode: Mode
    use_learned_phrases: bool
    use_learned_prepositions: bool

    @classmethod
    def of(cls, engine: LexiconEngine) -> _EngineSpec:
        return cls(
            engine.store.path,
            engine.store.weights,
            engine.mode,
            engine.use_learned_phrases,
            engine.use_learned_prepositions,
        )

    def open(self) -> LexiconEngine:
        from .engine import LexiconEngine
        from .store import Store

        engine = LexiconEngine(Store(self.path, self.weights), self.mode)
        engine.use_learned_phrases = self.use_learned_phrases
        engine.use_learned_prepositions = self.use_learned_prepositions
        return engine


_worker_engine: list[LexiconEngine] = []  # the worker process's engine (``_open_trial_engine``)


def _open_trial_engine(spec: _EngineSpec, parent: int) -> None:
    import signal

    from dolmetsch import lifeline

    # first: a worker whose learning run was killed stops rather than translate on
    lifeline.bind_to_parent(parent)
    # Ctrl-C reaches the whole process group: the run stops its workers itself (and they
    # end with it), so a worker prints no KeyboardInterrupt of its own to the terminal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_engine.append(spec.open())


def _run_baseline_chunk(pairs: dict[int, tuple[str, str]]) -> dict[int, _Baseline]:
    runner = _TrialRunner(_worker_engine[0], pairs)
    return {index: runner.baseline(index) for index in pairs}


def _run_trial_chunk(
    task: tuple[list[_Job], dict[int, tuple[str, str]], dict[int, _Baseline], bool],
) -> list[Trial]:
    jobs, pairs, baselines, settle = task
    return _TrialRunner(_worker_engine[0], pairs, baselines, settle).run(jobs)


CHRF_ORDER = 6
CHRF_BETA = 2.0


def char_ngrams(text: str) -> list[dict[str, int]]:
    """Character 1- to 6-gram counts of a text without its spaces (chrF's statistics)."""
    chars = "".join(text.split())
    # the n-grams zipped from n shifted copies and counted in C, twice as fast as a loop
    # (the trials score tens of thousands of sentences)
    return [
        Counter(map("".join, zip(*(chars[k:] for k in range(n)), strict=False)))
        for n in range(1, CHRF_ORDER + 1)
    ]


def chrf(hypothesis: list[dict[str, int]], reference: list[dict[str, int]]) -> float:
    """Sentence chrF (Popović 2015) as sacrebleu computes it by default: precision and
    recall averaged over the orders both sides have, then their F-beta (beta 2), 0-100."""
    precision = recall = 0.0
    orders = 0
    for hyp, ref in zip(hypothesis, reference, strict=True):
        n_hyp, n_ref = sum(hyp.values()), sum(ref.values())
        if n_hyp and n_ref:
            # the same sum as a loop over hyp's items, in C (a third of the time): the
            # trials score tens of thousands of sentences
            match = sum(map(min, hyp.values(), map(ref.get, hyp, repeat(0, len(hyp)))))
            precision += match / n_hyp
            recall += match / n_ref
            orders += 1
    if not orders or not precision + recall:
        return 0.0
    precision, recall = precision / orders, recall / orders
    b2 = CHRF_BETA**2
    return 100 * (1 + b2) * precision * recall / (b2 * precision + recall)


def learn_aligned_phrases(
    pairs: Sequence[tuple[str, str]],
    engine: LexiconEngine,
    progress: Callable[[str], None] | None = None,
    translators: Translators | None = None,
) -> tuple[dict[str, tuple[str, int, int]], list[Trial]]:
    """Phrase pairs from the word alignment that make the engine's output better on the
    training sentences: German -> (English as written, sentences improved, tried); and
    every trial (for reports)."""
    return phrase_trial(pairs, engine, progress).run(pairs, engine, progress, translators)


@dataclass(frozen=True)
class PhraseTrial:
    """The phrase pairs to try (``phrase_trial``): ``run`` tries them and keeps the good."""

    candidates: list[tuple[str, str]]
    occurrences: dict[str, list[int]]  # German phrase -> the pairs that have it
    spellings: dict[str, dict[str, float]]  # English phrase -> its spellings, weighted

    def run(
        self,
        pairs: Sequence[tuple[str, str]],
        engine: LexiconEngine,
        progress: Callable[[str], None] | None = None,
        translators: Translators | None = None,
    ) -> tuple[dict[str, tuple[str, int, int]], list[Trial]]:
        """``learn_aligned_phrases``'s result: the accepted pairs, and every trial."""
        say = progress or (lambda _line: None)
        candidates = self.candidates
        say(f"trying {len(candidates)} phrase pairs on their sentences")
        trials = accept_phrases(
            candidates,
            self.occurrences,
            pairs,
            engine,
            lambda n: say(f"{n} of {len(candidates)} tried"),
            workers=min(usable_cores(), MAX_TRIAL_WORKERS),
            baseline_progress=lambda n, of: say(
                f"{n} of their {of} sentences translated without trials"
            ),
            translators=translators,
            settle=True,
        )
        kept: dict[str, tuple[str, int, int]] = {}
        gains: dict[str, float] = {}
        for trial in trials:
            if trial.accepted and trial.gain > gains.get(trial.german, -1.0):
                gains[trial.german] = trial.gain
                spelt = self.spellings[trial.english]
                best = max(spelt, key=lambda s: (spelt[s] + (0.5 if s == trial.english else 0), s))
                kept[trial.german] = (best, trial.better, trial.tried)
        return kept, trials


def phrase_trial(
    pairs: Sequence[tuple[str, str]],
    engine: LexiconEngine,
    progress: Callable[[str], None] | None = None,
    text: AlignmentText | None = None,
) -> PhraseTrial:
    """The phrase pairs worth a trial, from a word alignment of ``pairs`` (``text``: its
    ``AlignmentText``, worked out beforehand)."""
    say = progress or (lambda _line: None)
    say("aligning words (IBM Model 1 with a diagonal prior, both ways)")
    aligned = align_pairs(pairs, engine, say, text)
    say("extracting phrase pairs")
    counts, spellings = extract_phrases(aligned)
    frequent = {g for g, seen in counts.items() if sum(seen.values()) >= ALIGNED_MIN_COUNT}
    occurrences, spelling = ngram_occurrences(aligned, frequent)
    candidates = phrase_candidates(counts, occurrences, spelling, engine)
    return PhraseTrial(candidates, occurrences, spellings)


_ARTICLES_DE = frozenset("der die das dem den des ein eine einen einem einer eines".split())
