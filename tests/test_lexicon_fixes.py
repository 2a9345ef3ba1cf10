"""Fixes of known errors of the lexicon engine, each on made-up sentences and the
excerpt's store: the exact English each fix produces."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon.ranking import best_sense, candidates
from dolmetsch.lexicon.sources import DingPair

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_werden_with_an_infinitive_is_the_future(engine: LexiconEngine) -> None:
    # "beschädigen", "verhandeln" carry an inseparable prefix, as participles do
    assert engine.translate(["Sie werden das Haus beschädigen."]) == ["They will damage the house."]
    assert engine.translate(["Er wird verhandeln."]) == ["He will negotiate."]


def test_werden_with_a_participle_stays_the_passive(engine: LexiconEngine) -> None:
    assert engine.translate(["Das Haus wird beschädigt."]) == ["The house is damaged."]


def test_a_weak_noun_after_a_singular_determiner_is_singular(engine: LexiconEngine) -> None:
    # "-en" is the case ending of "Mensch" after "dem", its plural after "den"
    assert engine.translate(["Er traf den Sprecher mit dem Menschen."]) == [
        "He met the spokesman with the human being."
    ]
    # (people in general take no article: articles.people)
    assert engine.translate(["Er traf den Sprecher mit den Menschen."]) == [
        "He met the spokesman with people."
    ]


def test_es_before_a_plural_passive_is_there(engine: LexiconEngine) -> None:
    # "es" is no subject of the plural "wurden": what follows is
    assert engine.translate(["Es wurden zwei Verträge unterschrieben."]) == [
        "There were signed two contracts."
    ]


def test_a_genitive_stays_with_its_moved_subject(engine: LexiconEngine) -> None:
    assert engine.translate(["In der Hauptstadt sagte der Sprecher der Regierung das."]) == [
        "In the capital, the spokesman for the government said that."
    ]


def test_a_typo_one_letter_from_a_used_word_is_dropped() -> None:
    # made-up entries: the typo is listed twice (more support), the right word once
    frequencies = {"frighten": 1e-8}  # a rare word: zipf 1

    def zipf(term: str) -> float:
        return 1.0 if term in frequencies else 0.0

    typo = [DingPair("erschrecken", "frightenx", line, 0, 0, 0, "V") for line in range(4)]
    pairs = [*typo, DingPair("erschrecken", "frighten", 9, 0, 0, 2, "V")]
    assert best_sense(pairs, [], zipf) == "frighten"
    # a hyphen is a spelling, not a typo: both stay candidates
    spellings = [
        DingPair("Halbfinale", "semi-final", 1, 0, 0, 0, "N"),
        DingPair("Halbfinale", "semifinal", 2, 0, 0, 0, "N"),
    ]
    found = candidates(spellings, [], lambda term: 1.0 if term == "semifinal" else 0.0)
    assert [c.en for c in found] == ["semi-final", "semifinal"]


_GEBEN = lines(
    "geben {vt} | gebend | gegeben | er/sie gibt | ich/er/sie gab :: "
    "to give | giving | given | he/she gives | I/he/she gave",
    "Kontakt {m} | Kontakte {pl} :: contact | contacts",
)


@pytest.fixture(scope="module")
def giving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "geben", EXCERPT + _GEBEN)


@pytest.mark.parametrize(
    ("german", "english"),
    [
        # what stands before "gibt es" is what there is, not the subject
        ("Einen Kontakt gab es nicht.", "There was not a contact."),
        ("Einen Kontakt hat es nicht gegeben.", "There has not been a contact."),
        ("Es hat nicht viele Kontakte gegeben.", "There have not been many contacts."),
        ("Es hat keinen Kontakt gegeben.", "There has been no contact."),
        # ... also a long one, with "und" in it
        (
            "Einen Kontakt mit der Polizei und der Regierung hat es nicht gegeben.",
            "There has not been a contact with the police and the government.",
        ),
        # a subject pronoun other than "es" stays the subject
        ("Einen Kontakt gab er nicht.", "He did not give a contact."),
        # "gibt" without "es" gives
        ("Er gibt ihm den Kontakt.", "He gives him the contact."),
        # a question with "gibt es" takes no do-support
        ("Gibt es Kontakte?", "There are contacts?"),
    ],
)
def test_what_there_is_before_es_gibt(giving: LexiconEngine, german: str, english: str) -> None:
    assert giving.translate([german]) == [english]


def test_a_capitalised_article_mid_sentence_is_an_article(real_store_dir: Path) -> None:
    # the real store's key "Die" is "who" (learned where it opened a relative clause);
    # after a dateline or in a title it is the article
    from dolmetsch.lexicon import open_lexicon

    engine = open_lexicon(real_store_dir, build=False)
    try:
        assert engine.translate(["Reuters Die Regierung kam."]) == ["Reuters the government came."]
    finally:
        engine.store.close()
