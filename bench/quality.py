#!/usr/bin/env python3
"""Translation quality of an engine on WMT newstest2017/2018 German->English, with sacrebleu.

Scores the chosen engine and, in the same run, the word-by-word baseline (Ding's first
sense of each token, no lemmas, no reordering: ``open_lexicon(mode="baseline")``), both with
sacrebleu's corpus-level chrF and BLEU at their default settings.  newstest2017 is the
development set the lexicon rules were tuned on; newstest2018 is the held-out report.

The test sets are research-use data read in place from ``../shared/data/wmt-dev`` (relative
to the repository root) and never copied; without them the benchmark says so and exits 0.
The lexicon store is built on first use (about half a minute) in the usual data directory.

Run from the repository root: ``python bench/quality.py [--engine lexicon|argos] [--limit N]``.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WMT = ROOT.parent / "shared" / "data" / "wmt-dev"
TEST_SETS = ("newstest2017", "newstest2018")


@dataclass(frozen=True)
class Score:
    """One system on one test set."""

    system: str
    test_set: str
    chrf: float
    bleu: float
    sentences: int
    per_second: float
    startup: float


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("lexicon", "argos"), default="lexicon")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="first N (0: all)")
    parser.add_argument(
        "--test-set", choices=TEST_SETS, action="append", help="only this set (repeatable)"
    )
    args = parser.parse_args(argv)
    if args.limit < 0:
        parser.error("--limit must be >= 0")
    return args


def read_lines(path: Path, limit: int) -> list[str]:
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    return lines[:limit] if limit else lines


Translate = Callable[[list[str]], list[str]]


def open_systems(engine: str) -> list[tuple[str, Translate, float]]:
    """(name, translate, start-up seconds) of the baseline and the engine under test."""
    from dolmetsch.lexicon import open_lexicon

    open_lexicon()  # build the store first if needed, so no start-up below includes it
    systems: list[tuple[str, Translate, float]] = []
    start = time.perf_counter()
    baseline = open_lexicon(mode="baseline", build=False)
    systems.append(("baseline (word by word)", baseline.translate, time.perf_counter() - start))
    start = time.perf_counter()
    if engine == "argos":
        from dolmetsch.engine import load_engine

        chosen = load_engine("argos")
    else:
        chosen = open_lexicon(build=False)
    systems.append((chosen.info.describe(), chosen.translate, time.perf_counter() - start))
    return systems


def score(name: str, translate: Translate, startup: float, test_set: str, limit: int) -> Score:
    import sacrebleu

    source = read_lines(WMT / f"{test_set}.de-en.de", limit)
    reference = read_lines(WMT / f"{test_set}.de-en.en", limit)
    start = time.perf_counter()
    hypotheses = translate(source)
    seconds = time.perf_counter() - start
    chrf = sacrebleu.corpus_chrf(hypotheses, [reference]).score
    bleu = sacrebleu.corpus_bleu(hypotheses, [reference]).score
    return Score(name, test_set, chrf, bleu, len(source), len(source) / seconds, startup)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    test_sets = args.test_set or list(TEST_SETS)
    missing = [t for t in test_sets if not (WMT / f"{t}.de-en.de").is_file()]
    if missing:
        print(f"skipped: {WMT} has no {', '.join(missing)} (research-use WMT data)")
        return 0
    from dolmetsch.errors import DolmetschError

    rows: list[Score] = []
    for test_set in test_sets:
        # Fresh engines per test set, so each set starts with empty word caches.
        try:
            systems = open_systems(args.engine)
        except DolmetschError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        rows += [score(*system, test_set, args.limit) for system in systems]
    print(f"{'test set':13} {'system':42} {'chrF':>6} {'BLEU':>6} {'sent/s':>8} {'start s':>8}")
    for r in rows:
        print(
            f"{r.test_set:13} {r.system:42} {r.chrf:6.2f} {r.bleu:6.2f} "
            f"{r.per_second:8.0f} {r.startup:8.3f}"
        )
    print("sacrebleu corpus_chrf / corpus_bleu, default settings; sent/s on one core, cold caches")
    command = ["python", "bench/quality.py", *(sys.argv[1:] if argv is None else argv)]
    print("command:", shlex.join(command))
    return 0


if __name__ == "__main__":
    sys.exit(main())
