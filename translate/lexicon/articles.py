"""The German definite article where English has none.

German puts "der/die/das" (or a contraction: "im", "vom", "zum") before days, months, a
year named with "Jahr", generic plurals and mass nouns in their general sense; English
writes "on Thursday", "in May", "in 2016", "people want", "life is short".  Each rule is a
small named function of the sentence's tokens (in English word order) and an article's
index that answers which tokens lose their English: the article's "the" (``bare``) and
words English leaves out with it (``dropped``: "Jahr" in "des Jahres 2016" -> "of 2016").

Counted over the learning sets (news-test2008 ... newstest2016): after an article or a
contraction a day's name had no "the" in the reference 520 times to 58, a month 263 to 24,
"die Menschen"/"die Leute" ("people") 101 to 31.  The functions are pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .rules import DAYS, MONTHS

# Definite articles and the contractions of a preposition with one.
DEFINITE = frozenset("der die das dem den des".split())
CONTRACTIONS = frozenset("im am vom zum zur beim ins ans".split())
_DAY_NAMES = tuple(DAYS)
_YEAR_NOUNS = frozenset(["Jahr", "Jahre", "Jahres"])


@dataclass(frozen=True)
class Bare:
    """Token indices whose English article goes (``articles``) and tokens that go with
    it (``dropped``)."""

    articles: frozenset[int]
    dropped: frozenset[int]


Rule = Callable[[Sequence[str], int], tuple[int, ...] | None]


def _article(token: str) -> bool:
    lower = token.lower()
    return lower in DEFINITE or lower in CONTRACTIONS


def _after(tokens: Sequence[str], i: int) -> str:
    return tokens[i + 1] if i + 1 < len(tokens) else ""


def day_or_month(tokens: Sequence[str], i: int) -> tuple[int, ...] | None:
    """A day or a month, or a time of a day, takes no article: "vom Donnerstag" -> "from
    Thursday", "im Juli" -> "in July", "am Freitagabend" -> "on Friday evening"."""
    following = _after(tokens, i)
    if following in MONTHS or following in DAYS:
        return ()
    if following.startswith(_DAY_NAMES) and following[1:].islower():
        return ()  # "Donnerstagabend", "Sonntagmorgen"
    return None


def named_year(tokens: Sequence[str], i: int) -> tuple[int, ...] | None:
    """A year named with "Jahr" is its number alone: "aus dem Jahr 2015" -> "from 2015",
    "des Jahres 2016" -> "of 2016" (so "Jahr" goes too)."""
    if _after(tokens, i) not in _YEAR_NOUNS or i + 2 >= len(tokens):
        return None
    number = tokens[i + 2]
    if len(number) == 4 and number.isdigit():
        return (i + 1,)
    return None


RULES: tuple[Rule, ...] = (day_or_month, named_year)


def bare_articles(tokens: Sequence[str]) -> Bare:
    """Which articles of a sentence (tokens in English order) English leaves out."""
    articles: set[int] = set()
    dropped: set[int] = set()
    for i, token in enumerate(tokens):
        if not _article(token):
            continue
        for rule in RULES:
            found = rule(tokens, i)
            if found is not None:
                articles.add(i)
                dropped.update(found)
                break
    return Bare(frozenset(articles), frozenset(dropped))


def strip_the(english: str) -> str:
    """An article's or a contraction's English without its "the": "in the" -> "in"."""
    words = english.split(" ")
    if words and words[-1].lower() == "the":
        return " ".join(words[:-1])
    return english
