"""`dolmetsch view`: plain when piped, highlighted through the pager on a terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import shlex
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from ptyread import read_all

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
    written = read_all(master)
    assert proc.wait(timeout=60) == 0
    os.close(master)
    text = written.decode()
    assert ANSI.search(text), "terms are highlighted on a terminal"
    plain = [ANSI.sub("", line).rstrip("\r") for line in text.split("\n")]
    assert max(len(line) for line in plain) <= 100
    assert any("│" in line for line in plain)


# --- title, human marks, colour choices ------------------------------------------------------

STEM = "004_afa19b5bb09a82e9"


def view(out: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["view", STEM, "--out", str(out), *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_view_has_a_title_line(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    # the counts the run itself gives for this article alone
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / f"{STEM}.txt").write_bytes((seeds_copy / f"{STEM}.txt").read_bytes())
    result = CliRunner().invoke(main, ["run", str(alone), "--out", str(tmp_path / "o2")])
    counts = re.search(r"\((\d+) sentences[^)]*\).*; glossary: (\d+) terms", result.stdout)
    assert counts is not None, result.stdout
    code, stdout, _ = view(out, "--width", "100")
    assert code == 0
    lines = stdout.splitlines()
    assert lines[:3] == [
        f"{STEM}.txt · argos (translate-de_en-tiny 0.0.1)",
        f"{counts[1]} sentences, {counts[2]} glossary terms",
        "═" * 100,
    ]
    assert lines[3].startswith("# Trump will mit Putin")  # no caution for a neural engine


def test_view_cautions_about_the_dictionary_engine(
    excerpt_lexicon: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    code, stdout, _ = view(out, "--width", "160")
    assert code == 0
    title = stdout.splitlines()[:4]
    assert title[0].startswith(f"{STEM}.txt · lexicon (ding+de2en ")
    assert title[2] == (
        "lexicon engine: dictionary translation, for gist only; install a neural model with "
        "`dolmetsch model install`"
    )
    assert title[3] == "═" * 160


def test_view_marks_what_a_person_translated(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    path = out / f"{STEM}.po"
    po = polib.pofile(str(path))
    entry = po.find("p3.s2", by="msgctxt")
    entry.msgstr = "The Kremlin did not confirm the call."
    entry.flags.remove("fuzzy")  # reviewed: a person's translation
    po.save(str(path))
    for when in ("edited", "after the next run"):
        code, stdout, _ = view(out, "--width", "120", "--interleaved")
        assert code == 0, when
        lines = stdout.splitlines()
        assert ", 1 translated by a person (✓)" in lines[1], when
        assert "    ✓ The Kremlin did not confirm the call." in lines, when
        assert sum("✓" in line for line in lines[3:]) == 1, when
        _, coloured, _ = view(out, "--width", "120", "--interleaved", "--color", "always")
        green = [line for line in coloured.splitlines() if line.startswith("    \x1b[32m✓ ")]
        assert [ANSI.sub("", line) for line in green] == [
            "    ✓ The Kremlin did not confirm the call."
        ], when
        if when == "edited":  # the entry still lists its glossary term: marked in green text
            assert green == [
                f"    \x1b[32m✓ The {X}{Y}Kremlin{X}\x1b[32m did not confirm the call.{X}"
            ]
        translate_seeds(seeds_copy, out)  # the run takes it in and marks it "human translation"
    assert "#. human translation" in path.read_text(encoding="utf-8")


Y, X = "\x1b[1;33m", "\x1b[0m"


def test_color_option_and_no_color(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    _, always, _ = view(out, "--color", "always")
    assert f"{Y}Putin{X}" in always  # asked for: colour even in a pipe
    _, despite, _ = view(out, "--color", "always", env={"NO_COLOR": "1"})
    assert f"{Y}Putin{X}" in despite  # the option wins over the environment
    _, never, _ = view(out, "--color", "never")
    assert not ANSI.search(never) and "\x1b" not in never
    assert ANSI.sub("", always) == never
    code, _, stderr = view(out, "--color", "sometimes")
    assert code == 2 and "Invalid value for '--color'" in stderr


def pty_view(out: Path, *args: str, env: dict[str, str]) -> str:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "dolmetsch", "view", STEM, "--out", str(out), *args],
        stdin=slave, stdout=slave, stderr=slave, env={**os.environ, "TERM": "xterm", **env},
    )  # fmt: skip
    os.close(slave)
    written = read_all(master)
    assert proc.wait(timeout=60) == 0
    os.close(master)
    return written.decode()


COPYING_PAGER = (
    f"{sys.executable} -c 'import shutil, sys; shutil.copyfileobj(sys.stdin, sys.stdout)'"
)


@pytest.mark.parametrize(
    ("env", "args", "coloured"),
    [
        ({"PAGER": "cat"}, [], True),
        ({"PAGER": "cat", "NO_COLOR": "1"}, [], False),
        ({"PAGER": "cat", "NO_COLOR": ""}, [], True),
        ({"PAGER": "cat"}, ["--color", "never"], False),
        ({"PAGER": "cat", "NO_COLOR": "1"}, ["--color", "always"], True),
        # a pager not known to show colour (a script that copies) gets plain text
        ({"PAGER": COPYING_PAGER}, [], False),
    ],
    ids=["terminal", "no-color", "no-color-empty", "never", "always", "unknown-pager"],
)  # fmt: skip
def test_colour_on_a_terminal(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path,
    env: dict[str, str], args: list[str], coloured: bool,
) -> None:  # fmt: skip
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    text = pty_view(out, *args, env=env)
    assert bool(ANSI.search(text)) is coloured
    assert "\x1b" in text if coloured else "\x1b" not in text
    assert f"{STEM}.txt · argos" in text


# --- the system less in tmux, LESS and PAGER unset, as on a fresh Debian ---------------------

TMUX, LESS = shutil.which("tmux"), shutil.which("less")


def _tmux(sock: Path, *args: str) -> str:
    done = subprocess.run(
        [TMUX or "tmux", "-S", str(sock), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def _screen(sock: Path, until: str, *, escapes: bool = False) -> str:
    """The pane's text (with its colour attributes as SGR sequences when ``escapes``), once
    it shows ``until``; a generous deadline only guards against a hang."""
    deadline = time.monotonic() + 60
    while True:
        screen = _tmux(sock, "capture-pane", "-p", *(["-e"] if escapes else []), "-t", "view")
        if until in screen or time.monotonic() > deadline:
            return screen
        time.sleep(0.2)


@pytest.mark.skipif(TMUX is None or LESS is None, reason="needs tmux and less")
@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize("colour", ["auto", "never"])
def test_view_in_tmux_with_the_system_less(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, columns: int, colour: str
) -> None:
    out = tmp_path / "out"
    translate_seeds(seeds_copy, out)
    sock = tmp_path / "tmux.sock"
    env = {k: v for k, v in os.environ.items() if k not in ("LESS", "PAGER", "NO_COLOR")}
    env["LANG"] = "C.UTF-8"
    command = shlex.join(
        [sys.executable, "-m", "dolmetsch", "view", STEM, "--out", str(out), "--color", colour]
    )
    _tmux(sock, "-f", "/dev/null", "new-session", "-d", "-x", str(columns), "-y", "30",
          "-s", "view", f"{command}; echo view-ended-$?; sleep 60")  # fmt: skip
    try:
        # the server was started with env: check that less really runs without LESS
        shown = _tmux(sock, "show-environment", "-g")
        assert "\nLESS=" not in "\n" + shown and "\nPAGER=" not in "\n" + shown
        plain = _screen(sock, "═" * 40)  # the rule under the title (capped in wide panes)
        attributes = _screen(sock, "═", escapes=True)
        # Ctrl-C belongs to less while it shows the article: dolmetsch neither dies nor
        # writes over it
        _tmux(sock, "send-keys", "-t", "view", "C-c")
        time.sleep(0.5)  # lets a wrong reaction show; nothing is timed
        after = _tmux(sock, "capture-pane", "-p", "-t", "view")
        assert "interrupted" not in after and "view-ended" not in after
        _tmux(sock, "send-keys", "-t", "view", "q")
        ended = _screen(sock, "view-ended-")
    finally:
        subprocess.run([TMUX or "tmux", "-S", str(sock), "kill-server"], check=False)
    assert f"{STEM}.txt · argos" in plain
    assert "│" in plain  # side by side at 80 columns and more
    # less was paging (the screen is full) and showed no escape sequence as text
    assert len(plain.splitlines()) >= 29
    assert "\x1b" not in plain and "ESC[" not in plain and "ESC" not in plain
    # colour reached the terminal as colour: bold yellow terms, through less -R
    yellow = re.search(r"\x1b\[[0-9;]*33m(Trump|Putin)", attributes)
    assert (yellow is not None) is (colour == "auto")
    assert "view-ended-0" in ended
