#!/usr/bin/env python3
"""Where the lexicon engine's sense choice goes wrong, by the per-word oracle.

For each German content word of a test set that resolves to a store key with two or more
English candidates, the word is *right* when the scorer's first candidate occurs (stemmed,
as ``learn`` matches them) in the reference, *fixable* when it does not but another of the
key's candidates does, and *neither* otherwise.  The keys with the most fixable words are
listed, each with the candidate the engine chose and the one the references used most:
the room a context-dependent sense choice has.  ``--context`` scores the choice with the
sentence-context model (``senses``) as the engine makes it.

The test sets are research-use data read in place from ``../shared/data/wmt-dev``; only
counts and dictionary words are printed, never a sentence.

Run from the repository root: ``python bench/senses.py [--test-set newstest2017] [--top 50]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WMT = ROOT.parent / "shared" / "data" / "wmt-dev"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test-set", default="newstest2017")
    parser.add_argument("--top", type=int, default=50, metavar="N")
    parser.add_argument(
        "--context", action="store_true", help="choose with the sentence-context model too"
    )
    parser.add_argument("--weight", type=float, default=1.0, help="context weight (--context)")
    parser.add_argument("--smoothing", type=float, default=10.0, help="its smoothing (--context)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    german_path = WMT / f"{args.test_set}.de-en.de"
    english_path = WMT / f"{args.test_set}.de-en.en"
    if not german_path.is_file() or not english_path.is_file():
        print(f"no test set at {german_path}: nothing to measure")
        return 0
    from dolmetsch.lexicon import LexiconEngine, Store, open_lexicon
    from dolmetsch.lexicon.grammar import tokenize
    from dolmetsch.lexicon.learn import candidate_stems, english_stems
    from dolmetsch.lexicon.rules import FUNCTION_WORDS

    engine = open_lexicon()
    if args.context:
        weights = replace(
            engine.store.weights, context=args.weight, context_smoothing=args.smoothing
        )
        engine = LexiconEngine(Store(engine.store.path, weights))
    german = german_path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    english = english_path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    right: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    neither: Counter[str] = Counter()
    chosen: dict[str, Counter[str]] = {}
    wanted: dict[str, Counter[str]] = {}
    for de, en in zip(german, english, strict=True):
        reference = english_stems(en)
        tokens = tokenize(de)
        context = engine.sentence_context(tokens) if args.context else None
        for i, token in enumerate(tokens):
            if not token[:1].isalpha() or token.lower() in FUNCTION_WORDS:
                continue
            found = engine.resolve(token)
            if found is None:
                continue
            key = found[0]
            ranked = engine.store.ranked(key, False)
            if len(ranked) < 2:
                continue
            if context is not None:
                ranked = engine.in_context(key, ranked, context, i)
            present = [e for e, _ in ranked if (s := candidate_stems(e)) and s <= reference]
            first = ranked[0][0]
            if first in present:
                right[key] += 1
            elif present:
                fixable[key] += 1
                chosen.setdefault(key, Counter())[first] += 1
                wanted.setdefault(key, Counter())[present[0]] += 1
            else:
                neither[key] += 1
    total_right, total_fixable = sum(right.values()), sum(fixable.values())
    total = total_right + total_fixable + sum(neither.values())
    print(
        f"{args.test_set}: {total} ambiguous content words: {total_right} right, "
        f"{total_fixable} fixable (another candidate is in the reference), "
        f"{total - total_right - total_fixable} neither"
    )
    print(f"{'key':<22} {'fixable':>7} {'right':>6} {'neither':>7}  engine -> reference")
    for key, count in fixable.most_common(args.top):
        engine_says = chosen[key].most_common(1)[0][0]
        reference_says = ", ".join(f"{e} {n}" for e, n in wanted[key].most_common(2))
        print(
            f"{key:<22} {count:>7} {right[key]:>6} {neither[key]:>7}  "
            f"{engine_says} -> {reference_says}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
