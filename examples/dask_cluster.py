#!/usr/bin/env python3
"""Translate a corpus too large for one machine on a Dask cluster.

The recipe, in three steps, none of which needs a shared file system:

1. **Shard.** The driver splits the articles with sentences its memory cannot translate
   yet (all of them the first time, only new or changed ones on a re-run) into shards and
   sends each shard's files (name and bytes) to a worker.
2. **Translate into memories.** Each worker writes its shard to a scratch folder, opens
   the engine once (cached per worker process) and translates the shard into a fresh
   translation memory of its own (:func:`dolmetsch.pipeline.fill_memory`, no outputs),
   and returns that SQLite file's bytes.
3. **Merge and render.** The driver merges every shard's memory into the main one
   (:meth:`dolmetsch.memory.TranslationMemory.merge`; human translations there always
   win) and runs the ordinary batch run over the whole corpus: every sentence is now in
   the memory, so the engine is not called, and the outputs (PO, TSV, TMX, HTML, the
   corpus TMX and the index) are byte for byte those of a run on one machine.

Workers need dolmetsch and its engine: the argos package (``--packages-dir``) or the
lexicon's store (``--data-dir``; built on first use from Debian's trans-de-en).

    python examples/dask_cluster.py SEEDS_DIR OUT_DIR --memory TM.sqlite \\
        [--scheduler tcp://HOST:8786 | --local-workers 2] [--shards N] [--engine lexicon]

Without ``--scheduler`` it starts a local cluster of worker processes
(``distributed.LocalCluster``), which is what the test suite runs.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from distributed import Client

    from dolmetsch.engine import Engine, EngineInfo
    from dolmetsch.glossary import Glossary
    from dolmetsch.pipeline import RunSummary


@dataclass(frozen=True)
class EngineSpec:
    """How a worker opens the engine: the same on every machine, so the same stamp."""

    name: str = "auto"
    packages_dir: str | None = None
    data_dir: str | None = None

    def open(self) -> Engine:
        from dolmetsch.engine import load_engine

        def path(value: str | None) -> Path | None:
            return Path(value) if value else None

        return load_engine(self.name, None, path(self.packages_dir), path(self.data_dir))


@cache
def _engine(spec: EngineSpec) -> Engine:
    # once per worker process when this module is importable there; else once per shard
    return spec.open()


@dataclass(frozen=True)
class ShardResult:
    memory: bytes  # the shard's translation memory, a SQLite file
    sentences: int
    failures: tuple[str, ...]  # the files that could not be read, one line each
    engine: EngineInfo  # what translated it: the driver refuses a worker unlike itself


def translate_shard(
    articles: Sequence[tuple[str, bytes]], spec: EngineSpec, glossary: Glossary | None
) -> ShardResult:
    """On a worker: the shard's translations as a memory file's bytes."""
    from dolmetsch.memory import TranslationMemory
    from dolmetsch.pipeline import fill_memory

    with tempfile.TemporaryDirectory(prefix="dolmetsch-shard-") as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        paths = []
        for name, data in articles:
            path = folder / Path(name).name  # a name, never a path into the worker's disk
            path.write_bytes(data)
            paths.append(path)
        memory_path = Path(scratch) / "memory.sqlite"
        engine = _engine(spec)
        with TranslationMemory(memory_path) as memory:
            summary = fill_memory(paths, engine, memory, glossary)
        # closed: SQLite has folded its write-ahead log into the one file
        data = memory_path.read_bytes()
        return ShardResult(data, summary.sentences, summary.failures, engine.info)


def shards(paths: Sequence[Path], count: int) -> list[list[Path]]:
    """``count`` contiguous shards of about the same number of articles."""
    count = max(1, min(count, len(paths)))
    size, extra = divmod(len(paths), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(list(paths[start:end]))
        start = end
    return out


def _submitted(
    client: Client, parts: list[list[Path]], spec: EngineSpec, glossary: Glossary | None
) -> Iterator[ShardResult]:
    """Each shard's result as it completes; at most two shards per worker in flight, so
    the driver never holds the whole corpus."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    queue = iter(parts)

    def submit() -> object | None:
        part = next(queue, None)
        if part is None:
            return None
        articles = [(p.name, p.read_bytes()) for p in part]
        return client.submit(translate_shard, articles, spec, glossary, pure=False)

    first = [f for f in (submit() for _ in range(2 * workers)) if f is not None]
    running = as_completed(first)  # type: ignore[no-untyped-call]
    for future in running:
        yield future.result()
        following = submit()
        if following is not None:
            running.add(following)  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class ClusterRun:
    sent: int  # articles sent to the workers: those with sentences the memory lacked
    summary: RunSummary


def translate_on_cluster(
    client: Client,
    input_dir: Path,
    out_dir: Path,
    memory_path: Path,
    spec: EngineSpec,
    glossary: Glossary | None,
    shard_count: int,
    driver_engine: Engine | None = None,
) -> ClusterRun:
    """Shard, translate on the cluster, merge the memories, render the outputs here."""
    from dolmetsch.errors import UsageError
    from dolmetsch.files import folder_lock
    from dolmetsch.memory import TranslationMemory
    from dolmetsch.pipeline import discover, needing_engine, run_batch

    # the workers need this module to unpickle translate_shard when it was imported (run as
    # a script, cloudpickle sends the functions by value); without it their tasks never end
    client.upload_file(__file__)
    paths = discover(input_dir)
    engine = driver_engine or spec.open()
    # the lock first: a busy output folder is found before the cluster does any work
    with (
        folder_lock(out_dir),
        TranslationMemory(memory_path) as memory,
        tempfile.TemporaryDirectory() as scratch,
    ):
        # a re-run sends only what the memory cannot translate yet; files no one can read
        # are reported by run_batch below, by their own path
        todo = needing_engine(paths, engine.info, glossary, memory)
        for number, result in enumerate(
            _submitted(client, shards(todo, shard_count) if todo else [], spec, glossary)
        ):
            if result.engine != engine.info:
                # its memory's stamps would never match here: the driver would translate
                raise UsageError(
                    f"a worker translated with {result.engine.describe()}, "
                    f"not {engine.info.describe()}; install the same model everywhere"
                )
            shard_memory = Path(scratch) / f"shard-{number}.sqlite"
            shard_memory.write_bytes(result.memory)
            memory.merge(shard_memory)
            shard_memory.unlink()
        summary = run_batch(paths, out_dir, engine, glossary=glossary, memory=memory)
        return ClusterRun(len(todo), summary)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("input_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--memory", type=Path, required=True)
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--local-workers", type=int, default=2)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--engine", default="auto")
    parser.add_argument("--packages-dir")
    parser.add_argument("--data-dir")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    from dolmetsch.errors import DolmetschError
    from dolmetsch.glossary import load_effective, locate

    spec = EngineSpec(args.engine, args.packages_dir, args.data_dir)
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            address = args.scheduler
        else:
            address = stack.enter_context(
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=args.local_workers, threads_per_worker=1, dashboard_address=None
                )
            )
        client = stack.enter_context(Client(address))  # type: ignore[no-untyped-call]
        try:
            done = translate_on_cluster(
                client, args.input_dir, args.out_dir, args.memory, spec,
                load_effective(locate()).glossary, args.shards,  # the person's over the shipped
            )  # fmt: skip
        except DolmetschError as exc:
            print(f"dolmetsch: {exc}", file=sys.stderr)
            return 2
    print(f"{done.sent} articles translated on the cluster; {done.summary.line()}")
    return 0 if done.summary.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
