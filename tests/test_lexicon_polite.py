"""The polite possessive: a capitalised "Ihre" inside a clause is "your", on made-up
sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_EXTRA = lines("Ihre :: yours", "Ziege {f} :: goat")


def _words(engine: LexiconEngine, german: str) -> list[str]:
    return re.findall(r"[\w']+", engine.translate([german])[0].lower())


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "polite", EXCERPT + _EXTRA)


def test_a_capitalised_possessive_inside_a_clause_is_your(engine: LexiconEngine) -> None:
    assert _words(engine, "Wir sehen Ihre Ziege.")[2] == "your"
    assert _words(engine, "Wir sehen Ihren Hund.")[2] == "your"
    assert "your" in _words(engine, "Er kam mit Ihrem Hund.")


def test_the_first_word_of_a_clause_is_no_polite_form(engine: LexiconEngine) -> None:
    assert "your" not in _words(engine, "Ihre Ziege kam.")
