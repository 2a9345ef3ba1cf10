"""Model management: install, list, remove, and the online index, through real files."""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from children import online_install
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.errors import ModelError, UsageError
from dolmetsch.models import find_package, install_file, installed_packages, packages_dir, remove


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_packages_dir_honours_env(isolated_argos: Path) -> None:
    assert packages_dir() == isolated_argos


def test_packages_dir_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert packages_dir() == tmp_path / "data" / "argos-translate" / "packages"


def test_install_list_remove_cli(tiny_argosmodel: Path, isolated_argos: Path) -> None:
    target = isolated_argos / "translate-de_en-tiny"
    assert invoke("model", "install", str(tiny_argosmodel)) == (
        0,
        f"installed translate-de_en-tiny (de->en 0.0.1) in {target}\n",
        "",
    )
    assert invoke("model", "list") == (
        0,
        f"* translate-de_en-tiny\tde->en\t0.0.1\t{target}\n",
        "",
    )
    assert invoke("model", "remove", "de-en") == (
        0,
        "removed translate-de_en-tiny (de->en 0.0.1)\n",
        "",
    )
    assert not target.exists()
    assert installed_packages(isolated_argos) == []


def test_list_names_broken_package_folders(tiny_argosmodel: Path, isolated_argos: Path) -> None:
    install_file(tiny_argosmodel, isolated_argos)
    broken = isolated_argos / "translate-fr_en-broken"
    broken.mkdir()
    (broken / "metadata.json").write_text("{not json", encoding="utf-8")
    hollow = isolated_argos / "translate-it_en-hollow"
    hollow.mkdir()
    (hollow / "metadata.json").write_text('{"from_code": "it", "to_code": "en"}', encoding="utf-8")
    code, out, err = invoke("model", "list")
    assert code == 0
    target = isolated_argos / "translate-de_en-tiny"
    # the usable package is listed and chosen; the hollow one listed, never chosen
    assert out == (
        f"* translate-de_en-tiny\tde->en\t0.0.1\t{target}\n"
        f"  translate-it_en-hollow\tit->en\t\t{hollow}\n"
    )
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"dolmetsch: {broken / 'metadata.json'}: cannot read package")
    assert lines[0].endswith(f"it is not used: reinstall it or remove {broken}")
    assert lines[1] == (
        f"dolmetsch: {hollow}: package it->en lacks model/model.bin or its SentencePiece "
        "model; it is not used: reinstall it"
    )


def test_reinstall_replaces_whole_package(tmp_path: Path, isolated_argos: Path) -> None:
    from dolmetsch.testing import build_tiny_package

    install_file(build_tiny_package(tmp_path / "a", package_version="0.0.1"), isolated_argos)
    stray = isolated_argos / "translate-de_en-tiny" / "stray.txt"
    stray.write_text("left over")
    package = install_file(
        build_tiny_package(tmp_path / "b", package_version="0.0.2"), isolated_argos
    )
    assert package.package_version == "0.0.2"
    assert not stray.exists()
    assert [p.name for p in isolated_argos.iterdir()] == ["translate-de_en-tiny"]


def test_newest_version_is_chosen(tiny_argosmodel: Path, isolated_argos: Path) -> None:
    old = install_file(tiny_argosmodel, isolated_argos)
    newer = isolated_argos / "translate-de_en-newer"
    old.path.rename(newer)
    install_file(tiny_argosmodel, isolated_argos)
    meta = json.loads((newer / "metadata.json").read_text())
    meta["package_version"] = "1.10"
    (newer / "metadata.json").write_text(json.dumps(meta))
    chosen = find_package("de", "en", isolated_argos)
    assert chosen is not None and chosen.path == newer  # 1.10 > 0.0.1, compared as versions


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


META = json.dumps({"from_code": "de", "to_code": "en", "type": "translate"}).encode()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a/metadata.json": META, "b/x": b""}, "exactly one top-level directory"),
        ({"../evil/metadata.json": META}, "unsafe path in archive"),
        (
            {"p/model/model.bin": b"", "p/sentencepiece.model": b""},
            "package has no p/metadata.json",
        ),
        ({"p/metadata.json": b"{", "p/model/model.bin": b""}, "metadata.json is not valid JSON"),
        (
            {"p/metadata.json": META, "p/sentencepiece.model": b""},
            "package has no p/model/model.bin",
        ),
        (
            {"p/metadata.json": json.dumps({"from_code": "de"}).encode()},
            "metadata.json has no to_code",
        ),
    ],
    ids=["two-tops", "zip-slip", "no-metadata", "bad-json", "no-model", "no-to-code"],
)
def test_broken_packages_are_refused(
    tmp_path: Path, isolated_argos: Path, files: dict[str, bytes], message: str
) -> None:
    archive = _zip(tmp_path / "bad.argosmodel", files)
    with pytest.raises(ModelError, match=message):
        install_file(archive, isolated_argos)
    assert not isolated_argos.exists() or not any(isolated_argos.iterdir())


def test_remove_unknown_package(isolated_argos: Path) -> None:
    with pytest.raises(UsageError, match="no installed package matches 'fr-en'"):
        remove("fr-en", isolated_argos)


# --- the online index, in a subprocess: argostranslate reads its settings once, at import


@pytest.fixture
def package_index(tmp_path: Path, tiny_argosmodel: Path) -> Iterator[str]:
    """A real HTTP server on localhost serving an argos index and the tiny package."""
    root = tmp_path / "index"
    root.mkdir()
    (root / "translate-de_en.argosmodel").write_bytes(tiny_argosmodel.read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    entry = {
        "type": "translate",
        "from_code": "de",
        "to_code": "en",
        "from_name": "German",
        "to_name": "English",
        "package_version": "0.0.1",
        "argos_version": "1.11",
        "links": [url + "translate-de_en.argosmodel"],
    }
    (root / "index.json").write_text(json.dumps([entry]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_online_install_from_index(package_index: str, tmp_path: Path) -> None:
    result = online_install(tmp_path / "home", package_index)
    assert (result.returncode, result.stderr) == (0, "")
    target = tmp_path / "home" / "packages" / "translate-de_en-tiny"
    assert result.stdout == f"installed translate-de_en-tiny (de->en 0.0.1) in {target}\n"
    assert (target / "model" / "model.bin").exists()
    assert not list((tmp_path / "home" / "cache").rglob("*.argosmodel"))


def test_online_install_without_network(tmp_path: Path) -> None:
    result = online_install(tmp_path / "home", "http://127.0.0.1:9/")
    assert result.returncode == 2  # nothing could be done
    assert result.stdout == ""
    assert result.stderr == (
        "dolmetsch: cannot reach the argos package index at http://127.0.0.1:9/index.json; "
        "without internet, install a downloaded package with: "
        "dolmetsch model install FILE.argosmodel\n"
    )
