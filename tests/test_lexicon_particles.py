"""Relative clauses, pronouns and German particles, each on made-up sentences and the
excerpt's store: the exact English each rule produces."""

from __future__ import annotations

import pytest

from dolmetsch.lexicon import LexiconEngine

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_a_relative_clause_after_a_noun_of_a_person_is_who(engine: LexiconEngine) -> None:
    assert engine.translate(["Er traf den Sprecher, der den Vertrag unterschrieb."]) == [
        "He met the spokesman who signed the contract."
    ]


def test_a_relative_clause_after_a_thing_is_that(engine: LexiconEngine) -> None:
    assert engine.translate(["Er unterschrieb den Vertrag, der neu ist."]) == [
        "He signed the contract that is new."
    ]


def test_a_thing_in_ment_is_no_person(engine: LexiconEngine) -> None:
    # "-ent" makes "student", "president"; "agreement" is a thing
    assert engine.translate(["Er unterschrieb die Einigung, die neu ist."]) == [
        "He signed the agreement that is new."
    ]


def test_a_relative_clause_after_a_name_keeps_its_comma(engine: LexiconEngine) -> None:
    assert engine.translate(["Er traf Quendt, der den Vertrag unterschrieb."]) == [
        "He met Quendt, who signed the contract."
    ]


def test_a_relative_clause_after_a_pronoun_of_persons_is_who(engine: LexiconEngine) -> None:
    assert engine.translate(["Er traf niemanden, der den Vertrag unterschrieb."]) == [
        "He met niemanden who signed the contract."  # not in the excerpt
    ]


def test_everyone_who_is_anyone_who(engine: LexiconEngine) -> None:
    assert engine.translate(["Er half jedem, der den Vertrag unterschrieb."]) == [
        "He helped anyone who signed the contract."
    ]


def test_everything_that_and_what(engine: LexiconEngine) -> None:
    assert engine.translate(["Er sagte alles, was neu ist."]) == ["He said everything that is new."]
    assert engine.translate(["Er sagte das, was neu ist."]) == ["He said what is new."]


def test_was_after_a_clause_that_ends_in_a_noun_is_which(engine: LexiconEngine) -> None:
    assert engine.translate(["Er traf den Sprecher, was neu ist."]) == [
        "He met the spokesman, which is new."
    ]


def test_a_modal_particle_has_no_english(engine: LexiconEngine) -> None:
    assert engine.translate(["Der Krieg hat ja begonnen."]) == ["The war has begun."]
    assert engine.translate(["Der Sprecher hat nämlich den Vertrag unterschrieben."]) == [
        "The spokesman has signed the contract."
    ]


def test_um_and_a_separable_zu_infinitive_alone_is_to(engine: LexiconEngine) -> None:
    # two words, "um anzugreifen", are still an infinitive clause: not "around attack"
    assert engine.translate(["Er kam, um anzugreifen."]) == ["He came to attack."]


def test_um_with_two_coordinated_zu_infinitives(engine: LexiconEngine) -> None:
    assert engine.translate(
        ["Er kam, um dem Sprecher zu helfen und den Vertrag zu unterschreiben."]
    ) == ["He came to help the spokesman and to sign the contract."]


def test_a_pronoun_after_its_own_subject_is_reflexive(engine: LexiconEngine) -> None:
    assert engine.translate(["Wir trafen uns."]) == ["We met."]
    assert engine.translate(["Er traf uns."]) == ["He met us."]


def test_nur_is_just_but_nicht_nur_not_only(engine: LexiconEngine) -> None:
    assert engine.translate(["Er traf nur den Sprecher."]) == ["He met just the spokesman."]
    assert engine.translate(["Er traf nicht nur den Sprecher."]) == [
        "He met not only the spokesman."
    ]
