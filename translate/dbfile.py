"""The SQLite files dolmetsch keeps (the translation memory, the output ledger): telling
its own from anyone else's, opening one read-only without leaving a trace beside it, and
putting what went wrong into one line.

Each kind of file carries its own ``PRAGMA application_id``, set when it is created (and
on files made before there were ids, which are known by their exact tables).  Any other
SQLite file is recognised as someone else's before a single byte of it is written.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

_MAGIC = b"SQLite format 3\x00"
# the application ids: four letters each, so that `file` and a hex dump show whose it is
MEMORY_APP_ID = int.from_bytes(b"DoTM", "big")
LEDGER_APP_ID = int.from_bytes(b"DoLG", "big")

Columns = tuple[str, ...]


@dataclass(frozen=True)
class Kind:
    """One kind of dolmetsch file: its application id, and the tables (with each table's
    columns as any dolmetsch version made them) that name a file made before the ids."""

    name: str
    article: str  # "a" or "an", for messages
    app_id: int
    tables: Mapping[str, frozenset[Columns]]
    required: frozenset[str]

    def has_layout(self, tables: Mapping[str, Columns]) -> bool:
        """Whether ``tables`` (name -> columns) are exactly tables of this kind."""
        return self.required <= tables.keys() and all(
            columns in self.tables.get(name, frozenset()) for name, columns in tables.items()
        )


_META = frozenset({("key", "value")})
_UNIT_V1 = ("source", "origin", "stamp", "target", "engine", "model", "glossary", "terms")
UNIT_COLUMNS_V2 = (
    "source", "origin", "stamp", "context", "target", "engine", "model", "glossary",
    "terms", "seq",
)  # fmt: skip
UNIT_COLUMNS = ("pair", *UNIT_COLUMNS_V2)
MEMORY = Kind(
    "translation memory",
    "a",
    MEMORY_APP_ID,
    {
        "meta": _META,
        "unit": frozenset({_UNIT_V1, UNIT_COLUMNS_V2, UNIT_COLUMNS}),
        "withdrawn": frozenset(
            {("source", "context", "target"), ("pair", "source", "context", "target")}
        ),
    },
    frozenset({"meta", "unit"}),
)
LEDGER = Kind(
    "output ledger",
    "an",
    LEDGER_APP_ID,
    {
        "meta": _META,
        "article": frozenset({("stem", "source_sha256", "stamp", "outputs", "index_row")}),
        "output": frozenset({("name", "sha256")}),
        "pending": frozenset({("name", "sha256")}),
    },
    frozenset({"meta", "article"}),
)
KINDS = (MEMORY, LEDGER)


class NotOurs(Exception):
    """The file is not of the kind asked for (or not a SQLite file at all); the message says
    what it is instead."""

    def __init__(self, what: str, *, damaged: bool = False) -> None:
        super().__init__(what)
        self.damaged = damaged  # it may be ours, but is unreadable


State = Literal["new", "ours", "legacy"]


def recognise(path: Path, kind: Kind) -> State:
    """Whether the file at ``path`` is missing or empty (``new``), of ``kind`` (``ours``), or
    of ``kind`` from before application ids (``legacy``), without writing anything;
    :class:`NotOurs` otherwise.  OSError when it cannot be read."""
    header = read_header(path)
    if not header:
        return "new"
    app_id = header_app_id(header)
    if app_id is None:
        raise NotOurs(
            f"damaged or not {kind.article} {kind.name} (not a SQLite database)", damaged=True
        )
    if app_id == kind.app_id:
        return "ours"
    for other in KINDS:
        if other.app_id == app_id:
            raise NotOurs(f"a dolmetsch {other.name}, not {kind.article} {kind.name}")
    if app_id != 0:
        raise NotOurs(
            f"a SQLite database of another program (application id {app_id & 0xFFFFFFFF:#010x}), "
            f"not {kind.article} {kind.name}"
        )
    try:
        db = connect_read_only(path)
        try:
            tables = table_layout(db)
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise NotOurs(
            f"damaged or not {kind.article} {kind.name} ({one_line(exc)})", damaged=True
        ) from exc
    user_version = int.from_bytes(header[60:64], "big")
    if not tables and user_version == 0:
        return "new"  # an empty database: nobody's data
    return legacy_state(tables, app_id, kind)


def read_header(path: Path) -> bytes:
    """The first 100 bytes of the file (b'' when there is none): SQLite's header, read
    without SQLite, which may write beside a file it opens."""
    try:
        # not blocking: a FIFO in its place must not hang the run
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return b""
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return file.read(100)


def header_app_id(header: bytes) -> int | None:
    """The application id in a SQLite header, None when it is not one."""
    if not header.startswith(_MAGIC) or len(header) < 100:
        return None
    return int.from_bytes(header[68:72], "big", signed=True)


def legacy_state(tables: Mapping[str, Columns], app_id: int, kind: Kind) -> State:
    """The state of a file with these tables and application id; :class:`NotOurs` when they
    are not ``kind``'s.  Also used under a write lock, to look again before changing it."""
    if app_id == kind.app_id:
        return "ours"
    if app_id == 0 and not tables:
        return "new"
    if app_id == 0 and kind.has_layout(tables):
        return "legacy"
    for other in KINDS:
        if app_id == other.app_id or (app_id == 0 and other.has_layout(tables)):
            raise NotOurs(f"a dolmetsch {other.name}, not {kind.article} {kind.name}")
    if app_id != 0:
        raise NotOurs(
            f"a SQLite database of another program (application id {app_id & 0xFFFFFFFF:#010x}), "
            f"not {kind.article} {kind.name}"
        )
    names = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    raise NotOurs(f"a SQLite database that is not {kind.article} {kind.name} (its tables: {names})")


def table_layout(db: sqlite3.Connection) -> dict[str, Columns]:
    """Each table of the main database with its columns in order."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        str(name): tuple(str(r[0]) for r in db.execute("SELECT name FROM pragma_table_info(?)",
                                                        (name,)))
        for name in names
    }  # fmt: skip


def application_id(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA application_id").fetchone()[0])


def writable(path: Path) -> bool:
    """Whether the database at ``path`` may be written: the file (when there is one) and its
    folder, where SQLite keeps its journal.  ``os.access``: a read-only mount says no, even
    to root."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.R_OK | os.W_OK)


def uri(path: Path, mode: str) -> str:
    """The SQLite URI of ``path`` (any characters, quoted) with ``mode`` ro, rw or rwc."""
    return f"{path.absolute().as_uri()}?mode={mode}"


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection that neither creates the file (unless ``mode`` is rwc) nor follows a
    URI in its name."""
    return sqlite3.connect(uri(path, mode), uri=True, timeout=30)


def read_only_uri(path: Path) -> str:
    """The URI to read ``path`` without leaving a file beside it: SQLite's shared-memory
    file is used when a writer already made it, else the file is read as immutable (no
    locks, no ``-shm``/``-wal``), which a folder nobody may write needs anyway."""
    shm = path.with_name(path.name + "-shm")
    return uri(path, "ro") + ("" if shm.exists() else "&immutable=1")


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=30)


def quick_check(db: sqlite3.Connection) -> str | None:
    """The first fault ``PRAGMA quick_check`` finds (one line), None when there is none.

    Linear in the file's size, about 500 MB/s with the file in the page cache: 7 ms for a
    3.6 MB memory, 1.5 s for 770 MB (2 million units; bench/sqlite_check.py)."""
    rows = db.execute("PRAGMA quick_check(1)").fetchall()
    found = " ".join(str(r[0]) for r in rows)
    if found == "ok":
        return None
    return one_line(found.replace("*** in database main ***", ""))


Trouble = Literal["damaged", "full", "busy", "access"]


def trouble(exc: BaseException) -> Trouble:
    """What kind of fault an exception from SQLite is: damage (of the file or its text), a
    full disk, another process holding the file, or anything about access and I/O."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "Could not decode" in str(exc):
        return "damaged"
    if name == "SQLITE_ERROR":  # no such table or column: not the tables dolmetsch made
        return "damaged"
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return "damaged"  # malformed, integrity, data: the contents are not what was written
    if name == "SQLITE_FULL":
        return "full"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "busy"
    return "access"


def one_line(exc: BaseException | str, limit: int = 160) -> str:
    """``exc`` as one short printable line (a damaged file's text may be anything)."""
    text = str(exc)
    text = text.split(" with text ", 1)[0] if "Could not decode" in text else text
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
