"""A person's PO edits and outputs are never lost: adversarial cases through the real CLI.

Each case is a way the previous version lost or altered a person's work (issue 11); each
test runs ``python -m dolmetsch`` in a subprocess on real files and checks the person's
bytes afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import polib
import pytest

from dolmetsch.engine import Scored, load_engine
from dolmetsch.glossary import load_default_glossary, make_glossary
from dolmetsch.memory import TranslationMemory
from dolmetsch.pipeline import discover, run_batch
from dolmetsch.testing import CountingEngine
from dolmetsch.tsv import parse_tsv

STEM = "004_afa19b5bb09a82e9"


def dolmetsch(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dolmetsch", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def run(seeds: Path, out: Path, *options: str | Path) -> subprocess.CompletedProcess[str]:
    return dolmetsch("run", seeds, "--out", out, "--engine", "argos", *options)


def edit(po_path: Path, msgctxt: str, new: str, *, review: bool = True) -> str:
    """Change one msgstr as a PO editor does; returns the entry's German."""
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgctxt == msgctxt)
    entry.msgstr = new
    if review and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    po.save(str(po_path))
    return str(entry.msgid)


def msgstr(po_path: Path, msgctxt: str) -> str:
    return str(next(e for e in polib.pofile(str(po_path)) if e.msgctxt == msgctxt).msgstr)


@pytest.fixture
def translated(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    done = run(seeds_copy, out)
    assert done.returncode == 0, done.stderr
    return out


def test_no_memory_runs_never_replace_a_persons_translations(
    translated: Path, seeds_copy: Path
) -> None:
    po = translated / f"{STEM}.po"
    edit(po, "h1.s1", "A reviewer's headline")
    edited = po.read_bytes()
    others = {p.name: p.read_bytes() for p in translated.glob(f"{STEM}.*") if p != po}

    done = run(seeds_copy, translated, "--no-memory")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"dolmetsch: {po}: changed since dolmetsch wrote it; it was left as it is: "
        "--no-memory cannot keep its edits: run without --no-memory to take them into the "
        "memory, or move it away"
    ]
    assert po.read_bytes() == edited
    assert {p.name: p.read_bytes() for p in translated.glob(f"{STEM}.*") if p != po} == others

    done = run(seeds_copy, translated)
    assert done.returncode == 0, done.stderr
    assert "; 1 human edit kept" in done.stdout
    assert msgstr(po, "h1.s1") == "A reviewer's headline"
    # a later --no-memory run cannot make that translation again: the article is left alone
    shown = {p.name: p.read_bytes() for p in translated.glob(f"{STEM}.*")}
    done = run(seeds_copy, translated, "--no-memory")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"dolmetsch: {po}: shows 1 human translation, which --no-memory cannot reproduce; "
        "the article's outputs were left as they are: run without --no-memory"
    ]
    assert {p.name: p.read_bytes() for p in translated.glob(f"{STEM}.*")} == shown
    corpus = (translated / "corpus.tmx").read_text(encoding="utf-8")
    assert "A reviewer's headline" in corpus  # still in the corpus and the index, as kept
    assert STEM in (translated / "index.html").read_text(encoding="utf-8")


def test_the_same_sentence_keeps_each_articles_own_human_translation(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    shutil.copy(seeds_copy / f"{STEM}.txt", seeds_copy / "zz_copy.txt")
    out = tmp_path / "out"
    assert run(seeds_copy, out).returncode == 0
    german = edit(out / f"{STEM}.po", "p2.s1", "Translation for the first article.")
    assert edit(out / "zz_copy.po", "p2.s1", "Translation for the copy.") == german
    edit(out / "zz_copy.po", "h1.s1", "A headline only the copy has.")

    done = run(seeds_copy, out)
    assert done.returncode == 0, done.stderr
    assert "3 human edits kept" in done.stdout
    assert "1 sentence has differing human translations" in done.stdout
    assert msgstr(out / f"{STEM}.po", "p2.s1") == "Translation for the first article."
    assert msgstr(out / "zz_copy.po", "p2.s1") == "Translation for the copy."
    for stem, text in [(STEM, "the first article"), ("zz_copy", "the copy")]:
        rows = parse_tsv((out / f"{stem}.tsv").read_text(encoding="utf-8"))
        assert ("p2.s1", german, f"Translation for {text}.") in rows
    # a third article with that sentence gets the latest one; the others keep theirs
    shutil.copy(seeds_copy / f"{STEM}.txt", seeds_copy / "zz_third.txt")
    assert run(seeds_copy, out).returncode == 0
    assert msgstr(out / "zz_third.po", "p2.s1") == "Translation for the copy."
    assert msgstr(out / "zz_third.po", "h1.s1") == "A headline only the copy has."
    assert msgstr(out / f"{STEM}.po", "p2.s1") == "Translation for the first article."
    stats = dolmetsch("tm", "stats", "--conflicts")
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.splitlines()[1:] == [
        german,
        f"\t{out.resolve()}/zz_copy#p2.s1\tTranslation for the copy.",
        f"\t{out.resolve()}/{STEM}#p2.s1\tTranslation for the first article.",
    ]
    assert stats.stdout.splitlines()[0].endswith(
        "3 human translations, 1 with differing human translations"
    )


def test_a_reviewed_msgstr_equal_to_the_german_is_a_human_translation(
    translated: Path, seeds_copy: Path
) -> None:
    po = translated / f"{STEM}.po"
    # a quote left in German on purpose: the English is the German, reviewed
    german = str(next(e for e in polib.pofile(str(po)) if e.msgctxt == "h1.s1").msgid)
    edit(po, "h1.s1", german)
    done = run(seeds_copy, translated)
    assert done.returncode == 0, done.stderr
    entry = next(e for e in polib.pofile(str(po)) if e.msgctxt == "h1.s1")
    assert (entry.msgstr, entry.flags) == (german, [])
    assert "human translation" in entry.comment


def test_a_changed_msgid_is_reported_and_the_po_left_alone(
    translated: Path, seeds_copy: Path
) -> None:
    po = translated / f"{STEM}.po"
    doc = polib.pofile(str(po))
    entry = next(e for e in doc if e.msgctxt == "p2.s1")
    entry.msgid = entry.msgid.replace("Trump", "Tramp") + " (korrigiert)"
    entry.msgstr = "My translation of my German."
    entry.flags.remove("fuzzy")
    doc.save(str(po))
    edited = po.read_bytes()
    line = next(e for e in polib.pofile(str(po)) if e.msgctxt == "p2.s1").linenum
    page = (translated / f"{STEM}.html").read_bytes()

    done = run(seeds_copy, translated, "--no-glossary")  # another glossary: all re-rendered
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"dolmetsch: {po}:{line}: the German (msgid) of p2.s1 was changed; dolmetsch "
        f"translates {STEM}.txt, not the PO: correct the article or put the msgid back; the "
        "PO was left as it is"
    ]
    assert po.read_bytes() == edited
    assert (translated / f"{STEM}.html").read_bytes() != page  # its other outputs are written


def test_a_po_saved_during_the_run_is_not_overwritten(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    """The planner read the PO before the edit; the writer checks it again before the rename."""
    out, memory_path = tmp_path / "out", tmp_path / "tm.sqlite"
    engine = load_engine("argos", packages_dir=installed_tiny)
    with TranslationMemory(memory_path) as memory:
        run_batch(discover(seeds_copy), out, engine, memory=memory)
    po = out / f"{STEM}.po"
    saved: list[bytes] = []

    class PersonSavesMidRun(CountingEngine):
        """The real engine; while it translates, a person saves the PO in an editor."""

        def translate_scored(
            self, sentences: Sequence[str], progress: object = None
        ) -> list[Scored]:
            if not saved:
                edit(po, "h1.s1", "Saved while dolmetsch was translating")
                saved.append(po.read_bytes())
            return super().translate_scored(sentences)

    glossary = make_glossary(load_default_glossary().entries)  # a glossary: all redone
    with TranslationMemory(memory_path) as memory:
        summary = run_batch(
            discover(seeds_copy), out, PersonSavesMidRun(engine), glossary=glossary, memory=memory
        )
    assert saved and po.read_bytes() == saved[0]
    assert summary.failures == (
        f"{po}: changed since dolmetsch wrote it; it was left as it is: it was saved during "
        "this run: run again to take its edits into the memory",
    )
    with TranslationMemory(memory_path) as memory:
        again = run_batch(discover(seeds_copy), out, engine, glossary=glossary, memory=memory)
    assert again.ok and again.human_edits == 1
    assert msgstr(po, "h1.s1") == "Saved while dolmetsch was translating"


def test_two_runs_sharing_one_memory_at_once(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "shared.sqlite"
    first = run(seeds_copy, tmp_path / "a", "--memory", memory)
    assert first.returncode == 0
    edit(tmp_path / "a" / f"{STEM}.po", "h1.s1", "A human headline")
    assert run(seeds_copy, tmp_path / "a", "--memory", memory).returncode == 0
    # both translate every sentence afresh (no glossary) into the one memory at once
    command = [sys.executable, "-m", "dolmetsch", "run", str(seeds_copy), "--engine", "argos"]
    runs = [
        subprocess.Popen(
            [*command, "--out", str(tmp_path / name), "--memory", str(memory), "--no-glossary"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    results = [(p.wait(timeout=300), p.communicate()) for p in runs]
    for code, (_, stderr) in results:
        assert code == 0, stderr
    for name in ("a", "b"):
        assert msgstr(tmp_path / name / f"{STEM}.po", "h1.s1") == "A human headline"
    for path in sorted((tmp_path / "a").glob("*.tsv")):
        assert (tmp_path / "b" / path.name).read_bytes() == path.read_bytes()
    with TranslationMemory(memory) as tm:
        assert tm.counts().human == 1


def test_a_file_a_person_put_in_out_is_never_overwritten(
    translated: Path, seeds_copy: Path
) -> None:
    """Named like an output, but not written by dolmetsch: the ledger does not know it."""
    (seeds_copy / "notes.txt").write_text("Ein kurzer Satz.\n", encoding="utf-8")
    mine = {
        "notes.tsv": b"my own table\n",
        "notes.html": b"<p>mine</p>\n",
        "corpus.tmx": b"<tmx>my memory</tmx>\n",
    }
    (translated / "corpus.tmx").unlink()
    for name, data in mine.items():
        (translated / name).write_bytes(data)
    done = run(seeds_copy, translated)
    assert done.returncode == 1
    for name, data in mine.items():
        assert (translated / name).read_bytes() == data
    assert sorted(done.stderr.splitlines()) == [
        f"dolmetsch: {translated / 'corpus.tmx'}: changed since dolmetsch wrote it; it was "
        "left as it is: move it away to have it written again (corrections belong in the .po "
        "file)",
        *(
            f"dolmetsch: {translated / name}: not written by dolmetsch (its output ledger has "
            "no record of it); it was left as it is: move it away to have it written again"
            for name in ("notes.html", "notes.tsv")
        ),
    ]
    assert (translated / "notes.po").exists()  # what was not the person's is written


def test_a_po_gettext_would_reject_is_reported_and_nothing_half_read_is_stored(
    translated: Path, seeds_copy: Path
) -> None:
    po = translated / f"{STEM}.po"
    edit(po, "h1.s1", "A reviewer's headline")
    text = po.read_text(encoding="utf-8")
    broken = text.replace('msgstr "A reviewer\'s headline"', "msgstr \"A reviewer's headline")
    assert broken != text
    po.write_text(broken, encoding="utf-8")
    line = 1 + broken[: broken.index("msgstr \"A reviewer's headline")].count("\n")

    done = run(seeds_copy, translated)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0].startswith(
        f"dolmetsch: {po}:{line}: cannot read the PO file to keep its edits ("
    )
    assert done.stderr.splitlines()[0].endswith("fix it or move it away: it was left as it is")
    assert po.read_text(encoding="utf-8") == broken
    with TranslationMemory(Path(os.environ["DOLMETSCH_MEMORY"])) as memory:
        assert memory.counts().human == 0  # not the edit with its last character cut off


def test_an_edit_saved_while_a_real_run_goes_on_survives_it(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    """The editor beside a long run: the PO of an article the run has not reached yet is
    saved after the run started; the run leaves it alone and the next run takes it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(seeds_copy.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for n in range(4):  # with --jobs 2, windows of ~50 sentences: the last comes late
            (corpus / f"{path.stem}-{n:03d}.txt").write_text(
                text.replace(". ", f". ({n}) "), encoding="utf-8"
            )
    out = tmp_path / "out"
    assert run(corpus, out).returncode == 0
    last = sorted(out.glob("*.po"))[-1]
    before = {p: p.stat().st_mtime_ns for p in out.glob("*.tsv")}

    proc = subprocess.Popen(  # no glossary: every sentence goes to the engine again
        [sys.executable, "-m", "dolmetsch", "run", str(corpus), "--out", str(out),
         "--engine", "argos", "--no-glossary", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    while not any(p.stat().st_mtime_ns != t for p, t in before.items()):
        assert proc.poll() is None, "the run ended before it wrote anything"
        time.sleep(0.01)
    edit(last, "h1.s1", "Saved while the run was going")
    saved = last.read_bytes()
    _, stderr = proc.communicate(timeout=300)

    assert proc.returncode == 1, stderr
    assert stderr.splitlines() == [
        f"dolmetsch: {last}: changed since dolmetsch wrote it; it was left as it is: it was "
        "saved during this run: run again to take its edits into the memory"
    ]
    assert last.read_bytes() == saved
    done = run(corpus, out, "--no-glossary")
    assert done.returncode == 0, done.stderr
    assert "; 1 human edit kept" in done.stdout
    assert msgstr(last, "h1.s1") == "Saved while the run was going"
