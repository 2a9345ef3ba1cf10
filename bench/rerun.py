#!/usr/bin/env python3
"""How much faster a re-run on unchanged articles is, thanks to the translation memory.

Translates a folder twice into a fresh output folder with a fresh translation memory and
reports both wall times, the ratio and how many sentences reached the engine each time.
On the re-run the output ledger shows every article's outputs current (same source, engine,
glossary and memory), so each article costs a few file hashes: nothing is parsed, looked up,
rendered or written but the corpus TMX and the index.  ``--repeat N`` times N re-runs and
reports the slowest.

    python bench/rerun.py [SEEDS_DIR] [--engine argos|lexicon] [--copies N]

``--engine argos`` uses the installed de->en package or, with none, the tiny copy model of
``dolmetsch.testing``; ``--copies N`` makes a larger corpus of N perturbed copies of the
seeds (see ``bench/corpus.py``: every sentence numbered, so none repeats another).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus  # noqa: E402
from engines import open_engine  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("seeds", nargs="?", type=Path, default=ROOT / "seeds")
    parser.add_argument("--engine", choices=("argos", "lexicon"), default="argos")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from dolmetsch.glossary import load_default_glossary
    from dolmetsch.memory import TranslationMemory
    from dolmetsch.pipeline import discover, run_batch
    from dolmetsch.testing import CountingEngine

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seeds = args.seeds
        if args.copies > 1:
            count = args.copies * len(list(args.seeds.glob("*.txt")))
            seeds = make_corpus(args.seeds, work / "c", count)
        engine = CountingEngine(open_engine(args.engine, work))
        engine.inner.translate(["Guten Tag."])  # load the model now: time translation only
        glossary = load_default_glossary()
        times, calls, summaries = [], [], []
        with TranslationMemory(work / "memory.sqlite") as memory:
            for _ in range(1 + max(1, args.repeat)):
                before = engine.sentences
                started = time.perf_counter()
                summaries.append(
                    run_batch(
                        discover(seeds), work / "out", engine, glossary=glossary, memory=memory
                    )
                )
                times.append(time.perf_counter() - started)
                calls.append(engine.sentences - before)
        shutil.rmtree(work / "out", ignore_errors=True)
    print(f"command: python bench/rerun.py {' '.join(sys.argv[1:])}".rstrip())
    first = summaries[0]
    print(f"corpus: {first.articles} articles, {first.sentences} sentences; "
          f"engine: {first.engine.describe()}")  # fmt: skip
    print(f"first run: {times[0]:.3f} s, {calls[0]} sentences sent to the engine")
    slowest = max(times[1:])
    print(f"re-runs:   {', '.join(f'{t:.4f}' for t in times[1:])} s, "
          f"{max(calls[1:])} sentences sent to the engine, "
          f"{min(s.kept for s in summaries[1:])} articles kept unchanged")  # fmt: skip
    print(f"slowest re-run is {times[0] / slowest:.1f}x faster (target: at least 20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
