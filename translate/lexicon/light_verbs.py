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
