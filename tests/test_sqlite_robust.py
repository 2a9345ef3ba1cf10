"""Issue 12, items 5 and 9: every SQLite file dolmetsch opens, whatever state it is in.

A damaged translation memory is one line naming it, before any output is written; text
damaged inside a page (which SQLite's own check cannot see) stops the run with one line and
a summary.  A memory dolmetsch may not write is used read-only and the summary says so.
Another program's SQLite file, or the output ledger, is never taken for a memory (nor the
memory for a ledger): it is refused in one line and left byte for byte.

Everything runs through the real CLI on real SQLite files.  Read-only places are made the
way a person meets them: as root (where chmod does not stop a write) a read-only bind
mount in a private mount namespace, otherwise chmod.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from dolmetsch.cli import main
from dolmetsch.dbfile import LEDGER_APP_ID, MEMORY_APP_ID
from dolmetsch.ledger import LEDGER_NAME
from dolmetsch.memory import TranslationMemory, TranslationMemoryError
from dolmetsch.provenance import HUMAN

STEM = "004_afa19b5bb09a82e9"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KINDS = (".po", ".tsv", ".html", ".tmx")
PAGE = 4096


def cli(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    # a traceback is an exception other than the exit the CLI chose
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def run(seeds: Path, out: Path, memory: Path, *extra: str) -> Result:
    return cli("run", seeds, "--out", out, "--memory", memory, "--engine", "argos", *extra)


def article_outputs(out: Path) -> list[str]:
    """The articles' outputs in ``out`` (not the run's corpus.tmx and index.html)."""
    if not out.exists():
        return []
    run_wide = ("corpus.tmx", "index.html")
    return sorted(p.name for p in out.iterdir() if p.suffix in KINDS and p.name not in run_wide)


def beside(path: Path) -> list[str]:
    """The files in ``path``'s folder (SQLite's -wal, -shm or -journal would show here)."""
    return sorted(p.name for p in path.parent.iterdir())


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, tiny_argosmodel: Path) -> Path:
    """A real memory and output folder, as a run of the five seeds leaves them: made once,
    each test gets a copy (``mem/tm.sqlite``, ``first/``)."""
    from dolmetsch.models import install_file

    root = tmp_path_factory.mktemp("made")
    home = root / "argos-home"
    with pytest.MonkeyPatch.context() as env:  # as the isolated_argos fixture does
        for var, sub in [
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("ARGOS_PACKAGES_DIR", "packages"),
        ]:
            env.setenv(var, str(home / sub))
        env.setenv("ARGOS_DEVICE_TYPE", "cpu")
        install_file(tiny_argosmodel, home / "packages")
        first = run(SEEDS, root / "first", root / "mem" / "tm.sqlite")
    assert first.exit_code == 0, first.stderr
    return root


@pytest.fixture
def memory(made: Path, installed_tiny: Path, tmp_path: Path) -> Path:
    """This test's copy of the made memory; its first run's outputs are in ``first/``."""
    shutil.copytree(made / "first", tmp_path / "first")
    (tmp_path / "mem").mkdir()
    shutil.copy(made / "mem" / "tm.sqlite", tmp_path / "mem" / "tm.sqlite")
    return tmp_path / "mem" / "tm.sqlite"


# --- a damaged memory ------------------------------------------------------------------------


@pytest.mark.parametrize("trial", range(14), ids=lambda t: f"trial{t}")
def test_a_page_overwritten_is_one_line_before_any_output(
    memory: Path, seeds_copy: Path, tmp_path: Path, trial: int
) -> None:
    """The issue's 14 trials: one page of a real memory overwritten, at offsets spread over
    the file (the first page, its header, too)."""
    pages = memory.stat().st_size // PAGE
    page = trial * pages // 14
    data = bytearray(memory.read_bytes())
    rng = random.Random(trial)
    data[page * PAGE : (page + 1) * PAGE] = bytes(rng.randrange(256) for _ in range(PAGE))
    memory.write_bytes(bytes(data))
    out = tmp_path / "out"
    result = run(seeds_copy, out, memory)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"dolmetsch: {memory}: "), lines
    assert "damaged" in lines[0] and "it was left as it is" in lines[0], lines
    assert result.stdout == ""
    assert not out.exists()  # refused before the output folder was even made
    assert memory.read_bytes() == bytes(data)
    stats = cli("tm", "stats", "--memory", memory)
    assert (stats.exit_code, stats.stderr) == (1, lines[0] + "\n")


def _damage_text(path: Path, text: str) -> bytes:
    """Make one byte of ``text`` (stored once) invalid UTF-8, page structure intact: SQLite's
    quick_check cannot see it, only a read of that text can."""
    data = bytearray(path.read_bytes())
    at = data.find(text.encode())
    assert at > 0 and data.find(text.encode(), at + 1) == -1
    data[at + 3] = 0xFF
    path.write_bytes(bytes(data))
    with sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True) as db:
        assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    db.close()
    return bytes(data)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_text_damaged_inside_a_page_stops_the_run_with_one_line_and_a_summary(
    memory: Path, seeds_copy: Path, tmp_path: Path, jobs: str
) -> None:
    """The defined outcome of damage found mid-run: the run stops; no window started after
    the one that found it; what was written is whole, each article has all its outputs or
    none; corpus.tmx and index.html are not written; the summary counts what was left."""
    german = str(polib.pofile(str(tmp_path / "first" / f"{STEM}.po"))[0].msgid)
    with TranslationMemory(memory) as tm:
        tm.store([(german, "Zz a reviewer's damaged headline zZ", ())], "human", HUMAN)
    damaged = _damage_text(memory, "a reviewer's damaged headline")
    out = tmp_path / "out"
    result = run(seeds_copy, out, memory, "--jobs", jobs)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    found = re.fullmatch(
        rf"dolmetsch: {re.escape(str(memory))}: the translation memory is damaged \(Could not "
        r"decode to UTF-8 column 'target'\); it was left as it is: put back a copy, or move it "
        r"away to start a new one; the run stopped: (\d+) articles? (?:was|were) not "
        r"translated \(their outputs were left as they were\)",
        lines[0],
    )
    assert found, lines
    left = int(found.group(1))
    written = {p.stem for p in out.glob("*.po")}
    assert STEM not in written
    assert left == len(list(seeds_copy.glob("*.txt"))) - len(written) >= 1
    assert len(article_outputs(out)) == len(KINDS) * len(written)  # all or none
    assert not (out / "corpus.tmx").exists() and not (out / "index.html").exists()
    assert result.stdout.startswith(f"translated {len(written)} articles (")
    assert memory.read_bytes() == damaged  # nothing was stored
    if jobs == "1":
        assert written == set()  # one window: it stopped before writing anything


# --- a memory dolmetsch may not write -------------------------------------------------------


def _mount_read_only_works() -> str | None:
    """Why a read-only bind mount cannot be made here, or None."""
    if shutil.which("unshare") is None:
        return "no unshare(1)"
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$1" "$1"', "sh", "/tmp"],
        capture_output=True,
        text=True,
    )
    return None if probe.returncode == 0 else f"no read-only bind mount: {probe.stderr.strip()}"


def dolmetsch_read_only(
    read_only: list[Path], *args: str | Path
) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess that sees ``read_only`` (files or folders) as a person on a
    read-only mount does: writing them fails, and ``os.access`` says so."""
    command = [sys.executable, "-m", "dolmetsch", *map(str, args)]
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in read_only}
        for p in read_only:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=300)
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
    reason = _mount_read_only_works()
    if reason is not None:
        pytest.skip(f"running as root, where chmod does not stop a write, and {reason}")
    mounts = (
        'for p in "$@"; do [ "$p" = -- ] && break; mount --bind -o ro "$p" "$p" || exit 99; done'
    )
    script = f'{mounts}; while [ "$1" != -- ]; do shift; done; shift; exec "$@"'
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", *map(str, read_only), "--", *command],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 99, done.stderr
    return done


@pytest.fixture
def with_human(memory: Path, tmp_path: Path) -> tuple[str, str]:
    """A person's translation of the seed article's first sentence in the memory."""
    german = str(polib.pofile(str(tmp_path / "first" / f"{STEM}.po"))[0].msgid)
    with TranslationMemory(memory) as tm:
        tm.store([(german, "A reviewer's headline.", ())], "human", HUMAN)
    return german, "A reviewer's headline."


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_memory_is_used_and_nothing_is_stored(
    memory: Path, with_human: tuple[str, str], seeds_copy: Path, tmp_path: Path, where: str
) -> None:
    before = memory.read_bytes()
    (seeds_copy / "new.txt").write_text("date 2024-01-01\n\nEin ganz neuer Satz.\n", "utf-8")
    out = tmp_path / "out"
    locked = memory if where == "file" else memory.parent
    done = dolmetsch_read_only([locked], "run", seeds_copy, "--out", out, "--memory", memory)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.startswith("translated 6 articles (")
    assert done.stdout.rstrip("\n").endswith(f"; memory {memory} is read-only: nothing was stored")
    # reused: the person's translation the memory holds
    assert polib.pofile(str(out / f"{STEM}.po"))[0].msgstr == with_human[1]
    assert memory.read_bytes() == before and beside(memory) == ["tm.sqlite"]
    with TranslationMemory(memory) as tm:  # the new sentence was translated, not stored
        assert tm.lookup(["Ein ganz neuer Satz."], HUMAN) == {}
        assert tm.machine_targets("Ein ganz neuer Satz.") == set()


def test_a_read_only_memory_with_two_jobs(
    memory: Path, with_human: tuple[str, str], seeds_copy: Path, tmp_path: Path
) -> None:
    before = memory.read_bytes()
    out = tmp_path / "out"
    done = dolmetsch_read_only(
        [memory.parent], "run", seeds_copy, "--out", out, "--memory", memory, "--jobs", "2"
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.rstrip("\n").endswith(f"memory {memory} is read-only: nothing was stored")
    assert polib.pofile(str(out / f"{STEM}.po"))[0].msgstr == with_human[1]
    assert memory.read_bytes() == before and beside(memory) == ["tm.sqlite"]


def test_a_new_memory_in_a_read_only_folder_is_not_made(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    new = folder / "team" / "tm.sqlite"
    out = tmp_path / "out"
    done = dolmetsch_read_only([folder], "run", seeds_copy, "--out", out, "--memory", new)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.startswith("translated 5 articles (")
    assert done.stdout.rstrip("\n").endswith(
        f"; memory {new} cannot be made in a read-only folder: nothing was stored"
    )
    assert list(folder.iterdir()) == []
    assert len(article_outputs(out)) == 5 * len(KINDS)


def test_edits_a_read_only_memory_cannot_keep_leave_the_po_alone(
    memory: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "first"
    po = out / f"{STEM}.po"
    entries = polib.pofile(str(po))
    entries[0].msgstr = "My own headline."
    entries[0].flags = [f for f in entries[0].flags if f != "fuzzy"]
    entries.save(str(po))
    edited, before = po.read_bytes(), memory.read_bytes()
    done = dolmetsch_read_only([memory], "run", seeds_copy, "--out", out, "--memory", memory)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"dolmetsch: {po}: its edits cannot be kept, the translation memory {memory} is "
        "read-only; the file was left as it is: make the memory writable (or pass --memory "
        "with another), then run again"
    ]
    assert done.stdout.rstrip("\n").endswith(f"memory {memory} is read-only: nothing was stored")
    assert po.read_bytes() == edited and memory.read_bytes() == before
    # writable again, the edit is taken and shown
    again = run(seeds_copy, out, memory)
    assert (again.exit_code, again.stderr) == (0, "")
    assert polib.pofile(str(po))[0].msgstr == "My own headline."


@pytest.mark.parametrize("command", ["import", "merge", "forget"])
def test_commands_that_write_refuse_a_read_only_memory(
    memory: Path, tmp_path: Path, command: str
) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copy(memory, other)
    args = {
        "import": ["tm", "import", tmp_path / "first" / f"{STEM}.po"],
        "merge": ["tm", "merge", other],
        "forget": ["tm", "forget", "--source", "Guten Tag."],
    }[command]
    before = memory.read_bytes()
    done = dolmetsch_read_only([memory.parent], *args, "--memory", memory)
    assert done.returncode == 1
    doing = "forget human translations" if command == "forget" else f"{command} into it"
    assert done.stderr.splitlines() == [
        f"dolmetsch: {memory}: cannot {doing}: it is read-only; nothing was changed: make it "
        "writable, or pass --memory with another"
    ]
    assert memory.read_bytes() == before and beside(memory) == ["tm.sqlite"]


# --- other SQLite files ----------------------------------------------------------------------


def _foreign(path: Path, kind: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        if kind == "app-id":
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA application_id = 305419896")
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        if kind == "meta-only":  # a memory's first table, nothing else of one
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("DROP TABLE notes")
        else:
            db.execute("INSERT INTO notes (text) VALUES ('a person''s note')")
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        (
            "app-id",
            "a SQLite database of another program (application id 0x12345678), not a "
            "translation memory",
        ),
        ("tables", "a SQLite database that is not a translation memory (its tables: notes)"),
        ("meta-only", "a SQLite database that is not a translation memory (its tables: meta)"),
    ],
)
@pytest.mark.parametrize("command", ["run", "stats"])
def test_another_programs_database_is_refused_and_left_byte_for_byte(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, kind: str, what: str, command: str
) -> None:
    path = tmp_path / "theirs" / "app.db"
    before = _foreign(path, kind)
    out = tmp_path / "out"
    args = ["run", seeds_copy, "--out", out] if command == "run" else ["tm", "stats"]
    result = cli(*args, "--memory", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"dolmetsch: {path}: {what}; it was left as it is: pass --memory with a translation "
        "memory (or a new file)\n"
    )
    assert path.read_bytes() == before and beside(path) == ["app.db"]
    assert not out.exists()


@pytest.mark.parametrize("legacy", [False, True], ids=["with-id", "before-ids"])
def test_the_output_ledger_is_not_a_memory(
    memory: Path, seeds_copy: Path, tmp_path: Path, legacy: bool
) -> None:
    ledger = tmp_path / "first" / LEDGER_NAME
    if legacy:  # a ledger made before application ids: known by its tables
        with sqlite3.connect(ledger) as db:
            db.execute("PRAGMA application_id = 0")
        db.close()
    before = ledger.read_bytes()
    result = run(seeds_copy, tmp_path / "out", ledger)
    assert result.exit_code == 1
    assert result.stderr == (
        f"dolmetsch: {ledger}: a dolmetsch output ledger, not a translation memory; it was "
        "left as it is: pass --memory with a translation memory (or a new file)\n"
    )
    assert ledger.read_bytes() == before
    merged = cli("tm", "merge", ledger, "--memory", memory)
    assert merged.exit_code == 1
    assert merged.stderr == (
        f"dolmetsch: {ledger}: a dolmetsch output ledger, not a translation memory; it was "
        "left as it is, nothing was merged\n"
    )
    assert ledger.read_bytes() == before


@pytest.mark.parametrize("kind", ["memory", "app-id"])
def test_a_memory_or_foreign_file_at_the_ledgers_place_is_left_alone(
    memory: Path, seeds_copy: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / "out"
    ledger = out / LEDGER_NAME
    if kind == "memory":
        out.mkdir()
        shutil.copy(memory, ledger)
        what = "a dolmetsch translation memory, not an output ledger"
    else:
        _foreign(ledger, kind)
        what = (
            "a SQLite database of another program (application id 0x12345678), not an output ledger"
        )
    before = ledger.read_bytes()
    result = run(seeds_copy, out, tmp_path / "tm2.sqlite")
    assert result.exit_code == 1
    assert result.stderr == (
        f"dolmetsch: {ledger}: {what}; it was left as it is, and this run keeps no record of "
        "its outputs: move it away, then run again\n"
    )
    assert result.stdout.startswith("translated 5 articles (")
    assert len(article_outputs(out)) == 5 * len(KINDS)
    assert ledger.read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(LEDGER_NAME)) == [LEDGER_NAME]


def test_new_files_carry_their_application_ids_and_older_ones_get_them(
    memory: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    ledger = tmp_path / "first" / LEDGER_NAME
    for path, app_id in ((memory, MEMORY_APP_ID), (ledger, LEDGER_APP_ID)):
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA application_id").fetchone() == (app_id,)
            db.execute("PRAGMA application_id = 0")  # as a dolmetsch before ids left it
        db.close()
    with TranslationMemory(memory) as tm:
        counts = tm.counts()
    again = run(seeds_copy, tmp_path / "first", memory)
    assert (again.exit_code, again.stderr) == (0, "")
    assert "kept 5 unchanged" in again.stdout  # the ledger was still taken for one
    for path, app_id in ((memory, MEMORY_APP_ID), (ledger, LEDGER_APP_ID)):
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA application_id").fetchone() == (app_id,)
        db.close()
    with TranslationMemory(memory) as tm:
        assert tm.counts() == counts


# --- a damaged ledger ------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "page"])
def test_a_damaged_ledger_is_started_again_in_one_note(
    memory: Path, seeds_copy: Path, tmp_path: Path, damage: str
) -> None:
    out = tmp_path / "first"
    ledger = out / LEDGER_NAME
    outputs = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in KINDS}
    if damage == "garbage":
        ledger.write_bytes(b"not a database" * 300)
    else:
        data = bytearray(ledger.read_bytes())
        assert len(data) >= 2 * PAGE
        data[PAGE : 2 * PAGE] = bytes(random.Random(7).randrange(256) for _ in range(PAGE))
        ledger.write_bytes(bytes(data))
    result = run(seeds_copy, out, memory)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"dolmetsch: note: {ledger}: the output ledger was damaged ("
    ), lines
    assert lines[0].endswith(
        "); a new one was started: an output that differs from what this run writes is left "
        "alone and reported"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name in outputs} == outputs
    third = run(seeds_copy, out, memory)
    assert (third.exit_code, third.stderr) == (0, "")
    assert "kept 5 unchanged" in third.stdout


def test_a_damaged_ledger_record_is_dropped_and_its_article_redone(
    memory: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    """Text damaged inside a record, which SQLite's check cannot see: that article takes
    the normal path (its outputs are the same bytes), the record is written again."""
    out = tmp_path / "first"
    ledger = out / LEDGER_NAME
    data = bytearray(ledger.read_bytes())
    at = data.find(f'"{STEM}.html": "'.encode())
    assert at > 0
    data[at + len(STEM) + 12] = 0xFF  # in the SHA-256 the record keeps for the HTML
    ledger.write_bytes(bytes(data))
    outputs = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in KINDS}
    again = run(seeds_copy, out, memory)
    assert (again.exit_code, again.stderr) == (0, "")
    assert again.stdout.startswith("translated 1 article (") and "kept 4 unchanged" in again.stdout
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name in outputs} == outputs
    third = run(seeds_copy, out, memory)
    assert (third.exit_code, third.stderr) == (0, "")
    assert "kept 5 unchanged" in third.stdout


# --- tm merge X --memory X -------------------------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path


@pytest.mark.parametrize("how", ["same", "link", "relative", "default"])
def test_merging_the_memory_into_itself_is_refused(
    memory: Path, in_tmp: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    link = in_tmp / "link.sqlite"
    link.symlink_to(memory)
    other = {
        "same": memory,
        "link": link,
        "relative": memory.relative_to(in_tmp),
        "default": memory,
    }[how]
    given: list[str | Path] = ["--memory", memory] if how != "default" else []
    monkeypatch.setenv("DOLMETSCH_MEMORY", str(link))
    before = memory.read_bytes()
    result = cli("tm", "merge", other, *given)
    assert result.exit_code == 2
    assert result.stderr == (
        f"dolmetsch: {other} and the memory are the same file; nothing was merged\n"
    )
    assert memory.read_bytes() == before and beside(memory) == ["tm.sqlite"]
    refused = pytest.raises(TranslationMemoryError, match="the same file; nothing was merged")
    with TranslationMemory(link) as tm, refused:  # the library says the same
        tm.merge(memory)


@pytest.mark.parametrize("kind", ["app-id", "tables"])
def test_merging_another_programs_database_is_refused(
    memory: Path, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "theirs" / "app.db"
    before = _foreign(path, kind)
    mine = memory.read_bytes()
    result = cli("tm", "merge", path, "--memory", memory)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dolmetsch: {path}: a SQLite database ")
    assert result.stderr.endswith("; it was left as it is, nothing was merged\n")
    assert path.read_bytes() == before and beside(path) == ["app.db"]
    assert memory.read_bytes() == mine
