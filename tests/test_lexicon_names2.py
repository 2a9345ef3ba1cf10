"""Names and the number of nouns, second round: surnames after a title or an initial, and
nouns whose German plural is spelt like the singular, on made-up sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine, names

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_EXTRA = lines(
    # the plural first, as a store can rank it when the plural is more frequent
    "Unternehmen {n} | Unternehmen {pl} :: companies {pl} | company",
    "Mitarbeiter {m} | Mitarbeiter {pl} :: employees {pl} | employee",
    # nouns that are also surnames
    "Schiff {n} | Schiffe {pl} :: ship | ships",
    "Kunde {m} | Kunden {pl} :: customer | customers",
    "Frau {f} | Frauen {pl} :: woman | women",
    "Geld {n} :: money",
    "alt {adj} :: old",
    # a phrase entry gives the adverb before a participle
    "schwer beschädigt {adj} :: crippled; badly damaged",
    "Dach {n} | Dächer {pl} :: roof | roofs",
    # an adjective and its noun as slang, and as a term that keeps its noun
    "groß {adj} :: big",
    "Erfolg {m} | Erfolge {pl} :: success | successes",
    "großer Erfolg {m} :: wow",
    "kalt {adj} :: cold",
    "kalter Krieg {m} :: cold war",
    # a plural that is also part of a surname
    "Steg {m} | Stege {pl} :: footbridge | footbridges",
    # a place whose dictionary English is its adjective
    "Elfenbeinküste {f} :: Ivorian",
    # the parts of a surname a compound split would translate
    "Stein {m} | Steine {pl} :: stone | stones",
    "Minister {m} | Minister {pl} :: minister | ministers",
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


def test_a_word_after_a_title_or_an_initial_is_a_surname(engine: LexiconEngine) -> None:
    assert "Schiff" in _words(engine, "Dann kam Herr Schiff.")
    assert "Schiff" in _words(engine, "Aber Mr. Schiff kam.")
    assert "Schiff" in _words(engine, "Aber Adam B. Schiff kam.")
    # "Frau" before a surname is the title
    assert _words(engine, "Frau Kunde kam.")[:2] == ["Ms", "Kunde"]


def test_frau_after_an_article_is_a_woman(engine: LexiconEngine) -> None:
    found = _words(engine, "Er gab einer alten Frau Geld.")
    assert "woman" in found and "money" in found


def test_after_title_on_its_own() -> None:
    assert names.after_title(["sagte", "Herr"], determined=False)
    assert names.after_title(["kam", "Dr."], determined=False)
    assert names.after_title(["Adam", "B", "."], determined=False)
    assert not names.after_title(["alten", "Frau"], determined=True)
    assert not names.after_title(["kam", "B", "."], determined=False)  # no first name
    assert not names.after_title(["Ende", "."], determined=False)


def test_an_abstract_noun_is_no_surname() -> None:
    assert names.abstract_noun("Energie")
    assert names.abstract_noun("Hoffnung")
    assert not names.abstract_noun("Kunde")


def test_an_adverb_before_a_participle_takes_the_phrase_entrys(engine: LexiconEngine) -> None:
    # "schwer" alone is "heavy" ("heavily"); Ding's "schwer beschädigt" says "badly damaged"
    assert "badly damaged" in engine.translate(["Das Dach wurde schwer beschädigt."])[0]


def test_a_frequent_noun_ding_translates_as_itself_is_no_name() -> None:
    from dolmetsch.lexicon.sources import DingPair
    from dolmetsch.lexicon.store import _common_noun

    ding = {
        "Problem": [DingPair("Problem", "problem", 1, 0, 0, 0, "N")],
        "Lewis": [DingPair("Lewis", "lewis", 2, 0, 0, 0, "N")],
    }
    german = {"problem": 2.3e-5, "lewis": 1.0e-6}  # Zipf 4.4 and 3.0
    assert _common_noun("Problem", ding, {"problem": 5e-5})
    assert not _common_noun("Problem", ding, german)  # below the Zipf threshold
    assert not _common_noun("Lewis", ding, german)
    assert not _common_noun("Berlin", ding, {"berlin": 1e-4})  # Ding lacks it


def test_a_slang_word_for_an_adjective_and_its_noun_is_not_used(engine: LexiconEngine) -> None:
    assert "success" in _words(engine, "Es war ein großer Erfolg.")
    assert "wow" not in _words(engine, "Es war ein großer Erfolg.")
    # a term that keeps its noun's English stays
    assert "cold war" in engine.translate(["Es war ein kalter Krieg."])[0]


def test_a_surnames_particle_after_a_first_name_is_kept(engine: LexiconEngine) -> None:
    assert "Marc-Andre ter Stege" in engine.translate(["Marc-Andre ter Stege kam."])[0]
    assert "Ursula von der Quendt" in engine.translate(["Ursula von der Quendt kam."])[0]
    # "von" before a noun the dictionary knows is the preposition
    assert "von" not in _words(engine, "Ursula von der Polizei kam.")


def test_name_particles_on_their_own() -> None:
    assert names.name_particle("ter")
    assert names.name_particle("der", inner=True)
    assert not names.name_particle("der")
    assert names.german_particle("von")
    assert not names.german_particle("van")


def test_liegen_is_be_in_news(engine: LexiconEngine) -> None:
    # "the police lies behind" reads as lying down; news English says "is"
    assert _words(engine, "Die Polizei liegt weit hinten.")[:3] == ["The", "police", "is"]
    assert "was" in _words(engine, "Die Polizei lag weit hinten.")


def test_gilt_als_is_regarded_as(engine: LexiconEngine) -> None:
    assert "is regarded as" in engine.translate(["Die Polizei gilt als Kunde."])[0]
    assert "applies" in _words(engine, "Das gilt für die Polizei.")
    assert "was regarded" in engine.translate(["Die Polizei galt als Kunde."])[0]


def test_a_surname_again_in_the_sentence_stays_a_surname(engine: LexiconEngine) -> None:
    # after "Ulrike" "Kunde" is a surname; alone later in the sentence it still is
    found = _words(engine, "Ulrike Kunde kam, und Kunde sah die Polizei.")
    assert found.count("Kunde") == 2 and "customer" not in found


def test_the_part_of_a_month_in_a_sentence(engine: LexiconEngine) -> None:
    assert "early September" in engine.translate(["Die Polizei kam Anfang September."])[0]
    assert "at the end of 2015" in engine.translate(["Die Polizei kam Ende 2015."])[0]


def test_a_german_place_name_takes_its_english_exonym(engine: LexiconEngine) -> None:
    assert names.exonym("Tiflis") == "Tbilisi"
    assert names.exonym("Berlin") is None
    assert "Tbilisi" in _words(engine, "Er flog nach Tiflis.")
    # before the dictionary's adjective
    assert _words(engine, "Sie wohnt in der Elfenbeinküste.")[-2:] == ["Ivory", "Coast"]


def test_a_word_only_a_compound_split_knows_after_an_office_is_a_surname(
    engine: LexiconEngine,
) -> None:
    assert "Steinhaus" in _words(engine, "Der Minister Steinhaus kam.")
    assert "Steinhaus" not in _words(engine, "Das Steinhaus kam.")  # no office: a compound


def test_a_capitalised_foreign_particle_opens_a_surname(engine: LexiconEngine) -> None:
    assert names.capitalised_particle("Ter")
    assert not names.capitalised_particle("Du")
    assert not names.capitalised_particle("ter")
    assert _words(engine, "Er lobte Ter Stegen.")[-2:] == ["Ter", "Stegen"]
