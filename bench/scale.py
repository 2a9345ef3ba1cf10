#!/usr/bin/env python3
"""How `dolmetsch run` scales: throughput and peak memory at 1,000 and 10,000 articles.

Builds perturbed corpora from the seeds (``bench/corpus.py``: every sentence numbered per
copy, so the translation memory cannot short-cut them), then runs the real command line,
``dolmetsch run CORPUS --out OUT --memory TM --engine lexicon --jobs J``, in a child process,
each run with a fresh output folder and a fresh memory. Reports wall time, articles per
second and the peak resident memory of the run (its largest process, from ``wait4``), and
checks the issue's targets:

* articles per second at 10,000 within 10 % of that at 1,000;
* peak memory at 10,000 at most 1.2x that at 1,000 (the run streams);
* ``--jobs 2`` at least 1.7x faster than ``--jobs 1`` (at 1,000 articles, by default).

Beside ``--jobs N`` it times this machine's own ceiling for N processes: the corpus cut
into N parts, each translated by an independent ``--jobs 1`` run, all N at once. No way
of sharing the work among N processes can beat that, so ``--jobs N`` is judged against
it as well as against the target (a virtual machine's cores are often not whole ones).

``--repeat K`` makes K rounds of all runs, taking turns, and keeps the fastest of each
(peak memory is the same from round to round).

    python bench/scale.py [--sizes 1000 10000] [--jobs 1 2] [--repeat K] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from child import run_child  # noqa: E402
from corpus import make_corpus  # noqa: E402


@dataclass(frozen=True)
class Measure:
    articles: int
    jobs: int
    seconds: float
    peak_mib: float
    summary: str

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds


def run(corpus: Path, articles: int, jobs: int, engine: str, work: Path) -> Measure:
    out, memory = work / "out", work / "tm.sqlite"
    shutil.rmtree(out, ignore_errors=True)
    memory.unlink(missing_ok=True)
    argv = command(corpus, out, memory, engine, jobs)
    done = run_child(argv, work)
    assert done is not None  # no timeout: it ran to the end
    return Measure(articles, jobs, done.seconds, done.peak_mib, done.stdout.strip())


def command(corpus: Path, out: Path, memory: Path, engine: str, jobs: int) -> list[str]:
    return [
        sys.executable, "-m", "dolmetsch", "run", str(corpus), "--out", str(out),
        "--memory", str(memory), "--engine", engine, "--jobs", str(jobs),
    ]  # fmt: skip


def ceiling(corpus: Path, parts: int, engine: str, work: Path) -> float:
    """Seconds for ``parts`` independent ``--jobs 1`` runs, each on its share, all at once."""
    shares = [work / f"share-{k}" for k in range(parts)]
    for k, share in enumerate(shares):
        shutil.rmtree(share, ignore_errors=True)
        (share / "in").mkdir(parents=True)
        for path in sorted(corpus.glob("*.txt"))[k::parts]:
            (share / "in" / path.name).hardlink_to(path)
    started = time.perf_counter()
    children = [
        subprocess.Popen(
            command(share / "in", share / "out", share / "tm.sqlite", engine, 1),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for share in shares
    ]
    codes = [child.wait() for child in children]
    seconds = time.perf_counter() - started
    if any(codes):
        raise SystemExit(f"an independent run failed: {codes}")
    for share in shares:
        shutil.rmtree(share)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--jobs-size", type=int, default=1000, help="corpus size at which --jobs are compared"
    )
    parser.add_argument("--engine", default="lexicon")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of every run; the best of each counts"
    )
    parser.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="dolmetsch-scale-"))
    measures: list[Measure] = []
    ceilings: list[float] = []
    try:
        sizes = sorted(set(args.sizes) | {args.jobs_size})
        for size in sizes:
            if not (work / f"corpus-{size}").exists():
                make_corpus(ROOT / "seeds", work / f"corpus-{size}", size)
        # rounds outermost, so that a busy spell of the machine does not fall on one size
        for _ in range(max(1, args.repeat)):
            for size in sizes:
                for jobs in args.jobs if size == args.jobs_size else [min(args.jobs)]:
                    m = run(work / f"corpus-{size}", size, jobs, args.engine, work)
                    measures.append(m)
                    print(f"{size:>6} articles  --jobs {jobs}  {m.seconds:8.1f} s  "
                          f"{m.per_second:7.1f} articles/s  peak {m.peak_mib:7.1f} MiB",
                          flush=True)  # fmt: skip
                    print(f"        {m.summary}", flush=True)
                if size == args.jobs_size and max(args.jobs) > 1:
                    most = max(args.jobs)
                    ceilings.append(ceiling(work / f"corpus-{size}", most, args.engine, work))
                    print(f"{size:>6} articles  {most} independent --jobs 1 runs on "
                          f"1/{most} each, at once: {ceilings[-1]:.1f} s", flush=True)  # fmt: skip
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    print(f"command: python bench/scale.py {' '.join(sys.argv[1:])}".rstrip())
    one = min(args.jobs)
    best: dict[tuple[int, int], Measure] = {}
    for m in measures:
        key = (m.articles, m.jobs)
        if key not in best or m.seconds < best[key].seconds:
            best[key] = m
    base = [m for (_, jobs), m in best.items() if jobs == one]
    small, large = min(base, key=lambda m: m.articles), max(base, key=lambda m: m.articles)
    if small is not large:
        change = large.per_second / small.per_second - 1
        ratio = large.peak_mib / small.peak_mib
        print(f"throughput per article, {large.articles} vs {small.articles}: "
              f"{change:+.1%} (target: within 10 %)")  # fmt: skip
        print(f"peak memory, {large.articles} vs {small.articles}: {ratio:.2f}x "
              f"(target: at most 1.2x)")  # fmt: skip
    at = {jobs: m for (articles, jobs), m in best.items() if articles == args.jobs_size}
    if len(at) > 1:
        most = max(at)
        speedup = at[one].seconds / at[most].seconds
        print(f"--jobs {most} vs --jobs {one} at {args.jobs_size} articles: {speedup:.2f}x "
              f"faster (target: at least 1.7x)")  # fmt: skip
        if ceilings:
            limit = at[one].seconds / min(ceilings)
            print(f"this machine's ceiling for {most} processes (independent runs): "
                  f"{limit:.2f}x; --jobs {most} reaches {speedup / limit:.0%} of it")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
