"""`dolmetsch view`: plain when piped, highlighted through the pager on a terminal."""

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

from click.testing import CliRunner

from dolmetsch.cli import main

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def translate_seeds(seeds: Path, out: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.stderr


def test_view_piped_is_plain_and_fits(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    for article in ("004_afa19b5bb09a82e9", str(seeds_copy / "004_afa19b5bb09a82e9.txt"),
                    str(out / "004_afa19b5bb09a82e9.tsv")):  # fmt: skip
        result = CliRunner().invoke(main, ["view", article, "--out", str(out), "--width", "90"])
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        assert not ANSI.search(result.stdout)
        assert max(len(line) for line in lines) <= 90
        assert any("│" in line and "Zelensky" in line for line in lines)


def test_view_interleaved(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    result = CliRunner().invoke(
        main, ["view", "003_7d2f2778bef5b441", "--out", str(out), "--interleaved", "--width", "40"]
    )
    assert result.exit_code == 0
    assert "│" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


def test_view_missing_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["view", "nope", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"dolmetsch: {tmp_path / 'nope.po'}: no such output; translate it first: dolmetsch run\n"
    )


def test_view_on_a_real_terminal(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "dolmetsch", "view", "004_afa19b5bb09a82e9", "--out", str(out)],
        stdin=slave, stdout=slave, stderr=slave, env=dict(os.environ, PAGER="cat", TERM="xterm"),
    )  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait(timeout=60) == 0
    os.close(master)
    text = b"".join(chunks).decode()
    assert ANSI.search(text), "terms are highlighted on a terminal"
    plain = [ANSI.sub("", line).rstrip("\r") for line in text.split("\n")]
    assert max(len(line) for line in plain) <= 100
    assert any("│" in line for line in plain)
