"""The run summary's wording: numbers and nouns agree, failed articles are articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from dolmetsch.engine import GIST_ONLY, EngineInfo
from dolmetsch.glossary import Counts
from dolmetsch.pipeline import RunSummary, describe_counts, describe_unlisted
from dolmetsch.wording import counted

ARGOS = EngineInfo("argos", "translate-de_en", "1.9")
OUT = Path("out")


def test_counted() -> None:
    assert counted(0, "article") == "0 articles"
    assert counted(1, "article") == "1 article"
    assert counted(2, "article") == "2 articles"
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"articles": 1, "sentences": 1, "given": 1},
            "translated 1 article (1 sentence) with argos (translate-de_en 1.9) in 0.7 s -> out",
        ),
        (
            {"articles": 2, "sentences": 14, "given": 2},
            "translated 2 articles (14 sentences) with argos (translate-de_en 1.9) in 0.7 s -> out",
        ),
        (  # the case: the 2 that failed are articles, not sentences
            {"articles": 1, "sentences": 14, "given": 3, "failures": ("a: x", "b: y")},
            "translated 1 article (14 sentences) with argos (translate-de_en 1.9) in 0.7 s -> "
            "out; 2 articles failed, each named on stderr",
        ),
        (
            {"articles": 2, "sentences": 14, "given": 3, "failures": ("a: x",)},
            "translated 2 articles (14 sentences) with argos (translate-de_en 1.9) in 0.7 s -> "
            "out; 1 article failed, named on stderr",
        ),
        (  # every article written, but one output refused: a problem, not a failed article
            {"articles": 2, "sentences": 5, "given": 2, "failures": ("a.po: changed",)},
            "translated 2 articles (5 sentences) with argos (translate-de_en 1.9) in 0.7 s -> "
            "out; 1 problem, named on stderr",
        ),
        (
            {"articles": 1, "sentences": 5, "given": 2, "failures": ("a: x", "b.po: changed")},
            "translated 1 article (5 sentences) with argos (translate-de_en 1.9) in 0.7 s -> "
            "out; 1 article failed (2 problems in all, each named on stderr)",
        ),
        (  # a run the memory stopped: one line names every article left out
            {"articles": 1, "sentences": 5, "given": 4, "failures": ("stopped: 3 articles",)},
            "translated 1 article (5 sentences) with argos (translate-de_en 1.9) in 0.7 s -> "
            "out; 3 articles failed, named on stderr",
        ),
        (
            {"kept": 5, "given": 5, "human_edits": 1, "withdrawn": 1, "conflicts": 1},
            "translated 0 articles (0 sentences) and kept 5 unchanged with argos "
            "(translate-de_en 1.9) in 0.7 s -> out; 1 human edit kept; 1 human translation "
            "withdrawn; 1 sentence has differing human translations, each used for its own "
            "segment (dolmetsch tm stats lists them)",
        ),
        (
            {"articles": 3, "sentences": 9, "given": 3, "human_edits": 2, "withdrawn": 3,
             "conflicts": 2},
            "translated 3 articles (9 sentences) with argos (translate-de_en 1.9) in 0.7 s -> "
            "out; 2 human edits kept; 3 human translations withdrawn; 2 sentences have "
            "differing human translations, each used for its own segment (dolmetsch tm stats "
            "lists them)",
        ),
        (  # a rerun after a PO edit remakes the articles from the memory alone
            {"articles": 2, "sentences": 14, "remembered": 14, "given": 2},
            "translated 2 articles (14 sentences, all from the translation memory) with argos "
            "(translate-de_en 1.9) in 0.7 s -> out",
        ),
        (
            {"articles": 1, "sentences": 14, "remembered": 13, "given": 1},
            "translated 1 article (14 sentences, 13 from the translation memory) with argos "
            "(translate-de_en 1.9) in 0.7 s -> out",
        ),
    ],
    ids=[
        "one", "several", "articles-failed", "one-failed", "problem-only", "both",
        "stopped", "singular-notes", "plural-notes", "all-remembered", "some-remembered",
    ],
)  # fmt: skip
def test_summary_line(fields: dict[str, object], expected: str) -> None:
    summary = RunSummary(engine=ARGOS, out_dir=OUT, seconds=0.7, **fields)  # type: ignore[arg-type]
    assert summary.line() == expected


def test_glossary_counts_agree_in_number() -> None:
    assert describe_counts(Counts(found=1, enforced=1)) == (
        "glossary: 1 term, 1 enforced, 0 repaired, 0 failed (term accuracy 100.0 %)"
    )
    assert describe_counts(Counts(found=2, enforced=1, failed=1)) == (
        "glossary: 2 terms, 1 enforced, 0 repaired, 1 failed (term accuracy 50.0 %)"
    )
    assert describe_counts(Counts(found=1, enforced=1, human=2)) == (
        "glossary: 1 term, 1 enforced, 0 repaired, 0 failed (term accuracy 100.0 %), "
        "2 terms in human translations spelled otherwise (flagged in their PO files, left as "
        "the person wrote them)"
    )
    assert describe_unlisted(Counts(unlisted=1, candidates=1), OUT) == (
        "; 1 unlisted spelling recognised, 1 candidate left as it is "
        "(dolmetsch glossary suggest --from-run out)"
    )
    assert describe_unlisted(Counts(unlisted=2, candidates=3), OUT) == (
        "; 2 unlisted spellings recognised, 3 candidates left as they are "
        "(dolmetsch glossary suggest --from-run out)"
    )


def test_only_the_dictionary_engine_carries_a_caution() -> None:
    assert EngineInfo("lexicon", "ding+de2en", "x").caution == GIST_ONLY
    assert GIST_ONLY == (
        "dictionary translation, for gist only; install a neural model with "
        "`dolmetsch model install`"
    )
    assert ARGOS.caution == ""
