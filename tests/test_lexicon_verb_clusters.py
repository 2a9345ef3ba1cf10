"""Verb clusters in the lexicon engine's English: participles by their shape, the passive
infinitive after a modal, and the German double infinitive ("hat ... bauen können").

Whole sentences through the engine on a store built from the tests' Ding excerpt plus a few
entries of our own (made-up sentences, never news text), and the pure helpers on their own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon.grammar import _cluster_order, reorder, tokenize

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Entries of our own in Ding's line format, written for these tests.
CLUSTER_ENTRIES = lines(
    "fertigstellen {vt} | fertigstellend | fertiggestellt | stellt fertig | "
    "stellte fertig :: to complete | completing | completed | completes | completed",
    "bauen {vt} | bauend | gebaut | baut | baute :: to build | building | built | builds | built",
    "Haus {n} | Häuser {pl} :: house | houses",
    "Brücke {f} | Brücken {pl} :: bridge | bridges",
    "Problem {n} | Probleme {pl} :: problem | problems",
    "Polizei {f} :: police",
    "Ministerin {f} | Ministerinnen {pl} :: minister | ministers",
    "neu {adj} :: new",
    "alt {adj} :: old",
    "verlieren {vt} | verlierend | verloren | verliert | verlor :: "
    "to lose | losing | lost | loses | lost",
    "Farbe {f} | Farben {pl} :: colour | colours",
    "morgen {adv} :: tomorrow",
    "entlassen {vt} | entlassend | entlassen | entlässt | entließ :: "
    "to release | releasing | released | releases | released",
    "Mann {m} | Männer {pl} :: man | men",
    "sein {vi} | seiend | gewesen | ist | war :: to be | being | been | is | was",
    "niemand {pron} :: nobody",
    "jemand {pron} :: somebody",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "clusters", EXCERPT + CLUSTER_ENTRIES)


# (German, English, what it shows)
EXACT = [
    # a separable verb's participle with its "ge" past a long first part is a participle:
    # "werden" after a modal is then the passive infinitive "be", not the future "will"
    ("Das Haus muss morgen fertiggestellt werden.", "The house must be completed tomorrow.",
     "particle-participle-passive"),
    # the double infinitive: the modal's English carries the tense
    ("Er hätte das Haus bauen können.", "He could have built the house.", "could-have"),
    ("Sie hatte das Haus bauen sollen.", "She was supposed to build the house.", "supposed-to"),
    ("Wir haben das Haus nicht bauen können.", "We have not been able to build the house.",
     "perfect-negated"),
    ("Er hat gestern das Haus bauen müssen.", "He had to build the house yesterday.",
     "perfect-finished-time"),
    ("Er sagte, dass das Haus hätte gebaut werden können.",
     "He said the house could have been built.", "subordinate-passive"),
    # an infinitive that is also its participle ("entlassen") is the base after a modal,
    # also in the double infinitive
    ("Er muss den Mann entlassen.", "He must release the man.", "modal-same-participle"),
    ("Er hat den Mann entlassen müssen.", "He has had to release the man.",
     "double-infinitive-same-participle"),
    # "werden" after a modal with no participle is the copula, never the future "will"
    ("Das Haus kann ein Problem werden.", "The house can be a problem.", "modal-werden"),
    ("Er sagte, dass das Haus ein Problem werden könnte.",
     "He said the house could be a problem.", "modal-werden-subordinate"),
    # "man" is "you", whose verb has no -s
    ("Man sagt das.", "You say that.", "man-agreement"),
    # a singular "sie" after a feminine subject: a thing is "it", a group "they"
    ("Die Brücke ist alt, weil sie neu ist.", "The bridge is old because it is new.",
     "sie-thing"),
    ("Die Polizei sagte, dass sie kam.", "The police said they came.", "sie-collective"),
    ("Die Ministerin sagte, dass sie kam.", "The minister said she came.", "sie-woman"),
    # and so does the possessive "ihre"
    ("Die Brücke verlor ihre Farbe.", "The bridge lost its colour.", "ihre-thing"),
    ("Die Ministerin verlor ihre Farbe.", "The minister lost her colour.", "ihre-woman"),
]  # fmt: skip


@pytest.mark.parametrize(("german", "english"), [s[:2] for s in EXACT], ids=[s[2] for s in EXACT])
def test_sentence(engine: LexiconEngine, german: str, english: str) -> None:
    assert engine.translate([german]) == [english]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("fertiggestellt", True), ("gebaut", True), ("bauen", False), ("fertigstellen", False)],
)
def test_is_participle(engine: LexiconEngine, word: str, expected: bool) -> None:
    assert engine.is_participle(word) is expected


@pytest.mark.parametrize(
    ("cluster", "expected"),
    [
        # the double infinitive: the finite auxiliary first, then the modal, then the verb
        (["hätte", "bauen", "können"], ["hätte", "können", "bauen"]),
        (["hätte", "gebaut", "werden", "können"], ["hätte", "können", "werden", "gebaut"]),
        # any other cluster reverses
        (["gebaut", "haben", "könnte"], ["könnte", "haben", "gebaut"]),
    ],
)
def test_cluster_order(cluster: list[str], expected: list[str]) -> None:
    assert _cluster_order(cluster) == expected


def test_possessive_is_no_finite_verb(engine: LexiconEngine) -> None:
    # "seiner" is also a form of "sein" to the dictionary: after the first noun it is the
    # possessive, and the auxiliary after it still finds its participle
    assert engine.is_verb("seiner")
    german = tokenize("Der Mann seiner Ministerin hat das Haus gebaut")
    assert " ".join(reorder(german, engine)) == "Der Mann seiner Ministerin hat gebaut das Haus"


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("Niemand baut es", "Niemand baut es"),
        ("Jemand hat es gebaut", "Jemand hat gebaut es"),
        ("Morgen baut er es", "Morgen , er baut es"),  # a fronted adverb: inverted
    ],
)
def test_indefinite_pronoun_is_the_subject(
    engine: LexiconEngine, german: str, expected: str
) -> None:
    # "Niemand", "Jemand" open their clause's subject: "Nobody knows it", not "Nobody, it"
    assert " ".join(reorder(tokenize(german), engine)) == expected
