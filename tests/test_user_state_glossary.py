"""Issue 11, the glossary half: a person's glossary is never lost.

Adversarial and end to end: every command runs as a real ``python -m dolmetsch``
subprocess, concurrency is real processes, the lock is held by another real process, and
every test compares the person's file byte for byte afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dolmetsch.glossary import (
    COLUMNS,
    backup_path,
    glossary_hash,
    load_default_glossary,
    load_effective,
    load_glossary,
    locate,
    lock_path,
)
from dolmetsch.glossary.fileformat import dump_entry

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "glossary" / "terms.tsv"
# entry lines of the shipped file, counted without the parser
SHIPPED_ENTRIES = sum(
    1
    for line in SHIPPED.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith(("#", "english\t"))
)
HEADER = "\t".join(COLUMNS) + "\n"


def dolmetsch(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dolmetsch", *args],
        capture_output=True,
        text=True,
        env=env if env is not None else dict(os.environ),
        timeout=timeout,
    )


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    """A person's curated glossary: the documented entries of the shipped file."""
    path = tmp_path / "mine" / "terms.tsv"
    path.parent.mkdir()
    shutil.copy(SHIPPED, path)
    assert len(load_glossary(path)) == SHIPPED_ENTRIES
    return path


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- import merges -----------------------------------------------------------------------


def test_import_merges_keeping_every_entry_and_the_header_byte_for_byte(
    curated: Path, tmp_path: Path
) -> None:
    """Bug 1: `glossary import new.csv` replaced 62 curated entries by the 3 imported."""
    before = curated.read_bytes()
    new = tmp_path / "new.csv"
    new.write_text("source,target\nKyjiw,Kyiv\nOlaf Scholz,Olaf Scholz\nMoskau,Moscow\n")
    result = dolmetsch("glossary", "import", str(new), "--glossary", str(curated))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("1 new entries, 1 entries extended\n")
    kyiv = "Kyiv\tplace\tKiew\tКиев\tКиїв\tKijów\t\t\tKiev\t\tcapital of Ukraine\n"
    expected = before.decode().replace(kyiv, kyiv.replace("Kiew", "Kiew; Kyjiw"))
    expected += "Olaf Scholz\tterm\t\n"  # a lone "X,X" pair is an entry without variants
    assert curated.read_text(encoding="utf-8") == expected
    assert expected.count("\n") == before.decode().count("\n") + 1  # only the new line
    assert backup_path(curated).read_bytes() == before
    targets = [e.target for e in load_glossary(curated)]
    assert (
        len(targets) == SHIPPED_ENTRIES + 1 and "target" not in targets and "source" not in targets
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.csv", "source,target\nKiew,Kyiv\nScholz,Olaf Scholz\n"),
        ("b.csv", "Source,Target\nKiew,Kyiv\nScholz,Olaf Scholz\n"),
        ("c.csv", "de,en\nKiew,Kyiv\nScholz,Olaf Scholz\n"),
        ("d.csv", "\ufeffsource,target,source_lang,target_lang\nKiew,Kyiv,de,en\n"
                  "Scholz,Olaf Scholz,de,en\n"),
        ("e.tsv", "source\ttarget\nKiew\tKyiv\nScholz\tOlaf Scholz\n"),
    ],
    ids=["source-target", "Source-Target", "de-en", "four-columns-bom", "tsv"],
)  # fmt: skip
def test_deepl_header_row_is_not_an_entry(tmp_path: Path, name: str, text: str) -> None:
    fresh = tmp_path / "fresh.tsv"  # missing: the import creates it
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = dolmetsch(
        "glossary", "import", str(tmp_path / name), "--glossary", str(fresh), "--glossary-only"
    )
    assert result.returncode == 0, result.stderr
    glossary = load_glossary(fresh)
    assert [(e.target, e.variants) for e in glossary] == [
        ("Kyiv", ("Kiew",)),
        ("Olaf Scholz", ("Scholz",)),
    ]


def test_dry_run_prints_a_diff_and_writes_nothing(curated: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.csv"
    new.write_text("Kyjiw,Kyiv\nOlaf Scholz,Olaf Scholz\n")
    folder = files_in(curated.parent)
    result = dolmetsch("glossary", "import", str(new), "--glossary", str(curated), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert files_in(curated.parent) == folder  # no change, no backup, not even a lock file
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- {curated}", f"+++ {curated}"]
    assert "-Kyiv\tplace\tKiew\tКиев\tКиїв\tKijów\t\t\tKiev\t\tcapital of Ukraine" in lines
    assert "+Kyiv\tplace\tKiew; Kyjiw\tКиев\tКиїв\tKijów\t\t\tKiev\t\tcapital of Ukraine" in lines
    assert "+Olaf Scholz\tterm\t" in lines
    assert lines[-1].startswith("dry run, nothing written: would import")


def test_conflicts_are_listed_and_left_unchanged_unless_replaced(
    curated: Path, tmp_path: Path
) -> None:
    new = tmp_path / "new.tbx"
    new.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx><text><body>'
        '<termEntry><descrip type="subjectField">organisation</descrip>'
        '<langSec xml:lang="de"><termSec><term>Kiew</term></termSec>'
        "<termSec><term>Kyjiw</term></termSec></langSec>"
        '<langSec xml:lang="en"><termSec><term>Kyiv</term></termSec></langSec></termEntry>'
        '<termEntry><descrip type="subjectField">person</descrip>'
        '<langSec xml:lang="de"><termSec><term>Selenskyj</term></termSec>'
        "<termSec><term>Scholz</term></termSec></langSec>"
        '<langSec xml:lang="en"><termSec><term>Olaf Scholz</term></termSec></langSec>'
        "</termEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    before = curated.read_bytes()
    result = dolmetsch("glossary", "import", str(new), "--glossary", str(curated))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"conflict, left unchanged: 'Kyiv': kind is 'place' (in {curated}), "
        "the import says 'organisation'",
        f"conflict, left unchanged: 'Olaf Scholz': variant 'Selenskyj' already belongs to "
        f"'Volodymyr Zelensky' (in {curated})",
    ]
    after = load_glossary(curated)
    kyiv, scholz, zelensky = (after.get(t) for t in ("Kyiv", "Olaf Scholz", "Volodymyr Zelensky"))
    assert kyiv is not None and (kyiv.kind, kyiv.variants) == ("place", ("Kiew", "Kyjiw"))
    assert scholz is not None and scholz.variants == ("Scholz",)
    assert zelensky is not None and "Selenskyj" in zelensky.variants
    assert backup_path(curated).read_bytes() == before

    result = dolmetsch(
        "glossary", "import", str(new), "--glossary", str(curated), "--replace-conflicts"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("conflict, replaced: ") == 2
    after = load_glossary(curated)
    kyiv, scholz, zelensky = (after.get(t) for t in ("Kyiv", "Olaf Scholz", "Volodymyr Zelensky"))
    assert kyiv is not None and kyiv.kind == "organisation"
    assert scholz is not None and scholz.variants == ("Scholz", "Selenskyj")
    assert zelensky is not None and "Selenskyj" not in zelensky.variants
    assert len(after) == SHIPPED_ENTRIES + 1


def test_replace_all_replaces_only_when_asked_and_keeps_a_backup(
    curated: Path, tmp_path: Path
) -> None:
    before = curated.read_bytes()
    new = tmp_path / "new.csv"
    new.write_text("Kiew,Kyiv\n")
    result = dolmetsch(
        "glossary", "import", str(new), "--glossary", str(curated), "--replace-all",
        "--replace-conflicts",
    )  # fmt: skip
    assert result.returncode == 2 and curated.read_bytes() == before
    result = dolmetsch("glossary", "import", str(new), "--glossary", str(curated), "--replace-all")
    assert result.returncode == 0, result.stderr
    assert [e.target for e in load_glossary(curated)] == ["Kyiv"]
    assert curated.read_text().startswith(before.decode().split("english\t")[0])  # header kept
    assert backup_path(curated).read_bytes() == before


# --- add: variants, --replace, validation ------------------------------------------------


def test_add_variant_to_an_existing_entry_keeps_everything_else(curated: Path) -> None:
    before = load_glossary(curated).get("Dmitry Peskov")
    result = dolmetsch("glossary", "add", "Dmitry Peskov", "--variant", "Peskoff",
                       "--glossary", str(curated))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"updated 'Dmitry Peskov' in {curated}\n"
    after = load_glossary(curated).get("Dmitry Peskov")
    assert before is not None and after is not None
    assert after.variants == (*before.variants, "Peskoff")
    assert (after.short, after.forbidden, after.note) == (
        before.short, before.forbidden, before.note
    )  # fmt: skip


def test_add_with_a_differing_kind_is_refused(curated: Path) -> None:
    before = curated.read_bytes()
    result = dolmetsch("glossary", "add", "Kyiv", "--variant", "Kyjiw", "--kind", "person",
                       "--glossary", str(curated))  # fmt: skip
    assert result.returncode == 1 and curated.read_bytes() == before
    assert result.stderr.count("\n") == 1
    assert "kind is 'place'" in result.stderr and "nothing changed" in result.stderr


def test_replace_refuses_to_drop_fields_not_given_again(curated: Path) -> None:
    before = curated.read_bytes()
    result = dolmetsch("glossary", "add", "Dmitry Peskov", "--kind", "person", "--variant",
                       "Peskow", "--replace", "--glossary", str(curated))  # fmt: skip
    assert result.returncode == 1 and curated.read_bytes() == before
    assert result.stderr == (
        f"dolmetsch: {curated}: --replace would drop short ('Peskov'), forbidden "
        "('Dmitri Peskov; Dmitriy Peskov'), note ('Kremlin spokesman') of 'Dmitry Peskov'; "
        "nothing changed: give them again (--short, --forbidden, --note) or change the entry "
        "with dolmetsch glossary edit\n"
    )
    result = dolmetsch(
        "glossary", "add", "Dmitry Peskov", "--variant", "Peskow", "--short", "Peskov",
        "--forbidden", "Dmitri Peskov", "--note", "Kremlin spokesman", "--replace",
        "--glossary", str(curated),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    entry = load_glossary(curated).get("Dmitry Peskov")
    assert entry is not None and entry.variants == ("Peskow",)
    assert entry.forbidden == ("Dmitri Peskov",)


@pytest.mark.parametrize(
    ("option", "value", "problem"),
    [
        ("--note", "a\tb", "contains a tab"),
        ("--note", "line one\nline two", "contains a line break"),
        ("--note", "carriage\rreturn", "contains a carriage return"),
        ("--note", "bell\x07", "contains the control character U+0007"),
        ("--variant", "Scholz; Olaf", "contains ';'"),
        ("--short", "Sch\tolz", "contains a tab"),
    ],
    ids=["tab", "newline", "cr", "bell", "semicolon", "tab-in-short"],
)
def test_a_field_that_would_corrupt_the_file_is_refused(
    curated: Path, option: str, value: str, problem: str
) -> None:
    before = curated.read_bytes()
    result = dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person", option, value,
                       "--glossary", str(curated))  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("dolmetsch: command line: ") and problem in result.stderr
    assert curated.read_bytes() == before
    assert dolmetsch("glossary", "list", "--glossary", str(curated)).returncode == 0


# --- concurrency and the lock -------------------------------------------------------------


def test_ten_parallel_adds_all_survive(curated: Path) -> None:
    """Bug 7: ten parallel `glossary add` all printed "added"; three entries survived."""
    before = curated.read_text(encoding="utf-8")
    command = [sys.executable, "-m", "dolmetsch", "glossary", "add", "--glossary", str(curated)]
    processes = [
        subprocess.Popen(
            [*command, f"Person {i}", "--kind", "person", "--variant", f"Persona {i}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(10)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * 10, outputs
    assert all(out.startswith("added 'Person ") for out, _ in outputs)
    after = curated.read_text(encoding="utf-8")
    assert after.startswith(before)  # the shipped entries and the header, byte for byte
    added = after[len(before) :].splitlines()
    assert sorted(added) == sorted(f"Person {i}\tperson\tPersona {i}" for i in range(10))


HOLD = """
import sys, time
from pathlib import Path
from dolmetsch.glossary import glossary_lock
with glossary_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_a_held_lock_makes_a_writer_wait_then_refuse(curated: Path) -> None:
    before = curated.read_bytes()
    holder = hold_lock(curated, 60)
    try:
        result = dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person",
                           "--glossary", str(curated), "--wait", "0.5")  # fmt: skip
        assert result.returncode == 1 and curated.read_bytes() == before
        assert result.stderr == (
            f"dolmetsch: {curated}: another dolmetsch command (pid {holder.pid}) is still "
            "changing this glossary after 0.5 s; nothing was changed: run yours again when "
            "it has finished\n"
        )
        assert lock_path(curated) == curated.parent / ".terms.tsv.lock"
    finally:
        holder.kill()
        holder.wait()


def test_a_writer_waits_for_the_lock_and_then_succeeds(curated: Path) -> None:
    holder = hold_lock(curated, 1.5)
    try:
        result = dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person",
                           "--glossary", str(curated))  # fmt: skip
        # it could only finish after the holder had released the lock, that is ended
        assert holder.poll() is not None
        assert result.returncode == 0, result.stderr
        assert load_glossary(curated).get("Olaf Scholz") is not None
    finally:
        holder.kill()
        holder.wait()


def editor(tmp_path: Path, body: str) -> dict[str, str]:
    script = tmp_path / "editor.sh"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return {**os.environ, "EDITOR": str(script), "PYEXE": sys.executable}


def test_edit_refuses_when_the_file_changed_meanwhile_and_keeps_the_edit(
    curated: Path, tmp_path: Path
) -> None:
    env = editor(
        tmp_path,
        '"$PYEXE" -m dolmetsch glossary add "Olaf Scholz" --kind person --variant Scholz '
        f'--glossary "{curated}" >/dev/null\n'
        "printf 'Annalena Baerbock\\tperson\\tBaerbock\\n' >> \"$1\"\n",
    )
    before = curated.read_text(encoding="utf-8")
    result = dolmetsch("glossary", "edit", "--glossary", str(curated), env=env)
    copy = curated.with_name("terms.tsv.edited")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "changed while you were editing it" in result.stderr and str(copy) in result.stderr
    # the other command's entry is kept, and so is the person's edit, in its copy
    assert curated.read_text(encoding="utf-8") == before + "Olaf Scholz\tperson\tScholz\n"
    assert copy.read_text(encoding="utf-8") == before + "Annalena Baerbock\tperson\tBaerbock\n"


def test_edit_with_a_broken_line_keeps_the_edit_and_the_file(curated: Path, tmp_path: Path) -> None:
    env = editor(tmp_path, "printf 'Olaf Scholz\\tchancellor\\tScholz\\n' >> \"$1\"\n")
    before = curated.read_bytes()
    result = dolmetsch("glossary", "edit", "--glossary", str(curated), env=env)
    assert result.returncode == 1 and curated.read_bytes() == before
    copy = curated.with_name("terms.tsv.edited")
    # the line named is the line in the copy, where the person's text is
    line = before.count(b"\n") + 1  # the line after the shipped file's last
    assert result.stderr == (
        f"dolmetsch: {copy}:{line}: unknown kind 'chancellor'; use one of: person, place, "
        f"organisation, term; nothing saved, {curated} is as it was: your edited text is "
        f"in {copy}\n"
    )
    assert copy.read_bytes() == before + b"Olaf Scholz\tchancellor\tScholz\n"
    assert copy.read_bytes().splitlines()[line - 1] == b"Olaf Scholz\tchancellor\tScholz"


def test_a_second_failed_edit_keeps_the_first_ones_text(curated: Path, tmp_path: Path) -> None:
    before = curated.read_bytes()
    broken = editor(tmp_path, "printf 'A\\tchancellor\\tA\\n' >> \"$1\"\n")
    first = dolmetsch("glossary", "edit", "--glossary", str(curated), env=broken)
    assert first.returncode == 1
    broken = editor(tmp_path, "printf '\\nB\\tminister\\tB\\n' >> \"$1\"\n")
    second = dolmetsch("glossary", "edit", "--glossary", str(curated), env=broken)
    assert second.returncode == 1 and curated.read_bytes() == before
    kept, kept_again = (
        curated.with_name("terms.tsv.edited"),
        curated.with_name("terms.tsv.edited.1"),
    )
    assert kept.read_bytes() == before + b"A\tchancellor\tA\n"
    assert kept_again.read_bytes() == before + b"\nB\tminister\tB\n"
    line = before.count(b"\n") + 2  # after the shipped file's lines and a blank one
    assert second.stderr.startswith(f"dolmetsch: {kept_again}:{line}: unknown kind 'minister'")
    assert second.stderr.endswith(f"your edited text is in {kept_again}\n")
    assert second.stderr.count("\n") == 1


def test_edit_of_a_windows_file_keeps_its_line_ends_and_byte_order_mark(
    curated: Path, tmp_path: Path
) -> None:
    before = b"\xef\xbb\xbf" + curated.read_bytes().replace(b"\n", b"\r\n")
    curated.write_bytes(before)
    # an editor that only saves: nothing changed, so nothing written and no backup made
    touched = dolmetsch("glossary", "edit", "--glossary", str(curated),
                        env=editor(tmp_path, 'touch "$1"\n'))  # fmt: skip
    assert (touched.returncode, touched.stdout, touched.stderr) == (0, "", "no changes\n")
    assert curated.read_bytes() == before and not backup_path(curated).exists()
    # an editor that saves LF lines (click.edit hands back LF): the file keeps CRLF and BOM
    env = editor(tmp_path, "printf 'Olaf Scholz\\tperson\\tScholz\\n' >> \"$1\"\n")
    saved = dolmetsch("glossary", "edit", "--glossary", str(curated), env=env)
    assert (saved.returncode, saved.stdout) == (0, f"saved {curated}\n"), saved.stderr
    assert curated.read_bytes() == before + b"Olaf Scholz\tperson\tScholz\r\n"
    assert backup_path(curated).read_bytes() == before


def test_edit_saves_with_a_backup(curated: Path, tmp_path: Path) -> None:
    env = editor(tmp_path, "printf 'Olaf Scholz\\tperson\\tScholz\\n' >> \"$1\"\n")
    before = curated.read_bytes()
    result = dolmetsch("glossary", "edit", "--glossary", str(curated), env=env)
    assert (result.returncode, result.stdout) == (0, f"saved {curated}\n")
    assert curated.read_bytes() == before + b"Olaf Scholz\tperson\tScholz\n"
    assert backup_path(curated).read_bytes() == before


# --- a glossary behind a symbolic link ---------------------------------------------------


@pytest.fixture
def linked(curated: Path, tmp_path: Path) -> Path:
    """~/.config/dolmetsch/glossary.tsv as a link to the person's real file elsewhere."""
    link = tmp_path / "config" / "glossary.tsv"
    link.parent.mkdir()
    link.symlink_to(curated)
    return link


def test_changes_through_a_link_go_into_its_file_and_keep_the_link(
    linked: Path, curated: Path, tmp_path: Path
) -> None:
    before = curated.read_bytes()
    add = dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person", "--variant", "Scholz",
                    "--glossary", str(linked))  # fmt: skip
    assert (add.returncode, add.stdout) == (0, f"added 'Olaf Scholz' to {linked}\n"), add.stderr
    assert linked.is_symlink() and linked.resolve() == curated
    assert curated.read_bytes() == before + b"Olaf Scholz\tperson\tScholz\n"
    env = editor(tmp_path, "printf 'Annalena Baerbock\\tperson\\tBaerbock\\n' >> \"$1\"\n")
    edit = dolmetsch("glossary", "edit", "--glossary", str(linked), env=env)
    assert edit.returncode == 0, edit.stderr
    assert linked.is_symlink() and curated.read_bytes().endswith(b"\tBaerbock\n")
    # the backup and the lock sit next to the real file, nothing new next to the link
    assert backup_path(curated).exists() and sorted(p.name for p in linked.parent.iterdir()) == [
        "glossary.tsv"
    ]


def test_a_link_and_its_file_share_one_lock(linked: Path, curated: Path) -> None:
    before = curated.read_bytes()
    holder = hold_lock(curated, 60)
    try:
        result = dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person",
                           "--glossary", str(linked), "--wait", "0.5")  # fmt: skip
        assert result.returncode == 1 and "another dolmetsch command" in result.stderr
        assert curated.read_bytes() == before and linked.is_symlink()
    finally:
        holder.kill()
        holder.wait()


def test_a_link_to_nothing_is_refused(linked: Path, curated: Path) -> None:
    gone = curated.with_name("gone.tsv")
    curated.rename(gone)
    for args in (["add", "Olaf Scholz", "--kind", "person"], ["list"]):
        result = dolmetsch("glossary", *args, "--glossary", str(linked))
        assert result.returncode == 1
        assert result.stderr == (
            f"dolmetsch: {linked} is a symbolic link to {curated}, which does not exist; "
            f"nothing read or written: restore {curated}, or remove the link\n"
        )
    assert linked.is_symlink() and not curated.exists()


def test_a_default_user_file_linking_to_nothing_is_not_an_empty_glossary(
    installed_copy: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    _, env = installed_copy
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "dolmetsch" / "glossary.tsv"
    user.parent.mkdir(parents=True)
    user.symlink_to(tmp_path / "unmounted" / "glossary.tsv")
    for args in (["add", "Olaf Scholz", "--kind", "person"], ["list"]):
        result = dolmetsch("glossary", *args, env=env)
        assert result.returncode == 1 and "which does not exist" in result.stderr, result.stderr
    assert user.is_symlink() and not (tmp_path / "unmounted").exists()


# --- export never overwrites --------------------------------------------------------------


def test_export_refuses_to_write_onto_the_glossary_it_reads(
    curated: Path, linked: Path, tmp_path: Path
) -> None:
    before = files_in(curated.parent)
    env = {**os.environ, "DOLMETSCH_GLOSSARY": str(curated)}
    for target in (curated, linked, curated.parent / ".." / "mine" / "terms.tsv"):
        for force in ([], ["--force"]):
            result = dolmetsch("glossary", "export", str(target), *force, env=env)
            assert result.returncode == 1, result.stdout
            assert result.stderr == (
                f"dolmetsch: {target} is your glossary ({curated}); nothing exported: an "
                "export keeps no kinds, notes or comments, so write it to another file\n"
            )
    assert files_in(curated.parent) == before and linked.is_symlink()


def test_export_refuses_the_user_file_and_the_shipped_one_when_installed(
    installed_copy: tuple[Path, dict[str, str]],
) -> None:
    shipped, env = installed_copy
    pristine = shipped.read_bytes()
    assert dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person", env=env).returncode == 0
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "dolmetsch" / "glossary.tsv"
    mine = user.read_bytes()
    refused = dolmetsch("glossary", "export", str(user), "--force", env=env)
    assert refused.returncode == 1 and f"is your glossary ({user})" in refused.stderr
    refused = dolmetsch("glossary", "export", str(shipped), "--force", env=env)
    assert refused.returncode == 1
    assert f"is the glossary shipped with dolmetsch ({shipped})" in refused.stderr
    assert user.read_bytes() == mine and shipped.read_bytes() == pristine


def test_export_overwrites_an_existing_file_only_with_force(curated: Path, tmp_path: Path) -> None:
    target = tmp_path / "deepl.csv"
    target.write_text("keep me\n", encoding="utf-8")
    args = ("glossary", "export", str(target), "--glossary", str(curated))
    refused = dolmetsch(*args)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        f"dolmetsch: {target} already exists; nothing exported: give --force to overwrite it\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = dolmetsch(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Selenskyj,Volodymyr Zelensky\n" in target.read_text(encoding="utf-8")


def test_export_refuses_a_missing_folder(curated: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "deepl.csv"
    result = dolmetsch("glossary", "export", str(target), "--glossary", str(curated))
    assert result.returncode == 1
    assert result.stderr == (
        f"dolmetsch: {target.parent}: no such folder; nothing exported: create it, or export "
        "into a folder that exists\n"
    )
    assert not (tmp_path / "no").exists()


# --- where the glossary lives ---------------------------------------------------------------


@pytest.fixture
def installed_copy(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """dolmetsch as a normal install sees it: a package copied into a plain folder, with no
    source checkout (pyproject.toml) around its glossary/terms.tsv."""
    site = tmp_path / "site-packages"
    package = site / "dolmetsch"
    ignore = shutil.ignore_patterns("__pycache__", ".*")
    shutil.copytree(ROOT / "translate", package, ignore=ignore)
    shutil.copytree(ROOT / "glossary", package / "glossary", ignore=ignore)
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("DOLMETSCH_GLOSSARY", None)
    found = subprocess.run(
        [sys.executable, "-c", "import dolmetsch.glossary as g; print(g.shipped_path())"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    shipped = package / "glossary" / "terms.tsv"
    assert found.stdout.strip() == str(shipped)  # the copy runs, not this checkout
    return shipped, env


def test_installed_changes_go_to_the_user_file_never_the_shipped_one(
    installed_copy: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    shipped, env = installed_copy
    pristine = shipped.read_bytes()
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "dolmetsch" / "glossary.tsv"
    assert not user.exists()

    add = dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person", "--variant",
                    "Scholz", env=env)  # fmt: skip
    assert add.returncode == 0, add.stderr
    assert add.stdout == f"added 'Olaf Scholz' to {user}\n"
    text = user.read_text(encoding="utf-8")
    assert text.startswith("# Your dolmetsch glossary.") and f"\n{HEADER}" in text
    assert text.endswith(f"{HEADER}Olaf Scholz\tperson\tScholz\n")

    # a spelling for a shipped entry: the entry is copied into the user file, extended
    add = dolmetsch("glossary", "add", "Kyiv", "--variant", "Kyjiw", env=env)
    assert add.returncode == 0, add.stderr
    # ... with its other languages, in columns appended to the header row
    text = user.read_text(encoding="utf-8")
    assert f"\n{HEADER.rstrip()}\tpl\tru\tuk\n" in text
    assert text.endswith(
        "Kyiv\tplace\tKiew; Kyjiw\t\t\tKiev\t\tcapital of Ukraine\tKijów\tКиев\tКиїв\n"
    )

    edit_env = editor(tmp_path, "printf 'Annalena Baerbock\\tperson\\tBaerbock\\n' >> \"$1\"\n")
    edit_env["PYTHONPATH"] = env["PYTHONPATH"]
    edit = dolmetsch("glossary", "edit", env=edit_env)
    assert (edit.returncode, edit.stdout) == (0, f"saved {user}\n"), edit.stderr

    listed = dolmetsch("glossary", "list", "--json", env=env)
    origins = {e["target"]: e["file"] for e in json.loads(listed.stdout)}
    assert origins["Olaf Scholz"] == origins["Kyiv"] == origins["Annalena Baerbock"] == str(user)
    assert origins["Moscow"] == str(shipped) and len(origins) == SHIPPED_ENTRIES + 2

    refused = dolmetsch("glossary", "remove", "Moscow", env=env)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert f"'Moscow' comes from the glossary shipped with dolmetsch ({shipped})" in refused.stderr
    removed = dolmetsch("glossary", "remove", "Kyiv", env=env)
    assert removed.stdout == f"removed 'Kyiv' from {user}; the shipped entry applies again\n"

    assert shipped.read_bytes() == pristine
    assert [p.name for p in shipped.parent.iterdir() if "terms" in p.name] == ["terms.tsv"]


def test_installed_translation_uses_the_user_entries_over_the_shipped_ones(
    installed_copy: tuple[Path, dict[str, str]], installed_tiny: Path
) -> None:
    shipped, env = installed_copy
    sentence = "Selenskyj traf Scholz in Kiew."
    plain = dolmetsch("translate", sentence, "--engine", "argos", env=env)
    assert plain.stdout == "Zelensky met Scholz in Kyiv.\n", plain.stderr
    assert dolmetsch("glossary", "add", "Olaf Scholz", "--kind", "person", "--variant",
                     "Scholz", env=env).returncode == 0  # fmt: skip
    layered = dolmetsch("translate", sentence, "--engine", "argos", env=env)
    assert layered.stdout == "Zelensky met Olaf Scholz in Kyiv.\n", layered.stderr
    # A spelling in the user's file that a shipped entry also lists (say, after an update of
    # dolmetsch) belongs to the user's entry.
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "dolmetsch" / "glossary.tsv"
    with user.open("a", encoding="utf-8") as handle:
        handle.write("Kyiv City\tplace\tKiew\n")
    layered = dolmetsch("translate", sentence, "--engine", "argos", env=env)
    assert layered.stdout == "Zelensky met Olaf Scholz in Kyiv City.\n", layered.stderr
    assert shipped.read_bytes() == SHIPPED.read_bytes()


def test_run_from_the_checkout_uses_exactly_glossary_terms_tsv() -> None:
    """So the golden outputs, stamped with the glossary's hash, stay byte-identical."""
    files = locate()
    assert (files.user, files.defaults) == (SHIPPED, None)
    effective = load_effective(files)
    assert effective.glossary == load_default_glossary()
    assert glossary_hash(effective.glossary) == glossary_hash(load_default_glossary())
    assert set(effective.origins) == {str(SHIPPED)}


def test_glossary_file_is_layered_over_the_shipped_one_unless_alone(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(HEADER + "Kyiv City\tplace\tKiew\nOlaf Scholz\tperson\tScholz\n")
    listed = dolmetsch("glossary", "list", "--glossary", str(mine))
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert len(rows) == SHIPPED_ENTRIES + 2
    by_target = {row[0]: row for row in rows}
    assert by_target["Kyiv"] == ["Kyiv", "place", "", str(SHIPPED)]  # 'Kiew' is the user's
    assert by_target["Kyiv City"] == ["Kyiv City", "place", "Kiew", str(mine)]
    alone = dolmetsch("glossary", "list", "--glossary", str(mine), "--glossary-only")
    assert [line.split("\t")[0] for line in alone.stdout.splitlines()] == [
        "Kyiv City", "Olaf Scholz"
    ]  # fmt: skip
    assert dump_entry(load_glossary(mine).entries[0]) == "Kyiv City\tplace\tKiew"
