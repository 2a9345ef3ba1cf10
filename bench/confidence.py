#!/usr/bin/env python3
"""What the low-confidence mark of the outputs picks out, on WMT German->English news.

Outputs mark a sentence whose engine confidence is below ``dolmetsch.engine.LOW_CONFIDENCE``
(HTML rows, the PO's ``#. confidence`` note, the run summary).  This benchmark translates
newstest2017 (where the threshold was chosen) and newstest2018 (report only) with the
lexicon engine's ``translate_scored`` and prints, for a few thresholds, the share of
sentences marked and the mean sentence chrF (sacrebleu defaults) of the marked and the
other sentences, with Spearman's rank correlation of confidence and sentence chrF.

The test sets are research-use data read in place from ``../shared/data/wmt-dev``; only
these statistics are printed.  Without them the benchmark says so and exits 0.

Run from the repository root: ``python bench/confidence.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import TEST_SETS, WMT, read_lines, spearman

THRESHOLDS = (0.35, 0.40, 0.45, 0.50)


def as_shown(confidence: float) -> float:
    """The confidence as the outputs show it and mark it (two decimals)."""
    from dolmetsch.engine import shown

    return float(shown(confidence))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="first N (0: all)")
    args = parser.parse_args(argv)
    missing = [t for t in TEST_SETS if not (WMT / f"{t}.de-en.de").is_file()]
    if missing:
        print(f"skipped: {WMT} has no {', '.join(missing)} (research-use WMT data)")
        return 0
    import sacrebleu

    from dolmetsch.engine import LOW_CONFIDENCE
    from dolmetsch.lexicon import open_lexicon

    engine = open_lexicon()
    print(f"LOW_CONFIDENCE = {LOW_CONFIDENCE}; engine {engine.info.describe()}")
    print(f"{'test set':13} {'below':>6} {'marked':>7} {'chrF marked':>12} {'chrF rest':>10} rho")
    for test_set in TEST_SETS:
        source = read_lines(WMT / f"{test_set}.de-en.de", args.limit)
        reference = read_lines(WMT / f"{test_set}.de-en.en", args.limit)
        scored = engine.translate_scored(source)
        chrf = [
            sacrebleu.sentence_chrf(s.text, [r]).score
            for s, r in zip(scored, reference, strict=True)
        ]
        confidences = [s.confidence for s in scored]
        rho = spearman(confidences, chrf)
        for threshold in THRESHOLDS:
            low = [c for s, c in zip(confidences, chrf, strict=True) if as_shown(s) < threshold]
            rest = [c for s, c in zip(confidences, chrf, strict=True) if as_shown(s) >= threshold]
            mean_low = sum(low) / len(low) if low else float("nan")
            mean_rest = sum(rest) / len(rest) if rest else float("nan")
            print(
                f"{test_set:13} {threshold:6.2f} {100 * len(low) / len(chrf):6.1f}% "
                f"{mean_low:12.2f} {mean_rest:10.2f} {rho:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
