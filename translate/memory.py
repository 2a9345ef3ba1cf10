"""The translation memory: every source sentence's translations, machine and human.

A SQLite file outside the repository.  A machine translation is reused only when the same
engine, model and glossary produced it; a human translation (imported from a PO file a
person edited, or from a CAT tool's TMX) always wins and is never overwritten by a machine.
A damaged database is reported, never silently emptied or replaced.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import DolmetschError, UsageError
from .provenance import Origin, Provenance

SCHEMA_VERSION = 2
_UNIT_TABLE = """
CREATE TABLE IF NOT EXISTS {name} (
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
    PRIMARY KEY (source, origin, stamp, context)
) WITHOUT ROWID;
"""
# Human translations a person took back, so that no output still showing one (an older PO)
# brings it back; storing one for the segment again lifts it.
_WITHDRAWN_TABLE = """
CREATE TABLE IF NOT EXISTS withdrawn (
    source TEXT NOT NULL,
    context TEXT NOT NULL,
    target TEXT NOT NULL,  -- what was taken back ('' when none was there: a fallback refused)
    PRIMARY KEY (source, context)
) WITHOUT ROWID;
"""
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    + _UNIT_TABLE.format(name="unit")
    + _WITHDRAWN_TABLE
)
# Version 1 had no context (one human translation per source) and no seq: its rows move
# over unchanged, a human translation with the context '' (made for no segment in
# particular), so that it still serves every segment with that sentence.
_MIGRATE_1 = (
    _UNIT_TABLE.format(name="unit_v2")
    + "INSERT INTO unit_v2 SELECT source, origin, stamp, '', target, engine, model, glossary, "
    "terms, 0 FROM unit; DROP TABLE unit; ALTER TABLE unit_v2 RENAME TO unit; "
    "UPDATE meta SET value = '2' WHERE key = 'schema';"
)


# Counts the changes to human translations: outputs made before one are out of date.
# Merging another memory (``other``, attached): its machine units this one lacks, and its
# human ones for sources with no human translation here (one per source, whatever stamp a
# foreign writer gave it). A differing human translation is a conflict, counted per source.
_MERGE_MACHINE = (
    "INSERT OR IGNORE INTO main.unit SELECT source, origin, stamp, '', target, engine, model, "
    "glossary, terms, 0 FROM other.unit WHERE origin = 'machine'"
)
# Human translations come over with their segment; one for a segment that has a human
# translation here already is a conflict, and this memory's is kept.
_MERGE_HUMAN = (
    "INSERT OR IGNORE INTO main.unit SELECT o.source, 'human', '', o.context, o.target, "
    "o.engine, o.model, o.glossary, o.terms, "
    "(SELECT coalesce(max(seq), 0) FROM main.unit) + o.seq + 1 "
    "FROM other.unit AS o WHERE o.origin = 'human' AND NOT EXISTS (SELECT 1 FROM main.unit "
    "AS u WHERE u.source = o.source AND u.origin = 'human' AND u.context = o.context) "
    "AND NOT EXISTS (SELECT 1 FROM main.withdrawn AS w "
    "WHERE w.source = o.source AND (w.context = o.context OR w.target = o.target))"
)
_MERGE_CONFLICTS = (
    "SELECT count(*) FROM (SELECT DISTINCT o.source, o.context FROM other.unit AS o "
    "JOIN main.unit AS u ON u.source = o.source AND u.origin = 'human' "
    "AND u.context = o.context WHERE o.origin = 'human' AND u.target != o.target)"
)
_HUMAN_CHANGED = (
    "INSERT INTO meta VALUES ('human_changes', '1') ON CONFLICT(key) "
    "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
)


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
    explicit = os.environ.get("DOLMETSCH_MEMORY")
    if explicit:
        return Path(explicit)
    from .lexicon import default_data_dir

    return default_data_dir() / "memory.sqlite"


class TranslationMemory:
    """An open translation memory; use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        """Open the memory at ``path``; with ``create=False`` (commands that only read it)
        a missing file is a :class:`UsageError` and nothing is created."""
        if not create and not path.is_file():
            raise UsageError(f"{path}: no such translation memory")
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30)
            # WAL: the workers of a --jobs run read while one of them writes, never blocked
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            version = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if version is None:
                with self._db:
                    self._db.execute(
                        "INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                    )
            elif version[0] == "1":
                try:  # one transaction: a crash leaves version 1 whole, never half of each
                    self._db.executescript(f"BEGIN IMMEDIATE; {_MIGRATE_1} COMMIT;")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.rollback()
                    raise
            elif version[0] != str(SCHEMA_VERSION):
                raise TranslationMemoryError(
                    f"{path}: translation memory schema {version[0]}, this dolmetsch "
                    f"reads {SCHEMA_VERSION}"
                )
            self._db.execute("SELECT count(*) FROM unit").fetchone()
        except sqlite3.OperationalError as exc:  # a full disk, no access, locked: not damage
            raise TranslationMemoryError(
                f"{path}: cannot open the translation memory ({exc}); it was left as it is: "
                "free disk space or check its permissions, then run again"
            ) from exc
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"{path}: damaged or not a translation memory ({exc}); it was left as it is: "
                "move it away to start a new one, or pass --memory"
            ) from exc
        except OSError as exc:
            raise TranslationMemoryError(f"{path}: cannot open translation memory: {exc}") from exc

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def lookup(self, sources: Sequence[str], stamp: Provenance) -> dict[str, Hit]:
        """The best known translation of each source for no segment in particular: a human
        one (see :meth:`lookup_segments`), else this stamp's machine one."""
        hits = self.lookup_segments(sources, [""] * len(sources), stamp)
        return {s: h for s, h in zip(sources, hits, strict=True) if h is not None}

    def lookup_segments(
        self, sources: Sequence[str], contexts: Sequence[str], stamp: Provenance
    ) -> list[Hit | None]:
        """The best known translation of each source in its segment (``contexts``, one per
        source): the human one made for that segment, else one made for no segment in
        particular (a CAT tool's), else the latest made for another segment, else this
        stamp's machine one; None when the memory has none."""
        query = (
            "SELECT target, origin, terms, context FROM unit WHERE source = ? AND "
            "((origin = 'human' AND NOT EXISTS (SELECT 1 FROM withdrawn AS w "
            "WHERE w.source = unit.source AND w.context = ?)) OR stamp = ?) "
            "ORDER BY origin = 'human' DESC, context = ? DESC, context = '' DESC, seq DESC LIMIT 1"
        )
        found: dict[tuple[str, str], Hit | None] = {}
        own = not self._db.in_transaction
        try:
            if own:
                self._db.execute("BEGIN")  # one read transaction, not one lock per sentence
            try:
                for key in zip(sources, contexts, strict=True):
                    if key in found:
                        continue
                    row = self._db.execute(query, (key[0], key[1], stamp.key, key[1])).fetchone()
                    found[key] = (
                        None
                        if row is None
                        else Hit(row[0], row[1], tuple(filter(None, row[2].split("\n"))), row[3])
                    )
            finally:
                if own:
                    self._db.commit()
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"{self.path}: cannot read translation memory: {exc}"
            ) from exc
        return [found[key] for key in zip(sources, contexts, strict=True)]

    def machine_targets(self, source: str) -> set[str]:
        rows = self._db.execute(
            "SELECT target FROM unit WHERE source = ? AND origin = 'machine'", (source,)
        )
        return {row[0] for row in rows}

    def human_target(self, source: str, context: str | None = None) -> str | None:
        """The human translation made for ``context``; without one, the latest of any."""
        if context is not None:
            row = self._db.execute(
                "SELECT target FROM unit WHERE source = ? AND origin = 'human' AND context = ?",
                (source, context),
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT target FROM unit WHERE source = ? AND origin = 'human' "
                "ORDER BY seq DESC LIMIT 1",
                (source,),
            ).fetchone()
        return None if row is None else str(row[0])

    def store(
        self,
        units: Iterable[tuple[str, str, Sequence[str]]],
        origin: Origin,
        stamp: Provenance,
    ) -> int:
        """Record ``(source, target, glossary terms)`` units; a machine unit replaces the one
        with the same stamp, a human one (made for no segment in particular) the previous
        human one without a segment.  A machine unit never replaces a human one."""
        if origin == "human":
            return self.store_human((source, target, "") for source, target, _ in units)
        rows = [
            (source, "machine", stamp.key, "", target, stamp.engine, stamp.model,
             stamp.glossary, "\n".join(terms), 0)
            for source, target, terms in units
        ]  # fmt: skip
        return self._write("INSERT OR REPLACE INTO unit VALUES (?,?,?,?,?,?,?,?,?,?)", rows)

    def store_human(self, units: Iterable[tuple[str, str, str]]) -> int:
        """Record a person's ``(source, target, context)`` translations; each replaces the
        human translation of the same source for the same segment only, so two segments
        with the same sentence keep their own."""
        listed = list(units)
        if not listed:
            return 0
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")  # seq is read and written in one go
                self._put_human(listed)
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"{self.path}: cannot write translation memory: {exc}"
            ) from exc
        return len(listed)

    def _put_human(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """Inside a write transaction: store ``(source, target, context)`` rows as the latest
        human translations, lift their segments' withdrawals, mark outputs out of date."""
        start = self._db.execute("SELECT coalesce(max(seq), 0) FROM unit").fetchone()[0]
        self._db.executemany(
            "INSERT OR REPLACE INTO unit VALUES (?,'human','',?,?,'human','','','',?)",
            [(s, c, t, start + n) for n, (s, t, c) in enumerate(rows, start=1)],
        )
        self._db.executemany(
            "DELETE FROM withdrawn WHERE source = ? AND context = ?", [(s, c) for s, _, c in rows]
        )
        self._db.execute(_HUMAN_CHANGED)

    def withdraw_human(self, units: Iterable[tuple[str, str]], *, mark: bool = False) -> int:
        """Remove the human translations a person took back, ``(source, context)`` each, and
        remember what they took back, so that no older file brings it in again; how many
        were removed.  With ``mark`` a segment that had none of its own is marked too: it
        then takes no other segment's human translation either (it refused the one shown)."""
        listed = list(units)
        if not listed:
            return 0
        try:
            with self._db:
                removed = 0
                for source, where in listed:
                    row = self._db.execute(
                        "SELECT target FROM unit WHERE source = ? AND origin = 'human' "
                        "AND context = ?",
                        (source, where),
                    ).fetchone()
                    if row is None and not mark:
                        continue  # a mistyped context leaves no trace
                    self._db.execute(
                        "DELETE FROM unit WHERE source = ? AND origin = 'human' AND context = ?",
                        (source, where),
                    )
                    self._db.execute(
                        "INSERT OR REPLACE INTO withdrawn VALUES (?, ?, ?)",
                        (source, where, row[0] if row is not None else ""),
                    )
                    removed += 1
                if removed:
                    self._db.execute(_HUMAN_CHANGED)
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"{self.path}: cannot write translation memory: {exc}"
            ) from exc
        return removed

    def withdrawn(self, source: str, context: str) -> str | None:
        """What a person took back for ``source`` in ``context`` ('' when they refused the
        translation shown there), or None when they took nothing back."""
        row = self._db.execute(
            "SELECT target FROM withdrawn WHERE source = ? AND context = ?", (source, context)
        ).fetchone()
        return None if row is None else str(row[0])

    def taken_back(self, source: str, target: str) -> bool:
        """Whether a person took back ``target`` as a translation of ``source`` anywhere."""
        row = self._db.execute(
            "SELECT 1 FROM withdrawn WHERE source = ? AND target = ?", (source, target)
        ).fetchone()
        return row is not None

    def add_human(
        self, units: Iterable[tuple[str, str, str]], *, replace: bool = False
    ) -> HumanImport:
        """Record imported ``(source, target, context)`` translations (a TMX or PO file).

        Unlike :meth:`store_human` (a run's own PO edits, where the person's newest edit
        wins), a file may be older than the memory: a differing human translation the memory
        holds for the same segment is kept and counted, unless ``replace``.  The memory's
        human state advances only when something was stored, so importing a file twice
        leaves outputs alone."""
        latest = {(source, where): target for source, target, where in units}
        added = same = differing = withdrawn = 0
        rows: list[tuple[str, str, str]] = []
        try:
            with self._db:
                # the comparison and the write in one transaction: a person's edit stored
                # meanwhile by a run cannot be replaced unseen
                self._db.execute("BEGIN IMMEDIATE")
                for (source, where), target in latest.items():
                    row = self._db.execute(
                        "SELECT target FROM unit WHERE source = ? AND origin = 'human' "
                        "AND context = ?",
                        (source, where),
                    ).fetchone()
                    if row is None and not replace and self.taken_back(source, target):
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
                    self._put_human(rows)
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"{self.path}: cannot write translation memory: {exc}"
            ) from exc
        return HumanImport(added, same, differing, replace, withdrawn)

    def forget_human(self, source: str, context: str | None = None) -> int:
        """Remove the human translations of ``source``: the one made for ``context``, or
        all of them; how many were removed.  Outputs made before are then out of date, so
        the next run translates those segments again (see :meth:`withdraw_human`)."""
        if context is not None:
            return self.withdraw_human([(source, context)])
        rows = self._db.execute(
            "SELECT context FROM unit WHERE origin = 'human' AND source = ?", (source,)
        )
        return self.withdraw_human([(source, row[0]) for row in rows.fetchall()])

    def _write(self, statement: str, rows: Sequence[tuple[object, ...]]) -> int:
        try:
            with self._db:
                self._db.executemany(statement, rows)
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(
                f"{self.path}: cannot write translation memory: {exc}"
            ) from exc
        return len(rows)

    def conflicts(self) -> list[Conflict]:
        """Sentences with differing human translations, in source order."""
        rows = self._db.execute(
            "SELECT source, context, target FROM unit WHERE origin = 'human' AND source IN "
            "(SELECT source FROM unit WHERE origin = 'human' GROUP BY source "
            "HAVING count(DISTINCT target) > 1) ORDER BY source, seq DESC"
        )
        grouped: dict[str, list[tuple[str, str]]] = {}
        for source, context, target in rows:
            grouped.setdefault(source, []).append((context, target))
        return [Conflict(source, tuple(pairs)) for source, pairs in grouped.items()]

    def state(self) -> str:
        """Names this memory and its human translations' state: it changes whenever a human
        translation is stored, so outputs made before are known to be out of date."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'human_changes'").fetchone()
        return f"{self.identity}#{row[0] if row else 0}"

    @property
    def identity(self) -> str:
        """A name made when the memory was first opened: the same file wiped and started
        again is another memory (its outputs must be read back).  A copy keeps the name;
        a copy from before later changes is told by its count of human changes."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone()
        if row is not None:
            return str(row[0])
        try:
            with self._db:
                self._db.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('identity', ?)", (uuid.uuid4().hex,)
                )
        except sqlite3.DatabaseError:
            return f"file:{self.path.resolve()}"  # read-only: named by its place instead
        return str(self._db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone()[0])

    def machine_target(self, source: str, stamp: Provenance) -> str | None:
        """The machine translation ``stamp``'s engine, model and glossary gave ``source``."""
        row = self._db.execute(
            "SELECT target FROM unit WHERE source = ? AND origin = 'machine' AND stamp = ?",
            (source, stamp.key),
        ).fetchone()
        return None if row is None else str(row[0])

    def human_targets(self, source: str) -> set[str]:
        """Every human translation of ``source``, for any segment."""
        rows = self._db.execute(
            "SELECT target FROM unit WHERE source = ? AND origin = 'human'", (source,)
        )
        return {row[0] for row in rows}

    def merge(self, other: Path) -> MergeCounts:
        """Take the other memory's units that this one lacks (a shard's, translated on
        another machine).  A human translation here is never replaced: one that differs
        in ``other`` is counted as a conflict and left out."""
        if not other.is_file():
            raise TranslationMemoryError(f"{other}: no such translation memory")
        try:
            self._db.execute("ATTACH DATABASE ? AS other", (str(other),))
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(f"{other}: cannot open translation memory: {exc}") from exc
        try:
            version = self._db.execute(
                "SELECT value FROM other.meta WHERE key = 'schema'"
            ).fetchone()
            if version is None or version[0] != str(SCHEMA_VERSION):
                raise TranslationMemoryError(
                    f"{other}: not a translation memory of schema {SCHEMA_VERSION}"
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
        except sqlite3.DatabaseError as exc:
            raise TranslationMemoryError(f"{other}: cannot merge: {exc}") from exc
        finally:
            with contextlib.suppress(sqlite3.Error):  # never hide the error that got here
                self._db.execute("DETACH DATABASE other")
        return MergeCounts(machine, human, int(conflicts))

    def counts(self) -> MemoryCounts:
        rows = dict(self._db.execute("SELECT origin, count(*) FROM unit GROUP BY origin"))
        conflicts = self._db.execute(
            "SELECT count(*) FROM (SELECT source FROM unit WHERE origin = 'human' "
            "GROUP BY source HAVING count(DISTINCT target) > 1)"
        ).fetchone()[0]
        return MemoryCounts(
            machine=int(rows.get("machine", 0)),
            human=int(rows.get("human", 0)),
            conflicts=int(conflicts),
        )

    def units(self, origin: Origin | None = None) -> list[tuple[str, str, Origin]]:
        """``(source, target, origin)`` rows, human ones first, in source order."""
        query = "SELECT source, target, origin FROM unit"
        params: tuple[str, ...] = ()
        if origin is not None:
            query += " WHERE origin = ?"
            params = (origin,)
        query += " ORDER BY origin = 'human' DESC, source, stamp, context"
        return [(s, t, o) for s, t, o in self._db.execute(query, params)]

    def export_units(self) -> list[ExportedUnit]:
        """Every unit with what made it, for a TMX that reads back into the same memory;
        in the order of :meth:`units`."""
        query = (
            "SELECT source, target, origin, stamp, engine, model, glossary, terms, context "
            "FROM unit ORDER BY origin = 'human' DESC, source, stamp, seq"
        )
        found: list[ExportedUnit] = []
        for row in self._db.execute(query):
            source, target, origin, key, engine, model, glossary, terms, where = row
            parts = key.split("\t")
            # the stamp key is what a lookup matches; human units have none (''), only columns
            stamp = (
                Provenance(*parts)
                if len(parts) == 4
                else Provenance(engine, model, "", glossary, origin)
            )
            terms_ = tuple(filter(None, terms.split("\n")))
            found.append(ExportedUnit(source, target, origin, stamp, terms_, where))
        return found


@dataclass(frozen=True)
class ExportedUnit:
    """One unit of :meth:`TranslationMemory.export_units`."""

    source: str
    target: str
    origin: Origin
    stamp: Provenance  # what made a machine unit; a human unit's engine/model/glossary columns
    terms: tuple[str, ...]  # glossary terms applied (machine units)
    context: str = ""  # the segment a human unit was made for (``stem#p1.s2``), if any
