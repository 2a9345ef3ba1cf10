"""The translation memory: every source sentence's translations, machine and human.

A SQLite file outside the repository.  Every unit belongs to one language pair (``de-en``),
and a memory opened for a pair serves that pair's units only: a German sentence's English
is never a Russian one's.  A machine translation is reused only when the same engine, model
and glossary produced it; a human translation (imported from a PO file a
person edited, or from a CAT tool's TMX) always wins and is never overwritten by a machine.
A damaged database is reported in one line, never silently emptied or replaced, and so
is any other file (another program's SQLite database, dolmetsch's output ledger): it is
left byte for byte.  A memory dolmetsch may not write is read and not written.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from .dbfile import (
    MEMORY,
    MEMORY_APP_ID,
    UNIT_COLUMNS,
    UNIT_COLUMNS_V2,
    NotOurs,
    State,
    application_id,
    connect,
    connect_read_only,
    legacy_state,
    one_line,
    quick_check,
    read_only_uri,
    recognise,
    table_layout,
    trouble,
    writable,
)
from .errors import DolmetschError, UsageError
from .languages import DEFAULT_PAIR, LanguagePair
from .provenance import Origin, Provenance

SCHEMA_VERSION = 3
_UNIT_TABLE = """
CREATE TABLE IF NOT EXISTS {name} (
    pair TEXT NOT NULL,    -- the languages, source-target ('de-en'): never served across
    source TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
    stamp TEXT NOT NULL,   -- engine, model, model version and glossary hash; '' for human
    context TEXT NOT NULL, -- human: the segment it was made for (stem#id), '' when unknown
    target TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    glossary TEXT NOT NULL,
    terms TEXT NOT NULL,   -- glossary terms applied, one per line (machine units)
    seq INTEGER NOT NULL,  -- human: order of storing; the latest serves other segments
    -- the key's columns first, in its order: SQLite 3.40's quick_check reports NULLs in a
    -- WITHOUT ROWID table whose key is not its leading columns
    PRIMARY KEY (pair, source, origin, stamp, context)
) WITHOUT ROWID
"""
# Human translations a person took back, so that no output still showing one (an older PO)
# brings it back; storing one for the segment again lifts it.
_WITHDRAWN_TABLE = """
CREATE {temp}TABLE IF NOT EXISTS {name} (
    pair TEXT NOT NULL,
    source TEXT NOT NULL,
    context TEXT NOT NULL,
    target TEXT NOT NULL,  -- what was taken back ('' when none was there: a fallback refused)
    PRIMARY KEY (pair, source, context)
) WITHOUT ROWID
"""
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    _UNIT_TABLE.format(name="unit"),
    _WITHDRAWN_TABLE.format(temp="", name="withdrawn"),
)
_TABLES = frozenset({"meta", "unit", "withdrawn"})
# Every memory before version 3 was German->English: its units are that pair's.
_LEGACY_PAIR = "'de-en'"
# Version 1 had no context (one human translation per source) and no seq: its rows move
# over unchanged, a human translation with the context '' (made for no segment in
# particular), so that it still serves every segment with that sentence.  Version 2 had no
# pair.  Each migration runs in the one transaction of _set_up: a crash leaves the old file.
_MIGRATE = {
    "1": f"SELECT {_LEGACY_PAIR}, source, origin, stamp, '', target, engine, model, glossary, "
    "terms, 0 FROM unit",
    "2": f"SELECT {_LEGACY_PAIR}, source, origin, stamp, context, target, engine, model, "
    "glossary, terms, seq FROM unit",
}
_WITHDRAWN_V2 = ("source", "context", "target")
_P = ParamSpec("_P")
_R = TypeVar("_R")


# Counts the changes to human translations: outputs made before one are out of date.
# Merging another memory (``other``, attached): its machine units this one lacks, and its
# human ones for sources with no human translation here (one per source, whatever stamp a
# foreign writer gave it). A differing human translation is a conflict, counted per source.
_MERGE_MACHINE = (
    "INSERT OR IGNORE INTO main.unit SELECT pair, source, origin, stamp, '', target, engine, "
    "model, glossary, terms, 0 FROM other.unit WHERE origin = 'machine'"
)
# Human translations come over with their segment; one for a segment that has a human
# translation here already is a conflict, and this memory's is kept.
_MERGE_HUMAN = (
    "INSERT OR IGNORE INTO main.unit SELECT o.pair, o.source, 'human', '', o.context, o.target, "
    "o.engine, o.model, o.glossary, o.terms, "
    "(SELECT coalesce(max(seq), 0) FROM main.unit) + o.seq + 1 "
    "FROM other.unit AS o WHERE o.origin = 'human' AND NOT EXISTS (SELECT 1 FROM main.unit "
    "AS u WHERE u.pair = o.pair AND u.source = o.source AND u.origin = 'human' "
    "AND u.context = o.context) "
    "AND NOT EXISTS (SELECT 1 FROM main.withdrawn AS w WHERE w.pair = o.pair "
    "AND w.source = o.source AND (w.context = o.context OR w.target = o.target))"
)
_MERGE_CONFLICTS = (
    "SELECT count(*) FROM (SELECT DISTINCT o.pair, o.source, o.context FROM other.unit AS o "
    "JOIN main.unit AS u ON u.pair = o.pair AND u.source = o.source AND u.origin = 'human' "
    "AND u.context = o.context WHERE o.origin = 'human' AND u.target != o.target)"
)
_HUMAN_CHANGED = (
    "INSERT INTO meta VALUES ('human_changes', '1') ON CONFLICT(key) "
    "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
)


# A machine unit's ``terms`` column also keeps the engine's confidence in the sentence, as
# one line ``% 0.372`` (see :func:`confidence_note`), so that outputs made from the memory
# show what a fresh translation showed, with no change of schema.
CONFIDENCE_MARK = "% "


def confidence_note(confidence: float) -> str:
    """The ``terms`` line that keeps a confidence (exactly: ``repr`` reads back the same)."""
    return f"{CONFIDENCE_MARK}{confidence!r}"


def read_confidence(note: str) -> float | None:
    """The confidence a ``terms`` line keeps; None when it is not one, or not a number in
    [0, 1] (a unit imported from a file someone edited)."""
    if not note.startswith(CONFIDENCE_MARK):
        return None
    try:
        value = float(note[len(CONFIDENCE_MARK) :])
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


class TranslationMemoryError(DolmetschError):
    """The translation memory cannot be opened or written."""


@dataclass(frozen=True)
class Hit:
    target: str
    origin: Origin
    terms: tuple[str, ...] = ()
    context: str = ""  # a human translation's segment (``stem#p1.s2``), '' when unknown


@dataclass(frozen=True)
class Conflict:
    """A sentence people translated differently for different segments; each segment
    keeps its own, others get the latest."""

    source: str
    translations: tuple[tuple[str, str], ...]  # (context, target), latest first
    pair: LanguagePair = DEFAULT_PAIR


@dataclass(frozen=True)
class MemoryCounts:
    machine: int
    human: int
    conflicts: int = 0  # sentences with differing human translations


@dataclass(frozen=True)
class MergeCounts:
    """What :meth:`TranslationMemory.merge` took from the other memory."""

    machine: int  # machine translations added
    human: int  # human translations added
    conflicts: int  # human translations that differ from this memory's, which were kept

    def describe(self) -> str:
        kept = f", {self.conflicts} differing human translations left out" if self.conflicts else ""
        return f"merged {self.machine} machine and {self.human} human translations{kept}"


@dataclass(frozen=True)
class HumanImport:
    """What :meth:`TranslationMemory.add_human` did with a file's human translations, one
    count per segment (the file's last unit for a segment is the one that counts)."""

    added: int  # for segments that had no human translation here
    same: int  # the memory held exactly these already
    differing: int  # the memory held another translation for the segment
    replaced: bool  # whether those differing ones were replaced by the file's (else kept)
    withdrawn: int = 0  # a person took these back here: left out (unless replacing)

    @property
    def taken(self) -> int:
        """The file's human translations the memory now holds as the file has them."""
        return self.added + self.same + (self.differing if self.replaced else 0)


def context(stem: str, segment_id: str, folder: str = "") -> str:
    """The segment a human translation was made for: ``/home/ed/news/out/004_afa1#p3.s2``
    (the output folder, so that two folders sharing one memory keep their own)."""
    return f"{folder}/{stem}#{segment_id}" if folder else f"{stem}#{segment_id}"


def default_memory_path() -> Path:
    """``$DOLMETSCH_MEMORY``, else ``memory.sqlite`` beside the lexicon store."""
    from .settings import default_memory_path as resolved

    return resolved()


def _guarded(
    doing: str,
) -> Callable[
    [Callable[Concatenate[TranslationMemory, _P], _R]],
    Callable[Concatenate[TranslationMemory, _P], _R],
]:
    """Every access to the database: a fault of SQLite's (a damaged page, text that is not
    UTF-8, a full disk) leaves as the memory's one-line :class:`TranslationMemoryError`."""

    def wrap(
        method: Callable[Concatenate[TranslationMemory, _P], _R],
    ) -> Callable[Concatenate[TranslationMemory, _P], _R]:
        def guarded(self: TranslationMemory, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            with self.guard(doing):
                return method(self, *args, **kwargs)

        functools.update_wrapper(guarded, method)
        return guarded

    return wrap


class TranslationMemory:
    """An open translation memory; use as a context manager or call :meth:`close`.

    A memory dolmetsch may not write (the file, or its folder, is read-only; or it would be
    new in a folder that is) is opened read-only: lookups work, machine translations are
    not stored (:attr:`read_only`), and anything else that would write it is refused."""

    def __init__(
        self,
        path: Path,
        *,
        create: bool = True,
        check: bool = True,
        pair: LanguagePair = DEFAULT_PAIR,
    ) -> None:
        """Open the memory at ``path`` for ``pair``: lookups and stores are that pair's
        (a unit of another pair is never served), unless a method is given another.
        With ``create=False`` (commands that only read it) a missing file is a
        :class:`UsageError` and nothing is created.  ``check`` runs SQLite's quick integrity
        check, linear in the file's size (a ``--jobs`` worker skips it: its run checked the
        file), so that a damaged memory is refused before any output is written."""
        if not create and not path.is_file():
            raise UsageError(f"{path}: no such translation memory")
        self.path = path
        self.pair = pair
        self.read_only = False
        self._made = True  # False: a new memory that could not be made (read-only folder)
        try:
            if path.exists() and not path.is_file():
                raise TranslationMemoryError(
                    f"{path}: not a file, so not a translation memory: pass --memory with one"
                )
            state = recognise(path, MEMORY)
            if state == "new" and not path.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                        raise  # a file in the way, a name too long: not a read-only place
            self.read_only = not writable(path)
            self._db = (
                self._open_read_only(state, check) if self.read_only else self._open(state, check)
            )
        except NotOurs as exc:
            advice = (
                "move it away to start a new one, or pass --memory"
                if exc.damaged
                else "pass --memory with a translation memory (or a new file)"
            )
            raise TranslationMemoryError(f"{path}: {exc}; it was left as it is: {advice}") from exc
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "open") from exc
        except OSError as exc:
            raise TranslationMemoryError(
                f"{path}: cannot open the translation memory ({exc.strerror or exc}); it was "
                "left as it is: check its permissions, then run again"
            ) from exc

    def _open(self, state: State, check: bool) -> sqlite3.Connection:
        db = connect(self.path, "rwc" if state == "new" else "rw")
        try:
            if check and state != "new":
                self._check(db)
            if not self._ready(db):
                self._set_up(db)
            # WAL: the workers of a --jobs run read while one of them writes, never blocked
            db.execute("PRAGMA journal_mode=WAL")
        except BaseException:
            db.close()
            raise
        return db

    def _open_read_only(self, state: State, check: bool) -> sqlite3.Connection:
        if state == "new":  # nothing there, and nothing may be made: an empty memory
            self._made = False
            db = sqlite3.connect(":memory:")
            for statement in _SCHEMA:
                db.execute(statement)
            return db
        db = connect_read_only(self.path)
        try:
            if check:
                self._check(db)
            tables = table_layout(db)
            legacy_state(tables, application_id(db), MEMORY)  # under a lock this time
            version = self._version(db) if "meta" in tables else None
            if version == "2" and tables.get("unit") == UNIT_COLUMNS_V2:
                # read as it is, every unit German->English, through views that add the pair
                # (a temporary view is found before the file's table of the same name)
                db.execute(
                    f"CREATE TEMP VIEW unit AS SELECT {_LEGACY_PAIR} AS pair, * FROM main.unit"
                )
                if tables.get("withdrawn") == _WITHDRAWN_V2:
                    db.execute(
                        f"CREATE TEMP VIEW withdrawn AS SELECT {_LEGACY_PAIR} AS pair, * "
                        "FROM main.withdrawn"
                    )
                    tables = {**tables, "withdrawn": ("pair", *_WITHDRAWN_V2)}
            elif version not in (None, str(SCHEMA_VERSION)) or tables.get("unit") != UNIT_COLUMNS:
                raise TranslationMemoryError(
                    f"{self.path}: translation memory schema {version}, this dolmetsch reads "
                    f"{SCHEMA_VERSION} and cannot upgrade it while it is read-only: make it "
                    "writable for one run"
                )
            if "withdrawn" not in tables:  # older than withdrawals: none were made
                db.execute(_WITHDRAWN_TABLE.format(temp="TEMP ", name="withdrawn"))
        except BaseException:
            db.close()
            raise
        return db

    def _check(self, db: sqlite3.Connection) -> None:
        fault = quick_check(db)
        if fault is not None:
            raise TranslationMemoryError(
                f"{self.path}: the translation memory is damaged ({fault}); it was left as it "
                "is: put back a copy, or move it away to start a new one"
            )

    @staticmethod
    def _version(db: sqlite3.Connection) -> str | None:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return None if row is None else str(row[0])

    def _ready(self, db: sqlite3.Connection) -> bool:
        """Whether the memory has its id and current schema (then opening writes nothing)."""
        tables = table_layout(db)
        if application_id(db) != MEMORY_APP_ID or not tables.keys() >= _TABLES:
            return False
        version = self._version(db)
        if version not in (None, *_MIGRATE, str(SCHEMA_VERSION)):
            raise TranslationMemoryError(
                f"{self.path}: translation memory schema {version}, this dolmetsch "
                f"reads {SCHEMA_VERSION}"
            )
        return version == str(SCHEMA_VERSION)

    def _set_up(self, db: sqlite3.Connection) -> None:
        """Make a new memory, or bring one of an older dolmetsch up to date: its id, its
        tables, its schema, in one transaction (a crash leaves the old one whole)."""
        db.execute("BEGIN IMMEDIATE")
        try:
            # looked at again under the lock: another process may have made it meanwhile
            legacy_state(table_layout(db), application_id(db), MEMORY)
            db.execute(f"PRAGMA application_id = {MEMORY_APP_ID}")
            for statement in _SCHEMA:
                db.execute(statement)
            version = self._version(db)
            if version is None:
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif version in _MIGRATE:
                self._migrate(db, version)
            elif version != str(SCHEMA_VERSION):
                raise TranslationMemoryError(
                    f"{self.path}: translation memory schema {version}, this dolmetsch "
                    f"reads {SCHEMA_VERSION}"
                )
            db.commit()
        except BaseException:
            db.rollback()
            raise

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: str) -> None:
        """Inside _set_up's transaction: bring a memory of schema ``version`` to the current
        one, every row kept (a unit of an older memory is a German->English one)."""
        db.execute(_UNIT_TABLE.format(name="unit_new"))
        db.execute(f"INSERT INTO unit_new {_MIGRATE[version]}")
        db.execute("DROP TABLE unit")
        db.execute("ALTER TABLE unit_new RENAME TO unit")
        if table_layout(db).get("withdrawn") == _WITHDRAWN_V2:  # one made by _SCHEMA is new
            db.execute(_WITHDRAWN_TABLE.format(temp="", name="withdrawn_new"))
            db.execute(
                f"INSERT INTO withdrawn_new SELECT {_LEGACY_PAIR}, source, context, target "
                "FROM withdrawn"
            )
            db.execute("DROP TABLE withdrawn")
            db.execute("ALTER TABLE withdrawn_new RENAME TO withdrawn")
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))

    def _code(self, pair: LanguagePair | None) -> str:
        """The pair's code as the memory keeps it: ``pair``'s, else this memory's."""
        return (pair or self.pair).code

    @contextlib.contextmanager
    def guard(self, doing: str) -> Iterator[None]:
        """Turn a fault of SQLite's inside into this memory's one-line error."""
        try:
            yield
        except sqlite3.ProgrammingError:
            raise  # a mistake in dolmetsch, not in the file
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, doing) from exc

    def _failure(self, exc: sqlite3.DatabaseError, doing: str) -> TranslationMemoryError:
        detail = one_line(exc)
        kind = trouble(exc)
        if kind == "damaged":
            return TranslationMemoryError(
                f"{self.path}: the translation memory is damaged ({detail}); it was left as "
                "it is: put back a copy, or move it away to start a new one"
            )
        if kind == "full":
            return TranslationMemoryError(
                f"{self.path}: cannot {doing} the translation memory: the disk is full "
                f"({detail}); free disk space, then run again"
            )
        if kind == "busy":
            return TranslationMemoryError(
                f"{self.path}: cannot {doing} the translation memory: another process has "
                f"held it for 30 s ({detail}); run again when it is done"
            )
        return TranslationMemoryError(
            f"{self.path}: cannot {doing} the translation memory ({detail}); it was left as "
            "it is: check its permissions and free disk space, then run again"
        )

    @property
    def read_only_note(self) -> str | None:
        """What a run must say when this memory is read-only, else None."""
        if not self.read_only:
            return None
        if not self._made:
            return f"memory {self.path} cannot be made in a read-only folder: nothing was stored"
        return f"memory {self.path} is read-only: nothing was stored"

    def require_writable(self, doing: str) -> None:
        """Refuse, in one line, what would write a read-only memory."""
        if self.read_only:
            where = "its folder is read-only" if not self._made else "it is read-only"
            raise TranslationMemoryError(
                f"{self.path}: cannot {doing}: {where}; nothing was changed: make it "
                "writable, or pass --memory with another"
            )

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):  # nothing is left to lose at this point
            self._db.close()

    def lookup(self, sources: Sequence[str], stamp: Provenance) -> dict[str, Hit]:
        """The best known translation of each source for no segment in particular: a human
        one (see :meth:`lookup_segments`), else this stamp's machine one; this memory's
        pair's only."""
        hits = self.lookup_segments(sources, [""] * len(sources), stamp)
        return {s: h for s, h in zip(sources, hits, strict=True) if h is not None}

    @_guarded("read")
    def lookup_segments(
        self, sources: Sequence[str], contexts: Sequence[str], stamp: Provenance
    ) -> list[Hit | None]:
        """The best known translation of each source in its segment (``contexts``, one per
        source): the human one made for that segment, else one made for no segment in
        particular (a CAT tool's), else the latest made for another segment, else this
        stamp's machine one; None when the memory has none.  Only units of this memory's
        language pair are served: a German sentence's English is no Russian's."""
        query = (
            "SELECT target, origin, terms, context FROM unit WHERE pair = ? AND source = ? AND "
            "((origin = 'human' AND NOT EXISTS (SELECT 1 FROM withdrawn AS w "
            "WHERE w.pair = unit.pair AND w.source = unit.source AND w.context = ?)) "
            "OR stamp = ?) "
            "ORDER BY origin = 'human' DESC, context = ? DESC, context = '' DESC, seq DESC LIMIT 1"
        )
        found: dict[tuple[str, str], Hit | None] = {}
        own = not self._db.in_transaction
        if own:
            self._db.execute("BEGIN")  # one read transaction, not one lock per sentence
        try:
            for key in zip(sources, contexts, strict=True):
                if key in found:
                    continue
                row = self._db.execute(
                    query, (self.pair.code, key[0], key[1], stamp.key, key[1])
                ).fetchone()
                if row is None:
                    found[key] = None
                    continue
                target, origin, terms, where = row
                terms_ = tuple(filter(None, _text(terms).split("\n")))
                found[key] = Hit(_text(target), _origin(origin), terms_, _text(where))
        finally:
            if own:
                self._db.commit()
        return [found[key] for key in zip(sources, contexts, strict=True)]

    @_guarded("read")
    def machine_targets(self, source: str) -> set[str]:
        rows = self._db.execute(
            "SELECT target FROM unit WHERE pair = ? AND source = ? AND origin = 'machine'",
            (self.pair.code, source),
        )
        return {_text(row[0]) for row in rows}

    @_guarded("read")
    def human_target(self, source: str, context: str | None = None) -> str | None:
        """The human translation made for ``context``; without one, the latest of any."""
        if context is not None:
            row = self._db.execute(
                "SELECT target FROM unit WHERE pair = ? AND source = ? AND origin = 'human' "
                "AND context = ?",
                (self.pair.code, source, context),
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT target FROM unit WHERE pair = ? AND source = ? AND origin = 'human' "
                "ORDER BY seq DESC LIMIT 1",
                (self.pair.code, source),
            ).fetchone()
        return None if row is None else _text(row[0])

    def store(
        self,
        units: Iterable[tuple[str, str, Sequence[str]]],
        origin: Origin,
        stamp: Provenance,
        *,
        pair: LanguagePair | None = None,
    ) -> int:
        """Record ``(source, target, glossary terms)`` units of ``pair`` (this memory's when
        None); a machine unit replaces the one with the same stamp, a human one (made for no
        segment in particular) the previous human one without a segment.  A machine unit
        never replaces a human one.  A read-only memory stores no machine unit (the engine
        makes it again next time)."""
        if origin == "human":
            return self.store_human(
                ((source, target, "") for source, target, _ in units), pair=pair
            )
        if self.read_only:
            return 0
        code = self._code(pair)
        rows = [
            (code, source, "machine", stamp.key, "", target, stamp.engine, stamp.model,
             stamp.glossary, "\n".join(terms), 0)
            for source, target, terms in units
        ]  # fmt: skip
        return self._write("INSERT OR REPLACE INTO unit VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)

    @_guarded("write")
    def store_human(
        self, units: Iterable[tuple[str, str, str]], *, pair: LanguagePair | None = None
    ) -> int:
        """Record a person's ``(source, target, context)`` translations (of ``pair``, this
        memory's when None); each replaces the human translation of the same source for the
        same segment only, so two segments with the same sentence keep their own."""
        listed = list(units)
        if not listed:
            return 0
        self.require_writable("store human translations")
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")  # seq is read and written in one go
            self._put_human(listed, self._code(pair))
        return len(listed)

    def _put_human(self, rows: Sequence[tuple[str, str, str]], code: str) -> None:
        """Inside a write transaction: store ``(source, target, context)`` rows as the latest
        human translations, lift their segments' withdrawals, mark outputs out of date."""
        start = self._db.execute("SELECT coalesce(max(seq), 0) FROM unit").fetchone()[0]
        if not isinstance(start, int):
            raise sqlite3.DataError("a human translation's order is not a number")
        self._db.executemany(
            "INSERT OR REPLACE INTO unit VALUES (?,?,'human','',?,?,'human','','','',?)",
            [(code, s, c, t, start + n) for n, (s, t, c) in enumerate(rows, start=1)],
        )
        self._db.executemany(
            "DELETE FROM withdrawn WHERE pair = ? AND source = ? AND context = ?",
            [(code, s, c) for s, _, c in rows],
        )
        self._db.execute(_HUMAN_CHANGED)

    @_guarded("write")
    def withdraw_human(self, units: Iterable[tuple[str, str]], *, mark: bool = False) -> int:
        """Remove the human translations a person took back, ``(source, context)`` each, and
        remember what they took back, so that no older file brings it in again; how many
        were removed.  With ``mark`` a segment that had none of its own is marked too: it
        then takes no other segment's human translation either (it refused the one shown)."""
        listed = list(units)
        if not listed:
            return 0
        self.require_writable("take back human translations")
        code = self.pair.code
        with self._db:
            removed = 0
            for source, where in listed:
                row = self._db.execute(
                    "SELECT target FROM unit WHERE pair = ? AND source = ? AND origin = 'human' "
                    "AND context = ?",
                    (code, source, where),
                ).fetchone()
                if row is None and not mark:
                    continue  # a mistyped context leaves no trace
                self._db.execute(
                    "DELETE FROM unit WHERE pair = ? AND source = ? AND origin = 'human' "
                    "AND context = ?",
                    (code, source, where),
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO withdrawn VALUES (?, ?, ?, ?)",
                    (code, source, where, row[0] if row is not None else ""),
                )
                removed += 1
            if removed:
                self._db.execute(_HUMAN_CHANGED)
        return removed

    @_guarded("read")
    def withdrawn(self, source: str, context: str) -> str | None:
        """What a person took back for ``source`` in ``context`` ('' when they refused the
        translation shown there), or None when they took nothing back."""
        row = self._db.execute(
            "SELECT target FROM withdrawn WHERE pair = ? AND source = ? AND context = ?",
            (self.pair.code, source, context),
        ).fetchone()
        return None if row is None else _text(row[0])

    @_guarded("read")
    def taken_back(self, source: str, target: str, pair: LanguagePair | None = None) -> bool:
        """Whether a person took back ``target`` as a translation of ``source`` anywhere."""
        row = self._db.execute(
            "SELECT 1 FROM withdrawn WHERE pair = ? AND source = ? AND target = ?",
            (self._code(pair), source, target),
        ).fetchone()
        return row is not None

    @_guarded("write")
    def add_human(
        self,
        units: Iterable[tuple[str, str, str]],
        *,
        replace: bool = False,
        pair: LanguagePair | None = None,
    ) -> HumanImport:
        """Record imported ``(source, target, context)`` translations (a TMX or PO file) of
        ``pair`` (this memory's when None).

        Unlike :meth:`store_human` (a run's own PO edits, where the person's newest edit
        wins), a file may be older than the memory: a differing human translation the memory
        holds for the same segment is kept and counted, unless ``replace``.  The memory's
        human state advances only when something was stored, so importing a file twice
        leaves outputs alone."""
        latest = {(source, where): target for source, target, where in units}
        code = self._code(pair)
        added = same = differing = withdrawn = 0
        rows: list[tuple[str, str, str]] = []
        if latest:
            self.require_writable("import human translations")
        with self._db:
            # the comparison and the write in one transaction: a person's edit stored
            # meanwhile by a run cannot be replaced unseen
            self._db.execute("BEGIN IMMEDIATE" if latest else "BEGIN")
            for (source, where), target in latest.items():
                row = self._db.execute(
                    "SELECT target FROM unit WHERE pair = ? AND source = ? AND origin = 'human' "
                    "AND context = ?",
                    (code, source, where),
                ).fetchone()
                if row is None and not replace and self.taken_back(source, target, pair):
                    withdrawn += 1  # a person took it back: an older file brings it not
                    continue
                if row is None:
                    added += 1
                elif row[0] == target:
                    same += 1
                    continue
                else:
                    differing += 1
                    if not replace:
                        continue
                rows.append((source, target, where))
            if rows:
                self._put_human(rows, code)
        return HumanImport(added, same, differing, replace, withdrawn)

    @_guarded("write")
    def forget_human(self, source: str, context: str | None = None) -> int:
        """Remove the human translations of ``source``: the one made for ``context``, or
        all of them; how many were removed.  Outputs made before are then out of date, so
        the next run translates those segments again (see :meth:`withdraw_human`)."""
        self.require_writable("forget human translations")
        if context is not None:
            return self.withdraw_human([(source, context)])
        rows = self._db.execute(
            "SELECT context FROM unit WHERE pair = ? AND origin = 'human' AND source = ?",
            (self.pair.code, source),
        )
        return self.withdraw_human([(source, _text(row[0])) for row in rows.fetchall()])

    @_guarded("write")
    def _write(self, statement: str, rows: Sequence[tuple[object, ...]]) -> int:
        with self._db:
            self._db.executemany(statement, rows)
        return len(rows)

    @_guarded("read")
    def conflicts(self) -> list[Conflict]:
        """Sentences with differing human translations, in source order (of every pair)."""
        rows = self._db.execute(
            "SELECT pair, source, context, target FROM unit WHERE origin = 'human' AND "
            "(pair, source) IN (SELECT pair, source FROM unit WHERE origin = 'human' "
            "GROUP BY pair, source HAVING count(DISTINCT target) > 1) "
            "ORDER BY source, pair, seq DESC"
        )
        grouped: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for code, source, context, target in rows:
            key = (_text(code), _text(source))
            grouped.setdefault(key, []).append((_text(context), _text(target)))
        return [
            Conflict(source, tuple(pairs), _pair(code)) for (code, source), pairs in grouped.items()
        ]

    @_guarded("read")
    def conflict_count(self) -> int:
        """How many sentences have differing human translations."""
        row = self._db.execute(
            "SELECT count(*) FROM (SELECT source FROM unit WHERE origin = 'human' "
            "GROUP BY pair, source HAVING count(DISTINCT target) > 1)"
        ).fetchone()
        return int(row[0])

    @_guarded("read")
    def state(self) -> str:
        """Names this memory and its human translations' state: it changes whenever a human
        translation is stored, so outputs made before are known to be out of date."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'human_changes'").fetchone()
        return f"{self.identity}#{_text(row[0]) if row else 0}"

    @property
    @_guarded("read")
    def identity(self) -> str:
        """A name made when the memory was first opened: the same file wiped and started
        again is another memory (its outputs must be read back).  A copy keeps the name;
        a copy from before later changes is told by its count of human changes."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone()
        if row is not None:
            return _text(row[0])
        if self.read_only:
            return f"file:{self.path.resolve()}"  # named by its place instead
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('identity', ?)", (uuid.uuid4().hex,)
            )
        row = self._db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone()
        return _text(row[0])

    @_guarded("read")
    def machine_target(self, source: str, stamp: Provenance) -> str | None:
        """The machine translation ``stamp``'s engine, model and glossary gave ``source``."""
        row = self._db.execute(
            "SELECT target FROM unit WHERE pair = ? AND source = ? AND origin = 'machine' "
            "AND stamp = ?",
            (self.pair.code, source, stamp.key),
        ).fetchone()
        return None if row is None else _text(row[0])

    @_guarded("read")
    def human_targets(self, source: str) -> set[str]:
        """Every human translation of ``source``, for any segment."""
        rows = self._db.execute(
            "SELECT target FROM unit WHERE pair = ? AND source = ? AND origin = 'human'",
            (self.pair.code, source),
        )
        return {_text(row[0]) for row in rows}

    def same_file(self, other: Path) -> bool:
        """Whether ``other`` names this memory's file (through a link or another path)."""
        try:
            return self.path.samefile(other)
        except OSError:
            return False

    def merge(self, other: Path) -> MergeCounts:
        """Take the other memory's units that this one lacks (a shard's, translated on
        another machine).  A human translation here is never replaced: one that differs
        in ``other`` is counted as a conflict and left out.  ``other`` is only read."""
        self.require_writable("merge into it")
        if not other.is_file():
            raise TranslationMemoryError(f"{other}: no such translation memory")
        if self.same_file(other):
            raise TranslationMemoryError(
                f"{other} and the memory are the same file; nothing was merged"
            )
        try:
            state = recognise(other, MEMORY)
        except NotOurs as exc:
            raise TranslationMemoryError(
                f"{other}: {exc}; it was left as it is, nothing was merged"
            ) from exc
        except OSError as exc:
            raise TranslationMemoryError(
                f"{other}: cannot be read ({exc.strerror or exc}); nothing was merged"
            ) from exc
        if state == "new":
            raise TranslationMemoryError(f"{other}: an empty file; nothing was merged")
        try:
            self._db.execute("ATTACH DATABASE ? AS other", (read_only_uri(other),))
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"{other}: cannot open the translation memory ({one_line(exc)}); nothing was merged"
            ) from exc
        try:
            return self._merge_attached(other)
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"cannot merge {other} into {self.path} ({one_line(exc)}); nothing was merged: "
                "check both files (dolmetsch tm stats --memory FILE)"
            ) from exc
        finally:
            with contextlib.suppress(sqlite3.Error):  # never hide the error that got here
                self._db.execute("DETACH DATABASE other")

    def _merge_attached(self, other: Path) -> MergeCounts:
        fault = self._db.execute("PRAGMA other.quick_check(1)").fetchall()
        if [tuple(r) for r in fault] != [("ok",)]:
            raise TranslationMemoryError(
                f"{other}: the translation memory is damaged "
                f"({one_line(' '.join(str(r[0]) for r in fault))}); it was left as it is, "
                "nothing was merged"
            )
        columns = tuple(
            str(r[0]) for r in self._db.execute("SELECT name FROM other.pragma_table_info('unit')")
        )
        version = self._db.execute("SELECT value FROM other.meta WHERE key = 'schema'").fetchone()
        if columns != UNIT_COLUMNS or (version is not None and version[0] != str(SCHEMA_VERSION)):
            raise TranslationMemoryError(
                f"{other}: not a translation memory of schema {SCHEMA_VERSION}: open it once "
                "with this dolmetsch (dolmetsch tm stats --memory FILE), then merge it"
            )
        # one write transaction from the count to the last insert, so that a human
        # translation stored meanwhile by another process cannot slip between them
        self._db.execute("BEGIN IMMEDIATE")
        try:
            conflicts = self._db.execute(_MERGE_CONFLICTS).fetchone()[0]
            before = self._db.total_changes
            self._db.execute(_MERGE_MACHINE)
            machine = self._db.total_changes - before
            before = self._db.total_changes
            self._db.execute(_MERGE_HUMAN)
            human = self._db.total_changes - before
            if human:
                self._db.execute(_HUMAN_CHANGED)
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise
        return MergeCounts(machine, human, int(conflicts))

    @_guarded("read")
    def counts(self) -> MemoryCounts:
        rows = dict(self._db.execute("SELECT origin, count(*) FROM unit GROUP BY origin"))
        return MemoryCounts(
            machine=int(rows.get("machine", 0)),
            human=int(rows.get("human", 0)),
            conflicts=self.conflict_count(),
        )

    @_guarded("read")
    def pair_counts(self) -> dict[LanguagePair, MemoryCounts]:
        """Machine and human units by language pair, in the pairs' order (conflicts: 0)."""
        rows = self._db.execute(
            "SELECT pair, origin, count(*) FROM unit GROUP BY pair, origin ORDER BY pair"
        )
        found: dict[LanguagePair, dict[str, int]] = {}
        for code, origin, count in rows:
            found.setdefault(_pair(_text(code)), {})[_text(origin)] = int(count)
        return {
            pair: MemoryCounts(by.get("machine", 0), by.get("human", 0))
            for pair, by in found.items()
        }

    @_guarded("read")
    def units(self, origin: Origin | None = None) -> list[tuple[str, str, Origin]]:
        """``(source, target, origin)`` rows, human ones first, in source order."""
        query = "SELECT source, target, origin FROM unit"
        params: tuple[str, ...] = ()
        if origin is not None:
            query += " WHERE origin = ?"
            params = (origin,)
        query += " ORDER BY origin = 'human' DESC, source, stamp, context"
        return [(_text(s), _text(t), _origin(o)) for s, t, o in self._db.execute(query, params)]

    @_guarded("read")
    def export_units(self) -> list[ExportedUnit]:
        """Every unit with what made it, for a TMX that reads back into the same memory;
        in the order of :meth:`units`."""
        query = (
            "SELECT source, target, origin, stamp, engine, model, glossary, terms, context, "
            "pair FROM unit ORDER BY origin = 'human' DESC, source, stamp, seq, pair"
        )
        found: list[ExportedUnit] = []
        for row in self._db.execute(query):
            source, target, origin_, key, engine, model, glossary, terms, where, code = map(
                _text, row
            )
            origin = _origin(origin_)
            parts = key.split("\t")
            # the stamp key is what a lookup matches; human units have none (''), only columns
            stamp = (
                Provenance(parts[0], parts[1], parts[2], parts[3])
                if len(parts) == 4
                else Provenance(engine, model, "", glossary, origin)
            )
            terms_ = tuple(filter(None, terms.split("\n")))
            found.append(ExportedUnit(source, target, origin, stamp, terms_, where, _pair(code)))
        return found


def _origin(value: object) -> Origin:
    if value == "human":
        return "human"
    if value == "machine":
        return "machine"
    raise sqlite3.DataError(f"a unit of origin {str(value)[:20]!r}")


@functools.cache
def _pair(code: str) -> LanguagePair:
    """The pair a ``pair`` column names; one that is no pair is damage (or a foreign
    writer's), reported as SQLite's faults are."""
    try:
        return LanguagePair.parse(code)
    except DolmetschError as exc:
        raise sqlite3.DataError(f"a unit of language pair {code[:20]!r}") from exc


def _text(value: object) -> str:
    """A text column's value; anything else there is damage (a page overwritten in place)."""
    if not isinstance(value, str):
        raise sqlite3.DataError(f"a text column holds {type(value).__name__}")
    return value


@dataclass(frozen=True)
class ExportedUnit:
    """One unit of :meth:`TranslationMemory.export_units`."""

    source: str
    target: str
    origin: Origin
    stamp: Provenance  # what made a machine unit; a human unit's engine/model/glossary columns
    terms: tuple[str, ...]  # glossary terms applied (machine units)
    context: str = ""  # the segment a human unit was made for (``stem#p1.s2``), if any
    pair: LanguagePair = DEFAULT_PAIR
