"""Adjectives and adverbs in the lexicon engine (issue 14): comparatives, superlatives,
declined forms and predicative use, on a store built from the test excerpt plus a few
adjective entries in Ding's format.  The sentences are made up for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon.english import superlative

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Our own entries in Ding's line format (comparative and superlative as Ding gives them).
ADJECTIVES = lines(
    "klein {adj} | kleiner | kleinste/r/s :: small | smaller | smallest",
    "billig {adj} | billiger | am billigsten :: cheap | cheaper | cheapest",
    "Auto {n} | Autos {pl} :: car | cars",
    "hoch {adj} :: high",
    "höchste {adj} :: top",
    "schnell {adj} {adv} :: quickly; quick",
    "Welt {f} | Welten {pl} :: world | worlds",
    "groß {adj} :: large",
    "freundlich {adj} :: friendly; kindly; kind",
    "freundlicher {adj} :: kindlier",
    "selten {adj} {adv} :: rarely; rare",
    "Moment {m} | Momente {pl} :: moment | moments",
    "perfekt {adj} :: perfect",
    "natürlich {adv} :: of course",
    "natürlich; selbstverständlich {adv} :: of course",
    "natürlich {adj} :: natural",
    "Feind {m} | Feinde {pl} :: enemy | enemies",
    "einkaufen {vi} | einkaufend | eingekauft | kauft ein | kaufte ein :: "
    "to shop | shopping | shopped | shops | shopped",
    "Ich würde gerne (Wunsch) :: Wish + modal verbs",
    "langsam {adv} :: slowly",
    "langsam {adj} :: slow",
    "langsam {vi} :: to go slow",
    "sein {vi} | seiend | gewesen | ist | war :: to be | being | been | is | was",
    "kaufen {vt} | kaufend | gekauft | kauft | kaufte :: to buy | buying | bought | buys | bought",
    # a phrase whose English hides its negation, and Ding's "none" for "gar nicht"
    "gar nicht schnell {adj} :: sluggish",
    "gar nicht {adv} :: none",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "adjectives", EXCERPT + ADJECTIVES)


def test_a_declined_comparative_keeps_its_comparison(engine: LexiconEngine) -> None:
    # "kleinere" is "kleiner" declined, not the lemma "klein"
    assert engine.resolve("kleinere") == ("kleiner", "")
    assert engine.translate_sentence("Die Kinder kauften kleinere Autos.") == (
        "The children bought smaller cars."
    )


def test_a_declined_positive_stays_positive(engine: LexiconEngine) -> None:
    assert engine.resolve("kleine") == ("klein", "")


@pytest.mark.parametrize(
    ("adjective", "expected"),
    [
        ("big", "biggest"),
        ("large", "largest"),
        ("happy", "happiest"),
        ("strong", "strongest"),
        ("important", "most important"),
        ("popular", "most popular"),
        ("good", "best"),
        ("a good", "a good"),
    ],
)
def test_english_superlative(adjective: str, expected: str) -> None:
    assert superlative(adjective) == expected


def test_a_declined_superlative_is_a_superlative(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Die Kinder kauften die billigsten Autos.") == (
        "The children bought the cheapest cars."
    )
    # an adverb's "-ly" sense gives way to the adjective's: not "most quickly"
    assert engine.lookup("schnellsten") == "quickest"


def test_a_superlative_key_without_a_superlative_sense(engine: LexiconEngine) -> None:
    # Ding's own key "höchste" says "top"; the form is the superlative of "hoch"
    assert engine.resolve("höchste") == ("hoch", "sup")
    assert engine.lookup("höchste") == "highest"


def test_the_head_of_a_compound_adjective_keeps_its_superlative(engine: LexiconEngine) -> None:
    assert engine.lookup("weltgrößte") == "world largest"


def test_an_adjective_in_er_before_its_noun_is_a_positive(engine: LexiconEngine) -> None:
    # Ding's "freundlicher" is the comparative; before a noun it is "freundlich" declined
    assert engine.translate_sentence("Er war ein freundlicher Sprecher.") == (
        "He was a friendly spokesman."
    )
    # and before its noun no adverb: "rare", not the first-ranked "rarely"
    assert engine.translate_sentence("Es war ein seltener Moment.") == "It was a rare moment."


def test_a_comparative_not_before_a_noun_stays_comparative(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Er war freundlicher.") == "He was kindlier."


def test_a_predicative_adjective_after_sein_is_no_adverb(engine: LexiconEngine) -> None:
    # the learned table's "perfekt" -> "perfectly" (an adverb of a verb) does not apply
    assert engine.translate_sentence("Sie will perfekt sein.") == "She wants to be perfect."


def test_an_undeclined_adjective_ending_its_clause_after_a_copula_is_no_adverb(
    engine: LexiconEngine,
) -> None:
    # "selten" and "langsam" rank the adverb first; after "ist"/"war" (and degree words)
    # at the end of the clause they are predicative adjectives
    assert engine.translate_sentence("Die Energie ist selten.") == "The energy is rare."
    assert engine.translate_sentence("Die Drohne war nicht langsam, sagt er.").startswith(
        "The drone was not slow,"
    )
    # before something it may modify it stays an adverb
    assert engine.translate_sentence("Die Energie ist selten billig.") == (
        "The energy is rarely cheap."
    )


def test_an_attributive_adjective_is_no_prepositional_phrase(engine: LexiconEngine) -> None:
    # "natürlich" ranks "of course" first; before a noun it is the adjective "natural"
    assert engine.store.ranked("natürlich", False)[0][0] == "of course"
    assert engine.translate_sentence("Die natürlichen Feinde kamen.") == (
        "The natural enemies came."
    )


def test_a_declined_adjective_before_its_noun_is_no_adverb(engine: LexiconEngine) -> None:
    # "selten" ranks "rarely" first; before a noun it is "rare", also past a second adjective
    assert engine.translate_sentence("Die seltene Energie kam.") == "The rare energy came."
    assert engine.translate_sentence("Die seltene neue Energie kam.") == (
        "The rare new energy came."
    )


def test_an_adjective_that_also_heads_a_verb_entry(engine: LexiconEngine) -> None:
    # a verb sense of the key "langsam" (Ding has some) does not stop "langsame" being
    # an attributive adjective
    assert engine.translate_sentence("Die langsame Drohne kam.") == "The slow drone came."


def test_would_gladly_is_would_like_to(engine: LexiconEngine) -> None:
    # "gerne" moves to "würde"; Ding's description of "Ich würde gerne" is no English
    assert engine.translate_sentence("Die Kinder würden gerne in der Hauptstadt kommen.") == (
        "The children would like to come in the capital."
    )
    assert engine.translate_sentence("Ich würde gerne kommen.") == "I would like to come."


def test_aller_after_a_noun_is_of_all(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Die Regierung aller Kinder kam.") == (
        "The government of all children came."
    )
    assert engine.translate_sentence("Er war der beste Sprecher aller Zeiten.") == (
        "He was the best spokesman of all time."
    )


def test_a_headline_adjective_in_er_is_a_positive(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Freundlicher Sprecher.") == "Friendly spokesman."


def test_ein_before_an_adjective_is_the_article(engine: LexiconEngine) -> None:
    # not Ding's "kaufte ein" (the past of "einkaufen", "shopped")
    assert engine.translate_sentence("Sie kaufte ein billiges Auto.") == ("She bought a cheap car.")


def test_a_phrase_never_hides_a_negation(engine: LexiconEngine) -> None:
    # "gar nicht schnell" is no "sluggish" (the negation would be lost), and "gar nicht" is
    # "not at all", past which the adjective is still predicative
    assert engine.translate_sentence("Das Auto ist gar nicht schnell.") == (
        "The car is not at all quick."
    )


@pytest.mark.parametrize(
    ("german", "english"),
    [
        # "werden" with a predicative adjective and no verb is the copula, not the future
        ("Das Auto wird klein.", "The car becomes small."),
        ("Die Autos werden billiger.", "The cars get cheaper."),
        # ... but the future with its infinitive
        ("Das Auto wird klein sein.", "The car will be small."),
    ],
)
def test_werden_with_an_adjective_is_become(
    engine: LexiconEngine, german: str, english: str
) -> None:
    assert engine.translate_sentence(german) == english
