"""Terminology QA over aligned (German, English) pairs: findings and term accuracy."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .matching import find_matches
from .model import Entry, Glossary

Problem = Literal["missing", "forbidden"]


@dataclass(frozen=True)
class Finding:
    """One inconsistent rendering in pair ``index`` (0-based).

    ``missing``: the German has more occurrences of the entry than the English has of its
    renderings and wrong spellings together (``text`` is the German text).  ``forbidden``:
    the English contains ``text``, a German or known wrong spelling, where ``expected``
    belongs.  A wrong spelling is one finding, never also a missing rendering: a hand-typed
    ``Kiev`` for ``Kiew`` is one failure.
    """

    index: int
    target: str
    problem: Problem
    text: str
    expected: str

    def describe(self) -> str:
        """The finding without its place: the caller names the pair as its output does (a
        PO entry's msgctxt, an HTML row), so that every output numbers pairs alike."""
        if self.problem == "missing":
            return f"{self.text!r} is not rendered as {self.expected!r}"
        return f"{self.text!r} should be {self.expected!r}"


@dataclass(frozen=True)
class TermAccuracy:
    """Share of source occurrences whose canonical form appears in the aligned output."""

    occurrences: int
    hits: int
    forbidden_left: int

    @property
    def accuracy(self) -> float:
        return self.hits / self.occurrences if self.occurrences else 1.0


@lru_cache(maxsize=512)
def _renderings(entry: Entry) -> re.Pattern[str]:
    forms = sorted(entry.renderings, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)")


def _pair_findings(index: int, german: str, english: str, glossary: Glossary) -> list[Finding]:
    findings: list[Finding] = []
    wanted: Counter[Entry] = Counter()
    first: dict[Entry, str] = {}
    for m in find_matches(german, glossary):
        wanted[m.entry] += 1
        first.setdefault(m.entry, m.text)
    wrong = [m for m in find_matches(english, glossary) if m.spelling.wrong]
    # A wrong spelling stands where a rendering belongs: it is counted once, as wrong.
    wrong_count = Counter(m.entry for m in wrong)
    for entry, count in wanted.items():
        if len(_renderings(entry).findall(english)) + wrong_count[entry] < count:
            findings.append(Finding(index, entry.target, "missing", first[entry], entry.target))
    for m in wrong:
        findings.append(Finding(index, m.entry.target, "forbidden", m.text, m.rendering))
    return findings


def check_pairs(pairs: Iterable[tuple[str, str]], glossary: Glossary) -> list[Finding]:
    """Every inconsistent rendering in ``pairs``, in pair order."""
    findings: list[Finding] = []
    for index, (german, english) in enumerate(pairs):
        findings.extend(_pair_findings(index, german, english, glossary))
    return findings


def term_accuracy(pairs: Iterable[tuple[str, str]], glossary: Glossary) -> TermAccuracy:
    """Term accuracy as in landscape.md: per source occurrence, is the canonical form there?"""
    occurrences = hits = forbidden = 0
    for german, english in pairs:
        wanted = Counter(m.entry for m in find_matches(german, glossary))
        for entry, count in wanted.items():
            occurrences += count
            hits += min(count, len(_renderings(entry).findall(english)))
        forbidden += sum(1 for m in find_matches(english, glossary) if m.spelling.wrong)
    return TermAccuracy(occurrences, hits, forbidden)
