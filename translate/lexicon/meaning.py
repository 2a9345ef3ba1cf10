"""Checks that a translation keeps what must never change: negation and numbers.

Pure functions on a German sentence and its English translation, used by the quality
benchmark and by the test that no engine change introduces a meaning error over a test set.
"""

from __future__ import annotations

import re

# German negators: a sentence with one of them must say "no" in English too.
GERMAN_NEGATORS = frozenset(
    "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand niemandem "
    "niemanden weder nirgends nirgendwo keinerlei".split()
)
# English negators, and words that carry a negation in their meaning ("fail", "without",
# "refuse", "lack").
ENGLISH_NEGATIVES = frozenset(
    "not n't no never nothing nobody none neither nor nowhere without cannot can't don't "
    "doesn't didn't isn't aren't wasn't weren't won't wouldn't hasn't haven't hadn't "
    "no-one refuse refused refuses fail failed fails lack lacks lacked hardly".split()
)
_WORD = re.compile(r"[\w'’-]+")
_DIGITS = re.compile(r"\d+")
# A German clock time becomes a 12-hour English one by design: "20 Uhr" -> "8 p.m.".
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?(?=\s*Uhr\b)")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def has_german_negation(german: str) -> bool:
    return any(w in GERMAN_NEGATORS for w in _words(german))


def has_english_negation(english: str) -> bool:
    words = _words(english)
    return any(w in ENGLISH_NEGATIVES or w.endswith("n't") for w in words)


def negation_kept(german: str, english: str) -> bool:
    """False only when the German negates and the English has no negative word."""
    return not has_german_negation(german) or has_english_negation(english)


def numbers_kept(german: str, english: str) -> bool:
    """Whether every digit group of the German appears in the English, as many times.

    Digit groups ignore separators, so "1.000" -> "1,000" and "19,7" -> "19.7" keep them;
    clock times ("16.30 Uhr") are left out.
    """
    found = _DIGITS.findall(english)
    for group in _DIGITS.findall(_CLOCK.sub(" ", german)):
        if group in found:
            found.remove(group)
        else:
            return False
    return True
