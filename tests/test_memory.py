"""The translation memory: reruns translate nothing, human corrections are never lost."""

from __future__ import annotations

import html
import re
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.engine import load_engine
from dolmetsch.glossary import load_default_glossary
from dolmetsch.memory import Hit, HumanImport, TranslationMemory, TranslationMemoryError
from dolmetsch.pipeline import discover, run_batch
from dolmetsch.provenance import HUMAN, Provenance
from dolmetsch.testing import CountingEngine
from dolmetsch.tmx import parse_tmx
from dolmetsch.tsv import parse_tsv


def batch(seeds: Path, out: Path, memory_path: Path, packages: Path) -> tuple[int, object]:
    engine = CountingEngine(load_engine("argos", packages_dir=packages))
    with TranslationMemory(memory_path) as memory:
        summary = run_batch(
            discover(seeds), out, engine, glossary=load_default_glossary(), memory=memory
        )
    return engine.sentences, summary


def test_rerun_on_unchanged_articles_calls_the_engine_zero_times(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "tm.sqlite"
    first, summary = batch(seeds_copy, tmp_path / "a", memory, installed_tiny)
    assert "from the translation memory" not in summary.line()  # type: ignore[attr-defined]
    second, summary = batch(seeds_copy, tmp_path / "b", memory, installed_tiny)
    assert first > 150
    assert second == 0
    # the summary says where the sentences came from, not that they were translated again
    assert summary.remembered == summary.sentences == first  # type: ignore[attr-defined]
    assert f"({first} sentences, all from the translation memory)" in summary.line()  # type: ignore[attr-defined]
    for path in sorted((tmp_path / "a").iterdir()):
        assert (tmp_path / "b" / path.name).read_bytes() == path.read_bytes(), path.name


def test_changed_sentence_is_the_only_one_translated(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "tm.sqlite"
    batch(seeds_copy, tmp_path / "out", memory, installed_tiny)
    article = seeds_copy / "003_7d2f2778bef5b441.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n\nEin neuer Satz.\n", "utf-8")
    sentences, summary = batch(seeds_copy, tmp_path / "out", memory, installed_tiny)
    assert sentences == 1
    total = summary.sentences  # type: ignore[attr-defined]
    assert summary.articles == 1  # type: ignore[attr-defined]
    assert summary.remembered == total - 1  # type: ignore[attr-defined]
    assert f"({total} sentences, {total - 1} from the translation memory)" in summary.line()  # type: ignore[attr-defined]


def _edit(po_path: Path, msgctxt: str, new: str, *, clear_fuzzy: bool) -> str:
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgctxt == msgctxt)
    entry.msgstr = new
    if clear_fuzzy:
        entry.flags.remove("fuzzy")
    po.save(str(po_path))
    return str(entry.msgid)


@pytest.mark.parametrize("clear_fuzzy", [True, False], ids=["reviewed", "edited-still-fuzzy"])
def test_post_edit_round_trip(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path, clear_fuzzy: bool
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    po_path = out / "004_afa19b5bb09a82e9.po"
    corrected = "Trump claims to have phoned Putin - time unclear"
    source = _edit(po_path, "h1.s1", corrected, clear_fuzzy=clear_fuzzy)

    sentences, summary = batch(seeds_copy, out, memory, installed_tiny)
    assert sentences == 0
    assert "; 1 human edit kept" in summary.line()  # type: ignore[attr-defined]
    entry = next(e for e in polib.pofile(str(po_path)) if e.msgctxt == "h1.s1")
    assert (entry.msgstr, entry.flags) == (corrected, [])
    assert "human translation" in entry.comment
    rows = parse_tsv((out / "004_afa19b5bb09a82e9.tsv").read_text(encoding="utf-8"))
    assert ("h1.s1", source, corrected) in rows
    tmx = parse_tmx((out / "004_afa19b5bb09a82e9.tmx").read_text(encoding="utf-8"))
    assert ("004_afa19b5bb09a82e9:h1.s1", source, corrected) in tmx
    assert ("004_afa19b5bb09a82e9:h1.s1", source, corrected) in parse_tmx(
        (out / "corpus.tmx").read_text(encoding="utf-8")
    )
    page = (out / "004_afa19b5bb09a82e9.html").read_text(encoding="utf-8")
    row = page[page.index('data-id="h1.s1"') :]
    # glossary terms are marked in a person's English too: read it without the marks
    text = re.sub(r"</?mark[^>]*>", "", row[: row.index('data-id="p2.s1"')])
    assert html.escape(corrected, quote=False) in text
    with TranslationMemory(memory) as tm:
        assert tm.counts().human == 1
        assert tm.human_target(source) == corrected


def test_unreviewed_machine_output_is_not_taken_for_an_edit(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch(seeds_copy, out, tmp_path / "tm1.sqlite", installed_tiny)
    # a new, empty memory cannot know what the machine said: fuzzy entries stay machine
    _, summary = batch(seeds_copy, out, tmp_path / "tm2.sqlite", installed_tiny)
    assert "human" not in summary.line()  # type: ignore[attr-defined]
    with TranslationMemory(tmp_path / "tm2.sqlite") as tm:
        assert tm.counts().human == 0


def test_glossary_flags_but_never_rewrites_a_human_translation(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    po_path = out / "000_711f6cf1b5bfa63b.po"
    _edit(
        po_path, "p2.s5", "There was no direct contact between Moscow and Kiev.", clear_fuzzy=True
    )
    _, summary = batch(seeds_copy, out, memory, installed_tiny)
    entry = next(e for e in polib.pofile(str(po_path)) if e.msgctxt == "p2.s5")
    assert entry.msgstr == "There was no direct contact between Moscow and Kiev."
    assert "glossary FAILED: Kyiv" in entry.comment
    # the person's spelling is theirs, not a term the engine failed to enforce
    counts = summary.glossary  # type: ignore[attr-defined]
    assert (counts.failed, counts.human) == (0, 1)
    assert "1 term in human translations spelled otherwise" in summary.line()  # type: ignore[attr-defined]


def test_unreadable_edited_po_is_never_overwritten(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", tmp_path / "tm.sqlite"
    batch(seeds_copy, out, memory, installed_tiny)
    broken = out / "002_fbae6da8cd196471.po"
    broken.write_text('msgid "unterminated\n', encoding="utf-8")
    _, summary = batch(seeds_copy, out, memory, installed_tiny)
    assert broken.read_text(encoding="utf-8") == 'msgid "unterminated\n'
    failures = summary.failures  # type: ignore[attr-defined]
    assert failures == (
        f"{broken}:1: cannot read the PO file to keep its edits (unterminated string: the line "
        'ends before its closing "); fix it or move it away: it was left as it is',
    )


def test_corrupt_memory_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(TranslationMemoryError, match="damaged or not a translation memory"):
        TranslationMemory(path)
    assert path.read_bytes() == b"this is not a database" * 100


def test_corrupt_memory_through_the_cli(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"garbage" * 1000)
    result = CliRunner().invoke(
        main, ["run", str(seeds_copy), "--out", str(tmp_path / "out"), "--memory", str(path)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dolmetsch: {path}: damaged or not a translation memory")
    assert not (tmp_path / "out").exists()


def test_human_wins_over_machine(tmp_path: Path) -> None:
    stamp = Provenance("argos", "m", "1", "g")
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store([("Hallo.", "Hello.", ())], "machine", stamp)
        assert tm.lookup(["Hallo."], stamp)["Hallo."].origin == "machine"
        assert tm.lookup(["Hallo."], Provenance("argos", "m", "2", "g")) == {}
        tm.store([("Hallo.", "Hi.", ())], "human", HUMAN)
        hit = tm.lookup(["Hallo."], Provenance("lexicon", "x", "y", "z"))["Hallo."]
        assert (hit.target, hit.origin) == ("Hi.", "human")


def test_tm_import_po_and_stats(tmp_path: Path) -> None:
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Guten Tag.", msgstr="Good day."))
    po.append(polib.POEntry(msgid="Leer.", msgstr=""))
    po.save(str(tmp_path / "a.po"))
    memory = tmp_path / "tm.sqlite"
    result = CliRunner().invoke(
        main, ["tm", "import", str(tmp_path / "a.po"), "--memory", str(memory)]
    )
    assert result.exit_code == 0
    assert (
        result.stdout == "imported 1 human and 0 machine translations, skipped 0 unreviewed "
        f"(fuzzy) entries from {tmp_path / 'a.po'} into {memory}\n"
    )
    result = CliRunner().invoke(main, ["tm", "stats", "--memory", str(memory)])
    assert result.stdout == f"{memory}: 0 machine, 1 human translation\n"


def test_tm_export_tmx_is_read_back(tmp_path: Path) -> None:
    from dolmetsch.tmx import parse_tmx

    memory = tmp_path / "tm.sqlite"
    with TranslationMemory(memory) as tm:
        tm.store([("Guten Tag.", "Good day.", ())], "human", HUMAN)
        tm.store(
            [("Danke <sehr>.", "Thanks & more.", ())], "machine", Provenance("a", "b", "c", "d")
        )
    out = tmp_path / "tm.tmx"
    result = CliRunner().invoke(main, ["tm", "export", str(out), "--memory", str(memory)])
    assert (result.exit_code, result.stdout) == (0, f"exported 2 translations to {out}\n")
    assert parse_tmx(out.read_text(encoding="utf-8")) == [
        ("tm:1", "Guten Tag.", "Good day."),
        ("tm:2", "Danke <sehr>.", "Thanks & more."),
    ]
    fresh = tmp_path / "fresh.sqlite"
    result = CliRunner().invoke(main, ["tm", "import", str(out), "--memory", str(fresh)])
    assert result.exit_code == 0
    with TranslationMemory(fresh) as tm:  # each unit keeps its origin
        assert (tm.counts().human, tm.counts().machine) == (1, 1)


def test_opening_to_read_never_creates(tmp_path: Path) -> None:
    from dolmetsch.errors import UsageError

    path = tmp_path / "missing" / "tm.sqlite"
    with pytest.raises(UsageError, match=r"tm\.sqlite: no such translation memory$"):
        TranslationMemory(path, create=False)
    assert not path.parent.exists()
    TranslationMemory(path).close()  # the default still creates one
    with TranslationMemory(path, create=False) as tm:
        assert tm.counts().human == 0


def test_export_units_name_what_made_each_unit(tmp_path: Path) -> None:
    stamp = Provenance("argos", "m", "1", "g")
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store([("Hallo.", "Hello.", ("a -> b",))], "machine", stamp)
        tm.store([("Hallo.", "Hi.", ())], "human", HUMAN)
        units = tm.export_units()
    assert [(u.source, u.target, u.origin, u.stamp, u.terms) for u in units] == [
        ("Hallo.", "Hi.", "human", HUMAN, ()),
        ("Hallo.", "Hello.", "machine", stamp, ("a -> b",)),
    ]


def test_add_human_keeps_the_memorys_differing_translation(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store_human([("Hallo.", "Hi.", "a#p1.s1"), ("Tschüss.", "Bye.", "a#p1.s2")])
        state = tm.state()
        found = tm.add_human(
            [
                ("Hallo.", "Hello.", "a#p1.s1"),  # an older translation of the same segment
                ("Hallo.", "Hello.", "b#p1.s1"),  # another segment: new
                ("Tschüss.", "Bye.", "a#p1.s2"),  # the memory has it already
                ("Tschüss.", "So long.", "b#p1.s2"),
                ("Tschüss.", "Cheerio.", "b#p1.s2"),  # the file's last for a segment counts
            ]
        )
        assert found == HumanImport(added=2, same=1, differing=1, replaced=False)
        assert found.taken == 3
        assert tm.human_target("Hallo.", "a#p1.s1") == "Hi."
        assert tm.human_target("Tschüss.", "b#p1.s2") == "Cheerio."
        assert tm.state() != state
        # all known or kept: nothing is written, the state that redoes outputs stays
        state = tm.state()
        again = [("Hallo.", "Hello.", "a#p1.s1"), ("Hallo.", "Hello.", "b#p1.s1")]
        assert tm.add_human(again) == HumanImport(0, 1, 1, replaced=False)
        assert tm.state() == state
        assert tm.counts().human == 4


def test_add_human_replace_takes_the_files_and_it_becomes_the_latest(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store_human([("Hallo.", "Hi.", "a#p1.s1"), ("Hallo.", "Hey.", "b#p1.s1")])
        state = tm.state()
        found = tm.add_human([("Hallo.", "Hello.", "a#p1.s1")], replace=True)
        assert (found, found.taken) == (HumanImport(0, 0, 1, replaced=True), 1)
        assert tm.human_target("Hallo.", "a#p1.s1") == "Hello."
        assert tm.human_target("Hallo.") == "Hello."  # what other segments now get
        assert tm.state() != state


def test_store_human_still_replaces_for_the_runs_own_edits(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store_human([("Hallo.", "Hi.", "a#p1.s1")])
        tm.store_human([("Hallo.", "Hello.", "a#p1.s1")])  # the person's newest edit wins
        assert tm.human_target("Hallo.", "a#p1.s1") == "Hello."


def test_forget_human_removes_one_segment_or_all_and_marks_outputs_stale(
    tmp_path: Path,
) -> None:
    stamp = Provenance("argos", "m", "1", "g")
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store([("Hallo.", "Hello there.", ())], "machine", stamp)
        tm.store_human([("Hallo.", "Hi.", "a#p1.s1"), ("Hallo.", "Hey.", "b#p1.s1"),
                        ("Hallo.", "Yo.", ""), ("Danke.", "Thanks.", "a#p1.s2")])  # fmt: skip
        state = tm.state()
        assert tm.forget_human("Hallo.", "a#p1.s1") == 1
        assert tm.state() != state
        assert tm.human_target("Hallo.", "a#p1.s1") is None
        # taken back there: that segment gets no other human translation, the machine's
        assert tm.lookup_segments(["Hallo."], ["a#p1.s1"], stamp)[0] == Hit(
            "Hello there.", "machine"
        )
        assert tm.lookup_segments(["Hallo."], ["c#p1.s1"], stamp)[0] == Hit("Yo.", "human", (), "")
        state = tm.state()
        assert tm.forget_human("Hallo.", "a#p1.s1") == 0
        assert tm.state() == state  # nothing removed: outputs are not redone
        assert tm.forget_human("Hallo.") == 2
        assert tm.lookup(["Hallo."], stamp)["Hallo."] == Hit("Hello there.", "machine")
        assert tm.human_target("Danke.") == "Thanks."
