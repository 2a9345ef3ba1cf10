"""Verb forms, tense, mood and adverbs in the lexicon engine's English.

Whole sentences through the engine, on a store built from the tests' Ding excerpt plus a
few entries of our own (made-up sentences, never news text), and the pure helpers on their
own.  Each case names the rule it needs, so removing the rule fails it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from ding_excerpt import EXCERPT, engine_on, lines

from dolmetsch.lexicon import LexiconEngine, grammar, light_verbs, mood

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Entries of our own in Ding's line format, written for these tests.
VERB_ENTRIES = lines(
    "gut {adj} :: good",
    "Preis {m} | Preise {pl} :: price | prices",
    "Plan {m} | Pläne {pl} :: plan | plans",
    "leicht {adj} :: easy; light",
    "Entscheidung {f} | Entscheidungen {pl} :: decision | decisions",
    "erzählen {vt} | erzählend | erzählt | erzählt | erzählte :: "
    "to tell | telling | told | tells | told",
    "zugänglich {adj} :: accessible",
    "überraschen {vt} | überraschend | überrascht | überrascht | überraschte :: "
    "to surprise | surprising | surprised | surprises | surprised",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LexiconEngine]:
    yield from engine_on(tmp_path_factory, "verbs", EXCERPT + VERB_ENTRIES)


# (German, English, what it shows)
SENTENCES = [
    # Konjunktiv I: present in reported speech, backshifted after a past verb of saying
    ("Der Vertrag sei gut.", "The contract is good.", "sei-present"),
    ("Die Verträge seien gut.", "The contracts are good.", "seien-present"),
    ("Er sagte, dass der Vertrag gut sei.", "He said the contract was good.", "sei-backshift"),
    ("Der Preis sei gestiegen.", "The price has risen.", "sei-perfect"),
    (
        "Er sagte, dass der Preis gestiegen sei.",
        "He said the price had risen.",
        "sei-past-perfect",
    ),
    ("Er habe den Vertrag unterschrieben.", "He has signed the contract.", "habe-perfect"),
    ("Ich habe den Vertrag unterschrieben.", "I have signed the contract.", "habe-first-person"),
    ("Es gebe einen Vertrag.", "There is a contract.", "es-gebe"),
    ("Es gebe neue Verträge.", "There are new contracts.", "es-gebe-plural"),
    ("Er sagte, es gebe einen Vertrag.", "He said, there was a contract.", "es-gebe-backshift"),
    (
        "Er sagte, dass die Regierung den Vertrag unterschrieben hätte.",
        "He said the government had signed the contract.",
        "hätte-backshift",
    ),
    (
        "Die Regierung hätte den Vertrag unterschrieben.",
        "The government would have signed the contract.",
        "hätte-conditional",
    ),
    ("Der Preis wäre gestiegen.", "The price would have risen.", "wäre-perfect"),
    ("Der Vertrag wäre gut.", "The contract would be good.", "wäre"),
    # "sollen" with a perfect infinitive reports a claim
    (
        "Er soll den Vertrag unterschrieben haben.",
        "He is said to have signed the contract.",
        "said-to-have",
    ),
    ("Er soll den Vertrag unterschreiben.", "He should sign the contract.", "soll"),
    # an uninflected adjective before an adjective or participle is an adverb
    ("Der Vertrag ist leicht zugänglich.", "The contract is easily accessible.", "adverb-adj"),
    ("Ein neu unterschriebener Vertrag.", "A newly signed contract.", "adverb-participle"),
    ("Der Vertrag ist überraschend gut.", "The contract is surprisingly good.", "adverb-ing"),
    ("Der Vertrag ist leicht.", "The contract is easy.", "no-adverb"),
    # a stem + "t" form after its subject is the present, not the participle's "told"
    ('"Der Vertrag ist gut", erzählt sie.', '"The contract is good," she tells.', "present-t"),
    ("Sie hat viel erzählt.", "She has told much.", "participle-t"),
    # light verbs take the English verb of their noun
    ("Die Regierung traf eine Entscheidung.", "The government made a decision.", "light-past"),
    ("Die Regierung trifft eine Entscheidung.", "The government makes a decision.", "light-3sg"),
    (
        "Die Regierung hat eine Entscheidung getroffen.",
        "The government has made a decision.",
        "light-participle",
    ),
    (
        "Die Regierung wird eine Entscheidung treffen.",
        "The government will make a decision.",
        "light-infinitive",
    ),
    ("Die Regierung trifft den Sprecher.", "The government meets the spokesman.", "no-light"),
    # "seit" + present is the present perfect
    (
        "Die Regierung verhandelt seit 2010.",
        "The government has been negotiating since 2010.",
        "seit-verb",
    ),
    (
        "Die Regierungen verhandeln seit 2010.",
        "The governments have been negotiating since 2010.",
        "seit-plural",
    ),
    (
        "Die Regierung ist seit 2010 in der Hauptstadt.",
        "The government has been since 2010 in the capital.",
        "seit-sein",
    ),
    (
        "Die Regierung hat seit 2010 verhandelt.",
        "The government has negotiated since 2010.",
        "seit-perfect",
    ),
    (
        "Die Preise sind seit 2010 gestiegen.",
        "The prices have risen since 2010.",
        "seit-sein-perfect",
    ),
    ("Die Regierung verhandelt.", "The government negotiates.", "no-seit"),
]


@pytest.mark.parametrize(
    ("german", "english"), [s[:2] for s in SENTENCES], ids=[s[2] for s in SENTENCES]
)
def test_sentence(engine: LexiconEngine, german: str, english: str) -> None:
    assert engine.translate([german]) == [english]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("stellt", True), ("verhandelt", True), ("stellte", False), ("kam", False)],
)
def test_present_t(engine: LexiconEngine, word: str, expected: bool) -> None:
    assert engine.present_t(word) is expected


def test_light_verb_needs_its_noun_in_the_clause() -> None:
    tokens = "sie traf eine Entscheidung".split()
    assert light_verbs.light_verb(tokens, 1, "treffen", str) == light_verbs.MAKE
    tokens = "sie traf ihn , die Entscheidung".split()
    assert light_verbs.light_verb(tokens, 1, "treffen", str) is None
    tokens = "sie stellt sich die Frage".split()
    assert light_verbs.light_verb(tokens, 1, "stellen", str) is None


@pytest.mark.parametrize(
    ("tokens", "verb", "forms"),
    [
        # "keine Einigung erzielt" reached no agreement (it scored none in the seeds)
        ("sie haben erzielt keine Einigung", "erzielen", light_verbs.REACH),
        ("sie erzielten zwei Tore", "erzielen", None),
        ("die Verhandlung soll werden aufgenommen", "aufnehmen", light_verbs.START),
        ("er hat aufgenommen Kontakt", "aufnehmen", light_verbs.MAKE),
    ],
)
def test_light_verbs_of_news(tokens: str, verb: str, forms: light_verbs.Forms | None) -> None:
    words = tokens.split()
    at = next(k for k, w in enumerate(words) if w.startswith(("erzielt", "aufgenommen")))
    assert light_verbs.light_verb(words, at, verb, str) == forms


@pytest.mark.parametrize(
    ("english", "plural"),
    [
        ("inhabitants", "inhabitants"),  # a plural sense of a plural key stays as it is
        ("employees", "employees"),
        ("prisoner of war", "prisoners of war"),
        ("status", "statuses"),
        ("bus", "buses"),
        ("city", "cities"),
    ],
)
def test_plural(engine: LexiconEngine, english: str, plural: str) -> None:
    assert engine.inflect(english, "pl") == plural


@pytest.mark.parametrize(
    ("adjective", "adverb"),
    [
        ("easy", "easily"),
        ("political", "politically"),
        ("simple", "simply"),
        ("public", "publicly"),
        ("pretty", "pretty"),  # "ziemlich schwierig" -> "pretty difficult"
        ("government", "government"),  # "staatlich kontrolliert"
        ("business", "business"),
        ("better", "better"),
    ],
)
def test_adverb(adjective: str, adverb: str) -> None:
    assert LexiconEngine.adverb(adjective) == adverb


def test_participle_before_its_auxiliary(engine: LexiconEngine) -> None:
    # a participle word order left before its auxiliary ("die verhandelt wurde") is still
    # a participle: Ding's own key "verhandelt" says "negotiates"
    assert engine.translate_tokens(["verhandelt", "wurde"]) == ["negotiated", "was"]
    assert engine.translate_tokens(["sie", "verhandelt"]) == ["she", "negotiates"]


def _never_past(word: str) -> bool:
    return False


def _past(word: str) -> bool:
    return word in ("sagte", "erklärte", "teilte")


def _ing(verb: str) -> str:
    return verb + "ing"


def test_perfect_progressive() -> None:
    assert mood.perfect_progressive("work", False, _ing) == "has been working"
    assert mood.perfect_progressive("work", True, _ing) == "have been working"
    assert mood.perfect_progressive("be active", False, _ing) == "has been active"


def test_since_clause() -> None:
    tokens = "Er lebt seit 2010 hier , sie kommt".split()
    assert mood.since_clause(tokens, 1)
    assert not mood.since_clause(tokens, 6)


# (tokens, index, is_past, expected)
REPORTED = [
    (["Er", "sei", "krank"], 1, _never_past, "is"),
    (["Er", "sagte", ",", "er", "sei", "krank"], 4, _past, "was"),
    (["Sie", "seien", "krank"], 1, _never_past, "are"),
    (["Er", "könne", "kommen"], 1, _never_past, "can"),
    (["Er", "erklärte", ",", "er", "könne", "kommen"], 4, _past, "could"),
    (["mit teilen\tteilte", "er", "werde", "kommen"], 2, _past, "would"),
    (["Es", "war", "so", ",", "er", "werde", "kommen"], 5, _never_past, "would"),
    (["Ich", "habe", "Hunger"], 1, _never_past, None),
    (["Er", "sei", "worden", "gewählt"], 1, _never_past, "has"),
    (["Er", "sagt", "etwas"], 1, _never_past, None),
]


@pytest.mark.parametrize(("tokens", "i", "is_past", "expected"), REPORTED)
def test_reported(
    tokens: list[str], i: int, is_past: Callable[[str], bool], expected: str | None
) -> None:
    lower = tokens[i].lower()
    assert mood.reported(tokens, i, lower, is_past, _never_past) == expected


def test_a_separable_light_verb_joined_by_word_order(engine: LexiconEngine) -> None:
    # word order joins "nahmen ... auf" into one token: its noun still decides its English
    joined = ["aufnehmen" + grammar.TENSE + "nehmen", "die", "Verhandlung", "."]
    assert engine._separable_light_verb(joined, 0, "aufnehmen", "nehmen") == "start"
    assert engine._separable_light_verb(joined, 0, "aufnehmen", "nimmt") == "starts"
    assert engine._separable_light_verb(["nahmen auf", "ihn"], 0, "nahmen auf", "") is None
