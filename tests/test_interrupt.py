"""Killing a run at any moment loses nothing: no half-written output, the next run resumes."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest

from dolmetsch.files import LOCK_NAME
from dolmetsch.ledger import LEDGER_NAME
from dolmetsch.tmx import parse_tmx
from dolmetsch.tsv import parse_tsv

ARTICLES = 40


def corpus(seeds: Path, target: Path, copies: int) -> Path:
    target.mkdir()
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for n in range(copies):
            (target / f"{path.stem}-{n:03d}.txt").write_text(
                text.replace(". ", f". ({n}) "), encoding="utf-8"
            )
    return target


def _default_sigint() -> None:
    # A background job (CI under `make ... &`) inherits SIGINT ignored; a user's run does not.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    # --jobs 2 translates in worker windows of ~500 sentences: with 40 articles the last
    # outputs come well after the first, and the parent's and the workers' deaths are tested
    return subprocess.Popen(
        [sys.executable, "-m", "dolmetsch", "run", str(folder), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_default_sigint,  # runs in the child before exec
    )


def complete_outputs(out: Path) -> set[str]:
    """Every output file must read back whole; returns the stems with a full set."""
    stems = set()
    for po_path in out.glob("*.po"):
        entries = polib.pofile(str(po_path))
        assert "X-Dolmetsch-Source" in entries.metadata
        stems.add(po_path.stem)
    for tsv in out.glob("*.tsv"):
        assert parse_tsv(tsv.read_text(encoding="utf-8"))
    for tmx in out.glob("*.tmx"):
        parse_tmx(tmx.read_text(encoding="utf-8"))
    for page in out.glob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    return stems


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_run_leaves_no_half_written_file_and_resumes(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    # 40 articles make several windows: the first window's outputs appear while later ones
    # are still being translated, so the signal lands mid-run.
    folder = corpus(seeds_copy, tmp_path / "corpus", copies=ARTICLES // 5)
    out = tmp_path / "out"
    proc = start(folder, out)
    # no deadline that a loaded machine could miss: the run ends by itself if it is too fast
    while proc.poll() is None and len(list(out.glob("*.po"))) < 3:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    done = complete_outputs(out)
    assert 0 < len(done) < ARTICLES, "killed mid-run"

    proc = start(folder, out)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    # articles the killed run finished whole may be kept as they are; all are accounted for
    summary = re.match(rb"translated (\d+) articles .*?(?:and kept (\d+) unchanged )?with", stdout)
    assert summary is not None, stdout
    assert int(summary[1]) + int(summary[2] or 0) == ARTICLES
    assert len(complete_outputs(out)) == ARTICLES
    hidden = {p.name for p in out.iterdir() if p.name.startswith(".")}
    assert hidden <= {LOCK_NAME, LEDGER_NAME}
    assert (out / "corpus.tmx").exists()
