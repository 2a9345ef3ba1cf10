"""The Dask recipe of examples/dask_cluster.py, on a real local cluster of worker processes:
shards translated on the workers, memories merged, outputs identical to a one-machine run."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from dolmetsch.aligned import translatable_texts
from dolmetsch.engine import EngineInfo, load_engine
from dolmetsch.errors import UsageError
from dolmetsch.glossary import load_default_glossary
from dolmetsch.memory import TranslationMemory, TranslationMemoryError
from dolmetsch.pipeline import discover, load_article, run_batch
from dolmetsch.provenance import HUMAN, Provenance
from dolmetsch.testing import CountingEngine

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_cluster.py"


@pytest.fixture(scope="module")
def example() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("dask_cluster", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dask_cluster"] = module  # so that dataclasses and pickling find it
    spec.loader.exec_module(module)
    yield module
    del sys.modules["dask_cluster"]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    import distributed

    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_cluster_run_equals_a_one_machine_run(
    example: ModuleType, client: object, installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    glossary = load_default_glossary()
    spec = example.EngineSpec("argos", str(installed_tiny))
    driver = CountingEngine(load_engine("argos", packages_dir=installed_tiny))
    done = example.translate_on_cluster(
        client, seeds_copy, tmp_path / "cluster", tmp_path / "tm.sqlite", spec, glossary,
        3, driver_engine=driver,
    )  # fmt: skip
    summary = done.summary
    assert driver.sentences == 0  # every sentence came from the workers' memories
    assert done.sent == 5
    assert (summary.articles, summary.sentences, summary.ok) == (5, 189, True)
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        distinct = {
            t for p in discover(seeds_copy) for t in translatable_texts(load_article(p).document)
        }
        assert memory.counts().machine == len(distinct)

    with TranslationMemory(tmp_path / "local.sqlite") as memory:
        local = run_batch(
            discover(seeds_copy), tmp_path / "local", driver, glossary=glossary, memory=memory
        )
    assert local.sentences == 189
    assert outputs(tmp_path / "cluster") == outputs(tmp_path / "local")


def test_a_cluster_rerun_sends_only_new_articles(
    example: ModuleType, client: object, installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    spec = example.EngineSpec("argos", str(installed_tiny))
    driver = CountingEngine(load_engine("argos", packages_dir=installed_tiny))
    args = (client, seeds_copy, tmp_path / "out", tmp_path / "tm.sqlite", spec, None, 2)
    assert example.translate_on_cluster(*args, driver_engine=driver).sent == 5
    before = outputs(tmp_path / "out")
    again = example.translate_on_cluster(*args, driver_engine=driver)
    assert (again.sent, again.summary.kept) == (0, 5)
    assert outputs(tmp_path / "out") == before
    (seeds_copy / "new.txt").write_text("Ein neuer Satz über Kiew.\n", encoding="utf-8")
    third = example.translate_on_cluster(*args, driver_engine=driver)
    # the last article's page now links to the new one as next: made again, from the memory
    assert (third.sent, third.summary.articles, third.summary.kept) == (1, 2, 4)
    assert driver.sentences == 0


def test_shards_cover_every_article_once(example: ModuleType) -> None:
    paths = [Path(f"{i:03d}.txt") for i in range(11)]
    parts = example.shards(paths, 4)
    assert [len(p) for p in parts] == [3, 3, 3, 2]
    assert [p for part in parts for p in part] == paths
    assert example.shards(paths[:2], 8) == [[paths[0]], [paths[1]]]


def test_merge_keeps_human_translations_and_counts_conflicts(tmp_path: Path) -> None:
    stamp, human = Provenance("argos", "m", "1", "g"), HUMAN
    with TranslationMemory(tmp_path / "shard.sqlite") as shard:
        shard.store([("Eins.", "One.", ()), ("Zwei.", "Two.", ())], "machine", stamp)
        shard.store([("Drei.", "Three (shard).", ()), ("Vier.", "Four.", ())], "human", human)
    with TranslationMemory(tmp_path / "main.sqlite") as main:
        main.store([("Drei.", "Three (here).", ())], "human", human)
        state = main.state()
        counts = main.merge(tmp_path / "shard.sqlite")
        assert (counts.machine, counts.human, counts.conflicts) == (2, 1, 1)
        assert main.human_target("Drei.") == "Three (here)."
        assert main.human_target("Vier.") == "Four."
        assert main.lookup(["Eins."], stamp)["Eins."].target == "One."
        assert main.state() != state  # outputs made before the merge are out of date
        again = main.merge(tmp_path / "shard.sqlite")
        assert (again.machine, again.human, again.conflicts) == (0, 0, 1)


def test_merging_something_else_is_refused(tmp_path: Path) -> None:
    (tmp_path / "junk.sqlite").write_bytes(b"not a database" * 100)
    with TranslationMemory(tmp_path / "main.sqlite") as main:
        with pytest.raises(TranslationMemoryError, match=r"junk\.sqlite"):
            main.merge(tmp_path / "junk.sqlite")
        with pytest.raises(TranslationMemoryError, match="no such translation memory"):
            main.merge(tmp_path / "missing.sqlite")
        assert main.counts().machine == 0


def test_tm_merge_command_reports_each_memory(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dolmetsch.cli import main

    with TranslationMemory(tmp_path / "shard.sqlite") as shard:
        shard.store([("Eins.", "One.", ())], "machine", Provenance("argos", "m", "1", "g"))
    (tmp_path / "junk.sqlite").write_bytes(b"not a database" * 100)
    memory = tmp_path / "main.sqlite"
    args = ["tm", "merge", str(tmp_path / "shard.sqlite"), "--memory", str(memory)]
    result = CliRunner().invoke(main, args)
    assert (result.exit_code, result.stdout) == (
        0, f"{tmp_path / 'shard.sqlite'}: merged 1 machine and 0 human translations\n"
    )  # fmt: skip
    result = CliRunner().invoke(main, [*args[:2], str(tmp_path / "junk.sqlite"), *args[3:]])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dolmetsch: {tmp_path / 'junk.sqlite'}: ")
    with TranslationMemory(memory) as main_memory:
        assert main_memory.counts().machine == 1


def test_merge_takes_one_human_translation_per_segment_whatever_its_stamp(
    tmp_path: Path,
) -> None:
    import sqlite3

    human = HUMAN
    with TranslationMemory(tmp_path / "shard.sqlite") as shard:
        shard.store([("Eins.", "One (a).", ()), ("Drei.", "Three (shard).", ())], "human", human)
    # another writer's human rows carry stamps; dolmetsch's always have none
    with sqlite3.connect(tmp_path / "shard.sqlite") as db:
        db.execute(
            "INSERT INTO unit SELECT pair, source, origin, 'x', context, 'One (b).', engine, "
            "model, glossary, terms, seq FROM unit WHERE source = 'Eins.'"
        )
        db.execute(
            "INSERT INTO unit SELECT pair, source, origin, 'x', context, 'Three (x).', engine, "
            "model, glossary, terms, seq FROM unit WHERE source = 'Drei.'"
        )
    db.close()
    with TranslationMemory(tmp_path / "main.sqlite") as main:
        main.store([("Drei.", "Three (here).", ())], "human", human)
        counts = main.merge(tmp_path / "shard.sqlite")
        assert (counts.machine, counts.human, counts.conflicts) == (0, 1, 1)
        assert main.counts().human == 2
        assert main.human_target("Drei.") == "Three (here)."
        assert main.human_target("Eins.") in {"One (a).", "One (b)."}


class _OtherVersion(CountingEngine):
    @property
    def info(self) -> EngineInfo:
        return replace(self.inner.info, model_version="9.9")


def test_a_worker_with_another_model_is_refused_before_any_output(
    example: ModuleType, client: object, installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    spec = example.EngineSpec("argos", str(installed_tiny))
    driver = _OtherVersion(load_engine("argos", packages_dir=installed_tiny))
    with pytest.raises(UsageError, match=r"a worker translated with .* not .*9\.9"):
        example.translate_on_cluster(
            client, seeds_copy, tmp_path / "out", tmp_path / "tm.sqlite", spec, None, 2,
            driver_engine=driver,
        )  # fmt: skip
    assert driver.sentences == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == [".dolmetsch.lock"]
