#!/usr/bin/env python3
"""Glossary enforcement against an engine that mangles placeholders as NMT does (issue 15).

Every translatable sentence of the seeds is protected with the glossary, translated by the
inner engine, its placeholders corrupted by ``dolmetsch.hostile.HostileEngine`` (one kind
at a time, then the realistic mix), and restored.  Per kind, the table gives:

* ``terms``: glossary occurrences in the German; ``canonical``: those whose canonical
  English form is in the output (``glossary.term_accuracy``), and the term accuracy;
* ``repaired`` / ``failed``: enforcement's own counts (a mangled, moved or lost placeholder
  put right; an occurrence it could not place);
* ``extra``: renderings beyond the German's occurrences (a repeated name), ``wrong``:
  German, forbidden or unlisted (``Selenskyi``) spellings left, ``left``: placeholders
  left, ``bad``: a rendering with a doubled ending (``Putin's's``); all four must be 0;
* ``same``: sentences identical to the enforced output of the same engine without
  corruption (a moved or dropped name lands elsewhere, so these kinds score lower).

    python bench/hostile.py [--engine dictionary|lexicon] [--seed N ...] [--glossary FILE]

``dictionary`` is the hostile module's small word-by-word engine (no store needed);
``lexicon`` the dictionary engine of dolmetsch (its store is built on first use).  With
several ``--seed`` values each kind is run once per seed and the counts are summed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dolmetsch.engine import Engine
    from dolmetsch.glossary import Glossary
    from dolmetsch.hostile import Plan, Score

ROOT = Path(__file__).resolve().parent.parent


def measure(
    inner: Engine, plan: Plan, seed: int, sentences: list[str], glossary: Glossary
) -> Score:
    from dolmetsch.glossary import protect_all, restore_all
    from dolmetsch.hostile import HostileEngine, score, total

    protected = protect_all(sentences, glossary)
    texts = [p.text for p in protected]
    clean = restore_all(protected, inner.translate(texts))
    engine = HostileEngine(inner, plan, seed)
    engine.learn(protected)
    restored = restore_all(protected, engine.translate(texts))
    return total(
        score(german, r, glossary, c.text)
        for german, r, c in zip(sentences, restored, clean, strict=True)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["dictionary", "lexicon"], default="dictionary")
    parser.add_argument("--seed", type=int, nargs="+", default=[0])
    parser.add_argument("--glossary", type=Path, help="default: glossary/terms.tsv")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="the articles")
    args = parser.parse_args(argv)

    from dolmetsch.engine import load_engine
    from dolmetsch.glossary import load_default_glossary, load_glossary
    from dolmetsch.hostile import PLANS, DictionaryEngine, Score

    glossary = load_glossary(args.glossary) if args.glossary else load_default_glossary()
    inner: Engine = DictionaryEngine() if args.engine == "dictionary" else load_engine("lexicon")
    from dolmetsch.hostile import article_sentences

    sentences = article_sentences(args.seeds)
    print(
        f"{len(sentences)} sentences of {args.seeds.name}/, engine {inner.info.describe()}, "
        f"seed {' '.join(map(str, args.seed))}"
    )
    header = (
        "kind", "terms", "canonical", "accuracy", "repaired", "failed",
        "extra", "wrong", "left", "bad", "same",
    )  # fmt: skip
    print("  ".join(f"{h:>9}" if i else f"{h:<13}" for i, h in enumerate(header)))
    for plan in PLANS:
        s = sum((measure(inner, plan, seed, sentences, glossary) for seed in args.seed), Score())
        row = (
            plan, s.occurrences, s.canonical, f"{100 * s.accuracy:.1f} %", s.repaired,
            s.failed, s.extra, s.wrong, s.left, s.malformed, f"{s.same}/{s.sentences}",
        )  # fmt: skip
        print("  ".join(f"{v:>9}" if i else f"{v:<13}" for i, v in enumerate(row)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
