"""Finding glossary occurrences in German text, with character spans and inflected forms.

Rules: at each word start the longest spelling wins (``Wladimir Selenskij`` before
``Wladimir Putin`` is never a question of order, ``Dmitri Peskow`` before ``Peskow``); a
spelling matches only as a whole word, optionally followed by a genitive ending (``s``,
``'s``; ``'`` after s/x/z), a place adjective ending ``er`` (places only), a hyphen that
starts a compound (``Kreml-Sprecher``), or -- for entries that allow it -- the lower-case
rest of a closed compound (``Kremlchef``).  ``Kiewitz``, ``Peskowitz`` and ``Moskauerin``
do not match: a demonym noun is not the place.  Matching is case-sensitive (names are
capitalised; ``Blick`` the paper is not ``blick``) and works on NFC, whatever the input's
normalisation; spans always index the caller's string.

Other source languages (a glossary projected with :meth:`.Glossary.for_pair`): the German
endings above apply to German only.  In Russian, Ukrainian and Polish the inflected forms
of every listed spelling in the language's script match too (:mod:`.inflect`: Зеленского,
Києві, Zełenskiemu), and stand for the entity's base form: the genitive ``Зеленского``
renders ``Zelensky``, not ``Zelensky's`` -- a Slavic genitive follows prepositions,
numerals and negation as often as it marks a possessor, and the engine writes the "of".
A spelling that is also a common word of its language (``Суми``, "sums"; ``Sumy``) is
listed with a context (``(в|у|до) Суми``); outside German, where nouns are written in
lower case, the context is needed only where a capital tells nothing -- at the start of
a sentence, or after another capitalised word -- and mid-sentence (after a lower-case
word, a digit or a comma) the capital is enough. A generated form that is also a woman's
surname (``Ушакова`` of ``Ушаков``) is not taken for the man beside another capitalised
word (``заявила Анна Ушакова``, ``Ушакова Мария Ивановна``). At equal length a listed
spelling wins over another entry's generated form. Russian ``ё`` and ``е`` are the same
letter for matching (the press mostly drops the dots). A hyphen after a name still
starts a compound, an apostrophe-s is still a genitive. Word boundaries make no ASCII
assumption: any letter, digit or combining mark of any script continues a word, except
that a script written without spaces (Han, kana, Thai...) never joins a letter of
another script, so ``Kyiv`` in ``在Kyiv访问`` is a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .inflect import INFLECTED, declines, feminine_forms, inflections
from .model import Entry, Glossary, split_context

Form = Literal["base", "genitive", "adjective", "compound", "closed-compound"]
_APOSTROPHES = "'’"
_CLOSED_TAIL_MIN = 3  # "Kremlin" = "Kreml" + "in" must never read as a closed compound


@dataclass(frozen=True)
class Spelling:
    """One matchable spelling of an entry."""

    name: str
    entry: Entry
    context: tuple[str, ...]
    wrong: bool  # a German or forbidden spelling that must not survive in English
    short: bool  # a surname-only mention, rendered with the entry's short form
    unlisted: bool = False  # a spelling the glossary does not list, recognised (variants.py)
    surface: str = ""  # the form matched when it is not the name itself: an inflected one
    feminine: bool = False  # the surface is also a woman's surname (Ушакова of Ушаков)

    @property
    def matched(self) -> str:
        return self.surface or self.name


@dataclass(frozen=True)
class Match:
    """One occurrence: ``text[start:end]`` is the name plus its ending (``Putins``).

    For ``compound`` the span stops before the hyphen; for ``closed-compound`` it covers
    the head only (``Kreml`` of ``Kremlchef``) and the rest of the word follows it.
    """

    entry: Entry
    start: int
    end: int
    text: str
    form: Form
    spelling: Spelling

    @property
    def rendering(self) -> str:
        return render(self.entry, self.form, self.spelling.short)


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def render(entry: Entry, form: Form, short: bool = False) -> str:
    """The English text that stands for an occurrence of ``entry`` in ``form``."""
    base = entry.short if short and entry.short else entry.target
    if form == "genitive":
        return possessive(base)
    if form == "adjective":
        return entry.adjective or base
    return base


def is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


_SPACELESS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TANGUT")


@lru_cache(maxsize=4096)
def spaceless(char: str) -> bool:
    """A letter of a script written without spaces between words."""
    if char.isascii():
        return False
    name = unicodedata.name(char, "")
    return name.startswith(_SPACELESS) or "IDEOGRAPH" in name


def joined(a: str, b: str) -> bool:
    """Whether ``a`` then ``b`` are inside one word (see the module docstring)."""
    return is_word_char(a) and is_word_char(b) and not spaceless(a) and not spaceless(b)


@dataclass(frozen=True)
class Hit:
    """An occurrence found in NFC text: ``norm[start:end]``."""

    spelling: Spelling
    form: Form
    start: int
    end: int


def to_matches(text: str, starts: list[int], hits: list[Hit]) -> list[Match]:
    """``hits`` in the NFC form of ``text`` as matches in ``text`` (``starts``: see nfc_map)."""
    found: list[Match] = []
    for hit in hits:
        a, b = starts[hit.start], starts[hit.end]
        found.append(Match(hit.spelling.entry, a, b, text[a:b], hit.form, hit.spelling))
    return found


# Invisible inside a name: a soft hyphen (Selen\u00adskyj, from hyphenated web text) and the
# stress accent of Russian and Ukrainian teaching texts (Зеле\u0301нский), left over after
# NFC where no precomposed letter exists.  Matching reads the name without them.
_INVISIBLE = "\u00ad\u0301"


def nfc_map(text: str) -> tuple[str, list[int]]:
    """NFC of ``text`` without its soft hyphens and uncomposed stress accents, and for each
    index of it (and the end), the index in ``text``."""
    if unicodedata.is_normalized("NFC", text) and not any(c in text for c in _INVISIBLE):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(text):
        # A base character with its combining marks composes independently of the rest.
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j])
        if any(c in chunk for c in _INVISIBLE):
            chunk = "".join(c for c in chunk if c not in _INVISIBLE)
        out.append(chunk)
        starts.extend([i] * len(chunk))
        i = j
    starts.append(len(text))
    return "".join(out), starts


class Matcher:
    """The compiled spellings of a glossary, bucketed by first character."""

    def __init__(self, glossary: Glossary) -> None:
        buckets: dict[str, list[Spelling]] = defaultdict(list)
        self.lang = glossary.pair[0]
        self.german = self.lang == "de"
        self.fold = str.maketrans("ёЁ", "еЕ") if self.lang == "ru" else None
        for entry in glossary.entries:
            words = len(entry.target.split())
            for name, context, wrong in entry.source_forms():
                short = bool(entry.short) and len(name.split()) < words
                spelling = Spelling(name, entry, context, wrong, short)
                surfaces = [name]
                feminine: frozenset[str] = frozenset()
                if self.lang in INFLECTED and declines(self.lang, name):
                    surfaces += inflections(self.lang, name)
                    feminine = feminine_forms(self.lang, name)
                if not self.german:  # datelines and headlines: МОСКВА, ЗЕЛЕНСКОГО
                    surfaces += [c for f in surfaces if (c := _capitals(f)) is not None]
                for surface in surfaces:
                    woman = surface in feminine
                    if self.fold is not None:
                        surface = surface.translate(self.fold)
                    key = Spelling(
                        name, entry, context, wrong, short, surface=surface, feminine=woman
                    )
                    buckets[surface[0]].append(spelling if surface == name else key)
        # Longest first; at equal length a listed spelling before a generated form, so that
        # the person's own ``Ушакова`` (Anna Ushakova) wins over the genitive of ``Ушаков``.
        self.buckets = {
            k: sorted(v, key=lambda s: (-len(s.matched), bool(s.surface)))
            for k, v in buckets.items()
        }
        # German text is scanned at every capital letter a spelling starts with ("S" starts
        # dozens): the first two letters narrow them down in one look-up, in the same order
        # (a spelling of one letter stays last, as the shortest).
        self.by_two: dict[str, list[Spelling]] = defaultdict(list)
        self.singles: dict[str, list[Spelling]] = {}
        for first, bucket in self.buckets.items():
            for spelling in bucket:
                two = spelling.matched[:2]
                if len(two) == 2:
                    self.by_two[two].append(spelling)
            singles = [s for s in bucket if len(s.matched) < 2]
            if singles:
                for two, found in list(self.by_two.items()):
                    if two[0] == first:
                        found.extend(singles)
                self.singles[first] = singles
        # A class that matches nothing when there are no spellings.  In German a spelling
        # starts a word: a letter right after a letter or digit (``\w`` less ``_`` is
        # ``str.isalnum``) is passed over in C, not tested in Python ("e" starts a spelling).
        letters = "".join(re.escape(k) for k in sorted(self.buckets))
        after = r"(?<![^\W_])" if self.german else ""
        self.first_letters = re.compile(f"{after}[{letters}]" if letters else "(?!)")
        # Outside German a language's inflected forms make thousands of spellings: they are
        # found by the word at the position (a dictionary lookup), not by a first-letter scan.
        self.by_word: dict[str, list[Spelling]] = defaultdict(list)
        if not self.german:
            for bucket in self.buckets.values():
                for spelling in bucket:
                    self.by_word[_first_word(spelling.matched)].append(spelling)

    def _ending(self, text: str, end: int, spelling: Spelling) -> tuple[Form, int] | None:
        """The form and span end of ``spelling`` ending at ``end``, or None if no word ends."""
        if not self.german:
            return _other_ending(text, end)
        n = len(text)

        def boundary(k: int) -> bool:
            return k >= n or not is_word_char(text[k])

        if boundary(end):
            if end + 1 < n and text[end] == "-" and is_word_char(text[end + 1]):
                return "compound", end
            if end < n and text[end] in _APOSTROPHES:
                if text[end + 1 : end + 2] == "s" and boundary(end + 2):
                    return "genitive", end + 2
                if spelling.name[-1] in "sxzß" and boundary(end + 1):
                    return "genitive", end + 1
            return "base", end
        if text[end] == "s" and boundary(end + 1):
            return "genitive", end + 1
        adjectival = spelling.entry.kind == "place" or spelling.entry.adjective
        if adjectival and text.startswith("er", end) and boundary(end + 2):
            return "adjective", end + 2
        if spelling.entry.closed_compounds:
            k = end
            while k < n and is_word_char(text[k]):
                k += 1
            tail = text[end:k]
            if len(tail) >= _CLOSED_TAIL_MIN and tail.islower():
                return "closed-compound", end
        return None

    def find(self, text: str) -> list[Match]:
        norm, starts = nfc_map(text)
        return to_matches(text, starts, self.find_nfc(norm))

    def find_nfc(self, norm: str) -> list[Hit]:
        """The occurrences in ``norm`` (NFC text), with spans in ``norm``."""
        found: list[Hit] = []
        if self.fold is not None:
            norm = norm.translate(self.fold)  # one letter for one: the spans stay
        after = 0  # the end of the last occurrence: the next starts there or later
        # Only a spelling's first letter can start one: the regular expression finds those
        # letters (a scan in C), and the word-boundary tests run on them alone.
        for letter in self.first_letters.finditer(norm):
            i = letter.start()
            if i < after:
                continue
            if i > 0 and (
                is_word_char(norm[i - 1]) if self.german else joined(norm[i - 1], norm[i])
            ):
                continue
            if not self.german and not self._candidates(norm, i):
                continue
            hit = self._at(norm, i)
            if hit is None:
                continue
            spelling, form, end = hit
            found.append(Hit(spelling, form, i, end))
            after = max(end, i + 1)
        return found

    def _candidates(self, norm: str, i: int) -> list[Spelling]:
        """The spellings that may start at ``i``, longest first."""
        if self.german:
            found = self.by_two.get(norm[i : i + 2])
            return found if found is not None else self.singles.get(norm[i], [])
        return self.by_word.get(_first_word(norm, i), [])

    def _at(self, norm: str, i: int) -> tuple[Spelling, Form, int] | None:
        for spelling in self._candidates(norm, i):
            if not norm.startswith(spelling.matched, i):
                continue
            if (
                spelling.context
                and not _after_context(norm, i, spelling.context)
                and (self.german or not _mid_sentence(norm, i))
            ):
                continue
            if spelling.feminine and _beside_a_name(norm, i, i + len(spelling.matched)):
                continue  # Ушакова Мария Ивановна, Анна Ушакова: a woman, not Ushakov
            ending = self._ending(norm, i + len(spelling.matched), spelling)
            if ending is not None:
                return spelling, ending[0], ending[1]
        return None


def _capitals(form: str) -> str | None:
    """``form`` in capitals (``МОСКВА``), when that is another spelling: a name of three or
    more letters with a lower-case letter (``США`` already is one)."""
    upper = form.upper()
    if upper == form or sum(c.isalpha() for c in form) < 3 or len(upper) != len(form):
        return None
    return upper


def _first_word(text: str, i: int = 0) -> str:
    """The word that starts at ``i``: one letter of a script without spaces, else the run
    of letters that :func:`joined` holds together."""
    k = i + 1
    if not spaceless(text[i]):
        while k < len(text) and joined(text[k - 1], text[k]):
            k += 1
    return text[i:k]


def _other_ending(text: str, end: int) -> tuple[Form, int] | None:
    """Outside German: a whole word (inflected forms are spellings of their own), a
    hyphenated compound, or an apostrophe-s genitive."""
    n = len(text)
    if end < n and end > 0 and joined(text[end - 1], text[end]):
        return None
    if end + 1 < n and text[end] == "-" and is_word_char(text[end + 1]):
        return "compound", end
    genitive = end + 1 < n and text[end] in _APOSTROPHES and text[end + 1] == "s"
    if genitive and (end + 2 >= n or not is_word_char(text[end + 2])):
        return "genitive", end + 2
    return "base", end


def _mid_sentence(text: str, i: int) -> bool:
    """Whether a lower-case word, a digit or a comma comes before ``i`` (spaces between):
    where a language that writes its nouns in lower case shows a name by its capital."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == i or j == 0:
        return False
    before = text[j - 1]
    return before.islower() or before.isdigit() or before == ","


def _beside_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands right after ``end``, or right before ``start`` in
    mid-sentence (a sentence's first word is capitalised anyway: ``Помощника Ушакова``),
    with only spaces between: a first name or patronymic that is not the entry's own (its
    own full name is a longer spelling and matched first)."""
    j = start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j < start and j > 0 and is_word_char(text[j - 1]):
        k = j
        while k > 0 and is_word_char(text[k - 1]):
            k -= 1
        if text[k].isupper() and _mid_sentence(text, k):  # not a sentence's first word
            return True
    k = end
    while k < len(text) and text[k] == " ":
        k += 1
    return k > end and k < len(text) and text[k].isupper()


def _after_context(text: str, i: int, context: tuple[str, ...]) -> bool:
    """Whether one of the ``context`` words, then whitespace, comes right before ``i``.

    Only the whitespace before ``i`` is walked (never a copy of ``text[:i]``, which made
    matching quadratic in a long sentence).
    """
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == i:
        return False
    for word in context:
        if text.endswith(word, 0, j) and (
            j == len(word) or not is_word_char(text[j - len(word) - 1])
        ):
            return True
    return False


@lru_cache(maxsize=16)
def matcher(glossary: Glossary) -> Matcher:
    """The compiled matcher of ``glossary``, cached (glossaries are immutable)."""
    return Matcher(glossary)


def _listed_in(entry: Entry, lang: str) -> set[str]:
    """The spellings matched for ``entry`` in a ``lang`` text as listed (not generated)."""
    names = {split_context(s)[1] for s in entry.spellings_in(lang)}
    return names | {n for n in (entry.target, entry.short) if n}


def inflection_clashes(glossary: Glossary, target: str) -> tuple[str, ...]:
    """Notes on the spellings of the entry ``target`` that are also a generated inflected
    form of another entry of ``glossary``, and on its generated forms that another entry
    lists (``Ушакова``: Anna Ushakova's listed name, and the genitive of Ушаков).  The
    listed spelling wins in matching (see :class:`Matcher`); the note says which entry the
    form is then read as."""
    entry = glossary.get(target)
    if entry is None:
        return ()
    notes: list[str] = []

    def clash(listed: Entry, generated: Entry, lang: str) -> None:
        mine = _listed_in(listed, lang)
        for name in sorted(_listed_in(generated, lang)):
            if not declines(lang, name):
                continue
            for form in sorted(mine.intersection(inflections(lang, name))):
                notes.append(
                    f"{lang} {form!r} is also a form of {name!r} ({generated.target!r}); "
                    f"the listed spelling wins: {form!r} is read as {listed.target!r}"
                )

    for lang in INFLECTED:
        for other in glossary.entries:
            if other.target != target:
                clash(entry, other, lang)
                clash(other, entry, lang)
    return tuple(dict.fromkeys(notes))


def find_matches(text: str, glossary: Glossary) -> list[Match]:
    """Every glossary occurrence in ``text``, left to right, non-overlapping."""
    return matcher(glossary).find(text)
