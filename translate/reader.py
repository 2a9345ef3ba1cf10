"""Terminal layout of an aligned article for ``dolmetsch view``: pure functions over rows.

A row is one aligned sentence (:class:`Row`): its id (``p3.s2``), the kind of its block,
the German, the English, the glossary terms applied (``"Selenskyjs -> Zelensky's"``) and
who translated it (a person's English is marked ``✓``).  :func:`title_lines` heads the
article (name, date, engine, counts, and the dictionary engine's caution);
:func:`side_by_side` sets German and English in two columns fitted to a width;
:func:`interleaved` puts each English sentence under its German one, for narrow
terminals.  All return lines without newlines; the caller writes them.  Widths count one
cell per character after NFC normalisation, so a decomposed umlaut (``a`` + combining
diaeresis) is one character and is never split across lines; East Asian wide characters
are not in the scope of a German->English news reader.

:func:`load_view` reads an ``out/<stem>.po`` (also one a person has edited) or
``out/<stem>.tsv`` back into its head and rows, so that any output file can be viewed.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .aligned import Pair, TranslatedArticle
from .engine import EngineInfo
from .errors import DolmetschError, InputError, UsageError
from .languages import DEFAULT_PAIR, LanguagePair
from .wording import counted

if TYPE_CHECKING:
    import polib

T = TypeVar("T")

SEPARATOR = " │ "
MIN_COLUMN = 12
# Below this width two columns of ~38 characters get too narrow to read; ``auto`` interleaves.
SIDE_BY_SIDE_MIN_WIDTH = 80
INDENT = "    "
HEADING_MARK = "# "
HUMAN_MARK = "✓ "  # before the English a person wrote (also in plain text: no colour needed)
FAILED_MARK = "!! glossary check failed: "

# ANSI SGR sequences; every styled run ends with a full reset, so styles never leak.
RESET = "\x1b[0m"
BOLD = "\x1b[1m"
TERM = "\x1b[1;33m"  # bold yellow: a glossary term
FAILED = "\x1b[1;31m"  # bold red: a glossary check that failed
DIM = "\x1b[2m"  # rules between blocks
HUMAN = "\x1b[32m"  # green: a person's translation
HUMAN_HEADING = "\x1b[1;32m"  # bold green: a heading a person translated
CAUTION = "\x1b[1;31m"  # bold red: how far to trust the engine


class Row(NamedTuple):
    """One aligned sentence; a plain ``(id, kind, de, en, terms)`` tuple converts to it."""

    id: str
    kind: str  # "heading", "paragraph" or "date"
    de: str
    en: str
    terms: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    # "human" (a person's translation of this sentence), "machine", or "" where nobody
    # translated (a date, an agency attribution) or the file does not say (TSV)
    origin: str = ""

    @property
    def human(self) -> bool:
        return self.origin == "human"

    @property
    def block(self) -> str:
        """``p3`` of ``p3.s2``: rows of one block are kept together."""
        return self.id.partition(".")[0]


RowLike = Row | Pair | tuple[str, str, str, str, tuple[str, ...]]


def as_rows(items: Iterable[RowLike]) -> list[Row]:
    """Rows from :class:`Row` objects, :class:`~dolmetsch.aligned.Pair` objects or 5-tuples."""
    rows: list[Row] = []
    for item in items:
        if isinstance(item, Row):
            rows.append(item)
        elif isinstance(item, Pair):
            rows.append(
                Row(
                    item.segment.id,
                    item.block_kind,
                    item.segment.text,
                    item.target,
                    item.terms,
                    item.failed,
                    _pair_origin(item),
                )
            )
        else:
            rows.append(Row(*item))
    return rows


def _pair_origin(pair: Pair) -> str:
    """As the PO says it: another segment's human translation, reused, is still under
    review (fuzzy), so it is not this sentence's human translation."""
    if not pair.segment.translatable:
        return ""
    return "machine" if pair.reused else pair.origin


def article_rows(article: TranslatedArticle) -> list[Row]:
    """The article's rows, with its date (when it has one) as a first ``date`` row."""
    date = article.document.date
    head = [Row("date", "date", date, date)] if date else []
    return head + as_rows(article.pairs)


def split_term(term: str) -> tuple[str, str]:
    """``"Selenskyjs -> Zelensky's"`` -> ``("Selenskyjs", "Zelensky's")``."""
    source, arrow, rendering = term.partition(" -> ")
    return (source, rendering) if arrow else (term, "")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def term_spans(text: str, needles: Iterable[tuple[str, T]]) -> list[tuple[int, int, T]]:
    """Whole-word occurrences of the needle strings in ``text``, left to right.

    Each needle is ``(string, label)``; overlapping occurrences go to the longest (so
    ``Wladimir Putin`` wins over ``Putin``).  A word boundary is any non-word character, so
    ``Kreml`` is found in ``Kreml-Sprecher`` but not in ``Kremlin``.
    """
    found: list[tuple[int, int, T]] = []
    for needle, label in needles:
        if not needle:
            continue
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            before_ok = start == 0 or not _is_word_char(text[start - 1])
            after_ok = end == len(text) or not _is_word_char(text[end])
            if before_ok and after_ok:
                found.append((start, end, label))
            start = text.find(needle, start + 1)
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    chosen: list[tuple[int, int, T]] = []
    for span in found:
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    return chosen


# What an article may hold that a terminal would obey instead of show: C0 and C1 controls
# (ESC starts a sequence that recolours, moves the cursor or renames the window; BEL rings)
# and the bidi embeddings, overrides and isolates (they reorder the rest of the line, the
# separator and the English column too).  Each is shown as a symbol: a C0 control as its
# Unicode control picture (ESC as ␛), the others as <U+XXXX>.  dolmetsch's own styles are
# added after this, so they still work.
_VISIBLE = {
    **{code: chr(0x2400 + code) for code in range(0x20)},
    0x7F: "\u2421",
    **{code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)},
    **{code: f"<U+{code:04X}>" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


def _plain(text: str) -> str:
    """NFC with every run of whitespace as one space and every control made visible
    (:data:`_VISIBLE`): what is wrapped, measured and shown."""
    return " ".join(unicodedata.normalize("NFC", text).split()).translate(_VISIBLE)


def _wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Line spans of ``text`` (already :func:`_plain`) wrapped to ``width``.

    textwrap drops the spaces where it breaks, so every line is a substring of ``text``;
    spans let highlights that run across a line break be split onto both lines.
    """
    if not text:
        return [(0, 0)]
    lines = textwrap.wrap(text, width, break_on_hyphens=False)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        start = text.index(line, pos)
        spans.append((start, start + len(line)))
        pos = start + len(line)
    return spans


class _Cell:
    """One side of a row: wrapped lines and where the highlights fall."""

    def __init__(self, text: str, width: int, terms: Sequence[str], *, base: str = "") -> None:
        self.text = _plain(text)
        self.lines = _wrap(self.text, width)
        self.base = base
        self.marks = term_spans(self.text, [(_plain(t), TERM) for t in terms])

    def render(self, index: int, highlight: bool) -> tuple[str, int]:
        """Line ``index`` (styled when ``highlight``) and its width in cells."""
        if index >= len(self.lines):
            return "", 0
        a, b = self.lines[index]
        plain = self.text[a:b]
        if not highlight:
            return plain, len(plain)
        out: list[str] = []
        pos = a
        for start, end, style in [*self.marks, (b, b, "")]:
            start, end = max(start, a), min(end, b)
            if start < pos or end < start:
                continue
            if start > pos:
                # Each run carries its own style and reset, so no style leaks past a line.
                run = self.text[pos:start]
                out.append(f"{self.base}{run}{RESET}" if self.base else run)
            if end > start:
                out.append(f"{style}{self.text[start:end]}{RESET}")
            pos = end
        return "".join(out), len(plain)


def _cells(row: Row, de_width: int, en_width: int) -> tuple[list[_Cell], list[_Cell]]:
    """The German and English cells of a row: the sentence, then any failed-check notice."""
    heading = row.kind == "heading"
    prefix = HEADING_MARK if heading else ""
    base = BOLD if heading else ""
    sources = [split_term(t)[0] for t in row.terms]
    renderings = [split_term(t)[1] for t in row.terms]
    de = [_Cell(prefix + row.de, de_width, sources, base=base)]
    if row.human:
        prefix, base = HUMAN_MARK + prefix, HUMAN_HEADING if heading else HUMAN
    en = [_Cell(prefix + row.en, en_width, renderings, base=base)]
    if row.failed:
        notice = FAILED_MARK + "; ".join(row.failed)
        en.append(_Cell(notice, en_width, [], base=FAILED))
    return de, en


def _lines(cells: list[_Cell], highlight: bool) -> list[tuple[str, int]]:
    return [cell.render(i, highlight) for cell in cells for i in range(len(cell.lines))]


def _separated(rows: Sequence[Row], width: int, highlight: bool) -> list[tuple[Row, str | None]]:
    """Each row with what goes above it: nothing, a blank line, or a rule between blocks."""
    out: list[tuple[Row, str | None]] = []
    for i, row in enumerate(rows):
        if i == 0:
            out.append((row, None))
        elif row.block != rows[i - 1].block:
            rule = "─" * width
            out.append((row, f"{DIM}{rule}{RESET}" if highlight else rule))
        else:
            out.append((row, ""))
    return out


def side_by_side(items: Iterable[RowLike], width: int, *, highlight: bool) -> list[str]:
    """German left, English right, split by ``│``; each side wrapped to its column.

    Rows of one block are separated by a blank line, blocks by a rule across the width.
    Headings start with ``#`` (and are bold when ``highlight``); glossary terms are bold
    yellow on both sides when ``highlight``; the English a person wrote starts with ``✓``
    (and is green); a failed glossary check is flagged under the English in either mode.
    Raises :class:`UsageError` when ``width`` cannot hold two columns of
    :data:`MIN_COLUMN` characters.
    """
    left = (width - len(SEPARATOR)) // 2
    right = width - len(SEPARATOR) - left
    if left < MIN_COLUMN:
        raise UsageError(
            f"a width of {width} is too narrow for two columns "
            f"(at least {2 * MIN_COLUMN + len(SEPARATOR)}); use the interleaved layout"
        )
    out: list[str] = []
    for row, above in _separated(as_rows(items), width, highlight):
        if above is not None:
            out.append(above)
        de_cells, en_cells = _cells(row, left, right)
        de, en = _lines(de_cells, highlight), _lines(en_cells, highlight)
        for i in range(max(len(de), len(en))):
            de_text, de_len = de[i] if i < len(de) else ("", 0)
            en_text = en[i][0] if i < len(en) else ""
            line = de_text + " " * (left - de_len) + SEPARATOR.rstrip()
            out.append(line + (" " + en_text if en_text else ""))
    return out


def interleaved(items: Iterable[RowLike], width: int, *, highlight: bool) -> list[str]:
    """Each German sentence, then its English indented by four spaces under it."""
    if width - len(INDENT) < MIN_COLUMN:
        raise UsageError(f"a width of {width} is too narrow; at least {MIN_COLUMN + 4} is needed")
    out: list[str] = []
    for row, above in _separated(as_rows(items), width, highlight):
        if above is not None:
            out.append(above)
        de_cells, en_cells = _cells(row, width, width - len(INDENT))
        out.extend(text for text, _ in _lines(de_cells, highlight))
        out.extend(INDENT + text if text else "" for text, _ in _lines(en_cells, highlight))
    return out


def view_lines(
    items: Iterable[RowLike], width: int, *, highlight: bool, layout: str = "auto"
) -> list[str]:
    """``layout``: ``side`` (two columns), ``interleaved``, or ``auto`` (side when wide)."""
    if layout not in ("auto", "side", "interleaved"):
        raise UsageError(f"unknown layout {layout!r}; choose one of: auto, side, interleaved")
    if layout == "side" or (layout == "auto" and width >= SIDE_BY_SIDE_MIN_WIDTH):
        return side_by_side(items, width, highlight=highlight)
    return interleaved(items, width, highlight=highlight)


# --- the title ---------------------------------------------------------------------------


class Head(NamedTuple):
    """What an output file says of its article: the source's name, its date, the engine,
    its languages (None when it names none)."""

    name: str
    date: str = ""
    engine: EngineInfo | None = None
    pair: LanguagePair | None = None


def sentence_count(rows: Sequence[Row]) -> int:
    """Sentences someone translated: neither the date nor an agency attribution (a file
    that records no origins, TSV, counts every row but the date)."""
    recorded = any(row.origin for row in rows)
    return sum(1 for row in rows if row.kind != "date" and (row.origin or not recorded))


def title_lines(head: Head, rows: Sequence[Row], width: int, *, highlight: bool) -> list[str]:
    """The lines above the article: its name, date and engine; its counts (sentences,
    glossary terms, failed checks, sentences a person translated, with the ``✓`` legend);
    for the dictionary engine the caution that it gives the gist only; then a rule.

    Each line is wrapped to ``width``; the caution is bold red when ``highlight``.
    """
    engine = head.engine.describe() if head.engine is not None else ""
    # German->English, dolmetsch's first and commonest pair, goes unnamed as it always did
    languages = head.pair.describe() if head.pair not in (None, DEFAULT_PAIR) else ""
    parts = (_plain(head.name), head.date, languages, engine)
    first = " · ".join(part for part in parts if part)
    counts = [counted(sentence_count(rows), "sentence")]
    terms = sum(len(row.terms) for row in rows if row.kind != "date")
    if terms:
        counts.append(counted(terms, "glossary term"))
    failed = sum(1 for row in rows if row.failed)
    if failed:
        counts.append(f"{counted(failed, 'sentence')} failed a glossary check (!!)")
    human = sum(1 for row in rows if row.human)
    if human:
        counts.append(f"{human} translated by a person ({HUMAN_MARK.strip()})")
    styled: list[tuple[str, str]] = [(first, BOLD), (", ".join(counts), "")]
    if head.engine is not None and head.engine.caution:
        styled.append((f"{head.engine.name} engine: {head.engine.caution}", CAUTION))
    out: list[str] = []
    for text, style in styled:
        for line in textwrap.wrap(text, width, break_on_hyphens=False) or [""]:
            out.append(f"{style}{line}{RESET}" if highlight and style else line)
    rule = "═" * width
    out.append(f"{DIM}{rule}{RESET}" if highlight else rule)
    return out


# --- reading output files back -----------------------------------------------------------

# The notes dolmetsch.po writes, one per line before polib wraps them.
_NOTE_PREFIXES = (
    "glossary: ",
    "glossary FAILED: ",
    "glossary (unlisted variant): ",
    "glossary (candidate, not applied): ",
    "heading",
    "agency attribution",
    "human translation",
)


def _po_notes(comment: str) -> list[str]:
    """The notes of a PO extracted comment, undoing polib's wrapping at 78 columns.

    polib wraps each note with textwrap, which breaks at spaces and after the hyphen of
    a compound (``Kreml-`` / ``Sprecher``); a line that starts a known note starts a new
    one, any other line continues the previous note.
    """
    notes: list[str] = []
    for line in comment.split("\n"):
        if notes and not line.startswith(_NOTE_PREFIXES):
            previous = notes[-1]
            hyphen = previous[-1:] == "-" and previous[-2:-1].isalpha() and line[:1].isalpha()
            notes[-1] = previous + ("" if hyphen else " ") + line
        else:
            notes.append(line)
    return notes


def _kind_of(segment_id: str) -> str:
    return "heading" if segment_id.startswith("h") else "paragraph"


def parse_po_rows(text: str, where: str = "<PO text>") -> list[Row]:
    """Rows of a PO file written by :mod:`dolmetsch.po`, or one a person has edited since.

    An entry without ``msgctxt`` (hand-made files) gets its position as id (``e7``);
    obsolete entries are left out.  A file msgfmt would refuse raises
    :class:`~dolmetsch.po.PoError` naming ``where`` and the line: a half-read file is
    never shown as if it were whole.
    """
    from .po import parse_po_strict

    return _po_rows(parse_po_strict(text, where))


def _po_rows(po: polib.POFile) -> list[Row]:
    rows: list[Row] = []
    date = po.metadata.get("X-Dolmetsch-Article-Date", "")
    if date:
        rows.append(Row("date", "date", date, date))
    for number, entry in enumerate(po, start=1):
        if entry.obsolete:
            continue
        segment_id = entry.msgctxt or f"e{number}"
        terms: list[str] = []
        failed: list[str] = []
        kind = _kind_of(segment_id)
        # reviewed (no fuzzy flag) is a person's, as the next run will take it
        origin = "machine" if "fuzzy" in entry.flags else "human" if entry.msgstr else ""
        for note in _po_notes(entry.comment or ""):
            if note.startswith("glossary FAILED: "):
                failed += note.removeprefix("glossary FAILED: ").split("; ")
            elif note.startswith("glossary: "):
                terms += note.removeprefix("glossary: ").split("; ")
            elif note == "heading":
                kind = "heading"
            elif note.startswith("agency attribution"):
                origin = ""  # carried over from the source, translated by nobody
        rows.append(
            Row(segment_id, kind, entry.msgid, entry.msgstr, tuple(terms), tuple(failed), origin)
        )
    return rows


def parse_tsv_rows(text: str) -> list[Row]:
    """Rows of a TSV file written by :mod:`dolmetsch.tsv` (it keeps no glossary terms)."""
    from .tsv import parse_tsv

    return [
        Row(segment_id, "date" if segment_id == "date" else _kind_of(segment_id), de, en)
        for segment_id, de, en in parse_tsv(text)
    ]


def load_rows(path: Path) -> list[Row]:
    """Rows of an ``out/<stem>.po`` or ``out/<stem>.tsv`` file."""
    return load_view(path)[1]


def po_head(po: polib.POFile, fallback: str) -> Head:
    """The :class:`Head` a PO's header gives (``fallback`` names a hand-made one's article)."""
    meta = po.metadata
    engine = None
    if meta.get("X-Dolmetsch-Engine"):
        engine = EngineInfo(
            meta["X-Dolmetsch-Engine"],
            meta.get("X-Dolmetsch-Model", ""),
            meta.get("X-Dolmetsch-Model-Version", ""),
        )
    name = meta.get("X-Dolmetsch-Source") or fallback
    from .po import po_pair

    try:
        pair: LanguagePair | None = po_pair(meta)
    except DolmetschError:
        pair = None  # a person's editor wrote a locale dolmetsch does not know: not named
    return Head(name, meta.get("X-Dolmetsch-Article-Date", ""), engine, pair)


def load_view(path: Path) -> tuple[Head, list[Row]]:
    """What ``dolmetsch view`` shows of an ``out/<stem>.po`` or ``out/<stem>.tsv`` file:
    its :class:`Head` and its rows.  A TSV names neither engine nor origins."""
    suffix = path.suffix.lower()
    if suffix not in (".po", ".tsv"):
        raise UsageError(f"{path}: can show .po and .tsv files, not {path.suffix or 'this file'}")
    if suffix == ".po":
        from .po import read_po

        po = read_po(path)  # its errors already name path and line
        return po_head(po, path.name), _po_rows(po)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read: {exc}") from None
    try:
        rows = parse_tsv_rows(text)
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None
    date = next((row.de for row in rows if row.kind == "date"), "")
    from .tsv import header_pair

    return Head(path.name, date, pair=header_pair(text)), rows
