#!/usr/bin/env python3
"""Accuracy of the language detector (``dolmetsch.detect``) on text at hand.

- The German and English sides of the WMT test sets (``../shared/data/wmt-dev``), one
  sentence at a time and in chunks of ten consecutive sentences (a short article);
- the seed articles (German), whole;
- ``tests/data/detect_samples.tsv``: short sentences written for the tests, three per
  language for de en fr es it pt nl pl cs ru uk and one each for el ar zh ja.

Reported per set: right (the best guess is the language), sure and right (confidence at
least ``SURE``: the article would be translated), and wrong but sure (the harm: an article
translated with the wrong engine).  Only derived figures are printed, never WMT text.

    python bench/detect.py [--wmt DIR] [--seeds DIR]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from dolmetsch.detect import detect

HERE = Path(__file__).resolve().parent.parent


def measure(name: str, cases: Iterable[tuple[str, str]]) -> None:
    total = right = sure = harm = 0
    confused: Counter[str] = Counter()
    for lang, text in cases:
        found = detect(text)
        total += 1
        right += found.lang == lang
        sure += found.sure and found.lang == lang
        harm += found.sure and found.lang != lang
        if found.lang != lang:
            confused[found.lang or "?"] += 1
    if not total:
        print(f"{name}: nothing to measure")
        return
    print(
        f"{name}: {total} texts, right {100 * right / total:.2f} %, sure and right "
        f"{100 * sure / total:.2f} %, wrong but sure {harm}; taken for: "
        + (", ".join(f"{k} {v}" for k, v in confused.most_common(5)) or "-")
    )


def wmt(folder: Path, side: str, chunk: int) -> Iterable[tuple[str, str]]:
    for path in sorted(folder.glob(f"*.de-en.{side}")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        for start in range(0, len(lines) - chunk + 1, chunk):
            yield side, "\n".join(lines[start : start + chunk])


def samples(path: Path) -> Iterable[tuple[str, str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            yield lang, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wmt", type=Path, default=HERE.parent / "shared/data/wmt-dev")
    parser.add_argument("--seeds", type=Path, default=HERE / "seeds")
    args = parser.parse_args()
    for side in ("de", "en"):
        measure(f"WMT {side}, sentences", wmt(args.wmt, side, 1))
        measure(f"WMT {side}, 10-sentence chunks", wmt(args.wmt, side, 10))
    seeds = sorted(args.seeds.glob("*.txt"))
    measure("seeds (de)", (("de", p.read_text(encoding="utf-8")) for p in seeds))
    measure("hand-written samples", samples(HERE / "tests/data/detect_samples.tsv"))


if __name__ == "__main__":
    main()
