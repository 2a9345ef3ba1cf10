"""The glossary file: a documented, diff-friendly TSV, one entry per line.

Format (also described at the top of the default ``terms.tsv``)::

    # comment lines and blank lines are kept as they are
    english<TAB>kind<TAB>german<TAB>short<TAB>adjective<TAB>forbidden<TAB>compounds<TAB>note
    Volodymyr Zelensky<TAB>person<TAB>Selenskyj; Selenski<TAB>Zelensky<TAB><TAB>Zelenskyy

The first non-comment line is that header row.  List cells separate items with ``"; "``.
Trailing empty cells may be left out; ``compounds`` is empty or ``closed``.
``parse_glossary`` / ``dump_glossary`` are pure; ``load_*`` / ``save_glossary`` do the I/O.

Languages: the header row names the columns, in any order.  ``english`` and ``kind`` are
required; ``german`` may also be called ``de``; any other two-letter ISO 639-1 code
(``ru``, ``uk``, ``pl``) is a column of that language's spellings, ``"; "``-separated,
nominative first (the first is also the entity's canonical form in that language)::

    english<TAB>kind<TAB>german<TAB>ru<TAB>uk<TAB>pl<TAB>short<TAB>...
    Kyiv<TAB>place<TAB>Kiew<TAB>Киев<TAB>Київ<TAB>Kijów<TAB><TAB>...

A file with today's header reads as it always did, and is written back byte for byte.
A header row may leave columns out; the file gains a column (appended to its header row)
only when an entry gets something to say in it (spellings in a language, a short form, a
note...), and the lines of the other entries stay as they were: a change never drops a
field.  Language columns take the codes ``--from`` takes (``RU`` is ru; ``ua`` is refused:
Ukrainian is ``uk``).
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

from dolmetsch.errors import OutputError
from dolmetsch.files import write_atomic
from dolmetsch.languages import LanguageError, check_code

from .errors import GlossaryError
from .model import KINDS, Entry, Glossary, Kind, is_language_code, make_glossary

COLUMNS = ("english", "kind", "german", "short", "adjective", "forbidden", "compounds", "note")
HEADER = "\t".join(COLUMNS)
_FIELDS = frozenset(COLUMNS) | {"de"}
DEFAULT_NAME = "terms.tsv"
_SEP = "; "


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def _is_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


BOM = "\ufeff"


def header_columns(header: str, source: str = "<glossary>", number: int = 0) -> tuple[str, ...]:
    """The column names of a header row; raises :class:`GlossaryError` when it is not one."""
    names = tuple(cell.strip() for cell in header.rstrip().split("\t"))
    where = f"{source}:{number}"
    if "english" not in names or "kind" not in names:
        raise GlossaryError(
            f"{where}: expected the header row {' | '.join(COLUMNS)} (separated by tabs; "
            "language columns such as ru, uk, pl may follow)"
        )
    names = tuple(_column_name(name, where) for name in names)
    for i, name in enumerate(names):
        if name == "en":
            raise GlossaryError(
                f"{where}: no 'en' column: the English forms go in english, short and forbidden"
            )
        if name in names[:i]:
            raise GlossaryError(f"{where}: column {name!r} appears twice in the header row")
    if {"de", "german"} <= set(names):
        raise GlossaryError(
            f"{where}: columns 'german' and 'de' are one column (German spellings); keep one"
        )
    return names


def _column_name(name: str, where: str) -> str:
    """A header cell as a column: a field, or a language code as ``--from`` takes it
    (``RU`` -> ``ru``); anything else is refused, with the code meant when there is one."""
    if name in _FIELDS:
        return name
    try:
        return check_code(name, "column")
    except LanguageError as exc:
        _, _, hint = str(exc).partition(": did you mean ")
        raise GlossaryError(
            f"{where}: unknown column {name!r} in the header row; use {', '.join(COLUMNS)} "
            "or an ISO 639-1 language code (ru, uk, pl, ...)"
            + (f": did you mean {hint}" if hint else "")
        ) from None


def _min_cells(columns: tuple[str, ...]) -> int:
    """The cells a line must have: through kind, and through the German column if the file
    has one right after the required columns (the standard file has always written
    ``Kursk<TAB>place<TAB>``).  A German column a change appended to the header row is not
    required of the lines written before it, which stay as they were."""
    least = max(columns.index(c) for c in ("english", "kind")) + 1
    for i, column in enumerate(columns[least:], start=least):
        if column in ("german", "de"):
            return i + 1
        if column not in ("english", "kind"):
            break
    return least


def _parse_row(line: str, source: str, number: int, columns: tuple[str, ...] = COLUMNS) -> Entry:
    """One entry line; its ``raw`` is the line itself, kept for writing it back unchanged."""
    cells = line.split("\t")
    least = _min_cells(columns)
    if len(cells) < least or len(cells) > len(columns):
        raise GlossaryError(
            f"{source}:{number}: expected {least} to {len(columns)} tab-separated columns "
            f"({', '.join(columns)}), found {len(cells)}"
        )
    cells = [c.strip() for c in cells] + [""] * (len(columns) - len(cells))
    row = dict(zip(columns, cells, strict=True))
    kind = row["kind"]
    compounds = row.get("compounds", "")
    if kind not in KINDS:
        raise GlossaryError(
            f"{source}:{number}: unknown kind {kind!r}; use one of: {', '.join(KINDS)}"
        )
    if compounds not in ("", "closed"):
        raise GlossaryError(
            f"{source}:{number}: compounds must be empty or 'closed', not {compounds!r}"
        )
    kind_: Kind = kind  # checked against KINDS just above
    return Entry(
        target=row["english"],
        kind=kind_,
        variants=_split_list(row.get("german", row.get("de", ""))),
        short=row.get("short", ""),
        adjective=row.get("adjective", ""),
        forbidden=_split_list(row.get("forbidden", "")),
        closed_compounds=compounds == "closed",
        note=row.get("note", ""),
        raw=line,
        spellings=tuple(
            (name, _split_list(row[name]))
            for name in columns
            if is_language_code(name) and name != "de"
        ),
    )


def parse_glossary(text: str, source: str = "<glossary>") -> Glossary:
    """Parse the text of a glossary file; errors name ``source:line``.

    A UTF-8 byte order mark (Windows editors write one) is tolerated and kept, like the
    header row and every entry's line as written, for :func:`dump_glossary`.
    """
    bom = text.startswith(BOM)
    lines = text.removeprefix(BOM).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    pending: list[str] = []
    preamble: tuple[str, ...] | None = None
    header = HEADER
    columns: tuple[str, ...] = COLUMNS
    entries: list[Entry] = []
    numbers: list[int] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if _is_comment(line):
            pending.append(line)
            continue
        if preamble is None:
            if line.rstrip() != HEADER:
                columns = header_columns(line, source, number)
            preamble, pending, header = tuple(pending), [], line
            continue
        entry = _parse_row(line, source, number, columns)
        entries.append(replace(entry, leading=tuple(pending)))
        numbers.append(number)
        pending = []
    if preamble is None:
        raise GlossaryError(f"{source}:{len(lines) + 1}: no header row; expected {HEADER!r}")
    return make_glossary(
        entries, source, numbers, preamble, pending,
        header=None if header == HEADER else header, bom=bom,
    )  # fmt: skip


def _needed_fields(entry: Entry) -> set[str]:
    """The columns other than english and kind that ``entry`` has something to say in."""
    values = {
        "german": entry.variants,
        "short": entry.short,
        "adjective": entry.adjective,
        "forbidden": entry.forbidden,
        "compounds": entry.closed_compounds,
        "note": entry.note,
    }
    return {name for name, value in values.items() if value}


def file_columns(glossary: Glossary) -> tuple[str, ...]:
    """The columns the file of ``glossary`` has: its header row's, then each column an entry
    needs that the header row does not name yet (a field such as short or note, in the
    standard order, then the languages by code).  A header row may leave columns out; a
    change that fills one adds it rather than dropping what the person asked to keep."""
    columns = COLUMNS if glossary.header is None else header_columns(glossary.header)
    have = set(columns) | ({"german"} if "de" in columns else set())
    needed: set[str] = set()
    for entry in glossary.entries:
        needed |= _needed_fields(entry)
    fields = [c for c in COLUMNS if c in needed and c not in have]
    languages = [c for c in glossary.languages if c != "de" and c not in have]
    return (*columns, *fields, *languages)


def _cell(entry: Entry, column: str) -> str:
    if is_language_code(column):
        return _SEP.join(entry.spellings_in(column))
    return {
        "english": entry.target,
        "kind": entry.kind,
        "german": _SEP.join(entry.variants),
        "short": entry.short,
        "adjective": entry.adjective,
        "forbidden": _SEP.join(entry.forbidden),
        "compounds": "closed" if entry.closed_compounds else "",
        "note": entry.note,
    }[column]


def dump_entry(entry: Entry, columns: tuple[str, ...] = COLUMNS) -> str:
    """The entry's line: as it was read while it still says exactly this entry (so that a
    change elsewhere in the file leaves it byte for byte), else in the canonical form."""
    if entry.raw is not None:
        try:
            parsed = _parse_row(entry.raw, "", 0, columns)
            unchanged = make_glossary([parsed]).entries[0] == entry
        except GlossaryError:
            unchanged = False
        if unchanged:
            return entry.raw
    cells = [_cell(entry, column) for column in columns]
    while len(cells) > _min_cells(columns) and not cells[-1]:
        cells.pop()
    line = "\t".join(cells)
    # The last guard of "never drop a field": what is written must read back as the entry.
    if make_glossary([_parse_row(line, "", 0, columns)]).entries[0] != entry:
        raise GlossaryError(
            f"cannot write {entry.target!r} in the columns {', '.join(columns)} without "
            "losing part of it; nothing written"
        )
    return line


def dump_glossary(glossary: Glossary) -> str:
    """The file text; ``dump_glossary(parse_glossary(t)) == t`` for any file with LF line
    ends that ends in one (CRLF is the job of whoever writes the bytes)."""
    columns = file_columns(glossary)
    header = glossary.header or HEADER
    have = COLUMNS if glossary.header is None else header_columns(header)
    if columns != have:  # the columns a change needs join the header row, at its end
        header = "\t".join((header, *columns[len(have) :]))
    out = [*glossary.preamble, header]
    for entry in glossary.entries:
        out.extend(entry.leading)
        out.append(dump_entry(entry, columns))
    out.extend(glossary.trailer)
    return (BOM if glossary.bom else "") + "\n".join(out) + "\n"


def load_glossary(path: Path) -> Glossary:
    return parse_glossary(read_text(path), str(path))


def default_glossary_text() -> str:
    try:
        return resources.files(__package__).joinpath(DEFAULT_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        # A strict editable install links only the files declared as package data; the link
        # itself leads back to the source tree, where the file always is.
        return (Path(__file__).resolve().parent / DEFAULT_NAME).read_text(encoding="utf-8")


def load_default_glossary() -> Glossary:
    """The glossary shipped with dolmetsch (``glossary/terms.tsv``)."""
    return parse_glossary(default_glossary_text(), f"glossary/{DEFAULT_NAME}")


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """A glossary or exchange file's text; a failure names the file."""
    try:
        return path.read_text(encoding=encoding)
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc}") from exc


def write_text(path: Path, text: str) -> None:
    """Write atomically: a crash or full disk leaves the old file whole, never truncated."""
    try:
        write_atomic(path, text.encode("utf-8"))
    except OutputError as exc:
        raise GlossaryError(f"{path}: cannot write glossary: {exc.__cause__ or exc}") from exc


def save_glossary(glossary: Glossary, path: Path) -> None:
    write_text(path, dump_glossary(glossary))
