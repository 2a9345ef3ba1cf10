"""Ways a hostile tester still lost or altered a person's work after the first fixes.

Each test reproduces one finding through the real CLI on real files (in this process, with
click's runner: the subprocess cases are in test_user_state_po.py) and checks the person's
bytes or translations afterwards.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from test_user_state_po import STEM, edit, msgstr

from dolmetsch.cli import main
from dolmetsch.files import write_if_changed
from dolmetsch.ledger import LEDGER_NAME, Ledger, note_pending
from dolmetsch.memory import TranslationMemory, context


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def dolmetsch(*args: str | Path) -> Done:
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Done(result.exit_code, result.stdout, result.stderr)


def run(seeds: Path, out: Path, *options: str | Path) -> Done:
    return dolmetsch("run", seeds, "--out", out, "--engine", "argos", *options)


@pytest.fixture
def translated(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    done = run(seeds_copy, out)
    assert done.returncode == 0, done.stderr
    return out


def test_a_new_memory_does_not_wipe_the_human_translations_in_out(
    translated: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    po = translated / f"{STEM}.po"
    edit(po, "h1.s1", "Mine, reviewed.")
    assert run(seeds_copy, translated).returncode == 0
    for stale in tmp_path.glob("memory.sqlite*"):
        stale.unlink()  # a wiped ~/.local/share, another machine
    done = run(seeds_copy, translated)
    assert done.returncode == 0, done.stderr
    assert msgstr(po, "h1.s1") == "Mine, reviewed."
    other = run(seeds_copy, translated, "--memory", tmp_path / "other.sqlite")
    assert other.returncode == 0, other.stderr
    assert msgstr(po, "h1.s1") == "Mine, reviewed."
    with TranslationMemory(tmp_path / "other.sqlite") as memory:
        assert memory.counts().human == 1


def test_two_output_folders_sharing_a_memory_keep_their_own_translations(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    anna, ben = tmp_path / "anna", tmp_path / "ben"
    for out in (anna, ben):
        assert run(seeds_copy, out).returncode == 0
    edit(anna / f"{STEM}.po", "h1.s1", "X by Anna.")
    assert run(seeds_copy, anna).returncode == 0
    edit(ben / f"{STEM}.po", "h1.s1", "Y by Ben.")
    assert run(seeds_copy, ben).returncode == 0
    done = run(seeds_copy, anna)
    assert done.returncode == 0
    assert msgstr(anna / f"{STEM}.po", "h1.s1") == "X by Anna."
    assert msgstr(ben / f"{STEM}.po", "h1.s1") == "Y by Ben."
    assert "1 sentence has differing human translations" in done.stdout


def test_translator_comments_survive_a_rewrite(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    doc = polib.pofile(str(po))
    for entry in doc:
        if entry.msgctxt == "h1.s1":
            entry.tcomment = "check the quote"
            entry.msgstr = "A reviewed headline."
            entry.flags.remove("fuzzy")
        if entry.msgctxt == "p2.s1":
            entry.tcomment = "numbers unconfirmed\nask the desk"  # a comment alone
    doc.save(str(po))
    assert run(seeds_copy, translated).returncode == 0
    assert run(seeds_copy, translated, "--no-glossary").returncode == 0  # rewritten again
    notes = {e.msgctxt: e.tcomment for e in polib.pofile(str(po))}
    assert notes["h1.s1"] == "check the quote"
    assert notes["p2.s1"] == "numbers unconfirmed\nask the desk"
    assert msgstr(po, "h1.s1") == "A reviewed headline."


def test_a_still_fuzzy_edit_the_memory_cannot_judge_is_not_overwritten(
    translated: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    po = translated / f"{STEM}.po"
    edit(po, "p2.s1", "Changed, but I left the fuzzy flag.", review=False)
    edited = po.read_bytes()
    done = run(seeds_copy, translated, "--memory", tmp_path / "new.sqlite")
    assert done.returncode == 1
    assert "an unreviewed (fuzzy) entry differs from this engine's translation" in done.stderr
    assert po.read_bytes() == edited


def test_an_edited_agency_attribution_is_refused(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    doc = polib.pofile(str(po))
    entry = next(e for e in doc if e.msgid == e.msgstr and "attribution" in e.comment)
    entry.msgstr = "(German Press Agency)"
    doc.save(str(po))
    edited = po.read_bytes()
    done = run(seeds_copy, translated)
    assert done.returncode == 1
    assert f"the agency attribution {entry.msgid!r} is carried over as in the source" in (
        done.stderr
    )
    assert po.read_bytes() == edited


def test_an_edit_of_a_sentence_the_article_lost_is_said(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    german = edit(po, "h1.s1", "My headline.")
    article = seeds_copy / f"{STEM}.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace(german, german + " Neu"), "utf-8"
    )
    done = run(seeds_copy, translated)
    assert done.returncode == 0
    assert "is of a sentence" in done.stderr and "no longer has" in done.stderr


def test_emptying_a_human_translation_withdraws_it(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    machine = msgstr(po, "h1.s1")
    edit(po, "h1.s1", "WRONG.")
    assert run(seeds_copy, translated).returncode == 0
    edit(po, "h1.s1", "")
    done = run(seeds_copy, translated)
    assert done.returncode == 0, done.stderr
    assert "1 human translation withdrawn" in done.stdout
    assert msgstr(po, "h1.s1") == machine
    with TranslationMemory(Path(os.environ["DOLMETSCH_MEMORY"])) as memory:
        assert memory.counts().human == 0


def test_the_edits_of_a_renamed_article_are_kept(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    edit(po, "h1.s1", "Kept through a rename.")
    edited = po.read_bytes()
    (seeds_copy / f"{STEM}.txt").rename(seeds_copy / "renamed.txt")
    done = run(seeds_copy, translated)
    assert done.returncode == 0, done.stderr
    assert "its edits were taken into the memory" in done.stderr
    assert po.read_bytes() == edited
    assert msgstr(translated / "renamed.po", "h1.s1") == "Kept through a rename."


def test_a_symlinked_po_is_written_through(
    translated: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    po = translated / f"{STEM}.po"
    keep = tmp_path / "keep" / "mine.po"
    keep.parent.mkdir()
    shutil.move(po, keep)
    po.symlink_to(keep)
    edit(keep, "h1.s1", "Through the link.")
    assert run(seeds_copy, translated, "--no-glossary").returncode == 0
    assert po.is_symlink() and po.resolve() == keep
    assert msgstr(keep, "h1.s1") == "Through the link."
    assert "X-Dolmetsch-Glossary" not in polib.pofile(str(keep)).metadata  # rewritten


@pytest.mark.parametrize("noted", [True, False], ids=["noted", "not-noted"])
def test_a_run_killed_after_its_renames_knows_its_files_next_time(
    translated: Path, seeds_copy: Path, noted: bool
) -> None:
    """The window's ledger record comes after its files; a run killed in between leaves only
    the notes it made before each rename.  Without them its files are a stranger's."""
    files = [p for p in translated.iterdir() if p.suffix in (".po", ".tsv", ".html", ".tmx")]
    with sqlite3.connect(translated / LEDGER_NAME) as db:
        db.execute("DELETE FROM article")
        db.execute("DELETE FROM output")
        if noted:
            db.executemany(
                "INSERT INTO pending VALUES (?, ?)",
                [(p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in files],
            )
    db.close()
    done = run(seeds_copy, translated, "--no-glossary")
    assert done.returncode == (0 if noted else 1), done.stderr
    if not noted:
        assert "its output ledger has no record of it" in done.stderr


def test_new_bytes_are_noted_before_the_rename(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Ledger(out):
        pass
    path = out / "a.tsv"
    path.write_bytes(b"old\n")
    seen: list[bytes] = []

    def note() -> None:
        seen.append(path.read_bytes())
        note_pending(out, {"a.tsv": hashlib.sha256(b"new\n").hexdigest()})

    old = hashlib.sha256(b"old\n").hexdigest()
    write_if_changed(path, b"new\n", expect={old}, before_replace=note)
    assert seen == [b"old\n"] and path.read_bytes() == b"new\n"
    with Ledger(out) as ledger:
        assert ledger.pending(["a.tsv"]) == {"a.tsv": {hashlib.sha256(b"new\n").hexdigest()}}


def test_one_unwritable_output_does_not_stop_the_run(translated: Path, seeds_copy: Path) -> None:
    page = translated / f"{STEM}.html"
    page.unlink()
    page.mkdir()  # a folder where the page goes
    done = run(seeds_copy, translated, "--no-glossary")
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and str(page) in done.stderr
    assert "translated 5 articles" in done.stdout
    assert (translated / "index.html").exists() and (translated / "corpus.tmx").exists()


def test_a_changed_msgctxt_is_named_as_such(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    text = po.read_text(encoding="utf-8").replace('msgctxt "p2.s1"', 'msgctxt "p2.s2"', 1)
    po.write_text(text, encoding="utf-8")
    done = run(seeds_copy, translated)
    assert done.returncode == 1
    assert "the msgctxt of the entry for" in done.stderr and "p2.s2: put it back" in done.stderr


def test_a_killed_jobs_run_leaves_files_the_next_run_accepts(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(seeds_copy.glob("*.txt")):
        for n in range(4):
            text = path.read_text(encoding="utf-8").replace(". ", f". ({n}) ")
            (corpus / f"{path.stem}-{n}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run(corpus, out).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "dolmetsch", "run", str(corpus), "--out", str(out),
         "--engine", "argos", "--no-glossary", "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    before = {p: p.stat().st_mtime_ns for p in out.glob("*.tsv")}
    while not any(p.stat().st_mtime_ns != t for p, t in before.items()):
        assert proc.poll() is None
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    time.sleep(0.5)  # its workers die with it
    done = run(corpus, out, "--no-glossary")
    assert done.returncode == 0, done.stderr


# --- the second round -------------------------------------------------------------------


@pytest.fixture
def pair(installed_tiny: Path, tmp_path: Path) -> Path:
    """Two small articles sharing their first sentence."""
    seeds = tmp_path / "pair"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Der Hund bellt laut.\n\nDie Katze schläft.\n", "utf-8")
    (seeds / "b.txt").write_text("Der Hund bellt laut.\n\nDas Pferd frisst Heu.\n", "utf-8")
    return seeds


def test_a_new_memory_reads_back_each_articles_own_translation(pair: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p1.s1", "A's dog.")
    edit(out / "b.po", "p1.s1", "B's dog.")
    assert run(pair, out).returncode == 0
    done = run(pair, out, "--memory", tmp_path / "new.sqlite")
    assert done.returncode == 0, done.stderr
    assert (msgstr(out / "a.po", "p1.s1"), msgstr(out / "b.po", "p1.s1")) == (
        "A's dog.",
        "B's dog.",
    )


def test_a_memory_with_another_translation_for_the_segment_is_not_obeyed_silently(
    pair: Path, tmp_path: Path
) -> None:
    out, old, new = tmp_path / "out", tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    assert run(pair, out, "--memory", old).returncode == 0
    edit(out / "a.po", "p1.s1", "X1.")
    assert run(pair, out, "--memory", old).returncode == 0
    assert run(pair, out, "--memory", new).returncode == 0  # reads X1 back into new
    edit(out / "a.po", "p1.s1", "X2, newer.")
    assert run(pair, out, "--memory", new).returncode == 0
    shown = (out / "a.po").read_bytes()
    done = run(pair, out, "--memory", old)  # old has X1 for that segment
    assert done.returncode == 1
    assert "shows 'X2, newer.' for p1.s1, but this memory has 'X1.' for it" in done.stderr
    assert (out / "a.po").read_bytes() == shown


def test_forget_and_withdrawal_stick_however_many_outputs_showed_it(
    pair: Path, tmp_path: Path
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for out in (one, two):
        assert run(pair, out).returncode == 0
    german = edit(one / "a.po", "p1.s1", "LOUD.")
    for out in (one, two):
        assert run(pair, out).returncode == 0
    # the same article in another folder shows it as its own; another article offers it
    assert polib.pofile(str(two / "a.po")).find("p1.s1", by="msgctxt").flags == []
    offered = polib.pofile(str(two / "b.po")).find("p1.s1", by="msgctxt")
    assert "fuzzy" in offered.flags and "a#p1.s1, reused" in offered.comment
    edit(one / "a.po", "p1.s1", "")  # withdrawn where it was made
    assert "1 human translation withdrawn" in run(pair, one).stdout
    for out in (two, one):
        done = run(pair, out)
        assert done.returncode == 0 and "human edit" not in done.stdout
    for out in (one, two):
        for stem in ("a", "b"):
            assert msgstr(out / f"{stem}.po", "p1.s1") != "LOUD."
    memory = Path(os.environ["DOLMETSCH_MEMORY"])
    edit(one / "a.po", "p1.s1", "LOUDER.")
    assert run(pair, one).returncode == 0
    forgot = dolmetsch("tm", "forget", "--source", german)
    assert forgot.returncode == 0, forgot.stderr
    for out in (one, two, one):
        assert "human edit" not in run(pair, out).stdout
    with TranslationMemory(memory) as tm:
        assert tm.counts().human == 0


def test_a_withdrawn_translation_stays_out_of_an_older_backup(pair: Path, tmp_path: Path) -> None:
    out, backup = tmp_path / "out", tmp_path / "backup.tmx"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p1.s1", "LOUD.")
    assert run(pair, out).returncode == 0
    assert dolmetsch("tm", "export", backup).returncode == 0
    edit(out / "a.po", "p1.s1", "")
    assert run(pair, out).returncode == 0
    imported = dolmetsch("tm", "import", backup)
    assert (
        "1 human translation a person took back left out (--replace-human to take it again)"
        in imported.stdout
    )
    assert run(pair, out).returncode == 0
    assert msgstr(out / "a.po", "p1.s1") != "LOUD."


def test_a_persons_copy_of_a_po_in_out_is_left_alone(pair: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p1.s1", "LOUD.")
    shutil.copy(out / "a.po", out / "a (copy).po")
    done = run(pair, out)
    assert done.returncode == 0 and "a (copy)" not in done.stderr
    with TranslationMemory(Path(os.environ["DOLMETSCH_MEMORY"])) as tm:
        assert tm.counts().human == 1


def test_unreviewed_machine_text_never_becomes_human(
    translated: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    po = translated / f"{STEM}.po"
    edit(po, "h1.s1", "My reviewed headline.")
    memory = tmp_path / "other.sqlite"
    for _ in range(2):  # another memory, another glossary: the fuzzy text is no one's
        done = run(seeds_copy, translated, "--memory", memory, "--no-glossary")
        assert done.returncode == 1 and "an unreviewed (fuzzy) entry differs" in done.stderr
    with TranslationMemory(memory) as tm:
        assert tm.counts().human == 1


def test_a_link_between_two_outputs_is_refused(translated: Path, seeds_copy: Path) -> None:
    other = sorted(translated.glob("*.po"))[0]
    po = translated / f"{STEM}.po"
    po.unlink()
    po.symlink_to(other.name)
    before = other.read_bytes()
    done = run(seeds_copy, translated, "--no-glossary")
    assert done.returncode == 1
    assert f"{po}: a symbolic link to {other}, an output of dolmetsch" in done.stderr
    assert po.is_symlink()
    assert other.read_bytes() != before  # the real file is still written, as its own


def test_a_translator_comment_stays_with_its_sentence(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    doc = polib.pofile(str(po))
    entry = doc.find("p2.s1", by="msgctxt")
    entry.tcomment = "ANNA: check this"
    german = entry.msgid
    doc.save(str(po))
    assert run(seeds_copy, translated).returncode == 0
    article = seeds_copy / f"{STEM}.txt"
    text = article.read_text(encoding="utf-8")
    cut = text.index("\n\n") + 2
    article.write_text(text[:cut] + "Ein neuer Absatz.\n\n" + text[cut:], encoding="utf-8")
    assert run(seeds_copy, translated).returncode == 0
    moved = next(e for e in polib.pofile(str(po)) if e.tcomment)
    assert (moved.msgid, moved.tcomment) == (german, "ANNA: check this")
    assert moved.msgctxt != "p2.s1"


def test_a_po_saved_in_nfd_is_read(translated: Path, seeds_copy: Path) -> None:
    po = translated / f"{STEM}.po"
    edit(po, "h1.s1", "Mein Überblick.")
    po.write_text(unicodedata.normalize("NFD", po.read_text(encoding="utf-8")), "utf-8")
    done = run(seeds_copy, translated)
    assert done.returncode == 0, done.stderr
    assert msgstr(po, "h1.s1") == unicodedata.normalize("NFD", "Mein Überblick.")


def test_one_unwritable_output_is_one_line(installed_tiny: Path, tmp_path: Path) -> None:
    # A name too long for the file system once made this; now such names are shortened
    # (tests/test_file_names.py), and a folder in the way stands for any unwritable output.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Der Hund bellt.\n", encoding="utf-8")
    (seeds / "b.txt").write_text("Die Katze schläft.\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / "a.html").mkdir(parents=True)
    done = run(seeds, out)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "a.html" in done.stderr
    assert (out / "a.po").exists() and (out / "b.po").exists()
    assert (out / "index.html").exists()


# --- the third round --------------------------------------------------------------------


def test_a_memory_put_back_from_an_older_copy_reads_the_outputs_back(
    pair: Path, tmp_path: Path
) -> None:
    out, memory = tmp_path / "out", Path(os.environ["DOLMETSCH_MEMORY"])
    assert run(pair, out).returncode == 0
    backup = tmp_path / "backup.sqlite"
    shutil.copy(memory, backup)
    edit(out / "a.po", "p2.s1", "The cat is asleep.")
    assert run(pair, out).returncode == 0
    for stale in tmp_path.glob("memory.sqlite*"):
        stale.unlink()
    shutil.copy(backup, memory)
    assert run(pair, out).returncode == 0
    assert msgstr(out / "a.po", "p2.s1") == "The cat is asleep."


def test_a_moved_folder_and_a_moved_paragraph_keep_their_own_translation(
    pair: Path, tmp_path: Path
) -> None:
    out, moved = tmp_path / "out", tmp_path / "moved"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p2.s1", "The cat is asleep.")
    assert run(pair, out).returncode == 0
    out.rename(moved)
    article = pair / "a.txt"
    article.write_text("Neue Einleitung hier.\n\n" + article.read_text("utf-8"), "utf-8")
    assert run(pair, moved).returncode == 0
    entry = polib.pofile(str(moved / "a.po")).find("p3.s1", by="msgctxt")
    assert (entry.msgstr, entry.flags) == ("The cat is asleep.", [])
    done = run(pair, moved, "--memory", tmp_path / "new.sqlite")  # read back, not lost
    assert done.returncode == 0, done.stderr
    assert msgstr(moved / "a.po", "p3.s1") == "The cat is asleep."


def test_a_conflict_on_read_back_keeps_the_pos_other_translations(
    pair: Path, tmp_path: Path
) -> None:
    out, other = tmp_path / "out", tmp_path / "other.sqlite"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p1.s1", "Mine one.")
    edit(out / "a.po", "p2.s1", "Mine two.")
    assert run(pair, out).returncode == 0
    with TranslationMemory(other) as tm:
        tm.store_human(
            [("Der Hund bellt laut.", "Theirs.", context("a", "p1.s1", str(out.resolve())))]
        )
    done = run(pair, out, "--memory", other)
    assert done.returncode == 1 and "but this memory has 'Theirs.'" in done.stderr
    with TranslationMemory(other) as tm:
        assert tm.human_target("Die Katze schläft.") == "Mine two."


def test_withdrawing_in_one_po_and_editing_another_does_not_revive_it(
    pair: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p1.s1", "The hound barks.")
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p1.s1", "")
    edit(out / "b.po", "p2.s1", "The horse eats hay.")  # b.po offers a's, untouched
    done = run(pair, out)
    assert "1 human edit kept; 1 human translation withdrawn" in done.stdout
    for stem in ("a", "b"):
        assert msgstr(out / f"{stem}.po", "p1.s1") != "The hound barks."


def test_an_older_po_or_article_tmx_does_not_undo_a_withdrawal(pair: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p2.s1", "The cat is asleep.")
    assert run(pair, out).returncode == 0
    old_po, old_tmx = (out / "a.po").read_bytes(), tmp_path / "a.old.tmx"
    shutil.copy(out / "a.tmx", old_tmx)
    edit(out / "a.po", "p2.s1", "")
    assert "1 human translation withdrawn" in run(pair, out).stdout
    assert "left out" in dolmetsch("tm", "import", old_tmx).stdout
    (out / "a.po").write_bytes(old_po)  # a backup put back
    assert run(pair, out).returncode == 0
    assert msgstr(out / "a.po", "p2.s1") != "The cat is asleep."


def test_emptying_a_general_translation_refuses_it_for_that_segment(
    pair: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with TranslationMemory(Path(os.environ["DOLMETSCH_MEMORY"])) as tm:
        tm.store_human([("Der Hund bellt laut.", "From a CAT tool.", "")])
    assert run(pair, out).returncode == 0
    assert msgstr(out / "a.po", "p1.s1") == "From a CAT tool."
    edit(out / "a.po", "p1.s1", "")
    assert run(pair, out).returncode == 0
    assert msgstr(out / "a.po", "p1.s1") != "From a CAT tool."
    assert msgstr(out / "b.po", "p1.s1") == "From a CAT tool."


def test_two_notes_on_one_sentence_both_stay(pair: Path, tmp_path: Path) -> None:
    (pair / "a.txt").write_text(
        "Der Hund bellt laut.\n\nDie Katze schläft.\n\nDer Hund bellt laut.\n", "utf-8"
    )
    out = tmp_path / "out"
    assert run(pair, out).returncode == 0
    doc = polib.pofile(str(out / "a.po"))
    doc.find("p1.s1", by="msgctxt").tcomment = "note A"
    doc.find("p3.s1", by="msgctxt").tcomment = "note B"
    doc.save(str(out / "a.po"))
    assert run(pair, out, "--no-glossary").returncode == 0
    notes = {e.msgctxt: e.tcomment for e in polib.pofile(str(out / "a.po"))}
    assert (notes["p1.s1"], notes["p3.s1"]) == ("note A", "note B")


# --- the fourth round -------------------------------------------------------------------


def test_an_offered_translation_changed_with_its_flag_left_on_is_the_persons(
    pair: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(pair, out).returncode == 0
    edit(out / "a.po", "p1.s1", "A's dog.")
    assert run(pair, out).returncode == 0
    assert "reused" in polib.pofile(str(out / "b.po")).find("p1.s1", by="msgctxt").comment
    edit(out / "b.po", "p1.s1", "B changed it, still fuzzy.", review=False)
    assert run(pair, out).returncode == 0
    assert msgstr(out / "b.po", "p1.s1") == "B changed it, still fuzzy."
    assert msgstr(out / "a.po", "p1.s1") == "A's dog."


def test_notes_on_a_corrected_sentence_and_in_the_header_stay(pair: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(pair, out).returncode == 0
    doc = polib.pofile(str(out / "a.po"))
    doc.find("p2.s1", by="msgctxt").tcomment = "NOTE: confirm with desk"
    doc.header += "\nfile note: second reading done"
    doc.save(str(out / "a.po"))
    article = pair / "a.txt"
    article.write_text(article.read_text("utf-8").replace("schläft.", "schläft fest."), "utf-8")
    assert run(pair, out).returncode == 0
    again = polib.pofile(str(out / "a.po"))
    assert again.find("p2.s1", by="msgctxt").tcomment == "NOTE: confirm with desk"
    assert again.header.endswith("\nfile note: second reading done")
    assert again.find("p1.s1", by="msgctxt").tcomment == ""


def test_articles_named_like_the_run_wide_outputs_do_not_collide(
    pair: Path, tmp_path: Path
) -> None:
    (pair / "index.txt").write_text("Der Index ist lang.\n", encoding="utf-8")
    (pair / "corpus.txt").write_text("Das Korpus wächst.\n", encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):  # the second run must know every file for its own
        done = run(pair, out)
        assert done.returncode == 0, done.stderr
    assert "translated 4 articles" in done.stdout or "kept 4 unchanged" in done.stdout
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<table" in index and index.count(' data-stem="') == 4
    (page,) = out.glob("index-article-*.html")
    assert "Der Index ist lang." in page.read_text(encoding="utf-8")
    (po,) = out.glob("corpus-article-*.po")
    assert polib.pofile(str(po)).metadata["X-Dolmetsch-Source"] == "corpus.txt"
