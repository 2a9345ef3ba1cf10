"""Compounds and words the dictionary lacks (dolmetsch.lexicon.compound and the engine's
word look-up), on a store built from a small dictionary of our own in Ding's format.

Each case is a made-up word whose English the rule decides; without the rule the engine
answers differently (named in each test).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import engine_on, lines

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon.compound import (
    MAX_COMPOUND,
    MAX_PART,
    MIN_MODIFIER_COMPOUNDS,
    modifier_english,
    news_frequency,
    split_compound,
)
from dolmetsch.lexicon.english import undouble

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Heads of made-up compounds with "Hoch-" whose English starts with "high".
HIGH_HEADS = ["Halle", "Schule", "Bahn", "Ebene", "Saison", "Burg", "Druck", "Form", "Land"]

# Our own entries in Ding's line format (not copied from Ding).
DICTIONARY = lines(
    "# Version :: compound test dictionary, written for dolmetsch's tests",
    "# License :: same as dolmetsch",
    "Arbeit {f} | Arbeiten {pl} :: work | works",
    "Kampf {m} | Kämpfe {pl} :: fight | fights",
    "Arbeitskampf {m} :: industrial action",
    "Maßnahme {f} | Maßnahmen {pl} :: measure | measures",
    "Kampfmaßnahme {f} :: military action",
    "Haus {n} | Häuser {pl} :: house | houses",
    "hausen {vi} | hausend | gehaust :: to live like animals | living like animals | lived",
    "Projekt {n} | Projekte {pl} :: project | projects",
    "verdächtig {adj} :: suspect",
    "das Ausland {n} :: foreign countries",
    "der Großteil {m} :: the bulk",
    "leben {vi} | lebend | gelebt | lebt | lebte :: to live | living | lived | lives | lived",
    "von {prp} :: from",
    "Staat {m} | Staaten {pl} :: state | states",
    "kritisch {adj} :: critical",
    "tragen {vt} | tragend | getragen | trägt | trug :: "
    "to carry | carrying | carried | carries | carried",
    "bei {prp} :: by",
    "typisch {adj} :: typical",
    "London {n} [geogr.] :: London",
    "München {n} [geogr.] :: Munich",
    "Polizei {f} :: police",
    "Lehr {f} :: gauge",
    "hoch {adj} :: tall",
    *(f"{h} {{n}} :: {h.lower()}" for h in HIGH_HEADS),
    *(f"Hoch{h.lower()} {{n}} :: high {h.lower()}" for h in HIGH_HEADS),
    "Turm {m} :: tower",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "compounds", DICTIONARY)


def test_a_key_spelt_with_sz_has_a_frequency(engine: LexiconEngine) -> None:
    # wordfreq folds ß to "ss": without the news estimate "Maßnahme" has frequency 0 and the
    # split "Arbeit|Kampfmaßnahme" ("work military action") wins.
    assert engine.compound("Arbeitskampfmaßnahme") == "industrial action measure"


def test_news_frequency_scales_sentences_to_words() -> None:
    assert news_frequency(0, 100) == 0.0
    assert news_frequency(30, 0) == 0.0
    assert news_frequency(30, 100) == pytest.approx(0.01)


def test_a_verb_is_no_modifier(engine: LexiconEngine) -> None:
    # "Haus" is also a form of "hausen"; as a modifier it is the noun.
    assert engine.compound("Hausprojekt") == "house project"


def test_a_plural_modifier_is_singular(engine: LexiconEngine) -> None:
    assert engine.compound("Projekthäuser") == "project houses"
    assert engine.compound("Häuserprojekt") == "house project"


def test_split_prefers_common_parts() -> None:
    frequency = {"Krieg": 1e-4, "Gefangene": 1e-5, "Kriegsgefangene": 0.0}.get
    known = {"krieg": "Krieg", "gefangene": "Gefangene"}

    def part(text: str, head: bool) -> str | None:
        return known.get(text.lower())

    assert split_compound("Kriegsgefangene", part, lambda k: frequency(k) or 0.0) == [
        "Krieg",
        "Gefangene",
    ]


def test_the_work_of_a_split_is_flat_in_the_words_length() -> None:
    # Every suffix and stem was looked up (and cached by the engine): a 16,000-letter token
    # took 2.3 GB, a 1 MB one was killed at 23 GB.
    asked: dict[int, list[str]] = {}

    def part(text: str, head: bool) -> str | None:
        asked[length].append(text)
        return "Haus" if text.lower() == "haus" else None

    for length in (100, 1_000, 10_000):
        asked[length] = []
        split_compound("Haus" * (length // 4), part, lambda k: 1e-4)
    assert len(asked[1_000]) == len(asked[10_000])
    assert max(map(len, asked[100])) <= MAX_COMPOUND


def test_long_parts_still_split() -> None:
    first, head = "Ab" * (MAX_PART // 2), "Cd" * (MAX_PART // 2)
    known = {first.lower(): first, head.lower(): head}

    def part(text: str, is_head: bool) -> str | None:
        return known.get(text.lower())

    assert split_compound(first + "s" + head.lower(), part, lambda k: 1e-4) == [first, head]


def test_a_nominalised_adjective_in_a_form_the_lemmas_lack(engine: LexiconEngine) -> None:
    # The lemma table knows "Verdächtige" (-> "verdächtig"), not "Verdächtigen" (and this
    # dictionary has no "suchen": it passes through).
    assert engine.lemma_tag("Verdächtigen") == ("Verdächtigen", "")
    assert engine.lookup("Verdächtigen") == "suspect"
    assert engine.translate(["Die Polizei sucht einen Verdächtigen."]) == [
        "The police sucht a suspect."
    ]


def test_a_noun_ding_lists_with_its_article(engine: LexiconEngine) -> None:
    # Ding's "das Ausland" is no key "Ausland": without the article look-up it splits
    # into "Aus|land" or passes through.
    assert engine.lookup("Ausland") == "foreign countries"
    assert engine.lookup("Großteil") == "the bulk"


def test_no_article_before_a_sense_with_its_own() -> None:
    assert undouble(["from the", "the bulk", "of", "it"]) == ["from", "the bulk", "of", "it"]
    assert undouble(["from the", "bulk"]) == ["from the", "bulk"]
    assert undouble(["the", "the bulk"]) == ["the bulk"]


def test_a_compound_adjective(engine: LexiconEngine) -> None:
    # Lower-case words were never split: "staatskritischen" passed through in German.
    assert engine.lookup("staatskritischen") == "state critical"
    assert engine.lookup("staatskritisch") == "state critical"


def test_a_verb_with_a_particle_is_no_compound_adjective(engine: LexiconEngine) -> None:
    assert engine.lookup("beitragen") is None


# Made-up heads, each a key, for the dictionary's own compounds with one modifier.
HEADS = ["Putsch", "Regierung", "Basis", "Gericht", "Dienst", "Einsatz", "Schlag", "Hilfe"]
HEADS += [f"Kopf{k}" for k in range(MIN_MODIFIER_COMPOUNDS)]


def test_a_modifier_takes_the_english_its_compounds_share() -> None:
    entries = [(f"Militär{h.lower()}", f"military {h.lower()}") for h in HEADS]
    known = set(HEADS).__contains__
    assert modifier_english("Militär", entries, known) == "military"
    # too few compounds: the key's own sense stays
    few = entries[: MIN_MODIFIER_COMPOUNDS - 1]
    assert modifier_english("Militär", few, known) is None


def test_a_modifier_of_two_english_words() -> None:
    entries = [(f"Menschenrechts{h.lower()}", f"human rights {h.lower()}") for h in HEADS]
    assert modifier_english("Menschenrecht", entries, set(HEADS).__contains__) == "human rights"


def test_a_longer_word_is_no_compound_of_the_modifier() -> None:
    # "Reise" + head is not "Reis" + "e" + head; nor is a rest the dictionary lacks a head.
    entries = [(f"Reise{h.lower()}", f"travel {h.lower()}") for h in HEADS]
    assert modifier_english("Reis", entries, set(HEADS).__contains__) is None
    entries = [(f"Militär{h.lower()}", f"military {h.lower()}") for h in HEADS]
    assert modifier_english("Militär", entries, lambda key: False) is None


def test_an_adjective_with_erweise_is_its_adverb(engine: LexiconEngine) -> None:
    # Without the rule "typischerweise" passes through in German.
    assert engine.lookup("typischerweise") == "typically"
    assert engine.lookup("kritischerweise") == "critically"


def test_a_place_adjective_is_the_place(engine: LexiconEngine) -> None:
    # Without the rule "Londoner" passes through in German and "Münchner" too.
    assert engine.lookup("Londoner") == "London"
    assert engine.lookup("Münchner") == "Munich"
    assert engine.translate(["Die Londoner Polizei."]) == ["The London police."]


def test_an_er_noun_of_a_common_noun_is_no_place(engine: LexiconEngine) -> None:
    # "Lehr" is known, but its English is no capitalised place.
    assert engine.lookup("Lehrer") != "gauge"


def test_an_adjective_modifier_takes_the_english_of_its_compounds(engine: LexiconEngine) -> None:
    # "hoch" alone is "tall"; the dictionary's "Hoch-" compounds say "high".
    assert engine.compound("Hochturm") == "high tower"
