"""The lexicon store's build says how far it is: a bar on a terminal, a line per stage else."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

from ptyread import read_all

from dolmetsch.lexicon import BUILD_STAGES, BuildStep, build_store

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def test_build_steps_cover_the_build_in_order(excerpt_ding: Path, tmp_path: Path) -> None:
    steps: list[BuildStep] = []
    build_store(tmp_path, excerpt_ding, progress=steps.append)
    done = [step.done for step in steps]
    assert done == sorted(done) and done[0] == 0.0 and done[-1] == 1.0
    stages = [step for step in steps if step.stage]
    assert [step.number for step in stages] == list(range(1, BUILD_STAGES + 1))
    assert stages[0].stage == f"reading {excerpt_ding}"
    assert stages[-1].stage.startswith("writing lexicon-")
    assert all(0.0 <= d <= 1.0 for d in done)


# In a pipe, a line per stage: tests/test_run.py::test_first_use_builds_the_store_and_says_so


def test_a_bar_on_a_terminal(excerpt_ding: Path, tmp_path: Path) -> None:
    """First use of the lexicon engine at a terminal: the announcement, then a bar that ends
    at 100 %, then the translation (``lexicon build`` shows the same bar)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    command = [sys.executable, "-m", "dolmetsch", "translate", "--engine", "lexicon",
               "--data-dir", str(tmp_path / "data"), "Die Polizei."]  # fmt: skip
    proc = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
        env={**os.environ, "DOLMETSCH_DING": str(excerpt_ding), "TERM": "xterm"},
    )  # fmt: skip
    os.close(slave)
    written = read_all(master)
    stdout, _ = proc.communicate(timeout=120)
    os.close(master)
    stderr = written.decode()
    assert proc.returncode == 0, stderr
    assert stdout == b"The police.\n"
    assert stderr.startswith("dolmetsch: building the lexicon store ")
    # click's bar, redrawn in place: label, [####...], percent, the stage; each redraw fits
    # the terminal's 80 columns (a longer one wraps and leaves a line behind at each step)
    drawn = [part for part in re.split(r"[\r\n]", ANSI.sub("", stderr)) if "  [" in part]
    assert len(drawn) >= BUILD_STAGES and all(p.startswith("lexicon store  [") for p in drawn)
    assert max(len(part) for part in drawn) <= 80
    assert re.search(r"\] +100%", stderr), stderr
    assert "lexicon store, stage" not in stderr  # the bar replaces the lines
    # at a terminal translate names its engine, and the caution for the dictionary engine
    assert re.search(
        r"dolmetsch: note: translated with lexicon \(ding\+de2en \S+\): dictionary "
        r"translation, for gist only; install a neural model with `dolmetsch model install`"
        r"\r?\n$",
        stderr,
    ), stderr
