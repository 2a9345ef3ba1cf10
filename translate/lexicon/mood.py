"""Reported speech and "seit": German verb forms in the tense English news uses.

German news reports what someone said in the Konjunktiv I ("Der Vertrag sei gut", "Er habe
nichts gewusst"), often with no verb of saying in the sentence at all.  English has no such
mood: it uses the present ("The contract is good, he says") and backshifts only after a past
verb of saying ("He said the contract was good").  On newstest2017 the references use the
present 43 times and the past 9 times for a "sei"/"seien" in a sentence with no past verb,
and mostly the past after one: so a Konjunktiv I form is present unless the sentence has a
past finite verb.  The Konjunktiv II "hätte"/"hätten" of a report after a past verb is the
past perfect ("Er sagte, sie hätten es gewusst" -> "had known": 20 of 20 such "hätten" in
the newstest2017 references have no "would"); elsewhere it keeps the conditional.

"seit" with a present verb is the present perfect in English (``since_clause``).

Pure functions of the tokens (in English order, after ``grammar.reorder``) and the engine's
``is_past``; the engine asks ``reported`` for an auxiliary or modal before its table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from .grammar import TENSE
from .rules import AUXILIARIES, CLAUSE_PUNCT, CLAUSE_REACH

# Konjunktiv I forms -> (English present, English after a past verb).  "werde" only when it
# is no passive auxiliary (the engine's passive rule comes first); 1st person forms are
# identical to the indicative ("ich habe", "ich werde") and keep the table's English.
KONJUNKTIV = {
    "sei": ("is", "was"),
    "seien": ("are", "were"),
    "habe": ("has", "had"),
    "werde": ("will", "would"),
    "könne": ("can", "could"),
    "müsse": ("must", "had to"),
    "dürfe": ("may", "could"),
    "solle": ("should", "should"),
    "wolle": ("wants to", "wanted to"),
    "hätte": ("would have", "had"),
    "hätten": ("would have", "had"),
}
# "sei"/"seien"/"habe" before "worden", "gewesen" or a participle whose perfect takes "sein"
# make the perfect: "sei gestiegen" -> "has risen", after a past verb "had risen".
PERFECT = {"sei": ("has", "had"), "seien": ("have", "had"), "habe": ("has", "had")}
# Words a participle follows once word order joined the verb cluster.
_BEFORE_PARTICIPLE = AUXILIARIES | frozenset(KONJUNKTIV) | frozenset(["worden"])
# Finite past forms the lemma table does not tag as past (irregular auxiliaries).
PAST_FINITE = frozenset(
    "war waren hatte hatten hieß wurde wurden konnte konnten musste mussten sollte "
    "sollten wollte wollten durfte durften".split()
)


def past_context(tokens: Sequence[str], i: int, is_past: Callable[[str], bool]) -> bool:
    """Whether the sentence has a past finite verb besides the token at ``i``: a report
    after "sagte" backshifts ("Er sagte, der Vertrag sei gut" -> "was good")."""
    for k, token in enumerate(tokens):
        if k == i or (k > 0 and tokens[k - 1].lower() in _BEFORE_PARTICIPLE):
            continue  # "habe unterschrieben": a participle, not a past finite verb
        verb = token.rpartition(TENSE)[2]  # a joined separable verb: "mit teilen<TAB>teilte"
        if verb.lower() in PAST_FINITE or (verb[:1].islower() and is_past(verb)):
            return True
    return False


def reported(
    tokens: Sequence[str],
    i: int,
    lower: str,
    is_past: Callable[[str], bool],
    perfect: Callable[[str], bool],
) -> str | None:
    """English for the Konjunktiv I auxiliary or modal at ``i``, or None to leave it to the
    table.  ``perfect(word)`` says whether ``word`` is a participle whose perfect takes
    "sein" ("gestiegen")."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if lower in ("wäre", "wären") and (nxt in ("worden", "gewesen") or perfect(nxt)):
        return "would have"  # "wäre gewesen" -> "would have been", not "would be been"
    forms = KONJUNKTIV.get(lower)
    if forms is None:
        return None
    if any(t.lower() == "ich" for t in tokens):
        return None  # "ich habe", "ich werde" are the indicative, and word order moves "ich"
    backshift = past_context(tokens, i, is_past)
    if lower in PERFECT and lower != "habe" and (nxt in ("worden", "gewesen") or perfect(nxt)):
        return PERFECT[lower][backshift]
    if lower == "habe":
        return PERFECT[lower][backshift]
    return forms[backshift]


# "seit" + present: English says how long with the present perfect ("Er lebt seit 2010 in
# Berlin" -> "He has been living in Berlin since 2010").
SINCE = frozenset(["seit", "seitdem"])
# The copula and the passive auxiliary in a "seit" clause: "ist seit Jahren aktiv" -> "has
# been active"; "wird seit Jahren verglichen" -> "has been compared".
SINCE_AUXILIARY = {
    "ist": "has been", "sind": "have been", "bin": "have been",
    "wird": "has been", "werden": "have been",
}  # fmt: skip


def since_clause(tokens: Sequence[str], i: int) -> bool:
    """Whether the clause of the token at ``i`` (between clause punctuation, at most
    :data:`CLAUSE_REACH` tokens either side) has "seit"."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(tokens) and abs(k - i) <= CLAUSE_REACH and tokens[k] not in CLAUSE_PUNCT:
            if tokens[k].lower() in SINCE and not since_a_first(tokens, k):
                return True
            k += step
    return _after_fronted_since(tokens, i)


def _after_fronted_since(tokens: Sequence[str], i: int) -> bool:
    """Whether the clause of ``i`` follows a comma after a clause start with "seit": a
    fronted phrase the reordering closed with a comma ("Seit drei Jahren , er wohnt" ->
    "For three years, he has been living") or a clause ("Seit er hier ist , ist er froh"),
    whose time the main clause's verb spans too."""
    k = i - 1
    while k >= 0 and i - k <= CLAUSE_REACH and tokens[k] not in CLAUSE_PUNCT:
        k -= 1
    if k < 1 or tokens[k] != ",":
        return False
    start = k - 1
    while start > 0 and k - start < CLAUSE_REACH and tokens[start - 1] not in CLAUSE_PUNCT:
        start -= 1
    return (start == 0 or tokens[start - 1] in CLAUSE_PUNCT) and (
        tokens[start].lower() in SINCE and not since_a_first(tokens, start)
    )


# A superlative's or an ordinal's "seit" measures the record, not the verb's duration: "der
# niedrigste Stand seit 2009", "zum ersten Mal seit Jahren", "erstmals seit 1990".  Over
# the learning sets (news-test2008, newstest2009-2016) about 35 of 370 sentences with "seit".
SUPERLATIVE_ENDINGS = ("ste", "sten", "stem", "ster", "stes")
FIRST_TIME = frozenset(["erstmals", "Mal", "Erste", "Ersten"])
_ARTICLES = frozenset("der die das den dem des am".split())


def since_a_first(tokens: Sequence[str], k: int) -> bool:
    """Whether the "seit" at ``k`` follows a superlative or an ordinal: "erstmals seit",
    "zum zweiten Mal seit", "den höchsten Stand seit"."""
    if k == 0:
        return False
    before = tokens[k - 1]
    if before in FIRST_TIME:
        return True
    if before.endswith(SUPERLATIVE_ENDINGS) and k > 1 and tokens[k - 2].lower() in _ARTICLES:
        return True  # "die niedrigste seit 2009" (not the verb in "sie kosten seit 2009")
    if not before[:1].isupper():
        return False
    return any(
        t[:1].islower() and t.endswith(SUPERLATIVE_ENDINGS) for t in tokens[max(0, k - 3) : k - 1]
    )


def perfect_progressive(english: str, plural: bool, ing: Callable[[str], str]) -> str:
    """The present perfect progressive of a verb's English: "live" -> "has been living"."""
    have = "have" if plural else "has"
    if english == "be" or english.startswith("be "):
        return f"{have} been{english[2:]}"
    return f"{have} been {ing(english)}"


# A German Perfekt ("hat ... vorgestellt") with a point in the past ("gestern", "am Montag",
# "vor zwei Jahren", "2015") is the English simple past: the present perfect cannot take a
# finished time ("He presented the plan yesterday", never "has presented ... yesterday").
PRESENT_PERFECT_AUXILIARY = frozenset("hat haben hast habt ist sind bist seid".split())
PAST_POINTS = frozenset("gestern vorgestern damals neulich einst".split())
# "letzte Woche", "vergangenen Montag", "im vergangenen Jahr"
_LAST = frozenset(
    "letzte letzten letztes letzter vergangene vergangenen vergangenes vergangener".split()
)
_YEAR = re.compile(r"^(19|20)\d\d$")
# A year after these (or at the clause start) is a finished time: "im Jahr 2015", "2015";
# not "seit 2010", "bis 2020", "für 2017".
_PAST_YEAR = frozenset(["im", "in", ""])
# Singular times "letzte"/"vergangene" makes finished: "letzte Woche", "vergangenen Montag".
_LAST_UNITS = frozenset(
    "Woche Monat Monats Jahr Jahres Wochenende Nacht Sommer Winter Herbst Frühjahr Frühling "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag".split()
)
# The longest time word group word order sets off at the start: "Am letzten Montag ,".
_FRONTED = 5
# "vor zwei Jahren", "vor wenigen Tagen"
_AGO_UNITS = frozenset(
    "Jahren Jahrzehnten Monaten Wochen Tagen Stunden Minuten Jahr Monat Tag Woche".split()
)


def past_point(tokens: Sequence[str], i: int, days: Collection[str]) -> bool:
    """Whether the clause of the token at ``i`` (between clause punctuation, at most
    :data:`CLAUSE_REACH` tokens either side) names a finished time: "gestern", "am Montag"
    (``days`` are the weekday names), "letzte Woche", "vor zwei Jahren", "im Jahr 2015"."""
    start = i
    while start > 0 and i - start < CLAUSE_REACH and tokens[start - 1] not in CLAUSE_PUNCT:
        start -= 1
    if (
        0 < start - 1 <= _FRONTED
        and tokens[start - 1] == ","
        and not any(t in CLAUSE_PUNCT for t in tokens[: start - 1])
    ):
        start = 0  # word order set a fronted time off with a comma: "Gestern, er hat"
    end = i
    while end + 1 < len(tokens) and end - i < CLAUSE_REACH and tokens[end + 1] not in CLAUSE_PUNCT:
        end += 1
    for k in range(start, end + 1):
        word = tokens[k]
        lower = word.lower()
        before = tokens[k - 1].lower() if k > start else ""
        if lower in PAST_POINTS or (word in days and before in ("am", "")):
            return True
        if lower in _LAST and k + 1 <= end and tokens[k + 1] in _LAST_UNITS:
            return True  # "letzte Woche", but "in den letzten Jahren" is a span up to now
        if word in _AGO_UNITS and k - 2 >= start and tokens[k - 2].lower() == "vor":
            return True
        after = tokens[k + 1] if k < end else ""
        if before in ("jahr", "jahre") and k - 2 >= start:
            before = tokens[k - 2].lower()  # "im Jahr 2015", not "bis zum Jahr 2015"
        if _YEAR.match(word) and before in _PAST_YEAR and not after[:1].isupper():
            return True  # not "bis 2020", nor an amount: "2000 Menschen"
    return False
