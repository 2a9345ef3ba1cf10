"""Clauses opened by a phrase before their verb, and the words such phrases decide.

Issue 14's eighth round: "seit", "bis" and "während" open a prepositional phrase before
a finite verb ("Seit 2015 arbeitet sie", "Bis Freitag muss er zahlen", "Bis zum Abend blieb
er"), a subject after the verb may be a number or an indefinite pronoun ("Laut Polizei wurde
niemand verletzt"), the verb a fronted "seit" spans is in the present perfect, "laut
Angaben der" is "according to the", "während" before a genitive is "during", and "den" before
a weak masculine noun is its accusative singular ("traf den Präsidenten"); a time adverb
between the verb and its subject goes after them, "nicht mehr" into the verb cluster
("could no longer help"). Each on made-up sentences, with one the rule must leave alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine, grammar
from dolmetsch.lexicon.grammar import reorder, tokenize
from dolmetsch.lexicon.mood import since_clause

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ENTRIES = lines(
    "Präsident {m} | Präsidenten {pl} :: president | presidents",
    "Journalist {m} | Journalisten {pl} :: journalist | journalists",
    "Angeklagte {m,f}; Angeklagter | Angeklagten {pl} :: defendant | defendants",
    "Staat {m} | Staaten {pl} :: state | states",
    "Abend {m} | Abende {pl} :: evening | evenings",
    "Spiel {n} | Spiele {pl} :: game | games",
    "Jahr {n} | Jahre {pl} :: year | years",
    "zahlen {vt} | zahlend | gezahlt | zahlt | zahlte :: to pay | paying | paid | pays | paid",
    "wohnen {vi} | wohnend | gewohnt | wohnt | wohnte :: to live | living | lived | lives | lived",
    "verletzen {vt} | verletzend | verletzt | verletzt | verletzte :: "
    "to injure | injuring | injured | injures | injured",
)


@pytest.fixture(scope="module")
def lex(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "fronted", EXCERPT + ENTRIES)


def ordered(german: str, engine: LexiconEngine) -> str:
    return " ".join(reorder(tokenize(german), engine)).replace(grammar.TENSE, "+")


REORDER = [
    # a number or an adverb after "seit": a phrase, then the finite verb
    ("Seit 2015 kommt er nach Berlin", "Seit 2015 , er kommt nach Berlin", "seit-year"),
    ("Seit drei Jahren wohnt er in Berlin", "Seit drei Jahren , er wohnt in Berlin", "seit-count"),
    # an auxiliary after the phrase, the infinitive at the end
    ("Bis Freitag muss er zahlen", "Bis Freitag , er muss zahlen", "bis-modal"),
    # ... but a clause ending in its verb with no auxiliary after the phrase is subordinate
    (
        "bis der Präsident in Berlin gekommen ist",
        "bis der Präsident ist gekommen in Berlin",
        "bis-clause-long",
    ),
    # "bis zum": never the conjunction
    ("Bis zum Abend kam er", "Bis zum Abend , er kam", "bis-zum"),
    # a subject opened by a number or an indefinite pronoun
    ("In der Hauptstadt kamen drei Menschen", "In der Hauptstadt , drei Menschen kamen", "number"),
    (
        "Laut Polizei hat niemand die Bitte erhalten",
        "Laut Polizei , niemand hat erhalten die Bitte",
        "niemand",
    ),
    # ... past a time adverb between the verb and the subject
    (
        "In der Hauptstadt kamen gestern drei Menschen",
        "In der Hauptstadt , drei Menschen kamen gestern",
        "adverb-before-subject",
    ),
    # "nicht mehr" joins the verbs of the cluster ("could no longer help")
    (
        "Die Polizei konnte dem Kind nicht mehr helfen",
        "Die Polizei konnte nicht mehr helfen dem Kind",
        "no-longer",
    ),
    # ... or a quantifier ("zahlreiche", "tausende")
    (
        "In der Hauptstadt kamen zahlreiche Menschen",
        "In der Hauptstadt , zahlreiche Menschen kamen",
        "quantifier",
    ),
    # a source fronted with "zufolge" is no subject
    (
        "Dem Bericht zufolge kamen drei Menschen",
        "Dem Bericht zufolge , drei Menschen kamen",
        "zufolge",
    ),
    (
        "Selenskij zufolge sei der Vorschlag gekommen",
        "Selenskij zufolge , Der Vorschlag sei gekommen",
        "zufolge-auxiliary",
    ),
    # ... an object pronoun after the verb is no subject
    ("In der Hauptstadt traf ihn niemand", "In der Hauptstadt traf ihn niemand", "object-first"),
]


@pytest.mark.parametrize(
    ("german", "expected"), [r[:2] for r in REORDER], ids=[r[2] for r in REORDER]
)
def test_reorder(lex: LexiconEngine, german: str, expected: str) -> None:
    assert ordered(german, lex) == expected


@pytest.mark.parametrize(
    ("tokens", "i", "expected"),
    [
        ("Seit Jahren , er wohnt in Berlin".split(), 4, True),  # the comma the reordering set
        ("Seit er kam , wohnt er in Berlin".split(), 5, True),  # a "seit" clause before it
        ("Er kam , er wohnt in Berlin".split(), 4, False),
        ("Erstmals seit Jahren , er wohnt in Berlin".split(), 5, False),  # a record, no span
    ],
)
def test_since_clause_after_a_fronted_seit(tokens: list[str], i: int, expected: bool) -> None:
    assert since_clause(tokens, i) is expected


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Seit drei Jahren wohnt er in Berlin.", "For three years, he has been living in Berlin."),
        ("Laut Angaben der Polizei kam er.", "According to the police, he came."),
        ("Der Krieg ist laut.", "The war is loud."),
        ("Während des Spiels kam er.", "During the game, he came."),
        (
            "Die Polizei konnte dem Kind nicht mehr helfen.",
            "The police could no longer help the child.",
        ),
        ("Er traf den Präsidenten.", "He met the president."),
        ("Er traf den Journalisten.", "He met the journalist."),
        # an adjectival noun declines alike: one defendant
        ("Er traf den Angeklagten.", "He met the defendant."),
        # a dative after "mit" is plural; "den Staaten" is no weak noun
        ("Er kam mit den Präsidenten.", "He came with the presidents."),
        ("Er traf den Staaten.", "He met the states."),
    ],
)
def test_translation(lex: LexiconEngine, german: str, english: str) -> None:
    assert lex.translate([german]) == [english]
