#!/usr/bin/env python3
"""Precision and recall of `dolmetsch glossary suggest` on the seeds (issue 13).

Runs the real command on a corpus and judges every NEW line against a labelled list
(``tests/data/suggest_seed_labels.tsv`` for the seeds): each spelling the command may list,
"name" (with the entity it is) or "not-a-name", judged by reading the articles.  A NEW line
is right when all its spellings are names of one entity that the glossary in use does not
cover (no entry has that English form); a common noun, a title plus a name, two entities
in one line, or a name the glossary covers already, is wrong.

    precision = right NEW lines / NEW lines listed
    recall    = uncovered entities with a right NEW line / uncovered entities in the labels

Recall is over every name entity of the labels (lower-case agency credits included), so
that listing nothing cannot score.  Four runs: the shipped glossary alone and an empty one
(every name is then new), each with the lexicon store's dictionary and without it (as when
Ding is not installed: ``DOLMETSCH_DING`` pointing nowhere).

    python bench/suggest.py [--corpus PATH...] [--labels FILE] [--show]

``--corpus`` takes article files or folders (default: seeds/), or a labelled sentence set
(``*.tsv``: its first column, as one article per set); ``--show`` prints each NEW line with
its verdict; ``--precision-only`` is for labels that hold only the listed spellings
(``tests/data/suggest_variants_labels.tsv``, for the sentences of the unlisted-variant sets):
the shipped glossary only, no recall.  A spelling the labels lack is reported and counted
wrong, and the exit code is then 1: label it and run again.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LABELS = ROOT / "tests" / "data" / "suggest_seed_labels.tsv"
SHIPPED = ROOT / "glossary" / "terms.tsv"
_SPELLING = re.compile(r"(.+?) \((\d+)\)(?:, |$)")


@dataclass(frozen=True)
class Label:
    name: bool
    entity: str


@dataclass(frozen=True)
class Line:
    target: str
    spellings: tuple[str, ...]


def load_labels(path: Path) -> dict[str, Label]:
    labels: dict[str, Label] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    for number, line in enumerate(lines[1:], start=2):  # after the header row
        if line.startswith("#") or line.startswith("spelling\t"):
            continue
        spelling, judgement, entity, *_ = [*line.split("\t"), "", ""]
        if judgement not in ("name", "not-a-name") or (judgement == "name") != bool(entity):
            raise SystemExit(f"{path}:{number}: want spelling, name ENTITY or not-a-name")
        if spelling in labels:
            raise SystemExit(f"{path}:{number}: {spelling!r} labelled twice")
        labels[spelling] = Label(judgement == "name", entity)
    return labels


def glossary_targets(path: Path) -> set[str]:
    from dolmetsch.glossary import load_glossary

    return {entry.target for entry in load_glossary(path).entries}


def run_suggest(corpus: Sequence[Path], glossary: Path, dictionary: bool) -> list[Line]:
    """The NEW lines of the real command, with ``glossary`` alone."""
    env = dict(os.environ)
    if not dictionary:
        env["DOLMETSCH_DING"] = str(Path(tempfile.gettempdir()) / "no-ding-here")
    command = [sys.executable, "-m", "dolmetsch", "glossary", "suggest", *map(str, corpus)]
    command += ["--glossary", str(glossary), "--glossary-only"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    found: list[Line] = []
    for row in done.stdout.splitlines():
        target, spellings, status = row.split("\t")
        if status == "NEW":
            found.append(Line(target, tuple(m.group(1) for m in _SPELLING.finditer(spellings))))
    return found


@dataclass(frozen=True)
class Score:
    listed: int
    right: int
    uncovered: frozenset[str]
    found: frozenset[str]
    unlabelled: frozenset[str]

    def line(self, title: str, recall: bool = True) -> str:
        share = f"{100 * self.right / self.listed:.1f} %" if self.listed else "n/a"
        text = (
            f"{title}: {self.listed} NEW listed, {self.right} real names not yet covered: "
            f"precision {share} ({self.right}/{self.listed})"
        )
        if not recall:
            return text
        missed = sorted(self.uncovered - self.found)
        shown = ", ".join(missed[:8]) + (", ..." if len(missed) > 8 else "")
        return f"{text}; recall {len(self.found)}/{len(self.uncovered)} uncovered entities" + (
            f" (missed: {shown})" if missed else ""
        )


def judge(line: Line, labels: dict[str, Label], covered: set[str]) -> str | None:
    """The entity a NEW line rightly proposes, or None."""
    found = [labels.get(s) for s in line.spellings]
    if any(label is None or not label.name for label in found):
        return None
    entities = {label.entity for label in found if label is not None}
    if len(entities) != 1:
        return None
    (entity,) = entities
    return None if entity in covered else entity


def score(lines: list[Line], labels: dict[str, Label], covered: set[str], show: bool) -> Score:
    right = 0
    found: set[str] = set()
    unlabelled: set[str] = set()
    for line in lines:
        unlabelled.update(s for s in line.spellings if s not in labels)
        entity = judge(line, labels, covered)
        if entity is not None:
            right += 1
            found.add(entity)
        if show:
            verdict = "right" if entity else "WRONG"
            print(f"  {verdict:5}  {line.target}\t{', '.join(line.spellings)}")
    entities = {label.entity for label in labels.values() if label.name}
    return Score(
        len(lines), right, frozenset(entities - covered), frozenset(found), frozenset(unlabelled)
    )


def corpus_paths(sources: Sequence[Path], scratch: Path) -> list[Path]:
    paths: list[Path] = []
    for source in sources:
        if source.suffix == ".tsv":  # a labelled sentence set: its sentences as one article
            rows = source.read_text(encoding="utf-8").splitlines()
            sentences = [r.split("\t")[0] for r in rows if r and not r.startswith("#")][1:]
            article = scratch / f"{source.stem}.txt"
            article.write_text("\n\n".join(dict.fromkeys(sentences)) + "\n", encoding="utf-8")
            paths.append(article)
        else:
            paths.append(source)
    return paths


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=[SEEDS])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--show", action="store_true", help="print each NEW line judged")
    parser.add_argument(
        "--precision-only",
        action="store_true",
        help="the labels hold only the listed spellings: no recall, the shipped glossary only",
    )
    args = parser.parse_args(argv)
    from dolmetsch.glossary import COLUMNS

    labels = load_labels(args.labels)
    names = [label for label in labels.values() if label.name]
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty.tsv"
        empty.write_text("\t".join(COLUMNS) + "\n", encoding="utf-8")
        corpus = corpus_paths(args.corpus, Path(scratch))
        print(
            f"corpus: {', '.join(_shown(p) for p in args.corpus)}; labels: {args.labels.name} "
            f"({len(names)} name spellings of {len({n.entity for n in names})} entities, "
            f"{len(labels) - len(names)} not-a-name)"
        )
        unlabelled: set[str] = set()
        glossaries = [(SHIPPED, "glossary/terms.tsv"), (empty, "empty glossary")]
        for glossary, title in glossaries[:1] if args.precision_only else glossaries:
            covered = glossary_targets(glossary)
            for dictionary in (True, False):
                where = "lexicon dictionary" if dictionary else "no dictionary"
                lines = run_suggest(corpus, glossary, dictionary)
                found = score(lines, labels, covered, args.show)
                print(found.line(f"{title}, {where}", not args.precision_only))
                unlabelled |= found.unlabelled
    if unlabelled:
        print(f"unlabelled spellings (counted wrong): {', '.join(sorted(unlabelled))}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
