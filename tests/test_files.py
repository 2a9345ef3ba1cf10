"""Reading articles in the encodings German news comes in; atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from dolmetsch.errors import InputError, OutputError
from dolmetsch.files import decode_article, read_article, write_atomic

GERMAN = "Präsident Selenskyj äußerte sich „überraschend“ – 5 €."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        ("\ufeff".encode() + GERMAN.encode("utf-8"), "utf-8"),
        (GERMAN.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252"],
)
def test_decodes_german_text(data: bytes, encoding: str) -> None:
    decoded = decode_article(data, "a.txt")
    assert decoded.text == GERMAN
    assert decoded.encoding == encoding


def test_latin1_umlauts_decode_correctly() -> None:
    assert decode_article("Größe Äpfel".encode("latin-1"), "a.txt").text == "Größe Äpfel"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "a.txt: binary file (contains NUL bytes), not a text article",
        ),
        (b"", "a.txt: empty article (no text to translate)"),
        (b"  \n\t\n", "a.txt: empty article (no text to translate)"),
        (
            bytes(range(1, 32)) * 10 + b"abc",
            "a.txt: binary file (260 control characters), not text",
        ),
        (b"abc \x81\x8d\x8f", "a.txt: neither UTF-8 nor Windows-1252 text (byte 4: b'\\x81')"),
        (b"\x1bGIF\x07\x02 some header", "a.txt: binary file (3 control characters), not text"),
    ],
    ids=["nul", "empty", "whitespace", "controls", "undecodable", "short-binary"],
)
def test_rejects_non_text(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode_article(data, "a.txt")
    assert str(info.value) == message


def test_a_few_stray_controls_in_an_article_are_text() -> None:
    text = "Putin traf\x07 Selenskyj in Kiew. " * 3 + "Ein\x1b Satz."
    assert decode_article(text.encode("utf-8"), "a.txt").text == text


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_article(tmp_path / "nope.txt")


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.po"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["a.po"]


def test_write_atomic_reports_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write output"):
        write_atomic(blocker / "a.po", b"x")
