"""English word formation (dolmetsch.lexicon.english): the forms Ding's entries do not give."""

from __future__ import annotations

import pytest

from dolmetsch.lexicon.english import (
    a_or_an,
    adverb,
    after_you,
    cannot,
    ing_form,
    not_verb,
    participle,
    plural_already,
    plural_police,
    regular_past,
    regular_plural,
    third_person,
)


@pytest.mark.parametrize(
    ("verb", "past"),
    [("stop", "stopped"), ("agree", "agreed"), ("carry", "carried"), ("play", "played"),
     ("announce", "announced"), ("visit", "visited")],
)  # fmt: skip
def test_regular_past(verb: str, past: str) -> None:
    assert regular_past(verb) == past


@pytest.mark.parametrize(
    ("noun", "plural"),
    [("crisis", "crisises"), ("box", "boxes"), ("city", "cities"), ("day", "days"),
     ("church", "churches"), ("goal", "goals")],
)  # fmt: skip
def test_regular_plural(noun: str, plural: str) -> None:
    # (a plural like "crises" comes from Ding's own inflections when it has them)
    assert regular_plural(noun) == plural


@pytest.mark.parametrize(
    ("phrase", "third"),
    [("take part", "takes part"), ("be", "is"), ("have to go", "has to go"),
     ("reach", "reaches"), ("try", "tries"), ("say", "says"), ("go", "goes"),
     ("not to specify", "does not specify")],
)  # fmt: skip
def test_third_person(phrase: str, third: str) -> None:
    assert third_person(phrase) == third


@pytest.mark.parametrize(
    ("phrase", "ing"),
    [("disappoint", "disappointing"), ("run away", "running away"), ("die", "dying"),
     ("make", "making"), ("be", "being"), ("see", "seeing"),
     ("not to specify", "not specifying")],
)  # fmt: skip
def test_ing_form(phrase: str, ing: str) -> None:
    assert ing_form(phrase) == ing


@pytest.mark.parametrize(
    ("phrase", "verb"),
    [("not to specify", "specify"), ("not react", "react"), ("note", None), ("not", None)],
)
def test_not_verb(phrase: str, verb: str | None) -> None:
    # Ding's negated senses ("offen lassen" -> "not to specify") inflect their verb
    assert not_verb(phrase) == verb


def test_participle_of_a_negated_sense() -> None:
    assert participle("not to specify") == "not specified"


@pytest.mark.parametrize(
    ("adjective", "expected"),
    [("heavy", "heavily"), ("good", "well"), ("simple", "simply"), ("economic", "economically"),
     ("better", "better"), ("right away", "right away")],
)  # fmt: skip
def test_adverb(adjective: str, expected: str) -> None:
    assert adverb(adjective) == expected


def test_plural_already() -> None:
    assert plural_already("inhabitants")
    assert not plural_already("crisis")
    assert not plural_already("status")
    assert not plural_already("politics")
    assert not plural_already("Paris")  # a name


def test_a_or_an() -> None:
    assert a_or_an(["a", "agreement", "and", "an", "car"]) == ["an", "agreement", "and", "a", "car"]
    assert a_or_an(["a hour"]) == ["an hour"]
    assert a_or_an(["an"]) == ["an"]  # nothing after it: left alone


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        (["you", "speaks", "German"], ["you", "speak", "German"]),
        (["you", "has been able to"], ["you", "have been able to"]),
        (["you", "tries"], ["you", "try"]),
        (["you", "watches"], ["you", "watch"]),
        (["you", "recognizes"], ["you", "recognize"]),
        (["you", "discuss"], ["you", "discuss"]),  # already the base form
        (["you", "says"], ["you", "say"]),
        (["you", "always", "says"], ["you", "always", "says"]),  # no verb right after it
        (["she", "speaks"], ["she", "speaks"]),
    ],
)
def test_after_you(units: list[str], expected: list[str]) -> None:
    assert after_you(units) == expected


def test_can_not_is_one_word() -> None:
    assert cannot("He can not come.") == "He cannot come."
    assert cannot("Can not they come?") == "Cannot they come?"
    assert cannot("He can not only sing.") == "He can not only sing."  # no denial
    assert cannot("A pecan nothing") == "A pecan nothing"
    # the other modals: negated before the verb that carries "to", with do-support
    assert cannot("He wanted to not come.") == "He did not want to come."
    assert cannot("She wants to not say it.") == "She does not want to say it."
    assert cannot("They had to not pay.") == "They did not have to pay."
    # "muss nicht" is no ban
    assert cannot("You must not pay.") == "You need not pay."
    assert cannot("He wanted to nothing.") == "He wanted to nothing."


def test_police_take_a_plural_verb() -> None:
    assert plural_police("The police says so.") == "The police say so."
    assert plural_police("Police has found him.") == "Police have found him."
    assert plural_police("The police searches the house.") == "The police search the house."
    assert plural_police("The police was there.") == "The police were there."
