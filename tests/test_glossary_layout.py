"""A person's glossary file keeps its own layout: a change rewrites only what it changes.

Lines the person wrote irregularly (stray spaces, ``a ;b``, empty list items, trailing
tabs), a UTF-8 byte order mark and CRLF line ends survive every command byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from dolmetsch.cli import main
from dolmetsch.glossary import COLUMNS, dump_glossary, load_glossary, parse_glossary

HEADER = "\t".join(COLUMNS)
BOM = "\ufeff"

# Lines as people type them: each still says exactly one well-formed entry.
IRREGULAR = (
    "Olaf Scholz \tperson\tScholz ;; Kanzler Scholz \t\t\t\t\t",
    "Kyiv\tplace\t Kiew;\t\t\tKiev\t\t",
    " Moscow\t place \tMoskau  ",
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def irregular_file(tmp_path: Path, *, bom: bool = False, crlf: bool = False) -> Path:
    text = "\n".join(["# mine", HEADER + " \t", *IRREGULAR, "# the end"]) + "\n"
    text = (BOM if bom else "") + text
    path = tmp_path / "mine.tsv"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    return path


def test_add_leaves_the_lines_it_does_not_touch_byte_for_byte(tmp_path: Path) -> None:
    path = irregular_file(tmp_path)
    before = path.read_bytes()
    code, _, err = invoke("glossary", "add", "Annalena Baerbock", "--kind", "person",
                          "--variant", "Baerbock", "--glossary", str(path))  # fmt: skip
    assert code == 0, err
    lines = before.decode().splitlines(keepends=True)
    assert path.read_bytes().decode() == "".join(
        [*lines[:-1], "Annalena Baerbock\tperson\tBaerbock\n", lines[-1]]
    )


def test_add_to_one_entry_rewrites_only_its_line(tmp_path: Path) -> None:
    path = irregular_file(tmp_path)
    before = path.read_text(encoding="utf-8")
    code, _, err = invoke("glossary", "add", "Kyiv", "--variant", "Kyjiw",
                          "--glossary", str(path))  # fmt: skip
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == before.replace(
        IRREGULAR[1], "Kyiv\tplace\tKiew; Kyjiw\t\t\tKiev"
    )


def test_a_file_with_a_byte_order_mark_is_read_and_keeps_it(tmp_path: Path) -> None:
    path = irregular_file(tmp_path, bom=True, crlf=True)
    before = path.read_bytes()
    code, out, err = invoke("glossary", "list", "--glossary", str(path), "--glossary-only")
    assert code == 0, err
    assert out.splitlines()[0] == f"Olaf Scholz\tperson\tScholz; Kanzler Scholz\t{path}"
    code, _, err = invoke("glossary", "add", "Annalena Baerbock", "--kind", "person",
                          "--glossary", str(path))  # fmt: skip
    assert code == 0, err
    lines = before.splitlines(keepends=True)
    assert path.read_bytes() == b"".join(
        [*lines[:-1], b"Annalena Baerbock\tperson\t\r\n", lines[-1]]
    )
    assert path.read_bytes().startswith(BOM.encode("utf-8") + b"# mine\r\n")
    # and removing it again gives back the very bytes the person had
    code, _, err = invoke("glossary", "remove", "Annalena Baerbock", "--glossary", str(path))
    assert code == 0, err
    assert path.read_bytes() == before


def test_a_byte_order_mark_before_the_header_row(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_bytes(f"{BOM}{HEADER}\nKyiv\tplace\tKiew\n".encode())
    assert [e.target for e in load_glossary(path)] == ["Kyiv"]


# --- the round trip, as a property --------------------------------------------------------

_space = st.sampled_from(["", " ", "  ", "\u00a0"])
_word = st.sampled_from(["Kiew", "Kyjiw", "Selenskyj", "Scholz", "Moskau", "Kreml"])


@st.composite
def _list_cell(draw: st.DrawFn) -> str:
    items = draw(st.lists(_word, max_size=3, unique=True))
    parts = [draw(_space) + item + draw(_space) for item in items]
    # empty items ("a;;b", "a;") are dropped by the reader, so the line must be kept as is
    parts += [draw(_space) for _ in range(draw(st.integers(0, 2)))]
    return ";".join(draw(st.permutations(parts)))


@st.composite
def _entry_line(draw: st.DrawFn, number: int) -> str:
    target = f"Name{number}"
    kind = draw(st.sampled_from(["person", "place", "organisation", "term"]))
    german = draw(_list_cell())
    # the German spellings must stay unique across entries: give each its own
    german = ";".join(
        f"{p.rstrip()}{number}{p[len(p.rstrip()) :]}" if p.strip() else p for p in german.split(";")
    )
    cells = [draw(_space) + target + draw(_space), draw(_space) + kind + draw(_space), german]
    cells += [draw(_space) for _ in range(draw(st.integers(0, 5)))]
    return "\t".join(cells)


@st.composite
def irregular_glossaries(draw: st.DrawFn) -> str:
    comment = st.sampled_from(["", "# note", "   ", "  # indented", "#"])
    lines = [*draw(st.lists(comment, max_size=2)), HEADER + draw(st.sampled_from(["", " ", "\t"]))]
    for number in range(draw(st.integers(0, 5))):
        lines += draw(st.lists(comment, max_size=2))
        lines.append(draw(_entry_line(number)))
    lines += draw(st.lists(comment, max_size=2))
    return draw(st.sampled_from(["", BOM])) + "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None)
@given(irregular_glossaries())
def test_dump_of_parse_is_the_text_itself(text: str) -> None:
    assert dump_glossary(parse_glossary(text)) == text


def test_dry_run_diff_of_a_windows_file_shows_only_the_change(tmp_path: Path) -> None:
    path = irregular_file(tmp_path, crlf=True)
    incoming = tmp_path / "deepl.csv"
    incoming.write_text("Baerbock,Annalena Baerbock\n", encoding="utf-8")
    code, out, err = invoke("glossary", "import", str(incoming), "--dry-run",
                            "--glossary", str(path), "--glossary-only")  # fmt: skip
    assert code == 0, err
    changed = [line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert changed == ["+Annalena Baerbock\tterm\tBaerbock"]
