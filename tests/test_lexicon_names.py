"""Names among German words (dolmetsch.lexicon.names), on made-up sentences and a store
built from the test excerpt plus a few words that are also surnames."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine, names

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Words that are also surnames ("Kunde", "Keller"), and nouns a name may stand before.
_EXTRA = lines(
    "Kunde {m} | Kunden {pl} :: customer | customers",
    "Keller {m} | Keller {pl} :: cellar | cellars",
    "Verlag {m} | Verlage {pl} :: publisher | publishers",
    "Tochter {f} | Töchter {pl} :: daughter | daughters",
    "fröhlich {adj} :: cheerful",
    "Ende {n} | Enden {pl} :: end | ends",
    "Deutschland {n} [geogr.] :: Germany",
    "Straße {f} | Straßen {pl} :: road | roads",
    "Süden {m} :: south",
    "Anus {m} :: anus",
    "matt {adj} :: dull",
    "Wicke {f} | Wicken {pl} :: vetch | vetches",
    "Steven {m} | Steven {pl} :: stem | stems",
    "Ton {m} | Töne {pl} :: sound | sounds",
    "Krieg {m} | Kriege {pl} :: war | wars",
    "kriegerisch {adj}; Kriegs… :: martial",
    "Gipfel {m} | Gipfel {pl} :: summit | summits",
    "Nato {f} :: NATO",
    "Turn… [sport] :: gymnastics",
    "Stiftung {f} | Stiftungen {pl} :: foundation | foundations",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "names", EXCERPT + _EXTRA)


def test_a_word_after_a_first_name_is_a_surname(engine: LexiconEngine) -> None:
    assert engine.translate(["Die Polizei sagt, Ulrike Kunde kam."]) == [
        "The police say, Ulrike Kunde came."
    ]
    assert engine.translate(["Er hat Udo Keller getroffen."]) == ["He has met Udo Keller."]


def test_a_noun_after_a_firm_or_an_apposition_is_translated(engine: LexiconEngine) -> None:
    # an article before the unknown word: a firm's name, not a first name
    assert "publisher" in engine.translate(["Er kam im Quarbel Verlag."])[0]
    # a name after the noun: "Tochter" is an apposition, not a surname
    assert "daughter" in engine.translate(["Er sagt, Ulrike Tochter Xenia kam."])[0]
    # a year after it: a time, not a name
    assert "end" in engine.translate(["Er kam Quarbel Ende 2015."])[0]


def test_a_genitive_is_its_noun_not_a_combining_form(engine: LexiconEngine) -> None:
    # Ding's "Kriegs…" (martial) is the first part of compounds; "des Kriegs" is "Krieg"
    assert engine.translate(["Das Ende des Kriegs kam."]) == ["The end of the war came."]
    # and a compound's first part still takes it where no word does
    assert engine.lookup("Turnstiftung") == "gymnastics foundation"


def test_a_hyphenated_word_with_a_known_form_is_no_first_name(engine: LexiconEngine) -> None:
    # "Gipfels" is no key but a form of one: "Nato-Gipfels" is no "Frank-Walter"
    assert engine.translate(["Das Ende des Nato-Gipfels kam."]) == [
        "The end of the NATO summit came."
    ]


def test_names_rules_on_their_own() -> None:
    assert names.after_first_name("Ulrike", hyphenated_name=False, previous_known=False)
    assert not names.after_first_name("Polizei", hyphenated_name=False, previous_known=True)
    assert not names.after_first_name("El", hyphenated_name=False, previous_known=False)
    assert names.after_first_name("Hans-Ulrich", hyphenated_name=True, previous_known=True)
    assert names.opens_name("sagte", before_is_name=False)
    assert not names.opens_name("im", before_is_name=False)
    assert not names.opens_name("Roy", before_is_name=True)
    assert names.opens_name("Dr.", before_is_name=True)  # a title, though capitalised
    assert names.surname_like("Keller", "Keller")
    assert names.surname_like("Langer", "lang")
    assert not names.surname_like("Palastes", "Palast")
    assert not names.surname_like("Mikrozephalie", "Mikrozephalie")
    assert not names.is_capitalised_word("Tag-")
    assert not names.is_capitalised_word("CDU")


def test_a_capitalised_adjective_mid_sentence_is_a_name(engine: LexiconEngine) -> None:
    assert engine.translate(["Die Polizei sagt Langer."]) == ["The police say Langer."]
    assert engine.translate(["Sprecher Fröhlich kam."]) == ["Spokesman Fröhlich came."]


def test_an_adjective_before_its_noun_or_after_an_article_is_translated() -> None:
    assert not names.adjective_as_name("Langer", "lang", "ein", "kam", noun_after=False)
    assert not names.adjective_as_name("Langer", "lang", "sagt", "Krieg", noun_after=True)
    assert not names.adjective_as_name("Lang", "lang", "sagt", "und", noun_after=False)
    assert not names.adjective_as_name("Langes", "lang", "sagt", "kam", noun_after=False)
    assert names.adjective_as_name("Langer", "lang", "sagt", ".", noun_after=False)


def test_a_places_genitive_is_english_possessive_or_of(engine: LexiconEngine) -> None:
    assert engine.translate(["Deutschlands Straßen sind neu."]) == ["Germany's roads are new."]
    assert engine.translate(["Er kam aus dem Süden Deutschlands."])[0].endswith("south of Germany.")


def test_place_genitive_on_its_own() -> None:
    assert names.place_genitive("Germany", "sagt", False, noun_follows=True) == "Germany's"
    assert names.place_genitive("Germany", "Süden", True, noun_follows=False) == "of Germany"
    assert names.place_genitive("Germany", "des", False, noun_follows=True) is None
    assert names.place_genitive("Germany", "sagt", False, noun_follows=False) is None


def test_a_word_english_uses_is_no_german_compound(engine: LexiconEngine) -> None:
    # "Aniston" would split as "Anus|Ton"; "Bergton" is German and still splits
    assert engine.translate(["Er traf Aniston."]) == ["He met Aniston."]
    assert engine.lookup("Bergton") == "mountain sound"


def test_english_in_german_on_its_own() -> None:
    assert names.english_in_german(2.97, 2.5)
    assert not names.english_in_german(0.0, 2.4)
    assert not names.english_in_german(1.0, 0.0)
    assert not names.english_in_german(2.8, 4.2)


def test_a_compound_after_a_first_name_is_a_surname(engine: LexiconEngine) -> None:
    # alone, "Bergton" splits ("mountain sound"); after "Ulrike" it is her surname
    assert engine.translate(["Die Polizei sagt, Ulrike Bergton kam."]) == [
        "The police say, Ulrike Bergton came."
    ]


def test_an_english_first_name_before_an_unknown_name(engine: LexiconEngine) -> None:
    # "Matt" is a German adjective too ("dull"), but English uses it more, and a name
    # the dictionary lacks follows it
    assert engine.translate(["Matt Quorbel kam."]) == ["Matt Quorbel came."]
    assert engine.translate(["Er traf Matt Quorbel."]) == ["He met Matt Quorbel."]


def test_an_english_surname_after_a_first_name(engine: LexiconEngine) -> None:
    # "Stevens" reads as the genitive of "Steven" (a ship's stem); English uses it more
    assert engine.translate(["Die Polizei sagt, Ulrike Stevens kam."]) == [
        "The police say, Ulrike Stevens came."
    ]


def test_a_names_s_is_a_plural_after_an_article_or_english(engine: LexiconEngine) -> None:
    # "die Clintons" is a family and "Twins" what English writes so itself: no genitive
    # of "Clinton" or "Twin"
    assert engine.translate(["Er traf die Clintons."]) == ["He met the Clintons."]
    assert engine.translate(["Er traf Twins."]) == ["He met Twins."]


def test_a_street_named_after_a_person_is_kept(engine: LexiconEngine) -> None:
    assert engine.lookup("Udo-Quarbel-Straße") is None  # not "Udo Quarbel road"
    assert "Udo-Quarbel-Straße" in engine.translate(["Er kam zur Udo-Quarbel-Straße."])[0]
    assert names.hyphenated_street("Jakob-Müller-Weg")
    assert not names.hyphenated_street("Goethe-Platz")  # a square's English name may differ
    assert not names.hyphenated_street("Energie-Infrastruktur-Gesetz")


def test_an_english_name_is_no_genitive_of_a_german_noun(engine: LexiconEngine) -> None:
    # "Wickes" is an English name German never writes, not the genitive of "Wicke"
    assert engine.translate(["Er traf Wickes."]) == ["He met Wickes."]
    assert engine.translate(["Er traf die Wicke."]) == ["He met the vetch."]


def test_a_capitalised_adjective_after_a_comma_before_its_verb(engine: LexiconEngine) -> None:
    # the subject after the verb comes first in English, behind a comma (and the verb a
    # fronted "seit" spans is in the present perfect)
    assert engine.translate(["Seit Jahren hilft Langer dem Kind."]) == [
        "For years, Langer has been helping the child."
    ]


def test_the_usage_table_keeps_words_english_uses_with_both_frequencies() -> None:
    from dolmetsch.lexicon.store import usage_rows

    english = {"aniston": 1e-7, "the": 0.05, "x1": 1e-5, "seldom": 1e-9}
    rows = list(usage_rows(english, {"the": 1e-6}))
    # wordfreq's Zipf is log10(frequency per word) + 9; "seldom" is too rare, "x1" no word
    assert rows == [("aniston", 2.0, 0.0), ("the", 7.7, 3.0)]


def test_a_word_repeated_in_a_long_sentence_is_asked_about_once(
    engine: LexiconEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whether a word was a surname before was asked anew of every earlier same word, each
    # asking of the ones before it: 1,000 words of 15 (review 7) ran for minutes.
    asked = 0
    surname = LexiconEngine._surname

    def counted(self: LexiconEngine, *args: object) -> bool:
        nonlocal asked
        asked += 1
        return surname(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(LexiconEngine, "_surname", counted)
    words = ["Polizei", "sagte", "Energie", "Polizei", "Angriff"] * 8
    english = engine.translate([" ".join(words) + "."])[0]
    assert asked <= 2 * len(words)
    assert english.split()[:3] == ["Police", "said", "energy"]
