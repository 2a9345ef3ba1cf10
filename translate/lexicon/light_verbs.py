"""Light-verb constructions (Funktionsverbgefüge): the verb's English depends on its noun.

In "eine Entscheidung treffen" the verb carries tense and person and the noun the meaning;
English pairs the noun with its own verb ("make a decision", never "meet").  The German verb
keeps its inflection; its English is taken from ``LIGHT_VERBS`` when a listed noun stands
in the same clause (in any position: word order has already moved the verb next to its
subject).  Contiguous idioms whose noun vanishes in English ("in Frage stellen" ->
"question") are phrases of the dictionary and of ``rules.IDIOMS``, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .rules import CLAUSE_PUNCT, CLAUSE_REACH

# An English verb's forms: (base, past, past participle).
Forms = tuple[str, str, str]
MAKE: Forms = ("make", "made", "made")
TAKE: Forms = ("take", "took", "taken")
HOLD: Forms = ("hold", "held", "held")
GIVE: Forms = ("give", "gave", "given")
ASK: Forms = ("ask", "asked", "asked")
DRAW: Forms = ("draw", "drew", "drawn")
COMMIT: Forms = ("commit", "committed", "committed")
REACH: Forms = ("reach", "reached", "reached")
START: Forms = ("start", "started", "started")
# (German verb lemma, German noun lemma) -> the English verb that goes with the noun.
LIGHT_VERBS: dict[tuple[str, str], Forms] = {
    ("treffen", "Entscheidung"): MAKE,
    ("treffen", "Vereinbarung"): MAKE,
    ("treffen", "Vorbereitung"): MAKE,
    ("treffen", "Maßnahme"): TAKE,
    ("ergreifen", "Maßnahme"): TAKE,
    ("ergreifen", "Initiative"): TAKE,
    ("ergreifen", "Gelegenheit"): TAKE,
    ("fassen", "Entschluss"): MAKE,
    ("fassen", "Beschluss"): TAKE,
    ("führen", "Gespräch"): HOLD,
    ("führen", "Verhandlung"): HOLD,
    ("führen", "Krieg"): ("wage", "waged", "waged"),
    ("halten", "Rede"): GIVE,
    ("halten", "Vortrag"): GIVE,
    ("stellen", "Frage"): ASK,
    ("stellen", "Antrag"): MAKE,
    ("stellen", "Forderung"): MAKE,
    ("leisten", "Beitrag"): MAKE,
    ("leisten", "Hilfe"): ("provide", "provided", "provided"),
    ("leisten", "Widerstand"): ("put up", "put up", "put up"),
    ("üben", "Kritik"): ("voice", "voiced", "voiced"),
    ("machen", "Erfahrung"): ("have", "had", "had"),
    ("machen", "Fehler"): MAKE,
    ("erheben", "Vorwurf"): MAKE,
    ("erheben", "Anklage"): ("bring", "brought", "brought"),
    ("ziehen", "Konsequenz"): DRAW,
    ("ziehen", "Schluss"): DRAW,
    ("ziehen", "Bilanz"): DRAW,
    ("begehen", "Straftat"): COMMIT,
    ("begehen", "Verbrechen"): COMMIT,
    ("begehen", "Selbstmord"): COMMIT,
    ("verüben", "Anschlag"): ("carry out", "carried out", "carried out"),
    ("ausüben", "Druck"): ("put", "put", "put"),
    ("erzielen", "Einigung"): REACH,
    ("erzielen", "Kompromiss"): REACH,
    ("erzielen", "Übereinkunft"): REACH,
    ("erzielen", "Übereinkommen"): REACH,
    ("aufnehmen", "Verhandlung"): START,
    ("aufnehmen", "Gespräch"): START,
    ("aufnehmen", "Ermittlung"): START,
    ("aufnehmen", "Betrieb"): START,
    ("aufnehmen", "Kontakt"): MAKE,
}
VERBS = frozenset(verb for verb, _ in LIGHT_VERBS)


def light_verb(
    tokens: Sequence[str], i: int, verb_lemma: str, lemma: Callable[[str], str]
) -> Forms | None:
    """The English forms of the verb at ``i`` (lemma ``verb_lemma``) when its clause has a
    noun it forms a light-verb construction with (at most :data:`CLAUSE_REACH` tokens
    away), else None."""
    if verb_lemma not in VERBS or (i + 1 < len(tokens) and tokens[i + 1] == "sich"):
        return None  # "stellt sich die Frage": the question arises, nobody asks it
    for step in (1, -1):
        k = i + step
        while 0 <= k < len(tokens) and abs(k - i) <= CLAUSE_REACH and tokens[k] not in CLAUSE_PUNCT:
            word = tokens[k]
            if word[:1].isupper():
                forms = LIGHT_VERBS.get((verb_lemma, lemma(word)))
                if forms is None:
                    forms = LIGHT_VERBS.get((verb_lemma, word))
                if forms is not None:
                    return forms
            k += step
    return None


# Idioms of a noun phrase and a verb ("in Frage stellen", "in Kraft treten") are looked up
# under their tail and the verb's infinitive; tails of this many tokens.
TAIL_SIZES = (3, 2)
# A tail ending in a pronoun is an object, not an idiom's: "zu uns kommen" is "come to us".
OBJECT_PRONOUNS = frozenset("mich dich ihn sie es uns euch ihm ihr ihnen mir dir".split())


def idiom_tail(
    tokens: Sequence[str],
    i: int,
    verb_lemma: str,
    has: Callable[[str], bool],
    lemma: Callable[[str], str],
) -> tuple[str, int, int] | None:
    """The idiom the verb at ``i`` forms with the last tokens of its clause, after word
    order has moved the verb away from them: "hat gestellt die Regel in Frage" -> ("in
    Frage stellen", start of "in", 2); None when the clause ends in no such tail.

    German keeps the tail before the verb; English order takes the verb to its subject, so
    in a perfect, after a modal, in a "zu" infinitive or a subordinate clause the tail is
    left at the clause's end (a main clause's finite verb is joined by word order)."""
    end = i + 1
    while end < len(tokens) and end - i <= CLAUSE_REACH and tokens[end] not in CLAUSE_PUNCT:
        end += 1
    if end < len(tokens) and tokens[end] not in CLAUSE_PUNCT:
        return None  # beyond reach: no clause end in sight
    for size in TAIL_SIZES:
        start = end - size
        if start > i and tokens[end - 1] not in OBJECT_PRONOUNS:  # "zu uns kommen": "come"
            tail = " ".join(tokens[start:end])
            if has(f"{tail} {verb_lemma}"):
                if any(
                    t == "zu" or (t[:1].islower() and has(f"{tail} {lemma(t)}"))
                    for t in tokens[i + 1 : start]
                ):
                    return None  # the tail is a nearer verb's: "kam, um ... in Frage zu stellen"
                return f"{tail} {verb_lemma}", start, size
    return None
