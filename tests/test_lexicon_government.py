"""Prepositions and their government: "um ... zu" infinitives, verbs and adjectives that
take a fixed preposition (made-up sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dolmetsch.lexicon import open_lexicon
from dolmetsch.lexicon.engine import LexiconEngine
from dolmetsch.lexicon.grammar import reorder, tokenize


@pytest.fixture(scope="module")
def engine(real_store_dir: Path) -> LexiconEngine:
    """The real store (Ding), the shared one built once under a lock."""
    return open_lexicon(real_store_dir, build=False)


@pytest.mark.parametrize(
    ("german", "english"),
    [
        # each coordinated zu-infinitive puts its verb first
        (
            "Er kam, um die Kinder zu retten und die Stadt zu verlassen.",
            "Er kam , zu retten die Kinder und zu verlassen die Stadt .",
        ),
        # a second "um" after "und" is said once
        (
            "Er kam, um die Kinder zu retten und um die Stadt zu verlassen.",
            "Er kam , zu retten die Kinder und zu verlassen die Stadt .",
        ),
        # a separable verb's zu-form alone after "um"
        ("Er kam, um sicherzustellen, dass es geht.", "Er kam , zu sicherstellen , dass"),
        # "zu können" is "to be able to" (test_lexicon_infinitives.py)
        ("Er kam, um die Daten nutzen zu können.", "Er kam , zu können nutzen die Daten ."),
        # a possessive ("seinen") and a declined participle are no verbs of the clause
        ("Er kam, um seinen Gegnern zu trotzen.", "Er kam , zu trotzen seinen Gegnern ."),
        (
            "Er kam, um ein andauerndes Problem zu lösen und Geld zu sparen.",
            "Er kam , zu lösen ein andauerndes Problem und zu sparen Geld .",
        ),
        # an "und" between nouns stays inside the infinitive
        ("Er kam, um Kinder und Frauen zu retten.", "Er kam , zu retten Kinder und Frauen ."),
    ],
)
def test_um_zu_infinitives(engine: LexiconEngine, german: str, english: str) -> None:
    assert " ".join(reorder(tokenize(german), engine)).startswith(english)


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Sie wartet seit Stunden auf den Bus.", "for the bus"),  # verb apart from "auf"
        ("Er hat lange auf seine Freundin gewartet.", "for his"),  # perfect participle
        ("Das hängt vom Wetter ab.", "depends on the weather"),  # separable, contraction
        ("Er ist stolz auf seinen Sohn.", "proud of his son"),  # adjective
        ("Sie zeigen einen Mangel an Geld.", "lack of money"),  # noun
        ("Sie leiden unter der Hitze.", "from the heat"),
        ("Sie verloren das Spiel um den Pokal.", "game for the"),  # a contest "um" a prize
        ("Er muss um seinen Job bangen.", "for his"),
    ],
)
def test_governed_preposition(engine: LexiconEngine, german: str, english: str) -> None:
    assert english in engine.translate([german])[0]


@pytest.mark.parametrize(
    ("german", "unwanted"),
    [
        ("Er wurde vor acht Jahren gerettet.", "from"),  # "vor" + time is "ago"
        ("Das Mittel wurde von Ärzten empfohlen, davon profitieren viele.", "from doctors"),
    ],
)
def test_no_government(engine: LexiconEngine, german: str, unwanted: str) -> None:
    assert unwanted not in engine.translate([german])[0]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das Haus wurde vom Feuer zerstört.", "by the fire"),  # "vom": "by the"
        ("Das Haus wurde schon von Soldaten zerstört.", "by soldiers"),  # past an adverb
    ],
)
def test_passive_agent(engine: LexiconEngine, german: str, english: str) -> None:
    assert english in engine.translate([german])[0]


def test_no_passive_agent_after_a_quantity(engine: LexiconEngine) -> None:
    assert "thousands of people" in engine.translate(["Es werden tausende von Leuten kommen."])[0]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        # Ding's "sich an etw. erinnern" is "remember": a direct object, no "to"
        ("Er erinnert sich an seine Kindheit.", "remembers his childhood"),
        # "von etw. trennen" is "separate from", also in a passive
        ("Das Kind wurde von seiner Mutter getrennt.", "separated from his mother"),
        ("Sie verwandeln das Haus in ein Museum.", "into a museum"),
        # "in" stays a place unless Ding says "into"
        ("Sie teilten die Ergebnisse in der Zeitung.", "in the newspaper"),
    ],
)
def test_dictionary_government(engine: LexiconEngine, german: str, english: str) -> None:
    assert english in engine.translate([german])[0]


@pytest.mark.parametrize(
    ("verb", "entries", "expected"),
    [
        ("participated", ["participate in", "join in"], "in"),
        ("remembers", ["recollect", "remember"], ""),
        ("limited", ["limit", "limit to"], "to"),  # a preposition wins over none
        ("waits", ["be anxious for"], None),  # no entry of the verb chosen
        ("takes", ["take care of"], None),  # a longer phrase gives nothing
    ],
)
def test_dictionary_preposition(verb: str, entries: list[str], expected: str | None) -> None:
    from dolmetsch.lexicon.prepositions import dictionary_preposition

    assert dictionary_preposition(verb, entries) == expected


def test_it_is_a(engine: LexiconEngine) -> None:
    # "es handelt sich um" says what something is, not "it acts around"
    assert engine.translate(["Es handelte sich um einen Unfall."])[0] == "It was an accident."


def test_according_to_a_source(engine: LexiconEngine) -> None:
    # "nach" before what a source said is no "after"
    english = engine.translate(["Nach Informationen der Zeitung kam er."])[0]
    assert "According to information" in english
