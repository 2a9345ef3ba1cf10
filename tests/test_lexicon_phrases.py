"""Early context rules for multi-word expressions (dolmetsch.lexicon.context.EARLY_RULES):
tried before the dictionary's and the learned phrases, on the excerpt's store."""

from __future__ import annotations

import pytest
from rule_cases import CASE_FIELDS, Case, answer, case_ids

from dolmetsch.lexicon import LexiconEngine
from dolmetsch.lexicon import context as rules
from dolmetsch.lexicon.grammar import tokenize
from dolmetsch.lexicon.light_verbs import idiom_tail

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# (rule, German, index of the token, expected answer)
CASES: list[Case] = [
    # "Darum geht es" opening a clause (word order "Darum , es geht")
    (rules.that_is_what_it_is_about, "Darum , es geht .", 0, ("that is what it is about", 4)),
    (rules.that_is_what_it_is_about, "Darum , es ging", 0, ("that was what it was about", 4)),
    (rules.that_is_what_it_is_about, "Darum , es kam", 0, None),
    (rules.that_is_what_it_is_about, "er kam darum , es geht", 2, None),
    # "einstellen" hires people and stops everything else
    (rules.stop_or_hire, "bat , einzustellen die Angriffe .", 2, ("to stop", 1)),
    (rules.stop_or_hire, "weil sie neue Sprecher einstellte", 4, ("hired", 1)),
    (rules.stop_or_hire, "weil die Angriffe eingestellt wurden", 3, ("stopped", 1)),
    (rules.stop_or_hire, "die Einstellung der Angriffe", 1, ("halt", 1)),
    (rules.stop_or_hire, "seine Einstellung ist gut", 1, None),
    (rules.stop_or_hire, "er wird sich einstellen auf Angriffe", 3, None),
    (rules.stop_or_hire, "er will einstellen .", 2, None),
    (rules.before_that_clause, "froh darüber dass sie kam", 1, ("", 1)),
    (rules.before_that_clause, "froh darüber .", 1, None),
    (rules.before_that_clause, "Hinweise darauf , wie es geht", 1, ("on", 1)),
    (rules.before_that_clause, "Hinweise darauf , weil es geht", 1, None),
    (rules.attribute_adverb, "die darauf folgenden Tage", 1, ("", 1)),
    (rules.attribute_adverb, "der damit verbundene Stau", 1, ("", 1)),
    (rules.attribute_adverb, "er kam darauf nicht", 2, None),
    (rules.attribute_adverb, "die darauf folgende .", 1, None),
    (rules.by_contrast, "Die Kinder dagegen spielen im Garten", 2, ("by contrast", 1)),
    (rules.by_contrast, "Wir sind dagegen und gehen", 2, None),
    (rules.by_contrast, "als der Terminator dagegen stellt .", 3, None),
    (rules.by_contrast, "die Aktionen dagegen zu machen", 2, None),
    (rules.by_contrast, "Dagegen spielen die Kinder", 0, None),
    (rules.suggest, ", die darauf hindeutet", 3, ("suggests", 1)),
    (rules.suggest, ", die darauf hindeutet", 2, ("", 1)),
    (rules.suggest, "Aber das deutet darauf hin", 2, ("suggests", 1)),
    (rules.suggest, "Aber das deutet darauf hin", 3, ("", 2)),
    (rules.suggest, "er deutet das Bild", 1, None),
    (rules.another, "Er machte einen weiteren Versuch", 2, ("another", 2)),
    (rules.another, "Eine andere Frage", 0, ("another", 2)),
    (rules.another, "Er wohnt in einer anderen Stadt", 3, ("another", 2)),
    (rules.another, "Das Haus eines anderen Mannes", 2, ("of another", 2)),
    (rules.another, "Er machte einen Versuch", 2, None),
    (rules.another, "Er sah die anderen Kinder", 2, None),
    (rules.a_unit_of_time, "zweimal pro Woche", 1, ("a", 1)),
    (rules.a_unit_of_time, "zehn Euro pro Kopf", 2, None),
    (rules.degree_of_injury, "der schwer verletzte Mann", 1, ("seriously", 1)),
    (rules.degree_of_injury, "ist verletzt leicht", 2, ("slightly", 1)),
    (rules.degree_of_injury, "das ist schwer", 2, None),
    (rules.degree_of_injury, "schwer beladen", 0, None),
    (rules.into_the, "warf den Ball in die Luft", 3, ("into", 1)),
    (rules.into_the, "warf den Ball in der Luft", 3, None),
    (rules.into_the, "In die Luft", 0, None),
    (rules.into_the, "kam in die Türkei", 1, None),
    (rules.at_the_end_of, "Ende des Jahres kam er", 0, ("at the end of the", 2)),
    (rules.at_the_end_of, "und Ende der Woche", 1, ("at the end of the", 2)),
    (rules.at_the_end_of, "bis Ende des Jahres", 1, ("the end of the", 2)),
    (rules.at_the_end_of, "das Ende des Jahres", 1, None),
    (rules.at_the_end_of, "ein offizielles Ende des Krieges", 2, None),
    (rules.fixed_phrase, "Im Hinblick auf die Wahl", 0, ("with regard to", 3)),
    (rules.fixed_phrase, "kam zu Beginn des Spiels", 1, ("at the start", 2)),
    (rules.fixed_phrase, "kam zu spät", 1, None),
    (rules.fixed_phrase, "Gericht in Den Haag", 2, ("The Hague", 2)),
    (rules.how_are_you, "Wie \x05geht es gehen dir ?", 0, ("how are you", 5)),
    (rules.how_are_you, "und wie geht es Ihnen", 1, ("how are you", 4)),
    (rules.how_are_you, "Wie \x05geht es gehen weiter ?", 0, None),
    (rules.how_are_you, "Wie \x05geht es gehen ihm ?", 0, ("how is he", 5)),
    (rules.how_are_you, "weiß , wie es geht ihm .", 2, ("how he is", 4)),
    (rules.how_are_you, "wusste , wie es ging ihr .", 2, ("how she was", 4)),
    (rules.how_are_you, "weiß , wie es geht weiter .", 2, None),
    (rules.um_a_number, "um fast 90 %", 0, ("by", 1)),
    (rules.um_a_number, "um zehn Uhr", 0, ("at", 1)),
    (rules.um_a_number, "um zehn Drohnen", 0, None),
    (rules.um_a_number, "um zehn Prozent", 0, ("by", 1)),
    (rules.um_a_number, "um fast ein Drittel", 0, ("by", 1)),
    (rules.um_a_number, "um 5 Prozent", 0, ("by", 1)),
    (rules.um_a_number, "um 20 Uhr", 0, ("at", 1)),
    (rules.um_a_number, "um die Hauptstadt", 0, None),
    # before Ding's phrase "um 5" ("at 5"): "ist zurückgegangen um 5 Prozent" -> "by"
    (rules.um_a_number, "ist zurückgegangen um 5 Prozent", 2, ("by", 1)),
    # "_" joins a separated verb's words into one token, as word order does
    (rules.assume, "Die Polizei geht_aus von einem Unfall", 2, ("assumes", 2)),
    (rules.assume, "Wir gehen_aus vom Schlimmsten", 1, ("assume the", 2)),
    (rules.assume, "Sie geht_aus davon dass er kam", 1, ("assumes", 2)),
    (rules.assume, "Wir gehen_aus davon .", 1, ("assume so", 2)),
    (rules.assume, "Er geht_aus heute", 1, None),
    (rules.continues, "Die Ermittlungen dauern an .", 2, ("continue", 2)),
    (rules.continues, "Die Kämpfe dauerten an bis die Armee kam", 2, ("continued", 2)),
    (rules.continues, "Das Spiel dauerte an die drei Stunden", 2, None),
    (rules.continues, "Die Kämpfe dauern lange", 2, None),
    (rules.speak_out, "Sie sprach_aus sich gegen Schulden", 1, ("spoke out", 2)),
    (rules.speak_out, "Er sprach_aus das Wort", 1, None),
    (rules.um_a_number, "Die Zahl stieg um 12", 3, ("by", 1)),
    (rules.um_a_number, "Wir treffen uns um halb acht", 3, ("at 7.30", 3)),
    (rules.um_a_number, "Er kam um 12", 2, ("at", 1)),
    (rules.warns_of, "Der Dienst warnt vor Glätte", 2, ("warns of", 2)),
    (rules.warns_of, "Er warnt uns", 1, None),
    (rules.cancelled, "Viele Flüge fallen_aus", 2, ("are cancelled", 1)),
    (rules.cancelled, "Der Zug fiel aus .", 2, ("was cancelled", 2)),
    (rules.cancelled, "Die Ernte fällt gut aus .", 2, None),
    (rules.cancelled, "Er fiel aus dem Fenster", 1, None),
    (rules.town, "Er wohnt in Essen", 3, ("Essen", 1)),
    (rules.town, "Kiel und Essen sind", 2, ("Essen", 1)),
    (rules.town, "Das Essen war gut", 1, None),
    (rules.town, "in der Halle", 2, None),
    (rules.assured_joined, "der Staatschef sicherte_zu", 2, ("assured", 1)),
    (rules.assured_joined, "er sichert das Haus", 1, None),
    (rules.move_to, "sie zieht nach Berlin", 1, ("moves", 1)),
    (rules.move_to, "ist gezogen nach Berlin", 1, ("moved", 1)),
    (rules.move_to, "zog nach Angaben der Polizei", 0, None),
    (rules.move_to, "zieht nach oben", 0, None),
    (rules.stop_or_hire, "müssen einstellen uns darauf", 1, ("prepare for it", 3)),
    (rules.stop_or_hire, "dass sie einstellt sich auf die Krise", 2, ("prepares for", 3)),
]


@pytest.mark.parametrize(CASE_FIELDS, CASES, ids=case_ids(CASES))
def test_rule(
    engine: LexiconEngine,
    rule: rules.Rule,
    german: str,
    i: int,
    expected: tuple[str, int] | None,
) -> None:
    assert answer(engine, rule, german, i) == expected


@pytest.mark.parametrize("rule", rules.EARLY_RULES, ids=lambda rule: rule.__name__)
@pytest.mark.parametrize("german", ["den nach Berlin", "um den aus .", "wie es den"])
def test_an_early_rule_answers_any_early_word(
    engine: LexiconEngine, rule: rules.Rule, german: str
) -> None:
    # every early word reaches every early rule: a rule must not take the word for its own
    # (a KeyError on "den" stopped a learning run's trials)
    for i in range(len(german.split())):
        answer(engine, rule, german, i)


def test_every_early_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} == set(rules.EARLY_RULES)


def test_early_rules_answer_before_a_dictionary_phrase(engine: LexiconEngine) -> None:
    tokens = tokenize("Eine weitere Frage kam.")
    assert rules.apply_early(engine, tokens, 0, "eine") == ("another", 2)
    assert rules.apply_early(engine, tokenize("Eine Frage kam."), 0, "eine") is None


def test_a_hand_written_idiom_before_a_learned_pair(
    engine: LexiconEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a learned pair for the idiom's German must not hide the counted idiom of rules.IDIOMS
    monkeypatch.setattr(engine.store, "learned_phrases", lambda: {"ums leben kommen": "perished"})
    assert engine._phrase(["ums", "Leben", "kommen"], 0) == ("be killed", 3)


def test_a_counted_idiom_replaces_the_dictionary_sense(engine: LexiconEngine) -> None:
    # the excerpt's Ding entry says "contrary"; news writes "on the contrary"
    assert engine._phrase(["im", "Gegenteil", ",", "er", "kam"], 0) == ("on the contrary", 2)
    assert engine._phrase(["am", "Anfang", "kam", "er"], 0) == ("at the beginning", 2)


def test_an_injury_adverb_marked_by_the_word_order(engine: LexiconEngine) -> None:
    assert rules.injury_degree("schwer", "verletzten") == "seriously"
    assert rules.injury_degree("schwer", "beladen") is None


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Männer sind ums Leben gekommen.", "been killed"),  # perfect
        ("Die Männer werden ums Leben kommen.", "will be killed"),  # after an auxiliary
        ("Er sagt, dass die Männer ums Leben kamen.", "were killed"),  # verb-final clause
    ],
)
def test_an_idiom_apart_from_its_verb(engine: LexiconEngine, german: str, english: str) -> None:
    # word order takes the verb to its subject and leaves "ums Leben" at the clause's end
    found = engine.translate_sentence(german)
    assert english in found and "life" not in found.lower()


def test_an_idioms_tail_belongs_to_the_nearest_verb() -> None:
    idioms = {"in Frage stellen", "in Frage kommen"}

    def has(key: str) -> bool:
        return key in idioms

    tokens = "Er kam zu stellen die Regel in Frage .".split()
    assert idiom_tail(tokens, 3, "stellen", has, _lemma) == ("in Frage stellen", 6, 2)
    assert idiom_tail(tokens, 1, "kommen", has, _lemma) is None  # "zu stellen" between
    assert (
        idiom_tail("er stellt die Regel in Frage von uns".split(), 1, "stellen", has, _lemma)
        is None
    )


def _lemma(word: str) -> str:
    return {"stellt": "stellen", "kam": "kommen"}.get(word, word)


def test_deuten_with_its_particle_is_suggest(engine: LexiconEngine) -> None:
    tokens = ["Die", "Zahlen", "deuten hin", "darauf"]  # reorder() joins verb and particle
    assert rules.suggest(engine, rules.context(tokens, 2, "deuten hin")) == ("suggest", 1)


@pytest.mark.parametrize(
    ("german", "i", "learned", "english"),
    [
        # a pronominal adverb learned as its bare preposition says "it" when nothing follows
        # that it points to
        ("er sprach darüber .", 2, "about", "about it"),
        ("die Gespräche darüber laufen", 2, "about", "about it"),
        ("er sprach darüber , wie", 2, "about", "about"),
        ("er dachte daran zu gehen", 2, "of", "of"),
        ("er sprach darüber .", 2, "in addition", "in addition"),
        ("er sprach heute .", 2, "about", "about"),
    ],
)
def test_a_learned_pronominal_adverb_keeps_its_it(
    engine: LexiconEngine, german: str, i: int, learned: str, english: str
) -> None:
    assert engine._pointing(german.split(), i, learned) == english
