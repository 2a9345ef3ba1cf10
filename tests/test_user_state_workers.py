"""A person's work is never lost to a run's workers or its clean-up: workers die with
their run and write nothing after it, and only dolmetsch's own temporary files are removed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner
from test_interrupt import complete_outputs, corpus

from dolmetsch.cli import main
from dolmetsch.files import TMP_PREFIX, TMP_SUFFIX, folder_lock, write_atomic, write_streamed

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

Process = tuple[int, int]  # pid and start time: a pid alone may be reused


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rpartition(")")[2].split()  # the name in parentheses may hold spaces


def descendants(root: int) -> dict[Process, str]:
    """Every process under ``root`` (children, theirs, ...) with its command line."""
    children: dict[int, list[Process]] = {}
    for entry in Path("/proc").iterdir():
        fields = _stat(int(entry.name)) if entry.name.isdigit() else None
        if fields is not None:
            pid = int(entry.name)
            children.setdefault(int(fields[1]), []).append((pid, int(fields[19])))
    found: dict[Process, str] = {}
    todo = [root]
    while todo:
        for process in children.get(todo.pop(), []):
            try:
                found[process] = Path(f"/proc/{process[0]}/cmdline").read_bytes().decode()
            except OSError:
                continue
            todo.append(process[0])
    return found


def alive(process: Process) -> bool:
    fields = _stat(process[0])
    return fields is not None and int(fields[19]) == process[1] and fields[0] not in "ZX"


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # as a user's run has it (see test_interrupt)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_their_run_and_write_nothing_after_it(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    # 40 articles in windows of about two: after the first outputs there is work left for
    # several seconds, so a worker that outlived its run would go on writing.
    folder = corpus(seeds_copy, tmp_path / "corpus", copies=8)
    stems = sorted(p.stem for p in folder.glob("*.txt"))
    out = tmp_path / "out"
    with (tmp_path / "stderr").open("wb") as stderr:
        # stderr to a file: the resource tracker, which outlives the run by a moment, would
        # hold a pipe open
        proc = subprocess.Popen(
            [sys.executable, "-m", "dolmetsch", "run", str(folder), "--out", str(out),
             "--jobs", "2"],
            stdout=subprocess.DEVNULL, stderr=stderr, preexec_fn=_default_sigint,
        )  # fmt: skip
    family: dict[Process, str] = {}
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(list(out.glob("*.po"))) < 2:
            time.sleep(0.02)
        family = descendants(proc.pid)
        proc.send_signal(sig)
        proc.wait(timeout=30)
        workers = [cmd for cmd in family.values() if "spawn_main" in cmd]
        assert len(workers) == 2, family
        assert any("resource_tracker" in cmd for cmd in family.values()), family
        done = complete_outputs(out)
        assert 0 < len(done) < len(stems), "stopped mid-run"

        # A person opens every article's PO at once, those written and those not yet.
        for stem in stems:
            (out / f"{stem}.po").write_bytes(f'# reviewed by hand: {stem}\nmsgid ""\n'.encode())
        edited = files(out)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(p) for p in family):
            time.sleep(0.05)
        time.sleep(1.0)  # a worker still writing would have written in this time

        now = files(out)
        changed = {n for n in edited.keys() | now.keys() if edited.get(n) != now.get(n)}
        assert not changed, f"written after the run ended: {sorted(changed)}"
        left = {p: cmd for p, cmd in family.items() if alive(p)}
        assert not left, f"left running after the run ended: {left}"
        # SIGTERM is a request to stop, handled as Ctrl-C is: status 1, not death by signal
        assert proc.returncode == (-signal.SIGKILL if sig == signal.SIGKILL else 130)
    finally:  # a failing test leaves nothing running either
        proc.kill()
        for process in family:
            if alive(process):
                os.kill(process[0], signal.SIGKILL)


FALLBACK = """
import ctypes, multiprocessing, os, sys, time
from pathlib import Path

def child(parent, beat):
    from dolmetsch import lifeline

    lifeline.bind_to_parent(parent)
    ctypes.CDLL(None).prctl(1, 0, 0, 0, 0)  # PR_SET_PDEATHSIG 0: as where there is none
    while True:
        Path(beat).write_text(str(time.monotonic()))
        time.sleep(0.02)

if __name__ == "__main__":
    worker = multiprocessing.get_context("spawn").Process(
        target=child, args=(os.getpid(), sys.argv[1])
    )
    worker.start()
    print(worker.pid, flush=True)
    time.sleep(600)
"""


def test_without_the_kernels_death_signal_a_worker_still_dies_with_its_run(
    tmp_path: Path,
) -> None:
    script, beat = tmp_path / "run.py", tmp_path / "beat"
    script.write_text(FALLBACK, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(beat)], stdout=subprocess.PIPE)
    worker: Process | None = None
    try:
        assert proc.stdout is not None
        pid = int(proc.stdout.readline())
        fields = _stat(pid)
        assert fields is not None
        worker = (pid, int(fields[19]))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not beat.exists():
            time.sleep(0.02)
        assert beat.exists(), "the worker never started"
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and alive(worker):
            time.sleep(0.02)
        assert not alive(worker), "the worker outlived its parent"
        last = beat.read_bytes()
        time.sleep(0.2)
        assert beat.read_bytes() == last
    finally:
        proc.kill()
        if worker is not None and alive(worker):
            os.kill(worker[0], signal.SIGKILL)


PERSONAL = {
    ".notes.tmp": b"my notes\n\x00\xff",
    ".x.po.tmp": b'msgid "Haus"\nmsgstr "house"\n',
    ".foo.po.tmp": b"",
    ".Artikel.po.a1b2c3d4.tmp": b"looks like an old dolmetsch temporary file; is not ours",
    ".dolmetsch-tmp": b"no suffix",
    "notes.tmp": b"visible",
    ".hidden": b"hidden",
}


def _put(out: Path) -> Path:
    out.mkdir()
    for name, data in PERSONAL.items():
        (out / name).write_bytes(data)
    stale = out / f"{TMP_PREFIX}Artikel.po.k3j4h5g6{TMP_SUFFIX}"
    stale.write_bytes(b"half of a killed run's PO")
    return stale


def test_folder_lock_removes_only_its_own_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = _put(out)
    with folder_lock(out):
        assert not stale.exists()
        assert {n: d for n, d in files(out).items() if n in PERSONAL} == PERSONAL


def test_a_persons_hidden_files_survive_a_run(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    stale = _put(out)
    result = CliRunner().invoke(main, ["run", str(seeds_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    after = files(out)
    assert {n: d for n, d in after.items() if n in PERSONAL} == PERSONAL
    assert not [n for n in after if n.startswith(TMP_PREFIX)]


@pytest.mark.parametrize(
    "name",
    ["a" * 247 + ".po", "€" * 82 + "a.po", "ä" * 123 + "a.po"],
    ids=["ascii", "3-byte", "2-byte"],
)
def test_a_250_byte_name_gets_a_temporary_name_under_255_bytes(tmp_path: Path, name: str) -> None:
    assert len(os.fsencode(name)) == 250
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / name
    write_atomic(path, b"first")
    assert path.read_bytes() == b"first"

    seen: list[str] = []

    def write(handle: IO[bytes]) -> None:
        seen.extend(p.name for p in folder.iterdir() if p.name != name)
        handle.write(b"second")

    assert write_streamed(path, write)
    assert path.read_bytes() == b"second"
    assert len(seen) == 1, seen
    temporary = seen[0]
    assert temporary.startswith(TMP_PREFIX) and temporary.endswith(TMP_SUFFIX)
    assert len(os.fsencode(temporary)) < 255
    temporary.encode("utf-8")  # cut between whole characters: no stray bytes
    assert [p.name for p in folder.iterdir()] == [name]
