"""Every message and --help says what is true: outputs, formats, lines, what is read."""

from __future__ import annotations

import os
import pty
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from dolmetsch.cli import main

ROOT = Path(__file__).resolve().parent.parent


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_run_help_lists_every_output(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    code, help_text, _ = invoke("run", "--help")
    assert code == 0
    out = tmp_path / "out"
    assert invoke("run", str(seeds_copy), "--out", str(out))[0] == 0
    written = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    for name in written:  # each output, by its suffix or its name, is in the help
        stem = name.rsplit(".", 1)[0]
        shown = name if stem in ("corpus", "index") else f"<name>.{name.rsplit('.', 1)[1]}"
        assert shown in help_text, shown
    assert {"corpus.tmx", "index.html"} <= written


def test_readme_use_commands_run_from_a_fresh_clone() -> None:
    """`make run` puts dolmetsch in .venv/bin, not on PATH: the README says so, and each
    command of its Use section names an existing command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    use = readme.split("\n## Use\n", 1)[1].split("\n## ", 1)[0]
    assert ". .venv/bin/activate" in use
    block = use.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert len(commands) >= 5
    for command in commands:
        words = shlex.split(command.replace("<", "").replace(">", ""))
        assert words[0] == ".venv/bin/dolmetsch", command
        subcommand = [w for w in words[1:3] if re.fullmatch(r"[a-z]+", w)]
        code, out, _ = invoke(*subcommand, "--help")
        assert code == 0 and "Usage: " in out, command


def test_glossary_export_refuses_an_unknown_format(tmp_path: Path) -> None:
    target = tmp_path / "g.xlsx"
    code, out, err = invoke("glossary", "export", str(target))
    assert (code, out) == (2, "")
    assert err == (
        f"dolmetsch: {target}: cannot export a glossary as .xlsx; name it .tbx (TBX), .csv "
        "(DeepL CSV) or .tsv (DeepL TSV); nothing exported\n"
    )
    assert not target.exists()
    bare = tmp_path / "glossary"
    assert invoke("glossary", "export", str(bare))[0] == 2 and not bare.exists()
    code, out, _ = invoke("glossary", "export", str(tmp_path / "g.CSV"))
    assert code == 0 and out.startswith("exported ") and " entries to " in out


def test_tm_import_names_the_formats_it_takes(tmp_path: Path) -> None:
    tsv = tmp_path / "x.tsv"
    tsv.write_text("id\tde\ten\np1.s1\tJa.\tYes.\n", encoding="utf-8")
    memory = tmp_path / "tm.sqlite"
    assert invoke("tm", "import", str(tsv), "--memory", str(memory)) == (
        2,
        "",
        f"dolmetsch: {tsv}: can import .po and .tmx files, not .tsv\n",
    )
    assert not memory.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selenskyj traf Putin.\nEr ging.", "Zelensky met Putin.\nEr ging.\n"),
        ("Selenskyj traf Putin.\r\nMoskau.\n", "Zelensky met Putin.\nMoscow.\n"),
        ("Moskau.\n\nMoskau.", "Moscow.\n\nMoscow.\n"),
        ("Moskau.\rMoskau.", "Moscow.\nMoscow.\n"),
        ("", "\n"),
    ],
    ids=["lf", "crlf-final", "blank-line-kept", "cr", "empty"],
)  # fmt: skip
def test_translate_keeps_the_lines_of_text(installed_tiny: Path, text: str, expected: str) -> None:
    assert invoke("translate", text) == (0, expected, "")
    # the same as standard input gives
    assert invoke("translate", input=text)[1] == (expected if text else "")


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the other end is closed
        return b""


def test_translate_at_a_terminal_says_what_it_reads_and_which_engine(
    installed_tiny: Path,
) -> None:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dolmetsch", "translate"],
        stdin=slave, stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "TERM": "xterm"},
    )  # fmt: skip
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60  # guards against a hang only: not a timed assertion
    while b"Ctrl-D" not in seen and time.monotonic() < deadline:
        seen += _read(master)
    assert (
        b"dolmetsch: reading German from the terminal, line by line; end with Ctrl-D (or give "
        b"the text: dolmetsch translate 'Guten Tag.')" in seen
    )
    os.write(master, b"Selenskyj traf Putin.\n\x04")  # a line, then Ctrl-D
    stdout, _ = proc.communicate(timeout=60)
    while chunk := _read(master):
        seen += chunk
    os.close(master)
    assert proc.returncode == 0
    assert stdout == b"Zelensky met Putin.\n"
    assert b"dolmetsch: note: translated with argos (translate-de_en-tiny 0.0.1)\r\n" in seen


def test_translate_in_a_pipe_says_nothing_on_stderr(installed_tiny: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dolmetsch", "translate"],
        input=b"Moskau.\n", capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, b"Moscow.\n", b"")


def test_lexicon_run_ends_with_the_caution(
    excerpt_lexicon: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    code, out, err = invoke("run", str(seeds_copy), "--out", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == (
        "lexicon engine: dictionary translation, for gist only; install a neural model with "
        "`dolmetsch model install`"
    )


def test_summary_time_is_the_whole_command(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary's time runs from the command's start (a first run said "0.7 s" after
    building the store for most of a minute): the command-line's clock is read when the
    command starts and when it ends, whatever the translation itself took."""
    readings = iter([100.0, 155.0])
    monkeypatch.setattr("dolmetsch.cli.time", SimpleNamespace(perf_counter=lambda: next(readings)))
    code, out, _ = invoke("run", str(seeds_copy), "--out", str(tmp_path / "out"))
    assert code == 0
    assert " in 55.0 s -> " in out
    assert next(readings, None) is None  # read exactly twice
