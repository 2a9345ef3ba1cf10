"""Sentence-aligned TSV: ``id<TAB>de<TAB>en<TAB>confidence``, one pair a line, after a
header line that names the languages (``de`` and ``en`` are the pair's codes: ``ru``, ``en``
for a Russian article).

Tabs, newlines and backslashes inside a sentence are escaped as ``\\t``, ``\\n``, ``\\r``
and ``\\\\`` so that every record stays on one line.  A ``date`` row carries the article's
date when it has one.  ``confidence`` is the engine's in a machine translation (``0.62``),
empty for a person's, for the date, or when the engine gives none; files of older
dolmetsch versions have no such column and read the same.
"""

from __future__ import annotations

import re

from .aligned import TranslatedArticle
from .engine import shown
from .errors import DolmetschError
from .languages import LanguagePair, language_tag

HEADER = ("id", "de", "en", "confidence")


def header(pair: LanguagePair) -> tuple[str, ...]:
    """The header row of an article of ``pair``: :data:`HEADER` for German->English; the
    languages as BCP 47 tags (``pt-BR`` for argos's ``pb``), which :func:`header_pair`
    reads back."""
    return ("id", language_tag(pair.source), language_tag(pair.target), "confidence")


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {v: k for k, v in _ESCAPES.items()}
_ESCAPED = re.compile(r"\\[\\tnr]")
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def escape(text: str) -> str:
    # str.translate runs in C: a 100,000-word sentence took half a second character by character
    return text.translate(_ESCAPE_TABLE)


def unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPES[m.group()], text)


def dump_tsv(article: TranslatedArticle) -> str:
    rows: list[tuple[str, ...]] = [header(article.pair)]
    if article.document.date:
        rows.append(("date", article.document.date, article.document.date, ""))
    rows.extend(
        (
            p.segment.id,
            p.segment.text,
            p.target,
            shown(p.confidence) if p.confidence is not None and p.origin == "machine" else "",
        )
        for p in article.pairs
    )
    return "".join("\t".join(escape(cell) for cell in row) + "\n" for row in rows)


def header_pair(text: str) -> LanguagePair | None:
    """The languages a TSV's header row names (``id  ru  en  confidence``); None when it
    names none dolmetsch knows."""
    cells = text.split("\n", 1)[0].removesuffix("\r").split("\t")
    if len(cells) < 3:
        return None
    try:
        return LanguagePair(cells[1], cells[2])
    except DolmetschError:
        return None


def parse_tsv(text: str) -> list[tuple[str, str, str]]:
    """Rows after the header, ``(id, source, target)`` whatever languages the header names;
    the inverse of :func:`dump_tsv` but for the confidence (see :func:`parse_tsv_scored`)."""
    return [(segment_id, de, en) for segment_id, de, en, _ in parse_tsv_scored(text)]


def parse_tsv_scored(text: str) -> list[tuple[str, str, str, float | None]]:
    """Rows after the header with their confidence (None when the cell is empty, or the
    file has no such column: an older dolmetsch's)."""
    rows: list[tuple[str, str, str, float | None]] = []
    # split at \n only: a sentence may hold \x0b, U+2028 or other characters that
    # str.splitlines() takes for line ends (a CRLF a person's editor wrote is allowed)
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    width = len(lines[0].split("\t"))  # 3 in files of older versions, without confidence
    if width not in (3, 4):
        raise ValueError(f"line 1: expected 3 or 4 tab-separated fields, got {width}")
    for number, line in enumerate(lines[1:], start=2):
        if not line and number == len(lines):
            break
        cells = line.split("\t")
        if len(cells) != width:
            raise ValueError(
                f"line {number}: expected {width} tab-separated fields, got {len(cells)}"
            )
        confidence = None
        if width == 4 and cells[3]:
            try:
                confidence = float(cells[3])
            except ValueError:
                raise ValueError(
                    f"line {number}: confidence {cells[3]!r} is not a number"
                ) from None
        rows.append((unescape(cells[0]), unescape(cells[1]), unescape(cells[2]), confidence))
    return rows
