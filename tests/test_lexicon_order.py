"""The clause-order rules of issue 14's word-order round, each on a made-up sentence.

Each rule has a sentence it rearranges (checked on the reordered German tokens and, where
the English is the point, on the excerpt engine's translation) and one it must leave alone.
"""

from __future__ import annotations

import pytest

from dolmetsch.lexicon import LexiconEngine, grammar
from dolmetsch.lexicon.grammar import reorder, tokenize

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def ordered(german: str, engine: LexiconEngine) -> str:
    return " ".join(reorder(tokenize(german), engine)).replace(grammar.TENSE, "+")


REORDER = [
    # a subject of four words with a genitive of three after a fronted adverbial
    (
        "Dann kamen die neuen Sprecher der neuen Regierung",
        "Dann , Die neuen Sprecher der neuen Regierung kamen",
        "long-genitive-subject",
    ),
    # fronted_time: "Letztes Jahr" before the finite verb is no subject
    ("Letztes Jahr kam die Polizei", "Letztes Jahr , Die Polizei kam", "time-full-verb"),
    (
        "Letztes Jahr hat die Polizei die Bitte erhalten",
        "Letztes Jahr , Die Polizei hat erhalten die Bitte",
        "time-auxiliary",
    ),
    # ... but "Der Tag" opens the subject
    ("Der Tag hat die Bitte erhalten", "Der Tag hat erhalten die Bitte", "time-noun-subject"),
    # "hatte" as a full verb after a fronted phrase: the subject first
    (
        "In der Hauptstadt hatte er die Bitte",
        "In der Hauptstadt , er hatte die Bitte",
        "have-inverted",
    ),
    # ... not when the subject goes on with "und"
    (
        "In der Hauptstadt hatte die Polizei und die Regierung die Bitte",
        "In der Hauptstadt hatte die Polizei und die Regierung die Bitte",
        "have-coordinated-subject",
    ),
    # subordinators "sofern", "solange", "zumal" and the pairs "so dass", "als ob"
    ("Er kam , solange die Polizei neu ist", "Er kam , solange die Polizei ist neu", "solange"),
    (
        "Er kam , so dass die Polizei die Bitte erhalten hat",
        "Er kam , so dass die Polizei hat erhalten die Bitte",
        "so-dass",
    ),
    (
        "Er kam , als ob die Polizei gekommen ist",
        "Er kam , als ob die Polizei ist gekommen",
        "als-ob",
    ),
    # coordinated_participle: two participles before the finite verb stay together
    (
        "dass die Polizei die Bitte erhalten und gesagt hat",
        "dass die Polizei hat erhalten und gesagt die Bitte",
        "coordinated-participles",
    ),
    # ... two finite conjuncts still split
    (
        "dass die Polizei gekommen ist und gesagt hat",
        "dass die Polizei ist gekommen und hat gesagt",
        "coordinated-finite",
    ),
    # a relative pronoun before its verbs alone: the finite verb first
    (
        "Er sah die Bitte , die erhalten worden ist",
        "Er sah die Bitte , die ist worden erhalten",
        "relative-verbs",
    ),
    # ... but an auxiliary right after it already stands in English order
    ("Er fragte , was wird kommen ?", "Er fragte , was wird kommen ?", "wh-question"),
    # _subject_end: "eines"/"einer" after the subject's noun open its genitive
    (
        "weil der Sprecher einer Regierung die Bitte erhalten hat",
        "weil der Sprecher einer Regierung hat erhalten die Bitte",
        "genitive-einer",
    ),
    (
        "weil der Sprecher eines Landes die Bitte erhalten hat",
        "weil der Sprecher eines Landes hat erhalten die Bitte",
        "genitive-eines",
    ),
    # inverted_auxiliary after a fronted subordinate clause: a subject opened by an article
    (
        "Als er kam , hat die Polizei die Bitte erhalten",
        "Als er kam , Die Polizei hat erhalten die Bitte",
        "auxiliary-article",
    ),
    # ... but after a subject with its relative clause the article opens the predicate
    (
        "Der Sprecher , der kam , ist die Polizei",
        "Der Sprecher , der kam , ist die Polizei",
        "auxiliary-article-predicate",
    ),
    # number_hyphen: the hyphen of "58-Jährige" ends no clause
    ("Für die 58-Jährige war es neu", "Für die 58 - Jährige , es war neu", "number-compound"),
    (
        "Er kam - in der Hauptstadt war es neu",
        "Er kam - in der Hauptstadt , es war neu",
        "dash-between-clauses",
    ),
    # subordinate_conjunct: a second conjunct with its own subordinator, or verbs alone
    (
        "weil er kam oder weil die Polizei die Bitte erhalten hat",
        "weil er kam oder weil die Polizei hat erhalten die Bitte",
        "conjunct-subordinator",
    ),
    (
        "dass er gekommen ist und geholfen haben kann",
        "dass er ist gekommen und kann haben geholfen",
        "conjunct-verbs",
    ),
    # relative_opener: a relative adverb or a preposition before a relative pronoun
    (
        "Er kam , wodurch die Polizei gekommen ist",
        "Er kam , wodurch die Polizei ist gekommen",
        "relative-adverb",
    ),
    (
        "Er sah die Hauptstadt , in der die Polizei gekommen ist",
        "Er sah die Hauptstadt , in der die Polizei ist gekommen",
        "preposition-relative",
    ),
    (
        "Er sah die Hauptstadt , an denen er gekommen ist",
        "Er sah die Hauptstadt , an denen er ist gekommen",
        "preposition-denen",
    ),
    # ... but a preposition before an article and its noun opens no relative clause
    (
        "Er kam , in der Hauptstadt hat er nichts gesagt",
        "Er kam , in der Hauptstadt , er hat gesagt nichts",
        "preposition-noun",
    ),
    # _wh_subject: "was"/"wer" is the subject when no other is seen
    ("Er kam , was neu ist", "Er kam , was ist neu", "was-subject"),
    (
        "Er kam , was für die Polizei neu ist",
        "Er kam , was ist neu für die Polizei",
        "was-subject-predicative",
    ),
    ("Er kam , was er gesagt hat", "Er kam , was er hat gesagt", "was-object"),
    # "wie" keeps its adjective: "wie neu die Drohnen sind" is "how new the drones are"
    ("Er sah , wie neu die Drohnen sind", "Er sah , wie neu die Drohnen sind", "wie-adjective"),
    # inverted_auxiliary: a main clause after a fronted subordinate clause
    (
        "Wenn die Polizei kommt , kann er helfen",
        "Wenn die Polizei kommt , er kann helfen",
        "auxiliary-pronoun",
    ),
    (
        "Als die Regierung kam , hatte Rosenthal nichts gesagt",
        "Als die Regierung kam , Rosenthal hatte gesagt nichts",
        "auxiliary-name",
    ),
    # a question keeps its auxiliary first; so does a verb phrase after "und"
    ("Kann er helfen ?", "Kann er helfen ?", "question"),
    ("Er kam und hat ihn gesagt", "Er kam und hat gesagt ihn", "after-und"),
    # _article_opening: an article moved after a comma is no relative pronoun
    (
        "Als er kam , sagte der Sprecher nichts",
        "Als er kam , Der Sprecher sagte nichts",
        "article-capitalised",
    ),
    # enumeration_comma: the commas of a list of nouns do not end the clause
    (
        "Im Krieg hat er Energie , Drohnen oder Waffenruhe erhalten",
        "Im Krieg , er hat erhalten Energie , Drohnen oder Waffenruhe",
        "enumeration",
    ),
    # subordinate_subject: subjects the simple noun phrase misses
    (
        "dass sich die Regierung mit der Polizei getroffen hat",
        "dass die Regierung hat getroffen sich mit der Polizei",
        "sich-before-subject",
    ),
    (
        "weil neue Drohnen die Hauptstadt angegriffen haben",
        "weil neue Drohnen haben angegriffen die Hauptstadt",
        "adjective-subject",
    ),
    ("dass jemand die Bitte erhalten hat", "dass jemand hat erhalten die Bitte", "pronoun"),
    (
        "dass in der Hauptstadt die Polizei gekommen ist",
        "dass die Polizei ist gekommen in der Hauptstadt",
        "prepositional-phrase-first",
    ),
    # a relative pronoun is the subject itself: "sich" stays after the verbs
    (
        "die sich mit der Polizei getroffen hat",
        "die hat getroffen sich mit der Polizei",
        "relative-sich",
    ),
    # inverted_copula: a copula after a fronted phrase, the subject first
    (
        "In der Hauptstadt sind die Drohnen für den Krieg neu",
        "In der Hauptstadt , Die Drohnen sind neu für den Krieg",
        "copula-inverted",
    ),
    ("In der Hauptstadt war es neu", "In der Hauptstadt , es war neu", "copula-pronoun"),
    # a dative after the copula is no subject
    ("In der Hauptstadt war ihm alles neu", "In der Hauptstadt war ihm alles neu", "copula-dative"),
    # predicative_adjective: the adjective before its complement, also without inversion
    (
        "Die Drohnen sind für den Krieg neu",
        "Die Drohnen sind neu für den Krieg",
        "predicative",
    ),
    (
        "weil die Drohnen für den Krieg neu sind",
        "weil die Drohnen sind neu für den Krieg",
        "predicative-subordinate",
    ),
    # verb_first_conditional: a clause opened by its verb before a main clause is a condition
    (
        "Kommt die Polizei , kann er helfen .",
        "Wenn die Polizei kommt , er kann helfen .",
        "conditional",
    ),
    (
        "Hat die Regierung Drohnen , sagte der Sprecher .",
        "Wenn die Regierung Drohnen hat , Der Sprecher sagte .",
        "conditional-full-verb",
    ),
    # a question; a clause after the comma that is no main clause
    ("Kommt die Polizei , kann er helfen ?", "Kommt die Polizei , er kann helfen ?", "asked"),
    ("Kommt die Polizei , die er sah ?", "Kommt die Polizei , die er sah ?", "relative-after"),
    # _demonstrative: "das" alone is a subject
    (
        "Wenn er kommt , wird das schnell beginnen",
        "Wenn er kommt , Das wird beginnen schnell",
        "das-aux",
    ),
    ("weil das für die Polizei neu ist", "weil das ist neu für die Polizei", "das-subordinate"),
    ("In der Hauptstadt ist das neu", "In der Hauptstadt , Das ist neu", "das-copula"),
    # inverted_copula keeps a subject that goes on, and a name first with its adverb
    (
        "Im Krieg war die Polizei der Hauptstadt neu",
        "Im Krieg , Die Polizei der Hauptstadt war neu",
        "copula-genitive",
    ),
    ("Im Krieg war er der Sprecher", "Im Krieg , er war der Sprecher", "copula-pronoun-der"),
    ("Rosenthal wiederum ist der Sprecher", "Rosenthal wiederum ist der Sprecher", "name-first"),
    # long_subject_auxiliary: the auxiliary after a subject of six words
    (
        "Die Regierung der Hauptstadt in der Türkei hat die Bitte erhalten",
        "Die Regierung der Hauptstadt in der Türkei hat erhalten die Bitte",
        "long-subject",
    ),
    (
        "Die Regierung der Hauptstadt in der Türkei hat die Bitte erhalten und gesagt",
        "Die Regierung der Hauptstadt in der Türkei hat die Bitte erhalten und gesagt",
        "long-subject-two-verbs",
    ),
    # a long subject, then a full verb whose particle ends the clause
    (
        "Die Regierung der Hauptstadt in der Türkei greift die Polizei an",
        "Die Regierung der Hauptstadt in der Türkei greift an die Polizei",
        "long-subject-particle",
    ),
    # main_coordination: each main clause of a coordination in order on its own
    (
        "Die Regierung hat die Bitte erhalten und in der Hauptstadt hat er nichts gesagt",
        "Die Regierung hat erhalten die Bitte und in der Hauptstadt , er hat gesagt nichts",
        "coordinated-main",
    ),
    # after "und" a "die" opens the subject, not a relative clause
    (
        "Er kam und die Polizei wird die Hauptstadt angreifen",
        "Er kam und die Polizei wird angreifen die Hauptstadt",
        "coordinated-die",
    ),
    # reported_source: ", so die Polizei." names the source of reported speech
    ("Er kam , so die Polizei .", "Er kam , laut die Polizei .", "so-source"),
    ("Er kam , so die Polizei", "Er kam , laut die Polizei", "so-source-end"),
    # "so" before a verb or inside the sentence is something else
    ("Er kam , so die Polizei , nach Hause", "Er kam , so die Polizei , nach Hause", "so-inside"),
    ("Er kam , so kam die Polizei .", "Er kam , so kam die Polizei .", "so-verb"),
    # stray_particle: a particle alone after an inserted clause goes back to its verb
    (
        "Die Polizei griff die Hauptstadt , die neu ist , an .",
        "Die Polizei griff an die Hauptstadt , die ist neu .",
        "stray-particle",
    ),
    # ... not when the clause before it has no verb with that particle
    (
        "Die Polizei erhielt die Bitte , die neu ist , an .",
        "Die Polizei erhielt die Bitte , die ist neu , an .",
        "stray-particle-no-verb",
    ),
    # direct_question: an auxiliary's verbs follow the subject, a full verb takes "do"
    (
        "Warum hat die Polizei die Bitte nicht erhalten ?",
        "Warum hat die Polizei nicht erhalten die Bitte ?",
        "question-auxiliary",
    ),
    ("Wann kommt die Polizei ?", "Wann \x05kommt die Polizei kommen ?", "question-do"),
    (
        "Kommt die Polizei in die Hauptstadt ?",
        "\x05Kommt die Polizei kommen in die Hauptstadt ?",
        "question-yes-no",
    ),
    # "welche" with its noun is the subject unless a subject pronoun follows the verb
    (
        "Welche Polizei hat die Bitte erhalten ?",
        "Welche Polizei hat erhalten die Bitte ?",
        "question-which-subject",
    ),
    # a conjunction before the question word
    ("Und wann kam die Polizei ?", "Und wann \x05kam die Polizei kommen ?", "question-after-und"),
    # a particle between the question word and the verb
    ("Wann aber kam die Polizei ?", "Wann aber \x05kam die Polizei kommen ?", "question-particle"),
    # ... not a question word that is the subject, nor a verb-final clause
    ("Wer kam in die Hauptstadt ?", "Wer kam in die Hauptstadt ?", "question-wh-subject"),
    (
        "Er fragte , wann die Polizei kam ?",
        "Er fragte , wann die Polizei kam ?",
        "question-indirect",
    ),
    # participial_attributes: a participle with its prepositional phrase after the noun
    (
        "Er kam mit der von der Polizei erhaltenen Bitte",
        "Er kam mit der Bitte \x06erhalten von der Polizei",
        "participial-attribute",
    ),
    # ... not without a noun after it, nor with an adjective that is no participle
    (
        "Er sah die von der Polizei erhaltenen",
        "Er sah die von der Polizei erhaltenen",
        "participial-attribute-no-noun",
    ),
    (
        "Er kam mit der in der Hauptstadt neuen Bitte",
        "Er kam mit der in der Hauptstadt neuen Bitte",
        "participial-attribute-adjective",
    ),
    # a fronted role: "als" and a noun without article, then the finite verb
    ("Als Sprecher kam er", "Als Sprecher , er kam", "fronted-role"),
    ("Als er kam , kam sie", "Als er kam , sie kam", "als-clause"),
    # fronted_object: a subject pronoun after the finite verb, the object before it
    ("Die Bitte hat er erhalten", "er hat erhalten die Bitte", "fronted-object"),
    ("Diese Bitte erhielt man", "man erhielt diese Bitte", "fronted-object-full-verb"),
    # ... not an object pronoun after the verb, nor an adverb first
    ("Die Polizei hat ihn erhalten", "Die Polizei hat erhalten ihn", "fronted-subject"),
    ("Heute hat er die Bitte erhalten", "Heute , er hat erhalten die Bitte", "fronted-adverb"),
]


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        # a year after the fronted phrase's noun belongs to it
        ("Im Februar 2015 kam die Polizei", 3),
        ("Bei der Wahl 2011 hatte die Polizei", 4),
        # ... a number that is no year does not
        ("Bei der Wahl 5000 hatte die Polizei", 3),
        # nine words with its prepositional attributes; an attribute past ten words stays out
        ("Nach der Bitte an die Polizei in der Hauptstadt kam er", 9),
        ("Nach der Bitte an die Polizei in der Hauptstadt an der Grenze kam er", 9),
    ],
)
def test_fronted_phrase_end(german: str, expected: int) -> None:
    assert grammar.fronted_phrase_end(german.split()) == expected


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("Die Regierung kam und in der Hauptstadt sagte er nichts", 3),
        ("Die Regierung kam und die Polizei sagte nichts", 3),
        # two nouns, not two clauses; a verb cluster at the end; no verb before "und"
        ("Die Regierung sah Kinder und Frauen", None),
        ("Er hat Kinder oder einen Sprecher treffen können", None),
        ("Die Regierung und die Polizei sagte nichts", None),
    ],
)
def test_main_coordination(engine: LexiconEngine, german: str, expected: int | None) -> None:
    assert grammar.main_coordination(german.split(), engine) == expected


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("Die Polizei griff die Hauptstadt an und kam", 6),
        ("Die Polizei griff die Hauptstadt an oder sie kam", 6),
        # "an" before "und" that belongs to no verb of the clause
        ("Die Polizei kam an und die Regierung kam", None),
        ("Die Polizei kam und griff die Hauptstadt an", None),
    ],
)
def test_particle_conjunct_end(engine: LexiconEngine, german: str, expected: int | None) -> None:
    assert grammar.particle_conjunct_end(german.split(), engine) == expected


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("Die Regierung der Hauptstadt in der Türkei hat die Bitte erhalten", 7),
        ("Die Regierung der Hauptstadt in der Türkei kann helfen", 7),
        # a full verb first: the auxiliary belongs to something else
        ("Die Regierung der Hauptstadt in der Türkei sagte , sie hat erhalten", None),
        # the subject does not open the clause
        ("Erhalten hat die Regierung der Hauptstadt in der Türkei die Bitte", None),
    ],
)
def test_long_subject_auxiliary(engine: LexiconEngine, german: str, expected: int | None) -> None:
    assert grammar.long_subject_auxiliary(german.split(), engine) == expected


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("das für ihn", True),
        ("dies nicht", True),
        ("das neue Symbol", False),
        ("das Symbol", False),
        ("das 1. Symbol", False),
    ],
)
def test_demonstrative(german: str, expected: bool) -> None:
    assert grammar._demonstrative(german.split(), 0) is expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("für den Krieg neu", "neu für den Krieg"),
        # no prepositional phrase just before the adjective
        ("für den Krieg sehr neu", "für den Krieg sehr neu"),
        ("dem Krieg neu", "dem Krieg neu"),
        # two predicates
        ("für den Krieg neu und für die Polizei neu", "für den Krieg neu und für die Polizei neu"),
    ],
)
def test_predicative_adjective(engine: LexiconEngine, after: str, expected: str) -> None:
    assert " ".join(grammar.predicative_adjective(after.split(), engine)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("sich die Dauer mit der Zeit", (1, 3)),
        ("neue Drohnen die Hauptstadt", (0, 2)),
        ("dies die einzige Bitte", (0, 1)),
        ("sich das Ergebnis", (1, 3)),
        ("in der Hauptstadt die Polizei", (3, 5)),
        ("in der Hauptstadt neue Drohnen", None),
        ("ihm die Bitte", None),
        ("schnell", None),
    ],
)
def test_subordinate_subject(
    engine: LexiconEngine, body: str, expected: tuple[int, int] | None
) -> None:
    assert grammar.subordinate_subject(body.split(), engine) == expected


@pytest.mark.parametrize(
    ("german", "comma", "expected"),
    [
        ("Er hat Energie , Drohnen oder Waffenruhe erhalten", 3, True),
        ("Er hat Energie , Drohnen , Kinder und Frauen erhalten", 3, True),
        # the list ends the clause: nothing to keep together
        ("Er erhielt Energie , Drohnen und Waffenruhe .", 3, False),
        # a clause follows the comma, not a list
        ("Er hat Energie , die er erhalten hat", 3, False),
        ("Er sah Kinder , Drohnen kamen und die Polizei kam", 3, False),
    ],
)
def test_enumeration_comma(german: str, comma: int, expected: bool) -> None:
    assert grammar.enumeration_comma(german.split(), comma) is expected


@pytest.mark.parametrize(
    ("german", "expected"), [r[:2] for r in REORDER], ids=[r[2] for r in REORDER]
)
def test_reorder(engine: LexiconEngine, german: str, expected: str) -> None:
    assert ordered(german, engine) == expected


@pytest.mark.parametrize(
    ("before", "subject", "expected"),
    [
        ("In der Hauptstadt", "der Sprecher", ", Der Sprecher"),
        ("Gestern", "er", ", er"),
        # a fronted object pronoun: no comma; nothing fronted: nothing to set off
        ("Ihn", "der Sprecher", "der Sprecher"),
        ("", "der Sprecher", "der Sprecher"),
    ],
)
def test_moved_subject(before: str, subject: str, expected: str) -> None:
    moved = grammar._moved_subject(before.split(), subject.split())
    assert " ".join(moved) == expected


TRANSLATE = [
    # the comma after a fronted phrase keeps "der" an article, not a genitive "of the"
    (
        "In der Hauptstadt sagte der Sprecher nichts.",
        "In the capital, the spokesman said nothing.",
    ),
    (
        "Die Polizei griff die Hauptstadt an und kam.",
        "The police attacked the capital and came.",
    ),
    ("Kommt die Polizei, kann er helfen.", "If the police come, he can help."),
    (
        "In der Hauptstadt sind die Drohnen für den Krieg neu.",
        "In the capital, the drones are new for the war.",
    ),
    ("Wenn die Polizei kommt, kann er helfen.", "If the police come, he can help."),
    ("Als er kam, sagte der Sprecher nichts.", "When he came, the spokesman said nothing."),
    ("Wann kam die Polizei?", "When did the police come?"),
    (
        "Er kam mit der von der Polizei erhaltenen Bitte.",
        "He came with the request received by police.",
    ),
]


@pytest.mark.parametrize(("german", "english"), TRANSLATE)
def test_translate(engine: LexiconEngine, german: str, english: str) -> None:
    assert engine.translate([german]) == [english]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # numbers joined by hyphens are one token: no "-" for word order to take for a
        # clause's dash ("mit 43-7 geschlagen wurden" kept its verbs at the end)
        ("am 2026-01-30 kam er", ["am", "2026-01-30", "kam", "er"]),
        ("von 2014-2016 und 43-7", ["von", "2014-2016", "und", "43-7"]),
        ("die 58-Jährige", ["die", "58", "-", "Jährige"]),
        ("2 - 1", ["2", "-", "1"]),
        ("Zahl 3-", ["Zahl", "3", "-"]),
    ],
)
def test_numbers_joined_by_hyphens(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens
    assert [m.group() for m in grammar._TOKEN.finditer(text) if not m.group().isspace()] == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Darum gehts", ["Darum", "geht", "es"]),
        ("Hier gibt's Kaffee", ["Hier", "gibt", "es", "Kaffee"]),
        ("So ging’s", ["So", "ging", "es"]),
        ("Gabs das", ["Gab", "es", "das"]),
        ("die Kams und Hats", ["die", "Kams", "und", "Hats"]),  # no verb + es
    ],
)
def test_verb_and_es_in_one_word(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    ("german", "expected"),
    [("die 58-Jährige", True), ("die 800-Meter-Läuferin", True), ("dort - etwa", False)],
)
def test_number_hyphen(german: str, expected: bool) -> None:
    tokens = tokenize(german)
    assert grammar.number_hyphen(tokens, tokens.index("-")) is expected


@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("Als er kam , hat die Polizei", True),
        ("Der Sprecher , der kam , ist die Polizei", False),
        ("Als er kam , wie er sagt , hat die Polizei", False),
    ],
)
def test_after_subordinate(german: str, expected: bool) -> None:
    tokens = tokenize(german)
    start = len(tokens) - 3
    assert grammar.after_subordinate(tokens, start) is expected
