"""Infinitives and verb clusters, on made-up sentences: word order (dolmetsch.lexicon.grammar)
with a small stand-in lexicon, zu-infinitive clauses in English order ("to call the
number") whatever word opens them; the English of infinitives and passives on the
excerpt's store ("muss nicht immer sein" -> "need not always be")."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from ding_excerpt import EXCERPT

from dolmetsch.lexicon import LexiconEngine, build_store, open_lexicon
from dolmetsch.lexicon import context as rules
from dolmetsch.lexicon.grammar import reorder, tokenize

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_VERBS = frozenset(
    "anrufen rufen zubereiten bereiten aufhören hören einen finden kaufen lösen versprach "
    "versprochen bat gebeten sagte sagen helfen versucht anfängt hoffte können sein scheint "
    "gewesen versuchten sicherstellen seines versuchte gebaut half".split()
)
_NOUNS = frozenset("Nummer Abendessen Job Haus Problem Mutter Freund Staat Aufgaben".split())


@dataclass(frozen=True)
class StandIn:
    """The few German words these sentences need, as the grammar asks about them."""

    verbs: frozenset[str] = _VERBS
    nouns: frozenset[str] = _NOUNS
    adjectives: frozenset[str] = field(default_factory=lambda: frozenset(["schwer", "perfekt"]))

    def is_verb(self, word: str) -> bool:
        return word in self.verbs or word in ("ist", "hat", "hatte", "wird", "kann", "muss")

    def is_noun(self, word: str) -> bool:
        return word in self.nouns

    def has(self, key: str) -> bool:
        return key in self.verbs or key in self.nouns or key in self.adjectives

    def lemma(self, word: str) -> str:
        return {"versuchte": "versuchen", "bat": "bitten"}.get(word, word)

    def is_past(self, word: str) -> bool:
        return False

    def is_adjective(self, word: str) -> bool:
        return word in self.adjectives


def ordered(german: str) -> str:
    return " ".join(reorder(tokenize(german), StandIn()))


def test_a_separable_zu_form_after_a_comma_is_a_to_infinitive() -> None:
    # "die" opens no relative clause here: the clause ends in its infinitive
    assert ordered("Er bat sie , die Nummer anzurufen .") == "Er bat sie , zu anrufen die Nummer ."
    assert (
        ordered("Er versprach , uns das Abendessen zuzubereiten .")
        == "Er versprach , zu zubereiten uns das Abendessen ."
    )


def test_an_article_that_is_also_a_verb_stays_in_the_infinitive_clause() -> None:
    # "einen" is also "to unite": before a noun it is the article
    assert (
        ordered("Es ist schwer , einen Job zu finden .") == "Es ist schwer , zu finden einen Job ."
    )


def test_a_subordinate_clause_ending_in_a_zu_form_stays_finite() -> None:
    # no to-infinitive clause, and a lone "zu" + infinitive is no verb cluster to move
    assert ordered("Er sagte , als er den Freund anzurufen .") == (
        "Er sagte , als er den Freund zu anrufen ."
    )


def test_a_participle_before_its_noun_is_no_verb_of_the_clause() -> None:
    # "versuchten" declined before "Job" is an adjective: the clause stays an infinitive
    assert ordered("Es ist schwer , den versuchten Job zu finden .") == (
        "Es ist schwer , zu finden den versuchten Job ."
    )
    # "hatte" before its noun is a finite verb all the same
    assert ordered("Er hatte Aufgaben zu lösen .") == "Er hatte Aufgaben zu lösen ."


def test_a_to_infinitive_after_an_auxiliary_stays_at_the_end() -> None:
    # "hat ... zu lösen" is "has ... to solve": no verb of the auxiliary's cluster
    assert ordered("Der Staat hat viele Aufgaben zu lösen .") == (
        "Der Staat hat viele Aufgaben zu lösen ."
    )


def test_a_separable_zu_form_ending_a_main_clause_is_split() -> None:
    assert ordered("Es ist schwer anzurufen .") == "Es ist schwer zu anrufen ."


def test_a_verb_final_cluster_keeps_zu_before_its_infinitive() -> None:
    assert ordered("Er sagte , dass er das Problem zu lösen versucht hat .") == (
        "Er sagte , dass er hat versucht zu lösen das Problem ."
    )
    # already in English order: the finite verb before "zu"
    assert ordered("Er sagte , dass der Freund anfängt zu helfen .") == (
        "Er sagte , dass der Freund anfängt zu helfen ."
    )


def test_an_auxiliary_infinitive_after_zu_governs_the_verb_before_it() -> None:
    assert ordered("Er hoffte , das Problem lösen zu können .") == (
        "Er hoffte , zu können lösen das Problem ."
    )
    assert ordered("Er sagte , dass der Freund dort gewesen zu sein scheint .") == (
        "Er sagte , dass der Freund scheint zu sein gewesen dort ."
    )


def test_a_possessive_that_is_also_a_verb_form_stays_in_the_infinitive_clause() -> None:
    # "seines" is also a form of "sein": before a noun it is "his"
    assert ordered("Er kam , um den Job seines Freund zu finden .") == (
        "Er kam , zu finden den Job seines Freund ."
    )


def test_um_with_a_lone_separable_zu_form_is_a_to_infinitive() -> None:
    assert ordered("Er kam , um sicherzustellen , dass er half .") == (
        "Er kam , zu sicherstellen , dass er half ."
    )


def test_coordinated_to_infinitives_are_each_in_english_order() -> None:
    assert ordered("Er kam , um den Freund anzurufen und das Problem zu lösen .") == (
        "Er kam , zu anrufen den Freund und zu lösen das Problem ."
    )


def test_a_control_verb_takes_its_to_infinitive_first() -> None:
    # "versuchen": its subject does what the infinitive says
    assert ordered("Er versuchte den Job zu finden .") == "Er versuchte zu finden den Job ."
    # "bitten" has an object of its own, who is to do it: the order stays
    assert ordered("Er bat den Freund den Job zu finden .") == (
        "Er bat den Freund den Job zu finden ."
    )


def test_nicht_of_a_verb_final_clause_goes_to_its_verbs() -> None:
    assert ordered("Er sagte , dass er das Haus nicht gebaut hat .") == (
        "Er sagte , dass er hat nicht gebaut das Haus ."
    )
    # a lone full verb is negated with do-support ("did not help")
    assert ordered("Er sagte , dass er nicht half .") == "Er sagte , dass er \x03half ."
    # "nicht nur" ("not only") stays where it is
    assert ordered("Er sagte , dass er nicht nur half .") == "Er sagte , dass er half nicht nur ."


def rule(engine: LexiconEngine, german: str, i: int) -> tuple[str, int] | None:
    tokens = tokenize(german)
    return rules.apply(engine, tokens, i, tokens[i].lower())


def test_sein_after_a_modal_and_adverbs_is_be_not_his(engine: LexiconEngine) -> None:
    # word order has moved the infinitive up: "muss nicht immer sein schwer"
    assert rule(engine, "Die Polizei muss nicht immer sein schwer", 5) == ("be", 1)
    # after a full verb it stays the possessive
    assert rule(engine, "Die Polizei traf nie sein Kind", 4) is None


def test_sein_before_gewesen_is_the_perfect_infinitive(engine: LexiconEngine) -> None:
    assert rule(engine, "Der Vertrag muss sein gewesen schwer", 3) == ("have", 1)
    # of the passive too: "must have been signed"
    assert rule(engine, "Der Vertrag muss sein worden unterschrieben", 3) == ("have", 1)


def test_a_modal_infinitive_is_said_with_an_english_periphrasis(engine: LexiconEngine) -> None:
    assert engine.translate(["Er sagte, den Vertrag unterschreiben zu können."]) == [
        "He said to be able to sign the contract."
    ]
    assert engine.translate(["Er wird den Vertrag unterschreiben müssen."]) == [
        "He will have to sign the contract."
    ]


def test_werden_after_zu(engine: LexiconEngine) -> None:
    # with a participle the passive infinitive, without one "become"
    assert engine.translate(["Er sagte, beschädigt zu werden."]) == ["He said to be damaged."]
    assert engine.translate(["Er sagte, schwer zu werden."]) == ["He said to become heavy."]


def test_werden_with_a_participle_past_an_adverb_is_the_passive(engine: LexiconEngine) -> None:
    assert engine.translate(["Ich werde beschädigt."]) == ["I am damaged."]
    tokens = tokenize("Der Sprecher wird immer beschädigt")
    assert engine.translate_tokens(tokens)[2] == "is"


def test_zu_before_an_infinitive_is_to_whatever_was_learned(
    engine: LexiconEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a learned table that says "at" for every preposition and noun
    monkeypatch.setattr(engine.store, "learned_preposition", lambda *_: "at")
    tokens = tokenize("Er begann zu unterschreiben den Vertrag")
    assert engine.translate_tokens(tokens)[2] == "to"
    # a preposition before a noun takes what was learned
    assert engine.translate_tokens(tokenize("Er kam zu der Hauptstadt"))[2] == "at"


def test_a_phrase_that_hides_a_negation_is_not_used(tmp_path: Path) -> None:
    # a made-up dictionary phrase whose English has lost the "nicht"
    ding = tmp_path / "de-en"
    ding.write_text(
        EXCERPT + "nicht schwer {adj} :: light\nnicht neu {adj} :: not new\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    data.mkdir()
    build_store(data, ding)
    opened = open_lexicon(data, build=False, ding=ding)
    try:
        assert opened.translate(["Der Vertrag ist nicht schwer."]) == ["The contract is not heavy."]
        assert opened.translate(["Der Vertrag ist nicht neu."]) == ["The contract is not new."]
    finally:
        opened.store.close()


def test_a_negated_verb_after_a_relative_pronoun_makes_it_who(engine: LexiconEngine) -> None:
    # (a person's noun restricted: no comma before "who", see test_lexicon_particles.py)
    assert engine.translate(["Der Sprecher, der nicht kam, sagte das."]) == [
        "The spokesman who did not come said that."
    ]


def test_an_infinitive_after_modal_and_nicht_keeps_its_form(
    engine: LexiconEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a learned single-word pair in another form than the infinitive
    learned = {"unterschreiben": "signing"}
    monkeypatch.setattr(engine.store, "learned_phrase", lambda key: learned.get(key))
    monkeypatch.setattr(engine.store, "phrase_length", lambda first: 1)
    tokens = tokenize("Die Polizei will nicht unterschreiben den Vertrag")
    assert engine.translate_tokens(tokens)[4] == "sign"
