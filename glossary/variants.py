"""Unlisted spellings of the glossary's people and places, recognised with precision first.

German news never settles on one spelling of a Slavic name (``Selenskyj``, ``Selensky``,
``Selenskyi``, ``Zelenskyj``; ``Uschakow``, ``Ushakow``).  The glossary lists many; this
module recognises the ones it does not list, so that they are protected and rendered like a
listed spelling, and says so.  A capitalised word is taken for an entity when

- its transliteration key (:func:`.namekey.name_key`, the key ``glossary suggest`` clusters
  spellings with) equals that of a listed one-word spelling of the entity (a surname, a
  place), or, when the longer key has eight letters or more, differs from it by at most
  one edit in six letters with the same first letter and the same last two: so ``Selenska``,
  ``Peskowa``, ``Putina`` (wives, daughters, feminine forms), ``Pokrowske`` and ``Donez``
  (other places) stay themselves;
- that holds for exactly one entity;
- it is neither a word nor a name of simplemma's German table (``Schweiß`` is not
  ``Schweiz``, ``Telegramm`` not ``Telegram``, ``Walz`` not ``Waltz``), nor a compound of
  its words;
- and the word before it is not another first name.  A first name of the entity joins
  the match (``Wolodymyr Selensky`` -> ``Volodymyr Zelensky``; also before a listed
  surname: ``Wolodimyr Selenskyj``).

Weaker evidence, a short key one edit away (``Levitt`` is not ``Leavitt``) or another
first name before the surname (``Nikolai Peskoff``: the spokesman's son?), makes a
:class:`Candidate`: reported, never rewritten.  Endings are those of listed spellings:
genitive ``-s`` / ``'s``, place adjective ``-er``, hyphenated compounds
(``Selenskyi-Regierung``).  Only people with a short form and places are recognised:
organisations and terms are not transliterated, and a full name without a surname form
(``Kim Jong Un``) is too ambiguous by halves.  German only: in a glossary projected onto
another source language (:meth:`.Glossary.for_pair`) the listed spellings and their
inflected forms (:mod:`.inflect`) are matched, and nothing else.

Everything is a pure function of the text and the glossary, and linear in the length of
the text: one scan of its words, each distinct word judged once (cached).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .germanwords import german_lookup
from .matching import (
    Form,
    Hit,
    Match,
    Spelling,
    is_word_char,
    matcher,
    nfc_map,
    render,
    to_matches,
)
from .model import Entry, Glossary, split_context
from .namekey import edit_distance, name_key

RULES = "unlisted-variants-1"
"""Named in the glossary hash of a glossary that is not strict: a change of these rules
changes translations, so outputs and memory units made under other rules are redone."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STRONG_KEY = 8  # shorter keys must agree exactly: one edit in "Levitt" is another name
_MIN_LETTERS = 4
_APOSTROPHES = "'’"
_VOWELS = frozenset("aeiou")
# Scientific transliteration (Zaporižžja, Černihiv) in the German clusters name_key knows,
# other accents dropped (Kyïv, Genève); German umlauts stay, name_key spells them out.
_DIACRITICS = str.maketrans(
    {"ž": "zh", "š": "sch", "č": "tsch", "ć": "tsch", "ł": "l", "ř": "rsch"}
    | {c: "i" for c in "ïíìîýÿı"}
    | {c: "e" for c in "éèêëė"}
    | {c: "a" for c in "áàâ"}
    | {c: "o" for c in "óòôø"}
    | {c: "u" for c in "úùû"}
    | {"ń": "n", "ś": "s", "ź": "z", "ż": "z"}
)
# Patronymics stand between a first name and the surname (Wolodymyr Oleksandrowytsch ...).
_PATRONYMIC = re.compile(r"(?:owitsch|ewitsch|owytsch|ewytsch|ovich|evich|ovych|ijowytsch)$")
# Sentence-initial function words are capitalised, known to no first-name list, and short.
_FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einer auch aber und oder doch so da dann wenn weil "
    "dass ob wie was wer wo er sie es wir ihr ich man laut nun noch schon mit von vor nach "
    "bei für über unter gegen ohne um bis seit als".split()
)


def variant_key(name: str) -> str:
    """:func:`.namekey.name_key` of ``name``, after scientific transliteration, with ``c``
    read as ``k`` and a final ``f`` as ``v`` (``Peskoff``, ``Witkoff``: the English
    rendering of ``-ов``)."""
    # After name_key, a "c" is no longer part of ch/sch/tsch: it is a k (Witcoff, Marco).
    key = name_key(name.lower().translate(_DIACRITICS)).replace("c", "k")
    return key[:-1] + "v" if key.endswith("f") else key


@lru_cache(maxsize=65536)
def is_german_word(word: str) -> bool:
    """Whether simplemma's German table knows ``word``, or it is a compound of two words it
    knows (``Kremlsprecher``; the head at least four letters, a linking ``s`` allowed).

    The table (1.1 million forms, names such as ``Walz``, ``Donez``, ``Moskwa`` among them)
    is asked only when a word is close to a glossary name, and then of its words kept in
    the data folder (:mod:`.germanwords`): reading the table itself takes about a second.
    """
    from dolmetsch.settings import default_data_dir

    known = german_lookup(default_data_dir())
    if known(word):
        return True
    for i in range(3, len(word) - 3):
        head = word[i:]
        if known(head) and (known(word[:i]) or (word[i - 1] == "s" and known(word[: i - 1]))):
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    """A spelling that looks like an entity's but was left as it is (weak evidence).

    ``text`` is the spelling (``Nikolai Peskoff``), ``rendering`` what it would have become.
    """

    text: str
    entry: Entry
    rendering: str
    start: int
    end: int

    @property
    def note(self) -> str:
        return f"{self.text} -> {self.rendering}"


@dataclass(frozen=True)
class Recognised:
    """A text's glossary occurrences, listed spellings and recognised ones, left to right,
    and the candidates left as they are."""

    matches: tuple[Match, ...]
    candidates: tuple[Candidate, ...]


def unlisted_note(match: Match) -> str:
    """``"Selenskyi -> Zelensky"``: the spelling as a glossary variant (no ending), and the
    form it stands for."""
    return f"{match.spelling.name} -> {render(match.entry, 'base', match.spelling.short)}"


@dataclass(frozen=True)
class _Anchor:
    """A listed one-word spelling of a person (surname) or place, by transliteration key."""

    key: str
    entry: Entry
    short: bool


@dataclass(frozen=True)
class _Verdict:
    entry: Entry
    short: bool
    strong: bool


class _Token(NamedTuple):
    """A word of the text (one per word of every sentence: a tuple is cheaper to make)."""

    start: int
    end: int
    text: str
    listed: bool  # overlaps a listed occurrence


def _usable(form: str) -> bool:
    return not form.isupper() and len(variant_key(form)) >= 3


class Recogniser:
    """The one-word spellings of a glossary's people and places, compiled for matching."""

    def __init__(self, glossary: Glossary) -> None:
        self.matcher = matcher(glossary)
        self.exact: dict[str, set[tuple[Entry, bool]]] = defaultdict(set)
        # (first letter, length) of the key -> anchors: near keys share both, give or take 2
        self.near: dict[tuple[str, int], list[_Anchor]] = defaultdict(list)
        self.first_names: dict[Entry, frozenset[str]] = {}
        self.listed: dict[Entry, frozenset[str]] = {}
        for entry in glossary.entries:
            self.listed[entry] = frozenset(name for name, _, _ in entry.source_forms())
            for anchor, first in self._anchors(entry):
                self.exact[anchor.key].add((anchor.entry, anchor.short))
                self.near[anchor.key[0], len(anchor.key)].append(anchor)
                if first:
                    self.first_names[entry] = self.first_names.get(entry, frozenset()) | {
                        variant_key(first)
                    }
        self._judge = lru_cache(maxsize=65536)(self._judge_uncached)
        # A run recognises each sentence to protect its terms, and its HTML page again to
        # mark them (and a repeated sentence, a headline or a boilerplate line, each time):
        # the texts of a window (2,000 sentences, sources and translations) are kept.
        self.recognise = lru_cache(maxsize=8192)(self._recognise_uncached)

    @staticmethod
    def _anchors(entry: Entry) -> Iterator[tuple[_Anchor, str]]:
        """Each anchor of ``entry`` and the first name of the spelling it comes from."""
        person = entry.kind == "person" and bool(entry.short)
        if not person and entry.kind != "place":
            return
        for name, context, _ in entry.source_forms():
            words = split_context(name)[1].split()
            if context or not words:
                continue
            if person and _usable(words[-1]):
                yield (
                    _Anchor(variant_key(words[-1]), entry, True),
                    words[0] if len(words) > 1 else "",
                )
            elif not person and len(words) == 1 and _usable(words[0]):
                yield _Anchor(variant_key(words[0]), entry, False), ""

    def _judge_uncached(self, word: str) -> _Verdict | None:
        """The one entity ``word`` (without ending) is a spelling of, if any."""
        key = variant_key(word)
        found: dict[Entry, _Verdict] = {}
        for entry, short in self.exact.get(key, ()):
            found[entry] = _Verdict(entry, short, True)
        if len(key) >= _STRONG_KEY - 2:
            for length in range(len(key) - 2, len(key) + 3):
                for anchor in self.near.get((key[0], length), ()):
                    known = found.get(anchor.entry)
                    if known is not None and known.strong:
                        continue
                    strong = _closeness(key, anchor.key, anchor.entry.kind == "place")
                    if strong is not None and (known is None or strong):
                        found[anchor.entry] = _Verdict(anchor.entry, anchor.short, strong)
        if len(found) != 1:  # none, or close to two entities: no match
            return None
        return next(iter(found.values()))

    def is_first_name(self, word: str, entry: Entry) -> bool:
        key = variant_key(word)
        for known in self.first_names.get(entry, ()):
            allowed = max(len(key), len(known)) // 6
            if key == known or (
                allowed and key[0] == known[0] and edit_distance(key, known) <= allowed
            ):
                return True
        return False

    def _recognise_uncached(self, text: str) -> Recognised:
        """Every glossary occurrence in ``text`` (see :func:`recognise`)."""
        norm, starts = nfc_map(text)
        listed = self.matcher.find_nfc(norm)
        hits: list[Hit] = []
        candidates: list[Candidate] = []
        k = 0  # the first listed occurrence that does not end before the current word
        last: list[_Token] = []  # the two capitalised words before the current one
        used = 0  # the end of the last recognised spelling or candidate: never shared
        for m in _WORD.finditer(norm):
            start, end = m.span()
            # Names are capitalised.  Only capitalised words are kept as the words before a
            # name: a lower-case word between two is no space between them (_adjacent).
            if not norm[start].isupper():
                continue
            while k < len(listed) and listed[k].end <= start:
                hits.append(listed[k])
                k += 1
            token = _Token(start, end, m.group(), k < len(listed) and listed[k].start < end)
            previous, last = last, [*last[-1:], token]
            # A word glued to a digit ("2Selensky", "Selensky2") is none.
            if not _ends(norm, end):
                continue
            if start and is_word_char(norm[start - 1]):
                continue
            if token.listed:
                if listed[k].start == start and listed[k].spelling.short:
                    before = _name_before(norm, previous, token, used)
                    if before is not None:
                        listed[k] = self._with_first_name(listed[k], before)
                continue
            found = self._word(norm, token)
            if found is None:
                continue
            before = _name_before(norm, previous, token, used)
            verdict, form, base, stop = found
            spelling, short, strong = base, verdict.short, verdict.strong
            if before is not None:
                first, words = before
                if self.is_first_name(first.text, verdict.entry):
                    spelling, short, strong = f"{words} {base}", False, True
                    start = first.start
                elif _name_like(first.text):  # another person of that name?
                    spelling, short, strong = f"{words} {base}", False, False
                    start = first.start
            used = stop
            if strong:
                spelled = Spelling(spelling, verdict.entry, (), True, short, True)
                hits.append(Hit(spelled, form, start, stop))
            elif verdict.entry.kind == "person":  # a place one edit away is noise (Muskau)
                a, b = starts[start], starts[stop]
                rendering = verdict.entry.short if short else verdict.entry.target
                candidates.append(Candidate(text[a:b], verdict.entry, rendering, a, b))
        hits.extend(listed[k:])
        return Recognised(tuple(to_matches(text, starts, hits)), tuple(candidates))

    def _with_first_name(self, hit: Hit, before: tuple[_Token, str]) -> Hit:
        """A listed surname after an unlisted first name of its entity: the whole name."""
        spelling = hit.spelling
        entry = spelling.entry
        first, words = before
        if (
            not spelling.short
            or entry.kind != "person"
            or hit.form == "closed-compound"
            or not self.is_first_name(first.text, entry)
        ):
            return hit
        name = f"{words} {spelling.name}"
        return Hit(Spelling(name, entry, (), True, False, True), hit.form, first.start, hit.end)

    def _word(self, norm: str, token: _Token) -> tuple[_Verdict, Form, str, int] | None:
        """The entity, form, spelling (without ending) and span end of a word, if any."""
        word, end = token.text, token.end
        options: list[tuple[str, Form, int]] = []
        if end < len(norm) and norm[end] in _APOSTROPHES:
            after = norm[end + 1 : end + 2]
            if after == "s" and _ends(norm, end + 2):
                options.append((word, "genitive", end + 2))
            elif word[-1] in "sxzß" and _ends(norm, end + 1):
                options.append((word, "genitive", end + 1))
        options.append((word, "base", end))
        if word.endswith("s"):
            options.append((word[:-1], "genitive", end))
        if word.endswith("er"):
            options.append((word[:-2], "adjective", end))
        if "-" in word:
            head = word[: word.index("-")]
            options.append((head, "compound", token.start + len(head)))
        for base, form, stop in options:
            if len(base) < _MIN_LETTERS or base.isupper():
                continue
            if not all(part[:1].isupper() for part in base.split("-")):  # "Saudi-arabischen"
                continue
            verdict = self._judge(base)
            if verdict is None:
                continue
            entry = verdict.entry
            if form == "adjective" and not (
                (entry.kind == "place" or entry.adjective) and _before_noun(norm, stop)
            ):
                continue
            whole = word if form != "compound" else base
            reformed = base.replace("ß", "ss") in self.listed.get(entry, ())  # Rußland
            if not reformed and (is_german_word(base) or (whole != base and is_german_word(whole))):
                return None
            return verdict, form, base, stop
        return None


def _closeness(key: str, anchor: str, place: bool) -> bool | None:
    """Whether ``key`` is near ``anchor`` (same first letter): None not, True strongly
    (long keys), False weakly.  Ends must agree (``-a`` is a feminine form, ``-e`` another
    place), except a place's final vowel (``Saporischschja``, ``Saporischschje``)."""
    if key == anchor:
        return True
    allowed = max(len(key), len(anchor)) // 6
    a, b = key, anchor
    if place and a[-1] in _VOWELS and b[-1] in _VOWELS:
        a, b = a[:-1], b[:-1]
    if not allowed or a[-2:] != b[-2:] or edit_distance(key, anchor) > allowed:
        return None
    return max(len(key), len(anchor)) >= _STRONG_KEY


def _before_noun(norm: str, i: int) -> bool:
    """Whether a capitalised word follows ``i`` after one space: a place adjective stands
    before its noun (``Kyjiwer Behörden``); a surname in -er does not (``Kieffer sagte``)."""
    return norm[i : i + 1] == " " and norm[i + 1 : i + 2].isupper()


def _ends(norm: str, i: int) -> bool:
    """Whether a word ends at ``i``."""
    return i >= len(norm) or not is_word_char(norm[i])


def _name_before(
    norm: str, last: list[_Token], token: _Token, used: int
) -> tuple[_Token, str] | None:
    """The word that may be the first name of a surname ``token``, and the words from it up
    to the surname (a patronymic included): capitalised, right before it, no glossary
    occurrence, no compound, not part of an earlier spelling."""

    def usable(word: _Token, right: _Token) -> bool:
        return (
            word.end > used
            and not word.listed
            and "-" not in word.text
            and word.text[0].isupper()
            and _adjacent(norm, word, right)
        )

    if not last or not usable(last[-1], token):
        return None
    prev = last[-1]
    if _PATRONYMIC.search(prev.text) and len(last) == 2 and usable(last[0], prev):
        return last[0], f"{last[0].text} {prev.text}"
    return prev, prev.text


def _adjacent(norm: str, before: _Token, token: _Token) -> bool:
    """Whether only spaces (at least one, no line break) lie between two words."""
    gap = norm[before.end : token.start]
    return bool(gap) and gap.isspace() and "\n" not in gap and len(gap) <= 3


def _name_like(word: str) -> bool:
    """A capitalised word that is no German word: a first name, as far as can be told."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and not word.isupper()
        and word.lower() not in _FUNCTION_WORDS
        and not is_german_word(word)
    )


@lru_cache(maxsize=16)
def recogniser(glossary: Glossary) -> Recogniser:
    """The compiled recogniser of ``glossary``, cached (glossaries are immutable)."""
    return Recogniser(glossary)


def recognise(text: str, glossary: Glossary) -> Recognised:
    """Every glossary occurrence in ``text``: the listed spellings, and unless the glossary
    is strict the unlisted ones recognised, with the candidates left as they are."""
    if glossary.strict or glossary.pair[0] != "de":
        # The recognition rules know German spellings of Slavic names; in the other
        # languages the glossary's spellings and their inflected forms are matched.
        return Recognised(tuple(matcher(glossary).find(text)), ())
    return recogniser(glossary).recognise(text)


def find_terms(text: str, glossary: Glossary) -> list[Match]:
    """:func:`.matching.find_matches` plus the unlisted spellings :func:`recognise` finds."""
    return list(recognise(text, glossary).matches)
