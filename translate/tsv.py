"""Sentence-aligned TSV: ``id<TAB>de<TAB>en``, one pair a line, after a header line.

Tabs, newlines and backslashes inside a sentence are escaped as ``\\t``, ``\\n``, ``\\r``
and ``\\\\`` so that every record stays on one line.  A ``date`` row carries the article's
date when it has one.
"""

from __future__ import annotations

import re

from .aligned import TranslatedArticle

HEADER = ("id", "de", "en")
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
    rows: list[tuple[str, str, str]] = [HEADER]
    if article.document.date:
        rows.append(("date", article.document.date, article.document.date))
    rows.extend((p.segment.id, p.segment.text, p.target) for p in article.pairs)
    return "".join("\t".join(escape(cell) for cell in row) + "\n" for row in rows)


def parse_tsv(text: str) -> list[tuple[str, str, str]]:
    """Rows after the header; the inverse of :func:`dump_tsv`."""
    rows: list[tuple[str, str, str]] = []
    # split at \n only: a sentence may hold \x0b, U+2028 or other characters that
    # str.splitlines() takes for line ends (a CRLF a person's editor wrote is allowed)
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    for number, line in enumerate(lines[1:], start=2):
        if not line and number == len(lines):
            break
        cells = line.split("\t")
        if len(cells) != 3:
            raise ValueError(f"line {number}: expected 3 tab-separated fields, got {len(cells)}")
        rows.append((unescape(cells[0]), unescape(cells[1]), unescape(cells[2])))
    return rows
