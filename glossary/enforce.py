"""Glossary enforcement around any engine: ``protect`` before, ``restore`` after.

Two techniques, both engine-agnostic:

``placeholder`` (the default) replaces each occurrence by a token such as ``Zqa`` that an
engine copies as an unknown proper noun (letters only: the lexicon engine splits digits off
``XGLOSSX1``, giving ``XGLOSSX 1``).  ``substitute`` writes the English rendering into the
German text instead (NMT copies names well).  Either way ``restore`` then

1. finds every occurrence in the output, tolerating case and spacing changes;
2. writes the rendering (``Zelensky``, ``Zelensky's`` for a genitive, ``Kyiv`` for
   ``Kiewer``) in its place; a mangled token counts as *repaired*;
3. inserts an occurrence the engine dropped next to its neighbour term, or in proportion
   to its place in the source (*repaired*), or reports it as *failed* when there is no
   output at all;
4. replaces every German or forbidden spelling left anywhere (``Kiev``, ``Peskow``).

The measured comparison on the seeds is in ``dolmetsch.glossary.__init__``'s docstring.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .matching import Form, Match, find_matches, render
from .model import Glossary

Technique = Literal["placeholder", "substitute"]
Status = Literal["enforced", "repaired", "failed"]
TECHNIQUES: tuple[Technique, ...] = ("placeholder", "substitute")
# Prefixes no German or English word starts with; the first one absent from a sentence is used.
_PREFIXES = ("Zq", "Xq", "Qx", "Zx", "Qz")


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
    ``restore(p, p.text).text`` equals them joined with the renderings.
    """

    source: str
    text: str
    terms: tuple[Protection, ...]
    pieces: tuple[str, ...]
    technique: Technique
    glossary: Glossary


@dataclass(frozen=True)
class AppliedTerm:
    """One glossary occurrence as it ended up in the output (for the PO entry's comment)."""

    target: str
    kind: str
    source: str
    rendering: str
    form: Form
    status: Status


@dataclass(frozen=True)
class Counts:
    found: int = 0
    enforced: int = 0
    repaired: int = 0
    failed: int = 0
    replaced: int = 0  # German or forbidden spellings replaced outside the occurrences

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.found + other.found,
            self.enforced + other.enforced,
            self.repaired + other.repaired,
            self.failed + other.failed,
            self.replaced + other.replaced,
        )


@dataclass(frozen=True)
class Restored:
    """The enforced English sentence, the occurrences applied, and what was repaired."""

    text: str
    terms: tuple[AppliedTerm, ...]
    replaced: tuple[tuple[str, str], ...]  # (wrong spelling, its replacement)

    @property
    def counts(self) -> Counts:
        status = Counter(t.status for t in self.terms)
        return Counts(
            len(self.terms),
            status["enforced"],
            status["repaired"],
            status["failed"],
            len(self.replaced),
        )

    @property
    def applied(self) -> list[str]:
        """``"Selenskyjs -> Zelensky's"`` lines, one per occurrence."""
        return [f"{t.source} -> {t.rendering}" for t in self.terms]


def _prefix(sentence: str) -> str:
    lowered = sentence.lower()
    for prefix in _PREFIXES:
        if prefix.lower() not in lowered:
            return prefix
    return "Zq" + "q" * (len(sentence) + 1)  # longer than the sentence, so absent from it


def protect(sentence: str, glossary: Glossary, technique: Technique = "placeholder") -> Protected:
    """Mark every glossary occurrence of ``sentence`` for the engine."""
    matches = find_matches(sentence, glossary)
    prefix = _prefix(sentence)
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
        sentence, "".join(engine_text), tuple(terms), tuple(pieces), technique, glossary
    )


def _key_pattern(term: Protection, technique: Technique) -> re.Pattern[str]:
    if technique == "placeholder":
        prefix, letters = term.key[:2], term.key[2:]
        body = rf"{re.escape(prefix)}\s?{re.escape(letters)}"
    else:
        words = [re.escape(w) for w in re.split(r"[\s-]+", term.rendering) if w]
        body = r"[\s-]?".join(words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@dataclass
class _Placed:
    start: int
    end: int


def _insertion_point(out: str, share: float) -> int:
    """The word boundary of ``out`` nearest to ``share`` of its length."""
    target = round(len(out) * share)
    spaces = [m.start() for m in re.finditer(r"\s", out)]
    candidates = [0, len(out.rstrip('.!?…:;"“”»«„ ')), *spaces]
    return min(candidates, key=lambda k: abs(k - target))


def _insert(out: str, at: int, text: str) -> tuple[str, int]:
    """Insert ``text`` at ``at`` with a space on each side where words meet."""
    left = " " if at > 0 and not out[at - 1].isspace() else ""
    right = " " if at < len(out) and not out[at].isspace() else ""
    return out[:at] + left + text + right + out[at:], at + len(left)


def restore(protected: Protected, output: str) -> Restored:
    """Put the canonical English forms into the engine's ``output`` and verify them."""
    terms = protected.terms
    technique = protected.technique
    located: list[tuple[int, int, bool] | None] = []
    taken: list[tuple[int, int]] = []
    for term in terms:
        hit = None
        for m in _key_pattern(term, technique).finditer(output):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                exact = m.group(0) == term.key
                hit = (m.start(), m.end(), exact)
                break
        if hit is not None:
            taken.append((hit[0], hit[1]))
        located.append(hit)
    # A lost token whose entity the engine wrote itself ("Kiev", "Kyiv") is found by name.
    if any(h is None for h in located):
        by_name = find_matches(output, protected.glossary)
        for i, term in enumerate(terms):
            if located[i] is not None:
                continue
            for named in by_name:
                free = all(named.end <= a or named.start >= b for a, b in taken)
                if named.entry == term.match.entry and free:
                    located[i] = (named.start, named.end, False)
                    taken.append((named.start, named.end))
                    break
    # Tokens the engine repeated are dropped: each occurrence must appear exactly once.
    extras: list[tuple[int, int]] = []
    if technique == "placeholder":
        for term in terms:
            for m in _key_pattern(term, technique).finditer(output):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    extras.append(m.span())
                    taken.append(m.span())
    status: list[Status] = ["enforced" if h and h[2] else "repaired" for h in located]
    # Rebuild the output right to left so that earlier offsets stay valid.
    edits = [(h[0], h[1], terms[i].rendering, i) for i, h in enumerate(located) if h]
    edits += [(a, b, "", -1) for a, b in extras]
    out = output
    placed: dict[int, _Placed] = {}
    for a, b, text, i in sorted(edits, reverse=True):
        if i < 0:
            # A dropped duplicate token takes one adjacent space with it.
            if a > 0 and out[a - 1] == " " and (b == len(out) or out[b] in " .,;:!?"):
                a -= 1
            elif b < len(out) and out[b] == " ":
                b += 1
        out = out[:a] + text + out[b:]
        # Edits run right to left, so every span placed so far lies after this one.
        for p in placed.values():
            p.start += len(text) - (b - a)
            p.end += len(text) - (b - a)
        if i >= 0:
            placed[i] = _Placed(a, a + len(text))
    if any(h is None for h in located) and out.strip():
        out = _insert_missing(protected, located, out, placed, status)
    else:
        status = [s if h else "failed" for s, h in zip(status, located, strict=True)]
    out, replaced = _replace_wrong(out, protected.glossary, list(placed.values()))
    applied = tuple(
        AppliedTerm(
            t.match.entry.target,
            t.match.entry.kind,
            t.match.text,
            t.rendering,
            t.match.form,
            st,
        )
        for t, st in zip(terms, status, strict=True)
    )
    return Restored(out, applied, tuple(replaced))


def _insert_missing(
    protected: Protected,
    located: list[tuple[int, int, bool] | None],
    out: str,
    placed: dict[int, _Placed],
    status: list[Status],
) -> str:
    terms = protected.terms
    for i, hit in enumerate(located):
        if hit is not None:
            continue
        # In proportion to the source position, but between the neighbouring terms, so
        # that the order of the terms is kept.
        before = [placed[k].end for k in placed if k < i]
        after = [placed[k].start for k in placed if k > i]
        low = max(before, default=0)
        high = min(after, default=len(out))
        share = terms[i].match.start / max(1, len(protected.source))
        at = min(max(_insertion_point(out, share), low), high)
        before_len = len(out)
        out, start = _insert(out, at, terms[i].rendering)
        for p in placed.values():
            if p.start >= at:
                p.start += len(out) - before_len
                p.end += len(out) - before_len
        placed[i] = _Placed(start, start + len(terms[i].rendering))
        status[i] = "repaired"
    return out


def _replace_wrong(
    out: str, glossary: Glossary, keep: list[_Placed]
) -> tuple[str, list[tuple[str, str]]]:
    """Replace German and forbidden spellings outside the placed renderings."""
    replaced: list[tuple[str, str]] = []
    for m in reversed(find_matches(out, glossary)):
        if not m.spelling.wrong:
            continue
        if any(m.start < p.end and m.end > p.start for p in keep):
            continue
        text = render(m.entry, "base" if m.form == "closed-compound" else m.form, m.spelling.short)
        if m.form == "closed-compound":
            text += "-"
            tail_at = m.end
            out = out[: m.start] + text + out[tail_at : tail_at + 1].upper() + out[tail_at + 1 :]
        else:
            out = out[: m.start] + text + out[m.end :]
        replaced.append((m.text, text.rstrip("-")))
    replaced.reverse()
    return out, replaced


def protect_all(
    sentences: Sequence[str], glossary: Glossary, technique: Technique = "placeholder"
) -> list[Protected]:
    return [protect(s, glossary, technique) for s in sentences]


def restore_all(protected: Sequence[Protected], outputs: Sequence[str]) -> list[Restored]:
    if len(protected) != len(outputs):
        raise ValueError(f"{len(protected)} protected sentences but {len(outputs)} outputs")
    return [restore(p, o) for p, o in zip(protected, outputs, strict=True)]


def translate_with_glossary(
    translate: Callable[[list[str]], list[str]],
    sentences: Sequence[str],
    glossary: Glossary,
    technique: Technique = "placeholder",
) -> list[Restored]:
    """protect -> ``translate`` (e.g. ``lambda s: engine.translate(s, progress)``) -> restore."""
    protected = protect_all(sentences, glossary, technique)
    return restore_all(protected, translate([p.text for p in protected]))


def total_counts(results: Iterable[Restored]) -> Counts:
    return sum((r.counts for r in results), Counts())


def glossary_hash(glossary: Glossary) -> str:
    """A stable 16-hex-digit hash of the glossary's content, for output headers.

    Comments, entry order and list order do not change it; any change of a spelling,
    target, kind, flag or note does.
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
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
