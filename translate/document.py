"""Document model of a news article: date, headings, paragraphs, sentences.

What differs between languages (what ends a sentence, so that a line is no heading; the
closing marks after it; the agencies that sign a paragraph; the sentence rules) is data in
:mod:`dolmetsch.langdata`, chosen by ``lang``; German is the default.  The ``date`` marker
is dolmetsch's own convention and the same in every language.

Parsing is lossless: every character of the article lies either in a segment (a sentence
or an agency attribution), in the date marker, or in the whitespace between them, and
:func:`layout` gives the article back exactly.  Offsets index ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .langdata import language_data
from .segment import sentence_spans, split_attribution

BlockKind = Literal["heading", "paragraph"]
SegmentKind = Literal["sentence", "attribution"]

# "date 2026-01-30" or "date 2025-03" at the very start, on its own line or before the text.
_DATE = re.compile(r"\A\s*(date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?))(?=\s|\Z)")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
HEADING_MAX_CHARS = 120
# A chunk of at least this many lines of even length (<= WRAP_MAX_CHARS) is one hard-wrapped
# paragraph; otherwise each line of a chunk is a block of its own (scraped news often puts
# a heading or each paragraph on its own line without a blank line between).
WRAP_MIN_LINES = 3
WRAP_MAX_CHARS = 100


@dataclass(frozen=True)
class Segment:
    """One unit of translation: a sentence, or an attribution that is carried over as is."""

    id: str
    kind: SegmentKind
    start: int
    end: int
    text: str

    @property
    def translatable(self) -> bool:
        return self.kind == "sentence"


@dataclass(frozen=True)
class Block:
    """A heading or a paragraph; ``number`` counts blocks in document order from 1."""

    kind: BlockKind
    number: int
    start: int
    end: int
    segments: tuple[Segment, ...]

    @property
    def id(self) -> str:
        return f"{self.kind[0]}{self.number}"


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    date: str | None
    date_span: tuple[int, int] | None
    blocks: tuple[Block, ...]
    lang: str = "de"  # the language it was parsed as (ISO 639 code)

    def segments(self) -> Iterator[Segment]:
        for block in self.blocks:
            yield from block.segments


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            left = pos + len(line) - len(line.lstrip())
            spans.append((left, left + len(stripped)))
        pos += len(line) + 1
    return spans


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < WRAP_MIN_LINES:
        return False
    body = lines[:-1]
    longest = max(len(line) for line in body)
    return longest <= WRAP_MAX_CHARS and all(len(line) >= 0.6 * longest for line in body)


def _chunk_spans(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Blank-line separated chunks of ``text[start:]``, trimmed of whitespace."""
    pos = start
    for match in [*_BLANK_LINES.finditer(text, start), None]:
        stop = match.start() if match else len(text)
        chunk = text[pos:stop]
        if chunk.strip():
            left = pos + len(chunk) - len(chunk.lstrip())
            yield left, pos + len(chunk.rstrip())
        if match:
            pos = match.end()


def block_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Blocks of ``text[start:]``: blank-line chunks, split into lines unless hard-wrapped."""
    spans: list[tuple[int, int]] = []
    for a, b in _chunk_spans(text, start):
        lines = _line_spans(text, a, b)
        if len(lines) > 1 and not _is_wrapped([text[x:y] for x, y in lines]):
            spans.extend(lines)
        else:
            spans.append((a, b))
    return spans


def is_heading(text: str, lang: str = "de") -> bool:
    """A short single line without final punctuation: "Russland garantiert Sicherheit"."""
    stripped = text.strip()
    if not stripped or "\n" in stripped or len(stripped) > HEADING_MAX_CHARS:
        return False
    if len(sentence_spans(stripped, lang=lang)) != 1:
        return False
    data = language_data(lang)
    return stripped.rstrip(data.closers)[-1:] not in data.heading_final


def _segments(text: str, a: int, b: int, block_id: str, lang: str) -> tuple[Segment, ...]:
    body_end = b
    attribution = split_attribution(text[a:b], lang=lang)
    if attribution is not None:
        body_end = a + attribution[0]
    spans: list[tuple[SegmentKind, int, int]] = [
        ("sentence", a + x, a + y) for x, y in sentence_spans(text[a:body_end], lang=lang)
    ]
    if attribution is not None:
        spans.append(("attribution", a + attribution[0], a + attribution[1]))
    return tuple(
        Segment(f"{block_id}.s{i}", kind, x, y, text[x:y])
        for i, (kind, x, y) in enumerate(spans, start=1)
    )


def parse_document(name: str, text: str, lang: str = "de") -> Document:
    """Parse an article's text (already decoded), written in ``lang``, into its structure."""
    language_data(lang)  # an invalid code is refused before any work
    date: str | None = None
    date_span: tuple[int, int] | None = None
    body_start = 0
    match = _DATE.match(text)
    if match:
        date, date_span, body_start = match.group(2), match.span(1), match.end(1)
    blocks: list[Block] = []
    for number, (a, b) in enumerate(block_spans(text, body_start), start=1):
        kind: BlockKind = "heading" if is_heading(text[a:b], lang) else "paragraph"
        block_id = f"{kind[0]}{number}"
        blocks.append(Block(kind, number, a, b, _segments(text, a, b, block_id, lang)))
    return Document(name, text, date, date_span, tuple(blocks), lang)


def layout(document: Document) -> Iterator[tuple[str, str]]:
    """The whole article as ``(role, text)`` pieces; joined, they give ``document.text``.

    Roles: ``"space"`` (whitespace between units), ``"date"``, ``"sentence"``,
    ``"attribution"``.  This is the invariant the tests check on every seed.
    """
    pieces: list[tuple[int, int, str]] = []
    if document.date_span is not None:
        pieces.append((*document.date_span, "date"))
    pieces.extend((s.start, s.end, s.kind) for s in document.segments())
    pos = 0
    for start, end, role in pieces:
        if start > pos:
            yield "space", document.text[pos:start]
        yield role, document.text[start:end]
        pos = end
    if pos < len(document.text):
        yield "space", document.text[pos:]
