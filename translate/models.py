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
from typing import Any, TypeVar

from packaging.version import InvalidVersion, Version

from .errors import ModelError, NetworkError, NoModelError, UsageError

PACKAGE_SUFFIX = ".argosmodel"
_T = TypeVar("_T")
PIVOT = "en"  # argostranslate pivots through English, and so does dolmetsch


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
        # a package's "RU" is the "ru" of --from ru (and of model list)
        from_code=meta["from_code"].strip().lower(),
        to_code=meta["to_code"].strip().lower(),
        package_version=str(meta.get("package_version", "")),
        argos_version=str(meta.get("argos_version", "")),
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def installed_packages(directory: Path | None = None) -> list[ModelPackage]:
    """Every readable translation package in ``directory``; broken ones are skipped."""
    return scan_packages(directory)[0]


def scan_packages(directory: Path | None = None) -> tuple[list[ModelPackage], list[str]]:
    """The readable packages in ``directory``, and a line for each folder that looks like a
    package (it has a metadata.json) but cannot be read or lacks what the engine needs."""
    directory = directory or packages_dir()
    found: list[ModelPackage] = []
    problems: list[str] = []
    if not directory.is_dir():
        return found, problems
    for child in sorted(directory.iterdir()):
        if child.is_dir() and not child.name.startswith(".") and (child / "metadata.json").exists():
            try:
                package = read_package(child)
            except ModelError as exc:
                problems.append(f"{exc}; it is not used: reinstall it or remove {child}")
                continue
            found.append(package)
            if not _usable([package]):
                problems.append(
                    f"{child}: package {package.pair} lacks model/model.bin or its "
                    "SentencePiece model; it is not used: reinstall it"
                )
    return found, problems


def _usable(packages: list[ModelPackage]) -> list[ModelPackage]:
    """The packages that have what the engine needs: a CTranslate2 model and an SP model."""
    return [
        p
        for p in packages
        if (p.model_dir / "model.bin").exists() and p.sentencepiece_model.exists()
    ]


def _newest(packages: list[ModelPackage], from_code: str, to_code: str) -> ModelPackage | None:
    found = [p for p in packages if p.from_code == from_code and p.to_code == to_code]
    if not found:
        return None
    return max(found, key=lambda p: (_version_key(p.package_version), p.name))


def find_package(
    from_code: str = "de", to_code: str = "en", directory: Path | None = None
) -> ModelPackage | None:
    """The newest installed package for the pair that has a CTranslate2 model and SP model."""
    return _newest(_usable(installed_packages(directory)), from_code, to_code)


def preferred(packages: list[ModelPackage]) -> list[ModelPackage]:
    """The package each pair uses (the newest usable one), in the order of ``packages``."""
    usable = _usable(packages)
    chosen = {_newest(usable, p.from_code, p.to_code) for p in usable}
    return [p for p in packages if p in chosen]


@dataclass(frozen=True)
class Route:
    """How installed packages translate a pair: one package, or two through English."""

    steps: tuple[ModelPackage, ...]

    def __post_init__(self) -> None:
        if not self.steps or any(
            a.to_code != b.from_code for a, b in zip(self.steps, self.steps[1:], strict=False)
        ):
            raise ValueError("a route is a non-empty chain of packages")

    @property
    def from_code(self) -> str:
        return self.steps[0].from_code

    @property
    def to_code(self) -> str:
        return self.steps[-1].to_code

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    @property
    def pivot(self) -> str:
        """The language in between ("" for a direct package)."""
        return self.steps[0].to_code if len(self.steps) > 1 else ""

    def describe(self) -> str:
        """``translate-ru_en-tiny + translate-en_de-tiny``."""
        return " + ".join(step.name for step in self.steps)


def plan_route(packages: list[ModelPackage], from_code: str, to_code: str) -> Route | None:
    """The direct package for the pair, else a pivot through English when both halves are
    there (as argostranslate does); None when neither."""
    direct = _newest(packages, from_code, to_code)
    if direct is not None:
        return Route((direct,))
    if PIVOT in (from_code, to_code) or from_code == to_code:
        return None
    first, second = _newest(packages, from_code, PIVOT), _newest(packages, PIVOT, to_code)
    if first is None or second is None:
        return None
    return Route((first, second))


def find_route(from_code: str, to_code: str, directory: Path | None = None) -> Route | None:
    """:func:`plan_route` over the usable installed packages."""
    return plan_route(_usable(installed_packages(directory)), from_code, to_code)


def possible_pivots(packages: list[ModelPackage]) -> list[Route]:
    """Every pair with no direct package that a pivot through English can translate, in
    order of the pair."""
    usable = _usable(packages)
    sources = sorted({p.from_code for p in usable if p.to_code == PIVOT})
    targets = sorted({p.to_code for p in usable if p.from_code == PIVOT})
    routes = []
    for source in sources:
        for target in targets:
            if source != target and _newest(usable, source, target) is None:
                route = plan_route(usable, source, target)
                if route is not None:
                    routes.append(route)
    return routes


def install_hint(from_code: str, to_code: str) -> str:
    """What to run to translate the pair with argos."""
    hint = f"dolmetsch model install --online --from {from_code} --to {to_code}"
    if PIVOT not in (from_code, to_code):
        hint += (
            f" (or, to pivot through English, both --from {from_code} --to {PIVOT}"
            f" and --from {PIVOT} --to {to_code})"
        )
    return hint + "; without internet: dolmetsch model install FILE.argosmodel"


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


def choose_from_index(
    available: list[tuple[str, str, str, _T]], from_code: str, to_code: str
) -> _T:
    """The newest index entry ``(from, to, version, entry)`` for the pair; when there is none,
    a :class:`NoModelError` that says what the index offers instead (the two halves of a
    pivot through English)."""
    candidates = [entry for entry in available if entry[:2] == (from_code, to_code)]
    if candidates:
        return max(candidates, key=lambda entry: _version_key(entry[2]))[3]
    message = f"the argos package index has no {from_code}->{to_code} package"
    pairs = {entry[:2] for entry in available}
    if PIVOT not in (from_code, to_code) and {(from_code, PIVOT), (PIVOT, to_code)} <= pairs:
        message += (
            f"; it has {from_code}->{PIVOT} and {PIVOT}->{to_code}, which translate "
            f"{from_code}->{to_code} through English: install both, with "
            f"dolmetsch model install --online --from {from_code} --to {PIVOT} and "
            f"--from {PIVOT} --to {to_code}"
        )
    raise NoModelError(message)


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
    available = [
        (p.from_code, p.to_code, str(p.package_version), p)
        for p in argos_package.get_available_packages()
        if p.type == "translate"
    ]
    best = choose_from_index(available, from_code, to_code)
    try:
        downloaded = Path(best.download())
    except Exception as exc:  # argostranslate raises bare Exception on download failure
        raise NetworkError(f"download of {from_code}->{to_code} package failed: {exc}") from exc
    try:
        return install_file(downloaded, directory)
    finally:
        downloaded.unlink(missing_ok=True)
