"""Verb placement and verb forms, round 5: each rule on a made-up sentence.

Word order through ``grammar.reorder`` and whole sentences through the engine, on a store
built from the tests' Ding excerpt plus a few entries of our own (never news text).  Each
case names the rule it needs, so removing the rule fails it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon.grammar import reorder, tokenize

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Entries of our own in Ding's line format, written for these tests.
VERB2_ENTRIES = lines(
    "Plan {m} | Pläne {pl} :: plan | plans",
    "mein {pron} :: my",
    "dies {pron} :: this",
    "Erfolg {m} | Erfolge {pl} :: success | successes",
    "Fehler {m} | Fehler {pl} :: mistake | mistakes",
    "Freund {m} | Freunde {pl} :: friend | friends",
    "warnen {vt} | warnend | gewarnt | warnt | warnte :: "
    "to warn | warning | warned | warns | warned",
    "wohnen {vi} | wohnend | gewohnt | wohnt | wohnte :: to live | living | lived | lives | lived",
    "erreichen {vt} | erreichend | erreicht | erreicht | erreichte :: "
    "to reach | reaching | reached | reaches | reached",
    "schwer {adj} :: difficult",
    "kaum {adv} :: hardly",
    "Auto {n} | Autos {pl} :: car | cars",
    "raten {vt} | ratend | geraten | rät | riet :: "
    "to advise | advising | advised | advises | advised",
    "Firma {f} | Firmen {pl} :: company | companies",
    "Not {f} :: trouble",
    "kaufen {vt} | kaufend | gekauft | kauft | kaufte :: to buy | buying | bought | buys | bought",
    "einkaufen {vi} | einkaufend | eingekauft | kauft ein | kaufte ein :: "
    "to shop | shopping | shopped | shops | shopped",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "verbs2", EXCERPT + VERB2_ENTRIES)


def ordered(german: str, engine: LexiconEngine) -> str:
    return " ".join(reorder(tokenize(german), engine))


# (German, German in English order, what it shows)
REORDER = [
    # _SUBJECT_OPENERS: a possessive or "dies" opens the subject, no fronted phrase
    ("Mein Plan ist ein Erfolg", "Mein Plan ist ein Erfolg", "possessive-subject"),
    ("Dies ist ein Fehler", "Dies ist ein Fehler", "dies-subject"),
    # verb_final_remainder: a verb-final clause goes on after an inserted relative clause
    (
        "Er sagte , dass der Freund , der dort wohnt , ihn gewarnt hätte",
        "Er sagte , dass der Freund , der wohnt dort , hätte gewarnt ihn",
        "remainder",
    ),
    (
        "Er sagte , dass , wenn es regnet , er nicht gewarnt hätte",
        "Er sagte , dass , wenn es regnet , er hätte nicht gewarnt",
        "remainder-pronoun-negated",
    ),
    # a preposition before a relative pronoun opens a verb-final relative clause of its own
    (
        "Er sah den Plan , an dem er ihn gewarnt hätte",
        "Er sah den Plan , an dem er hätte gewarnt ihn",
        "remainder-not-relative",
    ),
]


@pytest.mark.parametrize(
    ("german", "expected"), [r[:2] for r in REORDER], ids=[r[2] for r in REORDER]
)
def test_reorder(engine: LexiconEngine, german: str, expected: str) -> None:
    assert ordered(german, engine) == expected


# (German, English, what it shows)
SENTENCES = [
    # _copula_zu: "sein" + "zu" + infinitive is a modal passive
    ("Er war nicht zu erreichen.", "He could not be reached.", "copula-zu-negated"),
    ("Der Plan ist kaum zu erreichen.", "The plan can hardly be reached.", "copula-zu-adverb"),
    ("Er ist in Berlin zu erreichen.", "He can be reached in Berlin.", "copula-zu-phrase"),
    # ... but an adjective before "zu" keeps the active infinitive
    ("Der Plan ist schwer zu erreichen.", "The plan is difficult to reach.", "adjective-zu"),
    # _particle_mid_clause: "ein" before a noun is the article, no particle of "einkaufen"
    ("Er kaufte ein Auto.", "He bought a car.", "ein-article"),
    # _geraten: "geraten" after "sein" is "get (into)", after "haben" "advised"
    ("Die Firma ist in Not geraten.", "The company has got in trouble.", "geraten-sein"),
    ("Die Firma gerät in Not.", "The company gets in trouble.", "gerät"),
    ("Die Firma hat ihm geraten.", "The company has advised him.", "geraten-haben"),
]


@pytest.mark.parametrize(
    ("german", "english"), [s[:2] for s in SENTENCES], ids=[s[2] for s in SENTENCES]
)
def test_sentence(engine: LexiconEngine, german: str, english: str) -> None:
    assert engine.translate([german]) == [english]
