#!/usr/bin/env python3
"""Time and peak memory of one very long "sentence" through ``dolmetsch run`` (issue 12, item 1).

A table flattened into one line, or a list of names, reaches the engine as a single
sentence of thousands of words: no sentence punctuation to split at.  Each size builds one
such article from the seeds' own words, with glossary names (Selenskyj, Putin, Kiew,
Peskow, in base, genitive, adjective and compound forms) every dozen words or so, then
runs the real command line in a child process,
``python -m dolmetsch run DIR --out OUT --engine lexicon --no-memory``, so the figures
include reading, segmenting, glossary protection and restoration, the engine and every
writer (PO, TSV, TMX, HTML).  Time is wall-clock; peak memory is the child's
``ru_maxrss`` (from ``wait4``: resident set, not tracemalloc).

Linear work doubles from 10k to 20k words.  A run also pays a fixed start-up (interpreter,
imports, the lexicon store), measured first on a four-word article; the ``net`` columns take
it away.  The table ends with the ratios 20k/10k: net time close to 2 is linear (quadratic
was 4 and more); memory includes the interpreter and the store, so its ratio sits below 2.

    python bench/long_line.py [--sizes 5000 10000 20000 40000 100000] [--repeat K]
        [--no-glossary] [--keep DIR] [--timeout SECONDS] [--vocabulary N]

``--vocabulary N`` draws the words from the seeds' first N words only, so each word
repeats thousands of times, as in review 7's line (15 words, 100,000 times): the engine
asked of every capitalised word whether each earlier same word was a surname, in time
exponential in the repeats (1,000 words of 15 took more than 100 s).

``--repeat K`` runs each size K times and keeps the fastest (on a shared machine the
others' work only ever adds time); peak memory is the same from run to run.

The lexicon store is built once on first use (about a minute), before the first timing.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from child import run_child  # noqa: E402

SEEDS = ROOT / "seeds"
DEFAULT_SIZES = (5_000, 10_000, 20_000, 40_000, 100_000)
# Glossary mentions in the forms the matcher knows: base, genitive, place adjective,
# compound, two-word names.
NAMES = (
    "Selenskyj", "Selenskyjs", "Putin", "Putins", "Wladimir Putin", "Kiew", "Kiewer",
    "Peskow", "Dmitri Peskow", "Kreml-Sprecher", "Moskau", "Kremlchef",
)  # fmt: skip
NAME_EVERY = 12  # words between two names, on average
# Capitalised articles after a lower-case word start a new sentence (segment.py's run-on
# rule); leaving them out keeps the article one sentence.
_SPLITTERS = frozenset({"Der", "Die", "Das"})


def vocabulary(seeds: Path = SEEDS) -> list[str]:
    """The seeds' words, letters only, in first-seen order (deterministic)."""
    seen: dict[str, None] = {}
    for path in sorted(seeds.glob("*.txt")):
        for word in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8")):
            if word not in _SPLITTERS:
                seen.setdefault(word, None)
    return list(seen)


def long_line(words: int, vocab: list[str], seed: int = 12) -> str:
    """``words`` words on one line, no sentence punctuation, glossary names sprinkled in."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < words:
        out.append(rng.choice(NAMES) if rng.randrange(NAME_EVERY) == 0 else rng.choice(vocab))
    return " ".join(out[:words]) + "\n"


@dataclass(frozen=True)
class Measure:
    words: int
    seconds: float
    peak_mib: float
    summary: str


def run(article: str, words: int, work: Path, glossary: bool, timeout: float) -> Measure | None:
    """One child ``dolmetsch run``; None when it exceeds ``timeout`` seconds."""
    source, out = work / f"in-{words}", work / f"out-{words}"
    shutil.rmtree(source, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    source.mkdir(parents=True)
    (source / f"long_{words}.txt").write_text(article, encoding="utf-8")
    argv = [
        sys.executable, "-m", "dolmetsch", "run", str(source), "--out", str(out),
        "--engine", "lexicon", "--no-memory",
    ]  # fmt: skip
    if not glossary:
        argv.append("--no-glossary")
    done = run_child(argv, work, timeout)
    if done is None:
        return None
    summary = next((line for line in done.stdout.splitlines() if "glossary:" in line), "")
    return Measure(words, done.seconds, done.peak_mib, summary.strip())


def start_up(work: Path, repeat: int) -> Measure:
    """A four-word article: builds the lexicon store (once per machine) and, run again,
    measures what every run pays whatever its length."""
    run("Putin sprach in Kiew\n", 0, work, glossary=True, timeout=3600)
    return fastest("Putin sprach in Kiew\n", 0, work, True, 3600, repeat)


def fastest(
    article: str, words: int, work: Path, glossary: bool, timeout: float, repeat: int
) -> Measure:
    """The fastest of ``repeat`` runs; raises TimeoutError when one exceeds ``timeout``."""
    runs = []
    for _ in range(max(1, repeat)):
        measure = run(article, words, work, glossary, timeout)
        if measure is None:
            raise TimeoutError
        runs.append(measure)
    return min(runs, key=lambda m: m.seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--no-glossary", action="store_true", help="run with --no-glossary")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size, fastest kept")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    parser.add_argument("--keep", type=Path, help="keep articles and outputs in this folder")
    parser.add_argument(
        "--vocabulary", type=int, help="draw from the seeds' first N words only (repeats)"
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="dolmetsch-long-"))
    work.mkdir(parents=True, exist_ok=True)
    vocab = vocabulary()[: args.vocabulary]
    try:
        base = start_up(work, args.repeat)
        print(f"start-up (4-word article): {base.seconds:.2f} s, {base.peak_mib:.0f} MiB")
        print(
            f"{'words':>8} {'bytes':>9} {'seconds':>8} {'net s':>7} {'peak MiB':>9} {'net MiB':>8}"
            "  glossary",
            flush=True,
        )
        results: dict[int, Measure] = {}
        for words in args.sizes:
            article = long_line(words, vocab)
            size = len(article.encode("utf-8"))
            try:
                measure = fastest(
                    article, words, work, not args.no_glossary, args.timeout, args.repeat
                )
            except TimeoutError:
                print(f"{words:>8} {size:>9} {'>' + str(int(args.timeout)):>8}  timeout")
                continue
            results[words] = measure
            print(
                f"{words:>8} {size:>9} {measure.seconds:>8.2f} "
                f"{measure.seconds - base.seconds:>7.2f} {measure.peak_mib:>9.0f} "
                f"{measure.peak_mib - base.peak_mib:>8.0f}  "
                f"{measure.summary.partition('glossary: ')[2] or 'no glossary'}",
                flush=True,
            )
        if 10_000 in results and 20_000 in results:
            small, large = results[10_000], results[20_000]

            def ratio(a: float, b: float) -> str:
                return f"{b / a:.2f}" if a > 0 else "-"

            print(
                f"ratio 20k/10k: time {ratio(small.seconds, large.seconds)} "
                f"(net {ratio(small.seconds - base.seconds, large.seconds - base.seconds)}), "
                f"peak memory {ratio(small.peak_mib, large.peak_mib)} "
                f"(net {ratio(small.peak_mib - base.peak_mib, large.peak_mib - base.peak_mib)}); "
                "linear: net close to 2"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
