#!/usr/bin/env python3
"""Precision and recall of unlisted-spelling recognition on a labelled set (issue 16).

The set, ``tests/data/unlisted_variants.tsv``, holds German news sentences written for this
purpose: spellings of glossary people and places that ``glossary/terms.tsv`` does not list
(``Selensky``, ``Ushakow``, ``Kyjiwer``, ``Selenskyi-Vertrauter``), and near misses that must
stay as they are (``Olena Selenska``, ``Tim Walz``, ``Donez``, ``Schweiß``).  Each row names
the spelling judged and the entity it is (or ``-``).

Recognition, per row: a positive is found (true positive) when an occurrence of its entity
covers the whole spelling; any occurrence overlapping a near miss, or one of another entity
on a positive, is a false positive.  A candidate (weak evidence, reported but not applied)
counts as not found.  ``--strict`` measures the glossary's listed spellings alone, as
``--strict-glossary`` runs.

``--engine lexicon|argos`` also translates every sentence with the glossary enforced and
checks the English: a positive is right when a rendering of its entity is there (``Zelensky``,
``Zelensky's``, ``Volodymyr Zelensky``) and the German spelling is not; a near miss is right
when no rendering of the entity it resembles appears.  ``argos`` is the installed de->en
package or, with none, the tiny copy model of the tests.

``--scan FILE...`` counts what is recognised in plain German text, one sentence a line (the
WMT test sets in ``../shared/data/wmt-dev``, say): every unlisted spelling found there is a
rewrite nobody labelled, so the list (``--show``) is a check of precision on real news.

    python bench/variants.py [--set FILE] [--strict] [--engine lexicon|argos] [--show]
    python bench/variants.py --scan FILE... [--show]
    python bench/variants.py --long-line WORDS...

``--long-line`` times recognition alone on one unpunctuated line of WORDS words (the seeds'
words, with an unlisted spelling every dozen words): with the listed spellings only, then
with unlisted ones too, so that the cost of the second is seen to grow with the length.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engines import open_engine

if TYPE_CHECKING:
    from dolmetsch.engine import Engine
    from dolmetsch.glossary import Glossary

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "unlisted_variants.tsv"


@dataclass(frozen=True)
class Row:
    sentence: str
    spelling: str
    expected: str  # the entity's English form, or "" for a near miss
    resembles: str
    line: int

    @property
    def span(self) -> tuple[int, int]:
        start = self.sentence.index(self.spelling)
        return start, start + len(self.spelling)


def read_set(path: Path = SET) -> list[Row]:
    rows: list[Row] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("sentence\t"):
            continue
        sentence, spelling, expected, resembles = line.split("\t")
        if spelling not in sentence:
            raise SystemExit(f"{path}:{number}: {spelling!r} is not in its sentence")
        rows.append(Row(sentence, spelling, "" if expected == "-" else expected, resembles, number))
    return rows


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int
    negatives: int
    positives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 1.0


def judge(row: Row, glossary: Glossary) -> tuple[bool, bool]:
    """``(found, wrong)``: the entity covers a positive's spelling; an occurrence is where
    none belongs (a near miss, or another entity)."""
    from dolmetsch.glossary import recognise

    start, end = row.span
    found = wrong = False
    for match in recognise(row.sentence, glossary).matches:
        if match.end <= start or match.start >= end:
            continue
        if row.expected and match.entry.target == row.expected:
            # a listed surname inside an unlisted full name is right, but not the whole name
            found = found or (match.start <= start and match.end >= end)
        else:
            wrong = True
    return found, wrong


def score(rows: Sequence[Row], glossary: Glossary, show: bool = False) -> Score:
    tp = fp = fn = 0
    for row in rows:
        found, wrong = judge(row, glossary)
        tp += found
        fp += wrong
        fn += bool(row.expected) and not found
        if show and (wrong or (row.expected and not found)):
            what = "false positive" if wrong else "missed"
            print(f"  line {row.line}: {what}: {row.spelling!r} ({row.expected or '-'})")
    positives = sum(1 for r in rows if r.expected)
    return Score(tp, fp, fn, len(rows) - positives, positives)


def _renderings(glossary: Glossary, target: str) -> re.Pattern[str] | None:
    entry = glossary.get(target)
    if entry is None:
        return None
    forms = sorted(entry.renderings, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)")


def end_to_end(
    rows: Sequence[Row], glossary: Glossary, engine: Engine, show: bool = False
) -> tuple[int, int, int, int]:
    """``(positives right, positives, near misses right, near misses)`` in the English."""
    from dolmetsch.glossary import translate_with_glossary

    restored = translate_with_glossary(engine.translate, [r.sentence for r in rows], glossary)
    right_pos = right_neg = 0
    for row, result in zip(rows, restored, strict=True):
        pattern = _renderings(glossary, row.expected or row.resembles)
        present = bool(pattern and pattern.search(result.text))
        if row.expected:
            ok = present and not re.search(rf"(?<!\w){re.escape(row.spelling)}(?!\w)", result.text)
            right_pos += ok
        else:
            ok = not present
            right_neg += ok
        if show and not ok:
            print(f"  line {row.line}: {row.spelling!r} -> {result.text}")
    positives = sum(1 for r in rows if r.expected)
    return right_pos, positives, right_neg, len(rows) - positives


def scan(paths: Sequence[Path], glossary: Glossary, show: bool) -> int:
    from collections import Counter

    from dolmetsch.glossary import recognise

    recognised: Counter[str] = Counter()
    candidates: Counter[str] = Counter()
    sentences = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += 1
            found = recognise(line, glossary)
            recognised.update(
                f"{m.text} -> {m.rendering}" for m in found.matches if m.spelling.unlisted
            )
            candidates.update(c.note for c in found.candidates)
    print(
        f"{sentences} sentences: {sum(recognised.values())} unlisted spellings recognised "
        f"({len(recognised)} distinct), {sum(candidates.values())} candidates reported"
    )
    if show:
        for kind, found_ in (("recognised", recognised), ("candidate", candidates)):
            for note, n in found_.most_common():
                print(f"  {kind}: {note} ({n})")
    return 0


UNLISTED = ("Selensky", "Selenskys", "Kyjiwer", "Peskoff", "Wolodymyr Selensky", "Ushakow",
            "Saporoschschje", "Syrskyy-Stab", "Kyjiw", "Rußlands")  # fmt: skip


def long_line(sizes: Sequence[int], glossary: Glossary) -> int:
    import dataclasses
    import random
    import time

    from dolmetsch.glossary import recognise
    from dolmetsch.glossary.variants import is_german_word

    words = sorted(set(re.findall(r"[^\W\d_]+", " ".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    ))))  # fmt: skip
    strict = dataclasses.replace(glossary, strict=True)
    is_german_word("Haus")  # the dictionary loads once per process: not part of the timing
    print("   words   listed s  +unlisted s  unlisted found")
    for size in sizes:
        rng = random.Random(16)
        line = " ".join(
            rng.choice(UNLISTED) if rng.randrange(12) == 0 else rng.choice(words)
            for _ in range(size)
        )
        timed = []
        for g in (strict, glossary):
            start = time.perf_counter()
            found = recognise(line, g)
            timed.append(time.perf_counter() - start)
        unlisted = sum(1 for m in found.matches if m.spelling.unlisted)
        print(f"{size:8d} {timed[0]:10.2f} {timed[1]:12.2f} {unlisted:15d}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=SET, help="the labelled set (TSV)")
    parser.add_argument("--strict", action="store_true", help="listed spellings only")
    parser.add_argument("--engine", choices=("lexicon", "argos"), help="also translate")
    parser.add_argument("--show", action="store_true", help="list every error")
    parser.add_argument("--scan", type=Path, nargs="+", metavar="FILE", help="plain text")
    parser.add_argument("--long-line", type=int, nargs="+", metavar="WORDS")
    args = parser.parse_args(argv)

    import dataclasses

    from dolmetsch.glossary import load_default_glossary

    glossary = load_default_glossary()
    if args.strict:
        glossary = dataclasses.replace(glossary, strict=True)
    if args.scan:
        return scan(args.scan, glossary, args.show)
    if args.long_line:
        return long_line(args.long_line, glossary)
    rows = read_set(args.set)
    entities = len({r.expected for r in rows if r.expected})
    result = score(rows, glossary, args.show)
    print(
        f"set: {result.positives} unlisted spellings of {entities} entities, "
        f"{result.negatives} near misses ({args.set.name})"
    )
    found = result.true_positives + result.false_positives
    precision = f"{100 * result.precision:.1f} %" if found else "-"
    print(
        f"recognition{' (strict)' if args.strict else ''}: precision {precision} "
        f"({result.true_positives}/{found}), recall {100 * result.recall:.1f} % "
        f"({result.true_positives}/{result.positives})"
    )
    if args.engine:
        with tempfile.TemporaryDirectory() as work:
            engine = open_engine(args.engine, Path(work))
            pos, n_pos, neg, n_neg = end_to_end(rows, glossary, engine, args.show)
        print(
            f"{engine.info.describe()}: canonical form in the English for {pos}/{n_pos} "
            f"unlisted spellings ({100 * pos / n_pos:.1f} %); {neg}/{n_neg} near misses "
            f"left alone ({100 * neg / n_neg:.1f} %)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
