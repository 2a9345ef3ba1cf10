"""Sentence-aligned TMX 1.4b: ``out/<stem>.tmx`` (one article) and ``out/corpus.tmx`` (all).

One ``<tu tuid="<stem>:<segment id>">`` per aligned pair, with the source and target as
``<tuv xml:lang="de">`` / ``<tuv xml:lang="en">`` (the article's language pair; the header's
``srclang`` names its source language), and props naming the engine, the kind of
the segment, the source file (as :func:`~dolmetsch.names.quote_name` writes it: a control
character in a file name is kept, percent-encoded) and the glossary.  The header has no
``creationdate`` (it is optional in TMX 1.4b) so that the same inputs give the same bytes;
the article's date is a ``x-dolmetsch-article-date`` prop instead.

Each unit also says its origin (``x-dolmetsch-origin``: machine or human; a person's unit
names no engine) and, for machine units, what made it (``x-dolmetsch-engine-name``,
``-model``, ``-model-version``, ``-glossary``) and the engine's confidence when it gave one
(``x-dolmetsch-confidence``), so that ``dolmetsch tm import`` stores it as it was; the
memory's own TMX (:func:`dump_memory_tmx`) carries the same props and the glossary terms.

XML 1.0 cannot carry most C0 control characters, not even as character references; the
few a sentence may hold (a stray form feed) are written as U+FFFD (:func:`lossy` tells).
A carriage return is written as ``&#13;`` so that a parser does not fold it into a newline.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .aligned import TranslatedArticle
from .engine import shown
from .errors import UsageError
from .files import write_atomic
from .languages import DEFAULT_PAIR, LanguageError, LanguagePair, check_code, language_tag
from .memory import CONFIDENCE_MARK, ExportedUnit, confidence_note, read_confidence
from .names import quote_name
from .provenance import HUMAN, IMPORTED, Origin, Provenance

ORIGIN = "x-dolmetsch-origin"
# the stamp of a machine unit; x-dolmetsch-engine is the engine's description (argos (m 1))
ENGINE_NAME = "x-dolmetsch-engine-name"
MODEL = "x-dolmetsch-model"
MODEL_VERSION = "x-dolmetsch-model-version"
GLOSSARY = "x-dolmetsch-glossary"
TERM = "x-dolmetsch-term"
CONFIDENCE = "x-dolmetsch-confidence"  # the engine's in a machine unit, in [0, 1]
CONTEXT = "x-dolmetsch-context"  # the segment a human unit was made for (stem#p1.s2)

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


def lossy(text: str) -> bool:
    """Whether ``text`` holds a character TMX cannot carry (written as U+FFFD)."""
    return _NOT_XML.search(text) is not None


def escape_text(text: str) -> str:
    return _clean(text).translate(_TEXT_ESCAPES)


def escape_attr(text: str) -> str:
    return _clean(text).translate(_ATTR_ESCAPES)


def _prop(kind: str, value: str) -> str:
    return f'      <prop type="{escape_attr(kind)}">{escape_text(value)}</prop>'


def _units(article: TranslatedArticle) -> list[str]:
    engine = article.engine
    source = quote_name(article.source_name)  # reversibly: XML 1.0 cannot carry a \x1b
    # The props every unit of the article shares are escaped once, not once per unit (a
    # five-megabyte article has 45,000 units).
    made_by = [_prop("x-dolmetsch-engine", engine.describe()), _prop(ENGINE_NAME, engine.name)]
    if engine.model:
        made_by.append(_prop(MODEL, engine.model))
    if engine.model_version:
        made_by.append(_prop(MODEL_VERSION, engine.model_version))
    shared = [_prop("x-dolmetsch-source", source)]
    if article.document.date:
        shared.append(_prop("x-dolmetsch-article-date", article.document.date))
    if article.glossary_hash:
        shared.append(_prop(GLOSSARY, article.glossary_hash))
    props: dict[tuple[str, str], str] = {}  # origin, kind, terms: a few values each

    def prop(kind: str, value: str) -> str:
        line = props.get((kind, value))
        if line is None:
            line = props[kind, value] = _prop(kind, value)
        return line

    lines: list[str] = []
    for pair in article.pairs:
        segment = pair.segment
        kind = "attribution" if segment.kind == "attribution" else pair.block_kind
        lines.append(f'    <tu tuid="{escape_attr(f"{article.stem}:{segment.id}")}">')
        lines.append(prop(ORIGIN, pair.origin))
        if pair.origin == "machine":  # a person's unit names no engine: none made it
            lines.extend(made_by)
            if pair.confidence is not None:
                lines.append(_prop(CONFIDENCE, shown(pair.confidence)))
        if pair.reused:  # a person's translation made for another segment, shown for review
            lines.append(_prop(CONTEXT, pair.reused))
        lines.append(prop("x-dolmetsch-kind", kind))
        lines.extend(shared)
        lines.extend(prop(TERM, term) for term in pair.terms)
        lines.extend(prop("x-dolmetsch-term-failed", term) for term in pair.failed)
        lines.extend(_tuvs(article.pair, segment.text, pair.target))
        lines.append("    </tu>")
    return lines


def _tuvs(pair: LanguagePair, source: str, target: str) -> tuple[str, str]:
    return (
        f'      <tuv xml:lang="{language_tag(pair.source)}"><seg>{escape_text(source)}</seg></tuv>',
        f'      <tuv xml:lang="{language_tag(pair.target)}"><seg>{escape_text(target)}</seg></tuv>',
    )


def tmx_head(srclang: str = "de") -> str:
    """A TMX document's start, its header naming the source language (``*all*`` when its
    units have several, as TMX 1.4b says)."""
    tag = srclang if srclang == "*all*" else language_tag(srclang)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'  <header creationtool="dolmetsch" creationtoolversion="{escape_attr(__version__)}" '
        f'datatype="plaintext" segtype="sentence" adminlang="en" srclang="{escape_attr(tag)}" '
        'o-tmf="dolmetsch"/>\n'
        "  <body>\n"
    )


TMX_HEAD = tmx_head(DEFAULT_PAIR.source)
TMX_TAIL = "  </body>\n</tmx>\n"


def dump_memory_tmx(units: Iterable[ExportedUnit]) -> str:
    """A translation memory's units as TMX, for CAT tools and for another memory.

    Each ``<tu>`` says its origin and, when known, what made it (engine name, model, model
    version, glossary hash) and the glossary terms applied, so that
    :func:`parse_memory_tmx` gives back the same units.
    """
    listed = list(units)
    sources = {unit.pair.source for unit in listed} or {DEFAULT_PAIR.source}
    # one source language: the header names it; several: each unit names its own
    srclang = next(iter(sources)) if len(sources) == 1 else "*all*"
    lines: list[str] = []
    for number, unit in enumerate(listed, start=1):
        stamp = unit.stamp
        own = f' srclang="{language_tag(unit.pair.source)}"' if srclang == "*all*" else ""
        lines.append(f'    <tu tuid="tm:{number}"{own}>')
        lines.append(_prop(ORIGIN, unit.origin))
        lines.append(_prop(ENGINE_NAME, stamp.engine))
        for kind, value in ((MODEL, stamp.model), (MODEL_VERSION, stamp.model_version),
                            (GLOSSARY, stamp.glossary)):  # fmt: skip
            if value:
                lines.append(_prop(kind, value))
        for term in unit.terms:
            confidence = read_confidence(term)
            if confidence is not None:
                lines.append(_prop(CONFIDENCE, repr(confidence)))
            else:
                lines.append(_prop(TERM, term))
        if unit.context:
            lines.append(_prop(CONTEXT, unit.context))
        lines.extend(_tuvs(unit.pair, unit.source, unit.target))
        lines.append("    </tu>")
    return tmx_head(srclang) + "".join(line + "\n" for line in lines) + TMX_TAIL


# SQLite keeps a memory's pending writes beside it; replacing one of these loses them too
_MEMORY_FILES = ("", "-wal", "-shm", "-journal")


def save_memory_tmx(
    path: Path, units: Sequence[ExportedUnit], *, memory: Path, force: bool = False
) -> None:
    """Write :func:`dump_memory_tmx` to ``path``, a new file unless ``force``.

    Never onto the ``memory`` the units come from (nor its SQLite side files), whatever
    ``force`` says: that would replace every human translation with a TMX.  A missing
    folder is refused, not created: a mistyped path should not scatter files.
    Raises :class:`UsageError` with one line saying what to do instead.
    """
    target = path.resolve()
    own = memory.resolve()
    if any(target == own.with_name(own.name + suffix) for suffix in _MEMORY_FILES) or (
        path.exists() and memory.exists() and path.samefile(memory)  # a hard link to it
    ):
        raise UsageError(
            f"{path} is the translation memory being exported; choose another name for the TMX"
        )
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent}: no such folder; create it or choose another place")
    if path.exists() and not force:
        raise UsageError(f"{path} exists; choose another name or pass --force")
    write_atomic(path, dump_memory_tmx(units).encode("utf-8"))


def dump_tmx_units(article: TranslatedArticle) -> str:
    """The ``<tu>`` elements of one article, for writing a corpus without holding it all:
    ``TMX_HEAD + dump_tmx_units(a) + dump_tmx_units(b) + TMX_TAIL == dump_tmx([a, b])``."""
    return "".join(line + "\n" for line in _units(article))


def dump_tmx(articles: Sequence[TranslatedArticle]) -> str:
    """The TMX document of ``articles`` (of one language pair), in the order given;
    byte-identical for equal input."""
    source = articles[0].pair.source if articles else DEFAULT_PAIR.source
    return tmx_head(source) + "".join(dump_tmx_units(a) for a in articles) + TMX_TAIL


def _lang(tuv: ET.Element) -> str:
    # TMX 1.4 uses xml:lang; TMX 1.1 files (still common in old memories) use lang.
    return _tag_code(tuv.get(XML_LANG) or tuv.get("lang") or "")


@functools.lru_cache(maxsize=256)  # a file has a few tags, on each of its thousands of units
def _tag_code(tag: str) -> str:
    """A language tag's code: argos's ``pb`` for ``pt-BR`` and ``zt`` for ``zh-Hant`` (as
    dolmetsch writes them), else the tag's first part (``de`` of ``de-AT``)."""
    try:
        return check_code(tag)
    except LanguageError:
        return tag.strip().lower().split("-")[0]


@dataclass(frozen=True)
class TmxUnit:
    """One ``<tu>``'s source and target text: its id, texts, ``<prop>`` s in order and
    languages."""

    tuid: str
    source: str
    target: str
    props: tuple[tuple[str, str], ...] = ()
    pair: LanguagePair = DEFAULT_PAIR

    @property
    def de(self) -> str:  # the names of the German->English days, kept for callers
        return self.source

    @property
    def en(self) -> str:
        return self.target

    def prop(self, kind: str) -> str | None:
        """The first prop of this type, or None when the unit has none."""
        return next((value for name, value in self.props if name == kind), None)


def parse_tmx_units(text: str | bytes) -> list[TmxUnit]:
    """Every ``<tu>``'s source ``<seg>`` with each other language's, with its props.

    The source language is the ``<tu>``'s ``srclang``, else the header's, when the unit
    has it; else German when it has German and English (as every TMX dolmetsch wrote
    before it named other languages), else its first ``<tuv>``.  A unit in three languages
    gives one :class:`TmxUnit` per target; a language that is no ISO 639-1 code is skipped.
    Inline markup inside ``<seg>`` (``<ph>``, ``<bpt>`` of other tools' files) is read as
    its text content.  A ``<tu>`` without ``tuid`` gets its position (``tu3``).  Given
    bytes, the XML declaration's encoding is honoured (CAT tools write UTF-16 too).
    Raises ``ValueError`` naming line and column when the text is not well-formed XML.
    """
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, column = exc.position
        raise ValueError(f"line {line}, column {column + 1}: not well-formed TMX: {exc}") from None
    if root.tag != "tmx":
        raise ValueError(f"not a TMX document: the root element is <{root.tag}>, not <tmx>")
    header = root.find("header")
    default = _code(header.get("srclang") if header is not None else None)
    units: list[TmxUnit] = []
    pairs: dict[tuple[str, str], LanguagePair | None] = {}  # each checked once, not per unit
    for number, tu in enumerate(root.iter("tu"), start=1):
        segs: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            seg = tuv.find("seg")
            if seg is not None:
                segs.setdefault(_lang(tuv), "".join(seg.itertext()))
        source = _source(segs, _code(tu.get("srclang")) or default)
        if source is None:
            continue
        props = tuple((p.get("type") or "", p.text or "") for p in tu.findall("prop"))
        tuid = tu.get("tuid") or f"tu{number}"
        for lang, text in segs.items():
            if lang == source:
                continue
            if (source, lang) not in pairs:
                try:
                    pairs[source, lang] = LanguagePair(source, lang)
                except LanguageError:  # not a language argos names (x-klingon, a 3-letter code)
                    pairs[source, lang] = None
            pair = pairs[source, lang]
            if pair is None:
                continue
            units.append(TmxUnit(tuid, segs[source], text, props, pair))
    return units


@functools.lru_cache(maxsize=256)  # see _tag_code; a unit without srclang is a refused ""
def _code(value: str | None) -> str:
    """A ``srclang``'s language ('' for none, ``*all*`` or a code dolmetsch does not know)."""
    primary = _tag_code(value or "")
    try:
        return check_code(primary) if primary else ""
    except LanguageError:
        return ""


def _source(segs: dict[str, str], srclang: str) -> str | None:
    """The unit's source language (see :func:`parse_tmx_units`); None when it has no two."""
    if len(segs) < 2:
        return None
    if srclang in segs:
        return srclang
    if "de" in segs and "en" in segs:
        return "de"
    return next(iter(segs))


def parse_tmx(text: str | bytes) -> list[tuple[str, str, str]]:
    """``(tuid, source, target)`` for each ``<tu>`` that has both; the inverse of
    :func:`dump_tmx`.

    See :func:`parse_tmx_units`, which also gives the props.
    """
    return [(unit.tuid, unit.de, unit.en) for unit in parse_tmx_units(text)]


def memory_unit(unit: TmxUnit) -> ExportedUnit:
    """What a TMX unit is for a translation memory.

    ``x-dolmetsch-origin`` says machine or human; a unit without it (a CAT tool's: Trados,
    OmegaT) is a person's translation, unless an older dolmetsch wrote it (it has an
    ``x-dolmetsch-engine`` prop): then it is machine.  A machine unit keeps the stamp its
    props name, else :data:`IMPORTED`; raises ``ValueError`` for an origin that is
    neither.
    """
    # an article TMX of an older dolmetsch names its engine but not each unit's origin: its
    # units cannot be told apart, so none may pass for a person's (edits are in the PO)
    older = unit.prop("x-dolmetsch-engine") is not None
    origin_text = unit.prop(ORIGIN) or ("machine" if older else "human")
    if origin_text not in ("machine", "human"):
        raise ValueError(f"unit {unit.tuid}: {ORIGIN} is {origin_text!r}, not machine or human")
    origin: Origin = "machine" if origin_text == "machine" else "human"
    engine = unit.prop(ENGINE_NAME)
    if engine is None:
        stamp = IMPORTED if origin == "machine" else HUMAN
    else:
        stamp = Provenance(
            engine,
            unit.prop(MODEL) or "",
            unit.prop(MODEL_VERSION) or "",
            unit.prop(GLOSSARY) or "",
            origin,
        )
    terms = tuple(value for name, value in unit.props if name == TERM)
    confidence = _confidence(unit.prop(CONFIDENCE)) if origin == "machine" else None
    if confidence is not None:
        terms += (confidence_note(confidence),)
    where = (unit.prop(CONTEXT) or "") if origin == "human" else ""
    return ExportedUnit(unit.source, unit.target, origin, stamp, terms, where, unit.pair)


def _confidence(value: str | None) -> float | None:
    """A confidence prop's value; None when absent or not a number in [0, 1]."""
    if value is None:
        return None
    return read_confidence(CONFIDENCE_MARK + value.strip())


def parse_memory_tmx(text: str | bytes) -> list[ExportedUnit]:
    """The translation-memory units of a TMX (see :func:`memory_unit`); the inverse of
    :func:`dump_memory_tmx`, of any language pair.  Units with an empty target are left
    out."""
    return [memory_unit(unit) for unit in parse_tmx_units(text) if unit.target]
