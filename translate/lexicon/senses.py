"""Senses in context: which English candidate of a German key its sentence calls for.

The scorer's priors choose one sense per key for every sentence ("Haus" -> "house"); the
words around a key often say which sense is meant ("nach Hause" -> "home", "seine Frau" ->
"wife").  This module learns that from parallel text as a naive Bayes model per key, kept
as counts only:

- a key's occurrence is *labelled* with the candidates (of the store's, two or more) whose
  content words occur, stemmed, in the English sentence; an occurrence with none is left
  out, one with several counts a share for each;
- its *features* are the words next to it (``p:`` the one before, ``n:`` the one after,
  lower-cased) and the store keys of the sentence's other content words (``w:``).

At run time a candidate's context evidence is the log-likelihood ratio of the sentence's
features under the candidate against under the key as a whole, with each feature's rate
smoothed towards the key's (``smoothing`` pseudo-occurrences): a feature seen a few times
says little, a feature never seen with the key says nothing, and a candidate never seen
labelled keeps the prior alone.  The scorer adds it to the prior with its weight.

The table (a gzipped TSV, no sentences):

- ``L <tab> key <tab> english <tab> count``: labelled occurrences of the candidate;
- ``F <tab> key <tab> feature <tab> english <tab> count``: of those, the ones with the
  feature (a feature is kept when it was seen with the key at least ``MIN_FEATURE`` times).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from dolmetsch.errors import DolmetschError

from .grammar import ADVERB, ATTRIBUTE, DO, NEGATED, TENSE
from .learned import read_table, write_table
from .rules import FUNCTION_WORDS

if TYPE_CHECKING:
    from .engine import LexiconEngine

PACKAGED = Path(__file__).resolve().parent / "data" / "senses.tsv.gz"
HEADER = "# dolmetsch lexicon senses in context v1 (counts only)"
# A feature seen with a key fewer times is no evidence and stays out of the table.
MIN_FEATURE = 3
# A key needs this many labelled occurrences to learn anything from its contexts.
MIN_LABELLED = 6
_PLAIN_ENGLISH = re.compile(r"^[A-Za-z][A-Za-z' -]*$")
# A token's store key, or None.
Resolve = Callable[[str], "str | None"]


class SensesError(DolmetschError):
    """A senses-in-context table cannot be read."""


@dataclass
class Senses:
    """Labelled counts per key and candidate, and per key, feature and candidate.

    Read with ``lazy=True`` (:func:`parse_senses`), a table keeps its feature rows as text
    and parses a key's on the first :meth:`feature` of that key: a translating process
    needs a few hundred of the table's 7,000 keys, and parsing all 38,000 rows took a
    tenth of a second of every command's start."""

    labelled: dict[str, dict[str, float]] = field(default_factory=dict)
    features: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)
    pending: _Rows | None = field(default=None, compare=False, repr=False)

    def feature(self, key: str, feature: str) -> dict[str, float] | None:
        """The counts per candidate of ``key``'s occurrences with ``feature``, if any."""
        if self.pending is not None:
            self.pending.parse(key, self.features)
        return self.features.get((key, feature))

    def add(self, other: Senses) -> None:
        for key, found in other.labelled.items():
            mine = self.labelled.setdefault(key, {})
            for english, count in found.items():
                mine[english] = mine.get(english, 0.0) + count
        for pair, found in other.features.items():
            mine = self.features.setdefault(pair, {})
            for english, count in found.items():
                mine[english] = mine.get(english, 0.0) + count


def context_features(keys: Iterable[str], tokens: Sequence[str], i: int) -> frozenset[str]:
    """The features of the token at ``i``: its neighbours and the other content ``keys``."""
    found = {f"w:{k}" for k in keys}
    if i > 0:
        found.add(f"p:{_word(tokens[i - 1])}")
    if i + 1 < len(tokens):
        found.add(f"n:{_word(tokens[i + 1])}")
    return frozenset(found)


def _word(token: str) -> str:
    """A token as a feature: the engine's word order joins a separable verb with a tab
    ("an\tkündigt") and marks adverbs and negations with control characters."""
    return token.partition(TENSE)[0].lstrip(ADVERB + NEGATED + DO + ATTRIBUTE).lower()


def content_keys(tokens: Sequence[str], resolve: Resolve) -> list[tuple[int, str]]:
    """(position, store key) of each content word among ``tokens`` the store knows."""
    found = []
    for i, token in enumerate(tokens):
        if not token[:1].isalpha() or token.lower() in FUNCTION_WORDS:
            continue
        if TENSE in token or " " in token:
            continue  # a verb word order joined ("weitergehen\tgingen"): learning never saw one
        key = resolve(token)
        if key is not None:
            found.append((i, key))
    return found


# Tokens on each side whose content keys are a word's context (learning saw whole sentences,
# which are shorter than this).
WINDOW = 60


class SentenceContext:
    """One sentence's context features, its content keys worked out on first use (most
    sentences have no key the model knows)."""

    def __init__(self, tokens: Sequence[str], resolve: Resolve) -> None:
        self.tokens = tokens
        self._resolve = resolve

    @cached_property
    def _found(self) -> list[tuple[int, str]]:
        return content_keys(self.tokens, self._resolve)

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(k for _, k in self._found)

    def features(self, i: int, key: str) -> frozenset[str]:
        """The features of the token at ``i`` (whose key is ``key``): the content keys
        within :data:`WINDOW` tokens of it, which is the whole of a news sentence; a
        100,000-word line (a flattened table) stays linear."""
        if len(self.tokens) <= 2 * WINDOW + 1:
            return context_features(self.keys - {key}, self.tokens, i)
        start = bisect.bisect_left(self._found, (i - WINDOW, ""))
        end = bisect.bisect_right(self._found, (i + WINDOW, "\uffff"))
        near = {k for _, k in self._found[start:end]} - {key}
        return context_features(near, self.tokens, i)


def learn_senses(pairs: Iterable[tuple[str, str]], engine: LexiconEngine) -> Senses:
    """The context counts of every key with two or more candidates in ``pairs``."""
    # (learn.py, its worker pools and threads, is no import of a translating process)
    from .learn import candidate_stems, english_stems, german_tokens

    def resolve(token: str) -> str | None:
        found = engine.words.resolved(token)
        return found[0] if found is not None else None

    links: dict[str, list[tuple[str, frozenset[str]]]] = {}
    labelled: dict[str, dict[str, float]] = {}
    raw: dict[tuple[str, str], dict[str, float]] = {}
    for german, english in pairs:
        reference = english_stems(english)
        tokens = german_tokens(german)
        keyed = content_keys(tokens, resolve)
        keys = {k for _, k in keyed}
        for i, key in keyed:
            found = links.get(key)
            if found is None:
                # "believe sb." would come out as it is: only plain English is a sense here
                found = [
                    (c.en, s)
                    for c in engine.store.candidates(key)
                    if _PLAIN_ENGLISH.match(c.en) and (s := candidate_stems(c.en))
                ]
                links[key] = found
            if len(found) < 2:
                continue
            present = [e for e, stems in found if stems <= reference]
            if not present:
                continue
            share = 1.0 / len(present)
            mine = labelled.setdefault(key, {})
            for e in present:
                mine[e] = mine.get(e, 0.0) + share
            for feature in context_features(keys - {key}, tokens, i):
                counts = raw.setdefault((key, feature), {})
                for e in present:
                    counts[e] = counts.get(e, 0.0) + share
    senses = Senses()
    for key, found_counts in labelled.items():
        if len(found_counts) >= 2 and sum(found_counts.values()) >= MIN_LABELLED:
            senses.labelled[key] = {e: round(c, 1) for e, c in found_counts.items()}
    for (key, feature), counts in raw.items():
        if key in senses.labelled and sum(counts.values()) >= MIN_FEATURE:
            senses.features[key, feature] = {e: round(c, 1) for e, c in counts.items()}
    return senses


def evidence(
    senses: Senses, key: str, candidates: Iterable[str], features: Iterable[str], smoothing: float
) -> dict[str, float]:
    """Per candidate of ``key``, the log-likelihood ratio of ``features`` under it against
    under the key (0 for a candidate never labelled, and for every one of an unknown key)."""
    labelled = senses.labelled.get(key)
    if labelled is None:
        return {}
    total = sum(labelled.values())
    seen = [(found, sum(found.values())) for f in features if (found := senses.feature(key, f))]
    out: dict[str, float] = {}
    for english in candidates:
        n = labelled.get(english, 0.0)
        if n <= 0:
            continue
        score = 0.0
        for found, with_feature in seen:
            rate = with_feature / total
            score += math.log((found.get(english, 0.0) + smoothing * rate) / (n + smoothing) / rate)
        out[english] = score
    return out


def dump_senses(senses: Senses) -> str:
    """The table as text, sorted, so the same counts give the same bytes."""
    lines = [HEADER]
    lines += [
        f"L\t{k}\t{e}\t{c:g}"
        for k, found in sorted(senses.labelled.items())
        for e, c in sorted(found.items())
    ]
    lines += [
        f"F\t{k}\t{f}\t{e}\t{c:g}"
        for (k, f), found in sorted(senses.features.items())
        for e, c in sorted(found.items())
    ]
    return "\n".join(lines) + "\n"


class _Rows:
    """A table's feature rows, sorted as :func:`dump_senses` writes them, parsed a key at a
    time."""

    def __init__(self, rows: list[str], first: int, name: str) -> None:
        self.rows = rows
        self.first = first  # the line number of rows[0]
        self.name = name
        self.done: set[str] = set()

    def parse(self, key: str, into: dict[tuple[str, str], dict[str, float]]) -> None:
        if key in self.done:
            return
        self.done.add(key)
        prefix = f"F\t{key}\t"  # "\t" sorts before any character of a key
        i = bisect.bisect_left(self.rows, prefix)
        while i < len(self.rows) and self.rows[i].startswith(prefix):
            _parse_row(self.rows[i], self.first + i, self.name, into, {})
            i += 1


def _parse_row(
    line: str,
    number: int,
    name: str,
    features: dict[tuple[str, str], dict[str, float]],
    labelled: dict[str, dict[str, float]],
) -> None:
    fields = line.split("\t")
    try:
        if fields[0] == "L" and len(fields) == 4:
            labelled.setdefault(fields[1], {})[fields[2]] = float(fields[3])
        elif fields[0] == "F" and len(fields) == 5:
            features.setdefault((fields[1], fields[2]), {})[fields[3]] = float(fields[4])
        else:
            raise ValueError("unknown row")
    except ValueError:
        raise SensesError(f"{name}:{number}: not a senses-in-context row") from None


def parse_senses(text: str, name: str = "<text>", *, lazy: bool = False) -> Senses:
    """The table ``text``; ``lazy``: its feature rows parsed a key at a time (``Senses``),
    when they come sorted (as ``dump_senses`` writes them), else at once."""
    senses = Senses()
    lines = text.split("\n")
    if lazy:
        start = next((i for i, line in enumerate(lines) if line.startswith("F\t")), len(lines))
        rows = lines[start:]
        if rows and not rows[-1]:
            rows.pop()
        if all(map(str.__le__, rows, rows[1:])):
            senses.pending = _Rows(rows, start + 1, name)
            lines = lines[:start]
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        _parse_row(line, number, name, senses.features, senses.labelled)
    return senses


def save_senses(senses: Senses, path: Path) -> None:
    write_table(dump_senses(senses), path)


def read_senses(path: Path, *, lazy: bool = False) -> Senses:
    text = read_table(path, SensesError, "senses-in-context table")
    return parse_senses(text, str(path), lazy=lazy)


def senses_path(learned: Path) -> Path:
    """Where ``lexicon learn`` puts the senses table next to the learned table ``learned``:
    ``learned.tsv.gz`` -> ``senses.tsv.gz``, ``learned-news.tsv.gz`` -> ``senses-news.tsv.gz``."""
    name = learned.name
    if name.startswith("learned"):
        return learned.with_name("senses" + name[len("learned") :])
    return learned.with_name(f"senses-{name}")


def _partner_unread(senses: Path) -> bool:
    """Whether ``senses`` was written beside a learned table the store does not read (one
    whose name does not start with "learned": ``senses_path``)."""
    partner = senses.with_name(senses.name.removeprefix("senses-"))
    return partner != senses and not partner.name.startswith("learned") and partner.is_file()


def load_senses(data_dir: Path) -> Senses:
    """The packaged table and the user's tables in ``data_dir``, their counts summed (as the
    learned tables are: ``learned.load_layers``)."""
    user = Senses()
    # not the senses of a learned table the store does not read: "-o mine.tsv.gz" wrote
    # "senses-mine.tsv.gz" beside a table not named "learned*"
    paths = [p for p in sorted(data_dir.glob("senses*.tsv.gz")) if not _partner_unread(p)]
    for path in paths:
        user.add(read_senses(path))
    if not PACKAGED.is_file():
        return user
    if not paths:  # (the common case: the packaged table alone, read as it is used)
        return read_senses(PACKAGED, lazy=True)
    packaged = read_senses(PACKAGED)
    packaged.add(user)
    return packaged
