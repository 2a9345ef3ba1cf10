#!/usr/bin/env python3
"""What the integrity check costs when a translation memory is opened.

Every open of a memory runs SQLite's ``PRAGMA quick_check`` (linear in the file's size),
so that a damaged memory is refused in one line before any output is written.  This
measures opening a memory with and without it, on two memories:

* a real one: ``dolmetsch run --engine lexicon`` over ``--articles`` perturbed copies of
  the seeds (``bench/corpus.py``; 200 articles make about 3.5 MB, the size of the memory
  in issue 12);
* a big one: ``--big-units`` machine units of news-like length stored directly (2,000,000
  make about 710 MB).

Each figure is the fastest of ``--repeat`` opens, the file in the page cache (a first open
after a reboot reads the whole file from disk once more).  ``--keep DIR`` keeps (and
reuses) the memories.

    python bench/sqlite_check.py [--articles 200] [--big-units 2000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus  # noqa: E402


def real_memory(work: Path, articles: int) -> Path:
    memory = work / f"real-{articles}.sqlite"
    if not memory.exists():
        corpus = make_corpus(ROOT / "seeds", work / f"corpus-{articles}", articles)
        command = [sys.executable, "-m", "dolmetsch", "run", str(corpus), "--out",
                   str(work / "out"), "--memory", str(memory), "--engine", "lexicon"]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True)
    return memory


def big_memory(work: Path, units: int) -> Path:
    from dolmetsch.memory import TranslationMemory
    from dolmetsch.provenance import Provenance

    memory = work / f"big-{units}.sqlite"
    if memory.exists():
        return memory
    words = ("der die das Regierung Kreml Minister sagte am Montag in Berlin dass eine neue "
             "Studie zeigt wie").split()  # fmt: skip
    rng = random.Random(1)
    stamp = Provenance("lexicon", "ding", "1.8", "0123456789abcdef")
    with TranslationMemory(memory) as tm:
        for start in range(0, units, 5000):
            rows = []
            for i in range(start, min(units, start + 5000)):
                text = " ".join(rng.choice(words) for _ in range(18)) + f" {i}."
                rows.append((text, text.upper(), ("Kreml -> Kremlin",)))
            tm.store(rows, "machine", stamp)
    return memory


def fastest_open(memory: Path, check: bool, repeat: int) -> float:
    from dolmetsch.memory import TranslationMemory

    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        TranslationMemory(memory, check=check).close()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--big-units", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    from dolmetsch.memory import TranslationMemory

    with tempfile.TemporaryDirectory(prefix="dolmetsch-sqlite-check-") as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        memories = [real_memory(work, args.articles), big_memory(work, args.big_units)]
        print("command: python bench/sqlite_check.py " + " ".join(argv or sys.argv[1:]))
        print(f"{'memory':>24} {'MB':>8} {'units':>10} {'open s':>8} {'no check s':>10} "
              f"{'check s':>8} {'MB/s':>7}")  # fmt: skip
        for memory in memories:
            with TranslationMemory(memory, check=False) as tm:
                counts = tm.counts()
            checked = fastest_open(memory, True, args.repeat)
            unchecked = fastest_open(memory, False, args.repeat)
            megabytes = memory.stat().st_size / 1e6
            cost = max(checked - unchecked, 1e-9)
            units = counts.machine + counts.human
            print(f"{memory.name:>24} {megabytes:8.1f} {units:10d} {checked:8.3f} "
                  f"{unchecked:10.3f} {cost:8.3f} {megabytes / cost:7.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
