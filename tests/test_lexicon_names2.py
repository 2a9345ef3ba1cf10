"""Names and the number of nouns, second round: surnames after a title or an initial, and
nouns whose German plural is spelt like the singular, on made-up sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on

from dolmetsch.lexicon import LexiconEngine

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_EXTRA = "".join(
    line + "\n"
    for line in (
        # the plural first, as a store can rank it when the plural is more frequent
        "Unternehmen {n} | Unternehmen {pl} :: companies {pl} | company",
        "Mitarbeiter {m} | Mitarbeiter {pl} :: employees {pl} | employee",
    )
)


def _words(engine: LexiconEngine, german: str) -> list[str]:
    return re.findall(r"[\w']+", engine.translate([german])[0])


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "names2", EXCERPT + _EXTRA)


def test_a_singular_determiner_keeps_a_same_spelt_noun_singular(engine: LexiconEngine) -> None:
    assert engine.lookup("Unternehmen") == "companies"
    assert "company" in _words(engine, "Das Unternehmen kam.")
    assert "employee" in _words(engine, "Er sah einen Mitarbeiter.")
    # "den" before a noun in "-n" is a dative plural
    assert "companies" in _words(engine, "Er kam mit den Unternehmen.")
    assert "employees" in _words(engine, "Die Mitarbeiter kamen.")
