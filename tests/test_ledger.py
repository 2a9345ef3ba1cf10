"""The output ledger: unchanged articles are kept as they are, anything changed is redone."""

from __future__ import annotations

import functools
from pathlib import Path

import polib
import pytest

from dolmetsch.engine import load_engine
from dolmetsch.glossary import glossary_hash, load_default_glossary, make_glossary
from dolmetsch.ledger import LEDGER_NAME, Ledger
from dolmetsch.memory import TranslationMemory
from dolmetsch.pipeline import RunSummary, discover, run_batch
from dolmetsch.provenance import HUMAN
from dolmetsch.testing import CountingEngine

STEM = "003_7d2f2778bef5b441"


def batch(
    seeds: Path, out: Path, memory_path: Path, packages: Path, **options: object
) -> tuple[int, RunSummary]:
    engine = CountingEngine(load_engine("argos", packages_dir=packages))
    glossary = options.pop("glossary", load_default_glossary())
    with TranslationMemory(memory_path) as memory:
        summary = run_batch(
            discover(seeds),
            out,
            engine,
            glossary=glossary,
            memory=memory,
            **options,  # type: ignore[arg-type]
        )
    return engine.sentences, summary


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every output's bytes and modification time (the ledger and the lock are not outputs)."""
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.iterdir())
        if not p.name.startswith(".")
    }


def test_unchanged_articles_are_kept_without_rewriting(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    _, first = batch(seeds_copy, out, memory, installed_tiny)
    assert (first.articles, first.kept) == (5, 0)
    before = snapshot(out)
    sentences, again = batch(seeds_copy, out, memory, installed_tiny)
    assert (sentences, again.articles, again.kept, again.sentences) == (0, 0, 5, 0)
    assert "translated 0 articles (0 sentences) and kept 5 unchanged with" in again.line()
    assert snapshot(out) == before  # same bytes, and not even rewritten


def test_a_changed_source_is_redone_and_the_rest_kept(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    article = seeds_copy / f"{STEM}.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n\nEin neuer Satz.\n", "utf-8")
    sentences, summary = batch(seeds_copy, out, memory, installed_tiny)
    assert (sentences, summary.articles, summary.kept) == (1, 1, 4)
    assert "Ein neuer Satz." in (out / f"{STEM}.tsv").read_text(encoding="utf-8")
    assert "Ein neuer Satz." in (out / "corpus.tmx").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["deleted", "torn"])
def test_a_missing_or_torn_output_is_written_again(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, damage: str
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    page = out / f"{STEM}.html"
    good = page.read_bytes()
    if damage == "deleted":
        page.unlink()
    else:  # what a power cut after an unflushed rename leaves
        page.write_bytes(b"")
    sentences, summary = batch(seeds_copy, out, memory, installed_tiny)
    assert (sentences, summary.articles, summary.kept, summary.ok) == (0, 1, 4, True)
    assert page.read_bytes() == good


def test_an_output_a_person_changed_is_left_alone_and_reported(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    page = out / f"{STEM}.html"
    scribbled = page.read_bytes().replace(b"</body>", b"<p>my notes</p></body>")
    page.write_bytes(scribbled)
    glossary = make_glossary(load_default_glossary().entries[1:])  # every output changes
    _, summary = batch(seeds_copy, out, memory, installed_tiny, glossary=glossary)
    assert page.read_bytes() == scribbled
    assert summary.failures == (
        f"{page}: changed since dolmetsch wrote it; it was left as it is: move it away to "
        "have it written again (corrections belong in the .po file)",
    )
    po = polib.pofile(str(out / f"{STEM}.po"))  # the article's other outputs are written
    assert po.metadata["X-Dolmetsch-Glossary"] == glossary_hash(glossary)
    page.unlink()
    _, again = batch(seeds_copy, out, memory, installed_tiny, glossary=glossary)
    assert again.ok and page.read_bytes() != scribbled


def test_outputs_from_another_glossary_are_not_kept(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    glossary = load_default_glossary()
    smaller = make_glossary(glossary.entries[1:])
    _, summary = batch(seeds_copy, out, memory, installed_tiny, glossary=smaller)
    assert (summary.articles, summary.kept) == (5, 0)


def test_a_human_translation_from_a_cat_tool_reaches_kept_articles(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    entry = next(e for e in polib.pofile(str(out / f"{STEM}.po")) if e.msgctxt == "p1.s1")
    with TranslationMemory(memory) as tm:  # as `dolmetsch tm import FILE.tmx` does
        tm.store([(entry.msgid, "A reviewer's sentence.", ())], "human", HUMAN)
    sentences, summary = batch(seeds_copy, out, memory, installed_tiny)
    assert (sentences, summary.kept) == (0, 0)
    again = next(e for e in polib.pofile(str(out / f"{STEM}.po")) if e.msgctxt == "p1.s1")
    assert again.msgstr == "A reviewer's sentence."


def test_a_damaged_ledger_is_started_again(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    (out / LEDGER_NAME).write_bytes(b"not a database" * 200)
    sentences, summary = batch(seeds_copy, out, memory, installed_tiny)
    assert (sentences, summary.articles, summary.kept, summary.ok) == (0, 5, 0, True)
    with Ledger(out) as ledger:
        assert ledger.get(STEM) is not None
    _, third = batch(seeds_copy, out, memory, installed_tiny)
    assert third.kept == 5


def test_without_a_memory_nothing_is_kept(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    engine = CountingEngine(load_engine("argos", packages_dir=installed_tiny))
    out = tmp_path / "out"
    for _ in range(2):
        summary = run_batch(discover(seeds_copy), out, engine)
        assert (summary.articles, summary.kept) == (5, 0)
    assert engine.sentences == 2 * 189


def test_two_jobs_give_the_same_bytes_as_one(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    spawn = functools.partial(load_engine, "argos", None, installed_tiny)
    _, one = batch(seeds_copy, tmp_path / "one", tmp_path / "tm1.sqlite", installed_tiny)
    sentences, two = batch(
        seeds_copy, tmp_path / "two", tmp_path / "tm2.sqlite", installed_tiny,
        jobs=2, spawn_engine=spawn,
    )  # fmt: skip
    assert sentences == 0  # the workers translated, not this process's engine
    assert (two.articles, two.sentences, two.glossary) == (5, one.sentences, one.glossary)
    first = {k: v[0] for k, v in snapshot(tmp_path / "one").items()}
    assert {k: v[0] for k, v in snapshot(tmp_path / "two").items()} == first
    with TranslationMemory(tmp_path / "tm2.sqlite") as tm:
        assert tm.counts().machine > 150  # the workers stored their translations
