"""The terminal reader's layout: exact lines at two widths, interleaved, highlighting, a pty.

The pty test runs a small program on a pseudo-terminal of a set size: it asks the
terminal for its size and prints :func:`view_lines` as ``dolmetsch view`` will, so that
the command can be swapped in for the program once it exists.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import unicodedata
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ptyread import read_all

from dolmetsch.aligned import TranslatedArticle, Translation, align
from dolmetsch.document import parse_document
from dolmetsch.engine import EngineInfo
from dolmetsch.errors import InputError, UsageError
from dolmetsch.po import dump_po
from dolmetsch.reader import (
    Row,
    article_rows,
    as_rows,
    interleaved,
    load_rows,
    side_by_side,
    term_spans,
    view_lines,
)
from dolmetsch.tsv import dump_tsv

ANSI = re.compile(r"\x1b\[[0-9;]*m")

ROWS = [
    Row("date", "date", "2026-01-30", "2026-01-30"),
    Row(
        "h1.s1",
        "heading",
        "Selenskyj lädt Putin nach Kiew ein",
        "Zelensky invites Putin to Kyiv",
        ("Selenskyj -> Zelensky", "Putin -> Putin", "Kiew -> Kyiv"),
    ),
    Row(
        "p2.s1",
        "paragraph",
        "Kreml-Sprecher Dmitri Peskow wollte sich jedoch nicht dazu äußern, "
        "wie Russland auf die Anfrage reagiert.",
        "Kremlin spokesman Dmitry Peskov did not want to comment on how Russia "
        "will respond to the request.",
        ("Kreml -> Kremlin", "Dmitri Peskow -> Dmitry Peskov", "Russland -> Russia"),
    ),
    Row(
        "p2.s2",
        "paragraph",
        "Der Kreml schweigt.",
        "The Kremlin is silent.",
        ("Kreml -> Kremlin",),
        ("Kreml -> Kremlin",),
    ),
    Row("p2.s3", "paragraph", "(dpa)", "(dpa)"),
]

GOLDEN = Path(__file__).parent / "data" / "reader"
RULE_80 = "─" * 80


def golden(name: str, lines: list[str], update: bool) -> str:
    """The stored expectation ``tests/data/reader/<name>``; rewritten with --update-golden."""
    path = GOLDEN / name
    if update:
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path.read_text(encoding="utf-8")


B, Y, R, X = "\x1b[1m", "\x1b[1;33m", "\x1b[1;31m", "\x1b[0m"
HEADING_80 = (
    f"{B}# {X}{Y}Selenskyj{X}{B} lädt {X}{Y}Putin{X}{B} nach {X}{Y}Kiew{X}{B} ein{X}   │ "
    f"{B}# {X}{Y}Zelensky{X}{B} invites {X}{Y}Putin{X}{B} to {X}{Y}Kyiv{X}"
)


@pytest.mark.parametrize("width", [80, 120])
def test_side_by_side(width: int, update_golden: bool) -> None:
    lines = side_by_side(ROWS, width, highlight=False)
    expected = golden(f"side-{width}.txt", lines, update_golden)
    assert "".join(line + "\n" for line in lines) == expected
    assert all(len(line) <= width for line in lines)


def test_interleaved(update_golden: bool) -> None:
    lines = interleaved(ROWS, 50, highlight=False)
    expected = golden("interleaved-50.txt", lines, update_golden)
    assert "".join(line + "\n" for line in lines) == expected


def test_highlight_marks_terms_headings_and_failures() -> None:
    lines = side_by_side(ROWS, 80, highlight=True)
    assert lines[2] == HEADING_80
    assert lines[4] == f"{Y}Kreml{X}-Sprecher {Y}Dmitri Peskow{X} wollte    │ " + (
        f"{Y}Kremlin{X} spokesman {Y}Dmitry Peskov{X} did not"
    )
    assert (
        lines[9]
        == f"                                       │ {R}!! glossary check failed: Kreml ->{X}"
    )
    assert lines[1] == f"\x1b[2m{RULE_80}{X}"


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("layout", [side_by_side, interleaved])
def test_highlight_only_adds_styles(width: int, layout: object) -> None:
    assert callable(layout)
    styled = layout(ROWS, width, highlight=True)
    assert [ANSI.sub("", line) for line in styled] == layout(ROWS, width, highlight=False)


def test_a_term_across_a_line_break_is_marked_on_both_lines() -> None:
    row = Row(
        "p1.s1",
        "paragraph",
        "Es sprach Wolodymyr Selenskyj heute",
        "x",
        ("Wolodymyr Selenskyj -> x",),
    )
    lines = side_by_side([row], 43, highlight=True)
    assert lines[0].startswith(f"Es sprach {Y}Wolodymyr{X}")
    assert lines[1].startswith(f"{Y}Selenskyj{X} heute")


def test_umlauts_are_never_split_and_count_one_cell() -> None:
    decomposed = unicodedata.normalize("NFD", "Über Öl äußerten sich Bürger")
    assert len(decomposed) > len("Über Öl äußerten sich Bürger")
    lines = side_by_side([Row("p1.s1", "paragraph", decomposed, "About oil")], 27, highlight=False)
    assert lines == [
        "Über Öl      │ About oil",
        "äußerten     │",
        "sich Bürger  │",
    ]
    assert all(unicodedata.is_normalized("NFC", line) for line in lines)


def test_inputs_as_tuples_and_pairs() -> None:
    article = align(
        parse_document("a", "Der Kreml schweigt."),
        [Translation("The Kremlin is silent.", ("Kreml -> Kremlin",))],
        source_name="a.txt",
        encoding="utf-8",
        engine=EngineInfo("lexicon"),
    )
    expected = [
        Row(
            "p1.s1",
            "paragraph",
            "Der Kreml schweigt.",
            "The Kremlin is silent.",
            ("Kreml -> Kremlin",),
            origin="machine",
        )
    ]
    assert as_rows(article.pairs) == expected
    plain = ("p1.s1", "paragraph", "Der Kreml schweigt.", "The Kremlin is silent.")
    # a 5-tuple says nothing of who translated
    assert as_rows([(*plain, ("Kreml -> Kremlin",))]) == [expected[0]._replace(origin="")]
    assert side_by_side(article.pairs, 60, highlight=False) == side_by_side(
        expected, 60, highlight=False
    )


def test_view_lines_picks_the_layout() -> None:
    assert view_lines(ROWS, 80, highlight=False) == side_by_side(ROWS, 80, highlight=False)
    assert view_lines(ROWS, 79, highlight=False) == interleaved(ROWS, 79, highlight=False)
    assert view_lines(ROWS, 60, highlight=False, layout="side") == side_by_side(
        ROWS, 60, highlight=False
    )
    with pytest.raises(UsageError, match="unknown layout 'columns'"):
        view_lines(ROWS, 80, highlight=False, layout="columns")


def test_too_narrow() -> None:
    with pytest.raises(UsageError, match="a width of 26 is too narrow for two columns"):
        side_by_side(ROWS, 26, highlight=False)
    with pytest.raises(UsageError, match="a width of 15 is too narrow"):
        interleaved(ROWS, 15, highlight=False)


def test_term_spans_prefers_the_longest_whole_word() -> None:
    text = "Wladimir Putin traf Putins Kreml-Sprecher im Kremlin"
    spans = term_spans(text, [("Putin", "short"), ("Wladimir Putin", "full"), ("Kreml", "k")])
    assert [(text[a:b], label) for a, b, label in spans] == [
        ("Wladimir Putin", "full"),
        ("Kreml", "k"),
    ]


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ", min_size=1, max_size=10)


@settings(max_examples=200, deadline=None)
@given(
    de=st.lists(WORDS, min_size=1, max_size=40),
    en=st.lists(WORDS, min_size=1, max_size=40),
    width=st.integers(min_value=27, max_value=160),
)
def test_no_text_is_lost_and_no_line_overflows(de: list[str], en: list[str], width: int) -> None:
    german = unicodedata.normalize("NFD", " ".join(de))
    lines = side_by_side([Row("p1.s1", "paragraph", german, " ".join(en))], width, highlight=False)
    left = (width - 3) // 2
    assert all(len(line) <= width and line[left : left + 2] == " │" for line in lines)
    got_de = " ".join(line[:left].strip() for line in lines if line[:left].strip())
    got_en = " ".join(line[left + 3 :] for line in lines if line[left + 3 :])
    assert got_de == unicodedata.normalize("NFC", " ".join(de))
    assert got_en == " ".join(en)


# --- reading outputs back ------------------------------------------------------------------


def article() -> TranslatedArticle:
    text = (
        "date 2026-01-30\n\nSelenskyj lädt Putin nach Kiew ein\n\n"
        "Kreml-Sprecher Dmitri Peskow sagte, Wladimir Putin habe mit Donald Trump über Kiew, "
        "Moskau und Washington gesprochen. Der Kreml schweigt. (dpa)\n"
    )
    return align(
        parse_document("art", text),
        [
            Translation(
                "Zelensky invites Putin to Kyiv",
                ("Selenskyj -> Zelensky", "Putin -> Putin", "Kiew -> Kyiv"),
            ),
            Translation(
                "Kremlin spokesman Dmitry Peskov said Vladimir Putin had talked with Donald "
                "Trump about Kyiv, Moscow and Washington.",
                (
                    "Kreml -> Kremlin",
                    "Dmitri Peskow -> Dmitry Peskov",
                    "Wladimir Putin -> Vladimir Putin",
                    "Donald Trump -> Donald Trump",
                    "Kiew -> Kyiv",
                    "Moskau -> Moscow",
                    "Washington -> Washington",
                ),
            ),
            Translation("The Kremlin is silent.", ("Kreml -> Kremlin",), ("Kreml -> Kremlin",)),
        ],
        source_name="art.txt",
        encoding="utf-8",
        engine=EngineInfo("lexicon", "ding", "1"),
    )


def test_load_rows_from_po(tmp_path: Path) -> None:
    path = tmp_path / "art.po"
    path.write_text(dump_po(article()), encoding="utf-8")
    assert "Wladimir Putin\n#. -> Vladimir Putin;" in (path.read_text(encoding="utf-8")), (
        "the terms must be wrapped by polib for this test to mean anything"
    )
    rows = load_rows(path)
    assert rows == article_rows(article())
    assert rows[0] == Row("date", "date", "2026-01-30", "2026-01-30")
    assert rows[1].kind == "heading"


def test_load_rows_from_tsv(tmp_path: Path) -> None:
    path = tmp_path / "art.tsv"
    path.write_text(dump_tsv(article()), encoding="utf-8")
    # TSV keeps no glossary terms and no origins: the rest is the same.
    assert load_rows(path) == [
        row._replace(terms=(), failed=(), origin="") for row in article_rows(article())
    ]


def test_load_rows_shows_a_persons_edit(tmp_path: Path) -> None:
    path = tmp_path / "art.po"
    path.write_text(dump_po(article()), encoding="utf-8")
    po = polib.pofile(str(path))
    entry = po.find("Der Kreml schweigt.")
    entry.msgstr = "The Kremlin says nothing."
    entry.flags.remove("fuzzy")
    po.save(str(path))
    rows = {row.id: row for row in load_rows(path)}
    assert rows["p2.s2"].en == "The Kremlin says nothing."


def test_load_rows_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"x\.html: can show \.po and \.tsv files, not \.html"):
        load_rows(tmp_path / "x.html")
    with pytest.raises(InputError, match=r"missing\.po: no such file"):
        load_rows(tmp_path / "missing.po")
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nnonsense\n', encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_rows(broken)
    assert str(refused.value) == f'{broken}:3: unknown keyword "nonsense"; it was left as it is'
    bad_tsv = tmp_path / "bad.tsv"
    bad_tsv.write_text("id\tde\ten\np1.s1\tonly two\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv: line 2: expected 3 tab-separated fields"):
        load_rows(bad_tsv)


# --- on a real terminal ---------------------------------------------------------------------

VIEW = """
import json, os, sys
from dolmetsch.reader import Row, view_lines
rows = [Row(*r[:2], r[2], r[3], tuple(r[4]), tuple(r[5])) for r in json.load(open(sys.argv[1]))]
width = os.get_terminal_size(sys.stdout.fileno()).columns
for line in view_lines(rows, width, highlight=sys.stdout.isatty()):
    print(line)
"""


def run_on_pty(args: list[str], columns: int, lines: int = 40) -> str:
    """``args``' output on a pseudo-terminal ``columns`` wide."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    written = read_all(master)
    os.close(master)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr.decode()
    return written.decode("utf-8")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pty semantics checked on Linux")
@pytest.mark.parametrize("columns", [120, 60])
def test_on_a_real_terminal(tmp_path: Path, columns: int) -> None:
    data = tmp_path / "rows.json"
    data.write_text(json.dumps([list(row) for row in ROWS]), encoding="utf-8")
    output = run_on_pty([sys.executable, "-c", VIEW, str(data)], columns)
    # The terminal turns each newline into CR LF; a tty gets colour.
    expected = view_lines(ROWS, columns, highlight=True)
    assert output == "".join(line + "\r\n" for line in expected)
    assert "\x1b[1;33m" in output
    assert ("│" in output) == (columns >= 80)
