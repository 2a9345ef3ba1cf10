"""The person's glossary as a library: where it lives, layering, merging, the lock."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from dolmetsch.glossary import (
    COLUMNS,
    Entry,
    GlossaryBusyError,
    GlossaryError,
    GlossaryFiles,
    add_to_glossary,
    glossary_lock,
    import_into_glossary,
    layer,
    load_effective,
    locate,
    make_glossary,
    merge,
    parse_glossary,
    user_config_path,
)
from dolmetsch.glossary.merge import lost_fields

HEADER = "\t".join(COLUMNS)
SHIPPED = Path(__file__).resolve().parent.parent / "glossary" / "terms.tsv"
# entry lines of the shipped file, counted without the parser
SHIPPED_ENTRIES = sum(
    1
    for line in SHIPPED.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith(("#", "english\t"))
)

DEFAULTS = make_glossary(
    [
        Entry("Volodymyr Zelensky", "person", ("Selenskyj", "Selenski"), "Zelensky",
              forbidden=("Zelenskyy",)),
        Entry("Kyiv", "place", ("Kiew",), forbidden=("Kiev",), note="capital"),
        Entry("Moscow", "place", ("Moskau",)),
    ]
)  # fmt: skip


def glossary(*rows: str) -> str:
    return "\n".join(["# mine", HEADER, *rows]) + "\n"


def test_user_config_path_follows_xdg(tmp_path: Path) -> None:
    assert user_config_path({"XDG_CONFIG_HOME": str(tmp_path)}) == (
        tmp_path / "dolmetsch" / "glossary.tsv"
    )
    home = Path.home() / ".config" / "dolmetsch" / "glossary.tsv"
    assert user_config_path({"XDG_CONFIG_HOME": "relative/ignored"}) == home
    assert user_config_path({}) == home


def test_locate_in_this_checkout_and_with_a_file(tmp_path: Path) -> None:
    assert locate() == GlossaryFiles(SHIPPED)  # editable install: terms.tsv is the user's
    mine = tmp_path / "mine.tsv"
    assert locate(mine) == GlossaryFiles(mine, SHIPPED, explicit=True)
    assert locate(mine, only=True) == GlossaryFiles(mine, None, explicit=True)
    assert locate(SHIPPED) == GlossaryFiles(SHIPPED, None, explicit=True)


def test_a_missing_named_file_is_an_error_a_missing_default_user_file_is_empty(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "missing.tsv"
    with pytest.raises(GlossaryError, match="no such glossary file; create it with"):
        load_effective(GlossaryFiles(missing, SHIPPED, explicit=True))
    layered = load_effective(GlossaryFiles(missing, SHIPPED))
    assert len(layered.glossary) == SHIPPED_ENTRIES and set(layered.origins) == {str(SHIPPED)}
    assert not missing.exists()


def test_layering_user_entries_win() -> None:
    user = parse_glossary(
        glossary("Kyiv\tplace\tKyjiw", "Zelensky\tperson\tSelenski", "Moscow City\tplace\tMoskau")
    )
    layered = layer(DEFAULTS, user, "shipped", "mine")
    by_target = {e.target: (e, origin) for e, origin in layered}
    # replaced in place, with nothing of the shipped entry
    assert by_target["Kyiv"] == (Entry("Kyiv", "place", ("Kyjiw",)), "mine")
    # the user's spellings leave the shipped entries: a variant and the short form
    zelensky, origin = by_target["Volodymyr Zelensky"]
    assert (zelensky.variants, zelensky.short, origin) == (("Selenskyj",), "", "shipped")
    assert by_target["Moscow"][0].variants == ()
    assert [e.target for e in layered.glossary] == [
        "Volodymyr Zelensky", "Kyiv", "Moscow", "Zelensky", "Moscow City"
    ]  # fmt: skip


def test_layering_drops_a_shipped_entry_whose_name_the_user_claims() -> None:
    user = parse_glossary(glossary("Kyiv City\tplace\tKyiv"))
    layered = layer(DEFAULTS, user, "shipped", "mine")
    assert layered.origin("Kyiv") is None and layered.origin("Kyiv City") == "mine"


def test_merge_reports_every_kind_of_conflict_and_keeps_the_glossary() -> None:
    user = parse_glossary(glossary())
    incoming = [
        Entry("Kyiv", "organisation", ("Kyjiw",), note="city", forbidden=("Kyiv",)),
        Entry("Zelensky", "person", ("Wolodymyr",)),  # the short form of another entry
        Entry("Olaf Scholz", "person", ("Scholz", "Moskau"), "Scholz"),
    ]
    merged = merge(user, DEFAULTS, incoming, names=("shipped", "mine"))
    assert merged.conflicts == (
        "'Kyiv': kind is 'place' (in shipped), the import says 'organisation'",
        "'Kyiv': note is 'capital' (in shipped), the import says 'city'",
        "'Kyiv': forbidden 'Kyiv' is its own English form",
        "'Zelensky': the English form 'Zelensky' already belongs to 'Volodymyr Zelensky' "
        "(in shipped); entry not added",
        "'Olaf Scholz': variant 'Moskau' already belongs to 'Moscow' (in shipped)",
    )
    # the shipped Kyiv gained a spelling: it is copied into the person's glossary
    assert [(e.target, e.kind, e.variants, e.note) for e in merged.user] == [
        ("Kyiv", "place", ("Kiew", "Kyjiw"), "capital"),
        ("Olaf Scholz", "person", ("Scholz",), ""),
    ]
    assert (merged.added, merged.extended) == (("Olaf Scholz",), ("Kyiv",))


def test_merge_replacing_conflicts_moves_a_spelling_but_never_a_name() -> None:
    user = parse_glossary(glossary("Moscow\tplace\tMoskau; Moskwa"))
    incoming = [Entry("Moscow Oblast", "place", ("Moskwa", "Moscow"))]
    merged = merge(user, DEFAULTS, incoming, replace_conflicts=True, names=("s", "m"))
    assert merged.replaced == (
        "'Moscow Oblast': variant 'Moskwa' already belongs to 'Moscow' (in m)",
    )
    assert len(merged.conflicts) == 2  # 'Moscow' is the other entry's own name: kept
    assert [(e.target, e.variants) for e in merged.user] == [
        ("Moscow", ("Moskau",)),
        ("Moscow Oblast", ("Moskwa",)),
    ]


def test_lost_fields() -> None:
    old = Entry("A", "person", ("a",), "S", "adj", ("x",), True, "note")
    assert lost_fields(old, Entry("A", "person")) == (
        "variants", "short", "adjective", "forbidden", "compounds", "note"
    )  # fmt: skip
    assert lost_fields(old, Entry("A", "place", ("b",), "T", "j", ("y",), True, "n")) == ()


def test_import_replace_all_needs_a_valid_result(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(glossary("Kyiv\tplace\tKiew"), encoding="utf-8")
    files = GlossaryFiles(path, None, explicit=True)
    before = path.read_bytes()
    twice = [Entry("A", "term", ("x",)), Entry("B", "term", ("x",))]
    with pytest.raises(GlossaryError, match="variant 'x' already belongs to 'A'"):
        import_into_glossary(files, twice, replace_all=True)
    assert path.read_bytes() == before
    assert not path.with_name("mine.tsv.bak").exists()


def test_add_without_kind_needs_an_existing_entry(tmp_path: Path) -> None:
    files = GlossaryFiles(tmp_path / "mine.tsv", None)
    with pytest.raises(GlossaryError, match="'New' is not in the glossary yet: give its --kind"):
        add_to_glossary(files, Entry("New", "term"), kind_given=False)
    assert list(tmp_path.iterdir()) == [tmp_path / ".mine.tsv.lock"]


def test_lock_waits_for_a_real_holder_then_times_out(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    code = (
        "import sys, time; from pathlib import Path; "
        "from dolmetsch.glossary import glossary_lock\n"
        "with glossary_lock(Path(sys.argv[1])):\n"
        "    print('held', flush=True); time.sleep(30)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        start = time.monotonic()
        with pytest.raises(GlossaryBusyError) as caught, glossary_lock(path, timeout=0.3):
            pass
        assert time.monotonic() - start >= 0.3
        assert f"(pid {holder.pid})" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
    with glossary_lock(path, timeout=5):  # released by the kernel when the holder died
        pass


def test_a_windows_file_keeps_its_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    text = glossary("Kyiv\tplace\tKiew")
    path.write_bytes(text.replace("\n", "\r\n").encode())
    add_to_glossary(GlossaryFiles(path), Entry("Moscow", "place", ("Moskau",)))
    assert path.read_bytes() == (text + "Moscow\tplace\tMoskau\n").replace("\n", "\r\n").encode()
