"""Tokens and word order: German clause structure rearranged into English order.

Works on German tokens before translation, so the dictionary sees each word (and each
re-joined separable verb or idiom) in English order:

- auxiliary + clause-final participle/infinitive -> one verb cluster ("hat ... erhalten"
  -> "hat erhalten ..." -> "has received ...");
- V2 inversion after a fronted adverbial -> subject first ("Gestern hat er" -> "Gestern er
  hat"), also after a long fronted phrase ("Am Ende eines Turniers in Südafrika suchte er");
- verb-final subordinate and relative clauses -> verb cluster after the subject, also in
  each conjunct of a coordinated one ("dass der Tod eingestuft wurde und die Ermittlungen
  laufen"), and in the rest of one after an inserted relative clause ("dass Frank, der
  dort wohnt, einen Job gefunden hatte" -> "hatte gefunden einen Job");
- a noun phrase opened by a non-nominative word ("dem", "ihn") is never taken for the
  subject;
- an adverb such as "nie", "immer", "nur" goes between auxiliary and main verb ("hat nie
  gesagt" -> "has never said");
- a clause-final separable particle or idiom tail joins its finite verb ("rief ... an" ->
  "rief an"; "stellte ... in Aussicht" -> "in Aussicht stellen"), marked with the finite
  verb so that the English keeps its tense and person;
- "nicht" moves to the verb ("hat ... nicht erhalten" -> "hat nicht erhalten"; with a full
  verb it is marked for do-support: "kommt ... nicht" -> "does not come");
- an adjective before a participle is marked as an adverb ("schwer beschädigt");
- a time adverbial after the verb goes after the object ("am 5. Februar");
- "um ... zu helfen" and ", ... zu fliegen" -> "zu helfen ..." ("to help ..."), also with
  a separable verb's "zu" inside (", die Nummer anzurufen" -> "zu anrufen die Nummer");
  a to-infinitive after an auxiliary stays at the end ("hat Aufgaben zu erfüllen"), and
  in a verb-final cluster "zu" keeps its infinitive after the governing verbs ("zu lösen
  versucht hat" -> "hat versucht zu lösen", "gehoben zu werden" -> "zu werden gehoben");
  two coordinated to-infinitives are put in order each ("zu geben und ... zu verkünden"),
  and "um sicherzustellen" alone is "zu sicherstellen" ("to ensure"); after a verb such
  as "versuchen" the to-infinitive comes first ("versuchte seine Bemerkung zu erklären"
  -> "versuchte zu erklären seine Bemerkung");
- in a verb-final clause "nicht" goes to the verbs ("dass er es nicht gebaut hat" -> "dass
  er hat nicht gebaut es"; "weil er nicht kam" -> do-support, "did not come");
- a main clause after a fronted subordinate one ("Wenn ..., kann man ...") and a copula
  after a fronted phrase ("In Bayern sind die Bezirke ... zuständig") put the subject first;
  a predicative adjective goes before its prepositional complement ("zuständig für ...");
- a subject moved after a fronted phrase is set off by a comma, as English does after an
  introductory adverbial ("In Bavaria, the districts are");
- a verb-first clause before a verb-first main clause is a condition ("Fehlt X, kann ..."
  -> "Wenn X fehlt, ..."); ", so die Polizei." at the end names a source ("according to");
- the commas of a list of nouns do not end a clause; a main clause after "und"/"oder"
  with its verb second is put in order on its own, and a separable particle before "und"
  joins its verb ("führte ... durch und fand");
- an auxiliary or a particle verb after a subject of six words or more still finds its
  clause-final verb or particle; a verb-final clause finds its subject after "sich", after
  a prepositional phrase, or opened by an adjective.

Markers (``TENSE``, ``NEGATED``, ``ADVERB``) are control characters inside tokens, never
letters, so no German word can collide with them.

Heuristic, no parser: a clause is a span between punctuation (except the commas of a list
of nouns); noun phrases are a determiner up to the last capitalised word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol

import regex

from .rules import (
    AUXILIARIES,
    CLAUSE_PUNCT,
    COORDINATORS,
    DAYS,
    DETERMINERS,
    FUNCTION_WORDS,
    MONTHS,
    PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    QUOTES,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
    WOULD,
)

# Tokens are built from whole grapheme clusters (``\X``: a letter with its accents, an emoji
# with its skin tone and joiners, a flag's two letters), so no token ends inside one.  Only
# Latin words, ASCII numbers and the punctuation of German text are the grammar's business;
# everything else (words of other scripts, emoji, CJK punctuation) is a *foreign* run that
# passes through as it stands.  Control characters (among them the markers below) separate
# tokens and are dropped, so no input can pose as a marker.
_SPACE = r"[\s\p{Cc}]"
_EXTEND = r"\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}"
# ASCII and Latin-1 punctuation and symbols, General Punctuation (dashes, quotes, "…", "‹")
# and currency signs; the soft hyphen is removed before tokenizing.
_PUNCT = r"[!-/:-@\[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]"
# A Latin letter or digit with its accents is a whole cluster: no other rule of Unicode's
# segmentation joins them, so character classes (ten times faster than \X) suffice.
_LATIN = rf"\p{{Latin}}[\p{{Latin}}{_EXTEND}]*"
_NUMBER = rf"[0-9][0-9{_EXTEND}]*"
_FOREIGN = rf"(?:(?!{_SPACE}|\p{{Latin}}|[0-9]|{_PUNCT}|[{_EXTEND}])\X)"
_TOKEN = regex.compile(
    rf"(?P<number>{_NUMBER}(?:[.,:-](?=[0-9]){_NUMBER})*)"
    rf"|(?P<word>{_LATIN}(?:[-'’](?=[\p{{Latin}}0-9])[\p{{Latin}}0-9{_EXTEND}]+)*(?:-(?=\s))?)"
    rf"|(?P<foreign>{_FOREIGN}(?:{_FOREIGN}|{_NUMBER}|[-'’](?={_FOREIGN}|[0-9]))*"
    # a mark after a space, or at the start: a cluster of its own, kept with its space
    rf"|(?=\p{{Zs}}[{_EXTEND}])\X|(?!{_SPACE}|{_PUNCT})\X)"
    rf"|(?={_PUNCT})\X"
)
# Most news text is written in ASCII, Latin-1 and General Punctuation (dashes, quotes, "…")
# alone.  There every character is a Latin letter, an ASCII digit, a space or punctuation:
# none extends a cluster, none is foreign, none changes under NFC.  So the standard
# library's ``re`` with plain classes splits such a text exactly as ``_TOKEN`` does, in half
# the time (the tests compare the two).
_PLAIN_TEXT = re.compile(r"[ -~\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u20ac]*")
_PLAIN_LATIN = "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_PLAIN_TOKEN = re.compile(
    r"(?P<number>[0-9]+(?:[.,:-](?=[0-9])[0-9]+)*)"
    rf"|(?P<word>[{_PLAIN_LATIN}]+(?:[-'’](?=[{_PLAIN_LATIN}0-9])[{_PLAIN_LATIN}0-9]+)*(?:-(?=\s))?)"
    r"|\S"
)
_WH_WORDS = frozenset("wie was wer wo warum".split())
_FINITE_BE_HAVE = frozenset("ist sind war hat".split())


class Lexicon(Protocol):
    """What word order needs to know about German words."""

    def is_verb(self, word: str) -> bool: ...

    def is_noun(self, word: str) -> bool: ...

    def has(self, key: str) -> bool: ...

    def lemma(self, word: str) -> str: ...

    def is_past(self, word: str) -> bool: ...

    def is_adjective(self, word: str) -> bool: ...


# A verb joined under its infinitive keeps its tense and person: "kamen ums Leben" becomes
# the token "ums Leben kommen<TENSE>kamen", and the translation says "were killed".
TENSE = "\t"


# An adjective that modifies a participle is an English adverb: "schwer beschädigt" ->
# "<ADVERB>schwer beschädigt" -> "heavily damaged".
ADVERB = "\x02"


# "deutlich gemacht" is "made clear": with these the adjective is a result, not a manner.
# Copulas are not modified either: "muss erfolgreich sein" keeps its adjective.
_RESULTATIVE = frozenset(
    "gemacht gelassen geworden geblieben gewesen sein werden bleiben machen lassen".split()
)


def _keep_tense(key: str, verb: str, lex: Lexicon) -> str:
    return key + TENSE + verb if verb[:1].islower() else key


# A foreign run written against the token before it ("Danke👍", "習近平、李克強") starts with
# this marker, one written against the token after it ("🇩🇪Berlin") ends with it, so that
# detokenize() joins them without a space, as in the source.
GLUE = "\x04"
_SOFT_HYPHEN = "\u00ad"
_SURROGATE = regex.compile(r"\p{Cs}")


# Titles written with a full stop: "Mr." stays one token, so that word order does not take
# its full stop for a sentence's end ("Dann kam Mr. Trump").
_DOTTED_TITLES = frozenset("Mr Mrs Ms Dr Prof St".split())


def tokenize(sentence: str) -> list[str]:
    """Words (with inner hyphens/apostrophes), numbers (``1.000``, ``19,7``, and joined by
    hyphens, dates and ranges: ``2026-01-30``, ``2014-2016``), symbols, and
    foreign runs (see ``_TOKEN``), after NFC normalisation.

    NFC, so that a decomposed "ü" (u and U+0308) is the dictionary's "ü"; soft hyphens
    (invisible break hints in scraped text) would cut a word in two, so they go.  A lone
    surrogate (undecodable input) cannot be looked up anywhere: it becomes U+FFFD.
    """
    text = sentence.replace(_SOFT_HYPHEN, "")
    pattern = _PLAIN_TOKEN
    if not _PLAIN_TEXT.fullmatch(text):
        text = unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text))
        pattern = _TOKEN
    tokens: list[str] = []
    end = -1
    foreign_before = False
    for match in pattern.finditer(text):
        token: str = match.group()
        foreign = match.lastgroup == "foreign"
        if token == "." and match.start() == end and tokens and tokens[-1] in _DOTTED_TITLES:
            tokens[-1] += token  # "Mr. Trump": no sentence's end for word order
            end = match.end()
            continue
        if match.start() == end:
            if foreign:
                token = GLUE + token
            elif foreign_before:
                tokens[-1] += GLUE
        contracted = _CONTRACTIONS.get(token.lower())
        if contracted is not None:  # "Darum gehts" -> "Darum geht es"
            tokens += [token[: len(contracted)], "es"]
        else:
            tokens.append(token)
        end = match.end()
        foreign_before = foreign
    return tokens


# Verbs written with "es" in one word, in headlines and quotes: "Darum geht's", "gibts".
_CONTRACTIONS = {
    f"{verb}{mark}": verb
    for verb in ("geht", "ging", "gibt", "gab", "kommt", "kam", "war", "ist", "hat")
    for mark in ("s", "'s", "’s")
    if not (mark == "s" and verb in ("war", "ist", "hat", "kam"))  # "wars", "kams": others
}


def detokenize(tokens: Sequence[str]) -> str:
    """Join English tokens with spaces, attaching punctuation and pairing quotes."""
    out: list[str] = []
    quote_open = False
    attach_next = False
    glue_next = False
    for token in tokens:
        if not token:
            continue
        glued = glue_next or token.startswith(GLUE)
        glue_next = token.endswith(GLUE)
        token = token.strip(GLUE)
        if glued and token not in QUOTES:
            out.append(token)
            attach_next = False
            continue
        if token in QUOTES:
            out.append('"' if quote_open or glued else ' "')
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
    if first.isdigit() or first.lower() in _NUMBER_WORDS:
        # "41 %", "drei Männer", "1.000 Drohnen": a number opens a noun phrase too.
        j += 1
        if j < end and tokens[j] == "%":
            return j + 1
        if j >= end or not tokens[j][:1].isupper():
            return start
    elif first.lower() in DETERMINERS or first in _QUANTIFIERS:
        j += 1
        while j < end and not tokens[j][:1].isupper():
            j += 1
    elif not first[:1].isupper():
        return start
    while j < end and tokens[j][:1].isupper():
        j += 1
    return j


# Quantifiers that open a noun phrase like an article: "kamen tausende Menschen".
_QUANTIFIERS = frozenset("tausende hunderte zahlreiche wenige beide etliche manche".split())


def _starts_noun_phrase(word: str) -> bool:
    return word in PRONOUNS or word in DETERMINERS or word[:1].isupper()


# Determiners and pronouns that are never nominative: a noun phrase they open is an object,
# never the subject ("der seinem Bruder schaden würde": "seinem Bruder" is the dative).
_NON_NOMINATIVE = frozenset(
    "den dem einen einem diesen diesem jeden jedem keinen keinem seinen seinem ihren ihrem "
    "unseren unserem ihm ihn ihnen mir mich dir dich euch".split()
)


def non_nominative(word: str) -> bool:
    """Whether ``word`` opens a noun phrase that cannot be a clause's subject."""
    return word.lower() in _NON_NOMINATIVE


def clauses(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of clauses; punctuation, and ``und``/``oder`` before an auxiliary, are their own."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(tokens)
    inline = _inline_quotes(tokens)
    for j, token in enumerate(tokens):
        coordinated_vp = (
            token in ("und", "oder", "aber") and j + 1 < n and tokens[j + 1] in AUXILIARIES
        )
        # The dot of an ordinal ("am 5. Februar") does not end a clause.
        ordinal_dot = token == "." and j > 0 and tokens[j - 1].isdigit() and j + 1 < n
        listed = token == "," and (enumeration_comma(tokens, j) or adjective_comma(tokens, j))
        if coordinated_vp or (
            token in CLAUSE_PUNCT
            and not ordinal_dot
            and not listed
            and not number_hyphen(tokens, j)
            and j not in inline
        ):
            if j > start:
                spans.append((start, j))
            spans.append((j, j + 1))
            start = j + 1
    if start < n:
        spans.append((start, n))
    return spans


def _inline_quotes(tokens: Sequence[str]) -> frozenset[int]:
    """Indices of the quotation marks around a short quoted name or phrase inside a clause
    ("finde eine "Hexenjagd" gegen ... statt", "schlägt ein "Konzept" vor"): a word before
    the opening mark and after the closing one, at most four words between and no
    punctuation; such marks end no clause, so the particle still finds its verb."""
    found: set[int] = set()
    n = len(tokens)
    j = 1
    while j < n - 2:
        if tokens[j] in QUOTES and _WORD_CHAR.match(tokens[j - 1]) and tokens[j - 1].islower():
            k = j + 1
            while k < n and k - j <= _INLINE_QUOTE_WORDS + 1 and tokens[k] not in CLAUSE_PUNCT:
                k += 1
            if (
                j + 1 < k < n - 1
                and k - j <= _INLINE_QUOTE_WORDS + 1
                and tokens[k] in QUOTES
                and tokens[j + 1][:1].isupper()
                and _WORD_CHAR.match(tokens[k + 1])
            ):
                found.update((j, k))
                j = k
        j += 1
    return frozenset(found)


_INLINE_QUOTE_WORDS = 4
_WORD_CHAR = regex.compile(r"^\p{L}")


def number_hyphen(tokens: Sequence[str], k: int) -> bool:
    """Whether the token at ``k`` is the hyphen of a number compound ("den 58-Jährigen",
    "die 800-Meter-Läuferin"), which the tokenizer splits off but which ends no clause."""
    return (
        tokens[k] == "-"
        and 0 < k < len(tokens) - 1
        and tokens[k - 1][-1:].isdigit()
        and tokens[k + 1][:1].isalpha()
    )


def enumeration_comma(tokens: Sequence[str], comma: int) -> bool:
    """Whether the comma at ``comma`` separates the nouns of an enumeration inside a clause
    ("Erfahrung mit Gewalt , Zwangsehen oder Sklaverei gemacht"): a noun before it, after
    it noun phrases separated by commas up to "und"/"oder", one more noun phrase, and the
    clause going on after it."""
    if comma < 2 or not tokens[comma - 1][:1].isupper():
        return False
    n = len(tokens)
    j = comma
    while j < n and tokens[j] == ",":
        end = _listed_item_end(tokens, j + 1)
        if end == j + 1:
            return False
        j = end
    if j >= n or tokens[j] not in ("und", "oder"):
        return False
    end = _listed_item_end(tokens, j + 1)
    return j + 1 < end < n and tokens[end] not in CLAUSE_PUNCT


def adjective_comma(tokens: Sequence[str], comma: int) -> bool:
    """Whether the comma at ``comma`` separates two declined adjectives of one noun, after
    an article or preposition ("einen heftigen , harten Angriff", "in den zähen , braunen
    Glibber"): the clause goes on past it, so that a particle at its end still finds its
    verb ("führten ... einen heftigen, harten Angriff aus")."""
    if not 2 <= comma < len(tokens) - 2:
        return False
    before, first, second, noun = (
        tokens[comma - 2],
        tokens[comma - 1],
        tokens[comma + 1],
        tokens[comma + 2],
    )
    ending = _DECLENSION.search(first)
    return (
        ending is not None
        and first.islower()
        and second.islower()
        and second.endswith(ending.group())
        and noun[:1].isupper()
        and noun.isalpha()
        and (before.lower() in DETERMINERS or before.lower() in PREPOSITIONS)
    )


_DECLENSION = regex.compile(r"(?:e|en|em|er|es)$")


def _listed_item_end(tokens: Sequence[str], start: int) -> int:
    """Index after one noun phrase of an enumeration; ``start`` if there is none."""
    end = noun_phrase_end(tokens, start)
    if end == start:
        end = _adjective_noun_end(tokens, start)
    return end


def reorder(tokens: Sequence[str], lex: Lexicon) -> list[str]:
    """German tokens in English clause order (see the module docstring)."""
    tokens = participial_attributes(stray_particle(tokens, lex), lex)
    out: list[str] = []
    for start, end in clauses(tokens):
        clause = list(tokens[start:end])
        # Two words are reordered only after a quotation: "sagte er" -> "er sagte".
        short = len(clause) == 2 and clause[1] in PRONOUNS and lex.is_verb(clause[0])
        k = coordinated_split(clause, lex)
        if k is not None:
            first, second = clause[:k], clause[k:]
            out.extend(reorder_clause(first, lex))
            out.extend(
                subordinate_conjunct(second, lex)
                if _verb_final(second, lex)
                else reorder_clause(second, lex)
            )
            continue
        if start == 0:
            conditional = verb_first_conditional(tokens, end, lex)
            if conditional is not None:
                out.extend(reorder_clause(conditional, lex))
                continue
        if start and tokens[start - 1] == ",":
            source = reported_source(clause, tokens[end:], lex)
            if source is not None:
                out.extend(source)
                continue
        if start and tokens[start - 1] in CLAUSE_PUNCT:
            inverted = inverted_auxiliary(clause, lex, after_subordinate(tokens, start))
            if inverted is not None:
                out.extend(inverted)
                continue
        if start and (tokens[start - 1] == "," or _closing_quote(tokens, start - 1)):
            remainder = verb_final_remainder(clause, lex)
            if remainder is not None:
                out.extend(remainder)
                continue
        if asks(tokens, start, end):
            # a verb-first clause before a comma may be a condition: "Kommt er, kann ...?"
            asked = direct_question(clause, lex, tokens[end] == "?")
            if asked is not None:
                out.extend(asked)
                continue
        if len(clause) == 2 and clause[0].lower() == "um":
            clause = _split_infix_zu(clause, lex)  # "um sicherzustellen" -> "zu sicherstellen"
        if len(clause) < 3 and not short:
            out.extend(clause)
            continue
        k = main_coordination(clause, lex)
        if k is None:
            out.extend(reorder_clause(clause, lex))
            continue
        out.extend(reorder_clause(clause[:k], lex))
        while k is not None:
            # "und die Verwendung wird ...": its "die" opens no relative clause
            rest = clause[k + 1 :]
            k = main_coordination(rest, lex)
            out.append(clause[len(clause) - len(rest) - 1])
            out.extend(reorder_clause(rest[:k] if k is not None else rest, lex, main=True))
            clause = rest
    return out


# Endings of a declined participle before its noun: "veröffentlichten", "gehaltene",
# "stehenden".
_DECLINED_PARTICIPLE = regex.compile(r"^[a-zäöüß]{3,}(?:t|en|end)(?:e|en|em|er|es)$")


def participial_attributes(tokens: Sequence[str], lex: Lexicon) -> Sequence[str]:
    """An extended participial attribute after its noun, as English has it: "die von der
    Regierung geplante Reform" -> "die Reform geplante von der Regierung" ("the reform
    planned by the government"), "einer am Freitag veröffentlichten Mitteilung"; only a
    preposition with one noun phrase between the article and the participle, which is
    marked (``ATTRIBUTE``) so that no clause rule takes it for a verb."""
    out = list(tokens)
    n = len(out)
    k = 0
    while k < n - 4:
        if out[k].lower() not in DETERMINERS or out[k + 1] not in PREPOSITIONS:
            k += 1
            continue
        end = noun_phrase_end(out, k + 2)
        if not k + 2 < end < n - 1 or end - k > 6:
            k += 1
            continue
        participle = out[end]
        noun_end = end + 1
        while noun_end < n and out[noun_end][:1].isupper():
            noun_end += 1
        if (
            noun_end == end + 1
            or not _DECLINED_PARTICIPLE.match(participle)
            or not lex.is_verb(participle[: -2 if participle.endswith(_TWO_LETTER) else -1])
        ):
            k += 1
            continue
        stem = participle[: -2 if participle.endswith(_TWO_LETTER) else -1]
        moved = [*out[end + 1 : noun_end], ATTRIBUTE + stem, *out[k + 1 : end]]
        out[k + 1 : noun_end] = moved
        k = noun_end
    return out


_TWO_LETTER = ("en", "em", "er", "es")


def stray_particle(tokens: Sequence[str], lex: Lexicon) -> Sequence[str]:
    """A separable particle standing alone after an inserted clause or apposition ("trat
    nach der Wahl, die ... war, zurück.", "teilte ... mit, dass") goes back to the end of
    the clause of its verb, where the particle rules find it ("trat nach der Wahl zurück,
    die ... war."); ``tokens`` unchanged if there is no such particle."""
    n = len(tokens)
    for p in range(2, n):
        if (
            tokens[p] not in PARTICLES
            or tokens[p - 1] != ","
            or (p + 1 < n and tokens[p + 1] not in CLAUSE_PUNCT)
        ):
            continue
        end = p - 1  # the comma before the particle
        while end > 0:
            start = end - 1
            while start > 0 and tokens[start - 1] not in CLAUSE_PUNCT:
                start -= 1
            words = tokens[start:end]
            opener = words[0] if words else ""
            verb_final = opener.lower() in SUBORDINATORS or (
                opener in RELATIVE_PRONOUNS and opener[:1].islower()
            )
            if not verb_final and any(
                w[:1].islower() and w not in AUXILIARIES and _separable(w, tokens[p], lex)
                for w in words
            ):
                return [*tokens[:end], tokens[p], *tokens[end : p - 1], *tokens[p + 1 :]]
            if start == 0 or tokens[start - 1] != ",":
                break
            end = start - 1
    return tokens


def asks(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether the clause ``tokens[start:end]`` opens a sentence (or what follows a colon
    or quotation mark) that ends in a question mark: "Wie reagiert man auf X, dass ...?"."""
    if start and tokens[start - 1] not in (":", *QUOTES):
        return False
    return next((t for t in tokens[end:] if t in (".", "!", "?")), None) == "?"


# "welche Partei", "welchen Plan": a question word with its noun before the finite verb.
_WHICH = frozenset("welche welcher welches welchen welchem".split())
# Particles between a question word and its verb: "Wie aber gleicht man ...".
_QUESTION_PARTICLES = frozenset("aber denn also eigentlich nun dann".split())
# Conjunctions before a question word: "Und was sagt er dazu?", "Aber wie geht das?".
_QUESTION_LEADS = frozenset("und aber oder doch".split())
# Question words that open a direct question with the finite verb right after them.
_QUESTION_WORDS = frozenset("wie was wer wo wann warum weshalb wieso wohin woher".split())


def direct_question(clause: Sequence[str], lex: Lexicon, whole: bool) -> list[str] | None:
    """A direct question (its clause ends in "?"), opened by a question word or by its
    finite verb, in English order: an auxiliary keeps its place and its clause-final verbs
    follow the subject ("Warum hat er das Haus gebaut?" -> "Warum hat er gebaut das
    Haus"); a full verb takes do-support ("Wie funktioniert es?" -> "Wie <DO>funktioniert
    es funktionieren", "How does it work"); None if the clause does not read so (a
    verb-final "wann er kommt?", a question word that is the subject, "Wer baut ..."); a
    clause opened by its verb only if it is the ``whole`` question."""
    n = len(clause)
    first = clause[0]
    lower = first.lower()
    if n < 3 or not first[:1].isupper():
        return None
    if lower in _QUESTION_LEADS and n > 3 and clause[1] in _QUESTION_WORDS:
        # "Und was sagt er dazu?": the question after its conjunction
        asked = direct_question([clause[1].capitalize(), *clause[2:]], lex, whole)
        return None if asked is None else [first, clause[1], *asked[1:]]
    if lower in _QUESTION_WORDS or lower in _WHICH:
        finite = 1
        if lower in _WHICH:  # "Welche Partei hat ...": the question word with its noun
            while finite < n - 1 and clause[finite][:1].isupper():
                finite += 1
            if finite == 1:
                return None
        elif clause[1] in _QUESTION_PARTICLES:
            finite = 2  # "Wie aber gleicht man ...", "Was also bedeutet das"
        if not clause[finite][:1].islower() or not lex.is_verb(clause[finite]):
            return None
    elif (
        whole
        and lex.is_verb(lower)
        # ("Hast du ...?": "Hast" is also a noun, "haste")
        and (not lex.is_noun(first) or lower in AUXILIARIES)
        and (clause[1] in PRONOUNS or clause[1].lower() in DETERMINERS)
        and not non_nominative(clause[1])
    ):
        finite = 0  # "Kommt er morgen?"
    else:
        return None
    verb = clause[finite]
    after = list(clause[finite + 1 :])
    subject_after = bool(after) and (after[0] in PRONOUNS or _nominative(after[0]))
    wh_subject = finite > 0 and (
        lower == "wer"
        or (lower == "was" and not subject_after)
        # "Welche Partei hat die Wahl gewonnen": only a subject pronoun makes it the object
        or (lower in _WHICH and not (after and after[0] in _NOMINATIVE_PRONOUNS))
    )
    subject_end = 0 if wh_subject else _subject_end(after, 0)
    if not wh_subject and not 0 < subject_end <= 4:
        return None
    subject, rest = after[:subject_end], after[subject_end:]
    if verb.lower() in AUXILIARIES:
        j = len(rest)
        while j > 0 and rest[j - 1][:1].islower() and lex.is_verb(rest[j - 1]):
            j -= 1
        if (j > 0 and rest[j - 1] == "zu") or "zu" in rest[j:]:
            return None  # "Was hat das mit X zu tun?": a to-infinitive, no verb cluster
        verbs = rest[j:][::-1]
        middle = rest[:j]
        if verbs and middle.count("nicht") == 1:
            middle.remove("nicht")
            verbs = ["nicht", *verbs]
        return [*clause[: finite + 1], *subject, *verbs, *middle]
    if wh_subject or "nicht" in rest or (verb.lower() in _GIBT and subject == ["es"]):
        return None  # "Gibt es ...?" is "there is" (context rules), no "does"
    finite_verb = verb.lower()
    if rest and rest[-1] in PARTICLES and _separable(finite_verb, rest[-1], lex):
        base = rest[-1] + lex.lemma(finite_verb)  # "Ruft er an?" -> "anrufen"
        rest = rest[:-1]
    else:
        base = lex.lemma(finite_verb)
    if not lex.has(base):
        return None
    if subject == ["man"] and not lex.is_past(finite_verb):
        verb = lex.lemma(finite_verb)  # "man" is "you": "do you", not "does you"
    return [*clause[:finite], DO + verb, *subject, base, *rest]


def _nominative(word: str) -> bool:
    return word.lower() in DETERMINERS and not non_nominative(word)


# Finite forms of the auxiliaries and modals that no infinitive shares: a clause that ends
# in one after another verb is verb-final, whatever its first word.
_FINAL_FINITE = frozenset(
    "hat hatte hatten hätte hätten habe ist war waren wäre wären sei seien sind wird wurde "
    "wurden würde würden kann konnte konnten könnte könnten muss musste mussten soll sollte "
    "sollten will wollte wollten darf durfte dürfte möchte möchten".split()
)


def verb_final_remainder(clause: Sequence[str], lex: Lexicon) -> list[str] | None:
    """The rest of a verb-final clause after an inserted relative clause or apposition
    ("dass Frank, der dort wohnt, | einen Job gefunden hatte"): its verbs in English order
    go first, after a pronoun subject ("hatte gefunden einen Job"); None if the clause
    does not end in a non-finite verb and a finite auxiliary, or opens its own
    subordinate clause (which ``_subordinate`` orders)."""
    n = len(clause)
    first = clause[0]
    if (
        n < 2
        or clause[-1] not in _FINAL_FINITE
        or not _finite_candidate(clause[-2], lex)
        or first in AUXILIARIES
        or _opens_clause(clause)
        or any(word in _CONJUNCTIONS for word in clause[1:])
    ):
        return None
    j = n - 1
    while j > 0 and (
        _finite_candidate(clause[j - 1], lex) or (clause[j - 1] == "zu" and j < n - 1)
    ):
        j -= 1
    if clause[j] == "zu" or (j > 0 and clause[j - 1] == "zu"):
        return None  # a to-infinitive ("weniger zu tun hat") is ordered elsewhere
    cluster = _cluster_order(clause[j:])
    lead = 1 if j > 1 and first in PRONOUNS else 0
    cluster, rest = _negated_cluster(cluster, list(clause[lead:j]))
    return [*clause[:lead], *cluster, *rest]


# Subordinators that are never prepositions or particles ("als", "wie", "seit" are).
_CONJUNCTIONS = frozenset(
    "dass daß weil wenn ob obwohl nachdem damit bevor sobald falls seitdem obgleich sodass "
    "ehe".split()
)


def _closing_quote(tokens: Sequence[str], k: int) -> bool:
    """Whether the token at ``k`` is a quotation mark that closes a quotation (an even
    count of them up to it), after which the clause it interrupted goes on."""
    return tokens[k] in QUOTES and sum(1 for t in tokens[: k + 1] if t in QUOTES) % 2 == 0


def _opens_clause(clause: Sequence[str]) -> bool:
    """Whether a clause after a comma opens a clause of its own: a subordinator, a
    coordinator, a relative pronoun or adverb ("wodurch", "weshalb"), or a preposition
    before one ("an denen", "mit dem")."""
    first = clause[0].lower()
    if (
        first in SUBORDINATORS
        or first in COORDINATORS
        or first in ("da", "so")
        or first in RELATIVE_PRONOUNS
        or _RELATIVE_ADVERB.match(first)
    ):
        return True
    return (
        first in PREPOSITIONS
        and len(clause) > 1
        and (
            clause[1] in RELATIVE_PRONOUNS
            or clause[1] in ("was", "wem", "wen")
            or bool(_RELATIVE_ADVERB.match(clause[1]))
        )
    )


# "wodurch", "womit", "worauf", "weshalb", "inwieweit", "welche": relative and
# interrogative words outside the subordinator list.
_RELATIVE_ADVERB = regex.compile(
    r"^(?:wor?(?:an|auf|aus|bei|durch|für|gegen|hin|her|in|mit|nach|über|um|unter|von|vor|zu)"
    r"|weshalb|weswegen|wieso|inwieweit|inwiefern|welche[rsmn]?)$"
)


def main_coordination(clause: Sequence[str], lex: Lexicon) -> int | None:
    """Where a main clause ends at "und"/"oder"/"aber" before a second main clause with its
    finite verb second: "... ist ein Phänomen | und mit dem Film konnten wir ...", so that
    each is put in order on its own; None if there is none ("Männer und Frauen kamen")."""
    first = clause[0].lower()
    if (
        first in SUBORDINATORS
        or first in COORDINATORS
        or (clause[0] in RELATIVE_PRONOUNS and clause[0][:1].islower())
    ):
        return None
    verb_seen = False
    for k in range(1, len(clause) - 3):
        word = clause[k]
        if word[:1].islower() and lex.is_verb(word):
            verb_seen = True
        if not verb_seen or word not in ("und", "oder", "aber"):
            continue
        right = clause[k + 1 :]
        end = _constituent_end(right, lex)
        if (
            0 < end < len(right) - 1
            and right[end][:1].islower()
            and lex.is_verb(right[end])
            # a finite verb has more than verbs after it: "... oder einen Trainer wünschen
            # können" ends in its verb cluster
            and not all(lex.is_verb(t) for t in right[end + 1 :])
            and "zu" not in right[end - 1 : end + 1]  # "... und aktiver werden zu lassen"
            and right[-2] != "zu"
        ):
            return k
    return None


def _constituent_end(tokens: Sequence[str], lex: Lexicon) -> int:
    """Index after the one constituent a verb-second clause opens with: a pronoun, a noun
    phrase, a prepositional phrase, an adverb; 0 if none is seen."""
    first = tokens[0]
    if first in PRONOUNS:
        return 1
    if first.lower() in PREPOSITIONS:
        return fronted_phrase_end(tokens)
    end = noun_phrase_end(tokens, 0)
    if end:
        return end
    if first[:1].islower() and first not in FUNCTION_WORDS and not lex.is_verb(first):
        return 1 if lex.has(first) and not lex.is_noun(first) else 0
    return 0


def reported_source(clause: Sequence[str], after: Sequence[str], lex: Lexicon) -> list[str] | None:
    """ ", so die Polizei." at the end of reported speech names its source: "laut die
    Polizei" ("according to the police"); None if the clause is no such source."""
    if (
        len(clause) < 2
        or clause[0] != "so"
        or not (clause[1].lower() in DETERMINERS or clause[1][:1].isupper())
        or any(word[:1].islower() and lex.is_verb(word) for word in clause[1:])
        or (after and after[0] not in (".", "!", '"', "“", "”", "«", "»"))
    ):
        return None
    return [SOURCE_WORD, *clause[1:]]


# "laut" is "according to": the source as the reference translations mostly give it (the
# source as subject of "said", "die Polizei sagte", measured -0.014 chrF on newstest2017).
SOURCE_WORD = "laut"


def verb_first_conditional(tokens: Sequence[str], end: int, lex: Lexicon) -> list[str] | None:
    """A sentence opened by a clause with its finite verb first, followed by a comma and a
    main clause opened by its verb, is a condition: "Fehlt die Privatsphäre, kann es zu
    Gewalt kommen" -> "Wenn die Privatsphäre fehlt" ("If ... is absent"); the first clause
    (``tokens[:end]``) as a "wenn" clause, or None if the sentence does not read so."""
    if end < 3 or end + 1 >= len(tokens) or tokens[end] != "," or "?" in tokens:
        return None  # "Ist er ein Sammler, frage ich?" asks
    verb = tokens[0].lower()
    if verb in SUBORDINATORS or verb in PREPOSITIONS:
        return None  # "Während" is no form of "währen" there
    after = tokens[end + 1]
    if not (
        tokens[0][:1].isupper()
        and (
            verb in AUXILIARIES
            or (
                lex.is_verb(verb)
                and not lex.is_noun(tokens[0])
                # a declined participle ("Niedergelassene Ärzte gibt es kaum") is no verb
                and (verb.endswith(("t", "en")) or lex.is_past(verb))
            )
        )
        and (after in AUXILIARIES or (after[:1].islower() and lex.is_verb(after)))
        and _starts_noun_phrase(tokens[1])
        and not (tokens[1][:1].islower() and lex.is_verb(tokens[1]))
    ):
        return None
    return ["Wenn", *tokens[1:end], verb]


def inverted_auxiliary(
    clause: list[str], lex: Lexicon, subordinate_first: bool = False
) -> list[str] | None:
    """A clause after a comma opened by its auxiliary and then its subject, as a main clause
    after a fronted subordinate one ("Wenn es regnet, kann man nicht spielen"): subject
    first, the verbs together ("man kann nicht spielen"); None if it does not read so.
    (After "und" an auxiliary opens a verb phrase without subject: "und hat die Polizei
    informiert".)"""
    if len(clause) < 2 or clause[0] not in AUXILIARIES:
        return None
    second = clause[1]
    if _demonstrative(clause, 1):
        subject_end = 2
    elif (second in PRONOUNS or _is_name(second, lex)) and not non_nominative(second):
        subject_end = noun_phrase_end(clause, 1)
    elif subordinate_first and _nominative_article(second):
        # "..., war mein erster Gedanke", "..., hat die Polizei ... festgenommen"
        subject_end = _article_phrase_end(clause, 1)
    else:
        return None
    if not 1 < subject_end <= 5:
        return None
    inverted = [
        _article_opening(clause[1]),
        *clause[2:subject_end],
        clause[0],
        *clause[subject_end:],
    ]
    return _auxiliary_clause(inverted, subject_end - 1, lex)


# Subordinators whose fronted clause is followed by the main clause's finite verb: "Als er
# kam, war mein erster Gedanke ..." ("was", "wer", "wie" open subjects or comments instead).
_FRONTED_SUBORDINATORS = frozenset(
    "wenn als nachdem weil obwohl bevor sobald falls seit seitdem während bis da ehe".split()
)


def after_subordinate(tokens: Sequence[str], start: int) -> bool:
    """Whether the clause at ``start`` follows the first comma of a sentence opened by a
    subordinate clause ("Als er kam, | war mein erster Gedanke"), so that it is the main
    clause with its finite verb first."""
    return (
        start > 2
        and tokens[start - 1] == ","
        and tokens[0].lower() in _FRONTED_SUBORDINATORS
        and tokens[0][:1].isupper()
        and "," not in tokens[1 : start - 1]
    )


def _nominative_article(word: str) -> bool:
    """Whether ``word`` is an article or possessive that may open a subject ("die",
    "mein", "unsere"; not "dem", "ihren")."""
    lower = word.lower()
    return (
        (lower in DETERMINERS or bool(_POSSESSIVE.match(lower)))
        and not non_nominative(lower)
        and lower not in _OBLIQUE_POSSESSIVE
    )


# Possessive and article forms that are dative or genitive only ("seinem", "ihrer", "des").
_OBLIQUE_POSSESSIVE = frozenset(
    "des eines seinem seines ihrem ihres meinem meines deinem unserem unseres eurem".split()
)


def _article_phrase_end(tokens: Sequence[str], start: int) -> int:
    """Index after a noun phrase opened by an article or possessive at ``start`` (the
    noun-phrase rule knows possessives only from the determiner list); ``start`` if the
    words do not close with a noun."""
    j = start + 1
    while j < len(tokens) and tokens[j][:1].islower() and tokens[j].endswith(_DECLINED):
        j += 1
    if j >= len(tokens) or not tokens[j][:1].isupper():
        return start
    while j < len(tokens) and tokens[j][:1].isupper():
        j += 1
    return j


def _demonstrative(clause: Sequence[str], k: int) -> bool:
    """Whether "das"/"dies" at ``k`` stands alone as a pronoun ("wird das für Aufgaben
    sorgen"), not as the article of a noun."""
    return (
        clause[k] in ("das", "dies")
        and k + 1 < len(clause)
        and clause[k + 1][:1].islower()
        and clause[k + 1].lower() not in DETERMINERS
        and not clause[k + 1][:1].isdigit()
        and _adjective_noun_end(clause, k + 1) == k + 1  # "das militärische Hauptquartier"
    )


def _subject_end(tokens: Sequence[str], start: int) -> int:
    """Index after the subject noun phrase at ``start``: a lone demonstrative is one; a
    genitive after its noun belongs to it ("der Sprecher der Regierung")."""
    if _demonstrative(tokens, start) or (
        start < len(tokens) and tokens[start] in _INDEFINITE_SUBJECTS
    ):
        return start + 1
    end = noun_phrase_end(tokens, start)
    if not start < end < len(tokens) or not tokens[end - 1][:1].isupper():
        return end
    # "des" is always a genitive; "der" after a name is mostly a dative ("sagte Brady der
    # Zeitung"), after a noun with its article mostly a genitive
    article = tokens[start].lower() in DETERMINERS
    if tokens[end] in ("des", "eines") or (tokens[end] in ("der", "einer") and article):
        genitive_end = noun_phrase_end(tokens, end)
        nouns = [t for t in tokens[end + 1 : genitive_end] if t[:1].isupper()]
        if len(nouns) == 1 and tokens[genitive_end - 1] == nouns[0]:
            return genitive_end  # one noun: a name after it is an apposition
    return end


# Indefinite pronouns that stand alone as a subject: "Laut Polizei wurde niemand verletzt",
# "Seitdem ist alles anders", "Dabei wurde nichts gestohlen".
_INDEFINITE_SUBJECTS = frozenset("niemand jemand alles nichts".split())


def _moved_subject(before: Sequence[str], subject: Sequence[str]) -> list[str]:
    """A subject moved after a fronted phrase, with the comma English sets after an
    introductory adverbial ("In Bayern sind die Bezirke" -> "In Bayern , Die Bezirke
    sind": "In Bavaria, the districts are"); without it a "der" after the phrase's noun
    would read as a genitive ("of the case").  The article is written as at a clause
    start, so that the comma does not make it a relative pronoun."""
    if (
        before
        and subject
        and before[-1] not in CLAUSE_PUNCT
        and not (len(before) == 1 and non_nominative(before[0]))  # "Ihn sah sie"
    ):
        return [",", _article_opening(subject[0]), *subject[1:]]
    return list(subject)


def _article_opening(word: str) -> str:
    """An article moved to the start of a clause after a comma is written as it would be
    there: "der" there would read as a relative pronoun ("which")."""
    return word.capitalize() if word in DETERMINERS else word


def coordinated_split(clause: Sequence[str], lex: Lexicon) -> int | None:
    """Where a verb-final clause ends at "und"/"oder" before a second conjunct: "dass der Tod
    eingestuft wurde | und die Ermittlungen am Laufen sind"; None if it does not."""
    first = clause[0]
    if not (first.lower() in SUBORDINATORS or (first in RELATIVE_PRONOUNS and first[:1].islower())):
        return None
    for k in range(2, len(clause) - 2):
        previous = clause[k - 1]
        if (
            clause[k] in ("und", "oder")
            and previous[:1].islower()
            and lex.is_verb(previous)
            and not coordinated_participle(clause, k + 1, lex)
        ):
            return k
    return None


def subordinate_conjunct(conjunct: list[str], lex: Lexicon) -> list[str]:
    """The second conjunct of a verb-final clause in English order, its coordinator kept
    first: one with a subordinator of its own ("oder weil ihre Familien sie schicken" ->
    "oder weil ihre Familien schicken sie"), or verbs alone sharing the first conjunct's
    subject ("und angenommen werden sollte" -> "und sollte werden angenommen")."""
    if len(conjunct) > 2 and conjunct[0] in ("und", "oder"):
        rest = conjunct[1:]
        if rest[0] in SUBORDINATORS and len(rest) > 2:
            return [conjunct[0], *_subordinate(rest, lex)]
        if len(rest) > 1 and all(_finite_candidate(word, lex) for word in rest):
            return [conjunct[0], *_cluster_order(rest)]
    return _subordinate(conjunct, lex)


def _verb_final(conjunct: Sequence[str], lex: Lexicon) -> bool:
    """Whether a conjunct after "und" keeps its subordinate clause's verb-final order: its
    last word is a verb and no finite verb follows its subject ("und wir werden ...")."""
    n = len(conjunct)
    if not lex.is_verb(conjunct[-1]):
        return False
    cluster = n - 1
    while (
        cluster > 1 and conjunct[cluster - 1][:1].islower() and lex.is_verb(conjunct[cluster - 1])
    ):
        cluster -= 1
    subject_end = noun_phrase_end(conjunct, 1)
    return subject_end >= cluster or not lex.is_verb(conjunct[subject_end])


def _subordinate(clause: list[str], lex: Lexicon, governed: bool = False) -> list[str]:
    """A verb-final clause in English order; ``governed``: its relative pronoun follows a
    preposition ("auf die das Team wartet"), so it is no subject."""
    first = clause[0]
    lower = first.lower()
    n = len(clause)
    if lower in RELATIVE_PRONOUNS and not lex.is_verb(clause[-1]):
        return clause
    j = n
    while j > 1 and (lex.is_verb(clause[j - 1]) or (clause[j - 1] == "zu" and j < n)):
        j -= 1
    if (
        j == 1
        and n > 2
        and (lower in RELATIVE_PRONOUNS or lower in _WH_SUBJECTS)
        and "zu" not in clause
        and clause[1] not in AUXILIARIES  # "was wird geschehen" asks in English order
    ):
        # verbs alone after their relative pronoun: "die anerkannt worden sind" -> "die
        # sind worden anerkannt" ("that have been recognised")
        return [first, *_cluster_order(clause[1:])]
    if j in (n, 1) or clause[j:-1] == ["zu"]:
        # (a lone "zu" + infinitive at the end is no cluster: the finite verb stands
        # before it, "weil er versucht, ... zu lösen")
        return clause
    cluster = _cluster_order(clause[j:])
    if coordinated_participle(clause, j, lex):
        # "der fortgesetzt und beendet wird" -> "der wird fortgesetzt und beendet"
        cluster = [cluster[0], clause[j - 2], clause[j - 1], *cluster[1:]]
        j -= 2
    body = clause[1:j]
    subject_end = _subject_end(body, 0)
    if lower in RELATIVE_PRONOUNS and not (
        body and _starts_noun_phrase(body[0]) and not non_nominative(body[0])
    ):
        subject_end = 0
    elif (
        lower in _NOMINATIVE_ACCUSATIVE_RELATIVES
        and not governed
        and body
        and body[0] in _CASE_OPEN_ARTICLES
    ):
        # both can be nominative or accusative: the relative pronoun is the subject far
        # more often ("die das Boot steuerte" -> "who steered the boat")
        subject_end = 0
    elif (
        lower in ("der", "die", "das")
        and body
        and body[0] not in PRONOUNS
        and body[0].lower() not in DETERMINERS
    ):
        subject_end = 0  # "die Fotos machen": a bare noun is the object, "die" the subject
    if lower in _WH_SUBJECTS and subject_end == 0 and subordinate_subject(body, lex) is None:
        return _wh_subject(first, cluster, body, lex)
    if (
        subject_end == 0
        and (lower in SUBORDINATORS or lower == "da" or _RELATIVE_ADVERB.match(lower))
        and lower not in _VERB_FINAL_QUESTIONS
    ):
        # also after "wo", "was": "wo sich Moskau ... gab" -> "wo Moskau gab sich ..."
        found = subordinate_subject(body, lex)
        if found is not None:
            lead, subject_end = found
            return [first, *body[lead:subject_end], *cluster, *body[:lead], *body[subject_end:]]
    if lower in _WH_WORDS and subject_end == 0:
        return clause
    subject_end = _coordinated_subject_end(body, subject_end, clause[-1])
    rest = body[subject_end:]
    if len(cluster) == 1 and cluster[0] in _COPULAS:
        rest = predicative_adjective(rest, lex)
    cluster, rest = _negated_cluster(cluster, rest)
    return [first, *body[:subject_end], *cluster, *rest]


def _coordinated_subject_end(body: Sequence[str], end: int, finite: str) -> int:
    """The end of a verb-final clause's subject with a second noun phrase joined by "und"
    when its finite verb is plural: "dass Russland und die Türkei ... unterstützen" ->
    "dass Russland und die Türkei unterstützen ..." (not "Russland unterstützen und ...")."""
    if not 0 < end < len(body) - 1 or body[end] not in _SUBJECT_CONJUNCTIONS:
        return end
    if not (finite.endswith("n") or finite == "sind"):
        return end
    second = body[end + 1]
    if non_nominative(second) or not (_nominative(second) or second[:1].isupper()):
        return end
    second_end = _subject_end(body, end + 1)
    return second_end if second_end > end + 1 else end


_SUBJECT_CONJUNCTIONS = frozenset(["und", "oder", "sowie"])


# Relative pronouns and articles that are nominative or accusative alike.
_NOMINATIVE_ACCUSATIVE_RELATIVES = frozenset("die das welche welches".split())
_CASE_OPEN_ARTICLES = frozenset("die das eine ein diese dieses seine ihre keine kein".split())


# Question words whose clause English reads best verb-final when its subject is hard to
# find ("wie sich die Lage entwickelt": "how" is told from "as" by the verb at the end).
_VERB_FINAL_QUESTIONS = frozenset(["wie", "warum"])


# Pronouns that are a verb-final clause's subject themselves when no other subject is seen:
# "was toll ist" ("which is great"), "wer das Amt leiten wird".
_WH_SUBJECTS = frozenset(["was", "wer"])


def _wh_subject(first: str, cluster: list[str], body: list[str], lex: Lexicon) -> list[str]:
    """A clause whose "was"/"wer" is its subject: the verbs right after it, as English has
    them: "was für ihn gut ist" -> "was ist gut für ihn"."""
    rest = body
    if len(cluster) == 1 and cluster[0] in _COPULAS:
        rest = predicative_adjective(rest, lex)
    cluster, rest = _negated_cluster(cluster, rest)
    return [first, *cluster, *rest]


def coordinated_participle(clause: Sequence[str], j: int, lex: Lexicon) -> bool:
    """Whether the verb-final cluster ``clause[j:]``, a participle or infinitive and its
    finite verb, has a second participle before it joined by "und"/"oder" ("fortgesetzt
    und beendet wird"), which goes with it after the finite verb."""
    return (
        len(clause) - j == 2
        and j > 3
        and clause[-1] in AUXILIARIES
        and clause[j - 1] in ("und", "oder")
        and _finite_candidate(clause[j - 2], lex)
        and clause[j - 3] != "zu"
        and clause[j - 2] not in AUXILIARIES
    )


def _negated_cluster(cluster: list[str], rest: list[str]) -> tuple[list[str], list[str]]:
    """A verb-final clause's "nicht" moved to its verbs, as English negates: "dass er das
    Haus nicht gebaut hat" -> "hat nicht gebaut", "weil er nicht kam" -> "<NEGATED>kam"
    ("did not come"); "nicht nur", "nicht mehr" stay where they are."""
    if rest.count("nicht") != 1 or "zu" in rest:
        return cluster, rest
    k = rest.index("nicht")
    if k + 1 < len(rest) and rest[k + 1] in _NOT_COMPOUNDS:
        return cluster, rest
    rest = [*rest[:k], *rest[k + 1 :]]
    verb = cluster[0]
    if len(cluster) >= 2 or verb in AUXILIARIES:
        return [verb, "nicht", *cluster[1:]], rest
    if " " in verb or TENSE in verb or not verb[:1].islower():
        return cluster, [*rest[:k], "nicht", *rest[k:]]
    return [NEGATED + verb], rest


def _cluster_order(cluster: Sequence[str]) -> list[str]:
    """A verb-final cluster in English order: reversed ("gekommen ist" -> "ist gekommen"),
    but a "zu" stays before its infinitive, after the verbs that govern it: "zu lösen
    versucht hat" -> "hat versucht zu lösen", "anfängt zu sinken" stays as it is."""
    if (
        len(cluster) >= 3
        and cluster[0].lower() in _DOUBLE_INFINITIVE_AUXILIARIES
        and cluster[-1] in _DOUBLE_INFINITIVE_MODALS
    ):
        # the double infinitive puts the auxiliary first: "bauen können hätte" would read
        # as the modal's perfect; "hätte bauen können" -> "hätte können bauen"
        return [cluster[0], cluster[-1], *cluster[1:-1][::-1]]
    if "zu" not in cluster[:-1]:
        return list(cluster[::-1])
    z = cluster.index("zu")
    before, after = cluster[:z], cluster[z + 2 :]
    if not after and cluster[z + 1] not in _INFINITIVE_AUXILIARIES:
        return [*before[::-1], *cluster[z : z + 2]]
    # "gehoben zu werden" -> "zu werden gehoben" ("to be lifted")
    return [*after[::-1], *cluster[z : z + 2], *before[::-1]]


# Modal infinitives standing for their participle after "haben": "hätte bauen können".
_DOUBLE_INFINITIVE_MODALS = frozenset("können müssen sollen wollen dürfen".split())
_DOUBLE_INFINITIVE_AUXILIARIES = frozenset("hat haben habe hatte hatten hätte hätten".split())
# Infinitives that govern the verb before them: "gehoben zu werden", "gesehen zu haben".
_INFINITIVE_AUXILIARIES = frozenset(
    "werden haben sein können müssen dürfen wollen sollen lassen".split()
)


# Pronouns the subject list lacks that open a subordinate clause's subject ("dass dies ...").
_SUBJECT_PRONOUNS = frozenset("dies jemand niemand beide".split())


def subordinate_subject(body: Sequence[str], lex: Lexicon) -> tuple[int, int] | None:
    """The subject of a verb-final clause that the simple noun phrase misses, as (start,
    end) in ``body`` (the clause without its subordinator and verbs): a noun phrase opened
    by an adjective ("dass schwere Regenfälle ... verursachten"), a pronoun such as "dies"
    or "jemand", or one after "sich" ("dass sich die Dauer ... unterscheidet": the "sich"
    goes after the verbs); None if there is none."""
    lead = 1 if len(body) > 2 and body[0] == "sich" else 0
    if body and body[0].lower() in PREPOSITIONS:
        lead = fronted_phrase_end(body)  # "dass in Kenia Doping-Mittel ... sind"
        if (
            lead == 0
            or lead >= len(body)
            or not (body[lead] in PRONOUNS or body[lead].lower() in DETERMINERS)
        ):
            return None
    if lead >= len(body):
        return None
    word = body[lead]
    end = noun_phrase_end(body, lead)
    if end == lead:
        end = lead + 1 if word in _SUBJECT_PRONOUNS else _adjective_noun_end(body, lead)
    if end == lead or non_nominative(word) or end - lead > 5:
        return None
    return lead, end


def _join_idiom(clause: list[str], finite: int, lex: Lexicon) -> list[str] | None:
    """A clause-final idiom tail joined to its verb: "ums Leben kommen", or None."""
    n = len(clause)
    lemma = lex.lemma(clause[finite])
    for size in (3, 2):
        if n - size >= finite + 1:
            key = " ".join(clause[n - size :]) + " " + lemma
            if lex.has(key):
                key = _keep_tense(key, clause[finite], lex)
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
            merged = _keep_tense(infinitive, verb, lex)
    return [*clause[:finite], merged, *clause[finite + 1 : -1]]


def _zu_infinitive(clause: list[str], lex: Lexicon) -> list[str] | None:
    """ "um ... zu helfen" and ", mit etwas zu fliegen" -> "zu helfen ..." ("to help ...");
    a separable verb has its "zu" inside: "um ... anzukurbeln" -> "zu ankurbeln ..."."""
    if len(clause) < 3 or clause[-2] != "zu" or not lex.is_verb(clause[-1]):
        return None
    first = clause[0].lower()
    if first in ("ohne", "statt", "anstatt"):
        return None  # "without going": English takes a gerund, not "to"
    if first in SUBORDINATORS:
        return None  # "als er ... abzugeben": a finite clause, whatever its last word
    body = clause[1:-2] if first == "um" else clause[:-2]
    governed: list[str] = []
    if clause[-1] in _INFINITIVE_AUXILIARIES and body and _finite_candidate(body[-1], lex):
        # "um gehoben zu werden" -> "zu werden gehoben" ("to be lifted")
        governed, body = [body[-1]], body[:-1]
    if any(_finite_candidate(t, lex) and not _attributive(body, k) for k, t in enumerate(body)):
        return None  # another verb in between: leave the clause alone
    return ["zu", clause[-1], *governed, *body]


def _zu_conjunct_end(clause: Sequence[str], lex: Lexicon) -> int | None:
    """Where the first of two coordinated to-infinitives ends at "und"/"oder": "um sich
    die Hände zu geben | und ein Ende zu verkünden"; None if the clause has none."""
    if len(clause) < 5 or clause[-2] != "zu":
        return None
    for k in range(2, len(clause) - 2):
        if clause[k] not in ("und", "oder"):
            continue
        before = clause[k - 1]
        if (clause[k - 2] == "zu" and lex.is_verb(before)) or _infix_zu(before, lex):
            return k
    return None


def _attributive(tokens: Sequence[str], k: int) -> bool:
    """Whether the verb form at ``k`` is a participle used as an adjective, declined between
    an article or adjective and its noun ("den seit Jahren schwelenden Aufstand")."""
    word = tokens[k]
    return (
        0 < k < len(tokens) - 1
        and word not in AUXILIARIES
        and word.endswith(_DECLINED)
        and tokens[k + 1][:1].isupper()
        and (tokens[k - 1][:1].islower() or tokens[k - 1].lower() in DETERMINERS)
        and tokens[k - 1] not in PRONOUNS
    )


def _split_infix_zu(clause: list[str], lex: Lexicon) -> list[str]:
    """A clause ending in a separable verb's zu-form with "zu" as a word of its own:
    ", die Nummer anzurufen" -> ", die Nummer zu anrufen" (the "to call" of English)."""
    if len(clause) < 2 or clause[-2] == "zu":
        return clause
    infinitive = _infix_zu(clause[-1], lex)
    return clause if infinitive is None else [*clause[:-1], "zu", infinitive]


def _finite_candidate(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` may be a clause's own verb: a lower-case verb that is no article or
    possessive ("einen" is also "to unite", "seines" a form of "sein", but before a noun
    they are "a", "his")."""
    return (
        word[:1].islower()
        and word not in DETERMINERS
        and not _POSSESSIVE.match(word)
        and lex.is_verb(word)
    )


def _verb_not_determiner(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` may be a verb and is no article or possessive ("seiner", "einen")."""
    return word not in DETERMINERS and not _POSSESSIVE.match(word) and lex.is_verb(word)


_POSSESSIVE = regex.compile(r"^(?:mein|dein|sein|ihr|unser|euer|eur)(?:e|en|em|er|es)?$")


def _prepositional_opener(clause: Sequence[str], lex: Lexicon) -> bool:
    """ "Seit Jahren kommt er": "seit", "bis", "während" open a prepositional phrase, not a
    subordinate clause, when a noun phrase follows and the clause does not end in a verb;
    "als" a role when a noun without article and then the finite verb follow ("Als Grund
    nannte er ..." -> "As a reason, he cited ...")."""
    if clause[0].lower() == "als":
        return _fronted_role(clause) and lex.is_verb(clause[2]) and not lex.is_verb(clause[-1])
    if (
        len(clause) > 3
        and clause[0].lower() == "bis"
        and clause[1] == "zu"
        and clause[2][:1].isdigit()
    ):
        return True  # "Bis zu 50 Menschen kamen": a quantity ("up to") of the subject
    if clause[0].lower() not in _PREPOSITION_OR_SUBORDINATOR or len(clause) < 4:
        return False
    if clause[0].lower() == "bis" and clause[1] in _BIS_PREPOSITIONS:
        return True  # "Bis zum Abend blieb er": the conjunction "bis" takes no preposition
    if clause[1] in PRONOUNS:
        return False
    if (clause[1].lower() in DETERMINERS or clause[1][:1].isupper()) and not lex.is_verb(
        clause[-1]
    ):
        return True
    # "Seit drei Jahren wohnt er", "Bis Freitag muss er zahlen": the phrase's noun and then
    # the finite verb, with more of the clause after it (a clause "bis der Zug kommt" ends
    # in its verb)
    end = fronted_phrase_end(clause)
    if not (0 < end < len(clause) - 1 and clause[end + 1] not in COORDINATORS):
        return False
    if lex.is_verb(clause[-1]):
        # a clause ending in a verb is subordinate ("bis ein Nachfolger gefunden ist") unless
        # an auxiliary follows the phrase ("Bis Freitag muss er zahlen")
        return clause[end] in AUXILIARIES
    return clause[end][:1].islower() and _finite_candidate(clause[end], lex)


_PREPOSITION_OR_SUBORDINATOR = frozenset(["seit", "bis", "während"])
# "bis zum Ende", "bis in die Nacht": a preposition after "bis" makes it one too.
_BIS_PREPOSITIONS = frozenset("zum zur zu in ins an ans auf aufs nach über unter vor hin".split())
_BIS_ZUM = [["zum"], ["zur"]]  # "Bis zum Abend blieb er": the phrase's noun after them
# Adverbs that stand alone after the preposition "seit"/"bis" ("seit langem", "bis heute").
_ALONE_AFTER_SEIT = frozenset("langem kurzem gestern heute jeher damals dato morgen".split())


def _alone_after(preposition: str, word: str) -> bool:
    """Whether ``word`` is a preposition's whole phrase: a number ("Seit 2015", "Mit 20"),
    or an adverb after "seit"/"bis"/"während" ("Seit langem")."""
    return word[:1].isdigit() or (
        preposition.lower() in _PREPOSITION_OR_SUBORDINATOR and word in _ALONE_AFTER_SEIT
    )


def _fronted_role(clause: Sequence[str]) -> bool:
    """ "Als Grund nannte er": "als" and a noun without article, then a lower-case word (the
    finite verb, if ``_prepositional_opener`` finds it so)."""
    return (
        len(clause) > 3
        and clause[0].lower() == "als"
        and clause[1][:1].isupper()
        and clause[1].lower() not in DETERMINERS
        and clause[1] not in PRONOUNS
        and clause[2][:1].islower()
    )


def _infix_zu(word: str, lex: Lexicon) -> str | None:
    """The infinitive of a separable verb's zu-form: "anzukurbeln" -> "ankurbeln"."""
    k = word.find("zu", 2)
    if k < 2 or not word[:1].islower() or not word.endswith("n"):
        return None
    infinitive = word[:k] + word[k + 2 :]
    return infinitive if lex.is_verb(infinitive) else None


def reorder_clause(clause: list[str], lex: Lexicon, main: bool = False) -> list[str]:
    """One clause in English order; ``main``: a main clause for certain (after "und")."""
    clause = _split_infix_zu(clause, lex)
    k = _zu_conjunct_end(clause, lex)
    if k is not None:
        leading = _zu_infinitive(_split_infix_zu(clause[:k], lex), lex)
        if leading is not None:
            second = clause[k + 1 :]
            return [*leading, clause[k], *(_zu_infinitive(second, lex) or second)]
    zu = _zu_infinitive(clause, lex)
    if zu is not None:
        return zu
    n = len(clause)
    first = clause[0]
    if first.lower() in _LEADS and clause[1] in ("dass", "ob") and n > 3:
        return [first, *_subordinate(clause[1:], lex)]  # "so dass", "ohne dass", "als ob"
    if (first.lower() in SUBORDINATORS and not _prepositional_opener(clause, lex)) or (
        first in RELATIVE_PRONOUNS and first[:1].islower() and not main
    ):
        return _subordinate(clause, lex)
    if relative_opener(clause):
        # "womit die Frage geklärt ist", ", an denen ich es gesehen habe": verb-final
        lead = 1 if _RELATIVE_ADVERB.match(first) else 2
        return [*clause[: lead - 1], *_subordinate(clause[lead - 1 :], lex, governed=lead > 1)]
    if first.lower() in _FOCUS and clause[1].lower() in SUBORDINATORS and n > 3:
        return [first, *_subordinate(clause[1:], lex)]  # "selbst nachdem sie ... war"
    if first.lower() == "da" and not lex.is_verb(clause[1]):
        return _subordinate(clause, lex)  # causal "da": "da das Viadukt 222 Meter lang ist"
    if first.lower() in COORDINATORS:
        # a capitalised "Und" opens a sentence: its "die" is an article, no relative pronoun
        main_after = first[:1].isupper()
        return [first, *reorder_clause(clause[1:], lex, main_after)] if n > 3 else clause
    topicalized = fronted_object(clause, lex)
    if topicalized is not None:
        return reorder_clause(topicalized, lex)
    if first in AUXILIARIES:
        # A coordinated verb phrase without subject: "(und) wurde ... gebracht".
        j = n
        while j > 2 and lex.is_verb(clause[j - 1]):
            j -= 1
        return [first, *clause[j:][::-1], *clause[1:j]] if j < n else clause
    k = particle_conjunct_end(clause, lex)
    if k is not None:
        second = clause[k:]
        after = second if lex.is_verb(second[1]) else reorder_clause(second, lex)
        return [*reorder_clause(clause[:k], lex), *after]
    if lex.is_verb(first) and first[:1].islower():
        return _verb_first(clause, lex)
    # a possessive or an article is no verb here: "Der Vater seiner Frau kam" ("seiner" is
    # also a form of "sein")
    finite = next((k for k in range(1, min(n, 6)) if _verb_not_determiner(clause[k], lex)), None)
    fronted = fronted_phrase_end(clause)
    if finite is not None and 0 < finite < fronted < n and lex.is_verb(clause[fronted]):
        finite = fronted  # "Im vergangenen Jahr kam er": "vergangenen" is no verb there
    if finite is None and 5 < fronted < n - 1 and lex.is_verb(clause[fronted]):
        finite = fronted  # "Am Ende eines Turniers in Südafrika suchte er"
    if finite is None and clause[-1] in PARTICLES:
        # A verb known only with its particle: "griff ... an" (key "griff an").
        finite = next(
            (k for k in range(1, min(n - 2, 6)) if lex.has(f"{clause[k]} {clause[-1]}")), None
        )
    if finite is None:
        finite = long_subject_auxiliary(clause, lex)
    if finite is None:
        finite = long_subject_particle(clause, lex)
    if finite is None:
        return clause
    verb = clause[finite]
    if verb in AUXILIARIES:
        return _auxiliary_clause(clause, finite, lex)
    joined = _join_idiom(clause, finite, lex)
    if joined is not None:
        # "Bis zum Abend blieb er zu Hause" -> "Bis zum Abend , er zu Hause bleiben"
        return _inverted(joined, finite, lex) or joined
    clause = _join_particle(clause, finite, lex)
    verb = clause[finite]
    # Inversion with a full verb: "Gestern sagte er" -> "Gestern er sagte".
    inverted = _inverted(clause, finite, lex)
    if inverted is not None:
        return inverted
    if _subject_first(first, lex) and finite <= 4:
        after = _time_last(clause[finite + 1 :])
        return [*clause[:finite], *_do_support(verb, after, lex)]
    return clause


# Pronouns that are only nominative: one right after the finite verb is the subject, so
# what stands before the verb is an object or a predicate ("Diesen Plan hat er ...").
_NOMINATIVE_PRONOUNS = frozenset("ich du er wir man".split())


def fronted_object(clause: Sequence[str], lex: Lexicon) -> list[str] | None:
    """A clause opened by its object, with a subject pronoun right after the finite verb,
    in subject-first order: "Die Hälfte seiner Mitarbeiter habe er entlassen" -> "er habe
    die Hälfte seiner Mitarbeiter entlassen"; None if the clause opens otherwise (with a
    preposition, an adverb, a time noun, or its subject)."""
    first = clause[0]
    if (
        len(clause) < 4
        or not first[:1].isupper()
        or first in PRONOUNS
        or first.lower() in PREPOSITIONS
        or first in _TIME_NOUNS
        or first in ("Ende", "Anfang", "Mitte")
        or first.lower() in _TIME_WORDS
        or not (
            first.lower() in DETERMINERS
            or first.isdigit()
            # a noun, not an adverb written at the start ("Heute", "Mehr")
            or (lex.is_noun(first) and not lex.has(first.lower()))
        )
    ):
        return None
    finite = next(
        (
            k
            for k in range(1, min(len(clause) - 1, 7))
            # "seiner" is a form of "sein" too, but a determiner here
            if clause[k][:1].islower() and clause[k] not in DETERMINERS and lex.is_verb(clause[k])
        ),
        None,
    )
    if finite is None and "es" in clause:
        # what there is may be longer and joined: "Einen Kontakt zwischen Moskau und Kiew
        # habe es nicht gegeben"
        finite = next(
            (
                k
                for k in range(1, min(len(clause) - 1, 12))
                if _there_is(clause, k) and lex.is_verb(clause[k])
            ),
            None,
        )
    if finite is None:
        return None
    there = _there_is(clause, finite)
    if not (clause[finite + 1] in _NOMINATIVE_PRONOUNS or there):
        return None
    if any(w in CLAUSE_PUNCT or (w in COORDINATORS and not there) for w in clause[1:finite]):
        return None
    head = first.lower() if first.lower() in DETERMINERS else first
    return [clause[finite + 1], clause[finite], head, *clause[1:finite], *clause[finite + 2 :]]


_GIBT = frozenset("gibt gab gäbe gebe".split())
_GEGEBEN = frozenset(["gegeben", "geben"])


def _there_is(clause: Sequence[str], finite: int) -> bool:
    """ "es" after the finite verb of "es gibt" ("Einen Kontakt gab es nicht", "... habe es
    nicht gegeben"): what stands before the verb is what there is, not the subject."""
    if clause[finite + 1] != "es":
        return False
    return clause[finite] in _GIBT or any(w in _GEGEBEN for w in clause[finite + 2 :])


# Relative pronouns that may follow a preposition and stand for a noun, not a possessive
# ("deren", "dessen" open a noun phrase of their own: "mit dessen Hilfe er ...").
_GOVERNED_RELATIVES = frozenset("der die das dem den denen welche welcher welchem welchen".split())


def relative_opener(clause: Sequence[str]) -> bool:
    """Whether a clause inside a sentence opens as a relative clause the subordinator list
    lacks, so that its verbs stand last: a relative adverb ("wodurch", "womit",
    "weshalb") or a preposition before a relative pronoun ("an denen", "mit der") that is
    followed by no noun of its own ("in der Stadt" is a prepositional phrase)."""
    if len(clause) < 3 or not clause[0][:1].islower():
        return False
    first = clause[0]
    if _RELATIVE_ADVERB.match(first):
        return not first.startswith("welche")  # the relative pronoun list has those
    return (
        first in PREPOSITIONS
        and len(clause) > 3
        and clause[1] in _GOVERNED_RELATIVES
        and (clause[1] == "denen" or not clause[2][:1].isupper())
    )


def particle_conjunct_end(clause: Sequence[str], lex: Lexicon) -> int | None:
    """Where the first of two coordinated main clauses ends with its separable particle:
    "zog sie aus | und legte sie ...", "führte eine Razzia durch | und fand ..."; None if
    the clause has no such particle before "und"/"oder"/"aber"."""
    for k in range(2, len(clause) - 2):
        if clause[k] not in PARTICLES or clause[k + 1] not in ("und", "oder", "aber"):
            continue
        for word in clause[:k]:
            if word[:1].islower() and word not in AUXILIARIES and _separable(word, clause[k], lex):
                return k + 1
        return None
    return None


def long_subject_particle(clause: Sequence[str], lex: Lexicon) -> int | None:
    """Where the finite verb stands after a subject of six words or more when its separable
    particle ends the clause ("Die Importe in den Iran stiegen um 91 Prozent an"); None if
    there is no such verb."""
    if clause[-1] not in PARTICLES or not _subject_first(clause[0], lex):
        return None
    return next(
        (
            k
            for k in range(6, min(len(clause) - 2, 12))
            if clause[k][:1].islower() and _separable(clause[k], clause[-1], lex)
        ),
        None,
    )


def _separable(verb: str, particle: str, lex: Lexicon) -> bool:
    """Whether ``verb`` with ``particle`` is a separable verb the dictionary knows: "führte"
    + "durch" (durchführen), or a form known only with its particle ("griff an")."""
    return (lex.is_verb(verb) and lex.has(particle + lex.lemma(verb))) or lex.has(
        f"{verb} {particle}"
    )


def long_subject_auxiliary(clause: Sequence[str], lex: Lexicon) -> int | None:
    """Where the auxiliary stands after a subject of six words or more, with its verb at
    the clause end ("Die Angst vor einem erneuten Herzinfarkt kann ... haben"); None if
    the clause does not open with its subject or no auxiliary follows it."""
    if not _subject_first(clause[0], lex) or not lex.is_verb(clause[-1]):
        return None
    if clause[-2] in ("und", "oder"):
        return None  # "wurden ... getestet und ausgeschlossen": two verbs at the end
    for k in range(6, min(len(clause) - 1, 12)):
        word = clause[k]
        if word in AUXILIARIES:
            return k
        if (word[:1].islower() and lex.is_verb(word)) or word in CLAUSE_PUNCT:
            return None
    return None


def _auxiliary_clause(clause: list[str], finite: int, lex: Lexicon) -> list[str]:
    """A clause whose finite verb at ``finite`` is an auxiliary: its clause-final verbs join
    it ("hat ... erhalten" -> "hat erhalten ..."), an inverted subject goes first."""
    n = len(clause)
    first = clause[0]
    verb = clause[finite]
    j = n
    while j > finite + 2 and lex.is_verb(clause[j - 1]) and clause[j - 1] not in _FINITE_BE_HAVE:
        j -= 1
    if j < n and clause[j - 1] == "zu":
        # "hat Aufgaben zu erfüllen", "ist zu früh zu sagen": a to-infinitive, no verb of
        # the auxiliary's cluster, stays where English has it too ("has tasks to fulfil")
        j = n
    if j == n:
        inverted = inverted_copula(clause, finite, lex)
        if inverted is not None:
            return inverted
        if verb in _COPULAS and _subject_first(first, lex):
            return [*clause[: finite + 1], *predicative_adjective(clause[finite + 1 :], lex)]
        if verb in HAVE and not _subject_goes_on(clause[finite + 1 :]):
            inverted = _inverted(clause, finite, lex)  # "Damals hatte er Schwierigkeiten"
            if inverted is not None:
                return inverted
        # (Relative clauses opened by a preposition, "in der sie leben", made verb-final
        # like the others: +0.00 chrF / +0.00 BLEU on newstest2017, not kept.)
        # (A copula inverted like a full verb, "Für ihn war es" -> "Für ihn es war",
        # measured +0.00 chrF / +0.00 BLEU on newstest2017, as did inversion after a
        # lower-case adverb following "und" ("und dann sagte er"): not kept.)
        return clause
    # (Perfekt as the simple past, "hat gesagt" -> "said", measured -0.03 to -0.06 chrF.)
    verbs = [verb, *clause[j:][::-1]]
    middle = clause[finite + 1 : j]
    liking = [w for w in middle if w in _LIKING]
    if verb in WOULD and len(liking) == 1:
        # "würde gerne ... bleiben" -> "würde gerne bleiben ..." -> "would like to stay"
        verbs = [verb, liking[0], *verbs[1:]]
        middle = [w for w in middle if w not in _LIKING]
    participle = verbs[-1]
    if (
        len(verbs) == 2
        and participle.endswith(("t", "en"))
        and participle not in _RESULTATIVE
        and len(middle) >= 1
        and middle[-1][:1].islower()
        and middle[-1] not in FUNCTION_WORDS
        and lex.is_adjective(middle[-1])
        # "als kritisch eingestuft" is "classified as critical"
        and (len(middle) < 2 or middle[-2] not in ("als", "wie", "für"))
    ):
        verbs = [verb, ADVERB + middle[-1], verbs[1]]
        middle = middle[:-1]
    if middle.count("nicht") == 1:
        k = middle.index("nicht")
        if k + 1 == len(middle) or middle[k + 1] not in _NOT_COMPOUNDS:
            # "hat ... nicht erhalten" -> "has not received"
            verbs = [verbs[0], "nicht", *verbs[1:]]
            middle = [*middle[:k], *middle[k + 1 :]]
        elif k + 2 == len(middle) and middle[k + 1] == "mehr":
            # "konnten ihm nicht mehr helfen" -> "could no longer help him"
            verbs = [verbs[0], "nicht", "mehr", *verbs[1:]]
            middle = middle[:k]
    before = clause[:finite]
    if (
        finite > 0
        and middle
        and (
            not _subject_first(first, lex)
            or finite == fronted_time(clause)
            or finite == postposed_source_end(clause)
        )
        and not non_nominative(middle[0])
    ):
        subject_end = _subject_end(middle, 0)
        if 0 < subject_end <= 4:
            # "Gestern haben der Mann und die Frau ..." -> "der Mann und die Frau haben"
            subject_end = _coordinated_subject_end(middle, subject_end, verb)
            verbs, rest = preverbal_adverb(verbs, middle[subject_end:])
            subject = _moved_subject(before, middle[:subject_end])
            return [*before, *subject, *verbs, *_time_last(rest)]
    verbs, middle = preverbal_adverb(verbs, middle)
    return [*before, *verbs, *_time_last(middle)]


HAVE = frozenset("hat hatte hatten haben habe".split())
_COPULAS = frozenset("ist sind war waren sei seien wäre wären".split())
# "würde gern(e)" + infinitive is English "would like to" + infinitive.
_LIKING = frozenset(["gern", "gerne"])


def _subject_goes_on(rest: Sequence[str]) -> bool:
    """Whether the subject opening ``rest`` is coordinated with another ("der Star und die
    Schauspielerin"), which the simple subject rule would cut off."""
    end = _subject_end(rest, 0) if rest else 0
    return 0 < end < len(rest) and rest[end] in ("und", "oder", "sowie")


def inverted_copula(clause: list[str], finite: int, lex: Lexicon) -> list[str] | None:
    """A copula after a fronted phrase, with a noun phrase for subject and a predicative
    adjective at the end: "In Bayern sind die Bezirke für die Unterbringung zuständig" ->
    "In Bayern die Bezirke sind zuständig für die Unterbringung"; None if it does not read
    so."""
    verb = clause[finite]
    if finite == 0 or verb not in _COPULAS or _subject_first(clause[0], lex):
        return None
    rest = clause[finite + 1 :]
    if len(rest) < 2 or not (rest[0].lower() in DETERMINERS or rest[0] in PRONOUNS):
        return None
    if non_nominative(rest[0]):
        return None
    subject_end = _subject_end(rest, 0)
    if not 0 < subject_end <= 4:
        return None
    if (
        subject_end < len(rest)
        and rest[0] not in PRONOUNS
        and (rest[subject_end] in ("und", "oder") or rest[subject_end] in _GENITIVE)
    ):
        return None  # the subject goes on: "der Star und die Schauspielerin", "der Krise"
    if finite > 1 and _may_be_subject(clause[0], lex):
        return None  # "Sevilla wiederum hat": a name first may be the subject itself
    # ("hat"/"hatte" as a full verb inverted the same way: -0.002 chrF, -0.001 BLEU.)
    after = predicative_adjective(rest[subject_end:], lex)
    return [*clause[:finite], *_moved_subject(clause[:finite], rest[:subject_end]), verb, *after]


def _may_be_subject(first: str, lex: Lexicon) -> bool:
    """Whether a clause's first word, followed by more than the verb, may be its subject
    ("Sevilla wiederum hat"): a noun or name, not a preposition or an adverb."""
    if first.lower() in PREPOSITIONS or not first[:1].isupper():
        return False
    return lex.is_noun(first) or not lex.has(first.lower())


def predicative_adjective(after: list[str], lex: Lexicon) -> list[str]:
    """What follows a copula, with a clause-final adjective before its prepositional
    complement: "für die Unterbringung zuständig" -> "zuständig für die Unterbringung"
    ("responsible for the placement")."""
    if (
        len(after) > 2
        and after[0].lower() in PREPOSITIONS
        and after[-2][:1].isupper()
        and after[-1][:1].islower()
        and after[-1] not in FUNCTION_WORDS
        and lex.is_adjective(after[-1])
        # "272 Jahre alt und fünf Meter lang": two predicates, each with its own measure
        and not any(
            word in COORDINATORS and after[k - 1][:1].islower() for k, word in enumerate(after) if k
        )
    ):
        return [after[-1], *after[:-1]]
    return after


_GENITIVE = frozenset("des der eines einer".split())


def fronted_phrase_end(clause: Sequence[str]) -> int:
    """Index after a fronted prepositional phrase with its genitives and prepositional
    attributes ("Am Ende eines Turniers in Südafrika"), at most 10 words, or after a source
    with its postposition ("Selenskij zufolge", "Dem Bericht zufolge"); 0 if none."""
    source = postposed_source_end(clause)
    if source:
        return source
    if clause[0].lower() not in PREPOSITIONS and not _fronted_role(clause):
        return 0
    start = 2 if clause[0].lower() == "bis" and clause[1:2] in _BIS_ZUM else 1
    end = noun_phrase_end(clause, start)
    if end == start:
        end = _adjective_noun_end(clause, start)  # "Zum ersten Mal", "Im vergangenen Jahr"
    if end == start and start < len(clause) and _alone_after(clause[0], clause[start]):
        end = start + 1  # "Seit 2015", "Seit langem"
    if end == start:
        return 0
    while end < len(clause):
        word = clause[end]
        if word in _GENITIVE:
            after = noun_phrase_end(clause, end)
        elif word in PREPOSITIONS:
            after = noun_phrase_end(clause, end + 1)
            after = after if after > end + 1 else end
        elif _YEAR.match(word):
            after = end + 1  # "Im Februar 2015", "Bei der Wahl 2011"
        else:
            break
        if after == end or after > 10:
            break
        end = after
    return end if end <= 10 else 0


_YEAR = regex.compile(r"^(?:19|20)[0-9]{2}$")


def postposed_source_end(clause: Sequence[str]) -> int:
    """Index after a fronted "zufolge" with its noun phrase of at most three words ("Selenskij
    zufolge sei ...", "Dem Bericht zufolge hat ..."): what stands before the verb is no
    subject; 0 if the clause does not open so."""
    k = next((k for k in range(1, min(4, len(clause) - 1)) if clause[k] == "zufolge"), 0)
    if not k or not clause[k - 1][:1].isupper():
        return 0
    return k + 1


def _adjective_noun_end(clause: Sequence[str], start: int) -> int:
    """Index after one or two declined adjectives and their noun with no article ("ersten
    Mal"); ``start`` if the words do not read so."""
    j = start
    while (
        j < len(clause)
        and j - start < 2
        and clause[j][:1].islower()
        and clause[j].endswith(_DECLINED)
        and clause[j] not in PRONOUNS
    ):
        j += 1
    if j == start or j >= len(clause) or not clause[j][:1].isupper():
        return start
    while j < len(clause) and clause[j][:1].isupper():
        j += 1
    return j


_DECLINED = ("e", "en", "er", "em", "es")


# Nouns of a fronted time phrase without preposition: "Letztes Jahr", "Diese Woche".
_TIME_UNITS = frozenset(
    "Mal Jahr Woche Monat Tag Wochenende Saison Sommer Winter Herbst Frühjahr Abend Nacht "
    "Jahrzehnt Quartal".split()
)


_SUBJECT_ARTICLES = frozenset("der die das ein eine jeder".split())


def fronted_time(clause: Sequence[str]) -> int:
    """Length of a fronted time phrase of a declined word and a time noun ("Letztes Jahr",
    "Dieses Mal", "Jeden Tag"), an adverbial, not the subject, before the finite verb; 0 if
    the clause opens otherwise."""
    if (
        len(clause) > 3
        and clause[0][:1].isupper()
        and clause[0].lower().endswith(_DECLINED)
        and clause[0].lower() not in _SUBJECT_ARTICLES  # "Der Tag braucht ..." is the subject
        and clause[1] in _TIME_UNITS
    ):
        return 2
    return 0


def _inverted(clause: list[str], finite: int, lex: Lexicon) -> list[str] | None:
    """Verb-second after a fronted adverbial, subject first: "Gestern sagte er" -> "Gestern
    er sagte"; None if the clause does not read so."""
    first, verb, rest = clause[0], clause[finite], clause[finite + 1 :]
    timed = finite == fronted_time(clause) or finite == postposed_source_end(clause)
    if not (
        (
            finite == 1
            or timed
            or (
                (first.lower() in PREPOSITIONS or _fronted_role(clause))
                and 1 < finite == fronted_phrase_end(clause)
            )
        )
        and first[:1].isupper()
        and (timed or not _subject_first(first, lex))
        and rest
    ):
        return None
    adverb: list[str] = []
    if rest[0] in _BEFORE_SUBJECT and len(rest) > 2 and rest[1] not in PRONOUNS:
        # "Wegen des Sturms fallen heute viele Züge aus": the adverb goes after the verb
        adverb, rest = rest[:1], rest[1:]
    if not (
        (
            rest[0] in PRONOUNS
            or rest[0] in DETERMINERS
            or rest[0] in _INDEFINITE_SUBJECTS
            or rest[0] in _QUANTIFIERS
            or _is_name(rest[0], lex)
            # "Dabei starben drei Menschen", "Im Jahr 2015 kamen 900 Menschen"
            or ((rest[0][:1].isdigit() or rest[0] in _NUMBER_WORDS) and len(rest) > 1)
        )
        and not non_nominative(rest[0])
    ):
        return None
    subject_end = _subject_end(rest, 0)
    # at most four words, and a genitive of up to three after them ("die Angriffe der
    # russischen Armee")
    if not 0 < min(subject_end, noun_phrase_end(rest, 0)) <= 4 or subject_end > 7:
        return None
    subject_end = _coordinated_subject_end(rest, subject_end, verb)
    after = _time_last([*adverb, *rest[subject_end:]])
    subject = _moved_subject(clause[:finite], rest[:subject_end])
    return [*clause[:finite], *subject, *_do_support(verb, after, lex)]


# Adverbs German sets between the finite verb and a subject noun phrase: "Dort kamen
# gestern viele Menschen", "Dann wurden erneut Schüsse gehört".
_BEFORE_SUBJECT = frozenset(
    "heute gestern morgen nun jetzt bereits schon damals erneut wieder zuletzt inzwischen "
    "mittlerweile".split()
)


# Adverbs that English sets between the auxiliary and the main verb: "hat nie gesagt" ->
# "has never said", "kann nur lachen" -> "can only laugh".
_PREVERBAL = frozenset(
    "nie niemals immer oft häufig bereits schon auch nur stets kaum selten".split()
)
# "immer mehr" ("more and more"), "nur noch": a pair the context rules translate together.
_PAIRED = frozenset("mehr wieder noch weiter".split())


def preverbal_adverb(verbs: list[str], rest: list[str]) -> tuple[list[str], list[str]]:
    """An adverb opening what follows the subject goes after the auxiliary of a verb
    cluster: (["hat", "gesagt"], ["nie", "etwas"]) -> "hat nie gesagt etwas"."""
    if (
        len(verbs) < 2
        or len(rest) < 2
        or rest[0] not in _PREVERBAL
        or rest[1] in _PAIRED
        # "oft ... nicht eingehalten" is not "nicht oft" ("rarely"): a negated cluster stays
        or verbs[1] == "nicht"
    ):
        return verbs, rest
    return [verbs[0], rest[0], *verbs[1:]], rest[1:]


# "kommt ... nicht" -> "<NEGATED>kommt ..." -> "does not come ...": English negates a full
# verb with do-support right after the subject.
NEGATED = "\x03"
# "Wie funktioniert es?" -> "Wie <DO>funktioniert es funktionieren" -> "How does it work":
# the do-support of a question, in the person and tense of the marked finite verb.
DO = "\x05"
# "die von der Regierung geplante Reform" -> "die Reform <ATTRIBUTE>geplant von der
# Regierung" -> "the reform planned by the government": a participle after its noun, an
# attribute that clause order must not take for a verb.
ATTRIBUTE = "\x06"


# Verbs whose own subject does what their to-infinitive says, with no object of their own:
# "versuchte seine Bemerkung zu erklären" -> "tried to explain his remark".
_CONTROL_VERBS = frozenset(
    "versuchen scheinen beginnen anfangen aufhören beschließen planen hoffen drohen "
    "vergessen wagen vorhaben pflegen vermeiden ablehnen fortfahren".split()
)


def _control_infinitive(verb: str, after: list[str], lex: Lexicon) -> list[str]:
    """What follows a finite verb of ``_CONTROL_VERBS`` with its to-infinitive first: "...
    versuchte | seine Bemerkung zu erklären" -> "zu erklären seine Bemerkung"."""
    if (
        len(after) < 3
        or after[-2] != "zu"
        or not after[-1][:1].islower()
        or not lex.is_verb(after[-1])
        or lex.lemma(verb) not in _CONTROL_VERBS
        or any(w in CLAUSE_PUNCT or w in ("und", "oder") for w in after)
    ):
        return after
    body = after[:-2]
    if body[0] in ("es", "nicht", "sich"):
        return after  # "vermied es, ... zu": "es" points ahead; negation, reflexive stay
    return ["zu", after[-1], *body]


def _finite_and_particle(verb: str) -> bool:
    """Whether a joined verb is a finite form and its separable particle ("greifen an")."""
    finite, _, particle = verb.partition(" ")
    return particle in PARTICLES and " " not in particle and finite.islower()


def _do_support(verb: str, after: list[str], lex: Lexicon) -> list[str]:
    """The finite full verb and what follows it, with a following "nicht" moved to it."""
    after = _control_infinitive(verb, after, lex)
    if (
        "nicht" not in after
        or after.count("nicht") > 1
        or (" " in verb and not _finite_and_particle(verb))
        or (TENSE in verb and " " in verb)  # an idiom: "zu Hause bleiben<TENSE>blieb"
        or not verb[:1].islower()
        or verb in AUXILIARIES
        or "zu" in after
    ):
        return [verb, *after]
    k = after.index("nicht")
    # "nicht nur" ("not only") and "nicht mehr" ("no longer") stay where they are.
    if k + 1 < len(after) and after[k + 1] in _NOT_COMPOUNDS:
        return [verb, *after]
    return [NEGATED + verb, *after[:k], *after[k + 1 :]]


_NUMBER_WORDS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split())
# "nicht nur" ("not only"), "nicht mehr" ("no longer"): these stay where they are.
_NOT_COMPOUNDS = frozenset("nur mehr einmal so zuletzt".split())
# Focus particles before a subordinator: "selbst wenn", "auch wenn", "erst nachdem".
_FOCUS = frozenset("selbst auch gerade erst noch nur schon sogar".split())
# Words that open a subordinate clause together with "dass"/"ob": "so dass", "ohne dass",
# "als ob", "anstatt dass".
_LEADS = frozenset("so ohne als statt anstatt außer".split())
_TIME_WORDS = frozenset("heute gestern morgen bereits nun jetzt damals".split())
_TIME_NOUNS = frozenset(
    "Morgen Vormittag Mittag Nachmittag Abend Wochenende Anfang Ende Mitte Jahr".split()
)


def _time_phrase(tokens: Sequence[str]) -> int:
    """Length of the time adverbial that opens ``tokens`` ("am 5. Februar 2026"); 0 if none."""
    n = len(tokens)
    if not n:
        return 0
    first = tokens[0]
    if first in ("heute", "gestern", "morgen") and n > 1 and tokens[1] not in _NOT_ALONE:
        return 1  # ("morgen früh" is one time, "heute Abend" keeps its noun after it)
    if first not in ("am", "im", "seit", "Anfang", "Ende", "Mitte"):
        return 0
    j = 1
    if j + 1 < n and tokens[j].isdigit() and tokens[j + 1] == ".":
        j += 2  # "am 5." before the month
    if j < n and (
        tokens[j] in MONTHS
        or tokens[j] in DAYS
        or tokens[j] in _TIME_NOUNS
        or (first == "seit" and tokens[j].isdigit())
    ):
        j += 1
    if j == 1:
        return 0
    if j < n and tokens[j].isdigit() and len(tokens[j]) == 4:
        j += 1  # the year
    return j


_NOT_ALONE = CLAUSE_PUNCT | frozenset(["früh", "Abend", "Morgen", "Nachmittag", "Nacht", "Mittag"])


def _time_last(tokens: Sequence[str]) -> list[str]:
    """A time adverbial after the verb goes after the object, as in English: "received on
    5 February a request" -> "received a request on 5 February"."""
    size = _time_phrase(tokens)
    if not size or size >= len(tokens):
        return list(tokens)
    return [*tokens[size:], *tokens[:size]]


def _is_name(word: str, lex: Lexicon) -> bool:
    """A capitalised word the dictionary does not know: a name ("Heute kommt Rosenthal")."""
    return word[:1].isupper() and not lex.has(word) and not lex.has(word.lower())


def _verb_first(clause: list[str], lex: Lexicon) -> list[str]:
    """A clause opened by its verb (after a quote: "sagte der Sprecher") -> subject first."""
    clause = _join_particle(clause, 0, lex)
    subject_end = _subject_end(clause, 1)
    if 1 < subject_end <= 5 and not non_nominative(clause[1]):
        subject = [_article_opening(clause[1]), *clause[2:subject_end]]
        return [*subject, clause[0], *clause[subject_end:]]
    return clause


# Nominative possessives the determiner list lacks, the pronoun "dies" and the indefinite
# pronouns of a person: "Mein letzter Halt ist ein Laden", "Dies ist ein Fehler", "Niemand
# weiß es" open with their subject, no fronted phrase ("Nobody knows it", not "Nobody, it
# knows").
_SUBJECT_OPENERS = frozenset("mein meine dein deine euer eure dies niemand jemand keiner".split())


def _subject_first(first: str, lex: Lexicon) -> bool:
    """Whether a clause's first word opens its subject (so there is no inversion)."""
    lower = first.lower()
    if lower in DETERMINERS or lower in PRONOUNS or first in PRONOUNS or lower in _SUBJECT_OPENERS:
        return True
    if lower in FUNCTION_WORDS:
        return False
    return not (lex.has(first) or lex.has(lower)) or lex.is_noun(first)
