"""Any file name: no traceback, output names within 255 bytes, no two articles sharing one,
and the name kept, escaped, in every output (issue 12, items 2 and 4).

File names are data.  Each case runs the real CLI (``dolmetsch run --engine lexicon``) on
a folder of articles with odd names, twice, and checks every output with an independent
reader: gettext's ``msgfmt --check``, polib, translate-toolkit (in a child process, as its
package ``translate`` is shadowed by this repository's folder of that name here), Python's
XML and HTML parsers.  A hypothesis test runs :func:`run_batch` on names drawn from any
Unicode (and any bytes) and articles in many scripts.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path, PurePath
from urllib.parse import unquote, unquote_plus

import polib
import pytest
import regex
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dolmetsch.articles import output_stem
from dolmetsch.cli import main
from dolmetsch.files import TMP_PREFIX
from dolmetsch.lexicon import LexiconEngine
from dolmetsch.names import NAME_BYTES, STEM_BYTES, one_line, quote_name, unquote_name
from dolmetsch.pipeline import _folds_case, discover, distinct_stems, run_batch
from dolmetsch.po import read_po
from dolmetsch.tmx import parse_tmx_units
from dolmetsch.tsv import parse_tsv

pytestmark = [
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed"),
]

OWN = {".dolmetsch.lock", ".dolmetsch-ledger.sqlite"}
SUFFIXES = (".po", ".tsv", ".tmx", ".html")


def fs(raw: bytes) -> str:
    """A file name given as bytes, as Python names the file (surrogates for non-UTF-8)."""
    return os.fsdecode(raw)


def nonspace(text: str) -> str:
    return "".join(text.split())


# --- the checks every output must pass ----------------------------------------------------

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


class Page(HTMLParser):
    """Tags properly nested, with the text of each ``<dd>``, the title and every link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.title = ""
        self.dd: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        if tag == "dd":
            self.dd.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack[-1:] == ["title"]:
            self.title += data
        elif self.stack[-1:] == ["dd"]:
            self.dd[-1] += data


def parse_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert not page.problems and not page.stack, (path, page.problems, page.stack)
    return page


def msgfmt_check(path: Path) -> None:
    done = subprocess.run(
        ["msgfmt", "--check", "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b""), (path, done.stderr)


# translate-toolkit reads each PO and TMX: units, and each PO unit's locations
TOOLKIT = """
import json, sys
from translate.storage.po import pofile
from translate.storage.tmx import tmxfile
found = []
for path in sys.argv[1:]:
    if path.endswith(".po"):
        units = [u for u in pofile.parsefile(path).units if not u.isheader()]
        found.append([[u.getlocations(), u.source, u.target] for u in units])
    else:
        found.append([[[], u.source, u.target] for u in tmxfile.parsefile(path).units])
print(json.dumps(found))
"""


def toolkit(paths: Sequence[Path], cwd: Path) -> list[list[list[object]]]:
    done = subprocess.run(
        [sys.executable, "-c", TOOLKIT, *map(str, paths)],
        cwd=cwd,  # not this repository: its translate/ folder would shadow the toolkit's
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    found: list[list[list[object]]] = json.loads(done.stdout)
    return found


def check_outputs(seeds: Path, out: Path, *, toolkit_too: bool = True) -> None:
    """Every article's four outputs valid, named within 255 bytes, apart from every other
    article's, keeping its file name and every character of its text."""
    paths = discover(seeds)
    stems = [output_stem(p) for p in paths]
    assert len(set(stems)) == len(stems), stems
    listed = [p.name for p in out.iterdir()]
    assert all(len(os.fsencode(name)) <= NAME_BYTES for name in listed)
    assert not [name for name in listed if name.startswith(TMP_PREFIX)]
    assert set(listed) - OWN == {"index.html", "corpus.tmx"} | {
        f"{stem}{ext}" for stem in stems for ext in SUFFIXES
    }
    toolkit_files: list[Path] = []
    expected_units: list[list[str]] = []
    corpus_sources: list[str] = []
    for path, stem in zip(paths, stems, strict=True):
        name = path.name
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        assert len(stem.encode("utf-8")) <= STEM_BYTES
        # PO: gettext, dolmetsch's strict reader, polib (byte for byte round trip)
        po_path = out / f"{stem}.po"
        msgfmt_check(po_path)
        strict = read_po(po_path)
        assert unquote_name(strict.metadata["X-Dolmetsch-Source"]) == name
        assert unquote_name(strict.metadata["Project-Id-Version"]) == stem
        header = strict.header.split("\n")  # dolmetsch's two lines, once
        assert len(header) == 2
        assert header[0] == f"{quote_name(name)}: German-English, aligned sentence by sentence."
        po = polib.pofile(str(po_path))
        assert str(po) == po_path.read_text(encoding="utf-8")
        assert po.metadata["X-Dolmetsch-Source"] == quote_name(name)
        for entry in po:
            ((where, line),) = entry.occurrences
            assert unquote_name(where) == name and line.isdigit()
        msgids = [entry.msgid for entry in po]
        assert nonspace("".join(msgids)) == nonspace(text)
        # TSV: the German column rebuilds the text
        rows = parse_tsv((out / f"{stem}.tsv").read_text(encoding="utf-8"))
        assert [de for _, de, _ in rows] == msgids
        # TMX: well-formed XML, the name in each unit
        tmx_path = out / f"{stem}.tmx"
        units = parse_tmx_units(tmx_path.read_bytes())
        assert [u.de for u in units] == msgids
        for unit in units:
            assert unit.tuid.startswith(f"{stem}:")
            assert unquote_name(unit.prop("x-dolmetsch-source") or "") == name
        corpus_sources += [name] * len(units)
        # HTML: nested as written, the name in its header, the title given
        page = parse_page(out / f"{stem}.html")
        assert page.dd[0] == f"{quote_name(name)} (utf-8)"
        assert page.title == stem or page.title.endswith(f"({stem})")
        toolkit_files += [po_path, tmx_path]
        expected_units += [msgids, msgids]
    corpus = parse_tmx_units((out / "corpus.tmx").read_bytes())
    assert [unquote_name(u.prop("x-dolmetsch-source") or "") for u in corpus] == corpus_sources
    index = parse_page(out / "index.html")
    assert sorted(unquote(href) for href in index.hrefs) == sorted(f"{s}.html" for s in stems)
    if not toolkit_too:
        return
    toolkit_files.append(out / "corpus.tmx")
    expected_units.append([u.de for u in corpus])
    read = toolkit(toolkit_files, out.parent)
    assert [[source for _, source, _ in found] for found in read] == expected_units
    for file, found in zip(toolkit_files, read, strict=True):
        if file.suffix != ".po":
            continue
        name = unquote_name(polib.pofile(str(file)).metadata["X-Dolmetsch-Source"])
        try:
            shown = name.encode("utf-8").decode("utf-8")
        except UnicodeEncodeError:  # not UTF-8: the toolkit leaves the quoted form
            shown = quote_name(name, spaces=True)
        for locations, _, _ in found:
            assert isinstance(locations, list) and len(locations) == 1
            assert str(locations[0]).rpartition(":")[0] == shown


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.name not in OWN}


# --- through the CLI -----------------------------------------------------------------------


def cli_run(seeds: Path, out: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "dolmetsch", "run", str(seeds), "--out", str(out),
         "--engine", "lexicon"],
        cwd=seeds.parent,
        capture_output=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    # strict: a name that is not UTF-8 must not make the output undecodable either
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def article(number: int) -> str:
    return (
        f"Bericht {number}\n\nDer Kanzler sprach in Berlin. Er traf Путин und 習近平 in "
        f"Kiew.\n\nDie Familie 👩\u200d👩\u200d👧 kam {number} Mal (dpa).\n"
    )


def _long_multibyte() -> str:
    """240 characters, 255 bytes: the name that stopped a whole run."""
    head = "Bericht über die Lage in Москва und 東京 — "
    name = head + "x" * (236 - len(head))
    while len(os.fsencode(name + ".txt")) > NAME_BYTES:
        name = name[:-2] + "ä"  # one character, one byte more, until 255 bytes
    return name + ".txt"


LONG_MULTIBYTE = _long_multibyte()

CASES = [
    ("255-bytes", ["a" * 251 + ".txt"]),
    ("240-chars-multibyte", [LONG_MULTIBYTE]),
    ("long-twins", ["Bericht-" + "x" * 242 + "1.txt", "Bericht-" + "x" * 242 + "2.txt"]),
    ("long-twins-multibyte", ["ü" * 125 + "a.txt", "ü" * 125 + "b.txt"]),
    ("newline", ["Kanzler\nBericht.txt", "Kanzler_Bericht.txt"]),
    ("specials", ['tab\tspace #"<&>\\.txt', "plus+star*hyphen-%41.txt"]),
    ("line-separators", ["a\u2028b\x1cc\x85d\u2029.txt", "\x1b[31mred.txt"]),
    ("leading-marks", [",komma.txt", ":doppelpunkt.txt", " leer .txt", "#raute.txt"]),
    ("reserved", ["index.txt", "corpus.txt", "INDEX.TXT"]),
    ("upper-and-lower-suffix", ["a.txt", "a.TXT", "a.TXT.txt"]),
    ("not-utf8", [fs(b"Bericht \xfcber Kiew.txt"), fs(b"\x81\x8d\xff.txt")]),
    ("many-scripts", ["Путин 習近平 محمد 👩\u200d👩\u200d👧 e\u0301.txt"]),
    # msgfmt takes the first "charset=" / "plural=" anywhere in the PO header as the file's
    ("header-keywords", ["charset=.txt", "nplurals=9; plural=n.txt"]),
]


@pytest.mark.parametrize(("names"), [names for _, names in CASES], ids=[i for i, _ in CASES])
def test_any_file_name_through_the_cli(
    excerpt_lexicon: Path, tmp_path: Path, names: list[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number, name in enumerate([*names, "plain.txt"], start=1):
        (seeds / name).write_text(article(number), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = cli_run(seeds, out)
    assert (code, stderr) == (0, ""), stderr
    assert f"translated {len(names) + 1} articles" in stdout
    check_outputs(seeds, out)
    first = outputs(out)
    # the second run knows every file for its own: nothing refused, nothing rewritten
    code, stdout, stderr = cli_run(seeds, out)
    assert (code, stderr) == (0, ""), stderr
    assert f"kept {len(names) + 1} unchanged" in stdout
    assert outputs(out) == first
    # without the memory every article is made again: the same bytes, none refused
    done = subprocess.run(
        [sys.executable, "-m", "dolmetsch", "run", str(seeds), "--out", str(out),
         "--engine", "lexicon", "--no-memory"],
        cwd=tmp_path, capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, b"")
    assert outputs(out) == first


def test_a_name_never_splits_an_error_line(excerpt_lexicon: Path, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "leer\nzeile.txt").write_text("  \n", encoding="utf-8")
    (seeds / fs(b"\x1b]0;titel\x07\xe9.txt")).write_text("\n", encoding="utf-8")
    (seeds / "gut.txt").write_text(article(1), encoding="utf-8")
    code, stdout, stderr = cli_run(seeds, tmp_path / "out")
    assert code == 1
    assert stderr.splitlines() == [
        f"dolmetsch: {seeds}/\\x1b]0;titel\\x07\\xe9.txt: empty article (no text to translate)",
        f"dolmetsch: {seeds}/leer\\nzeile.txt: empty article (no text to translate)",
    ]
    assert stdout.startswith("translated 1 article (")
    assert "; 2 articles failed, each named on stderr;" in stdout


def test_an_out_folder_with_a_newline_stays_on_one_summary_line(
    excerpt_lexicon: Path, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(article(1), encoding="utf-8")
    code, stdout, stderr = cli_run(seeds, tmp_path / "neue\nausgabe")
    assert (code, stderr) == (0, "")
    summary, caution = stdout.splitlines()  # the second: the dictionary engine's caution
    assert "neue\\nausgabe" in summary and caution.startswith("lexicon engine: dictionary")


def test_edits_of_a_long_named_article_are_taken_also_after_it_is_renamed(
    excerpt_lexicon: Path, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name = "ä" * 125 + ".txt"
    (seeds / name).write_text(article(1), encoding="utf-8")
    out = tmp_path / "out"
    assert cli_run(seeds, out)[0] == 0
    po_path = out / f"{output_stem(PurePath(name))}.po"
    po = polib.pofile(str(po_path))
    entry = po.find("p2.s1", by="msgctxt")
    entry.msgstr, entry.flags = "The chancellor spoke in Berlin, said the person.", []
    po.save(str(po_path))
    (seeds / name).rename(seeds / "kurz.txt")
    code, stdout, stderr = cli_run(seeds, out)
    assert code == 0
    assert "; 1 human edit kept" in stdout
    assert stderr == (
        f"dolmetsch: note: {po_path}: its article {po_path.stem}.* is not among the articles "
        "of this run; its edits were taken into the memory (the file was left as it is)\n"
    )


def test_view_finds_the_outputs_of_an_article_by_its_path(
    excerpt_lexicon: Path, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    names = ["ä" * 125 + ".txt", "index.txt", "Bericht v. 3.txt"]
    for number, name in enumerate(names, start=1):
        (seeds / name).write_text(article(number), encoding="utf-8")
    out = tmp_path / "out"
    assert cli_run(seeds, out)[0] == 0
    given = [str(seeds / name) for name in names] + ["Bericht v. 3"]
    for number, what in enumerate([1, 2, 3, 3]):
        result = CliRunner().invoke(main, ["view", given[number], "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert f"Bericht {what}" in result.output


# --- output stems and quoting --------------------------------------------------------------

STEMS = [
    ("a.txt", "a"),
    ("Bericht über Kiew.txt", "Bericht über Kiew"),
    ("report-20240101.txt", "report-20240101"),
    ("a" * 240 + ".txt", "a" * 240),  # 245 bytes with .html: kept as it is
    ("a.TXT", "a.TXT"),  # apart from a.txt
    ("index.txt", "index-article-"),
    ("a" * 241 + ".txt", "a" * 231 + "-"),
    ("new\nline.txt", "new_line-"),
    (fs(b"caf\xe9.txt"), "café-"),  # a Latin-1 byte read as Windows-1252, as articles are
    (fs(b"x\x81.txt"), "x_-"),  # a byte Windows-1252 leaves undefined
    ("a.TXT.txt", "a.TXT-"),
]


@pytest.mark.parametrize(("name", "start"), STEMS, ids=[repr(n)[:40] for n, _ in STEMS])
def test_output_stem(name: str, start: str) -> None:
    stem = output_stem(PurePath(name))
    if start.endswith("-"):
        assert stem.startswith(start) and regex.fullmatch(r"[0-9a-f]{8}", stem[len(start) :])
    else:
        assert stem == start


def clusters(text: str) -> list[str]:
    found: list[str] = regex.findall(r"\X", text)
    return found


@pytest.mark.parametrize(
    "unit", ["ä", "e\u0301", "👩\u200d👩\u200d👧", "🇩🇪", "👍🏽", "क्षि", "1️⃣"], ids=repr
)
def test_a_long_stem_is_cut_between_grapheme_clusters(unit: str) -> None:
    name = unit * (STEM_BYTES // len(unit.encode()) + 5)
    stem = output_stem(PurePath(name + ".txt"))
    head = stem[:-9]
    assert len(stem.encode()) <= STEM_BYTES
    assert clusters(head) == [unit] * len(clusters(head))
    assert len(head.encode()) > STEM_BYTES - 9 - len(unit.encode())


def test_one_huge_cluster_is_cut_between_code_points() -> None:
    stem = output_stem(PurePath("e" + "\u0301" * 200 + ".txt"))
    assert len(stem.encode()) <= STEM_BYTES and stem.startswith("e\u0301")


# what os.fsdecode gives for a file name: any text (no lone surrogate), or any bytes
NAMES = st.text(
    st.characters(exclude_characters="\x00/", exclude_categories=["Cs"]), min_size=1
) | st.binary(min_size=1).filter(lambda raw: b"/" not in raw and b"\x00" not in raw).map(
    os.fsdecode
)


@settings(max_examples=500, deadline=None)
@given(name=NAMES, other=NAMES)
def test_quoting_round_trips_and_stems_stay_apart(name: str, other: str) -> None:
    for spaces in (False, True):
        quoted = quote_name(name, spaces=spaces)
        assert unquote_name(quoted) == name
        assert len(quoted.splitlines()) == 1 and quoted == quoted.strip()
        quoted.encode("utf-8")  # no surrogate left: it can be written
        assert not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in quoted)
        if spaces:
            assert not any(c.isspace() for c in quoted)
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:
                continue  # not UTF-8: translate-toolkit leaves the quoted form as it is
            # translate-toolkit reads a location with unquote_plus
            assert unquote_plus(quoted, errors="strict") == name
    assert len(one_line(name).splitlines()) == 1
    one_line(name).encode("utf-8")
    for suffix in (".txt", ".TXT"):
        first, second = PurePath(name + suffix), PurePath(other + suffix)
        stem = output_stem(first)
        assert len(stem.encode("utf-8")) <= STEM_BYTES
        assert output_stem(PurePath(name + suffix)) == stem  # deterministic
        if name != other:
            assert stem != output_stem(second)


def test_a_run_leaves_out_an_article_named_like_another_articles_outputs() -> None:
    long = "x" * 300 + ".txt"
    lookalike = output_stem(PurePath(long)) + ".txt"
    kept, clashes = distinct_stems([Path(long), Path(lookalike), Path("b.txt")])
    assert kept == [Path(long), Path("b.txt")]
    assert clashes == [
        f"{lookalike}: its outputs would be named {lookalike[:-4]}.* like those of {long}; it "
        "was not translated: rename one of the two"
    ]
    kept, clashes = distinct_stems([Path("A.txt"), Path("a.txt")], folds_case=True)
    assert kept == [Path("A.txt")] and len(clashes) == 1
    assert distinct_stems([Path("A.txt"), Path("a.txt")])[0] == [Path("A.txt"), Path("a.txt")]


def test_the_case_probe(tmp_path: Path) -> None:
    probe = tmp_path / "ledger.sqlite"
    probe.write_bytes(b"")
    assert not _folds_case(probe)
    (tmp_path / "LEDGER.SQLITE").symlink_to(probe)  # as a case-insensitive disk answers
    assert _folds_case(probe)


def test_an_article_named_like_another_articles_outputs_is_one_line(
    excerpt_lexicon: Path, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    long = "x" * 250 + ".txt"
    lookalike = output_stem(PurePath(long)) + ".txt"
    (seeds / long).write_text(article(1), encoding="utf-8")
    (seeds / lookalike).write_text(article(2), encoding="utf-8")
    assert lookalike < long  # "-" before "x": the first in name order keeps the name
    code, stdout, stderr = cli_run(seeds, tmp_path / "out")
    assert code == 1
    assert stderr == (
        f"dolmetsch: {seeds / long}: its outputs would be named {lookalike[:-4]}.* like "
        f"those of {lookalike}; it was not translated: rename one of the two\n"
    )
    assert stdout.startswith("translated 1 article (")
    assert "; 1 article failed, named on stderr" in stdout
    po = polib.pofile(str(tmp_path / "out" / f"{lookalike[:-4]}.po"))
    assert po.metadata["X-Dolmetsch-Source"] == lookalike


# --- any name, any script, through run_batch ----------------------------------------------

SCRIPT_WORDS = [
    "Kanzler", "Straße", "Öl", "Путин", "Москва", "習近平", "東京", "محمد", "بن", "سلمان",
    "Κυριάκος", "בְּנְיָמִין", "नरेन्द्र", "กรุงเทพ", "문재인", "👩\u200d👩\u200d👧", "👍🏽",
    "🇩🇪🇺🇦", "e\u0301", "Chloe\u0308", "1️⃣", "„Zitat“", "(dpa)",
]  # fmt: skip
LETTERS = st.sampled_from(
    [
        (0x0041, 0x007A), (0x00C0, 0x024F), (0x0400, 0x04FF), (0x0600, 0x06FF),
        (0x4E00, 0x9FFF), (0x0900, 0x097F), (0x1F300, 0x1F64F), (0x0300, 0x036F),
    ]
).flatmap(lambda span: st.characters(min_codepoint=span[0], max_codepoint=span[1]))  # fmt: skip
WORDS = st.sampled_from(SCRIPT_WORDS) | st.text(LETTERS, min_size=1, max_size=6)
SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(WORDS, min_size=1, max_size=6),
    st.sampled_from([".", "!", "?", ""]),
)
ARTICLE = st.lists(st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join), min_size=1,
                   max_size=3).map(lambda paragraphs: "\n\n".join(paragraphs) + "\n")  # fmt: skip


@st.composite
def article_names(draw: st.DrawFn) -> list[str]:
    """1 to 4 distinct names a file system allows: any Unicode, any bytes, names near 255
    bytes, and long names alike up to their last characters."""
    suffix = draw(st.sampled_from([b".txt", b".txt", b".TXT"]))
    room = NAME_BYTES - len(suffix)
    stems = draw(
        st.lists(
            st.text(st.characters(exclude_characters="\x00/", exclude_categories=["Cs"]),
                    min_size=1).map(os.fsencode)
            | st.binary(min_size=1, max_size=room)
            | st.text(min_size=80, max_size=room).map(os.fsencode)
            .map(lambda raw: (raw * 4)[:room]),
            min_size=1, max_size=3,
        )
    )  # fmt: skip
    if draw(st.booleans()):  # twins: a long name and others alike but for the end
        base = stems[0] * (room // len(stems[0]) + 1)
        tails = draw(st.lists(st.sampled_from([b"1", b"2", b"\xc3\xa4", b"\xff"]),
                              min_size=1, max_size=3, unique=True))  # fmt: skip
        stems += [base[: room - len(tail)] + tail for tail in tails]
    names = []
    for raw in stems:
        raw = raw.replace(b"/", b"_").replace(b"\x00", b"_")[:room] + suffix
        names.append(os.fsdecode(raw))
    return list(dict.fromkeys(names))


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(names=article_names(), data=st.data())
def test_any_names_and_scripts_through_run_batch(
    engine: LexiconEngine, names: list[str], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        seeds, out = Path(folder) / "seeds", Path(folder) / "out"
        seeds.mkdir()
        for name in names:
            text = data.draw(ARTICLE)
            (seeds / name).write_bytes(text.encode("utf-8"))
        paths = discover(seeds)
        assert len(paths) == len(names)
        summary = run_batch(paths, out, engine)
        assert summary.ok, summary.failures
        assert summary.articles == len(names)
        check_outputs(seeds, out, toolkit_too=False)
        first = outputs(out)
        again = run_batch(paths, out, engine)
        assert again.ok, again.failures
        assert outputs(out) == first
