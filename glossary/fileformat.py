"""The glossary file: a documented, diff-friendly TSV, one entry per line.

Format (also described at the top of the default ``terms.tsv``)::

    # comment lines and blank lines are kept as they are
    english<TAB>kind<TAB>german<TAB>short<TAB>adjective<TAB>forbidden<TAB>compounds<TAB>note
    Volodymyr Zelensky<TAB>person<TAB>Selenskyj; Selenski<TAB>Zelensky<TAB><TAB>Zelenskyy

The first non-comment line is that header row.  List cells separate items with ``"; "``.
Trailing empty cells may be left out; ``compounds`` is empty or ``closed``.
``parse_glossary`` / ``dump_glossary`` are pure; ``load_*`` / ``save_glossary`` do the I/O.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

from dolmetsch.errors import OutputError
from dolmetsch.files import write_atomic

from .errors import GlossaryError
from .model import KINDS, Entry, Glossary, Kind, make_glossary

COLUMNS = ("english", "kind", "german", "short", "adjective", "forbidden", "compounds", "note")
HEADER = "\t".join(COLUMNS)
DEFAULT_NAME = "terms.tsv"
_SEP = "; "


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def _is_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


BOM = "\ufeff"


def _parse_row(line: str, source: str, number: int) -> Entry:
    """One entry line; its ``raw`` is the line itself, kept for writing it back unchanged."""
    cells = line.split("\t")
    if len(cells) < 3 or len(cells) > len(COLUMNS):
        raise GlossaryError(
            f"{source}:{number}: expected 3 to {len(COLUMNS)} tab-separated columns "
            f"({', '.join(COLUMNS)}), found {len(cells)}"
        )
    cells = [c.strip() for c in cells] + [""] * (len(COLUMNS) - len(cells))
    english, kind, german, short, adjective, forbidden, compounds, note = cells
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
        target=english,
        kind=kind_,
        variants=_split_list(german),
        short=short,
        adjective=adjective,
        forbidden=_split_list(forbidden),
        closed_compounds=compounds == "closed",
        note=note,
        raw=line,
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
    entries: list[Entry] = []
    numbers: list[int] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if _is_comment(line):
            pending.append(line)
            continue
        if preamble is None:
            if line.rstrip() != HEADER:
                raise GlossaryError(
                    f"{source}:{number}: expected the header row "
                    f"{' | '.join(COLUMNS)} (separated by tabs)"
                )
            preamble, pending, header = tuple(pending), [], line
            continue
        entries.append(replace(_parse_row(line, source, number), leading=tuple(pending)))
        numbers.append(number)
        pending = []
    if preamble is None:
        raise GlossaryError(f"{source}:{len(lines) + 1}: no header row; expected {HEADER!r}")
    return make_glossary(
        entries, source, numbers, preamble, pending,
        header=None if header == HEADER else header, bom=bom,
    )  # fmt: skip


def dump_entry(entry: Entry) -> str:
    """The entry's line: as it was read while it still says exactly this entry (so that a
    change elsewhere in the file leaves it byte for byte), else in the canonical form."""
    if entry.raw is not None:
        try:
            unchanged = make_glossary([_parse_row(entry.raw, "", 0)]).entries[0] == entry
        except GlossaryError:
            unchanged = False
        if unchanged:
            return entry.raw
    cells = [
        entry.target,
        entry.kind,
        _SEP.join(entry.variants),
        entry.short,
        entry.adjective,
        _SEP.join(entry.forbidden),
        "closed" if entry.closed_compounds else "",
        entry.note,
    ]
    while len(cells) > 3 and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def dump_glossary(glossary: Glossary) -> str:
    """The file text; ``dump_glossary(parse_glossary(t)) == t`` for any file with LF line
    ends that ends in one (CRLF is the job of whoever writes the bytes)."""
    out = [*glossary.preamble, glossary.header or HEADER]
    for entry in glossary.entries:
        out.extend(entry.leading)
        out.append(dump_entry(entry))
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
