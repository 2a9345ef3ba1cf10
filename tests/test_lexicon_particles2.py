"""Function words the engine wrote too often (issue 14): "damit" that is no "so that",
"nach wie vor", a pronominal adverb before "dass", "bereits seit", "noch nie".  Made-up
sentences on the test excerpt and a few entries of our own in Ding's format."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine, context
from dolmetsch.lexicon.english import a_or_an

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ENTRIES = lines(
    "froh {adj} :: glad",
    "arbeiten {vi} | arbeitend | gearbeitet | arbeitet | arbeitete :: "
    "to work | working | worked | works | worked",
    "wohnen {vi} | wohnend | gewohnt | wohnt | wohnte :: to live | living | lived | lives | lived",
    "enden {vi} | endend | geendet | endet | endete :: to end | ending | ended | ends | ended",
    "Karriere {f} | Karrieren {pl} :: career | careers",
    "Haus {n} | Häuser {pl} :: house | houses",
    "schnell {adj} {adv} :: fast",
    "noch nie :: never before",
    "wachsen {vi} | wachsend | gewachsen | wächst | wuchs :: "
    "to grow | growing | grown | grows | grew",
    "Interesse {n} | Interessen {pl} :: interest | interests",
    "essen {vt} | essend | gegessen | isst | aß :: to eat | eating | eaten | eats | ate",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "particles2", EXCERPT + ENTRIES)


def test_damit_before_its_subject_is_so_that(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Er arbeitete, damit die Kinder essen können.") == (
        "He worked so that the children can eat."
    )


def test_damit_without_a_subject_is_an_adverb(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Und damit endete die Karriere.") == (
        "And thus ended the career."
    )
    assert engine.translate_sentence("Damit endete die Karriere.") == (
        "With that ended the career."
    )


def test_nach_wie_vor_is_still(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Der Sprecher wohnt nach wie vor im Haus.") == (
        "The spokesman lives still in the house."  # (the adverb stays where German has it)
    )


def test_a_pronominal_adverb_before_dass_has_no_english(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Er ist froh darüber, dass der Krieg endete.") == (
        "He is glad that the war ended."
    )


def test_bereits_seit_is_no_already(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Der Sprecher wohnt bereits seit 40 Jahren hier.") == (
        "The spokesman has been living for 40 years here."
    )


def test_noch_nie_is_never(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Der Krieg war noch nie so schnell.") == (
        "The war was never so fast."
    )


def test_the_early_rule_leaves_a_pronominal_adverb_before_a_noun(engine: LexiconEngine) -> None:
    tokens = ["er", "ist", "froh", "darüber", "dass", "er", "kam"]
    assert context.apply_early(engine, tokens, 3, "darüber") == ("", 1)
    assert context.apply_early(engine, ["er", "sprach", "darüber", "."], 2, "darüber") is None
    assert context.apply_early(engine, ["es", "führte", "dazu", "dass"], 2, "dazu") is None


def test_das_before_a_declined_participle_is_the_article(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Das wachsende Interesse ist neu.") == (
        "The growing interest is new."
    )


def test_das_as_a_subject_is_this(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Das ist neu.") == "This is new."


def test_durch_before_an_action_is_by(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Er half durch eine Einigung.") == (
        "He helped by an agreement."
    )
    assert engine.translate_sentence("Er kam durch die Hauptstadt.") == (
        "He came through the capital."
    )


def test_kein_after_a_singular_copula_is_not_a(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Das ist keine Einigung.") == "This is not an agreement."
    assert engine.translate_sentence("Der Sprecher hat keine Einigung.") == (
        "The spokesman has no agreement."
    )


def test_a_unit_ending_in_an_article_agrees_with_the_next_word() -> None:
    assert a_or_an(["is", "not a", "agreement"]) == ["is", "not an", "agreement"]
    assert a_or_an(["of an", "war"]) == ["of a", "war"]


def test_a_particle_left_at_the_clause_end_has_no_english(engine: LexiconEngine) -> None:
    # a verb the store does not know: word order cannot join "quandelte ... aus"
    assert engine.translate_sentence("Er quandelte den Vertrag am Montag aus.") == (
        "He quandelte the contract on Monday."
    )


def test_so_wie_is_as_as(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Der Vertrag ist so neu wie der Krieg.") == (
        "The contract is as new as the war."
    )


def test_auch_nicht_and_noch_kein(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Der Vertrag ist auch nicht neu.") == (
        "The contract is not new."
    )
    assert engine.translate_sentence("Es gibt noch keine Einigung.") == "There is no agreement."


def test_ueber_a_period_and_nur_wenige(engine: LexiconEngine) -> None:
    assert engine.translate_sentence("Er arbeitete über die Jahre.") == "He worked over the years."
    assert engine.translate_sentence("Er traf nur wenige Menschen.") == (
        "He met only a few people."
    )
