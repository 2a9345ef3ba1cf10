"""Verb choice, tense and voice in the lexicon engine's English.

Whole sentences through the engine, on a store built from the tests' Ding excerpt plus a
few entries of our own (made-up sentences, never news text), and the pure helpers on their
own.  Each case names the rule it needs, so removing the rule fails it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon.english import base_among, base_of_past, participle, past_of_participle
from dolmetsch.lexicon.mood import past_point
from dolmetsch.lexicon.reporting import reporting_verb

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Entries of our own in Ding's line format, written for these tests.
TENSE_ENTRIES = lines(
    "mitteilen {vt} | mitteilend | mitgeteilt | teilt mit | teilte mit :: "
    "to advise | advising | advised | advises | advised",
    "teilen {vt} | teilend | geteilt | teilt | teilte :: "
    "to share | sharing | shared | shares | shared",
    "Zeitung {f} | Zeitungen {pl} :: newspaper | newspapers",
    "angeben {vt} | angebend | angegeben | gibt an | gab an :: "
    "to mention | mentioning | mentioned | mentions | mentioned",
    "geben {vt} | gebend | gegeben | gibt | gab :: to give | giving | given | gives | gave",
    "Plan {m} | Pläne {pl} :: plan | plans",
    "gestern {adv} :: yesterday",
    "gut {adj} :: good",
    "erklären {vt} | erklärend | erklärt | erklärt | erklärte :: "
    "to explain | explaining | explained | explains | explained",
    "lassen {vt} | lassend | gelassen | lässt | ließ :: to let | letting | let | lets | let",
    "Geld {n} :: money",
    "bekommen {vt} | bekommend | bekommen | bekommt | bekam :: "
    "to get | getting | received | gets | got",
    "entlassen {vt} | entlassend | entlassen | entlässt | entließ :: "
    "to dismiss | dismissing | dismissed | dismisses | dismissed",
    "sehen {vt} | sehend | gesehen | sieht | sah :: to see | seeing | seen | sees | saw",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "tense", EXCERPT + TENSE_ENTRIES)


# (German, English, what it shows)
SENTENCES = [
    # "mitteilen" reports: "said", or "told" with a dative addressee
    ("Die Polizei teilte mit, dass der Plan gut ist.", "said", "mitteilen-said"),
    ("Die Polizei teilte der Zeitung mit, dass der Plan gut ist.", "told", "mitteilen-told"),
    # ("police" takes a plural verb, as in English news)
    ("Die Polizei teilt mit, dass der Plan gut ist.", "say", "mitteilen-says"),
    ("Die Polizei gab an, dass der Plan gut ist.", "said", "angeben-said"),
    ("Der Polizei wurde mitgeteilt, dass der Plan gut ist.", "told", "mitgeteilt-passive"),
    ("Die Polizei hat mitgeteilt, dass der Plan gut ist.", "said", "mitgeteilt-perfect"),
]

# (German, English, what it shows)
EXACT = [
    # a Perfekt with a finished time is the English simple past
    (
        "Die Regierung hat gestern den Vertrag unterschrieben.",
        "The government signed the contract yesterday.",
        "perfect-yesterday",
    ),
    (
        "Gestern hat die Regierung den Plan gesehen.",
        "Yesterday, the government saw the plan.",
        "perfect-fronted-irregular",
    ),
    (
        "Die Regierung hat den Vertrag vor zwei Jahren unterschrieben.",
        "The government signed the contract two years ago.",
        "perfect-ago",
    ),
    (
        "Die Regierung hat den Vertrag unterschrieben.",
        "The government has signed the contract.",
        "perfect-no-time",
    ),
    # a reporting verb takes no "that", as "sagte" does not
    (
        "Die Polizei teilte mit, dass der Vertrag gut ist.",
        "The police said the contract is good.",
        "reporting-no-that",
    ),
    # "lässt sich" + infinitive is the modal passive
    ("Der Vertrag lässt sich erklären.", "The contract can be explained.", "lassen-sich"),
    (
        "Der Vertrag ließ sich nicht erklären.",
        "The contract could not be explained.",
        "lassen-sich-past-negated",
    ),
    # a prefixed strong verb after "werden" with an object is the future, not the passive
    ("Die Regierung wird das Geld bekommen.", "The government will get the money.", "future"),
    ("Die Regierung wird entlassen.", "The government is dismissed.", "passive"),
]


@pytest.mark.parametrize(("german", "english"), [s[:2] for s in EXACT], ids=[s[2] for s in EXACT])
def test_sentence(engine: LexiconEngine, german: str, english: str) -> None:
    assert engine.translate([german]) == [english]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("sie hat am Montag gesehen", True),
        ("sie hat letzte Woche gesehen", True),
        ("sie hat im Jahr 2015 gesehen", True),
        ("sie hat in den letzten Jahren gesehen", False),  # a span up to now
        ("sie hat bis zum Jahr 2015 gesehen", False),
        ("sie hat 2000 Menschen gesehen", False),  # an amount
        ("sie hat gesehen , dass er gestern kam", False),  # another clause
        ("gestern , sie hat gesehen", True),  # a fronted time word order set off
    ],
)
def test_past_point(clause: str, expected: bool) -> None:
    tokens = clause.split()
    assert past_point(tokens, tokens.index("hat"), {"Montag"}) is expected


@pytest.mark.parametrize(
    ("participle", "past"),
    [("seen", "saw"), ("taken part", "took part"), ("bought", "bought"), ("signed", "signed")],
)
def test_past_of_participle(participle: str, past: str) -> None:
    assert past_of_participle(participle) == past


@pytest.mark.parametrize(
    ("german", "english"), [s[:2] for s in SENTENCES], ids=[s[2] for s in SENTENCES]
)
def test_sentence_has(engine: LexiconEngine, german: str, english: str) -> None:
    words = engine.translate([german])[0].split()
    assert english in words
    assert not {"advised", "advises", "mentioned", "gave"} & set(words)


def _lemma(word: str) -> str:
    return {"teilte": "teilen", "teilt": "teilen", "teilten": "teilen"}.get(word, word)


def _past(word: str) -> bool:
    return word in ("teilte", "teilten")


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["sie", "teilte mit", ","], ("said", 1)),
        (["sie", "teilte mit", "ihm"], ("told", 1)),
        (["sie", "mitteilen\tteilten", "."], ("said", 1)),
        (["sie", "teilt", "mit", "dass"], ("says", 2)),
        (["sie", "teilt", "mit", "ihm", "das", "Brot"], None),  # the preposition "mit"
        (["sie", "teilte", "das", "Brot"], None),
    ],
)
def test_reporting_verb(tokens: list[str], expected: tuple[str, int] | None) -> None:
    assert reporting_verb(tokens, 1, _lemma, _past) == expected


@pytest.mark.parametrize(
    ("past", "base"),
    [("left", "leave"), ("got it", "get it"), ("read", "read"), ("receive", "receive")],
)
def test_base_of_past(past: str, base: str) -> None:
    assert base_of_past(past) == base


@pytest.mark.parametrize(
    ("past", "known", "base"),
    [
        ("released", {"released", "release"}, "release"),
        ("dismissed them", {"dismiss"}, "dismiss them"),
        ("stopped", {"stop"}, "stop"),
        ("carried", {"carry"}, "carry"),
        ("left", set(), "leave"),
        ("needed", set(), "needed"),  # no base among the senses: as it is
        ("receive", {"receive"}, "receive"),
    ],
)
def test_base_among(past: str, known: set[str], base: str) -> None:
    assert base_among(past, known) == base


@pytest.mark.parametrize(
    ("base", "done"),
    [
        ("explain", "explained"),
        ("take part", "taken part"),
        ("loaded", "loaded"),
        ("see", "seen"),
        ("arise", "arisen"),
    ],
)
def test_participle(base: str, done: str) -> None:
    assert participle(base) == done


class _RankedStore:
    """Just what ``LexiconEngine._lemma_best`` reads of a store: "machen" and its senses."""

    def __init__(self, ranked: list[tuple[str, float]]) -> None:
        self._ranked = ranked

    def ranked(self, key: str, participle: bool) -> list[tuple[str, float]]:
        return self._ranked if key == "machen" else []

    def lemma_tag(self, word: str) -> tuple[str, str] | None:
        return ("machen", "") if word in ("gemacht", "macht") else None

    def inflection(self, english: str, tag: str) -> str | None:
        return None


@pytest.mark.parametrize(
    ("word", "own", "ranked", "expected"),
    [
        # the lemma ranks "make" far above "do": the form's own "done" becomes "made"
        ("gemacht", "done", [("make", 10.0), ("do", 2.0)], "made"),
        ("macht", "does", [("make", 10.0), ("do", 2.0)], "makes"),
        # too close to overrule the form's own entry
        ("gemacht", "done", [("make", 3.0), ("do", 2.0)], "done"),
    ],
)
def test_lemma_best(word: str, own: str, ranked: list[tuple[str, float]], expected: str) -> None:
    engine = LexiconEngine(_RankedStore(ranked))  # type: ignore[arg-type]
    assert engine._lemma_best(word, [(own, 1.0)])[0][0] == expected
