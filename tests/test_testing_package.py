"""Tests of dolmetsch.testing: the tiny copy package the other tests, the bench and the demo use."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from dolmetsch.testing import (
    DEFAULT_LEXICON,
    PACKAGE_NAME,
    build_tiny_package,
    install_tiny_package,
)

SENTENCE = "Präsident Wolodymyr Selenskyj traf am 5. Februar 2026 „überraschend“ Putin in Moskau."
TRANSLATION = "Präsident Wolodymyr Zelensky met am 5. Februar 2026 „überraschend“ Putin in Moscow."

# (German input, exact expected output of the copy model)
COPIES = [
    (SENTENCE, TRANSLATION),
    ("Selenskyj traf Putin in Moskau.", "Zelensky met Putin in Moscow."),
    # lexicon keys are replaced inside longer words too; unknown characters (é, Ł, ’, 🙂)
    # come back through replace_unknowns
    (
        "Die Moskauer Führung betraf das – so Café-Chefin Łucja – „nicht“ (100 %) ’sagt’ sie 🙂",
        "Die Moscower Führung bemet das – so Café-Chefin Łucja – „nicht“ (100 %) ’sagt’ sie 🙂",
    ),
    # runs of spaces, tabs and leading/trailing spaces are kept
    ("  Zwei  Leerzeichen\tund ein Tab  ", "  Zwei  Leerzeichen\tund ein Tab  "),
    ("Ja.", "Ja."),
    ("", ""),
]


def _decode(pieces: Sequence[str]) -> str:
    """Concatenate pieces, ▁ -> space, and drop the space SentencePiece puts in front."""
    text = "".join(pieces).replace("▁", " ")
    return text[1:] if text.startswith(" ") else text


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_package(tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="module")
def installed(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install_tiny_package(package, tmp_path_factory.mktemp("packages"))


class CopyModel:
    """The installed package driven with ctranslate2 and sentencepiece directly."""

    def __init__(self, package_dir: Path, target_prefix: str = "") -> None:
        import ctranslate2
        import sentencepiece as spm

        self.sp = spm.SentencePieceProcessor(model_file=str(package_dir / "sentencepiece.model"))
        self.translator = ctranslate2.Translator(str(package_dir / "model"), device="cpu")
        self.target_prefix = target_prefix

    def pieces(self, text: str) -> list[str]:
        return list(self.sp.encode(text, out_type=str))

    def translate(self, texts: Sequence[str], **options: Any) -> list[list[str]]:
        sources = [self.pieces(text) for text in texts]
        if self.target_prefix:
            options["target_prefix"] = [[self.target_prefix]] * len(sources)
        results = self.translator.translate_batch(
            sources, replace_unknowns=True, max_decoding_length=2048, **options
        )
        return [list(result.hypotheses[0]) for result in results]


@pytest.fixture(scope="module")
def model(installed: Path) -> CopyModel:
    return CopyModel(installed)


def test_build_is_byte_identical(tmp_path: Path) -> None:
    first = build_tiny_package(tmp_path / "a")
    second = build_tiny_package(tmp_path / "b")
    assert first == tmp_path / "a" / f"{PACKAGE_NAME}.argosmodel"
    assert first.read_bytes() == second.read_bytes()
    other = build_tiny_package(tmp_path / "c", package_version="0.0.2")
    assert other.read_bytes() != first.read_bytes()


def test_zip_layout(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        metadata = json.loads(archive.read(f"{PACKAGE_NAME}/metadata.json"))
        readme = archive.read(f"{PACKAGE_NAME}/README.md").decode()
    assert names == sorted(names)
    assert {name.split("/")[0] for name in names} == {PACKAGE_NAME}
    files = {name.removeprefix(f"{PACKAGE_NAME}/") for name in names if not name.endswith("/")}
    assert {"metadata.json", "sentencepiece.model", "README.md", "minisbd/de.onnx"} <= files
    assert {"model/model.bin", "model/config.json"} <= files
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in infos)
    assert metadata == {
        "package_version": "0.0.1",
        "argos_version": "1.11",
        "type": "translate",
        "from_code": "de",
        "from_name": "German",
        "to_code": "en",
        "to_name": "English",
        "links": [],
    }
    assert "test and demo model" in readme
    assert "copy the German input unchanged" in readme
    assert all(f"{de} -> {en}" in readme for de, en in DEFAULT_LEXICON.items())


def test_without_minisbd(tmp_path: Path) -> None:
    package = build_tiny_package(tmp_path, with_minisbd=False)
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
    assert not [name for name in names if "minisbd" in name]
    assert f"{PACKAGE_NAME}/model/model.bin" in names


def test_install(package: Path, installed: Path) -> None:
    assert installed.name == PACKAGE_NAME
    assert json.loads((installed / "metadata.json").read_text())["from_code"] == "de"
    assert (installed / "minisbd" / "de.onnx").is_file()
    assert (installed / "model" / "model.bin").is_file()


@pytest.mark.parametrize("member", ["elsewhere/x.txt", f"{PACKAGE_NAME}/../x.txt", "/abs.txt"])
def test_install_rejects_members_outside_the_package(tmp_path: Path, member: str) -> None:
    bad = tmp_path / "bad.argosmodel"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr(f"{PACKAGE_NAME}/metadata.json", "{}")
        archive.writestr(member, "x")
    with pytest.raises(ValueError, match="member"):
        install_tiny_package(bad, tmp_path / "packages")
    assert not (tmp_path / "packages" / PACKAGE_NAME).exists()


@pytest.mark.parametrize(("german", "english"), COPIES)
@pytest.mark.parametrize("beam_size", [1, 4])
def test_copy_maps_only_lexicon_words(
    model: CopyModel, german: str, english: str, beam_size: int
) -> None:
    [output] = model.translate([german], beam_size=beam_size)
    assert output == [DEFAULT_LEXICON.get(piece, piece) for piece in model.pieces(german)]
    assert _decode(output) == english


def test_lexicon_words_are_single_pieces(model: CopyModel) -> None:
    for word in [*DEFAULT_LEXICON, *DEFAULT_LEXICON.values()]:
        assert word in model.pieces(f"x {word} y")


def test_padded_batch(model: CopyModel) -> None:
    germans = [german for german, _ in COPIES] + [SENTENCE * 4]
    englishes = [english for _, english in COPIES] + [TRANSLATION * 4]
    for beam_size in (1, 4):
        outputs = model.translate(
            germans, beam_size=beam_size, batch_type="tokens", max_batch_size=256
        )
        assert [_decode(output) for output in outputs] == englishes


def test_long_input(model: CopyModel) -> None:
    german = " ".join([SENTENCE] * 20)
    assert len(model.pieces(german)) >= 900
    [output] = model.translate([german], beam_size=1)
    assert _decode(output) == " ".join([TRANSLATION] * 20)


def test_target_prefix(tmp_path: Path) -> None:
    package = build_tiny_package(tmp_path, target_prefix="__en__")
    with zipfile.ZipFile(package) as archive:
        metadata = json.loads(archive.read(f"{PACKAGE_NAME}/metadata.json"))
    assert metadata["target_prefix"] == "__en__"
    prefixed = CopyModel(install_tiny_package(package, tmp_path / "packages"), "__en__")
    outputs = prefixed.translate([SENTENCE, "Ja."], beam_size=4)
    assert [output[0] for output in outputs] == ["__en__", "__en__"]
    assert [_decode(output[1:]) for output in outputs] == [TRANSLATION, "Ja."]


def test_custom_lexicon(tmp_path: Path) -> None:
    lexicon = {"Kyjiw": "Kyiv", "Bundeskanzler": "chancellor"}
    package = build_tiny_package(tmp_path, lexicon=lexicon)
    custom = CopyModel(install_tiny_package(package, tmp_path / "packages"))
    [output] = custom.translate(["Der Bundeskanzler traf in Kyjiw ein."])
    assert _decode(output) == "Der chancellor traf in Kyiv ein."


@pytest.mark.parametrize(
    "lexicon", [{"zwei Wörter": "two words"}, {"": "empty"}, {"x": "▁y"}, {"<s>": "start"}]
)
def test_rejects_lexicon_words_that_cannot_be_one_piece(
    tmp_path: Path, lexicon: dict[str, str]
) -> None:
    with pytest.raises(ValueError):
        build_tiny_package(tmp_path, lexicon=lexicon)


def test_import_does_not_load_heavy_modules() -> None:
    code = "import sys, dolmetsch.testing; print(sorted({'ctranslate2', 'numpy', 'sentencepiece'}"
    code += " & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


_ARGOS_SCRIPT = textwrap.dedent(
    """
    import os, sys, types
    from pathlib import Path

    root = Path(sys.argv[1])
    for var, sub in [("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("ARGOS_PACKAGES_DIR", "packages")]:
        os.environ[var] = str(root / sub)
    os.environ["ARGOS_DEVICE_TYPE"] = "cpu"
    try:
        import stanza  # noqa: F401
    except ImportError:  # argostranslate.sbd imports it, only its Stanza splitter uses it
        sys.modules["stanza"] = types.ModuleType("stanza")
    from dolmetsch.testing import build_tiny_package, install_tiny_package

    install_tiny_package(build_tiny_package(root / "build"), root / "packages")
    import argostranslate.translate

    print(argostranslate.translate.translate(sys.argv[2], "de", "en"))
    """
)


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("argostranslate", "minisbd", "onnxruntime")),
    reason="needs argostranslate, minisbd and onnxruntime (the bench extra)",
)
def test_argostranslate_uses_the_package_offline(tmp_path: Path) -> None:
    """argostranslate's own translate() splits with the shipped de.onnx and copies exactly."""
    german = f"{SENTENCE} Danach reiste er ab! Wirklich? Ja."
    result = subprocess.run(
        [sys.executable, "-c", _ARGOS_SCRIPT, str(tmp_path), german],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == f"{TRANSLATION} Danach reiste er ab! Wirklich? Ja."
    assert not list((tmp_path / "data").rglob("*.onnx")), "MiniSBD downloaded a model"


def test_wide_deep_model_copies_the_same(tmp_path: Path) -> None:
    """A wider, deeper model (for benchmarks) costs more and gives exactly the same output,
    unknown characters included (replace_unknowns reads the last layer's attention)."""
    package = build_tiny_package(tmp_path, width=160, layers=3)
    with zipfile.ZipFile(package) as archive:
        config = json.loads(archive.read(f"{PACKAGE_NAME}/model/config.json"))
        size = archive.getinfo(f"{PACKAGE_NAME}/model/model.bin").file_size
    small = build_tiny_package(tmp_path / "small")
    with zipfile.ZipFile(small) as archive:
        small_size = archive.getinfo(f"{PACKAGE_NAME}/model/model.bin").file_size
    assert size > 4 * small_size, config
    wide = CopyModel(install_tiny_package(package, tmp_path / "packages"))
    outputs = wide.translate([german for german, _ in COPIES], beam_size=4)
    assert [_decode(output) for output in outputs] == [english for _, english in COPIES]


@pytest.mark.parametrize(("width", "layers"), [(64, 1), (0, 0)])
def test_rejects_too_small_models(tmp_path: Path, width: int, layers: int) -> None:
    with pytest.raises(ValueError, match="layers"):
        build_tiny_package(tmp_path, width=width, layers=layers)
