"""Argos model packages: find, list, install, remove, and fetch from the argos index.

Finding and reading installed packages needs no argostranslate import (it creates
directories under ``~`` and reads its settings at import time); only the online index
uses argostranslate's own package code, lazily.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from packaging.version import InvalidVersion, Version

from .errors import ModelError, NetworkError, NoModelError, UsageError

PACKAGE_SUFFIX = ".argosmodel"


@dataclass(frozen=True)
class ModelPackage:
    """An installed argos package, read from its ``metadata.json``."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    argos_version: str
    target_prefix: str = ""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"


def packages_dir() -> Path:
    """Argos's package directory, resolved the way argostranslate resolves it, at call time
    (in :mod:`dolmetsch.settings`, the one place that reads the environment)."""
    from .settings import default_packages_dir

    return default_packages_dir()


def _version_key(version: str) -> tuple[int, Version | str]:
    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def parse_metadata(data: Any, where: str) -> dict[str, Any]:
    """Check the fields dolmetsch relies on; ``where`` names the file in the error."""
    if not isinstance(data, dict):
        raise ModelError(f"{where}: metadata.json is not a JSON object")
    if data.get("type", "translate") != "translate":
        raise ModelError(f"{where}: not a translation package (type {data.get('type')!r})")
    for key in ("from_code", "to_code"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ModelError(f"{where}: metadata.json has no {key}")
    return data


def read_package(path: Path) -> ModelPackage:
    """Read an installed package directory."""
    meta_path = path / "metadata.json"
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{meta_path}: cannot read package metadata: {exc}") from exc
    meta = parse_metadata(data, str(meta_path))
    return ModelPackage(
        path=path,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        package_version=str(meta.get("package_version", "")),
        argos_version=str(meta.get("argos_version", "")),
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def installed_packages(directory: Path | None = None) -> list[ModelPackage]:
    """Every readable translation package in ``directory``; broken ones are skipped."""
    directory = directory or packages_dir()
    found: list[ModelPackage] = []
    if not directory.is_dir():
        return found
    for child in sorted(directory.iterdir()):
        if child.is_dir() and not child.name.startswith(".") and (child / "metadata.json").exists():
            try:
                found.append(read_package(child))
            except ModelError:
                continue
    return found


def find_package(
    from_code: str = "de", to_code: str = "en", directory: Path | None = None
) -> ModelPackage | None:
    """The newest installed package for the pair that has a CTranslate2 model and SP model."""
    usable = [
        p
        for p in installed_packages(directory)
        if p.from_code == from_code
        and p.to_code == to_code
        and (p.model_dir / "model.bin").exists()
        and p.sentencepiece_model.exists()
    ]
    if not usable:
        return None
    return max(usable, key=lambda p: (_version_key(p.package_version), p.name))


def _members(archive: zipfile.ZipFile, where: str) -> tuple[str, list[zipfile.ZipInfo]]:
    """The single top-level directory of a package archive, and its members."""
    infos = archive.infolist()
    tops = set()
    for info in infos:
        parts = PurePosixPath(info.filename).parts
        if not parts or info.filename.startswith("/") or ".." in parts:
            raise ModelError(f"{where}: unsafe path in archive: {info.filename!r}")
        tops.add(parts[0])
    if len(tops) != 1:
        raise ModelError(f"{where}: a package must hold exactly one top-level directory")
    return tops.pop(), infos


def install_file(archive_path: Path, directory: Path | None = None) -> ModelPackage:
    """Install a ``.argosmodel`` file after checking it; an existing copy is replaced whole."""
    directory = directory or packages_dir()
    where = str(archive_path)
    if not archive_path.is_file():
        raise ModelError(f"{where}: no such file")
    if not zipfile.is_zipfile(archive_path):
        raise ModelError(f"{where}: not an argos model package (not a zip archive)")
    try:
        with zipfile.ZipFile(archive_path) as archive:
            top, _ = _members(archive, where)
            names = set(archive.namelist())
            try:
                meta = json.loads(archive.read(f"{top}/metadata.json"))
            except KeyError:
                raise ModelError(f"{where}: package has no {top}/metadata.json") from None
            except ValueError as exc:
                raise ModelError(f"{where}: metadata.json is not valid JSON: {exc}") from exc
            parse_metadata(meta, where)
            for required in ("model/model.bin", "sentencepiece.model"):
                if f"{top}/{required}" not in names:
                    raise ModelError(f"{where}: package has no {top}/{required}")
            directory.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".install-", dir=directory))
            try:
                archive.extractall(staging)
                target = directory / top
                _replace_dir(staging / top, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except zipfile.BadZipFile as exc:
        raise ModelError(f"{where}: damaged package archive: {exc}") from exc
    except OSError as exc:
        raise ModelError(f"{where}: cannot install into {directory}: {exc}") from exc
    return read_package(directory / top)


def _replace_dir(new: Path, target: Path) -> None:
    """Swap ``new`` into ``target`` so that a reader sees the old or the new package, whole."""
    old = target.with_name(f".old-{target.name}")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _matching(selector: str, directory: Path | None) -> Iterator[ModelPackage]:
    for package in installed_packages(directory):
        if selector in (package.name, package.pair, f"{package.from_code}-{package.to_code}"):
            yield package


def remove(selector: str, directory: Path | None = None) -> list[ModelPackage]:
    """Remove the packages named ``selector`` (a directory name or a pair such as ``de-en``)."""
    found = list(_matching(selector, directory))
    if not found:
        # a name that matches nothing is a bad argument: nothing was done (exit code 2)
        raise UsageError(f"no installed package matches {selector!r}; see: dolmetsch model list")
    for package in found:
        try:
            shutil.rmtree(package.path)
        except OSError as exc:
            raise ModelError(f"{package.path}: cannot remove: {exc}") from exc
    return found


def install_online(
    from_code: str = "de", to_code: str = "en", directory: Path | None = None
) -> ModelPackage:
    """Download the newest package for the pair from the argos package index and install it."""
    try:
        import argostranslate.package as argos_package
        import argostranslate.settings as argos_settings
    except ImportError as exc:  # pragma: no cover - the set-up always installs it
        raise ModelError(f"argostranslate is not installed ({exc}); run: make install") from exc
    # argostranslate logs its network errors through the root logger's last resort handler;
    # dolmetsch reports them once, in its own words.
    logging.getLogger("argostranslate.utils").addHandler(logging.NullHandler())
    index_url = argos_settings.remote_package_index
    # update_package_index() swallows network errors, and get_available_packages() then
    # recurses forever without an index; so check the index file ourselves.
    index_file = Path(argos_settings.local_package_index)
    index_file.unlink(missing_ok=True)
    argos_package.update_package_index()
    if not index_file.exists():
        raise NetworkError(
            f"cannot reach the argos package index at {index_url}; without internet, install "
            "a downloaded package with: dolmetsch model install FILE.argosmodel"
        )
    candidates = [
        p
        for p in argos_package.get_available_packages()
        if p.type == "translate" and p.from_code == from_code and p.to_code == to_code
    ]
    if not candidates:
        raise NoModelError(f"the argos package index has no {from_code}->{to_code} package")
    best = max(candidates, key=lambda p: _version_key(str(p.package_version)))
    try:
        downloaded = Path(best.download())
    except Exception as exc:  # argostranslate raises bare Exception on download failure
        raise NetworkError(f"download of {from_code}->{to_code} package failed: {exc}") from exc
    try:
        return install_file(downloaded, directory)
    finally:
        downloaded.unlink(missing_ok=True)
