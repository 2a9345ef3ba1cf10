"""Glossary enforcement around any engine: ``protect`` before, ``restore`` after.

Two techniques, both engine-agnostic:

``placeholder`` (the default) replaces each occurrence by a token such as ``Zqa`` that an
engine copies as an unknown proper noun (letters only: the lexicon engine splits digits off
``XGLOSSX1``, giving ``XGLOSSX 1``).  ``substitute`` writes the English rendering into the
German text instead (NMT copies names well).  Either way ``restore`` then

1. mends the placeholders a neural model mangled (:func:`mend_tokens`: case, splits,
   look-alike letters of other scripts, merged neighbours, glued endings, stray prefixes)
   and finds every occurrence in the output;
2. writes the rendering (``Zelensky``, ``Zelensky's`` for a genitive, ``Kyiv`` for
   ``Kiewer``) in its place; a mangled token counts as *repaired*;
3. inserts an occurrence the engine dropped next to its neighbour term, or in proportion
   to its place in the source (*repaired*), or reports it as *failed* when there is no
   output at all;
4. replaces every German or forbidden spelling left anywhere (``Kiev``, ``Peskow``).

The measured comparison on the seeds is in ``dolmetsch.glossary.__init__``'s docstring.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import json
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from dolmetsch.engine import Scored

from .matching import Form, Match, Matcher, find_matches, possessive, render
from .model import Entry, Glossary
from .pairs import output_forms
from .variants import RULES, Candidate, recognise, unlisted_note

Technique = Literal["placeholder", "substitute"]
Status = Literal["enforced", "repaired", "failed"]
TECHNIQUES: tuple[Technique, ...] = ("placeholder", "substitute")
# Prefixes no German or English word starts with; the first one absent from a sentence is
# used.  Should a sentence hold them all, others of rare letters follow, and should it hold
# every one of those too, the sentence is protected by substitution: a placeholder must be
# told apart from the words the engine copies.
_PREFIXES = ("Zq", "Xq", "Qx", "Zx", "Qz")
PLACEHOLDER_PREFIXES = (
    *_PREFIXES,
    *(a + b for a in "ZXQJVW" for b in "qxzjv" if a + b not in _PREFIXES),
)
_WHITESPACE = re.compile(r"\s")
_WORD_CHAR = re.compile(r"\w")
_END_PUNCTUATION = '.!?…:;"“”»«„ '  # what an inserted term may go before at the end


def _letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa (bijective base 26: letters only, never a digit)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


@dataclass(frozen=True)
class Protection:
    """One protected occurrence: the source match, what the engine sees, what it becomes."""

    match: Match
    key: str
    rendering: str


@dataclass(frozen=True)
class Protected:
    """A sentence prepared for the engine.

    ``text`` goes to the engine.  ``pieces`` are the source text between the occurrences
    (``len(terms) + 1`` of them, a closed compound's tail already rewritten as ``-Chef``), so
    ``restore(p, p.text).text`` equals them joined with the renderings.  ``candidates``
    look like unlisted spellings of an entry on weak evidence: left to the engine, reported.
    """

    source: str
    text: str
    terms: tuple[Protection, ...]
    pieces: tuple[str, ...]
    technique: Technique
    glossary: Glossary
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class AppliedTerm:
    """One glossary occurrence as it ended up in the output (for the PO entry's comment).

    ``unlisted`` is ``"Selenskyi -> Zelensky"`` for a spelling the glossary does not list
    (recognised by :mod:`.variants`): the spelling to add to the glossary, and its form.
    """

    target: str
    kind: str
    source: str
    rendering: str
    form: Form
    status: Status
    unlisted: str = ""


@dataclass(frozen=True)
class Counts:
    found: int = 0
    enforced: int = 0
    repaired: int = 0
    failed: int = 0
    replaced: int = 0  # German or forbidden spellings replaced outside the occurrences
    unlisted: int = 0  # occurrences (among found) of spellings the glossary does not list
    candidates: int = 0  # spellings like an entry's on weak evidence, left to the engine
    # terms a person's translation spells otherwise: flagged in the PO, never rewritten, and
    # not the engine's failures (not among found)
    human: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.found + other.found,
            self.enforced + other.enforced,
            self.repaired + other.repaired,
            self.failed + other.failed,
            self.replaced + other.replaced,
            self.unlisted + other.unlisted,
            self.candidates + other.candidates,
            self.human + other.human,
        )


@dataclass(frozen=True)
class Restored:
    """The enforced English sentence, the occurrences applied, and what was repaired."""

    text: str
    terms: tuple[AppliedTerm, ...]
    replaced: tuple[tuple[str, str], ...]  # (wrong spelling, its replacement)
    candidates: tuple[str, ...] = ()  # "Nikolai Peskoff -> Dmitry Peskov": not applied
    confidence: float | None = None  # the engine's in the sentence, when it gave one

    @property
    def counts(self) -> Counts:
        status = Counter(t.status for t in self.terms)
        return Counts(
            len(self.terms),
            status["enforced"],
            status["repaired"],
            status["failed"],
            len(self.replaced),
            len(self.unlisted),
            len(self.candidates),
        )

    @property
    def applied(self) -> list[str]:
        """``"Selenskyjs -> Zelensky's"`` lines, one per occurrence."""
        return [f"{t.source} -> {t.rendering}" for t in self.terms]

    @property
    def unlisted(self) -> list[str]:
        """``"Selenskyi -> Zelensky"`` for each occurrence of a spelling the glossary lacks."""
        return [t.unlisted for t in self.terms if t.unlisted]


def _prefix(sentence: str) -> str | None:
    """The first of :data:`PLACEHOLDER_PREFIXES` absent from ``sentence`` in any case and
    in any look-alike letters (``Зqа`` reads as ``Zqa``), or None."""
    lowered = sentence.translate(_LOOKALIKES).lower()
    for prefix in PLACEHOLDER_PREFIXES:
        if prefix.lower() not in lowered:
            return prefix
    return None


def protect(sentence: str, glossary: Glossary, technique: Technique = "placeholder") -> Protected:
    """Mark every glossary occurrence of ``sentence`` for the engine: its listed spellings
    and, unless the glossary is strict, the unlisted ones :mod:`.variants` recognises.

    A sentence that holds every placeholder prefix (:data:`PLACEHOLDER_PREFIXES`) is
    protected by substitution whatever ``technique`` says: see ``Protected.technique``."""
    found = recognise(sentence, glossary)
    matches = found.matches
    chosen = _prefix(sentence) if technique == "placeholder" else ""
    if chosen is None:
        technique = "substitute"
    prefix = chosen or ""
    terms: list[Protection] = []
    pieces: list[str] = []
    engine_text: list[str] = []
    pos = 0
    carry = ""
    for i, match in enumerate(matches):
        pieces.append(carry + sentence[pos : match.start])
        engine_text.append(carry + sentence[pos : match.start])
        rendering = match.rendering
        key = prefix + _letters(i) if technique == "placeholder" else rendering
        terms.append(Protection(match, key, rendering))
        engine_text.append(key)
        pos = match.end
        carry = ""
        if match.form == "closed-compound":
            # "Kremlchef" -> "<Kremlin>-Chef": the engine translates "Chef" as a word of its own.
            carry = "-" + sentence[pos : pos + 1].upper()
            pos += 1
    pieces.append(carry + sentence[pos:])
    engine_text.append(carry + sentence[pos:])
    return Protected(
        sentence,
        "".join(engine_text),
        tuple(terms),
        tuple(pieces),
        technique,
        glossary,
        found.candidates,
    )


def _key_pattern(term: Protection, technique: Technique) -> re.Pattern[str]:
    if technique == "placeholder":
        prefix, letters = term.key[:2], term.key[2:]
        body = rf"{re.escape(prefix)}\s?{re.escape(letters)}"
    else:
        words = [re.escape(w) for w in re.split(r"[\s-]+", term.rendering) if w]
        body = r"[\s-]?".join(words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@functools.cache
def _fold(char: str) -> str:
    """The ASCII letter ``char`` matches under ``re.IGNORECASE`` (Kelvin ``K`` is ``k``)."""
    return next(c for c in string.ascii_lowercase if re.fullmatch(c, char, re.IGNORECASE))


Span = tuple[int, int]


def _occurrences(
    terms: Sequence[Protection], technique: Technique, output: str
) -> tuple[list[list[Span]], list[int]]:
    """What ``_key_pattern(term, technique).finditer(output)`` yields for every term.

    Returned as lists of spans and, per term, the index of its list: terms with the same
    pattern (one rendering, in ``substitute``) share a list.  One scan of ``output`` for all
    placeholders, as a scan per term is quadratic in a long sentence.
    """
    if technique == "substitute":
        by_rendering: dict[str, int] = {}
        groups: list[list[Span]] = []
        for term in terms:
            if term.rendering not in by_rendering:
                by_rendering[term.rendering] = len(groups)
                pattern = _key_pattern(term, technique)
                groups.append([m.span() for m in pattern.finditer(output)])
        return groups, [by_rendering[t.rendering] for t in terms]
    groups = [[] for _ in terms]
    if not terms:
        return groups, []
    index = {t.key[2:]: i for i, t in enumerate(terms)}
    # Every key is the sentence's prefix and lower-case letters: one pattern finds them all.
    # The lookahead reports a match at every start, as each key's own pattern would.
    candidate = re.compile(
        rf"(?<!\w)(?=({re.escape(terms[0].key[:2])}\s?([a-z]+))(?!\w))", re.IGNORECASE
    )
    for m in candidate.finditer(output):
        letters = m.group(2)
        key = letters.lower() if letters.isascii() else "".join(map(_fold, letters))
        i = index.get(key)
        if i is None:
            continue
        spans = groups[i]
        start, end = m.span(1)
        if not spans or start >= spans[-1][1]:  # finditer goes on after its last match
            spans.append((start, end))
    return groups, list(range(len(terms)))


# Letters of other scripts that a model writes for the Latin ones of a placeholder
# (``Ζqа``: Greek Zeta, Cyrillic a; ``Зqа``: Cyrillic Ze), and full-width forms: each one
# character for one, so that a folded text has the offsets of the original.
_LOOKALIKES = str.maketrans(
    {
        **dict(zip("АВЕЅІЈКМНОРСТХУԚԜЬ", "ABESIJKMHOPCTXYQWb", strict=True)),  # Cyrillic
        **dict(zip("аеѕіјкмнорстхуԛԝьһԁӏпгв", "aesijkmhopctxyqwbhdlnrb", strict=True)),
        # and letters a model trained on Cyrillic writes for a Latin one by its sound: Зqа
        **dict(zip("ЗзДдЛлФфИиБбГ", "ZzDdLlFfIiBbG", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹϺ", "ABEZHIKMNOPTYXCM", strict=True)),  # Greek
        **dict(zip("αβεζηικνορτυχϲϳγ", "abezniknoptuxcjy", strict=True)),
        **dict(zip("ᏃᎪᏴᎬᎻᏆᏦᎷᏒᏚᎢᏔᏙ", "ZABEHIKMRSTWV", strict=True)),  # Cherokee
        **dict(zip("ᴀʙᴄᴅᴇɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdeghijklmnoprstuvwyz", strict=True)),
        **{chr(0xFF21 + k): chr(0x41 + k) for k in range(26)},  # full-width A-Z
        **{chr(0xFF41 + k): chr(0x61 + k) for k in range(26)},  # full-width a-z
    }
)
_LOOKALIKE_CHARS = re.compile("[" + "".join(map(chr, _LOOKALIKES)) + "]")
# What a model may append to a name it takes for a word: an English possessive ``s`` (read
# as one), German case and plural endings (dropped).
_ENDINGS = ("es", "en", "er", "ns", "s", "n", "e")  # the longer first: "Zqbes" is b + "es"
_APOSTROPHE_S = re.compile(r"['’]s?(?!\w)")


@functools.lru_cache(maxsize=8)
def _mangled(prefix: str) -> re.Pattern[str]:
    """A placeholder of ``prefix`` as a model may write it (after folding look-alikes): any
    case, split by a space or hyphen after either prefix letter, merged with the next one
    (``ZqaZqb``, ``Zqab``), an ending glued on (``Zqas``), or the prefix alone."""
    first, second = (re.escape(c) for c in prefix)
    return re.compile(rf"(?<!\w){first}([\s-]?){second}([\s-]?)([a-z]*)(?!\w)", re.IGNORECASE)


def _ascii(letters: str) -> str:
    return letters.lower() if letters.isascii() else "".join(map(_fold, letters))


def _prefix_keys(letters: str, index: dict[str, int], longest: int) -> list[int]:
    """For each ``j``, the length of the last key of a reading of ``letters[:j]`` as
    consecutive keys (``ab``: a, b), the longest last key first; -1 if there is none.
    Linear in ``len(letters)``: at most ``longest`` tries per position."""
    back = [-1] * (len(letters) + 1)
    back[0] = 0
    for j in range(1, len(letters) + 1):
        for n in range(min(longest, j), 0, -1):
            if back[j - n] >= 0 and letters[j - n : j] in index:
                back[j] = n
                break
    return back


def _keys_of(letters: str, back: list[int], j: int, index: dict[str, int]) -> list[int]:
    keys: list[int] = []
    while j > 0:
        n = back[j]
        keys.append(index[letters[j - n : j]])
        j -= n
    return keys[::-1]


def _last_ending(tail: str, depth: int = 3) -> str | None:
    """The last of up to ``depth`` endings that make up ``tail`` (``eses``: "es"), or None."""
    for ending in _ENDINGS:
        if tail == ending:
            return ending
        if depth > 1 and tail.endswith(ending) and _last_ending(tail[: -len(ending)], depth - 1):
            return ending
    return None


def _resolve_part(
    part: str, index: dict[str, int], longest: int, last: bool
) -> tuple[list[int], str] | None:
    """One run of letters between prefixes: its keys, and (``last``) a glued ending.

    Ambiguity arises once the keys have several letters or reach the endings' letters
    (``Zqas`` with a 19th term ``s``): neighbours merged read first (a, b), then a key with
    an ending (a + "s"), then any reading as keys.
    """
    if part in index:
        return [index[part]], ""
    back = _prefix_keys(part, index, longest)
    whole = _keys_of(part, back, len(part), index) if back[len(part)] >= 0 else None
    if whole and all(b == a + 1 for a, b in itertools.pairwise(whole)):
        return whole, ""
    if last:
        for j in range(max(1, len(part) - 6), len(part)):
            ending = _last_ending(part[j:]) if back[j] >= 0 else None
            if ending is not None:
                return _keys_of(part, back, j, index), ending
    return (whole, "") if whole else None


def _resolve(
    letters: str, prefix: str, index: dict[str, int], longest: int
) -> tuple[list[int], str] | None:
    """The terms a mangled placeholder's letters stand for, and the ending glued to the
    last one; None when they are no keys of the sentence."""
    if letters in index:  # a key may contain the prefix's letters: "azq"
        return [index[letters]], ""
    parts = [p for p in letters.split(prefix.lower()) if p]  # "azqb": "ZqaZqb" merged
    found: list[int] = []
    ending = ""
    for n, part in enumerate(parts):
        resolved = _resolve_part(part, index, longest, n == len(parts) - 1)
        if resolved is None:
            return None
        found += resolved[0]
        ending = resolved[1]
    return (found, ending) if found else None


def _possessive_tail(rendering: str) -> str:
    """What makes ``rendering`` possessive (``'s``, ``'``), or nothing if it is."""
    if rendering.endswith(("'s", "'")):
        return ""
    return possessive(rendering)[len(rendering) :]


def mend_tokens(protected: Protected, output: str) -> tuple[str, frozenset[int]]:
    """``output`` with every placeholder a model mangled written as ``protect`` wrote it,
    and where the rewritten ones start (they count as *repaired*).

    ``ZQA``, ``Zq-a``, ``Z qa``, ``Ζqа`` become ``Zqa``; ``ZqaZqb`` and ``Zqab`` two
    placeholders, joined as in the German; ``Zqas`` the possessive ``Zqa's`` (``Zqa`` when
    the rendering is already possessive, as it is ``Zqa``'s ``'s``); ``Zqaen`` is ``Zqa``.
    A stray prefix (``Zq`` alone, or letters that are no key of the sentence) is dropped:
    the prefix is absent from the German, so it can only come from a placeholder.  One
    scan; what the pattern does not take stays as it was.
    """
    terms = protected.terms
    if protected.technique != "placeholder" or not terms:
        return output, frozenset()
    prefix = terms[0].key[:2]
    index = {t.key[2:]: i for i, t in enumerate(terms)}
    longest = max(map(len, index))
    # Most outputs have no look-alike at all: a search is much cheaper than a translation.
    folded = output.translate(_LOOKALIKES) if _LOOKALIKE_CHARS.search(output) else output
    pieces: list[str] = []
    mended: set[int] = set()
    length = 0  # of the pieces so far
    pos = 0
    for m in _mangled(prefix).finditer(folded):
        start, end = m.span()
        if start < pos:
            continue
        split_prefix, split_key, letters = m.group(1), m.group(2), m.group(3)
        i = index.get(letters, -1)
        copied = i >= 0 and not split_prefix and not split_key
        copied = (
            copied and output.startswith(prefix, start) and output.startswith(letters, start + 2)
        )
        # A copied placeholder: only a possessive after a possessive rendering is news.
        if copied and (
            _possessive_tail(terms[i].rendering)
            or not _APOSTROPHE_S.match(folded, end)
            or _APOSTROPHE_S.match(protected.pieces[i + 1])
        ):
            continue
        letters = _ascii(letters)
        found = _resolve(letters, prefix, index, longest) if letters else None
        if found is None:
            if split_prefix:
                continue  # "Z quietly": not a placeholder after all
            if split_key:  # "Zq the": a stray prefix before a word
                end = m.start(2)
            text = ""
            # Like a repeated placeholder, a stray one takes one space next to it along.
            if output[end : end + 1] == " ":
                end += 1
            elif start > pos and output[start - 1] == " ":
                start -= 1
        else:
            keys, ending = found
            last = terms[keys[-1]].rendering
            tail = _possessive_tail(last) if ending == "s" else ""
            possessive_after = _APOSTROPHE_S.match(folded, end)
            # "Zqa's" for "Putin's": one possessive, unless the German had the "'s" too.
            in_source = _APOSTROPHE_S.match(protected.pieces[keys[-1] + 1])
            if possessive_after and not _possessive_tail(last) and not in_source:
                end = possessive_after.end()
            joined = [terms[keys[0]].key]
            offsets = [0]
            size = len(joined[0])
            for a, b in itertools.pairwise(keys):
                between = protected.pieces[b] if b == a + 1 else ""
                joiner = between if between and not _WORD_CHAR.search(between) else " "
                offsets.append(size + len(joiner))
                joined += [joiner, terms[b].key]
                size += len(joiner) + len(terms[b].key)
            text = "".join(joined) + tail
            if text == output[start:end]:
                continue
            at = length + start - pos
            mended.update(at + k for k in offsets)
        pieces.append(output[pos:start])
        pieces.append(text)
        length += start - pos + len(text)
        pos = end
    if not pieces:
        return output, frozenset()
    pieces.append(output[pos:])
    return "".join(pieces), frozenset(mended)


def _named(output: str, glossary: Glossary, entries: set[Entry]) -> dict[Entry, list[Span]]:
    """Where the engine wrote one of ``entries`` itself, by start: a spelling the glossary
    matches (``Kiev``, ``Putin's``) or, unless it is strict, recognises (``Selenskyi``,
    ``Kyjiw``, also on weak evidence), or else an English rendering it does not match in
    English text (``Blick``, listed only after ``von``; ``Swiss``)."""
    found: dict[Entry, list[Span]] = {}
    recognised = recognise(output, glossary)
    matched = recognised.matches
    for named in matched:
        if named.entry in entries:
            found.setdefault(named.entry, []).append((named.start, named.end))
    # Weak evidence ("President Selenskyi": another first name?) is enough for a name the
    # engine wrote where the sentence's placeholder for it went missing: its last word.
    extra = False
    for weak in recognised.candidates:
        if weak.entry in entries:
            last = weak.text.rsplit(maxsplit=1)[-1]
            found.setdefault(weak.entry, []).append((weak.end - len(last), weak.end))
            extra = True
    # The other languages' spellings and their generated forms (Zelenskyy, Zelenskogo); one
    # that holds a spelling matched above is the longer name (Wladimir Wladimirowitsch Putin).
    spans = [(m.start, m.end) for m in matched]
    for entry, start, end, _ in _elsewhere_names(output, glossary, entries):
        k = max(0, bisect.bisect_left(spans, (start, -1)) - 1)
        inner: list[Span] = []
        while k < len(spans) and spans[k][0] < end:
            if spans[k][1] > start:
                inner.append(spans[k])
            k += 1
        if any(a < start or b > end for a, b in inner):
            continue  # overlaps a longer matched spelling
        for held in inner:
            for named_spans in found.values():
                if held in named_spans:
                    named_spans.remove(held)
        found.setdefault(entry, []).append((start, end))
        extra = True
    owner: dict[str, Entry] = {}
    for entry in entries:
        for rendering in entry.renderings:
            owner.setdefault(rendering, entry)
    forms = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
    k = 0
    for m in re.finditer(rf"(?<!\w)(?:{forms})(?!\w)", output):
        while k < len(matched) and matched[k].end <= m.start():
            k += 1
        if k < len(matched) and matched[k].start < m.end():
            continue  # inside a spelling the glossary matched: that one counts
        found.setdefault(owner[m.group()], []).append(m.span())
        extra = True
    if extra:
        found = {e: sorted(spans) for e, spans in found.items()}
    return found


class _Taken:
    """The characters of the output already claimed by an occurrence: a byte per character,
    so that checking a span costs its length, not the number of spans taken before."""

    def __init__(self, size: int) -> None:
        self.marks = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)


def restore(protected: Protected, output: str) -> Restored:
    """Put the canonical English forms into the engine's ``output`` and verify them.

    Linear in the length of the sentence (one scan per pattern, each character copied a
    bounded number of times), so a table flattened into one 100,000-word line restores
    in about the time its translation takes.
    """
    terms = protected.terms
    technique = protected.technique
    output, mended = mend_tokens(protected, output)
    groups, group_of = _occurrences(terms, technique, output)
    taken = _Taken(len(output))
    located: list[tuple[int, int, bool] | None] = []
    # Each term takes the first free occurrence of its pattern; those before the previous
    # term's of the same pattern were taken then and still are, so the search resumes there.
    resume = [0] * len(groups)
    for term, g in zip(terms, group_of, strict=True):
        hit = None
        spans = groups[g]
        k = resume[g]
        while k < len(spans):
            a, b = spans[k]
            k += 1
            if taken.free(a, b):
                hit = (a, b, output[a:b] == term.key and a not in mended)
                taken.take(a, b)
                break
        resume[g] = k
        located.append(hit)
    # A lost token whose entity the engine wrote itself ("Kiev", "Kyiv") is found by name.
    lost = {t.match.entry for t, h in zip(terms, located, strict=True) if h is None}
    lost_any = bool(lost)
    if lost_any:
        by_entry = _named(output, protected.glossary, lost)
        next_named: dict[Entry, int] = {}
        for i, term in enumerate(terms):
            if located[i] is not None:
                continue
            entry = term.match.entry
            names = by_entry.get(entry, [])
            k = next_named.get(entry, 0)
            while k < len(names):
                start, end = names[k]
                k += 1
                if taken.free(start, end):
                    located[i] = (start, end, False)
                    taken.take(start, end)
                    break
            next_named[entry] = k
    # Tokens the engine repeated are dropped: each occurrence must appear exactly once.
    extras: list[Span] = []
    if technique == "placeholder":
        for spans in groups:
            for a, b in spans:
                if taken.free(a, b):
                    extras.append((a, b))
                    taken.take(a, b)
    status: list[Status] = ["enforced" if h and h[2] else "repaired" for h in located]
    edits = [(h[0], h[1], terms[i].rendering, i) for i, h in enumerate(located) if h]
    edits += [(a, b, "", -1) for a, b in extras]
    out, placed = _apply_edits(output, edits)
    if any(h is None for h in located) and out.strip():
        out, placed = _insert_missing(protected, out, placed, status)
    else:
        status = [s if h else "failed" for s, h in zip(status, located, strict=True)]
    # Where a placeholder went missing the engine may have written the name its own way,
    # also in a spelling the glossary does not list: those are looked for too.
    out, replaced = _replace_wrong(out, protected.glossary, list(placed.values()), lost_any, lost)
    applied = tuple(
        AppliedTerm(
            t.match.entry.target,
            t.match.entry.kind,
            t.match.text,
            t.rendering,
            t.match.form,
            st,
            unlisted_note(t.match) if t.match.spelling.unlisted else "",
        )
        for t, st in zip(terms, status, strict=True)
    )
    candidates = tuple(c.note for c in protected.candidates)
    return Restored(out, applied, tuple(replaced), candidates)


def _apply_edits(
    output: str, edits: list[tuple[int, int, str, int]]
) -> tuple[str, dict[int, Span]]:
    """Apply non-overlapping ``(start, end, text, term)`` edits; returns the new text and the
    span of each term's text in it.  A dropped duplicate (term -1) takes one adjacent space
    with it.

    Edits run right to left, so that the text left of an edit is still ``output``'s; what
    lies right of it is kept as pieces, never re-copied, so the cost is linear.
    """
    tail: list[str] = []  # the result right of ``cut``, its pieces in reverse order
    tail_len = 0
    cut = len(output)
    from_end: dict[int, tuple[int, int]] = {}  # term -> (its text's distance from the end, length)

    def push(piece: str) -> None:
        nonlocal tail_len
        if piece:
            tail.append(piece)
            tail_len += len(piece)

    def right(b: int, n: int) -> str:
        """Up to ``n`` characters of the text from ``b`` on, as it stands now."""
        found = output[b:cut] if b < cut else ""
        for piece in reversed(tail):
            if len(found) >= n:
                break
            found += piece
        return found[:n]

    for a, b, text, i in sorted(edits, reverse=True):
        if i < 0:
            a, b = _duplicate_span(output, a, b, right(b, 2))
        while b > cut:  # the space after a duplicate was the first character of the tail
            tail[-1] = tail[-1][1:]
            tail_len -= 1
            if not tail[-1]:
                tail.pop()
            b -= 1
        push(output[b:cut])
        push(text)
        if i >= 0:
            from_end[i] = (tail_len, len(text))
        cut = a
    push(output[:cut])
    out = "".join(reversed(tail))
    return out, {i: (len(out) - d, len(out) - d + n) for i, (d, n) in from_end.items()}


_SEPARATORS = ",;"


def _duplicate_span(output: str, a: int, b: int, after: str) -> Span:
    """What goes with a repeated term at ``output[a:b]`` (``after``: the next characters):
    the brackets around it, a list separator on one side, or one adjacent space, so that
    ``Kyiv, Kyiv, Kyiv, Peskov`` gives ``Kyiv, Peskov`` and ``Kyiv (Kyiv)`` gives ``Kyiv``."""
    before = output[a - 1] if a > 0 else ""
    k = a
    while k > 0 and output[k - 1].isspace():
        k -= 1
    previous = output[k - 1] if k > 0 else ""  # the character before, spaces skipped
    nxt = after[:1]
    if before in "([" and before and nxt and nxt in ")]":
        a, b = a - 1, b + 1
        if a > 0 and output[a - 1] == " ":
            a -= 1
        return a, b
    if nxt and nxt in _SEPARATORS and (not previous or previous in _SEPARATORS + ".!?:"):
        # "Kyiv, Kyiv, Peskov": the repeat goes with the separator after it, and the space
        # after that when the repeat had one before it.
        b += 1
        if (not before or before.isspace()) and after[1:2].isspace():
            b += 1
        return a, b
    if previous and previous in _SEPARATORS and (not nxt or nxt in _CLOSING):
        return k - 1, b  # "said, Kyiv." -> "said."
    if before == " " and (not nxt or nxt in " .,;:!?"):
        return a - 1, b
    if nxt == " ":
        return a, b + 1
    return a, b


def _insert_missing(
    protected: Protected, out: str, placed: dict[int, Span], status: list[Status]
) -> tuple[str, dict[int, Span]]:
    """Insert each term the engine dropped, in proportion to its source position but between
    its neighbours, so that the order of the terms is kept; returns the text and all spans.

    Term by term, each insertion sees the text as the previous ones left it.  The point of
    an insertion is never before the previous one (it lies after every term placed before
    it, and the earlier insertions were at or before any later term), so the text is kept
    as a finished head, a short ``pending`` text, and the untouched rest of ``out``: each
    insertion costs a logarithm, not the length of the text.  Should the point ever lie
    before the head, the head is joined and the work goes on from there (correct, slower).
    """
    terms = protected.terms
    text = _Growing(out, placed)
    low_k = -1  # the placed term before the current one whose span ends last
    # For each term, the placed term after it whose span starts first (none are inserted).
    first_after: list[int] = [-1] * len(terms)
    best = -1
    for k in range(len(terms) - 1, -1, -1):
        first_after[k] = best
        if k in placed and (best < 0 or placed[k][0] < placed[best][0]):
            best = k
    for i, term in enumerate(terms):
        if i > 0 and text.has(i - 1) and (low_k < 0 or text.span(i - 1)[1] > text.span(low_k)[1]):
            low_k = i - 1
        if text.has(i):
            continue
        low = text.span(low_k)[1] if low_k >= 0 else 0
        high = text.span(first_after[i])[0] if first_after[i] >= 0 else text.length
        share = term.match.start / max(1, len(protected.source))
        at = min(max(text.insertion_point(share), low), high)
        # Right after the term before it, or right before the one after it, the term takes
        # the source's list separator between them along ("in Kyiv, Peskov").
        lead = trail = ""
        if low_k == i - 1 >= 0 and text.span(low_k)[1] == at:
            lead = _separator(protected.pieces[i])
        nxt = first_after[i]
        if nxt == i + 1 and text.span(nxt)[0] in (at, at + 1):
            trail = _separator(protected.pieces[i + 1])
        text.insert(i, at, term.rendering, lead, trail)
        status[i] = "repaired"
    return text.result()


def _separator(piece: str) -> str:
    """The comma or semicolon that opens ``piece`` of the source (``", сообщил "``)."""
    return piece[:1] if piece[:1] in _SEPARATORS and piece[1:2].isspace() else ""


# Where an inserted term needs no space: after an opening bracket or quote, before closing
# punctuation.  Quotes that open in one language and close in another (“ « » ‘ ’: German
# writes „so“ and »so«) keep their space.
_OPENING = "([{„‚¿¡"
_CLOSING = ".,;:!?…)]}”"


class _Growing:
    """The output while dropped terms are inserted into it, left to right.

    Its text is ``"".join(head) + pending + base[rest:]``: ``head`` is final, ``pending``
    is the space an insertion put after its term, ``base`` the output before insertions.
    A term placed in ``base`` at ``(a, b)`` now starts at ``a`` plus what was inserted at
    or before ``a``, as every insertion at or before a span's start moves the span.
    """

    def __init__(self, base: str, placed: dict[int, Span]) -> None:
        self._start(base, placed)

    def _start(self, base: str, placed: dict[int, Span]) -> None:
        self.base = base
        self.placed = dict(placed)
        self.inserted: dict[int, Span] = {}
        self.base_spaces = [m.start() for m in _WHITESPACE.finditer(base)]
        self.length = len(base)
        self.end = len(base.rstrip(_END_PUNCTUATION))
        self.head: list[str] = []
        self.head_spaces: list[int] = []
        self.cursor = 0  # the length of the head
        self.last = ""  # the head's last character
        self.pending = ""
        self.rest = 0
        self.gaps: list[int] = []  # where in base each insertion went, non-decreasing
        self.grown: list[int] = []  # the length inserted up to each of them

    def has(self, k: int) -> bool:
        return k in self.inserted or k in self.placed

    def _shift(self, p: int) -> int:
        k = bisect.bisect_right(self.gaps, p)
        return self.grown[k - 1] if k else 0

    def span(self, k: int) -> Span:
        if k in self.inserted:
            return self.inserted[k]
        a, b = self.placed[k]
        start = a + self._shift(a)
        return start, (b + self._shift(b - 1) if b > a else start)

    @property
    def _offset(self) -> int:
        """From a position in ``base`` at or after ``rest`` to the current one."""
        return self.cursor + len(self.pending) - self.rest

    def _char(self, p: int) -> str:
        if p < self.cursor:
            return self.last
        p -= self.cursor
        if p < len(self.pending):
            return self.pending[p]
        return self.base[self.rest + p - len(self.pending)]

    def _space_at_or_before(self, t: int) -> int | None:
        if t >= self.cursor + len(self.pending):
            k = bisect.bisect_right(self.base_spaces, t - self._offset) - 1
            if k >= 0 and self.base_spaces[k] >= self.rest:
                return self.base_spaces[k] + self._offset
        for j in range(min(len(self.pending), t - self.cursor + 1) - 1, -1, -1):
            if _WHITESPACE.match(self.pending[j]):
                return self.cursor + j
        k = bisect.bisect_right(self.head_spaces, t) - 1
        return self.head_spaces[k] if k >= 0 else None

    def _space_at_or_after(self, t: int) -> int | None:
        if t < self.cursor:
            k = bisect.bisect_left(self.head_spaces, t)
            if k < len(self.head_spaces):
                return self.head_spaces[k]
        for j in range(max(0, t - self.cursor), len(self.pending)):
            if _WHITESPACE.match(self.pending[j]):
                return self.cursor + j
        k = bisect.bisect_left(self.base_spaces, max(t - self._offset, self.rest))
        return self.base_spaces[k] + self._offset if k < len(self.base_spaces) else None

    def insertion_point(self, share: float) -> int:
        """The word boundary nearest to ``share`` of the length: the start, the end before
        closing punctuation, or a whitespace character, the first of them on a tie."""
        target = round(self.length * share)
        spaces = [self._space_at_or_before(target), self._space_at_or_after(target)]
        candidates = [0, self.end, *(s for s in spaces if s is not None)]
        return min(candidates, key=lambda k: abs(k - target))

    def _to_head(self, piece: str, spaces: Iterable[int]) -> None:
        if piece:
            self.head.append(piece)
            self.head_spaces.extend(spaces)
            self.cursor += len(piece)
            self.last = piece[-1]

    def _spaces_of(self, piece: str, at: int) -> list[int]:
        return [at + m.start() for m in _WHITESPACE.finditer(piece)]

    def insert(self, k: int, at: int, rendering: str, lead: str = "", trail: str = "") -> None:
        """Insert term ``k``'s ``rendering`` at ``at``, a space on each side where words meet
        (none before closing punctuation), ``lead`` and ``trail`` (separators) around it."""
        if at < self.cursor:
            self._rejoin()
        before = self._char(at - 1) if at > 0 else ""
        after = self._char(at) if at < self.length else ""
        left = lead + " " if before and not before.isspace() and before not in _OPENING else ""
        right = trail
        if at < self.end and not after.isspace() and after not in _CLOSING:
            right += " "
        p = at - self.cursor
        if p <= len(self.pending):
            moved, self.pending = self.pending[:p], right + self.pending[p:]
            gap = self.rest
            self._to_head(moved, self._spaces_of(moved, self.cursor))
        else:
            gap = self.rest + p - len(self.pending)
            offset = self._offset
            self._to_head(self.pending, self._spaces_of(self.pending, self.cursor))
            first = bisect.bisect_left(self.base_spaces, self.rest)
            last = bisect.bisect_left(self.base_spaces, gap)
            spaces = [s + offset for s in self.base_spaces[first:last]]
            self._to_head(self.base[self.rest : gap], spaces)
            self.pending, self.rest = right, gap
        self._to_head(left, self._spaces_of(left, self.cursor))
        start = self.cursor
        self._to_head(rendering, self._spaces_of(rendering, start))
        self.inserted[k] = (start, start + len(rendering))
        item = left + rendering + right
        self.gaps.append(gap)
        self.grown.append((self.grown[-1] if self.grown else 0) + len(item))
        if at < self.end:
            self.end += len(item)
        elif item.rstrip(_END_PUNCTUATION):
            self.end = at + len(item.rstrip(_END_PUNCTUATION))
        self.length += len(item)

    def _rejoin(self) -> None:
        """Make the current text the base: correct for any insertion point, at a copy's cost."""
        spans = {k: self.span(k) for k in [*self.placed, *self.inserted]}
        self._start(self.text(), spans)

    def text(self) -> str:
        return "".join(self.head) + self.pending + self.base[self.rest :]

    def result(self) -> tuple[str, dict[int, Span]]:
        return self.text(), {k: self.span(k) for k in sorted([*self.placed, *self.inserted])}


@dataclass(frozen=True)
class _OutputNames:
    """The spellings of a projected glossary looked for in the output only (:mod:`.pairs`):
    ``listed`` the other languages' (wrong anywhere), ``generated`` their forms (wrong
    where a placeholder of the entry went missing); ``back`` leads to the glossary's entry."""

    listed: Matcher
    generated: Matcher
    back: dict[Entry, Entry]


@functools.lru_cache(maxsize=8)
def _output_names(glossary: Glossary) -> _OutputNames | None:
    if not any(e.elsewhere for e in glossary.entries):
        return None
    # A form that is some entry's rendering or matched spelling is that entry's, and one
    # that two entries make says nothing about which: neither is looked for.
    taken = {name for e in glossary.entries for name, _, _ in e.source_forms()}
    taken |= {r for e in glossary.entries for r in e.renderings}
    # the target language's own spellings are its words (German "Vereinigten Staaten" is
    # the dative of the canonical "Vereinigte Staaten"): never replaced in its text
    target = glossary.pair[1]
    listed = {
        e: [n for lang, names in e.elsewhere if lang != target for n in names]
        for e in glossary.entries
    }
    generated = {e: list(output_forms(e, glossary.pair[0])) for e in glossary.entries}
    claims = Counter(n for forms in (listed, generated) for e in forms for n in set(forms[e]))
    back: dict[Entry, Entry] = {}
    made: list[list[Entry]] = [[], []]
    for k, forms in enumerate((listed, generated)):
        for entry, names in forms.items():
            names = [n for n in names if n not in taken and claims[n] == 1]
            if names:
                stand_in = Entry(entry.target, entry.kind, tuple(names), entry.short)
                back[stand_in] = entry
                made[k].append(stand_in)
    # Matched as English text is: whole words, an apostrophe-s genitive, no inflection.
    pair = ("en", glossary.pair[1])
    listed_m, generated_m = (Matcher(Glossary(tuple(m), pair=pair)) for m in made)
    return _OutputNames(listed_m, generated_m, back)


def _elsewhere_names(
    out: str, glossary: Glossary, entries: set[Entry] | None
) -> list[tuple[Entry, int, int, Match]]:
    """The other languages' spellings in ``out`` (see :class:`_OutputNames`), and their
    generated forms of ``entries``, as ``(entry, start, end, match)`` by start."""
    names = _output_names(glossary)
    if names is None:
        return []
    found = [
        (names.back[m.entry], m.start, m.end, m) for m in names.listed.find(out) if m.spelling.wrong
    ]
    if entries:
        found += [
            (names.back[m.entry], m.start, m.end, m)
            for m in names.generated.find(out)
            if m.spelling.wrong and names.back[m.entry] in entries
        ]
    return sorted(found, key=lambda f: f[1])


def _replace_wrong(
    out: str,
    glossary: Glossary,
    keep: list[Span],
    unlisted: bool = False,
    lost: set[Entry] | None = None,
) -> tuple[str, list[tuple[str, str]]]:
    """Replace German and forbidden spellings outside the placed renderings, the other
    languages' (:mod:`.pairs`), with ``unlisted`` the spellings the glossary recognises
    without listing them, and the generated forms of the ``lost`` entries."""
    keep = sorted(keep)
    starts = [a for a, _ in keep]
    reach = list(itertools.accumulate((b for _, b in keep), max))  # furthest end so far
    replaced: list[tuple[str, str]] = []
    pieces: list[str] = []
    pos = 0
    own = recognise(out, glossary).matches if unlisted else find_matches(out, glossary)
    found = [
        (m.start, m.end, m.entry, m)
        for m in own
        if (m.spelling.wrong or m.spelling.unlisted) and not _a_word_there(m, glossary, lost)
    ]
    found += [(a, b, e, m) for e, a, b, m in _elsewhere_names(out, glossary, lost)]
    found.sort(key=lambda f: (f[0], -f[1]))
    for start, end, entry, m in found:
        if start < pos:
            continue  # overlaps one replaced already
        k = bisect.bisect_left(starts, end)  # the renderings that start before m ends
        if k and reach[k - 1] > start:
            continue
        text = render(entry, "base" if m.form == "closed-compound" else m.form, m.spelling.short)
        pieces.append(out[pos : m.start])
        if m.form == "closed-compound":
            text += "-"
            pieces += [text, out[m.end : m.end + 1].upper()]
            pos = m.end + 1
        else:
            pieces.append(text)
            pos = m.end
        replaced.append((m.text, text.rstrip("-")))
    pieces.append(out[pos:])
    return "".join(pieces), replaced


def _a_word_there(m: Match, glossary: Glossary, lost: set[Entry] | None) -> bool:
    """Whether a source spelling found in the output is a common word of the target
    language that the engine wrote as such ("Luck" for "Glück", not Lutsk): left alone,
    unless the glossary forbids it by name or the entry's own placeholder was lost (then
    the engine may have written its name so)."""
    if m.spelling.unlisted or m.text in m.entry.forbidden or (lost and m.entry in lost):
        return False
    return common_word(m.text, glossary.pair[1])


# Zipf 3 is once per million words (wordfreq); "Kiev" (3.5 in English) is forbidden by name
COMMON_WORD_ZIPF = 3.0


@functools.lru_cache(maxsize=4096)
def common_word(text: str, language: str) -> bool:
    """Whether ``text`` is a common word of ``language`` ("Luck", "USA" in English)."""
    from wordfreq import zipf_frequency  # imported on first use: loading it takes a while

    return zipf_frequency(text, language) >= COMMON_WORD_ZIPF


def protect_all(
    sentences: Sequence[str], glossary: Glossary, technique: Technique = "placeholder"
) -> list[Protected]:
    return [protect(s, glossary, technique) for s in sentences]


def restore_all(protected: Sequence[Protected], outputs: Sequence[str]) -> list[Restored]:
    if len(protected) != len(outputs):
        raise ValueError(f"{len(protected)} protected sentences but {len(outputs)} outputs")
    return [restore(p, o) for p, o in zip(protected, outputs, strict=True)]


def translate_with_glossary(
    translate: Callable[[list[str]], Sequence[str | Scored]],
    sentences: Sequence[str],
    glossary: Glossary,
    technique: Technique = "placeholder",
) -> list[Restored]:
    """protect -> ``translate`` (e.g. ``lambda s: engine.translate(s, progress)``) -> restore.

    ``translate`` may give scored translations (``lambda s: translate_scored(engine, s)``):
    each sentence then keeps the engine's confidence through the restoration.
    """
    protected = protect_all(sentences, glossary, technique)
    outputs = translate([p.text for p in protected])
    texts = [o if isinstance(o, str) else o.text for o in outputs]
    restored = restore_all(protected, texts)
    return [
        r if isinstance(o, str) else replace(r, confidence=o.confidence)
        for r, o in zip(restored, outputs, strict=True)
    ]


def total_counts(results: Iterable[Restored]) -> Counts:
    return sum((r.counts for r in results), Counts())


def glossary_hash(glossary: Glossary) -> str:
    """A stable 16-hex-digit hash of the glossary's content, for output headers.

    Comments, entry order and list order do not change it; any change of a spelling,
    target, kind, flag or note does, and so does whether it is strict (and the rules of
    :mod:`.variants` when it is not): they change the translations too.  The hash is that
    of the pair the glossary is read as (:meth:`.Glossary.for_pair`): the pair changes it,
    and so do the spellings of the other languages for every pair but German->English,
    whose output they do not touch (it keeps the hash it had before the glossary had
    languages).
    """
    canonical = sorted(
        [
            e.target,
            e.kind,
            sorted(e.variants),
            e.short,
            e.adjective,
            sorted(e.forbidden),
            e.closed_compounds,
            e.note,
        ]
        for e in glossary.entries
    )
    data = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    # Enforcement reads a glossary as its pair does (German->English unless projected with
    # for_pair), so the spellings of other languages change no translation of that pair:
    # they stay out, and a German->English glossary keeps the hash it always had.
    if glossary.pair != ("de", "en"):
        data += "\npair:" + "-".join(glossary.pair)
        # The other languages' spellings are wrong in this pair's output (none from German).
        elsewhere = sorted([e.target, sorted(e.elsewhere)] for e in glossary.entries if e.elsewhere)
        data += "\n" + json.dumps(elsewhere, ensure_ascii=False, separators=(",", ":"))
    if not glossary.strict:
        data += "\n" + RULES
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
