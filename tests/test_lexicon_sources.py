"""The Ding file's digest names the store; ``remembered_digest`` keeps it in the data folder
so that a translating process does not hash the whole file again."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from dolmetsch.lexicon import sources


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    hashed: list[Path] = []
    real = sources.file_digest

    def counting(path: Path) -> str:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(sources, "file_digest", counting)
    return hashed


def test_a_digest_is_hashed_once_and_then_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = tmp_path / "de-en.txt"
    dictionary.write_text("Haus :: house\n", encoding="utf-8")
    hashed = _counting(monkeypatch)
    expected = hashlib.sha256(dictionary.read_bytes()).hexdigest()
    assert sources.remembered_digest(dictionary, tmp_path) == expected
    assert sources.remembered_digest(dictionary, tmp_path) == expected
    assert hashed == [dictionary]


def test_a_changed_file_is_hashed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dictionary = tmp_path / "de-en.txt"
    dictionary.write_text("Haus :: house\n", encoding="utf-8")
    first = sources.remembered_digest(dictionary, tmp_path)
    dictionary.write_text("Haus :: home\n", encoding="utf-8")  # same size
    stat = dictionary.stat()
    os.utime(dictionary, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    hashed = _counting(monkeypatch)
    second = sources.remembered_digest(dictionary, tmp_path)
    assert second != first
    assert second == hashlib.sha256(b"Haus :: home\n").hexdigest()
    assert hashed == [dictionary]


def test_a_folder_that_cannot_be_written_still_gets_the_digest(tmp_path: Path) -> None:
    dictionary = tmp_path / "de-en.txt"
    dictionary.write_text("Haus :: house\n", encoding="utf-8")
    missing = tmp_path / "no-such-folder"
    expected = hashlib.sha256(dictionary.read_bytes()).hexdigest()
    assert sources.remembered_digest(dictionary, missing) == expected
    assert not missing.exists()
