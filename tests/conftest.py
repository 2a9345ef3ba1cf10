"""Shared fixtures: the seeds, an isolated argos home, and a tiny argos package built offline."""

from __future__ import annotations

import compileall
import fcntl
import functools
import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from ding_excerpt import EXCERPT

from dolmetsch.testing import build_tiny_package

if TYPE_CHECKING:
    from dolmetsch.lexicon import LexiconEngine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    assert len(SEED_FILES) == 5
    return SEED_FILES


@pytest.fixture(scope="session", autouse=True)
def packaged_tables_read_once() -> Iterator[None]:
    """Each store build reads the same packaged tables: simplemma's 1.1M German lemmas,
    de2en and wordfreq, about 7 s of a 9 s excerpt build.  A test process builds a dozen
    stores, so it reads them once: every build still runs on the same tables, and the
    first build of each process reads them as the user's build does.  So is the usage
    table made of wordfreq's (160,000 rows, a second of each build)."""
    from dolmetsch.lexicon import store

    with pytest.MonkeyPatch.context() as patch:
        for name in ("load_lemmas", "load_de2en", "load_frequencies", "_usage_table"):
            patch.setattr(store, name, functools.cache(getattr(store, name)))
        yield


@pytest.fixture(scope="session", autouse=True)
def german_words_written_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each test has its own data folder (``isolated_argos``), where the glossary's first
    question whether a word is German writes simplemma's 1.1M words into a word file
    (``germanwords``: about 5 s, for each of some 60 tests).  A test process writes it once
    and links it into the default data folder of each test that asks; a folder a test
    names itself (test_glossary_germanwords) still gets the file written as a user's does."""
    from dolmetsch.glossary import germanwords

    shared = tmp_path_factory.mktemp("german-words")
    written = germanwords._open_words

    def open_words(data_dir: Path) -> Mapping[str, str] | None:
        home = os.environ.get("XDG_DATA_HOME")
        path = germanwords.words_path(data_dir)
        if home and data_dir.is_relative_to(home) and not path.exists():
            source = germanwords.words_path(shared)
            if source.exists() or written(shared) is not None:
                data_dir.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(source, path)
                except OSError:
                    shutil.copyfile(source, path)
        return written(data_dir)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(germanwords, "_open_words", open_words)
        yield


@pytest.fixture(autouse=True)
def isolated_argos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test sees the user's own argos models or writes under ~."""
    home = tmp_path / "argos-home"
    for var, sub in [
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("ARGOS_PACKAGES_DIR", "packages"),
    ]:
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cpu")
    # and no test reuses another's translations
    monkeypatch.setenv("DOLMETSCH_MEMORY", str(tmp_path / "memory.sqlite"))
    return home / "packages"


@pytest.fixture(scope="session")
def real_store_dir() -> Path:
    """The data folder of the user's real lexicon store (Ding), built once if missing.

    Session scope runs before the per-test isolation of XDG_DATA_HOME: the store is the
    shared one, as for bench/quality.py, so the full build (half a minute) is paid once per
    machine, not per test.  Tests point DOLMETSCH_DATA_DIR at it."""
    from dolmetsch.lexicon import DING_PATH, default_data_dir, open_lexicon

    if not DING_PATH.is_file():
        pytest.skip(f"no Ding at {DING_PATH}")
    folder = default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # Under pytest-xdist every worker runs this fixture: one builds, the others wait for it
    # instead of building the same store at once (a build is half a minute of one core).
    with (folder / ".dolmetsch-test-build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        open_lexicon(folder)
    return folder


@pytest.fixture
def real_store(real_store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Commands of this test use the real store, already built (so no "building" line)."""
    monkeypatch.setenv("DOLMETSCH_DATA_DIR", str(real_store_dir))
    return real_store_dir


@pytest.fixture(scope="session")
def tiny_argosmodel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny copy model as a .argosmodel file, built once per session."""
    return build_tiny_package(tmp_path_factory.mktemp("tiny"))


@pytest.fixture
def installed_tiny(tiny_argosmodel: Path, isolated_argos: Path) -> Iterator[Path]:
    """The tiny package installed in this test's isolated argos package folder."""
    from dolmetsch.models import install_file

    package = install_file(tiny_argosmodel, isolated_argos)
    yield isolated_argos
    shutil.rmtree(package.path, ignore_errors=True)


@pytest.fixture
def seeds_copy(tmp_path: Path, seed_files: list[Path]) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in seed_files:
        shutil.copy(path, folder / path.name)
    return folder


def pytest_configure(config: pytest.Config) -> None:
    """With ``PYTHONDONTWRITEBYTECODE=1`` (as on the project's machine) no process writes
    the package's bytecode, so each ``python -m dolmetsch`` process the tests start compiled
    its modules again: 0.35 s of the 1.8 s of CPU of a run on the seeds, 0.18 s of the
    0.31 s of ``dolmetsch --help``.  The bytecode is written once, by the first process
    (pytest-xdist's workers find it); the sources are still what runs (Python checks each
    cached file against its source's time and size)."""
    import dolmetsch

    if sys.dont_write_bytecode and not hasattr(config, "workerinput"):
        compileall.compile_dir(Path(dolmetsch.__file__).parent, quiet=1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files in tests/golden from the current outputs",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def excerpt_ding(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Ding-format dictionary file with a few dozen entries."""
    path = tmp_path_factory.mktemp("ding") / "de-en"
    path.write_text(EXCERPT, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory, excerpt_ding: Path) -> Path:
    """A lexicon store built once per session from the excerpt."""
    from dolmetsch.lexicon import build_store

    data_dir = tmp_path_factory.mktemp("lexicon-data")
    build_store(data_dir, excerpt_ding)
    return data_dir


@pytest.fixture(scope="module")
def engine(store_dir: Path, excerpt_ding: Path) -> Iterator[LexiconEngine]:
    """The lexicon engine on the excerpt's store (one per test module)."""
    from dolmetsch.lexicon import open_lexicon

    opened = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    yield opened
    opened.store.close()


@pytest.fixture
def excerpt_lexicon(excerpt_ding: Path, store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI's lexicon engine at the excerpt's store."""
    monkeypatch.setenv("DOLMETSCH_DING", str(excerpt_ding))
    monkeypatch.setenv("DOLMETSCH_DATA_DIR", str(store_dir))
    return store_dir
