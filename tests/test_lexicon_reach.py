"""Clause searches have a reach, so a 100,000-word line without punctuation stays linear;
within it, news clauses are seen whole."""

from __future__ import annotations

from dolmetsch.lexicon.light_verbs import light_verb
from dolmetsch.lexicon.mood import since_a_first, since_clause
from dolmetsch.lexicon.rules import CLAUSE_REACH
from dolmetsch.lexicon.senses import WINDOW, SentenceContext


def _lemma(word: str) -> str:
    return word


def test_a_light_verbs_noun_within_reach_and_beyond() -> None:
    filler = ["viel"] * (CLAUSE_REACH - 1)
    near = ["Sie", "treffen", *filler, "Entscheidung"]
    far = ["Sie", "treffen", *filler, "viel", "viel", "Entscheidung"]
    assert light_verb(near, 1, "treffen", _lemma) is not None
    assert light_verb(far, 1, "treffen", _lemma) is None


def test_seit_within_reach_and_beyond() -> None:
    filler = ["viel"] * (CLAUSE_REACH - 1)
    assert since_clause(["lebt", *filler, "seit"], 0)
    assert not since_clause(["lebt", *filler, "viel", "viel", "seit"], 0)
    assert not since_clause(["lebt", ",", "seit"], 0)  # another clause


def test_a_records_seit_is_no_duration_of_the_verb() -> None:
    # "seit" after a superlative or an ordinal measures the record, not how long it lasts
    record = "Der Preis erreicht den höchsten Stand seit 2009".split()
    assert since_a_first(record, 6) and not since_clause(record, 2)
    assert not since_clause("Er gewinnt erstmals seit Jahren".split(), 1)
    assert not since_clause("Es ist die niedrigste seit 2009".split(), 1)
    assert since_clause("Er lebt seit 2009 hier".split(), 1)
    assert since_clause("Sie kosten seit Jahren viel".split(), 1)  # a verb in "-sten"


def test_sense_context_is_the_sentence_or_a_window_of_a_long_line() -> None:
    def key(token: str) -> str | None:
        return token.lower() if token[:1].isupper() else None

    short = ["Krieg", "und", "Angriff", "schwer"]
    assert SentenceContext(short, key).features(3, "x") == frozenset(
        {"w:krieg", "w:angriff", "p:angriff"}
    )
    line = ["Krieg", *["und"] * (2 * WINDOW), "Angriff", "schwer"]
    features = SentenceContext(line, key).features(len(line) - 1, "x")
    assert "w:angriff" in features
    assert "w:krieg" not in features  # more than WINDOW tokens away
