"""Tokens and word order: German clause structure rearranged into English order.

Works on German tokens before translation, so the dictionary sees each word (and each
re-joined separable verb or idiom) in English order:

- auxiliary + clause-final participle/infinitive -> one verb cluster ("hat ... erhalten"
  -> "hat erhalten ..." -> "has received ...");
- V2 inversion after a fronted adverbial -> subject first ("Gestern hat er" -> "Gestern er
  hat");
- verb-final subordinate and relative clauses -> verb cluster after the subject;
- a clause-final separable particle or idiom tail joins its finite verb ("rief ... an" ->
  "rief an"; "stellte ... in Aussicht" -> "in Aussicht stellen").

Heuristic, no parser: a clause is a span between punctuation; noun phrases are a
determiner up to the last capitalised word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .rules import (
    AUXILIARIES,
    CLAUSE_PUNCT,
    COORDINATORS,
    DETERMINERS,
    FUNCTION_WORDS,
    PARTICLES,
    PRONOUNS,
    QUOTES,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
)

_LETTERS = "A-Za-zÄÖÜäöüßéèàáâêîôûçñ"
_TOKEN = re.compile(rf"\d+(?:[.,:]\d+)*|[{_LETTERS}]+(?:[-'’][{_LETTERS}0-9]+)*(?:-(?=\s))?|\S")
_WH_WORDS = frozenset("wie was wer wo warum".split())
_FINITE_BE_HAVE = frozenset("ist sind war hat".split())


class Lexicon(Protocol):
    """What word order needs to know about German words."""

    def is_verb(self, word: str) -> bool: ...

    def is_noun(self, word: str) -> bool: ...

    def has(self, key: str) -> bool: ...

    def lemma(self, word: str) -> str: ...


def tokenize(sentence: str) -> list[str]:
    """Words (with inner hyphens/apostrophes), numbers (``1.000``, ``19,7``) and symbols."""
    return _TOKEN.findall(sentence)


def detokenize(tokens: Sequence[str]) -> str:
    """Join English tokens with spaces, attaching punctuation and pairing quotes."""
    out: list[str] = []
    quote_open = False
    attach_next = False
    for token in tokens:
        if not token:
            continue
        if token in QUOTES:
            out.append('"' if quote_open else ' "')
            attach_next = not quote_open
            quote_open = not quote_open
            continue
        if token in (",", ".", "!", "?", ";", ":", ")", "%", "'s") and out:
            out.append(token)
        elif token == "(":
            out.append(" (")
            attach_next = True
            continue
        elif attach_next or not out:
            out.append(token)
        else:
            out.append(" " + token)
        attach_next = False
    return "".join(out).strip()


def noun_phrase_end(tokens: Sequence[str], start: int) -> int:
    """Index just after the (simple) noun phrase at ``start``; ``start`` if there is none."""
    end = len(tokens)
    if start >= end:
        return start
    first = tokens[start]
    if first in PRONOUNS:
        return start + 1
    j = start
    if first.lower() in DETERMINERS:
        j += 1
        while j < end and not tokens[j][:1].isupper():
            j += 1
    elif not first[:1].isupper():
        return start
    while j < end and tokens[j][:1].isupper():
        j += 1
    return j


def _starts_noun_phrase(word: str) -> bool:
    return word in PRONOUNS or word in DETERMINERS or word[:1].isupper()


def clauses(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of clauses; punctuation, and ``und``/``oder`` before an auxiliary, are their own."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(tokens)
    for j, token in enumerate(tokens):
        coordinated_vp = (
            token in ("und", "oder", "aber") and j + 1 < n and tokens[j + 1] in AUXILIARIES
        )
        # The dot of an ordinal ("am 5. Februar") does not end a clause.
        ordinal_dot = token == "." and j > 0 and tokens[j - 1].isdigit() and j + 1 < n
        if coordinated_vp or (token in CLAUSE_PUNCT and not ordinal_dot):
            if j > start:
                spans.append((start, j))
            spans.append((j, j + 1))
            start = j + 1
    if start < n:
        spans.append((start, n))
    return spans


def reorder(tokens: Sequence[str], lex: Lexicon) -> list[str]:
    """German tokens in English clause order (see the module docstring)."""
    out: list[str] = []
    for start, end in clauses(tokens):
        clause = list(tokens[start:end])
        out.extend(reorder_clause(clause, lex) if len(clause) >= 3 else clause)
    return out


def _subordinate(clause: list[str], lex: Lexicon) -> list[str]:
    first = clause[0]
    lower = first.lower()
    n = len(clause)
    if lower in RELATIVE_PRONOUNS and not lex.is_verb(clause[-1]):
        return clause
    j = n
    while j > 1 and (lex.is_verb(clause[j - 1]) or (clause[j - 1] == "zu" and j < n)):
        j -= 1
    if j in (n, 1):
        return clause
    cluster = clause[j:][::-1]
    body = clause[1:j]
    subject_end = noun_phrase_end(body, 0)
    if lower in RELATIVE_PRONOUNS and not (body and _starts_noun_phrase(body[0])):
        subject_end = 0
    if lower in _WH_WORDS and subject_end == 0:
        return clause
    return [first, *body[:subject_end], *cluster, *body[subject_end:]]


def _join_idiom(clause: list[str], finite: int, lex: Lexicon) -> list[str] | None:
    """A clause-final idiom tail joined to its verb: "ums Leben kommen", or None."""
    n = len(clause)
    lemma = lex.lemma(clause[finite])
    for size in (3, 2):
        if n - size >= finite + 1:
            key = " ".join(clause[n - size :]) + " " + lemma
            if lex.has(key):
                return [*clause[:finite], key, *clause[finite + 1 : n - size]]
    return None


def _join_particle(clause: list[str], finite: int, lex: Lexicon) -> list[str]:
    """A clause-final separable particle joined to the finite verb: "rief an"."""
    verb, last = clause[finite], clause[-1]
    if last not in PARTICLES or len(clause) - 1 <= finite + 1:
        return clause
    merged = verb + " " + last
    if not lex.has(merged):
        infinitive = last + lex.lemma(verb)
        if lex.has(infinitive):
            merged = infinitive
    return [*clause[:finite], merged, *clause[finite + 1 : -1]]


def reorder_clause(clause: list[str], lex: Lexicon) -> list[str]:
    """One clause in English order."""
    n = len(clause)
    first = clause[0]
    if first.lower() in SUBORDINATORS or (first in RELATIVE_PRONOUNS and first[:1].islower()):
        return _subordinate(clause, lex)
    if first.lower() in COORDINATORS:
        return [first, *reorder_clause(clause[1:], lex)] if n > 3 else clause
    if first in AUXILIARIES:
        # A coordinated verb phrase without subject: "(und) wurde ... gebracht".
        j = n
        while j > 2 and lex.is_verb(clause[j - 1]):
            j -= 1
        return [first, *clause[j:][::-1], *clause[1:j]] if j < n else clause
    if lex.is_verb(first) and first[:1].islower():
        return _verb_first(clause, lex)
    finite = next((k for k in range(1, min(n, 6)) if lex.is_verb(clause[k])), None)
    if finite is None and clause[-1] in PARTICLES:
        # A verb known only with its particle: "griff ... an" (key "griff an").
        finite = next(
            (k for k in range(1, min(n - 2, 6)) if lex.has(f"{clause[k]} {clause[-1]}")), None
        )
    if finite is None:
        return clause
    verb = clause[finite]
    if verb not in AUXILIARIES:
        joined = _join_idiom(clause, finite, lex)
        if joined is not None:
            return joined
        clause = _join_particle(clause, finite, lex)
        verb = clause[finite]
    else:
        j = n
        while (
            j > finite + 2 and lex.is_verb(clause[j - 1]) and clause[j - 1] not in _FINITE_BE_HAVE
        ):
            j -= 1
        if j == n:
            return clause
        cluster = clause[j:][::-1]
        middle = clause[finite + 1 : j]
        before = clause[:finite]
        if finite > 0 and middle and not _subject_first(first, lex):
            subject_end = noun_phrase_end(middle, 0)
            if 0 < subject_end <= 4:
                return [*before, *middle[:subject_end], verb, *cluster, *middle[subject_end:]]
        return [*before, verb, *cluster, *middle]
    # Inversion with a full verb: "Gestern sagte er" -> "Gestern er sagte".
    rest = clause[finite + 1 :]
    if (
        finite == 1
        and first[:1].isupper()
        and not _subject_first(first, lex)
        and rest
        and (rest[0] in PRONOUNS or rest[0] in DETERMINERS)
    ):
        subject_end = noun_phrase_end(rest, 0)
        if 0 < subject_end <= 4:
            return [first, *rest[:subject_end], verb, *rest[subject_end:]]
    return clause


def _verb_first(clause: list[str], lex: Lexicon) -> list[str]:
    """A clause opened by its verb (after a quote: "sagte der Sprecher") -> subject first."""
    clause = _join_particle(clause, 0, lex)
    subject_end = noun_phrase_end(clause, 1)
    if 1 < subject_end <= 5:
        return [*clause[1:subject_end], clause[0], *clause[subject_end:]]
    return clause


def _subject_first(first: str, lex: Lexicon) -> bool:
    """Whether a clause's first word opens its subject (so there is no inversion)."""
    lower = first.lower()
    if lower in DETERMINERS or lower in PRONOUNS or first in PRONOUNS:
        return True
    if lower in FUNCTION_WORDS:
        return False
    return not (lex.has(first) or lex.has(lower)) or lex.is_noun(first)
