"""Issue 11, the memory's half: a person's corrections survive `tm export`/`tm import`,
unreviewed machine output never passes for a person's, a damaged PO is refused whole, and
commands that only read a memory never create one.

Everything runs through the real CLI on real files and real SQLite; gettext's ``msgfmt``
is the independent judge of which PO files are broken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from dolmetsch.cli import main
from dolmetsch.errors import InputError
from dolmetsch.memory import MemoryCounts, TranslationMemory, context
from dolmetsch.po import parse_po, parse_po_strict, read_po
from dolmetsch.provenance import HUMAN, Provenance
from dolmetsch.tmx import parse_tmx_units

GOLDEN = Path(__file__).resolve().parent / "golden"
ARGOS = Provenance("argos", "translate-de_en", "1.9", "8973ab5a9d4b3158")
LEXICON = Provenance("lexicon", "ding", "1.8", "")
HUMAN = HUMAN


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def seeded_memory(path: Path) -> None:
    """A memory as a real one looks after runs with two engines and a person's edits;
    "Guten Tag." has a machine and a human translation (the unit the old import lost)."""
    with TranslationMemory(path) as tm:
        tm.store(
            [
                ("Guten Tag.", "Good day.", ()),
                ("Der Kreml schweigt.", "The Kremlin is silent.", ("Kreml -> Kremlin",)),
                ("Ein <b>Satz</b> & mehr.", 'A <b>sentence</b> & "more".\r', ()),
            ],
            "machine",
            ARGOS,
        )
        tm.store([("Guten Tag.", "Good day to you.", ())], "machine", LEXICON)
        tm.store(
            [
                ("Guten Tag.", "Hello.", ()),
                ("„Wir schaffen das.“", "„Wir schaffen das.“", ()),  # left in German on purpose
                ("Zwei  Leerzeichen\tund Tab.", " Two  spaces\tand a tab. ", ()),
            ],
            "human",
            HUMAN,
        )


def snapshot(path: Path) -> tuple[object, ...]:
    with TranslationMemory(path, create=False) as tm:
        return tuple(tm.units()), tuple(tm.export_units()), tm.state().rpartition("#")[2]


# --- bug 2: tm export -> tm import keeps origins, stamps and human text --------------------


def test_round_trip_into_a_new_memory_keeps_every_unit(tmp_path: Path) -> None:
    old, new, tmx = tmp_path / "old.sqlite", tmp_path / "new.sqlite", tmp_path / "all.tmx"
    seeded_memory(old)
    assert cli("tm", "export", str(tmx), "--memory", str(old)).exit_code == 0
    result = cli("tm", "import", str(tmx), "--memory", str(new))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "imported 3 human and 4 machine translations, skipped 0 unreviewed (fuzzy) entries "
        f"from {tmx} into {new}\n"
    )
    assert snapshot(new)[:2] == snapshot(old)[:2]
    with TranslationMemory(new) as tm:
        assert tm.human_target("Guten Tag.") == "Hello."
        assert tm.human_target("„Wir schaffen das.“") == "„Wir schaffen das.“"
        assert tm.human_target("Zwei  Leerzeichen\tund Tab.") == " Two  spaces\tand a tab. "
        # a re-run with the same engine reuses its own translation, terms and all
        hit = tm.lookup(["Der Kreml schweigt."], ARGOS)["Der Kreml schweigt."]
        assert (hit.origin, hit.terms) == ("machine", ("Kreml -> Kremlin",))
    stats = [cli("tm", "stats", "--memory", str(m)).stdout.split(": ", 1)[1] for m in (old, new)]
    assert stats == ["4 machine, 3 human translations\n"] * 2


def test_round_trip_into_the_same_memory_changes_nothing(tmp_path: Path) -> None:
    memory, tmx = tmp_path / "tm.sqlite", tmp_path / "all.tmx"
    seeded_memory(memory)
    before = snapshot(memory)
    assert cli("tm", "export", str(tmx), "--memory", str(memory)).exit_code == 0
    assert cli("tm", "import", str(tmx), "--memory", str(memory)).exit_code == 0
    # same units, and the human state (which marks outputs out of date) did not move
    assert snapshot(memory) == before


def test_cat_tool_tmx_without_origin_is_human(tmp_path: Path) -> None:
    tmx = tmp_path / "omegat.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="de-DE"/>'
        '<body><tu><tuv xml:lang="de-DE"><seg>Guten Tag.</seg></tuv>'
        '<tuv xml:lang="en-GB"><seg>Good afternoon.</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    memory = tmp_path / "tm.sqlite"
    seeded_memory(memory)
    result = cli("tm", "import", str(tmx), "--memory", str(memory), "--replace-human")
    assert result.exit_code == 0, result.stderr
    with TranslationMemory(memory) as tm:
        # human (replacing the memory's one for no segment in particular), never machine
        assert tm.human_target("Guten Tag.") == "Good afternoon."
        assert tm.counts() == MemoryCounts(machine=4, human=3)


def test_machine_unit_never_replaces_a_human_one(tmp_path: Path) -> None:
    """A TMX that names no engine for its machine units: kept under a stamp no engine has."""
    tmx = tmp_path / "machine.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header/><body><tu><prop type="x-dolmetsch-origin">machine</prop>'
        '<tuv xml:lang="de"><seg>Guten Tag.</seg></tuv><tuv xml:lang="en"><seg>Good tag.</seg>'
        "</tuv></tu></body></tmx>",
        encoding="utf-8",
    )
    memory = tmp_path / "tm.sqlite"
    seeded_memory(memory)
    result = cli("tm", "import", str(tmx), "--memory", str(memory))
    assert result.stdout.startswith("imported 0 human and 1 machine translation,")
    with TranslationMemory(memory) as tm:
        assert tm.human_target("Guten Tag.") == "Hello."
        assert tm.lookup(["Guten Tag."], ARGOS)["Guten Tag."].target == "Hello."
        assert "Good tag." in tm.machine_targets("Guten Tag.")
        for stamp in (ARGOS, LEXICON, Provenance("argos", "", "", "")):
            assert tm.lookup(["Guten Tag."], stamp)["Guten Tag."].origin == "human"


# --- bug 10 and 8 through a real run --------------------------------------------------------


@pytest.fixture
def translated(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = cli("run", str(seeds_copy), "--out", str(out), "--engine", "argos",
                 "--memory", str(tmp_path / "run.sqlite"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return out


def _review(po_path: Path, edits: dict[str, str]) -> None:
    """What a person does in a PO editor: new text for some entries, fuzzy flag cleared."""
    po = polib.pofile(str(po_path))
    for entry in po:
        if entry.msgctxt in edits:
            entry.msgstr = edits[entry.msgctxt]
            entry.flags.remove("fuzzy")
    po.save(str(po_path))


def test_fuzzy_entries_are_not_imported_as_human(translated: Path, tmp_path: Path) -> None:
    po_path = translated / "004_afa19b5bb09a82e9.po"
    fuzzy = sum(1 for e in polib.pofile(str(po_path)) if "fuzzy" in e.flags)
    untouched = polib.pofile(str(po_path)).find("p2.s2", by="msgctxt").msgid
    _review(po_path, {"h1.s1": "Trump claims to have phoned Putin", "p2.s2": untouched})
    memory = tmp_path / "fresh.sqlite"
    result = cli("tm", "import", str(po_path), "--memory", str(memory))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"imported 2 human and 0 machine translations, skipped {fuzzy - 2} unreviewed (fuzzy) "
        f"entries from {po_path} into {memory}\n"
    )
    with TranslationMemory(memory) as tm:
        assert sorted(t for _, t, _ in tm.units("human")) == sorted(
            ["Trump claims to have phoned Putin", untouched]
        )
        assert tm.counts().machine == 0


def test_include_fuzzy_imports_them_as_machine_never_human(
    translated: Path, tmp_path: Path
) -> None:
    po_path = translated / "004_afa19b5bb09a82e9.po"
    fuzzy = [e.msgid for e in polib.pofile(str(po_path)) if "fuzzy" in e.flags]
    memory = tmp_path / "fresh.sqlite"
    result = cli("tm", "import", str(po_path), "--include-fuzzy", "--memory", str(memory))
    assert result.stdout.startswith(f"imported 0 human and {len(fuzzy)} machine translations")
    with TranslationMemory(memory) as tm:
        assert tm.counts().human == 0
        # stored, but under a stamp no engine has: never reused as the engine's own output
        assert tm.lookup(fuzzy, ARGOS) == {}


def test_unterminated_string_is_refused_and_nothing_stored(
    translated: Path, tmp_path: Path
) -> None:
    po_path = translated / "004_afa19b5bb09a82e9.po"
    _review(po_path, {"h1.s1": "Trump claims to have phoned Putin"})
    text = po_path.read_text(encoding="utf-8")
    broken = text.replace('msgstr "Trump claims to have phoned Putin"',
                          'msgstr "Trump claims to have phoned Putin', 1)  # fmt: skip
    assert broken != text
    po_path.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index('msgstr "Trump claims to have phoned Putin') + 1
    message = (
        f'{po_path}:{line}: unterminated string: the line ends before its closing "; '
        "it was left as it is\n"
    )
    memory = tmp_path / "tm.sqlite"
    result = cli("tm", "import", str(po_path), "--memory", str(memory))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"dolmetsch: {message}")
    assert not memory.exists()
    assert po_path.read_text(encoding="utf-8") == broken
    # polib alone reads it, one character short: the data loss this reader exists to stop
    assert parse_po(broken).find("h1.s1", by="msgctxt").msgstr == "Trump claims to have phoned Puti"

    view = cli("view", str(po_path))
    assert (view.exit_code, view.stdout, view.stderr) == (1, "", f"dolmetsch: {message}")
    check = cli("glossary", "check", str(translated))
    assert check.exit_code == 1
    assert check.stderr.splitlines()[0] == f"dolmetsch: {message.rstrip()}"
    assert check.stderr.splitlines()[-1].endswith(", 1 file could not be read")
    assert check.stderr.splitlines()[-1].startswith("checked 5 files: ")


def test_article_tmx_says_which_units_a_person_made(translated: Path, tmp_path: Path) -> None:
    units = parse_tmx_units((translated / "004_afa19b5bb09a82e9.tmx").read_bytes())
    assert {u.prop("x-dolmetsch-origin") for u in units} == {"machine"}
    memory = tmp_path / "fresh.sqlite"
    result = cli("tm", "import", str(translated / "004_afa19b5bb09a82e9.tmx"),
                 "--memory", str(memory))  # fmt: skip
    assert result.stdout.startswith(f"imported 0 human and {len(units)} machine translations")


# --- reading commands never create a memory -----------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["tm", "stats"], ["tm", "export", "{tmp}/all.tmx"]],
    ids=["stats", "export"],
)
def test_reading_a_missing_memory_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "no-such-folder" / "memroy.sqlite"
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = subprocess.run(
        [sys.executable, "-m", "dolmetsch", *args, "--memory", str(typo)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"dolmetsch: {typo}: no such translation memory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in tmp_path.iterdir() if p.name in ("argos-home", "memory.sqlite")
    )
    assert not typo.parent.exists()


def test_merge_with_a_missing_other_creates_nothing(tmp_path: Path) -> None:
    main_memory, other = tmp_path / "main.sqlite", tmp_path / "shard-1.sqlite"
    result = cli("tm", "merge", str(other), "--memory", str(main_memory))
    assert (result.exit_code, result.stderr) == (
        2,
        f"dolmetsch: {other}: no such translation memory\n",
    )
    assert not main_memory.exists() and not other.exists()


def test_import_of_another_format_is_one_clear_line(tmp_path: Path) -> None:
    tsv = tmp_path / "x.tsv"
    tsv.write_text("id\tde\ten\n", encoding="utf-8")
    result = cli("tm", "import", str(tsv), "--memory", str(tmp_path / "tm.sqlite"))
    assert (result.exit_code, result.stderr) == (
        2, f"dolmetsch: {tsv}: can import .po and .tmx files, not .tsv\n",
    )  # fmt: skip
    assert not (tmp_path / "tm.sqlite").exists()


# --- the PO reader against msgfmt ---------------------------------------------------------

HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
PLURAL_HEAD = HEAD.replace('\\n"\n\n', '\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
# (id, file bytes, why dolmetsch decides otherwise than msgfmt --check, or None)
PO_TABLE: list[tuple[str, bytes, str | None]] = [
    ("valid", (HEAD + 'msgid "a"\nmsgstr "b"\n').encode(), None),
    ("valid-context-pair", (HEAD + 'msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\n'
                            'msgctxt "y"\nmsgid "a"\nmsgstr "c"\n').encode(), None),
    ("valid-escapes", (HEAD + 'msgid "a\\tb"\nmsgstr "c\\"d\\\\e\\x41\\101\\a"\n').encode(), None),
    ("valid-continued", (HEAD + 'msgid ""\n"a "\n"b"\nmsgstr ""\n"c"\n').encode(), None),
    ("valid-obsolete", (HEAD + 'msgid "a"\nmsgstr "b"\n\n#~ msgid "c"\n#~ msgstr "d"\n').encode(),
     None),
    ("valid-previous", (HEAD + '#, fuzzy\n#| msgid "c"\nmsgid "a"\nmsgstr "b"\n').encode(), None),
    ("valid-plural", (PLURAL_HEAD + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n'
                      'msgstr[1] "bs"\n').encode(), None),
    ("valid-crlf", (HEAD + 'msgid "a"\r\nmsgstr "b"\r\n').encode(), None),
    ("valid-u2028", (HEAD + 'msgid "a\u2028b"\nmsgstr "c\u0085d"\n').encode(), None),
    ("valid-latin1", (HEAD.replace("UTF-8", "ISO-8859-1") + 'msgid "a"\nmsgstr "ä"\n')
     .encode("latin-1"), None),
    ("valid-fuzzy-newline", (HEAD + '#, fuzzy\nmsgid "a"\nmsgstr "b\\n"\n').encode(), None),
    ("valid-no-space", (HEAD + 'msgid"a"\nmsgstr"b"\n').encode(), None),
    ("unterminated", (HEAD + 'msgid "a"\nmsgstr "b\n').encode(), None),
    ("unterminated-obsolete", (HEAD + '#~ msgid "a"\n#~ msgstr "b\n').encode(), None),
    ("bad-escape", (HEAD + 'msgid "a"\nmsgstr "b\\q"\n').encode(), None),
    ("escaped-quote-at-end", (HEAD + 'msgid "a"\nmsgstr "b\\"\n').encode(), None),
    ("unknown-keyword", (HEAD + 'msgid "a"\nmsgstrr "b"\n').encode(), None),
    ("stray-line", (HEAD + 'msgid "a"\nmsgstr "b"\nnonsense\n').encode(), None),
    ("text-after-string", (HEAD + 'msgid "a"\nmsgstr "b" c\n').encode(), None),
    ("string-after-comment", (HEAD + 'msgid "a"\nmsgstr "b"\n# note\n"c"\n').encode(), None),
    ("msgstr-without-msgid", (HEAD + 'msgstr "b"\n').encode(), None),
    ("msgid-without-msgstr", (HEAD + 'msgid "a"\n').encode(), None),
    ("comment-inside-entry", (HEAD + 'msgid "a"\n# note\nmsgstr "b"\n').encode(), None),
    ("msgctxt-without-msgid", (HEAD + 'msgctxt "x"\nmsgstr "b"\n').encode(), None),
    ("duplicate", (HEAD + 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n').encode(), None),
    ("duplicate-obsolete", (HEAD + 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n')
     .encode(), None),
    ("mixed-obsolete", (HEAD + 'msgid "a"\n#~ msgstr "b"\n').encode(), None),
    ("plural-wrong-index", (PLURAL_HEAD + 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n'
                            'msgstr[0] "c"\n').encode(), None),
    ("plural-without-index", (PLURAL_HEAD + 'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n')
     .encode(), None),
    ("not-utf8", (HEAD + 'msgid "a"\nmsgstr "').encode() + b'\xe4"\n', None),
    ("byte-order-mark", b"\xef\xbb\xbf" + (HEAD + 'msgid "a"\nmsgstr "b"\n').encode(), None),
    ("newline-mismatch", (HEAD + 'msgid "a"\nmsgstr "b\\n"\n').encode(), None),
    ("nul-outside-string", (HEAD + 'msgid "a"\nmsgstr "b"\n\x00\n').encode(), None),
    ("no-header", b'msgid "a"\nmsgstr "b"\n',
     "msgfmt --check-header wants a header entry; without one nothing is misread (UTF-8)"),
    ("plural-without-header", (HEAD + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n'
                               'msgstr[1] "bs"\n').encode(),
     "msgfmt wants Plural-Forms in the header to write a .mo; reading the entries needs none"),
    ("byte-escape", (HEAD + 'msgid "a"\nmsgstr "\\xe4"\n').encode(),
     "msgfmt takes \\xe4 for one byte, half a UTF-8 character; dolmetsch will not guess"),
]  # fmt: skip


def _msgfmt_accepts(path: Path) -> bool:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, timeout=60
    )
    return result.returncode == 0


def _dolmetsch_accepts(path: Path) -> bool:
    try:
        read_po(path)
    except InputError as exc:
        assert str(exc).startswith(f"{path}:") and str(exc).endswith("; it was left as it is")
        assert "\n" not in str(exc)
        return False
    return True


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize(
    ("data", "differs"), [c[1:] for c in PO_TABLE], ids=[c[0] for c in PO_TABLE]
)
def test_refuses_what_msgfmt_refuses(tmp_path: Path, data: bytes, differs: str | None) -> None:
    path = tmp_path / "case.po"
    path.write_bytes(data)
    if differs is None:
        assert _dolmetsch_accepts(path) == _msgfmt_accepts(path)
    else:
        assert _dolmetsch_accepts(path) != _msgfmt_accepts(path), differs


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.po")), ids=lambda p: p.name)
def test_our_own_outputs_are_accepted_and_read_as_polib_reads_them(golden: Path) -> None:
    assert _msgfmt_accepts(golden)
    ours, polibs = read_po(golden), parse_po(golden.read_text(encoding="utf-8"))
    assert (ours.header, ours.metadata) == (polibs.header, polibs.metadata)
    fields = ("msgctxt", "msgid", "msgstr", "comment", "tcomment", "flags", "occurrences",
              "obsolete", "linenum")  # fmt: skip
    assert [[getattr(e, f) for f in fields] for e in ours] == [
        [getattr(e, f) for f in fields] for e in polibs
    ]
    assert str(ours) == golden.read_text(encoding="utf-8")


def test_a_valid_entry_is_read_whole() -> None:
    po = parse_po_strict(HEAD + 'msgctxt "p1.s1"\nmsgid "a\\tb"\nmsgstr "c\\x41\\101"\n', "t.po")
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [("p1.s1", "a\tb", "cAA")]


def test_export_says_when_a_unit_cannot_travel_unchanged(tmp_path: Path) -> None:
    memory, tmx = tmp_path / "tm.sqlite", tmp_path / "all.tmx"
    with TranslationMemory(memory) as tm:
        tm.store([("Seite\x0c1.", "Page\x0c1.", ()), ("Gut.", "Good.", ())], "human", HUMAN)
    result = cli("tm", "export", str(tmx), "--memory", str(memory))
    assert result.exit_code == 0
    assert result.stderr == (
        "dolmetsch: warning: 1 translation holds control characters XML cannot carry; they "
        "are written as U+FFFD and will not import back unchanged\n"
    )


# --- an import never takes back a person's newer translation (hostile tester, 3) ----------

STEM = "004_afa19b5bb09a82e9"


def _run(seeds: Path, out: Path) -> None:
    result = cli("run", str(seeds), "--out", str(out), "--engine", "argos",
                 "--memory", str(out.parent / "run.sqlite"))  # fmt: skip
    assert result.exit_code == 0, result.stderr


def _shown(out: Path, msgctxt: str) -> str:
    return str(polib.pofile(str(out / f"{STEM}.po")).find(msgctxt, by="msgctxt").msgstr)


@pytest.mark.parametrize("kind", ["tmx", "po"], ids=["tm-export-backup", "colleague-po"])
def test_an_older_file_never_replaces_the_newer_correction(
    translated: Path, seeds_copy: Path, tmp_path: Path, kind: str
) -> None:
    memory = tmp_path / "run.sqlite"
    _review(translated / f"{STEM}.po", {"h1.s1": "Trump says he phoned Putin"})
    _run(seeds_copy, translated)  # the run takes the edit into the memory
    older = tmp_path / f"older.{kind}"
    if kind == "tmx":
        assert cli("tm", "export", str(older), "--memory", str(memory)).exit_code == 0
    else:  # the colleague's copy of the article, with the first correction in it
        shutil.copy(translated / f"{STEM}.po", older)
    po = polib.pofile(str(translated / f"{STEM}.po"))
    po.find("h1.s1", by="msgctxt").msgstr = "Trump claims to have phoned Putin"
    po.save()
    _run(seeds_copy, translated)
    state = snapshot(memory)[2]

    result = cli("tm", "import", str(older), "--memory", str(memory))
    assert result.exit_code == 0, result.stderr
    where = context(STEM, "h1.s1", str(translated.resolve()))
    source = str(po.find("h1.s1", by="msgctxt").msgid)
    with TranslationMemory(memory) as tm:
        assert tm.human_target(source, where) == "Trump claims to have phoned Putin"
    _run(seeds_copy, translated)
    assert _shown(translated, "h1.s1") == "Trump claims to have phoned Putin"
    if kind == "po":
        # a PO from another folder is for that folder's segments: kept beside ours, and
        # the differing translations are listed as a conflict
        stats = cli("tm", "stats", "--conflicts", "--memory", str(memory))
        assert "Trump says he phoned Putin" in stats.stdout
        return
    assert snapshot(memory)[2] == state  # nothing stored: no output is redone
    assert result.stdout.endswith(
        f" into {memory}, 1 differing human translation left as it is (the memory's "
        "is kept; --replace-human to take the file's)\n"
    )

    # asked for, the file's translation is taken, said, and reaches every output
    result = cli("tm", "import", str(older), "--memory", str(memory), "--replace-human")
    assert result.stdout.endswith(
        f" into {memory}, 1 differing human translation replaced by the file's\n"
    )
    _run(seeds_copy, translated)
    assert _shown(translated, "h1.s1") == "Trump says he phoned Putin"


def test_import_for_another_segment_shows_in_stats_conflicts(tmp_path: Path) -> None:
    memory, tmx = tmp_path / "tm.sqlite", tmp_path / "omegat.tmx"
    with TranslationMemory(memory) as tm:
        tm.store_human([("Guten Tag.", "Hello.", context("a", "p1.s1"))])
    tmx.write_text(
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="de"><seg>Guten Tag.</seg>'
        '</tuv><tuv xml:lang="en"><seg>Good afternoon.</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    result = cli("tm", "import", str(tmx), "--memory", str(memory))
    assert result.stdout.startswith("imported 1 human and 0 machine translations")
    stats = cli("tm", "stats", "--conflicts", "--memory", str(memory))
    assert stats.stdout == (
        f"{memory}: 0 machine, 2 human translations, 1 with differing human translations\n"
        "Guten Tag.\n\t(any segment)\tGood afternoon.\n\ta#p1.s1\tHello.\n"
    )


# --- tm export never overwrites the memory, nor any file unless --force (9) ---------------


def test_export_onto_the_memory_itself_is_refused_even_with_force(tmp_path: Path) -> None:
    memory = tmp_path / "memory.sqlite"
    seeded_memory(memory)
    before = snapshot(memory)
    message = (
        f"dolmetsch: {memory} is the translation memory being exported; choose another "
        "name for the TMX\n"
    )
    result = cli("tm", "export", str(memory), "--memory", str(memory))
    assert snapshot(memory) == before
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    (tmp_path / "link.tmx").symlink_to(memory)
    os.link(memory, tmp_path / "hard.tmx")
    for given in (memory, tmp_path / "." / "memory.sqlite", tmp_path / "link.tmx",
                  tmp_path / "hard.tmx", tmp_path / "memory.sqlite-wal"):  # fmt: skip
        result = cli("tm", "export", str(given), "--force", "--memory", str(memory))
        assert (result.exit_code, result.stdout, result.stderr) == (
            2, "", f"dolmetsch: {given} is the translation memory being exported; choose "
            "another name for the TMX\n",
        ), given  # fmt: skip
    assert snapshot(memory) == before
    assert not (tmp_path / "memory.sqlite-wal").exists()


def test_export_never_overwrites_a_file_unless_forced(tmp_path: Path) -> None:
    memory, tmx = tmp_path / "tm.sqlite", tmp_path / "backup.tmx"
    seeded_memory(memory)
    tmx.write_bytes(b"last week's backup")
    result = cli("tm", "export", str(tmx), "--memory", str(memory))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"dolmetsch: {tmx} exists; choose another name or pass --force\n",
    )  # fmt: skip
    assert tmx.read_bytes() == b"last week's backup"
    result = cli("tm", "export", str(tmx), "--force", "--memory", str(memory))
    assert (result.exit_code, result.stdout) == (0, f"exported 7 translations to {tmx}\n")
    assert len(parse_tmx_units(tmx.read_bytes())) == 7


def test_export_into_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    memory, tmx = tmp_path / "tm.sqlite", tmp_path / "bakcup" / "all.tmx"
    seeded_memory(memory)
    result = cli("tm", "export", str(tmx), "--memory", str(memory))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"dolmetsch: {tmx.parent}: no such folder; create it or choose another place\n",
    )  # fmt: skip
    assert not tmx.parent.exists()


# --- tm forget withdraws a person's translation (11) --------------------------------------


def test_forget_withdraws_a_correction_from_the_memory_and_every_output(
    translated: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "run.sqlite"
    machine = _shown(translated, "h1.s1")
    _review(translated / f"{STEM}.po", {"h1.s1": "Trump says he phoned Putin"})
    _run(seeds_copy, translated)
    assert _shown(translated, "h1.s1") == "Trump says he phoned Putin"
    source = str(polib.pofile(str(translated / f"{STEM}.po")).find("h1.s1", by="msgctxt").msgid)
    where = context(STEM, "h1.s1", str(translated.resolve()))

    result = cli("tm", "forget", "--source", source, "--context", where, "--memory", str(memory))
    assert (result.exit_code, result.stdout) == (
        0, f"forgot 1 human translation of {source!r} for {where} in {memory}\n",
    )  # fmt: skip
    with TranslationMemory(memory) as tm:
        assert tm.human_target(source) is None
    _run(seeds_copy, translated)  # outputs made with it are out of date: redone
    entry = polib.pofile(str(translated / f"{STEM}.po")).find("h1.s1", by="msgctxt")
    assert (entry.msgstr, entry.flags) == (machine, ["fuzzy"])
    assert "Trump says" not in (translated / f"{STEM}.html").read_text(encoding="utf-8")


def test_forget_all_segments_or_one_and_say_what_is_left(tmp_path: Path) -> None:
    memory = tmp_path / "tm.sqlite"
    seeded_memory(memory)
    with TranslationMemory(memory) as tm:
        tm.store_human([("Guten Tag.", "Hi.", context("a", "p1.s1")),
                        ("Guten Tag.", "Hey.", context("b", "p2.s1"))])  # fmt: skip
    args = ["tm", "forget", "--source", "Guten Tag.", "--memory", str(memory)]
    result = cli(*args, "--context", "a#p1.s1")
    assert result.stdout == (
        f"forgot 1 human translation of 'Guten Tag.' for a#p1.s1 in {memory}; other "
        "segments keep theirs, and this one now gets the machine's\n"
    )
    result = cli(*args)
    assert result.stdout == f"forgot 2 human translations of 'Guten Tag.' in {memory}\n"
    with TranslationMemory(memory) as tm:
        assert tm.human_target("Guten Tag.") is None
        assert tm.counts() == MemoryCounts(machine=4, human=2)  # machine ones stay
    before = snapshot(memory)
    result = cli(*args, "--context", "")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"dolmetsch: {memory}: no German->English human translation of 'Guten Tag.' "
        "for no segment in particular; nothing was changed (the sentence, its languages "
        "(--from, --to) and the segment must match exactly: `tm stats --conflicts` and "
        "`tm export --human-only` list them)\n",
    )  # fmt: skip
    assert snapshot(memory) == before
    missing = tmp_path / "typo.sqlite"
    result = cli("tm", "forget", "--source", "Guten Tag.", "--memory", str(missing))
    assert (result.exit_code, result.stderr) == (
        2, f"dolmetsch: {missing}: no such translation memory\n",
    )  # fmt: skip
    assert not missing.exists()
