"""The output folder's ledger: what each article's outputs were made from.

``out/.dolmetsch-ledger.sqlite`` records, per article, the SHA-256 of its source, the run
stamp (tool version, engine and model, glossary, translation memory state) and the SHA-256
of every output written for it.  A re-run that finds all of them unchanged knows the outputs
are exactly what translating again would produce, and keeps them without reading, parsing
or rendering the article: an unchanged article costs a few file hashes.

It is also how dolmetsch knows which files in the folder it wrote: an output is replaced
only while it holds the bytes recorded here, so a person's edit is never overwritten.  A
missing, damaged or foreign ledger means every article takes the normal path (the
translation memory still spares the engine), and an existing output whose bytes would change
is then left alone and reported, never overwritten.  A damaged ledger of dolmetsch's own is
started again (said in a note); any other file in its place is left byte for byte (said in
one line).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from .dbfile import (
    LEDGER,
    LEDGER_APP_ID,
    NotOurs,
    State,
    application_id,
    connect,
    header_app_id,
    legacy_state,
    one_line,
    quick_check,
    read_header,
    recognise,
    table_layout,
    trouble,
)
from .files import LEDGER_FILE, read_regular
from .html import IndexRow

LEDGER_NAME = LEDGER_FILE
SCHEMA_VERSION = "1"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS article (
    stem TEXT PRIMARY KEY,
    source_sha256 TEXT NOT NULL,
    stamp TEXT NOT NULL,
    outputs TEXT NOT NULL,     -- JSON: output file name -> SHA-256 of its bytes
    index_row TEXT NOT NULL    -- JSON: the article's line in index.html
) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS output (  -- the run's own files: corpus.tmx, index.html
    name TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL
) WITHOUT ROWID""",
    # bytes about to be renamed into place, noted before the rename: a run killed before it
    # records them in the tables above still knows those files for its own
    """CREATE TABLE IF NOT EXISTS pending (
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (name, sha256)
) WITHOUT ROWID""",
)
_SIDE_FILES = ("-journal", "-wal", "-shm")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read (missing, a folder, no access,
    a FIFO or device, which is never opened)."""
    try:
        return sha256_bytes(read_regular(path))
    except OSError:
        return None


@dataclass(frozen=True)
class Entry:
    """One article's record: its source, the run stamp and the outputs written from them."""

    stem: str
    source_sha256: str
    stamp: str
    outputs: Mapping[str, str]
    index_row: IndexRow

    def current(self, out_dir: Path, source_sha256: str, stamp: str) -> bool:
        """Whether the outputs on disk are still exactly the ones this entry records."""
        return (
            source_sha256 == self.source_sha256
            and stamp == self.stamp
            and all(sha256_file(out_dir / name) == sha for name, sha in self.outputs.items())
        )


class Ledger:
    """An open ledger of ``out_dir``; use as a context manager or call :meth:`close`.

    Never a reason for a run to stop: a file at its place that dolmetsch did not write is
    left as it is (:attr:`problem`, one line), a damaged ledger of dolmetsch's is started
    again (:attr:`note`), and a fault while the run goes on closes it (:attr:`trouble`);
    then every article takes the normal path."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / LEDGER_NAME
        self._db: sqlite3.Connection | None = None
        self.problem: str | None = None  # not ours, or cannot be opened: run without one
        self.note: str | None = None  # ours but damaged: started again
        self.trouble: str | None = None  # a fault during the run: closed from then on
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            state = recognise(self.path, LEDGER)
            self._db = self._open(state)
        except NotOurs as exc:
            if exc.damaged and self._started_again(str(exc)):
                return
            self.problem = (
                f"{self.path}: {exc}; it was left as it is, and this run keeps no record of "
                "its outputs: move it away, then run again"
            )
        except sqlite3.DatabaseError as exc:
            if trouble(exc) == "damaged" and self._started_again(one_line(exc)):
                return
            self.problem = self._unusable(exc)
        except OSError as exc:
            self.problem = self._unusable(exc)

    def _unusable(self, exc: BaseException) -> str | None:
        if not os.access(self.path.parent, os.W_OK):
            return None  # nothing can be written there: each output says so itself
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else one_line(exc)
        return (
            f"{self.path}: cannot open the output ledger ({detail}); it was left as it is, and "
            "this run keeps no record of its outputs: move it away, or check the folder's "
            "permissions and free disk space"
        )

    def _open(self, state: State) -> sqlite3.Connection:
        db = connect(self.path, "rwc" if state == "new" else "rw")
        try:
            if state != "new" and (fault := quick_check(db)) is not None:
                raise sqlite3.DatabaseError(f"database disk image is malformed: {fault}")
            if application_id(db) != LEDGER_APP_ID or not self._current(db):
                db.execute("BEGIN IMMEDIATE")
                try:
                    # looked at again under the lock: it is ours, or another run's new one
                    legacy_state(table_layout(db), application_id(db), LEDGER)
                    db.execute(f"PRAGMA application_id = {LEDGER_APP_ID}")
                    for statement in _SCHEMA:
                        db.execute(statement)
                    if not self._current(db):
                        db.execute("DELETE FROM article")
                        db.execute(
                            "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,)
                        )
                    db.commit()
                except BaseException:
                    db.rollback()
                    raise
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _current(db: sqlite3.Connection) -> bool:
        """Whether ``db`` has every table, and records of this schema."""
        if not table_layout(db).keys() >= {"meta", "article", "output", "pending"}:
            return False
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return row is not None and row[0] == SCHEMA_VERSION

    def _started_again(self, fault: str) -> bool:
        """Replace a damaged ledger: it only records what the outputs show.  A file at the
        ledger's name that cannot be read is taken for a damaged ledger, unless its header
        names another program.  Whether a new one is open."""
        try:
            if header_app_id(read_header(self.path)) not in (None, 0, LEDGER_APP_ID):
                return False  # another program's: left alone
            for name in (self.path.name, *(self.path.name + s for s in _SIDE_FILES)):
                (self.path.parent / name).unlink(missing_ok=True)
            self._db = self._open("new")
        except (OSError, sqlite3.DatabaseError, NotOurs):
            return False
        self.note = (
            f"{self.path}: the output ledger was damaged ({fault}); a new one was started: "
            "an output that differs from what this run writes is left alone and reported"
        )
        return True

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _failed(self, exc: BaseException) -> None:
        """A fault during the run: said once at its end; every later article takes the
        normal path (the next run checks the file and starts it again if it is damaged)."""
        if self.trouble is None:
            self.trouble = (
                f"{self.path}: the output ledger failed during the run ({one_line(exc)}); the "
                "outputs written are whole: run again to bring it up to date"
            )
        self.close()

    def get(self, stem: str) -> Entry | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT source_sha256, stamp, outputs, index_row FROM article WHERE stem = ?",
                (stem,),
            ).fetchone()
            if row is None:
                return None
            outputs, index_row = json.loads(row[2]), json.loads(row[3])
            if not (isinstance(outputs, dict) and isinstance(index_row, dict)):
                raise ValueError("not a JSON object")
            if not all(isinstance(v, str) for v in (row[0], row[1], *outputs.values())):
                raise ValueError("not text")
            return Entry(stem, row[0], row[1], outputs, IndexRow(**index_row))
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.OperationalError as exc:
            if trouble(exc) != "damaged":
                self._failed(exc)
                return None
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            return None
        except (ValueError, TypeError):
            pass
        # a damaged record (its text, its JSON): dropped, the article takes the normal path
        try:
            with self._db:
                self._db.execute("DELETE FROM article WHERE stem = ?", (stem,))
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
        return None

    def pending(self, names: Iterable[str]) -> dict[str, set[str]]:
        """The bytes noted for ``names`` before a rename that no record followed yet."""
        found: dict[str, set[str]] = {}
        if self._db is None:
            return found
        try:
            for name in names:
                rows = self._db.execute("SELECT sha256 FROM pending WHERE name = ?", (name,))
                found[name] = {str(row[0]) for row in rows}
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            return {}
        return found

    def record(self, entries: Iterable[Entry]) -> None:
        if self._db is None:
            return
        entries = list(entries)
        rows = [
            (e.stem, e.source_sha256, e.stamp, json.dumps(dict(e.outputs), sort_keys=True),
             json.dumps(asdict(e.index_row), sort_keys=True, ensure_ascii=False))
            for e in entries
        ]  # fmt: skip
        names = [(name,) for e in entries for name in e.outputs]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO article VALUES (?,?,?,?,?)", rows)
                self._db.executemany("DELETE FROM pending WHERE name = ?", names)
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.DatabaseError as exc:
            self._failed(exc)  # the next run takes the normal path for these articles

    def written(self, name: str) -> str | None:
        """The SHA-256 of the run-wide output ``name`` as dolmetsch last wrote it."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT sha256 FROM output WHERE name = ?", (name,)).fetchone()
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            return None
        return None if row is None else str(row[0])

    def record_written(self, name: str, sha256: str) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO output VALUES (?, ?)", (name, sha256))
                self._db.execute("DELETE FROM pending WHERE name = ?", (name,))
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.DatabaseError as exc:
            self._failed(exc)

    def forget(self, stem: str) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("DELETE FROM article WHERE stem = ?", (stem,))
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.DatabaseError as exc:
            self._failed(exc)


def note_pending(out_dir: Path, shas: Mapping[str, str]) -> None:
    """Note, before the renames, the bytes about to replace the files ``shas`` names (from
    any process of the run: a worker too).  Without the note, a run killed between the
    rename and its record would leave files the next run must take for a person's.  Only
    in a ledger of dolmetsch's: any other file there is never written."""
    if not shas:
        return
    path = out_dir / LEDGER_NAME
    try:
        if header_app_id(read_header(path)) != LEDGER_APP_ID:
            return  # none, or not ours: such a file is then refused, never overwritten
        db = connect(path, "rw")
    except (OSError, sqlite3.Error):
        return
    try:
        with db:
            db.executemany("INSERT OR IGNORE INTO pending VALUES (?, ?)", list(shas.items()))
    except sqlite3.Error:
        pass
    finally:
        db.close()
