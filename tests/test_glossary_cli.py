"""The glossary commands, on a copy of the shipped glossary: edits, exchange, QA, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.glossary import COLUMNS, fileformat, load_glossary

SHIPPED = Path(fileformat.__file__).resolve().parent / fileformat.DEFAULT_NAME
HEADER = "\t".join(COLUMNS) + "\n"


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    path = tmp_path / "terms.tsv"
    shutil.copy(SHIPPED, path)
    return path


def test_list_by_kind(glossary_file: Path) -> None:
    code, out, _ = invoke("glossary", "list", "--kind", "place", "--glossary", str(glossary_file))
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("Kyiv\tplace\t") and "Kiew" in line for line in lines)
    assert not any("\tperson\t" in line for line in lines)


def test_list_json(glossary_file: Path) -> None:
    code, out, _ = invoke("glossary", "list", "--json", "--glossary", str(glossary_file))
    entries = json.loads(out)
    zelensky = next(e for e in entries if e["target"] == "Volodymyr Zelensky")
    assert code == 0 and "Selenskyj" in zelensky["variants"]


def test_add_then_remove(glossary_file: Path) -> None:
    before = glossary_file.read_bytes()
    code, out, _ = invoke(
        "glossary", "add", "Olaf Scholz", "--variant", "Olaf Scholz", "--variant", "Scholz",
        "--kind", "person", "--note", "former chancellor", "--glossary", str(glossary_file),
    )  # fmt: skip
    assert (code, out) == (0, f"added 'Olaf Scholz' to {glossary_file}\n")
    entry = next(e for e in load_glossary(glossary_file).entries if e.target == "Olaf Scholz")
    assert entry.variants == ("Olaf Scholz", "Scholz") and entry.note == "former chancellor"
    code, out, _ = invoke("glossary", "remove", "Olaf Scholz", "--glossary", str(glossary_file))
    assert (code, out) == (0, f"removed 'Olaf Scholz' from {glossary_file}\n")
    assert glossary_file.read_bytes() == before


def test_add_refuses_a_variant_of_another_entry(glossary_file: Path) -> None:
    before = glossary_file.read_bytes()
    code, _, err = invoke(
        "glossary", "add", "Zelensky Junior", "--variant", "Selenskyj", "--kind", "person",
        "--glossary", str(glossary_file),
    )  # fmt: skip
    assert code == 1
    assert err.startswith("dolmetsch: ") and "Selenskyj" in err and "Volodymyr Zelensky" in err
    assert glossary_file.read_bytes() == before


def test_broken_glossary_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + "Kyiv\tplace\tKiew\n\tplace\tMoskau\n", encoding="utf-8")
    code, _, err = invoke("glossary", "list", "--glossary", str(path))
    assert code == 1
    assert err.startswith(f"dolmetsch: {path}:3: ")


def test_edit_refuses_a_broken_file(glossary_file: Path, tmp_path: Path) -> None:
    before = glossary_file.read_bytes()
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Broken\\tnokind\\tX\\n" >> "$1"\n')
    editor.chmod(0o755)
    code, _, err = invoke("glossary", "edit", "--glossary", str(glossary_file),
                          env={"EDITOR": str(editor)})  # fmt: skip
    assert code == 1 and "nokind" in err
    assert glossary_file.read_bytes() == before


def test_edit_saves_a_valid_change(glossary_file: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Olaf Scholz\\tperson\\tScholz\\n" >> "$1"\n')
    editor.chmod(0o755)
    code, out, _ = invoke("glossary", "edit", "--glossary", str(glossary_file),
                          env={"EDITOR": str(editor)})  # fmt: skip
    assert (code, out) == (0, f"saved {glossary_file}\n")
    assert "Olaf Scholz" in {e.target for e in load_glossary(glossary_file).entries}


@pytest.mark.parametrize("name", ["export.csv", "export.tsv", "export.tbx"])
def test_export_import_round_trip(glossary_file: Path, tmp_path: Path, name: str) -> None:
    exported = tmp_path / name
    code, out, _ = invoke("glossary", "export", str(exported), "--glossary", str(glossary_file))
    assert code == 0 and out.startswith("exported ")
    fresh = tmp_path / "fresh.tsv"
    fresh.write_text(HEADER, encoding="utf-8")
    # Layered over the shipped glossary, which has all of it, the import adds nothing ...
    code, out, err = invoke("glossary", "import", str(exported), "--glossary", str(fresh))
    assert code == 0, err
    assert "0 new entries, 0 entries extended" in out and fresh.read_text() == HEADER
    # ... while into the file alone it brings every entry back.
    code, _, err = invoke(
        "glossary", "import", str(exported), "--glossary", str(fresh), "--glossary-only"
    )
    assert code == 0, err
    imported = {e.target for e in load_glossary(fresh).entries}
    assert {"Volodymyr Zelensky", "Kyiv", "Dmitry Peskov"} <= imported


@pytest.mark.usefixtures("real_store")  # suggest reads the real store
def test_suggest_clusters_spellings(seeds_copy: Path, glossary_file: Path) -> None:
    code, out, _ = invoke("glossary", "suggest", str(seeds_copy), "--glossary", str(glossary_file))
    assert code == 0
    zelensky = next(line for line in out.splitlines() if "Selenski (" in line)
    assert "Selenskyj (" in zelensky and "covered by Volodymyr Zelensky" in zelensky


def test_check_finds_an_edited_inconsistency(tmp_path: Path, glossary_file: Path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="p1.s1", msgid="Selenskyj traf Putin.",
                            msgstr="Zelensky met Putin."))  # fmt: skip
    po.append(polib.POEntry(msgctxt="p1.s2", msgid="Er reiste nach Kiew.",
                            msgstr="He travelled to Kiev."))  # fmt: skip
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    po.save(str(out_dir / "a.po"))
    code, out, err = invoke("glossary", "check", str(out_dir), "--glossary", str(glossary_file))
    assert code == 1
    assert out.startswith(f"{out_dir / 'a.po'}:")
    # One hand-typed "Kiev" is one failure, named by the PO's msgctxt (no "pair N").
    assert out == f"{out_dir / 'a.po'}:9: [Kyiv] p1.s2: 'Kiev' should be 'Kyiv'\n"
    assert err == "checked 1 file: 1 inconsistent rendering\n"
