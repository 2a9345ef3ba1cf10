"""Sentence-aligned TMX 1.4b: ``out/<stem>.tmx`` (one article) and ``out/corpus.tmx`` (all).

One ``<tu tuid="<stem>:<segment id>">`` per aligned pair, with the German and English as
``<tuv xml:lang="de">`` / ``<tuv xml:lang="en">``, and props naming the engine, the kind of
the segment, the source file and the glossary.  The header has no ``creationdate`` (it is
optional in TMX 1.4b) so that the same inputs give the same bytes; the article's date is a
``x-dolmetsch-article-date`` prop instead.

XML 1.0 cannot carry most C0 control characters, not even as character references; the
few a sentence may hold (a stray form feed) are written as U+FFFD.  A carriage return is
written as ``&#13;`` so that a parser does not fold it into a newline.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from . import __version__
from .aligned import TranslatedArticle

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "\r": "&#13;",
        '"': "&quot;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def escape_text(text: str) -> str:
    return _clean(text).translate(_TEXT_ESCAPES)


def escape_attr(text: str) -> str:
    return _clean(text).translate(_ATTR_ESCAPES)


def _prop(kind: str, value: str) -> str:
    return f'      <prop type="{escape_attr(kind)}">{escape_text(value)}</prop>'


def _units(article: TranslatedArticle) -> list[str]:
    engine = article.engine.describe()
    lines: list[str] = []
    for pair in article.pairs:
        segment = pair.segment
        kind = "attribution" if segment.kind == "attribution" else pair.block_kind
        lines.append(f'    <tu tuid="{escape_attr(f"{article.stem}:{segment.id}")}">')
        lines.append(_prop("x-dolmetsch-engine", engine))
        lines.append(_prop("x-dolmetsch-kind", kind))
        lines.append(_prop("x-dolmetsch-source", article.source_name))
        if article.document.date:
            lines.append(_prop("x-dolmetsch-article-date", article.document.date))
        if article.glossary_hash:
            lines.append(_prop("x-dolmetsch-glossary", article.glossary_hash))
        lines.extend(_prop("x-dolmetsch-term", term) for term in pair.terms)
        lines.extend(_prop("x-dolmetsch-term-failed", term) for term in pair.failed)
        lines.append(f'      <tuv xml:lang="de"><seg>{escape_text(segment.text)}</seg></tuv>')
        lines.append(f'      <tuv xml:lang="en"><seg>{escape_text(pair.target)}</seg></tuv>')
        lines.append("    </tu>")
    return lines


TMX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
    f'  <header creationtool="dolmetsch" creationtoolversion="{escape_attr(__version__)}" '
    'datatype="plaintext" segtype="sentence" adminlang="en" srclang="de" o-tmf="dolmetsch"/>\n'
    "  <body>\n"
)
TMX_TAIL = "  </body>\n</tmx>\n"


def dump_memory_tmx(units: Iterable[tuple[str, str, str]]) -> str:
    """A translation memory's ``(source, target, origin)`` units as TMX, for CAT tools."""
    lines: list[str] = []
    for number, (source, target, origin) in enumerate(units, start=1):
        lines.append(f'    <tu tuid="tm:{number}">')
        lines.append(_prop("x-dolmetsch-origin", origin))
        lines.append(f'      <tuv xml:lang="de"><seg>{escape_text(source)}</seg></tuv>')
        lines.append(f'      <tuv xml:lang="en"><seg>{escape_text(target)}</seg></tuv>')
        lines.append("    </tu>")
    return TMX_HEAD + "".join(line + "\n" for line in lines) + TMX_TAIL


def dump_tmx_units(article: TranslatedArticle) -> str:
    """The ``<tu>`` elements of one article, for writing a corpus without holding it all:
    ``TMX_HEAD + dump_tmx_units(a) + dump_tmx_units(b) + TMX_TAIL == dump_tmx([a, b])``."""
    return "".join(line + "\n" for line in _units(article))


def dump_tmx(articles: Sequence[TranslatedArticle]) -> str:
    """The TMX document of ``articles``, in the order given; byte-identical for equal input."""
    return TMX_HEAD + "".join(dump_tmx_units(a) for a in articles) + TMX_TAIL


def _lang(tuv: ET.Element) -> str:
    # TMX 1.4 uses xml:lang; TMX 1.1 files (still common in old memories) use lang.
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").lower().split("-")[0]


def parse_tmx(text: str) -> list[tuple[str, str, str]]:
    """``(tuid, de, en)`` for each ``<tu>`` that has both; the inverse of :func:`dump_tmx`.

    Inline markup inside ``<seg>`` (``<ph>``, ``<bpt>`` of other tools' files) is read as
    its text content.  A ``<tu>`` without ``tuid`` gets its position (``tu3``).
    Raises ``ValueError`` naming line and column when the text is not well-formed XML.
    """
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, column = exc.position
        raise ValueError(f"line {line}, column {column + 1}: not well-formed TMX: {exc}") from None
    if root.tag != "tmx":
        raise ValueError(f"not a TMX document: the root element is <{root.tag}>, not <tmx>")
    rows: list[tuple[str, str, str]] = []
    for number, tu in enumerate(root.iter("tu"), start=1):
        segs: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            seg = tuv.find("seg")
            if seg is not None:
                segs.setdefault(_lang(tuv), "".join(seg.itertext()))
        if "de" in segs and "en" in segs:
            rows.append((tu.get("tuid") or f"tu{number}", segs["de"], segs["en"]))
    return rows
