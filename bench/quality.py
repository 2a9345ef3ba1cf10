#!/usr/bin/env python3
"""Translation quality of an engine on WMT newstest2017/2018 German->English, with sacrebleu.

Scores the chosen engine and, in the same run, the word-by-word baseline (Ding's first
sense of each token, no lemmas, no reordering: ``open_lexicon(mode="baseline")``), both with
sacrebleu's corpus-level chrF and BLEU at their default settings.  newstest2017 is the
development set the lexicon rules were tuned on; newstest2018 is the held-out report.

The test sets are research-use data read in place from ``../shared/data/wmt-dev`` (relative
to the repository root) and never copied; without them the benchmark says so and exits 0.
The lexicon store is built on first use (about half a minute) in the usual data directory.

For the lexicon engine it also reports how well its per-sentence confidence
(``LexiconEngine.translate_scored``) ranks sentences: Spearman's rank correlation between
confidence and sentence-level chrF (column "conf rho").  ``--ablation`` scores the lexicon
engine with each learned component switched off in turn.

Run from the repository root: ``python bench/quality.py [--engine lexicon|argos] [--limit N]
[--ablation]``.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

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
    rank_correlation: float | None = None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("lexicon", "argos"), default="lexicon")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="first N (0: all)")
    parser.add_argument(
        "--test-set", choices=TEST_SETS, action="append", help="only this set (repeatable)"
    )
    parser.add_argument(
        "--ablation",
        action="store_true",
        help="lexicon engine only: also score it with each learned component off",
    )
    args = parser.parse_args(argv)
    if args.limit < 0:
        parser.error("--limit must be >= 0")
    return args


def read_lines(path: Path, limit: int) -> list[str]:
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    return lines[:limit] if limit else lines


Translate = Callable[[list[str]], list[str]]
# A system may also give a confidence per sentence: (texts, confidences).
TranslateScored = Callable[[list[str]], tuple[list[str], list[float]]]


def _scored(engine: Any) -> TranslateScored:
    def translate(sentences: list[str]) -> tuple[list[str], list[float]]:
        scored = engine.translate_scored(sentences)
        return [s.text for s in scored], [s.confidence for s in scored]

    return translate


def open_systems(engine: str, ablation: bool = False) -> list[tuple[str, Translate, float]]:
    """(name, translate, start-up seconds) of the baseline and the engine under test."""
    from dolmetsch.lexicon import LexiconEngine, Store, open_lexicon
    from dolmetsch.lexicon.scorer import DEFAULT

    open_lexicon()  # build the store first if needed, so no start-up below includes it
    systems: list[tuple[str, Any, float]] = []
    start = time.perf_counter()
    baseline = open_lexicon(mode="baseline", build=False)
    systems.append(("baseline (word by word)", baseline.translate, time.perf_counter() - start))
    start = time.perf_counter()
    if engine == "argos":
        from dolmetsch.engine import load_engine

        chosen = load_engine("argos")
        systems.append((chosen.info.describe(), chosen.translate, time.perf_counter() - start))
        return systems
    lexicon = open_lexicon(build=False)
    systems.append((lexicon.info.describe(), _scored(lexicon), time.perf_counter() - start))
    if ablation:
        path = lexicon.store.path
        no_prepositions = LexiconEngine(Store(path))
        no_prepositions.use_learned_prepositions = False
        no_phrases = LexiconEngine(Store(path))
        no_phrases.use_learned_prepositions = False
        no_phrases.use_learned_phrases = False
        no_alignment = LexiconEngine(Store(path, replace(DEFAULT, aligned=0.0)))
        no_learning = LexiconEngine(Store(path, replace(DEFAULT, learned=0.0, aligned=0.0)))
        no_learning.use_learned_phrases = False
        no_learning.use_learned_prepositions = False
        with_lm = LexiconEngine(Store(path, replace(DEFAULT, lm=0.5, beam_senses=3)))
        systems += [
            ("  without IBM Model 1 priors", no_alignment.translate, 0.0),
            ("  without learned prepositions", no_prepositions.translate, 0.0),
            ("  without learned prepositions, phrases", no_phrases.translate, 0.0),
            ("  without prepositions, phrases, priors", no_learning.translate, 0.0),
            ("  with the news bigram LM (0.5, 3 senses)", with_lm.translate, 0.0),
        ]
    return systems


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation (ties get their average rank)."""

    def ranks(values: Sequence[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        out = [0.0] * len(values)
        k = 0
        while k < len(order):
            j = k
            while j + 1 < len(order) and values[order[j + 1]] == values[order[k]]:
                j += 1
            for m in range(k, j + 1):
                out[order[m]] = (k + j) / 2
            k = j + 1
        return out

    ra, rb = ranks(a), ranks(b)
    mean_a, mean_b = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(ra, rb, strict=True))
    var_a = sum((x - mean_a) ** 2 for x in ra)
    var_b = sum((y - mean_b) ** 2 for y in rb)
    return cov / (var_a * var_b) ** 0.5 if var_a and var_b else 0.0


def score(name: str, translate: Any, startup: float, test_set: str, limit: int) -> Score:
    import sacrebleu

    source = read_lines(WMT / f"{test_set}.de-en.de", limit)
    reference = read_lines(WMT / f"{test_set}.de-en.en", limit)
    start = time.perf_counter()
    result = translate(source)
    seconds = time.perf_counter() - start
    confidences: list[float] | None = None
    if isinstance(result, tuple):
        hypotheses, confidences = result
    else:
        hypotheses = result
    chrf = sacrebleu.corpus_chrf(hypotheses, [reference]).score
    bleu = sacrebleu.corpus_bleu(hypotheses, [reference]).score
    correlation = None
    if confidences is not None:
        sentence_chrf = [
            sacrebleu.sentence_chrf(h, [r]).score
            for h, r in zip(hypotheses, reference, strict=True)
        ]
        correlation = spearman(confidences, sentence_chrf)
    return Score(
        name, test_set, chrf, bleu, len(source), len(source) / seconds, startup, correlation
    )


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
            systems = open_systems(args.engine, args.ablation)
        except DolmetschError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        rows += [score(*system, test_set, args.limit) for system in systems]
    print(
        f"{'test set':13} {'system':42} {'chrF':>6} {'BLEU':>6} {'sent/s':>8} {'start s':>8} "
        f"{'conf rho':>8}"
    )
    for r in rows:
        rho = f"{r.rank_correlation:8.3f}" if r.rank_correlation is not None else f"{'':8}"
        print(
            f"{r.test_set:13} {r.system:42} {r.chrf:6.2f} {r.bleu:6.2f} "
            f"{r.per_second:8.0f} {r.startup:8.3f} {rho}"
        )
    print("sacrebleu corpus_chrf / corpus_bleu, default settings; sent/s on one core, cold caches")
    print("conf rho: Spearman rank correlation of the confidence with sentence-level chrF")
    print("(the lexicon row includes computing the confidence; ablation rows share its caches)")
    command = ["python", "bench/quality.py", *(sys.argv[1:] if argv is None else argv)]
    print("command:", shlex.join(command))
    return 0


if __name__ == "__main__":
    sys.exit(main())
