"""Function words and noun-phrase structure (issue 14): the noun-phrase context rules
(``context.NOUN_PHRASE_RULES``) one by one, and whole sentences through the engine, on the
excerpt's store.  The sentences are made up for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dolmetsch.lexicon import LexiconEngine, open_lexicon
from dolmetsch.lexicon import context as rules
from dolmetsch.lexicon.english import undouble

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def engine(store_dir: Path, excerpt_ding: Path) -> Iterator[LexiconEngine]:
    opened = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    yield opened
    opened.store.close()


# (rule, German, index of the token, expected answer)
CASES: list[tuple[rules.Rule, str, int, tuple[str, int] | None]] = [
    (rules.partitive, "einer der Drohnen", 0, ("one of the", 2)),
    (rules.partitive, "einige der Kinder", 0, ("some of the", 2)),
    (rules.partitive, "keiner der Sprecher", 0, ("none of the", 2)),
    (rules.partitive, "zwei der Kinder", 0, ("two of the", 2)),
    (rules.partitive, "einige Kinder", 0, None),
    (rules.partitive, "Energie der Drohnen", 0, None),
    (rules.most, "die meisten der Kinder", 0, ("most of the", 3)),
    (rules.most, "die meisten Kinder", 0, ("most", 2)),
    (rules.most, "die Kinder", 0, None),
    (rules.it_says, "es heißt , dass", 0, ("it says", 2)),
    (rules.it_says, "hieß es .", 0, ("it said", 2)),
    (rules.it_says, "es kam", 0, None),
    (rules.for_example, "etwa 20 Drohnen", 0, ("around", 1)),
    (rules.for_example, "etwa eine Stunde", 0, ("around", 1)),
    (rules.for_example, "etwa von Drohnen", 0, ("for example", 1)),
    (rules.for_example, "wie etwa Drohnen", 0, ("such as", 2)),
    (rules.for_example, "wie die Drohnen", 0, None),
    (rules.something_like, "so etwas wie Energie", 0, ("something like", 3)),
    (rules.something_like, "so etwas .", 0, ("something like that", 2)),
    (rules.something_like, "so neu", 0, None),
    (rules.above_all, "vor allem die Drohnen", 0, ("especially", 2)),
    (rules.above_all, "vor allen Drohnen", 0, None),
    (rules.the_two, "die beiden Drohnen", 1, ("two", 1)),
    (rules.the_two, "beiden Drohnen", 0, None),
    (rules.both_and, "sowohl Kinder als auch Frauen", 2, ("and", 2)),
    (rules.both_and, "mehr Kinder als auch Frauen", 2, None),
    (rules.there_may_be, "es kann kommen zu Angriffen", 0, ("there can be", 4)),
    (rules.there_may_be, "es kann kommen zum Krieg", 0, ("there can be a", 4)),
    (rules.there_may_be, "es ist gekommen zu Angriffen", 0, ("there were", 4)),
    (rules.there_may_be, "es kann kommen zu spät", 0, None),
    (rules.there_may_be, "es kann sein zu Angriffen", 0, None),
    (rules.by_means_of, "angegriffen durch Drohnen", 1, ("by", 1)),
    (rules.by_means_of, "wurde am Morgen durch Drohnen", 3, ("by", 1)),
    (rules.by_means_of, "kam durch die Hauptstadt", 1, None),
    (rules.by_means_of, "wurde , durch die Hauptstadt", 2, None),
    (rules.according_to, ", so der Sprecher .", 1, ("according to", 1)),
    (rules.according_to, ", so Bratmann ,", 1, ("according to", 1)),
    (rules.according_to, ", so dass die Regierung kam", 1, None),
    (rules.according_to, ", so kam die Regierung", 1, None),
    (rules.according_to, "er kam so der Regierung", 2, None),
    (
        rules.according_to_postposition,
        "der Regierung zufolge kam",
        0,
        ("according to the government", 3),
    ),
    (
        rules.according_to_postposition,
        "neuen Angriffen zufolge",
        0,
        ("according to new attacks", 3),
    ),
    (rules.according_to_postposition, "kam der Regierung zufolge", 0, None),
    (rules.according_to_postposition, "der Regierung kam", 0, None),
    (rules.neither_nor, "weder Kinder noch Frauen", 2, ("nor", 1)),
    (rules.neither_nor, "Kinder noch Frauen", 1, None),
    (rules.title_of_address, "Frau Quendt kam", 0, ("Ms", 1)),
    (rules.title_of_address, "Herrn Quendt", 0, ("Mr", 1)),
    (rules.title_of_address, "Frau Energie", 0, None),
    (rules.title_of_address, "Frau kam", 0, None),
]


@pytest.mark.parametrize(
    ("rule", "german", "i", "expected"),
    CASES,
    ids=[f"{c[0].__name__}-{'fires' if c[3] else 'not'}-{k}" for k, c in enumerate(CASES)],
)
def test_rule(
    engine: LexiconEngine,
    rule: rules.Rule,
    german: str,
    i: int,
    expected: tuple[str, int] | None,
) -> None:
    tokens = german.split()
    assert rule(engine, rules.context(tokens, i, tokens[i].lower())) == expected


def test_every_noun_phrase_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} == set(rules.NOUN_PHRASE_RULES)


SENTENCES = [
    ("Einige der Kinder kamen.", "Some of the children came."),
    ("Die meisten der Drohnen kamen.", "Most of the drones came."),
    ("Er kam mit einer der wenigen Frauen.", "He came with one of the few women."),
    ("Die Energie einer der Drohnen kam.", "The energy of one of the drones came."),
    # a genitive after a word the learned table translates alone ("Vertrag")
    ("Der Vertrag der Regierung kam.", "The contract of the government came."),
    # after the sentence's first word when it is a noun, and after a parenthesis
    ("Vertreter der Regierung kamen.", "Representatives of the government came."),
    ("Er traf die Regierung (BMA) der Türkei.", "He met the government (BMA) of Turkey."),
    # "sie" agrees with its verb, verb-final or reordered; "ihre" with the nearest "sie"
    ("Nachdem sie kam, sagte er nichts.", "After she came, he said nothing."),
    ("Er sagte, dass sie kamen.", "He said they came."),
    ("Er verhandelte, dass sie kamen.", "He negotiated that they came."),
    ("Die Kinder sowie die Frauen kamen.", "The children and the women came."),
    # "deren" is "whose" only in a relative clause
    (
        "Die Frau, deren Kinder kamen, sagte nichts.",
        "The woman, whose children came, said nothing.",
    ),
    (
        "Die Frau, mit deren Kindern er kam, sagte nichts.",
        "The woman, with whose children he came, said nothing.",
    ),
    ("Die Regierung und deren Sprecher kamen.", "The government and their spokesman came."),
    ("Er half denjenigen, die kamen.", "He helped those who came."),
    ('"Er kam", so der Sprecher.', '"He came," according to the spokesman.'),
    # a demonstrative subject before a negated verb
    ("Das half nicht.", "That did not help."),
    # "dabei" has no English of its own
    (
        "Die Regierung verhandelte dabei mit der Polizei.",
        "The government negotiated with the police.",
    ),
    # an indirect question takes no comma; "wie" + article is "as" and keeps it
    ("Er sagte, wie er kam.", "He said how he came."),
    ("Er sagte, wie die Regierung kam.", "He said, as the government came."),
    # "dazu" pointing ahead to an infinitive has no English
    ("Die Regierung kam dazu, zu verhandeln.", "The government came to negotiate."),
    ("Sie sagte, ihre Regierung kam.", "She said, her government came."),
    ("Sie kamen mit ihren Kindern.", "They came with their children."),
    # ... or with the nearest finite verb; also in a learned phrase ("ihre Kinder")
    ("Die Sprecher sagten, ihre Regierung kam.", "The spokesman said, their government came."),
    ("Sie sagte, ihre Kinder kamen.", "She said, her children came."),
    ('"Er kam", hieß es.', '"He came," it said.'),
    # an English name keeps its words as written, also those German spells the same
    ("Er traf das Symbol Research Institute.", "He met the Symbol Research Institute."),
    ("Er traf das Symbol der Regierung.", "He met the symbol of the government."),
]


@pytest.mark.parametrize(("german", "english"), SENTENCES, ids=[s[0] for s in SENTENCES])
def test_sentence(engine: LexiconEngine, german: str, english: str) -> None:
    assert engine.translate([german]) == [english]


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        (["propose sb.", "a", "contract"], ["propose", "a", "contract"]),
        (["fret about sth.", "sb.", "."], ["fret about", "."]),
        (["remained", "to", "to the", "end"], ["remained", "to the", "end"]),
        (["according to", "to", "the"], ["according to", "the"]),
        (["went", "to", "the", "end"], ["went", "to", "the", "end"]),
    ],
)
def test_undouble(units: list[str], expected: list[str]) -> None:
    assert undouble(units) == expected
