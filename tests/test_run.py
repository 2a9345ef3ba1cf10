"""The batch command end to end through the tiny argos package: outputs, goldens, errors."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.document import parse_document
from dolmetsch.files import LOCK_NAME
from dolmetsch.ledger import LEDGER_NAME
from dolmetsch.tsv import parse_tsv

GOLDEN = Path(__file__).parent / "golden"
SUMMARY = re.compile(
    r"translated (\d+) articles? \((\d+) sentences?\) with "
    r"argos \(translate-de_en-tiny 0\.0\.1\) in \d+\.\d s -> ([^;]+)"
    r"(; (\d+) articles? failed, (?:each )?named on stderr)?"
    r"(?:; \d+ of \d+ sentences? low-confidence \(below 0\.45, marked in the HTML\))?"
    r"(; glossary: (\d+) terms?, (\d+) enforced, (\d+) repaired, (\d+) failed "
    r"\(term accuracy (\d+\.\d) %\))?\n"
)


def copy_translation(text: str) -> str:
    """What the tiny copy model makes of German text."""
    return text.replace("Selenskyj", "Zelensky").replace("traf", "met").replace("Moskau", "Moscow")


def run(seeds: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["run", str(seeds), "--out", str(out), *extra])
    return result.exit_code, result.stdout, result.stderr


def normalise(text: str) -> str:
    """Golden files do not change with the tool's version number."""
    return re.sub(r"dolmetsch \d+\.\d+\.\d+", "dolmetsch VERSION", text)


@pytest.fixture
def translated(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    code, stdout, stderr = run(seeds_copy, out)
    assert (code, stderr) == (0, "")
    match = SUMMARY.fullmatch(stdout)
    assert match is not None, stdout
    assert match.group(1) == "5"
    assert match.group(3) == str(out)
    return out


def test_outputs_for_every_article(translated: Path, seed_files: list[Path]) -> None:
    suffixes = (".po", ".tsv", ".tmx", ".html")
    expected = sorted(
        [f"{p.stem}{suffix}" for p in seed_files for suffix in suffixes]
        + ["corpus.tmx", "index.html"]
    )
    assert sorted(p.name for p in translated.iterdir() if not p.name.startswith(".")) == expected
    hidden = {p.name for p in translated.iterdir() if p.name.startswith(".")}
    assert hidden == {LOCK_NAME, LEDGER_NAME}


@pytest.mark.parametrize("suffix", [".po", ".tsv"])
def test_golden_files(
    translated: Path, seed_files: list[Path], suffix: str, update_golden: bool
) -> None:
    for seed in seed_files:
        produced = normalise((translated / f"{seed.stem}{suffix}").read_text(encoding="utf-8"))
        golden = GOLDEN / f"{seed.stem}{suffix}"
        if update_golden:
            golden.parent.mkdir(exist_ok=True)
            golden.write_text(produced, encoding="utf-8")
        assert produced == golden.read_text(encoding="utf-8"), f"{golden} differs"


def test_every_sentence_has_exactly_one_target(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, seed_files: list[Path]
) -> None:
    translated = tmp_path / "plain"
    code, stdout, _ = run(seeds_copy, translated, "--no-glossary")
    assert code == 0
    assert "glossary" not in stdout
    for seed in seed_files:
        document = parse_document(seed.stem, seed.read_text(encoding="utf-8"))
        segments = list(document.segments())
        po = polib.pofile(str(translated / f"{seed.stem}.po"))
        assert [(e.msgctxt, e.msgid) for e in po] == [(s.id, s.text) for s in segments]
        assert [e.msgstr for e in po] == [copy_translation(s.text) for s in segments]
        rows = parse_tsv((translated / f"{seed.stem}.tsv").read_text(encoding="utf-8"))
        body = [r for r in rows if r[0] != "date"]
        assert body == [(s.id, s.text, copy_translation(s.text)) for s in segments]
        assert ([r[1] for r in rows if r[0] == "date"] or [None]) == [document.date]


def test_po_header_stamps_tool_engine_model(translated: Path) -> None:
    po = polib.pofile(str(translated / "000_711f6cf1b5bfa63b.po"))
    assert po.metadata["X-Generator"].startswith("dolmetsch ")
    assert po.metadata["X-Dolmetsch-Engine"] == "argos"
    assert po.metadata["X-Dolmetsch-Model"] == "translate-de_en-tiny"
    assert po.metadata["X-Dolmetsch-Model-Version"] == "0.0.1"
    assert po.metadata["X-Dolmetsch-Article-Date"] == "2026-01-30"
    assert po.metadata["Language"] == "en"
    assert re.fullmatch(r"[0-9a-f]{16}", po.metadata["X-Dolmetsch-Glossary"])


def test_glossary_enforced_on_every_seed_with_argos(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    from dolmetsch.glossary import check_pairs, load_default_glossary

    out = tmp_path / "out"
    code, stdout, _ = run(seeds_copy, out)
    match = SUMMARY.fullmatch(stdout)
    assert code == 0 and match is not None, stdout
    found, enforced, repaired, failed, accuracy = match.group(7, 8, 9, 10, 11)
    assert int(found) > 250
    assert (int(enforced) + int(repaired), failed, accuracy) == (int(found), "0", "100.0")
    glossary = load_default_glossary()
    pairs = [(e.msgid, e.msgstr) for p in sorted(out.glob("*.po")) for e in polib.pofile(str(p))]
    assert check_pairs(pairs, glossary) == []
    english = " ".join(msgstr for _, msgstr in pairs)
    for wrong in ("Selenskyj", "Selenski", "Peskow", "Kiew", "Kiev", "Moskau", "Zelenskyy"):
        assert re.search(rf"\b{wrong}", english) is None, wrong


def test_po_round_trips_through_polib(translated: Path) -> None:
    for path in sorted(translated.glob("*.po")):
        assert str(polib.pofile(str(path))) == path.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_po_passes_msgfmt_check(translated: Path) -> None:
    for path in sorted(translated.glob("*.po")):
        result = subprocess.run(
            ["msgfmt", "--check", "--check-header", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, ""), path


def test_second_run_is_byte_identical(translated: Path, seeds_copy: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert run(seeds_copy, again)[0] == 0
    for path in sorted(translated.iterdir()):
        if not path.name.startswith("."):  # the lock and the ledger are not outputs
            assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_no_temporary_files_left(translated: Path) -> None:
    hidden = {p.name for p in translated.iterdir() if p.name.startswith(".")}
    assert hidden <= {LOCK_NAME, LEDGER_NAME}


def test_bad_files_are_named_and_the_rest_translated(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    (seeds_copy / "latin1.txt").write_bytes("Größe Äpfel traf Moskau.".encode("latin-1"))
    (seeds_copy / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (seeds_copy / "empty.txt").write_bytes(b"\n\n")
    out = tmp_path / "out"
    code, stdout, stderr = run(seeds_copy, out)
    assert code == 1
    assert stderr == (
        f"dolmetsch: {seeds_copy / 'binary.txt'}: binary file (contains NUL bytes), "
        "not a text article\n"
        f"dolmetsch: {seeds_copy / 'empty.txt'}: empty article (no text to translate)\n"
    )
    match = SUMMARY.fullmatch(stdout)
    assert match is not None and (match.group(1), match.group(5)) == ("6", "2")
    assert (out / "latin1.tsv").read_text(encoding="utf-8").splitlines()[1] == (
        "p1.s1\tGröße Äpfel traf Moskau.\tGröße Äpfel met Moscow.\t1.00"
    )
    assert polib.pofile(str(out / "latin1.po")).metadata["X-Dolmetsch-Source-Encoding"] == "cp1252"
    assert not (out / "binary.po").exists()


def test_out_is_a_file(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("x")
    code, _, stderr = run(seeds_copy, blocker)
    assert code == 2
    assert "is a file" in stderr


def test_translate_argument(installed_tiny: Path) -> None:
    result = CliRunner().invoke(main, ["translate", "Selenskyj traf Putin. Er reiste nach Moskau."])
    assert (result.exit_code, result.stdout) == (0, "Zelensky met Putin. Er reiste nach Moscow.\n")


def test_translate_stdin_line_for_line(installed_tiny: Path) -> None:
    text = "Selenskyj traf Putin.\n\nAm 5. Februar reiste er nach Moskau. Dann zurück.\n\n"
    result = CliRunner().invoke(main, ["translate"], input=text)
    assert result.exit_code == 0
    assert result.stdout == (
        "Zelensky met Putin.\n\nAm 5. Februar reiste er nach Moscow. Dann zurück.\n\n"
    )


# --- the embedded lexicon engine, on a store built from a small Ding-format excerpt


def test_auto_uses_lexicon_without_model(excerpt_lexicon: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["translate", "Die Regierung hat eine Bitte erhalten."])
    assert (result.exit_code, result.stdout) == (0, "The government has received a request.\n")


def test_run_with_lexicon_names_the_engine(
    excerpt_lexicon: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(seeds_copy), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        r"translated 5 articles \(189 sentences\) with lexicon \(ding\+de2en \S+\) in "
        r"\d+\.\d s -> .+\n"
        r"lexicon engine: dictionary translation, for gist only; install a neural model with "
        r"`dolmetsch model install`\n",
        result.stdout,
    )
    po = polib.pofile(str(out / "000_711f6cf1b5bfa63b.po"))
    assert po.metadata["X-Dolmetsch-Engine"] == "lexicon"
    assert all(entry.msgstr for entry in po)


def test_first_use_builds_the_store_and_says_so(
    excerpt_ding: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOLMETSCH_DING", str(excerpt_ding))
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["translate", "--data-dir", str(data), "Die Polizei."])
    assert result.exit_code == 0
    assert result.stdout == "The police.\n"
    # not a terminal: a line per stage of the build (test_build_progress.py has the bar)
    assert re.fullmatch(
        r"dolmetsch: building the lexicon store .+\.sqlite \(first use, about half a minute\)\n"
        rf"dolmetsch: lexicon store, stage 1 of 5: reading {re.escape(str(excerpt_ding))}\n"
        r"dolmetsch: lexicon store, stage 2 of 5: reading de2en, wordfreq, simplemma and the "
        r"learned tables\n"
        r"dolmetsch: lexicon store, stage 3 of 5: ranking the candidates of \d+ keys\n"
        r"dolmetsch: lexicon store, stage 4 of 5: inflections, lemmas, phrases and names\n"
        r"dolmetsch: lexicon store, stage 5 of 5: writing lexicon-\S+\.sqlite\n",
        result.stderr,
    )
    assert len(list(data.glob("lexicon-*.sqlite"))) == 1


def test_lexicon_build_command(
    excerpt_ding: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOLMETSCH_DING", str(excerpt_ding))
    result = CliRunner().invoke(main, ["lexicon", "build", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        r"built .+lexicon-\w+-v\d+\.sqlite in \d+\.\d s: \d+ entries, \d+ inflected forms, "
        r"\d+ phrases( \(without de2en: sense ranking is weaker\))?\n",
        result.stdout,
    )


def test_second_run_on_the_same_out_is_refused(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    import fcntl
    import os

    out = tmp_path / "out"
    out.mkdir()
    with (out / LOCK_NAME).open("a+") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("4242")
        held.flush()
        code, stdout, stderr = run(seeds_copy, out)
    assert (code, stdout) == (1, "")
    assert stderr == (
        f"dolmetsch: {out}: another dolmetsch run (pid 4242) is writing here; wait for it to "
        "finish or choose another --out\n"
    )
    assert [p.name for p in out.iterdir()] == [LOCK_NAME]
    assert run(seeds_copy, out)[0] == 0  # released: the next run goes ahead
    assert (out / LOCK_NAME).read_text() == str(os.getpid())
