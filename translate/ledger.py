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
is then left alone and reported, never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from .files import LEDGER_FILE
from .html import IndexRow

LEDGER_NAME = LEDGER_FILE
SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article (
    stem TEXT PRIMARY KEY,
    source_sha256 TEXT NOT NULL,
    stamp TEXT NOT NULL,
    outputs TEXT NOT NULL,     -- JSON: output file name -> SHA-256 of its bytes
    index_row TEXT NOT NULL    -- JSON: the article's line in index.html
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS output (  -- the run's own files: corpus.tmx, index.html
    name TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL
) WITHOUT ROWID;
-- bytes about to be renamed into place, noted before the rename: a run killed before it
-- records them in the tables above still knows those files for its own
CREATE TABLE IF NOT EXISTS pending (
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (name, sha256)
) WITHOUT ROWID;
"""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read (missing, a folder, no access)."""
    try:
        return sha256_bytes(path.read_bytes())
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
    """An open ledger of ``out_dir``; use as a context manager or call :meth:`close`."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / LEDGER_NAME
        self._db: sqlite3.Connection | None = None
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except sqlite3.DatabaseError:
            # Damaged (a machine crash under a write): it only caches what the outputs
            # show, so start it again rather than lose the quick path for good.
            self.path.unlink(missing_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError:
                self._db = None
        except OSError:
            self._db = None  # without it every article simply takes the normal path

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.executescript(_SCHEMA)
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                with db:
                    db.execute("DELETE FROM article")
                    db.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,)
                    )
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

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
            return Entry(stem, row[0], row[1], json.loads(row[2]), IndexRow(**json.loads(row[3])))
        except (sqlite3.DatabaseError, ValueError, TypeError):
            return None

    def pending(self, names: Iterable[str]) -> dict[str, set[str]]:
        """The bytes noted for ``names`` before a rename that no record followed yet."""
        found: dict[str, set[str]] = {}
        if self._db is None:
            return found
        try:
            for name in names:
                rows = self._db.execute("SELECT sha256 FROM pending WHERE name = ?", (name,))
                found[name] = {row[0] for row in rows}
        except sqlite3.DatabaseError:
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
        except sqlite3.DatabaseError:
            self.close()  # the next run takes the normal path for these articles

    def written(self, name: str) -> str | None:
        """The SHA-256 of the run-wide output ``name`` as dolmetsch last wrote it."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT sha256 FROM output WHERE name = ?", (name,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else str(row[0])

    def record_written(self, name: str, sha256: str) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO output VALUES (?, ?)", (name, sha256))
                self._db.execute("DELETE FROM pending WHERE name = ?", (name,))
        except sqlite3.DatabaseError:
            self.close()

    def forget(self, stem: str) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("DELETE FROM article WHERE stem = ?", (stem,))
        except sqlite3.DatabaseError:
            self.close()


def note_pending(out_dir: Path, shas: Mapping[str, str]) -> None:
    """Note, before the renames, the bytes about to replace the files ``shas`` names (from
    any process of the run: a worker too).  Without the note, a run killed between the
    rename and its record would leave files the next run must take for a person's."""
    if not shas:
        return
    try:
        db = sqlite3.connect(out_dir / LEDGER_NAME, timeout=30)
    except sqlite3.Error:
        return  # such a file is then refused, never overwritten: the safe side
    try:
        with db:
            db.executemany("INSERT OR IGNORE INTO pending VALUES (?, ?)", list(shas.items()))
    except sqlite3.Error:
        pass
    finally:
        db.close()
