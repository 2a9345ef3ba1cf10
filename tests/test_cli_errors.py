"""CLI exit codes and exact messages for the faults a user meets before any translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dolmetsch.cli import main

NO_MODEL = (
    "dolmetsch: no German->English model is installed; run: dolmetsch model install "
    "FILE.argosmodel (or, with internet: dolmetsch model install --online)\n"
)


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_run_argos_without_model(seeds_copy: Path, tmp_path: Path) -> None:
    code, out, err = invoke(
        "run", str(seeds_copy), "--out", str(tmp_path / "out"), "--engine", "argos"
    )
    assert (code, out, err) == (2, "", NO_MODEL)
    assert not (tmp_path / "out").exists()


def test_translate_argos_without_model() -> None:
    assert invoke("translate", "--engine", "argos", "Guten Tag.") == (2, "", NO_MODEL)


def test_lexicon_without_ding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "de-en"
    monkeypatch.setenv("DOLMETSCH_DING", str(missing))
    expected = (
        f"dolmetsch: {missing}: Ding dictionary not found; install Debian's trans-de-en "
        "(apt-get install trans-de-en) or run: make install\n"
    )
    # no engine: nothing could be done
    assert invoke("translate", "--engine", "lexicon", "Guten Tag.") == (2, "", expected)


def test_missing_input_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    assert invoke("run", str(missing)) == (2, "", f"dolmetsch: {missing}: no such folder\n")


def test_input_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hallo.")
    assert invoke("run", str(path)) == (2, "", f"dolmetsch: {path}: not a folder\n")


def test_empty_input_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not an article")
    expected = f"dolmetsch: {empty}: no *.txt articles to translate\n"
    assert invoke("run", str(empty)) == (2, "", expected)


def test_model_install_needs_file_or_online() -> None:
    expected = "dolmetsch: give either FILE.argosmodel or --online, not both or neither\n"
    assert invoke("model", "install") == (2, "", expected)


def test_model_install_not_a_zip(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("hello")
    expected = f"dolmetsch: {bogus}: not an argos model package (not a zip archive)\n"
    assert invoke("model", "install", str(bogus)) == (2, "", expected)


def test_model_install_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.argosmodel"
    assert invoke("model", "install", str(missing)) == (
        2,
        "",
        f"dolmetsch: {missing}: no such file\n",
    )


def test_model_remove_unknown(isolated_argos: Path) -> None:
    expected = "dolmetsch: no installed package matches 'xx-yy'; see: dolmetsch model list\n"
    assert invoke("model", "remove", "xx-yy") == (2, "", expected)


def test_model_list_empty(isolated_argos: Path) -> None:
    assert invoke("model", "list") == (0, "", f"no models installed in {isolated_argos}\n")


def test_bad_beam_size() -> None:
    code, _, err = invoke("translate", "--beam-size", "0", "x")
    assert code == 2
    assert "Invalid value for '--beam-size'" in err


def test_help_explains_every_command() -> None:
    for args in (
        [],
        ["run"],
        ["translate"],
        ["model"],
        ["model", "list"],
        ["model", "install"],
        ["model", "remove"],
    ):
        code, out, _ = invoke(*args, "--help")
        assert code == 0
        assert "Usage: " in out
        assert len(out.splitlines()) > 4


def test_articles_ending_in_upper_case_txt_are_found(tmp_path: Path) -> None:
    from dolmetsch.pipeline import discover

    for name in ("a.TXT", "b.txt", "c.Txt", "notes.md"):
        (tmp_path / name).write_text("Guten Tag.\n", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["a.TXT", "b.txt", "c.Txt"]


def test_more_jobs_than_articles_are_capped_and_said(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main, ["run", str(seeds_copy), "--out", str(tmp_path / "out"), "--jobs", "100"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("dolmetsch: note: --jobs 100 is more than the 5 articles")
