"""Bad input through a whole run: each is named in one line, the rest of the batch goes on."""

from __future__ import annotations

from pathlib import Path

import polib
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.tmx import parse_tmx
from dolmetsch.tsv import parse_tsv

GLOSSARY_HEADER = "english\tkind\tgerman\tshort\tadjective\tforbidden\tcompounds\tnote\n"


def run(seeds: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["run", str(seeds), "--out", str(out), *extra])
    return result.exit_code, result.stdout, result.stderr


def test_a_five_megabyte_article(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    seed = (seeds_copy / "004_afa19b5bb09a82e9.txt").read_text(encoding="utf-8")
    body = seed.split("\n", 1)[1]  # without its date line
    copies = 5 * 1024 * 1024 // len(body.encode("utf-8")) + 1
    big = seeds_copy / "big.txt"
    big.write_text(seed + "\n\n" + "\n\n".join([body] * copies), encoding="utf-8")
    assert big.stat().st_size > 5 * 1024 * 1024
    out = tmp_path / "out"
    code, stdout, stderr = run(seeds_copy, out)
    assert (code, stderr) == (0, ""), stderr
    assert stdout.startswith("translated 6 articles")
    entries = polib.pofile(str(out / "big.po"))
    rows = parse_tsv((out / "big.tsv").read_text(encoding="utf-8"))
    units = parse_tmx((out / "big.tmx").read_text(encoding="utf-8"))
    assert len(entries) > 40_000
    assert len(rows) == len(units) >= len(entries)
    assert all(e.msgstr for e in entries)
    # the last sentence stands on the file's last line of text
    last_line = len(big.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    assert entries[-1].occurrences == [("big.txt", str(last_line))]
    page = (out / "big.html").read_text(encoding="utf-8")
    assert page.count(" data-id=") == len(units)


def test_control_characters_and_mixed_line_ends(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    text = (
        "\ufeffMoskau meldet Neues\r\n\r\n"
        "Putin traf\x07 Selenskyj in Kiew. Ein\x1b Satz.\rNoch einer.\n"
    )
    (seeds_copy / "odd.txt").write_bytes(text.encode("utf-8"))
    out = tmp_path / "out"
    code, _, stderr = run(seeds_copy, out)
    assert (code, stderr) == (0, "")
    rows = parse_tsv((out / "odd.tsv").read_text(encoding="utf-8"))
    assert [r[1] for r in rows] == [
        "Moskau meldet Neues", "Putin traf\x07 Selenskyj in Kiew.", "Ein\x1b Satz.", "Noch einer."
    ]  # fmt: skip
    assert "Zelensky in Kyiv" in rows[1][2]
    units = parse_tmx((out / "odd.tmx").read_text(encoding="utf-8"))
    assert units[1][1] == "Putin traf\ufffd Selenskyj in Kiew."  # XML cannot carry a bell
    assert [e.msgid for e in polib.pofile(str(out / "odd.po"))][1] == rows[1][1]


def test_a_broken_glossary_stops_the_run_before_any_output(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "terms.tsv"
    broken.write_text(GLOSSARY_HEADER + "Kyiv\tplace\tKiew\nKiev\tplace\n", encoding="utf-8")
    code, stdout, stderr = run(seeds_copy, tmp_path / "out", "--glossary", str(broken))
    assert code == 1
    assert stderr.startswith(f"dolmetsch: {broken}:3: ")
    assert stderr.count("\n") == 1 and stdout == ""
    assert not (tmp_path / "out").exists()


def test_a_glossary_with_a_duplicate_variant_is_refused(
    installed_tiny: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    duplicate = tmp_path / "terms.tsv"
    duplicate.write_text(
        GLOSSARY_HEADER + "Kyiv\tplace\tKiew\nKiev\tplace\tKiew\n", encoding="utf-8"
    )
    code, _, stderr = run(seeds_copy, tmp_path / "out", "--glossary", str(duplicate))
    assert code == 1
    assert stderr.startswith(f"dolmetsch: {duplicate}:3: ") and "Kiew" in stderr
    assert not (tmp_path / "out").exists()
