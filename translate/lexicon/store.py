"""The lexicon store: an SQLite file of pre-ranked senses, lemmas and phrases.

Built once from the installed Ding file (plus de2en, simplemma and wordfreq, see
``sources``) into the user's data directory, never into the repository: Ding is GPL data.
The file name carries a hash of the Ding file and the schema version, so an updated
dictionary or a new schema gets a new store, and an old one is simply not found.  Building
writes a temporary file and renames it, so a crashed or concurrent build never leaves a
half-written store under the real name.  Opening is read-only and costs milliseconds;
lookups are point queries behind per-process caches.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from dolmetsch.dbfile import uri
from dolmetsch.threads import usable_cores

from .keyfilter import KeyFilter, build_filter
from .learned import Learned, learned_digest, learned_sources, load_layers
from .lm import backoff_score
from .names import MIN_ENGLISH_ZIPF
from .ranking import PAST_PARTICIPLE_SUB, english_zipf
from .ranking import candidates as sense_candidates
from .rules import FUNCTION_WORDS
from .scorer import DEFAULT, Evidence, Weights, rank
from .sources import (
    DingPair,
    LexiconError,
    de2en_path,
    ding_path,
    english_irregulars,
    file_digest,
    load_de2en,
    load_frequencies,
    load_lemmas,
    parse_ding,
    remembered_digest,
    require_ding,
)

SCHEMA_VERSION = 17  # 17: key filters; 16: no "there is" for "gibt" alone
# Candidates kept per German key: the best by build-time score (more never won on news).
MAX_CANDIDATES = 8
# Multi-word keys longer than this are not matched as contiguous phrases.
MAX_PHRASE_WORDS = 4
# Entries per lookup cache (store and engine); a full cache is cleared, so memory stays flat
# on any corpus while a run keeps the common words warm.
CACHE_LIMIT = 200_000
# Bytes of the store SQLite maps into memory (more than a store's ~85 MB; address space only).
_MMAP_BYTES = 1 << 30

_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE sense(
    de TEXT PRIMARY KEY,  -- exact Ding key: headword, inflected form, phrase, "rief an"
    first TEXT NOT NULL,  -- Ding's first English, for the word-by-word baseline
    pos0 TEXT NOT NULL,   -- part of speech of the first entry (N V ADJ ADV P or '')
    pos3 TEXT NOT NULL,   -- parts of speech of the first three entries, space-separated
    poss TEXT NOT NULL,   -- parts of speech of all entries
    fde REAL NOT NULL     -- German word frequency of the key (wordfreq), 0 if unknown
) WITHOUT ROWID;
-- Every English candidate of a key (the best MAX_CANDIDATES), ranked at run time by
-- ``scorer``: rank is Ding's order, flags 1 = past-participle sub-entry, 2 = 3rd person;
-- n, hits, bg are learned from parallel text (``learned``): sentence pairs with the key,
-- those whose English has the candidate, and the candidate's share of all English sentences;
-- al: of the n pairs, in how many IBM Model 1 aligns the candidate to the key (expected).
CREATE TABLE candidate(de TEXT NOT NULL, rank INTEGER NOT NULL, en TEXT NOT NULL,
                       base REAL NOT NULL, flags INTEGER NOT NULL, n INTEGER NOT NULL,
                       hits INTEGER NOT NULL, bg REAL NOT NULL, al REAL NOT NULL,
                       PRIMARY KEY(de, rank)) WITHOUT ROWID;
-- The English language model (``lm``): lower-cased word and word-pair counts.
CREATE TABLE unigram(w TEXT PRIMARY KEY, c INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE bigram(v TEXT NOT NULL, w TEXT NOT NULL, c INTEGER NOT NULL,
                    PRIMARY KEY(v, w)) WITHOUT ROWID;
-- tag: "pl" (a noun's plural) or "past" (a verb's past tense), so that a form found only
-- through its lemma keeps its number and tense in English.
CREATE TABLE lemma(form TEXT PRIMARY KEY, lemma TEXT NOT NULL, tag TEXT NOT NULL) WITHOUT ROWID;
-- English inflection taken from Ding's aligned sub-entries: "come" -> "came", "child" ->
-- "children"; regular forms follow the rule in ``inflect``.
CREATE TABLE inflection(en TEXT NOT NULL, tag TEXT NOT NULL, form TEXT NOT NULL,
                        PRIMARY KEY(en, tag)) WITHOUT ROWID;
CREATE TABLE phrase(key TEXT PRIMARY KEY, de TEXT NOT NULL) WITHOUT ROWID;
-- Phrase pairs learned from parallel text (``learn.learn_aligned_phrases``), before Ding's.
CREATE TABLE learned_phrase(key TEXT PRIMARY KEY, en TEXT NOT NULL) WITHOUT ROWID;
-- Prepositions in context (``prepositions``): the English of a German preposition next to
-- an anchor, "N" the noun it governs or "V" the word before it.
CREATE TABLE learned_preposition(anchor TEXT NOT NULL, de TEXT NOT NULL, key TEXT NOT NULL,
                                 en TEXT NOT NULL, PRIMARY KEY(anchor, de, key)) WITHOUT ROWID;
CREATE TABLE phrase_start(first TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
-- Capitalised words that de2en translates as themselves first: names ("Louis", "Boston").
CREATE TABLE name(de TEXT PRIMARY KEY) WITHOUT ROWID;
-- Words English uses (wordfreq Zipf >= names.MIN_ENGLISH_ZIPF), case-folded, with their
-- English and German Zipf frequencies: the name rules ask whether a capitalised word is
-- English rather than German ("Aniston" is no compound), without loading wordfreq's tables
-- (a second) in every translating process.
CREATE TABLE usage(w TEXT PRIMARY KEY, en REAL NOT NULL, de REAL NOT NULL) WITHOUT ROWID;
-- Bloom filters (keyfilter.py) of the keys of the tables asked by point queries (sense,
-- lemma, phrase_start, inflection, usage): most of a run's queries miss (compound parts,
-- words that start no phrase), and the filter answers those without one.
CREATE TABLE key_filter(name TEXT PRIMARY KEY, bits BLOB NOT NULL) WITHOUT ROWID;
"""


_TABLES = frozenset(re.findall(r"CREATE TABLE (\w+)", _SCHEMA))


class Sense(NamedTuple):
    """One German key's row of the store."""

    en: str
    en_pp: str
    first: str
    pos0: str
    pos3: frozenset[str]
    poss: frozenset[str]
    fde: float


@dataclass(frozen=True)
class BuildReport:
    """What a store build produced."""

    path: Path
    seconds: float
    keys: int
    lemmas: int
    phrases: int
    used_de2en: bool


@dataclass(frozen=True)
class BuildStep:
    """How far a store build is, for a progress bar or a line per stage.

    ``done`` is the share of the whole build finished, in [0, 1].  ``stage`` names the
    stage that starts with this step (``number`` of :data:`BUILD_STAGES`); it is empty for
    a step within a stage.
    """

    done: float
    stage: str = ""
    number: int = 0


BUILD_STAGES = 5
# Where each stage starts, as a share of the whole build: measured on the full Ding file
# (reading 8 s, the other sources 2 s, ranking 18 s, inflections 2 s, writing 8 s).
_STAGE_START = (0.0, 0.22, 0.28, 0.78, 0.82)
_STAGE_END = (*_STAGE_START[1:], 1.0)
# A bar needs a step now and then, not one per key: ranking reports every this many keys.
_RANK_STEP = 4096


def default_data_dir() -> Path:
    """``$DOLMETSCH_DATA_DIR``, else ``$XDG_DATA_HOME/dolmetsch``, else ~/.local/share/dolmetsch
    (resolved in :mod:`dolmetsch.settings`, the one place that reads the environment)."""
    from dolmetsch.settings import default_data_dir as resolved

    return resolved()


def store_name(ding_digest: str, learned: str = "") -> str:
    """File name of the store built from a Ding file with this SHA-256 and learned tables
    with this digest (``learned.learned_digest``)."""
    tables = f"_{learned}" if learned else ""
    return f"lexicon-{ding_digest[:12]}{tables}-v{SCHEMA_VERSION}.sqlite"


def store_path(data_dir: Path | None = None, ding: Path | None = None) -> Path:
    """Where the store for the Ding file ``ding`` lives (whether or not it is built yet)."""
    ding = ding or ding_path()
    require_ding(ding)
    target_dir = data_dir or default_data_dir()
    learned = learned_digest(learned_sources(target_dir))
    return target_dir / store_name(remembered_digest(ding, target_dir), learned)


def _group(pairs: Iterable[DingPair]) -> dict[str, list[DingPair]]:
    grouped: dict[str, list[DingPair]] = {}
    for pair in pairs:
        grouped.setdefault(pair.de, []).append(pair)
    return grouped


def _pos_set(pairs: Iterable[DingPair]) -> str:
    return " ".join(sorted({p.pos for p in pairs if p.pos}))


SenseRow = tuple[str, str, str, str, str, float]
CandidateRow = tuple[str, int, str, float, int, int, int, float, float]


def _sense_rows(
    ding: Mapping[str, list[DingPair]],
    de2en: Mapping[str, list[str]],
    zipf: Callable[[str], float],
    german_freq: Mapping[str, float],
    keys: Iterable[str] | None = None,
) -> Iterable[tuple[SenseRow, list[tuple[str, float, int]]]]:
    """Per key (of ``keys``, else all): its sense row, and its best candidates as (English,
    base score, flags)."""
    for key in ding if keys is None else keys:
        pairs = ding[key]
        agreeing = de2en.get(key) or de2en.get(key.lower()) or []
        found = sense_candidates(pairs, agreeing, zipf)
        # Keep the best by the score they can reach (with the sub-entry bonus), in Ding order.
        reach = sorted(
            range(len(found)),
            key=lambda k: -(found[k].base + (1.5 if found[k].pp or found[k].third else 0.0)),
        )
        kept = sorted(reach[:MAX_CANDIDATES])
        freq = german_freq.get(key.lower(), 0.0) if " " not in key else 0.0
        row = (key, pairs[0].en, pairs[0].pos, _pos_set(pairs[:3]), _pos_set(pairs), freq)
        yield (
            row,
            [
                (found[k].en, found[k].base, int(found[k].pp) | 2 * int(found[k].third))
                for k in kept
            ],
        )


def _candidate_rows(
    key: str, found: list[tuple[str, float, int]], layers: Sequence[Learned]
) -> Iterable[CandidateRow]:
    # The first layer (the user's own tables, then the packaged one) that has the key decides.
    learned = next((layer for layer in layers if key in layer.keys), Learned())
    n = learned.keys.get(key, 0)
    for position, (english, base, flags) in enumerate(found):
        hits, background = learned.pairs.get((key, english), (0, 0))
        share = background / learned.sentences if learned.sentences else 0.0
        aligned = learned.aligned.get((key, english), 0.0) if n else 0.0
        yield (
            key,
            position,
            english,
            base,
            flags,
            n,
            hits if n else 0,
            share if n else 0.0,
            aligned,
        )


def _english_inflections(
    pairs: Iterable[DingPair], irregular: Mapping[str, tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """(English base, "pl"/"past", English form) by majority over Ding's aligned lines.

    A line's base sub-entry (infinitive, singular; for verbs also the past participle,
    for Perfekt turned into the simple past) and its plural/past sub-entry give the
    English synonyms in the same order, so synonym positions pair them up.
    """
    by_line: dict[int, list[DingPair]] = {}
    for pair in pairs:
        if pair.de_pos == 0 and (pair.sub in (0, PAST_PARTICIPLE_SUB) or pair.form):
            by_line.setdefault(pair.line, []).append(pair)
    votes: dict[tuple[str, str], dict[str, int]] = {}
    for line_pairs in by_line.values():
        formed = {(p.form, p.en_pos): p.en for p in line_pairs if p.form}
        for pair in line_pairs:
            if pair.form:
                continue
            tag = "past" if pair.pos == "V" else "pl" if pair.pos == "N" else ""
            if pair.sub == PAST_PARTICIPLE_SUB and tag != "past":
                continue
            form = formed.get((tag, pair.en_pos))
            # Misaligned synonyms ("begin" | "start talking") and subjunctives ("would go")
            # are no inflections; irregular ones keep the first letter ("bring", "brought").
            if (
                form is None
                or " " in pair.en
                or " " in form
                or form == pair.en
                or form[:1] != pair.en[:1]
            ):
                continue
            counts = votes.setdefault((pair.en, tag), {})
            counts[form] = counts.get(form, 0) + 1
    chosen = {key: max(c, key=c.__getitem__) for key, c in votes.items()}
    # Ding's own irregular-verb notes outrank the votes: "to begin {began; begun}".
    for base, (past, participle) in irregular.items():
        chosen[base, "past"] = past
        chosen.setdefault((participle, "past"), past)
    return sorted((en, tag, form) for (en, tag), form in chosen.items())


def _lemma_rows(
    lemmas: Mapping[str, str], ding: Mapping[str, list[DingPair]]
) -> list[tuple[str, str, str]]:
    """simplemma's (form, lemma) pairs whose lemma Ding knows, tagged plural or past.

    A form is plural when it is a Ding plural or one with the dative -n ("Angriffen"), past
    when it is a Ding past form or one with a plural/2nd person ending ("kamen", "sagten").
    """
    plural = {k for k, ps in ding.items() if any(p.form == "pl" for p in ps)}
    past = {k for k, ps in ding.items() if any(p.form == "past" for p in ps)}
    # Singular -> plural endings of Ding's nouns, so that a compound Ding lists without
    # its plural still inflects like its head: "Drohnenangriffe" like "Angriffe".
    lines: dict[int, tuple[set[str], set[str]]] = {}
    for key, pairs in ding.items():
        for p in pairs:
            if p.pos == "N" and " " not in key and (p.sub == 0 or p.form == "pl"):
                lines.setdefault(p.line, (set(), set()))[p.form == "pl"].add(key)
    plurals: dict[str, set[str]] = {}
    for singulars, plural_keys in lines.values():
        for singular in singulars:
            plurals.setdefault(singular, set()).update(plural_keys)
    rows = []
    for form, lemma in lemmas.items():
        if form == lemma or lemma not in ding:
            continue
        tag = ""
        dative = form.endswith("n") and form[:-1] in plural
        if (
            form in plural
            or dative
            or (form[:1].isupper() and _compound_plural(form, lemma, plurals))
        ):
            tag = "pl"
        elif form[:1].islower() and any(
            form.endswith(e) and form[: len(form) - len(e)] in past for e in ("", "n", "en")
        ):
            tag = "past"
        rows.append((form, lemma, tag))
    return rows


def _compound_plural(form: str, lemma: str, plurals: Mapping[str, set[str]]) -> bool:
    """Whether ``form`` is a plural of the compound ``lemma`` by the plural of its head."""
    for size in range(3, len(lemma) - 2):
        head = lemma[-size:]
        head = head[:1].upper() + head[1:]
        for plural in plurals.get(head, ()):
            stem = lemma[: len(lemma) - size]
            spelled = plural[:1].lower() + plural[1:]
            if form in (stem + spelled, stem + spelled + "n"):
                return True
    return False


# German frequency above which a word Ding lacks is common enough to trust de2en for it.
_FALLBACK_MIN_FREQUENCY = 1e-5


def _fallback_rows(
    de2en: Mapping[str, list[str]],
    ding: Mapping[str, list[DingPair]],
    lemma_forms: set[str],
    german_freq: Mapping[str, float],
) -> list[tuple[str, str, str | None, str, str, str, str, float]]:
    """Sense rows for common nouns Ding lacks entirely ("Polizei"), from de2en.

    A blind de2en fallback loses chrF (its subtitle noise outweighs the gaps), so only a
    frequent, title-case German word qualifies, and only when de2en's first candidate also
    appears lower-cased among its next three (a common noun, not a name or a title).
    """
    rows: list[tuple[str, str, str | None, str, str, str, str, float]] = []
    for word, candidates in de2en.items():
        if len(word) < 4 or not word[1:].islower() or not word[:1].isupper():
            continue
        freq = german_freq.get(word.lower(), 0.0)
        if freq < _FALLBACK_MIN_FREQUENCY or not candidates or not candidates[0].isalpha():
            continue
        english = candidates[0].lower()
        if english not in candidates[1:4] or english == word.lower():
            continue
        known = (word, word.lower())
        if any(k in ding or k in lemma_forms for k in known):
            continue
        rows.append((word, english, None, english, "N", "N", "N", freq))
    return rows


def _is_name(word: str, candidates: list[str]) -> bool:
    # "Land" -> ["Land", "land", "country"] is a noun that subtitles capitalise, not a name.
    return (
        word[:1].isupper()
        and bool(candidates)
        and candidates[0] == word
        and word.lower() not in candidates[:3]
    )


# A German word at least this frequent (wordfreq Zipf) is a common word, not a name.
COMMON_GERMAN_ZIPF = 4.5


def _common_noun(
    word: str, ding: Mapping[str, list[DingPair]], german_freq: Mapping[str, float]
) -> bool:
    """Whether de2en's "name" is a frequent German noun that Ding translates as its
    lower-cased self: subtitles capitalise "Problem" at a sentence's start, so de2en
    gives "Problem" first, but "ein großes Problem" is "a big problem"."""
    freq = german_freq.get(word.lower(), 0.0)
    return (
        freq > 0
        and math.log10(freq) + 9 >= COMMON_GERMAN_ZIPF
        and any(p.en == word.lower() for p in ding.get(word, []))
    )


def _phrase_rows(keys: Iterable[str], function_words: frozenset[str]) -> dict[str, str]:
    phrases: dict[str, str] = {}
    for key in keys:
        words = key.split()
        if not 1 < len(words) <= MAX_PHRASE_WORDS:
            continue
        if all(w.lower() in function_words for w in words):
            continue  # "an der", "in dem": the function-word rules do better
        lower = key.lower()
        phrases.setdefault(lower, key)
        # "nach Angaben von" also matches "nach Angaben der Polizei".
        if lower.endswith(" von") and len(words) >= 3:
            phrases.setdefault(lower[: -len(" von")], key)
    return phrases


# The share of the keys this process ranks while the helper ranks the rest and finds the
# lemmas (those take about 9 s of the helper's 20), so that both finish together.
_OWN_SHARE = 0.66


@dataclass(frozen=True)
class _Ranking:
    """What ranking a key's candidates reads: Ding's pairs by key, de2en, English and
    German frequencies, and the learned tables."""

    grouped: Mapping[str, list[DingPair]]
    de2en: Mapping[str, list[str]]
    zipf: Callable[[str], float]
    german_freq: Mapping[str, float]
    layers: Sequence[Learned]


def _ranked_rows(
    ranking: _Ranking, keys: Sequence[str], within: Callable[[float], None] | None = None
) -> tuple[list[SenseRow], list[CandidateRow]]:
    """The sense rows of ``keys`` and their candidate rows; ``within(share done)``."""
    senses: list[SenseRow] = []
    candidate_rows: list[CandidateRow] = []
    rows = _sense_rows(ranking.grouped, ranking.de2en, ranking.zipf, ranking.german_freq, keys)
    for number, (row, found) in enumerate(rows, 1):
        senses.append(row)
        candidate_rows += _candidate_rows(row[0], found, ranking.layers)
        if within is not None and number % _RANK_STEP == 0:
            within(number / len(keys))
    return senses, candidate_rows


LemmaRow = tuple[str, str, str]


def _helper_rows(
    ranking: _Ranking, keys: Sequence[str]
) -> tuple[list[SenseRow], list[CandidateRow], list[LemmaRow]]:
    """The helper's part of a build: the rows of ``keys``, and the lemma rows."""
    senses, candidate_rows = _ranked_rows(ranking, keys)
    return senses, candidate_rows, _lemma_rows(load_lemmas(), ranking.grouped)


def _can_fork() -> bool:
    import multiprocessing

    return usable_cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


class _Helper:
    """``work(*args)`` in a forked process bound to this one (``lifeline``), its result
    sent back whole; in this process, when asked, where there is no second core or no
    fork.  Leaving the ``with`` block ends the process, so an interrupted build leaves
    none behind."""

    def __init__(
        self,
        work: Callable[..., Any],
        *args: Any,
        cleans_up: bool = False,
        progress: Callable[[BuildStep], None] | None = None,
    ) -> None:
        self._work = work
        self._args = args
        # ended (SIGTERM), ``work`` raises SystemExit and so removes what it leaves half
        # written, rather than dying at once (a store build)
        self._cleans_up = cleans_up
        # given: ``work`` is called with ``progress=``, whose steps ``result`` hands on in
        # this process (a callback that prints or collects works as without the fork)
        self._progress = progress
        self._process: Any = None
        self._pipe: Any = None

    def __enter__(self) -> _Helper:
        if _can_fork():
            import multiprocessing

            context = multiprocessing.get_context("fork")
            self._pipe, child = context.Pipe(duplex=False)
            # fork: the arguments are the child's without being pickled
            self._process = context.Process(
                target=_run_helper,
                args=(
                    child,
                    os.getpid(),
                    self._work,
                    self._args,
                    self._cleans_up,
                    self._progress is not None,
                ),
                # a daemon may start no process of its own, and a build forks its helper;
                # either way ``lifeline`` and this block's end see that it ends with us
                daemon=not self._cleans_up,
            )
            self._process.start()
            child.close()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._pipe.close()

    def result(self) -> Any:
        if self._process is None:
            if self._progress is not None:
                return self._work(*self._args, progress=self._progress)
            return self._work(*self._args)
        while True:
            try:
                kind, value = self._pipe.recv()
            except EOFError:
                raise LexiconError(
                    f"the store build's helper process ended (exit code {self._process.exitcode})"
                ) from None
            if kind == _STEP:
                if self._progress is not None:
                    self._progress(value)
                continue
            if kind == _FAILED:
                raise value
            return value


_STEP, _FAILED, _DONE = "step", "failed", "done"  # what a helper sends


def _run_helper(
    pipe: Any,
    parent: int,
    work: Callable[..., Any],
    args: tuple[Any, ...],
    cleans_up: bool,
    relays: bool,
) -> None:
    import signal

    from dolmetsch import lifeline

    lifeline.bind_to_parent(parent)  # a killed build leaves no helper ranking on
    # Ctrl-C reaches the process group: the build ends the helper itself, which then
    # prints no KeyboardInterrupt of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if cleans_up:
        signal.signal(signal.SIGTERM, _exit_on_term)
    try:
        if relays:
            value = work(*args, progress=lambda step: pipe.send((_STEP, step)))
        else:
            value = work(*args)
        outcome: tuple[str, Any] = (_DONE, value)
    except Exception as exc:  # raised again in the build
        outcome = (_FAILED, exc)
    pipe.send(outcome)
    pipe.close()


def _exit_on_term(_signal: int, _frame: object) -> None:
    raise SystemExit(128 + 15)


@contextmanager
def building(
    data_dir: Path, progress: Callable[[BuildStep], None] | None = None
) -> Iterator[Callable[[], BuildReport]]:
    """``build_store(data_dir, progress=progress)`` in a forked process (bound to this
    one, as the build's own helper is) while the caller goes on with work that needs no
    store; the function given waits for the build, hands ``progress`` its steps (in the
    caller's thread, as they come) and returns its report.  Leaving the block before ends
    the build, which removes its half-written file.  Without fork or a second core the
    build runs when its report is asked for."""
    with _Helper(build_store, data_dir, cleans_up=True, progress=progress) as helper:
        yield helper.result


def build_store(
    data_dir: Path | None = None,
    ding: Path | None = None,
    *,
    use_de2en: bool = True,
    progress: Callable[[BuildStep], None] | None = None,
) -> BuildReport:
    """Build the store for the Ding file ``ding`` into ``data_dir`` and return its report.

    Takes about half a minute for the full Ding file; ``progress`` gets a
    :class:`BuildStep` as each of the :data:`BUILD_STAGES` stages starts and steps within
    the long ones.  The learned tables (``learned.learned_sources``) are joined in.  Older
    stores in ``data_dir`` (another Ding hash, learned tables or schema) are removed once
    the new one is in place.
    """
    report = progress or (lambda _step: None)
    stage = 0

    def say(line: str) -> None:
        nonlocal stage
        report(BuildStep(_STAGE_START[stage], line, stage + 1))
        stage += 1

    def within(share: float) -> None:  # ``share`` of the current stage is done
        start, end = _STAGE_START[stage - 1], _STAGE_END[stage - 1]
        report(BuildStep(start + (end - start) * min(share, 1.0)))

    ding = ding or ding_path()
    require_ding(ding)
    started = time.perf_counter()
    target_dir = data_dir or default_data_dir()
    digest = file_digest(ding)
    tables = learned_sources(target_dir)
    target = target_dir / store_name(digest, learned_digest(tables))
    say(f"reading {ding}")
    with ding.open(encoding="utf-8") as stream:
        lines = stream.readlines()
    grouped = _group(parse_ding(lines))
    if not grouped:
        raise LexiconError(f"{ding}: no dictionary entries found; is it a Ding file?")
    say("reading de2en, wordfreq, simplemma and the learned tables")
    layers = load_layers(target_dir)
    learned = Learned()  # language model counts add up; user phrases win
    for layer in reversed(layers):
        learned.sentences += layer.sentences
        learned.add(Learned(unigrams=layer.unigrams, bigrams=layer.bigrams))
        learned.phrases.update(layer.phrases)
        learned.prepositions.update(layer.prepositions)
    pkl = de2en_path() if use_de2en else None
    de2en = load_de2en(pkl) if pkl else {}
    zipf = english_zipf(load_frequencies("en"))
    german_freq = load_frequencies("de")
    say(f"ranking the candidates of {len(grouped)} keys")
    keys = list(grouped)
    # A helper process ranks the last keys and finds the lemmas meanwhile (forked, it has
    # all read above without a copy); this process ranks the other keys, works out the
    # other tables and writes its rows, then the helper's: the same rows, in half the time.
    mine = round(len(keys) * _OWN_SHARE) if _can_fork() else len(keys)
    ranking = _Ranking(grouped, de2en, zipf, german_freq, layers)
    with _Helper(_helper_rows, ranking, keys[mine:]) as helper:
        senses, candidate_rows = _ranked_rows(ranking, keys[:mine], within)
        say("inflections, lemmas, phrases and names")
        inflections = _english_inflections(
            (p for ps in grouped.values() for p in ps), english_irregulars(lines)
        )
        phrases = _phrase_rows(grouped, FUNCTION_WORDS)
        names = sorted(
            w
            for w, c in de2en.items()
            if _is_name(w, c) and not _common_noun(w, grouped, german_freq)
        )
        starts: dict[str, int] = {}
        for lower in [*phrases, *learned.phrases]:
            words = lower.split()
            starts[words[0]] = max(starts.get(words[0], 0), len(words))
        meta = {
            "schema": str(SCHEMA_VERSION),
            "ding_sha256": digest,
            "ding_path": str(ding),
            "de2en": "0.1.1" if de2en else "",
            "learned": " ".join(str(t) for t in tables),
            "learned_sentences": str(learned.sentences),
            "lm_tokens": str(sum(learned.unigrams.values())),
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }

        target_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=target_dir)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            con = sqlite3.connect(tmp)
            try:
                con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
                con.executemany("INSERT INTO meta VALUES(?,?)", sorted(meta.items()))
                say(f"writing {target.name}")
                # this process's rows first, while the helper still works
                con.executemany("INSERT INTO sense VALUES(?,?,?,?,?,?)", senses)
                con.executemany("INSERT INTO candidate VALUES(?,?,?,?,?,?,?,?,?)", candidate_rows)
                con.executemany("INSERT INTO unigram VALUES(?,?)", sorted(learned.unigrams.items()))
                con.executemany(
                    "INSERT INTO bigram VALUES(?,?,?)",
                    sorted((v, w, c) for (v, w), c in learned.bigrams.items()),
                )
                con.executemany("INSERT INTO inflection VALUES(?,?,?)", inflections)
                con.executemany("INSERT INTO phrase VALUES(?,?)", sorted(phrases.items()))
                con.executemany("INSERT INTO phrase_start VALUES(?,?)", sorted(starts.items()))
                con.executemany(
                    "INSERT INTO learned_phrase VALUES(?,?)",
                    sorted((g, e) for g, (e, _, _) in learned.phrases.items()),
                )
                con.executemany(
                    "INSERT INTO learned_preposition VALUES(?,?,?,?)",
                    sorted((*anchor, e) for anchor, (e, _, _) in learned.prepositions.items()),
                )
                con.executemany("INSERT INTO name VALUES(?)", ((n,) for n in names))
                usage = _usage_table()
                con.executemany("INSERT INTO usage VALUES(?,?,?)", usage)
                within(0.3)
                more_senses, more_candidates, lemmas = helper.result()
                for fallback in _fallback_rows(
                    de2en, grouped, {f for f, _, _ in lemmas}, german_freq
                ):
                    word, english, freq = fallback[0], fallback[1], fallback[-1]
                    more_senses.append((word, english, "N", "N", "N", freq))
                    more_candidates += _candidate_rows(word, [(english, 0.0, 0)], layers)
                con.executemany("INSERT INTO sense VALUES(?,?,?,?,?,?)", more_senses)
                con.executemany("INSERT INTO candidate VALUES(?,?,?,?,?,?,?,?,?)", more_candidates)
                con.executemany("INSERT INTO lemma VALUES(?,?,?)", lemmas)
                filters = {
                    "lemma": [form for form, _, _ in lemmas],
                    "sense": [row[0] for row in senses + more_senses],
                    "phrase_start": list(starts),
                    "inflection": [_inflection_key(en, tag) for en, tag, _ in inflections],
                    "usage": [row[0] for row in usage],
                }
                con.executemany(
                    "INSERT INTO key_filter VALUES(?,?)",
                    [(name, build_filter(keys).bits) for name, keys in sorted(filters.items())],
                )
                con.commit()
                within(0.7)
                con.execute("VACUUM")
            finally:
                con.close()
            tmp.chmod(0o644)  # mkstemp's 0600 would hide a shared store from other users
            tmp.replace(target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    for old in target_dir.glob("lexicon-*-v*.sqlite"):
        if old != target:
            old.unlink(missing_ok=True)
    report(BuildStep(1.0))
    return BuildReport(
        target,
        time.perf_counter() - started,
        len(senses) + len(more_senses),
        len(lemmas),
        len(phrases),
        bool(de2en),
    )


class Store:
    """A built store, opened read-only, with cached point lookups."""

    def __init__(self, path: Path, weights: Weights = DEFAULT) -> None:
        self.weights = weights
        if not path.is_file():
            raise LexiconError(f"{path}: lexicon store not found; run: dolmetsch lexicon build")
        self.path = path
        try:
            # uri() makes a relative data folder absolute: as_uri() refuses a relative path.
            self._con = sqlite3.connect(
                f"{uri(path, 'ro')}&immutable=1", uri=True, check_same_thread=False
            )
            # A run makes some 150,000 point queries over pages all through the file: mapped,
            # SQLite reads them in place instead of copying each page it visits.
            self._con.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
            self.meta = dict(self._con.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise LexiconError(f"{path}: not a lexicon store ({exc}); rebuild it") from exc
        if self.meta.get("schema") != str(SCHEMA_VERSION):
            raise LexiconError(
                f"{path}: store schema {self.meta.get('schema')}, need v{SCHEMA_VERSION}"
            )
        with self.intact():
            tables = {n for (n,) in self._con.execute("SELECT name FROM sqlite_master")}
        if not tables >= _TABLES:
            raise LexiconError(
                f"{path}: damaged lexicon store (no table {', '.join(sorted(_TABLES - tables))});"
                " delete it and run: dolmetsch lexicon build"
            )
        self._senses: dict[str, Sense | None] = {}
        self._lemmas: dict[str, tuple[str, str] | None] = {}
        self._inflections: dict[tuple[str, str], str | None] = {}
        self._phrases: dict[str, dict[str, str]] = {}  # first word -> its phrases
        self._starts: dict[str, int] = {}
        self._keys: dict[str, bool] = {}  # is_key's answers (compound parts: mostly not keys)
        self._names: frozenset[str] | None = None  # read whole on first use
        self._usage: dict[str, tuple[float, float]] = {}
        self._learned_phrases: dict[str, str] | None = None  # read whole on first use
        self._prepositions: dict[tuple[str, str, str], str] | None = None  # read whole
        self._candidates: dict[str, list[Evidence]] = {}
        self._ranked: dict[tuple[str, bool], list[tuple[str, float]]] = {}
        self._unigrams: dict[str, int] = {}
        self._bigrams: dict[tuple[str, str], float] = {}
        self._lm_total = int(self.meta.get("lm_tokens", "0"))
        self._filters: dict[str, KeyFilter] | None = None  # read whole on first use

    @contextmanager
    def intact(self) -> Iterator[None]:
        """Turns SQLite's report of a damaged file (a page that does not read, a table
        gone) into one clear error instead of a traceback."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise LexiconError(
                f"{self.path}: damaged lexicon store ({exc}); delete it and run:"
                " dolmetsch lexicon build"
            ) from exc

    @property
    def version(self) -> str:
        """Short identity of the data: Ding hash prefix, the learned tables' hash (in the
        store's name, ``store_name``) and schema version."""
        ding = self.meta.get("ding_sha256", "")[:12]
        name = self.path.stem.removeprefix("lexicon-")
        if name.startswith(ding + "_"):
            return name  # "34052c6021d0_bee1c5e4-v17"
        return f"{ding}-v{self.meta.get('schema', '')}"

    def close(self) -> None:
        self._con.close()

    def sense(self, key: str) -> Sense | None:
        """The row of the exact German key, or None."""
        try:
            return self._senses[key]
        except KeyError:
            pass
        row = (
            self._con.execute(
                "SELECT first, pos0, pos3, poss, fde FROM sense WHERE de=?", (key,)
            ).fetchone()
            if self._may_be_key(key)
            else None
        )
        found = None
        if row is not None:
            first, pos0, pos3, poss, fde = row
            en, en_pp = self._best(key, first)
            found = Sense(
                en, en_pp, first, pos0, frozenset(pos3.split()), frozenset(poss.split()), fde
            )
        if len(self._senses) > CACHE_LIMIT:
            self._senses.clear()
        self._senses[key] = found
        return found

    def _may_be_key(self, key: str) -> bool:
        """False when ``key`` is surely no key: the sense table's filter says so, or a key
        of two to ``MAX_PHRASE_WORDS`` words is no phrase (such a key is also a phrase unless
        all its words are function words, ``_phrase_rows``, so the phrases of its first
        word, read once, answer for the many word groups the engine asks about: "in Frage
        kommen", "der Schutz")."""
        if " " not in key:
            return self._filter("sense").may_contain(key)
        words = key.split()
        if (
            len(words) > MAX_PHRASE_WORDS
            or " ".join(words) != key  # other spacing ("a\tb"): the filter decides
            or all(w.lower() in FUNCTION_WORDS for w in words)
        ):
            return self._filter("sense").may_contain(key)
        lower = key.lower()
        return lower in self._phrases_of(lower.partition(" ")[0])

    def _filter(self, table: str) -> KeyFilter:
        """The Bloom filter of ``table``'s keys (``keyfilter``): "surely absent" without a
        query, for the many words a run asks about that are no key (compound parts)."""
        if self._filters is None:
            rows = self._con.execute("SELECT name, bits FROM key_filter")
            self._filters = {str(name): KeyFilter(bytes(bits)) for name, bits in rows}
        return self._filters[table]

    def candidates(self, key: str) -> list[Evidence]:
        """Every stored English candidate of ``key``, in Ding's order."""
        try:
            return self._candidates[key]
        except KeyError:
            pass
        rows = self._con.execute(
            "SELECT en, base, flags, hits, n, bg, al FROM candidate WHERE de=? ORDER BY rank",
            (key,),
        ).fetchall()
        found = [
            Evidence(en, base, bool(f & 1), bool(f & 2), h, n, bg, al)
            for en, base, f, h, n, bg, al in rows
        ]
        if len(self._candidates) > CACHE_LIMIT:
            self._candidates.clear()
        self._candidates[key] = found
        return found

    def learned_count(self, key: str) -> int:
        """Sentence pairs of the learned tables whose German has ``key`` (0: none learned)."""
        found = self.candidates(key)
        return found[0].n if found else 0

    def ranked(self, key: str, participle: bool) -> list[tuple[str, float]]:
        """(English, score) of ``key``'s candidates, best first, after an auxiliary or not."""
        try:
            return self._ranked[key, participle]
        except KeyError:
            pass
        found = self.candidates(key)
        # Without a participle sub-entry a key's participle is its finite sense.
        ranked = rank(found, participle and any(c.pp for c in found), self.weights)
        if len(self._ranked) > CACHE_LIMIT:
            self._ranked.clear()
        self._ranked[key, participle] = ranked
        return ranked

    def _best(self, key: str, first: str) -> tuple[str, str]:
        found = self.candidates(key)
        if not found:
            return first, first
        # ``ranked``'s cache: the engine ranks most keys it finds again (options, evidence).
        finite = self.ranked(key, False)[0][0]
        if not any(c.pp for c in found):
            return finite, finite
        return finite, self.ranked(key, True)[0][0]

    def _unigram(self, word: str) -> int:
        try:
            return self._unigrams[word]
        except KeyError:
            pass
        row = self._con.execute("SELECT c FROM unigram WHERE w=?", (word,)).fetchone()
        if len(self._unigrams) > CACHE_LIMIT:
            self._unigrams.clear()
        self._unigrams[word] = found = int(row[0]) if row else 0
        return found

    def lm(self, history: str, word: str) -> float:
        """log10 language-model score of English ``word`` after ``history`` (``lm`` words)."""
        key = (history, word)
        try:
            return self._bigrams[key]
        except KeyError:
            pass
        row = self._con.execute("SELECT c FROM bigram WHERE v=? AND w=?", key).fetchone()
        found = backoff_score(
            int(row[0]) if row else 0, self._unigram(history), self._unigram(word), self._lm_total
        )
        if len(self._bigrams) > CACHE_LIMIT:
            self._bigrams.clear()
        self._bigrams[key] = found
        return found

    def lemma(self, form: str) -> str | None:
        """A lemma of ``form`` that is itself a key, or None."""
        found = self.lemma_tag(form)
        return found[0] if found else None

    def lemma_tag(self, form: str) -> tuple[str, str] | None:
        """(lemma, tag) of ``form``; the tag is "pl", "past" or ""; None if unknown."""
        try:
            return self._lemmas[form]
        except KeyError:
            pass
        row = (
            self._con.execute("SELECT lemma, tag FROM lemma WHERE form=?", (form,)).fetchone()
            if self._filter("lemma").may_contain(form)
            else None
        )
        if len(self._lemmas) > CACHE_LIMIT:
            self._lemmas.clear()
        self._lemmas[form] = found = (row[0], row[1]) if row else None
        return found

    def inflection(self, english: str, tag: str) -> str | None:
        """Ding's plural ("pl") or past ("past") of an English word, if Ding gives one."""
        key = (english, tag)
        try:
            return self._inflections[key]
        except KeyError:
            pass
        row = (
            self._con.execute("SELECT form FROM inflection WHERE en=? AND tag=?", key).fetchone()
            if self._filter("inflection").may_contain(_inflection_key(english, tag))
            else None
        )
        if len(self._inflections) > CACHE_LIMIT:
            self._inflections.clear()
        self._inflections[key] = found = row[0] if row else None
        return found

    def phrase(self, lower: str) -> str | None:
        """The Ding key of a lower-cased contiguous phrase, or None."""
        first, space, _ = lower.partition(" ")
        if not space:
            row = self._con.execute("SELECT de FROM phrase WHERE key=?", (lower,)).fetchone()
            return str(row[0]) if row else None
        return self._phrases_of(first).get(lower)

    def _phrases_of(self, first: str) -> dict[str, str]:
        """Every phrase whose first word is ``first``, by lower-cased key: one range query
        per first word answers each candidate length of a sentence position (a few
        thousand rows for "die", none for most words)."""
        try:
            return self._phrases[first]
        except KeyError:
            pass
        # The keys that start with "first " sort from it up to "first!" (" " + 1).
        rows = self._con.execute(
            "SELECT key, de FROM phrase WHERE key >= ? AND key < ?", (first + " ", first + "!")
        ).fetchall()
        if len(self._phrases) > CACHE_LIMIT:
            self._phrases.clear()
        self._phrases[first] = found = {str(key): str(de) for key, de in rows}
        return found

    def learned_phrase(self, lower: str) -> str | None:
        """The learned English of a lower-cased contiguous German phrase, or None."""
        return self.learned_phrases().get(lower)

    def learned_phrases(self) -> Mapping[str, str]:
        """Every learned phrase pair: lower-cased German -> English."""
        if self._learned_phrases is None:
            # A small table (about 1,300 rows) asked for at almost every word: read it whole.
            rows = self._con.execute("SELECT key, en FROM learned_phrase").fetchall()
            self._learned_phrases = {str(key): str(en) for key, en in rows}
        return self._learned_phrases

    def phrases_of(self, first: str) -> Mapping[str, str]:
        """The Ding key of every phrase of two or more words whose lower-cased first word
        is ``first``, by lower-cased phrase: :meth:`phrase` of each."""
        return self._phrases_of(first)

    def learned_preposition(self, anchor: str, german: str, key: str) -> str | None:
        """The learned English of preposition ``german`` at an anchor (``prepositions``)."""
        if self._prepositions is None:
            # A small table (about 1,000 rows) asked for at thousands of prepositions a
            # corpus: one read costs less than a query per distinct (anchor, preposition, key).
            rows = self._con.execute("SELECT anchor, de, key, en FROM learned_preposition")
            self._prepositions = {
                (str(anchor), str(de), str(key)): str(en) for anchor, de, key, en in rows
            }
        return self._prepositions.get((anchor, german, key))

    def firsts_starting(self, prefix: str, limit: int = 500) -> list[tuple[str, str]]:
        """(key, Ding's first English) of the keys that start with ``prefix``."""
        rows = self._con.execute(
            "SELECT de, first FROM sense WHERE de > ? AND de < ? LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        ).fetchall()
        return [(str(de), str(first)) for de, first in rows]

    def is_key(self, key: str) -> bool:
        """Whether ``key`` is a key, without ranking its senses as ``sense`` does."""
        if self._senses.get(key) is not None:
            return True
        try:
            return self._keys[key]
        except KeyError:
            pass
        found = (
            self._filter("sense").may_contain(key)
            and self._con.execute("SELECT 1 FROM sense WHERE de=?", (key,)).fetchone() is not None
        )
        if len(self._keys) > CACHE_LIMIT:
            self._keys.clear()
        self._keys[key] = found
        return found

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is a name: de2en's first translation of it is itself."""
        if self._names is None:
            # About 13,000 rows asked for at most capitalised words: reading them whole
            # costs less than the thousands of distinct queries a news corpus makes.
            rows = self._con.execute("SELECT de FROM name")
            self._names = frozenset(str(de) for (de,) in rows)
        return word in self._names

    def usage(self, word: str) -> tuple[float, float]:
        """wordfreq's English and German Zipf frequencies of ``word`` (case-folded); (0, 0)
        for a word English does not use (below ``names.MIN_ENGLISH_ZIPF``)."""
        key = word.casefold()
        try:
            return self._usage[key]
        except KeyError:
            pass
        row = (
            self._con.execute("SELECT en, de FROM usage WHERE w=?", (key,)).fetchone()
            if self._filter("usage").may_contain(key)
            else None
        )
        if len(self._usage) > CACHE_LIMIT:
            self._usage.clear()
        self._usage[key] = found = (row[0], row[1]) if row else (0.0, 0.0)
        return found

    def phrase_length(self, first_lower: str) -> int:
        """Longest phrase (in words) that starts with this lower-cased word; 0 if none."""
        try:
            return self._starts[first_lower]
        except KeyError:
            pass
        row = (
            self._con.execute("SELECT n FROM phrase_start WHERE first=?", (first_lower,)).fetchone()
            if self._filter("phrase_start").may_contain(first_lower)
            else None
        )
        if len(self._starts) > CACHE_LIMIT:
            self._starts.clear()
        self._starts[first_lower] = found = int(row[0]) if row else 0
        return found


def usage_rows(
    english: Mapping[str, float], german: Mapping[str, float]
) -> Iterator[tuple[str, float, float]]:
    """The usage table: every word of letters English uses at least ``MIN_ENGLISH_ZIPF``,
    with its English and German Zipf frequencies (wordfreq's own rounding to 2 places)."""

    def zipf(frequency: float) -> float:
        return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0

    least = 10 ** (MIN_ENGLISH_ZIPF - 0.005 - 9)  # what rounds to MIN_ENGLISH_ZIPF or more
    for word in sorted(w for w, f in english.items() if f >= least):
        en = zipf(english[word])
        if en >= MIN_ENGLISH_ZIPF and word.isalpha():
            yield word, en, zipf(german.get(word, 0.0))


def _inflection_key(english: str, tag: str) -> str:
    """The inflection table's key (English, tag) as one string for its filter."""
    return f"{english}\t{tag}"


@lru_cache(maxsize=1)
def _usage_table() -> tuple[tuple[str, float, float], ...]:
    """``usage_rows`` of wordfreq's tables, computed once per process (they never change)."""
    return tuple(usage_rows(load_frequencies("en"), load_frequencies("de")))
