"""Prepositions in context (``dolmetsch.lexicon.prepositions``): anchors and the choice."""

from __future__ import annotations

from dolmetsch.lexicon import prepositions
from dolmetsch.lexicon.grammar import tokenize

LEARNED = {
    ("N", "an", "Universität"): "at",
    ("N", "im", "Internet"): "on the",
    ("V", "an", "Interesse"): "in",
    ("V", "zum", "Beitrag"): "to",
}
KNOWN = {"Universität": "Universität", "Universitäten": "Universität", "Interesse": "Interesse"}


def _resolve(word: str) -> tuple[str, str] | None:
    return (KNOWN[word], "") if word in KNOWN else None


def _learned(anchor: str, german: str, key: str) -> str | None:
    return LEARNED.get((anchor, german, key))


def _choose(sentence: str, word: str) -> str | None:
    tokens = tokenize(sentence)
    i = tokens.index(word)
    return prepositions.choose(tokens, i, word.lower(), _resolve, _learned)


def test_governed_noun_skips_articles_and_adjectives() -> None:
    tokens = tokenize("Er lehrt an der neuen großen Universität.")
    assert prepositions.governed_noun(tokens, 2) == "Universität"
    assert prepositions.governed_noun(tokenize("Er denkt an, dass er kommt."), 2) is None
    assert prepositions.governed_noun(tokenize("Er kam an und ging."), 2) is None


def test_the_noun_anchor_through_its_key() -> None:
    assert _choose("Sie lehrt an den Universitäten.", "an") == "at"
    assert _choose("Er liest es im Internet.", "im") == "on the"


def test_the_word_before_when_the_noun_says_nothing() -> None:
    assert _choose("Das Interesse an Musik wächst.", "an") == "in"
    # a contraction keeps its article: "zum" is "to the"
    assert _choose("Ein Beitrag zum Frieden.", "zum") is None  # "Beitrag" is not known
    KNOWN["Beitrag"] = "Beitrag"
    try:
        assert _choose("Ein Beitrag zum Frieden.", "zum") == "to the"
    finally:
        del KNOWN["Beitrag"]


def test_no_answer_leaves_the_table() -> None:
    assert _choose("Er ging an Land.", "an") is None
    assert _choose("Er und sie.", "und") is None  # not a preposition


def test_a_noun_anchor_keeps_what_gegen_means() -> None:
    # learned from "resistance to the plan": right after a noun, "to" is the English
    LEARNED[("N", "gegen", "Plan")] = "to"
    try:
        assert _choose("Der Widerstand gegen den Plan wächst.", "gegen") == "to"
        # ... after a verb the opposition would be lost: "is to the plan"
        assert _choose("Die Mehrheit ist gegen den Plan.", "gegen") is None
    finally:
        del LEARNED[("N", "gegen", "Plan")]
