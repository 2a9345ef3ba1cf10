"""Verbs of reporting whose news English is not the dictionary's first sense.

"Die Polizei teilte mit, ..." reports a statement: English news says "the police said", and
"teilte der Zeitung mit" (a person or outlet addressed in the dative) is "told the
newspaper".  Ding's first senses ("advised", "informed of") read as advice or formal
notice.  The German verb keeps its tense and person; the English verb is chosen by whether a
dative object follows it (word order has already put the subject before the verb).

Pure functions of the tokens in English order (after ``grammar.reorder``), where a separable
verb is one joined token ("teilte mit", or "mitteilen<TAB>teilten") or the verb followed by
its particle ("teilt", "mit", ",").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .grammar import TENSE
from .light_verbs import Forms
from .rules import AUX_WERDEN, CLAUSE_PUNCT, QUOTES

SAY: Forms = ("say", "said", "said")
TELL: Forms = ("tell", "told", "told")
# Verb lemma -> (English without an addressee, English with a dative addressee).
REPORTING: dict[str, tuple[Forms, Forms]] = {
    "mitteilen": (SAY, TELL),
    "angeben": (SAY, TELL),  # "gaben an, dass" -> "said", not "gave to" / "mentioned"
}
# A piece every form of a REPORTING verb has ("teilte", "mitgeteilt", "gab", "angegeben",
# "gibt"), so that most tokens are turned away at once.
_STEMS = ("teil", "gab", "geb", "gib")
_STEM = re.compile("|".join(_STEMS))  # one search, not a generator per token
# Words that open a dative object right after the verb: "teilte der Polizei mit".
_HABEN = frozenset("hat haben habe hatte hatten hätte hätten".split())
# Words that open what is reported, right after the particle: "teilt mit, dass ...".
_REPORTED_OPENERS = frozenset("dass daß ob".split())
_DATIVE = frozenset("dem der den einem einer mir dir ihm ihr uns euch ihnen Ihnen".split())


def reporting_verb(
    tokens: Sequence[str],
    i: int,
    lemma: Callable[[str], str],
    is_past: Callable[[str], bool],
) -> tuple[str, int] | None:
    """The English of a reporting verb at ``i`` and the tokens it uses, else None."""
    token = tokens[i]
    if _STEM.search(token) is None:
        return None  # asked of every token: most are no form of a reporting verb
    size = 1
    key, _, form = token.partition(TENSE)
    if form:  # "mitteilen<TAB>teilten"
        verb = key
    elif " " in token:  # "teilte mit"
        form, _, particle = token.partition(" ")
        verb = particle + lemma(form)
    elif i + 1 < len(tokens) and _particle_at(tokens, i + 1):  # "teilt", "mit", ","
        form = token
        verb = tokens[i + 1] + lemma(form)
        size = 2
    else:
        return _participle(tokens, i, lemma)
    if verb not in REPORTING or not form[:1].islower():
        return None
    after = tokens[i + size] if i + size < len(tokens) else ""
    plain, addressed = REPORTING[verb]
    base, past, _ = addressed if after in _DATIVE else plain
    if is_past(form):
        return past, size
    if form.endswith("t"):
        return base + "s", size
    return base, size


def _particle_at(tokens: Sequence[str], k: int) -> bool:
    """Whether the token at ``k`` is a separable verb's particle left at the clause end:
    "mit" before a comma, quote, the sentence end or a "dass" the engine took the comma of
    (not the preposition "mit ihm")."""
    if not tokens[k].islower() or tokens[k].isdigit():
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
    return not nxt or nxt in CLAUSE_PUNCT or nxt in QUOTES or nxt in _REPORTED_OPENERS


def _participle(
    tokens: Sequence[str], i: int, lemma: Callable[[str], str]
) -> tuple[str, int] | None:
    """A reporting verb's participle after its auxiliary: "wurde mitgeteilt" -> "was told"
    (the passive has the addressee as its subject), "hat angegeben" -> "has said"."""
    word = tokens[i]
    verb = lemma(word)
    if i == 0 or verb not in REPORTING or word == verb or not word[:1].islower():
        return None
    plain, addressed = REPORTING[verb]
    before = tokens[i - 1].lower()
    if before in AUX_WERDEN or before == "worden":
        return addressed[2], 1
    if before in _HABEN:
        return plain[2], 1
    return None
