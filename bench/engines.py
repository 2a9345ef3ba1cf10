"""The engine a benchmark measures: the named one, or argos with the tiny test package
when no de->en model is installed (so every benchmark runs on a machine without one)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dolmetsch.engine import Engine


def open_engine(name: str, work: Path) -> Engine:
    from dolmetsch.engine import load_engine
    from dolmetsch.models import find_package

    if name == "argos" and find_package("de", "en") is None:
        from dolmetsch.testing import build_tiny_package, install_tiny_package

        packages = work / "packages"
        install_tiny_package(build_tiny_package(work / "build"), packages)
        return load_engine("argos", packages_dir=packages)
    return load_engine(name)
