"""Function words and noun-phrase structure (issue 14): the noun-phrase context rules
(``context.NOUN_PHRASE_RULES``) one by one, and whole sentences through the engine, on the
excerpt's store.  The sentences are made up for these tests."""

from __future__ import annotations

import pytest

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon.english import undouble

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


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
    # "Als" with a noun and no article before the finite verb is a role, not "when"
    ("Als Sprecher kam er.", "As a spokesman, he came."),
    ("Als die Polizei kam, kam er.", "When the police came, he came."),
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
    ("Die Sprecher sagten, ihre Regierung kam.", "The spokesmen said, their government came."),
    ("Sie sagte, ihre Kinder kamen.", "She said, her children came."),
    # ... past a participle, with its auxiliary's number
    ("Die Sprecher haben es ihren Kindern gesagt.", "The spokesmen have said it their children."),
    ("Die Frau hat es ihren Kindern gesagt.", "The woman has said it her children."),
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
