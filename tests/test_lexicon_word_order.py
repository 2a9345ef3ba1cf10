"""Each word-order rule of dolmetsch.lexicon.grammar on its own, on the excerpt's store.

Every rule has a clause it fires on and one it must leave alone; the whole ``reorder`` is
checked where the rule's effect is the point.
"""

from __future__ import annotations

import pytest

from dolmetsch.lexicon import LexiconEngine, grammar
from dolmetsch.lexicon.grammar import reorder, tokenize

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def ordered(german: str, engine: LexiconEngine) -> str:
    return " ".join(reorder(tokenize(german), engine))


REORDER = [
    # non_nominative: a dative after a relative pronoun is no subject
    ("Er sah , der dem Sprecher helfen kann", "Er sah , der kann helfen dem Sprecher", "dative"),
    (
        "Er sah , der die Polizei helfen kann",
        "Er sah , der die Polizei kann helfen",
        "nominative",
    ),
    # a relative "die"/"das" before a noun phrase that is nominative or accusative alike is
    # the subject ("who has received a request"), but not after a preposition
    (
        "Er sah die Polizei , die eine Bitte erhalten hat",
        "Er sah die Polizei , die hat erhalten eine Bitte",
        "relative-subject",
    ),
    (
        "Er sah die Bitte , auf die die Polizei gewartet hat",
        "Er sah die Bitte , auf die die Polizei hat gewartet",
        "relative-after-preposition",
    ),
    # _coordinated_subject_end: two subjects joined by "und" before a plural verb stay
    # together, the verbs after both
    (
        "dass die Regierung und die Polizei eine Bitte erhalten haben",
        "dass die Regierung und die Polizei haben erhalten eine Bitte",
        "coordinated-subject",
    ),
    # ... also after the verb of an inverted main clause
    (
        "Am Ende haben die Regierung und die Polizei eine Bitte erhalten",
        "Am Ende , Die Regierung und die Polizei haben erhalten eine Bitte",
        "coordinated-subject-inverted",
    ),
    # ... not before a singular verb, where the second noun phrase is an object
    (
        "dass die Regierung eine Bitte und die Polizei erhalten hat",
        "dass die Regierung hat erhalten eine Bitte und die Polizei",
        "coordinated-object",
    ),
    # subordinate_subject after "wo": the subject after "sich", then the verbs
    (
        "Er kam in die Hauptstadt , wo sich die Polizei mit der Regierung traf",
        "Er kam in die Hauptstadt , wo die Polizei traf sich mit der Regierung",
        "wo-sich-subject",
    ),
    # adjective_comma: a comma between two adjectives of one noun ends no clause, so the
    # particle at the end still finds its verb
    (
        "Die Polizei griff die neue , alte Hauptstadt an",
        "Die Polizei griff an die neue , alte Hauptstadt",
        "adjective-comma",
    ),
    # _inline_quotes: quotation marks around a short name inside a clause end no clause
    (
        'Die Polizei griff die " Hauptstadt " an',
        'Die Polizei griff an die " Hauptstadt "',
        "inline-quotes",
    ),
    # ... but a quoted clause is one of its own
    (
        'Er sagte : " Die Polizei griff an "',
        'Er sagte : " Die Polizei griff an "',
        "quoted-clause",
    ),
    # a capitalised "Und" opens a sentence: the "die" after it is an article
    (
        "Und die Polizei hat eine Bitte erhalten",
        "Und die Polizei hat erhalten eine Bitte",
        "und-die-article",
    ),
    # coordinated_split: each conjunct of a verb-final clause keeps its own verbs
    (
        "dass die Regierung eine Bitte erhalten hat und die Polizei gekommen ist",
        "dass die Regierung hat erhalten eine Bitte und die Polizei ist gekommen",
        "coordinated",
    ),
    # fronted_phrase_end: a long fronted phrase before the verb
    (
        "Am Ende der Bitte in der Hauptstadt sagte er nichts",
        "Am Ende der Bitte in der Hauptstadt , er sagte nichts",
        "long-fronted",
    ),
    # _adjective_noun_end: a fronted phrase with an adjective and no article
    ("Im neuen Vertrag sagte er nichts", "Im neuen Vertrag , er sagte nichts", "fronted-adjective"),
    # _prepositional_opener: "seit" before a noun phrase opens no subordinate clause
    ("Seit Jahren kommt er", "Seit Jahren , er kommt", "seit-preposition"),
    ("seit er gekommen ist", "seit er ist gekommen", "seit-subordinator"),
    # "bis zu" + a number is a quantity of the subject, not a clause "until"
    ("Bis zu 50 Kinder kamen", "Bis zu 50 Kinder kamen", "bis-zu-quantity"),
    ("bis er gekommen ist", "bis er ist gekommen", "bis-subordinator"),
    # _infix_zu: a separable verb's "zu" inside it ("anzugreifen")
    ("um die Hauptstadt anzugreifen", "zu angreifen die Hauptstadt", "infix-zu"),
]


@pytest.mark.parametrize(
    ("german", "expected"), [r[:2] for r in REORDER], ids=[r[2] for r in REORDER]
)
def test_reorder(engine: LexiconEngine, german: str, expected: str) -> None:
    assert ordered(german, engine) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("dem", True), ("Ihnen", True), ("der", False), ("sie", False)],
)
def test_non_nominative(word: str, expected: bool) -> None:
    assert grammar.non_nominative(word) is expected


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("dass die Regierung verhandelt und die Polizei kommt", 4),
        ("dass die Regierung und die Polizei verhandelt", None),
        ("Die Regierung verhandelt und die Polizei kommt", None),
    ],
)
def test_coordinated_split(engine: LexiconEngine, german: str, expected: int | None) -> None:
    assert grammar.coordinated_split(german.split(), engine) == expected


@pytest.mark.parametrize(
    ("verbs", "rest", "expected"),
    [
        (["hat", "gesagt"], ["nie", "etwas"], (["hat", "nie", "gesagt"], ["etwas"])),
        (
            ["hat", "nicht", "gesagt"],
            ["oft", "etwas"],
            (["hat", "nicht", "gesagt"], ["oft", "etwas"]),
        ),
        (["hat", "gesagt"], ["immer", "mehr"], (["hat", "gesagt"], ["immer", "mehr"])),
        (["hat", "gesagt"], ["etwas", "nie"], (["hat", "gesagt"], ["etwas", "nie"])),
    ],
)
def test_preverbal_adverb(
    verbs: list[str], rest: list[str], expected: tuple[list[str], list[str]]
) -> None:
    assert grammar.preverbal_adverb(verbs, rest) == expected


@pytest.mark.parametrize(
    ("german", "end"),
    [
        ("Am Ende der Bitte in der Hauptstadt sagte er", 7),
        ("Am Montag sagte er", 2),
        ("Die Regierung sagte", 0),
    ],
)
def test_fronted_phrase_end(german: str, end: int) -> None:
    assert grammar.fronted_phrase_end(german.split()) == end
