"""The progress bar appears on stderr when it is a terminal, and never in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")


def _run(seeds: Path, out: Path, *, stderr_tty: bool) -> tuple[int, str, str]:
    command = [sys.executable, "-m", "dolmetsch", "run", str(seeds), "--out", str(out)]
    if not stderr_tty:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        return done.returncode, done.stdout, done.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    err = _read_all(master)
    stdout, _ = proc.communicate(timeout=120)
    os.close(master)
    return proc.returncode, stdout.decode(), err


def test_progress_bar_on_a_terminal(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    code, stdout, stderr = _run(seeds_copy, tmp_path / "out", stderr_tty=True)
    assert code == 0
    assert stdout.startswith("translated 5 articles (189 sentences)")
    assert "translating" in stderr
    assert "189/189" in stderr


def test_no_progress_bar_in_a_pipe(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    code, stdout, stderr = _run(seeds_copy, tmp_path / "out", stderr_tty=False)
    assert (code, stderr) == (0, "")
    assert stdout.startswith("translated 5 articles (189 sentences)")
