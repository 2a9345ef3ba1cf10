"""A data folder given relative to the working folder (flag or environment) just works."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.glossary.germanwords import german_lookup, words_path, write_words


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_translate_with_a_relative_data_folder(
    excerpt_lexicon: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    # Gave "ValueError: relative path can't be expressed as a file URI" (Path.as_uri).
    monkeypatch.chdir(excerpt_lexicon.parent)
    relative = excerpt_lexicon.name
    args = ["translate", "--engine", "lexicon", "Die Polizei verhandelt."]
    if how == "flag":
        monkeypatch.delenv("DOLMETSCH_DATA_DIR")
        args[1:1] = ["--data-dir", relative]
    else:
        monkeypatch.setenv("DOLMETSCH_DATA_DIR", relative)
    result = CliRunner().invoke(main, args)
    assert (result.exit_code, result.stdout) == (0, "The police negotiate.\n"), result.output


def test_the_word_file_in_a_relative_data_folder_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_words(words_path(tmp_path / "data"), iter(["Hund"]))
    monkeypatch.chdir(tmp_path)
    known = german_lookup(Path("data"))
    assert known("Hund") and not known("Katze")  # the file answers, not simplemma's table
