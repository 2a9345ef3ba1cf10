"""German definite articles English leaves out (dolmetsch.lexicon.articles), on made-up
sentences and a store built from the test excerpt plus a few words of their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine, articles
from dolmetsch.lexicon.grammar import tokenize

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_EXTRA = lines(
    "Foto {n} | Fotos {pl} :: photo | photos",
    "Vertrag {m} | Verträge {pl} :: contract | contracts",
    "gelten {vi} | geltend | gegolten | gilt | galt :: "
    "to apply | applying | applied | applies | applied",
    "Bericht {m} | Berichte {pl} :: report | reports",
    "Leute {pl} :: people",
    "Leben {n} | Leben {pl} :: life | lives",
    "Terrorismus {m} :: terrorism",
    "Iran {m} [geogr.] :: Iran",
    "Stadt {f} | Städte {pl} :: town | towns",
    "kurz {adj} :: short",
    "Handel {m} :: trade",
    "Präsident {m} | Präsidenten {pl} :: president | presidents",
    "Jahr {n} | Jahre {pl} :: year | years",
    "Ingenieur {m} | Ingenieure {pl} :: engineer | engineers",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "articles2", EXCERPT + _EXTRA)


def _bare(sentence: str) -> articles.Bare:
    return articles.bare_articles(tokenize(sentence))


def test_day_or_month_takes_no_article() -> None:
    assert _bare("Das Foto vom Dienstag").articles == frozenset([2])
    assert _bare("Er kam im Oktober").articles == frozenset([2])
    assert _bare("Er kam am Sonntagabend").articles == frozenset([2])
    assert _bare("Das Foto vom Dienstag").dropped == frozenset()


def test_named_year_loses_article_and_year_noun() -> None:
    found = _bare("Der Vertrag des Jahres 2011 gilt")
    assert found.articles == frozenset([2])
    assert found.dropped == frozenset([3])


def test_other_articles_are_kept() -> None:
    assert _bare("Das Foto vom Vertrag").articles == frozenset()
    assert _bare("Das Foto des Jahres gilt").articles == frozenset()
    assert _bare("Das Foto aus dem Jahr 11").articles == frozenset()


def test_strip_the() -> None:
    assert articles.strip_the("in the") == "in"
    assert articles.strip_the("the") == ""
    assert articles.strip_the("there") == "there"


def test_engine_writes_day_and_month_bare(engine: LexiconEngine) -> None:
    assert engine.translate(["Das Foto vom Dienstag."]) == ["The photo from Tuesday."]
    assert engine.translate(["Der Bericht vom Oktober."]) == ["The report from October."]


def test_engine_writes_named_year_as_number(engine: LexiconEngine) -> None:
    assert engine.translate(["Das Foto aus dem Jahr 2011."]) == ["The photo from 2011."]
    assert engine.translate(["Der Bericht des Jahres 2011."]) == ["The report of 2011."]


def test_people_in_general_take_no_article() -> None:
    assert _bare("Die Leute kamen").articles == frozenset([0])
    assert _bare("Er half den Menschen").articles == frozenset([2])
    # a genitive or a relative clause makes them definite
    assert _bare("Die Leute der Stadt kamen").articles == frozenset()
    assert _bare("Die Leute , die kamen").articles == frozenset()


def test_country_with_article_is_bare() -> None:
    assert _bare("Der Handel mit dem Iran").articles == frozenset([3])


def test_mass_noun_in_general_sense_is_bare() -> None:
    assert _bare("Das Leben ist kurz").articles == frozenset([0])
    assert _bare("gegen den Terrorismus").articles == frozenset([1])
    assert _bare("Das Leben der Stadt ist kurz").articles == frozenset()
    assert _bare("Der Organismus ist krank").articles == frozenset()


def test_engine_leaves_out_generic_articles(engine: LexiconEngine) -> None:
    assert engine.translate(["Die Leute kamen."]) == ["People came."]
    assert engine.translate(["Das Leben ist kurz."]) == ["Life is short."]
    assert engine.translate(["Der Handel mit dem Iran."]) == ["The trade with Iran."]
    assert engine.translate(["Die Leute der Stadt kamen."]) == ["The people of the town came."]


def test_a_or_an_after_a_rule_ending_in_the_article() -> None:
    from dolmetsch.lexicon.english import a_or_an

    assert a_or_an(["as a", "engineer"]) == ["as an", "engineer"]
    assert a_or_an(["there was an", "fire"]) == ["there was a", "fire"]
    assert a_or_an(["as a", "teacher"]) == ["as a", "teacher"]


def test_role_after_als_takes_a(engine: LexiconEngine) -> None:
    assert engine.translate(["Er kam als Ingenieur."]) == ["He came as an engineer."]
    # a plural, or an office with a genitive after it, takes none
    assert engine.translate(["Sie kamen als Ingenieure."]) == ["They came as engineers."]
    assert engine.translate(["Er kam als Ingenieur der Stadt."]) == [
        "He came as engineer of the town."
    ]


def test_last_period_loses_article_and_time_preposition() -> None:
    found = _bare("Er kam im vergangenen Sommer")
    assert found.articles == frozenset([2])
    assert found.words == ((2, ""), (3, "last"))
    found = _bare("Der Bericht des kommenden Jahres")
    assert found.words == ((3, "next"),)
    assert _bare("Die letzten drei Jahre").articles == frozenset()


def test_engine_writes_last_year(engine: LexiconEngine) -> None:
    assert engine.translate(["Der Bericht des vergangenen Jahres."]) == ["The report of last year."]
    assert engine.translate(["Er kam im vergangenen Jahr."]) == ["He came last year."]


def test_social_media_take_no_article() -> None:
    assert _bare("Er schrieb in den sozialen Medien").articles == frozenset([3])
    assert _bare("Er schrieb in den sozialen Fragen").articles == frozenset()


def test_office_before_a_name_takes_no_article() -> None:
    assert _bare("Der neue Präsident Udo Lustig kam").articles == frozenset([0])
    assert _bare("Er traf die Bürgermeisterin Anna Keller").articles == frozenset([2])
    assert _bare("Der Präsident Frankreichs kam").articles == frozenset()
    assert _bare("Der Präsident kam").articles == frozenset()


def test_office_before_a_name_is_a_title() -> None:
    tokens = tokenize("Er traf US-Präsident Udo Lustig und den Präsidenten")
    assert articles.offices_before_names(tokens) == frozenset([2])
    assert articles.title_case("minister of the interior") == "Minister of the Interior"
    assert articles.title_case("US president") == "US President"


def test_engine_writes_office_as_title(engine: LexiconEngine) -> None:
    assert engine.translate(["Er kam mit dem Präsidenten Udo Lustig."]) == [
        "He came with President Udo Lustig."
    ]


def test_institution_after_preposition_takes_no_article() -> None:
    assert _bare("Er kam aus dem Gefängnis").articles == frozenset([3])
    assert _bare("Sie geht zur Schule").articles == frozenset([2])
    assert _bare("Die Schule ist alt").articles == frozenset()
    assert _bare("Er kam aus der Schule der Stadt").articles == frozenset()
