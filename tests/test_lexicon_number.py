"""The number of nouns German spells alike in both numbers ("der Täter", "die Täter"): a
plural determiner, quantifier or number before one makes its English plural, on made-up
sentences and a dictionary of our own."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_EXTRA = lines(
    # the singular first, as the store ranks it when the singular is more frequent
    "Raucher {m} | Raucher {pl} :: smoker | smokers {pl}",
    "Lehrer {m} | Lehrer {pl} :: teacher | teachers {pl}",
    # a feminine noun whose dictionary line gives both numbers under the singular key
    "Ziege {f} :: goat; goats",
    "schnell {adj} :: quick; quickly",
    "schnarchen {vi} | schnarchte | geschnarcht | schnarcht :: snore | snored | snored | snores",
    "probieren {vt} | probierte | probiert | probiert :: test | tested | tested | tests",
)


def _words(engine: LexiconEngine, german: str) -> list[str]:
    return re.findall(r"[\w']+", engine.translate([german])[0].lower())


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "number", EXCERPT + _EXTRA)


def test_a_plural_determiner_makes_a_same_spelt_noun_plural(engine: LexiconEngine) -> None:
    assert engine.lookup("Raucher") == "smoker"
    assert "smokers" in _words(engine, "Die Raucher kamen.")
    assert "teachers" in _words(engine, "Er sah viele Lehrer.")
    assert "teachers" in _words(engine, "Er sah die zwei großen Lehrer.")
    assert "teachers" in _words(engine, "Er sah 3 Lehrer.")
    assert "smokers" in _words(engine, "Seine Raucher kamen.")
    # a genitive "der" after a noun ("des Rauchers" is the singular)
    assert engine._plural_head(["die", "Namen", "der", "Raucher"], 3)
    assert not engine._plural_head(["Der", "Raucher", "kam"], 1)


def test_a_singular_stays_singular(engine: LexiconEngine) -> None:
    assert "smoker" in _words(engine, "Der Raucher kam.")
    # a genitive "der" is plural
    assert "smokers" in _words(engine, "Einer der Raucher kam.")
    # "die" and "seine" take a feminine singular too: only nouns in "-er", "-el", "-en",
    # "-chen", "-lein" are plural after them
    assert "goat" in _words(engine, "Die Ziege kam.")
    assert "goats" in _words(engine, "Viele Ziege kamen.")


def test_a_learned_word_pair_yields_to_the_determiner(engine: LexiconEngine) -> None:
    engine.try_phrases({"raucher": "smokers", "lehrer": "teacher"})
    try:
        assert "smoker" in _words(engine, "Der Raucher kam.")
        assert "smokers" in _words(engine, "Einer der Raucher kam.")
        assert "smoker" in _words(engine, "Das war ein Raucher.")
        assert "teacher" in _words(engine, "Der Lehrer und der Raucher kamen.")
        assert "teachers" in _words(engine, "Er sah viele Lehrer.")
    finally:
        engine.try_phrases({})


def test_a_learned_adverb_yields_to_a_predicative_adjective(engine: LexiconEngine) -> None:
    # ends its clause after a copula, past degree words: the adjective, not the adverb
    engine.try_phrases({"schnell": "quickly"})
    try:
        assert "quick" in _words(engine, "Der Raucher ist auch noch immer schnell.")
        assert "quickly" in _words(engine, "Der Raucher kam schnell.")
    finally:
        engine.try_phrases({})


def test_a_learned_ing_form_of_a_finite_verb_gets_its_be(engine: LexiconEngine) -> None:
    engine.try_phrases({"schnarchen": "snoring", "schnarcht": "snoring", "probiert": "testing"})
    try:
        assert "are snoring" in engine.translate(["Die Raucher schnarchen."])[0]
        assert "is snoring" in engine.translate(["Der Raucher schnarcht."])[0]
        assert "is testing" in engine.translate(["Der Raucher probiert es."])[0]
        # a participle after its auxiliary is no present
        assert "is testing" not in engine.translate(["Gestern haben die Raucher es probiert."])[0]
    finally:
        engine.try_phrases({})
