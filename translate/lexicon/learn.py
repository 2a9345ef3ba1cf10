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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .grammar import tokenize
from .learned import Learned, LearnedError
from .lm import SENTENCE_END, SENTENCE_START, lm_words
from .meaning import has_english_negation, has_german_negation
from .rules import FUNCTION_WORDS

if TYPE_CHECKING:
    from .engine import LexiconEngine

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


def english_stems(sentence: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _ENGLISH_WORD.findall(sentence.lower()))


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
        for token in tokenize(german):
            if not token[:1].isalpha() or token.lower() in FUNCTION_WORDS:
                continue
            resolved = engine.resolve(token)
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
        try:
            # split("\n"), not splitlines(): a U+2028 inside a sentence is no line end.
            de = german.read_text(encoding="utf-8").rstrip("\n").split("\n")
            en = english.read_text(encoding="utf-8").rstrip("\n").split("\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise LearnedError(f"cannot read parallel text: {exc}") from exc
        if len(de) != len(en):
            raise LearnedError(
                f"{german} has {len(de)} lines but {english} has {len(en)}; "
                "parallel files must be line-aligned"
            )
        pairs += [(d, e) for d, e in zip(de, en, strict=True) if d.strip() and e.strip()]
    return pairs


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
    from .learned import load_learned, save_learned
    from .senses import learn_senses, save_senses, senses_path
    from .store import default_data_dir

    say = progress or (lambda _line: None)
    target = output or (data_dir or default_data_dir()) / "learned.tsv.gz"
    if target.exists():
        try:
            load_learned([target])
        except LearnedError:
            raise LearnedError(
                f"{target}: exists and is not a learned-statistics table; choose another --output"
            ) from None
    pairs = read_pairs(files)
    engine = open_lexicon(data_dir, before_build=lambda p: say(f"building the store {p}"))
    learned = learn(pairs, engine, lambda n: say(f"{n} of {len(pairs)} sentence pairs"))
    say("aligning words (IBM Model 1)")
    learned.aligned = learn_alignment(pairs, engine)
    engine.use_learned_phrases = False
    learned.phrases = learn_phrases(pairs, engine, lambda n: say(f"{n} German phrases"))
    say("prepositions in context")
    learned.prepositions = learn_prepositions(pairs, engine)
    say("senses in context")
    save_senses(learn_senses(pairs, engine), senses_path(target))
    engine.store.close()
    save_learned(learned, target)
    return target, learned


# Phrase pairs: German word sequences seen at least this often are considered ...
PHRASE_MIN_COUNT = 6
PHRASE_MAX_GERMAN = 3
PHRASE_MAX_ENGLISH = 3
# ... and kept when one English word sequence appears opposite at least this share of them
# (and at least PHRASE_MIN_HITS times) while the engine's own rendering appears opposite
# PHRASE_MIN_GAIN fewer of them.
PHRASE_MIN_SHARE = 0.3
PHRASE_MIN_HITS = 3
PHRASE_MIN_GAIN = 0.25
_GERMAN_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")


def _ngrams(words: Sequence[str], longest: int) -> set[tuple[str, ...]]:
    return {
        tuple(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)
    }


def learn_phrases(
    pairs: Sequence[tuple[str, str]],
    engine: LexiconEngine,
    progress: Callable[[int], None] | None = None,
) -> dict[str, tuple[str, int, int]]:
    """Phrase pairs the engine gets wrong: German (lower-cased) -> (English, hits, count).

    A German word sequence (2-3 words) is a candidate when frequent; its English is the
    English word sequence (1-3 words) most associated with it (hits squared over both
    counts); it is kept only when that English appears opposite a large share of the German
    occurrences *and* clearly more often than what the engine makes of the German alone.
    """
    german_occurrences: dict[tuple[str, ...], list[int]] = {}
    english_words: list[list[str]] = []
    for index, (german, english) in enumerate(pairs):
        tokens = [t.lower() for t in tokenize(german)]
        english_words.append([w for w in lm_words(english) if w[:1].isalnum()])
        seen: set[tuple[str, ...]] = set()
        for n in range(1, PHRASE_MAX_GERMAN + 1):
            for i in range(len(tokens) - n + 1):
                gram = tuple(tokens[i : i + n])
                if gram in seen or not all(_GERMAN_WORD.match(t) for t in gram):
                    continue
                seen.add(gram)
                german_occurrences.setdefault(gram, []).append(index)
    frequent = {g: w for g, w in german_occurrences.items() if len(w) >= PHRASE_MIN_COUNT}
    english_count: dict[tuple[str, ...], int] = {}
    english_grams = [_ngrams(words, PHRASE_MAX_ENGLISH) for words in english_words]
    for grams in english_grams:
        for gram in grams:
            english_count[gram] = english_count.get(gram, 0) + 1
    english_sets = [frozenset(stem(w) for w in words) for words in english_words]
    found: dict[str, tuple[str, int, int]] = {}
    for done, (gram, where) in enumerate(sorted(frequent.items())):
        if progress is not None and done % 5000 == 0:
            progress(done)
        if all(w in FUNCTION_WORDS for w in gram):
            continue  # the hand-written function-word rules do these
        together: dict[tuple[str, ...], int] = {}
        for index in where:
            for e in english_grams[index]:
                together[e] = together.get(e, 0) + 1
        # An English article or subject must come from a German one: "Ball" is "ball", not
        # "the ball"; "glaube nicht" is not "I don't think" (the "ich" says "I").
        article = gram[0] in _GERMAN_DETERMINERS
        best = max(
            (
                e
                for e in together
                if not all(w in _ENGLISH_STOP_WIDE for w in e)
                and (article or e[0] not in _ENGLISH_ARTICLES)
            ),
            key=lambda e: (together[e] ** 2 / english_count[e], e),
            default=None,
        )
        if best is None or not _same_meaning_marks(gram, best) or _spelt_out(best):
            continue
        hits, count = together[best], len(where)
        if hits < PHRASE_MIN_HITS or hits / count < PHRASE_MIN_SHARE:
            continue
        own = " ".join(engine.translate_tokens(list(gram)))
        own_stems = candidate_stems(own)
        own_hits = sum(1 for index in where if own_stems and own_stems <= english_sets[index])
        if (hits - own_hits) / count < PHRASE_MIN_GAIN:
            continue
        found[" ".join(gram)] = (_cased(best, [pairs[i][1] for i in where]), hits, count)
    return found


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


def _cased(words: tuple[str, ...], sentences: Sequence[str]) -> str:
    """The most frequent spelling of lower-cased ``words`` in the English sentences."""
    pattern = re.compile(
        r"(?<![\w'])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w'])", re.IGNORECASE
    )
    spellings: dict[str, float] = {}
    for sentence in sentences:
        for match in pattern.finditer(sentence):
            spelling = " ".join(match.group(0).split())
            if sentence[: match.start()].strip(" \"'“‘(„"):
                spellings[spelling] = spellings.get(spelling, 0) + 1
                continue
            # At the start of a sentence a capital says little: "The" or "Angela".
            lowered = spelling[:1].lower() + spelling[1:]
            spellings[spelling] = spellings.get(spelling, 0) + 0.11
            spellings[lowered] = spellings.get(lowered, 0) + 0.1
    lower = " ".join(words)
    return max(
        spellings, key=lambda s: (spellings[s] + (0.5 if s == lower else 0), s), default=lower
    )


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
        tokens = tokenize(german)
        words = lm_words(english_text)
        stems = [stem(w) for w in words]
        for i, token in enumerate(tokens):
            lower = token.lower()
            if lower not in P.GERMAN:
                continue
            noun = P.governed_noun(tokens, i)
            if noun is not None:
                key = P.noun_key(engine.resolve, noun)
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
            found = engine.resolve(word) if word is not None else None
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
        for token in tokenize(german):
            if not token[:1].isalpha() or token.lower() in FUNCTION_WORDS:
                continue
            resolved = engine.resolve(token)
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
    posteriors: list[dict[tuple[str, str], float]] = []
    for _ in range(iterations):
        counts: dict[str, dict[str, float]] = {key: {} for key in t}
        posteriors = []
        for keys, words in corpus:
            mass: dict[tuple[str, str], float] = {}
            for w in words:
                givers = [k for k in keys if w in t.get(k, ())]
                if not givers:
                    continue
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
