"""Glossary: file format, validation, matching tables, enforcement and its invariants."""

from __future__ import annotations

import pickle
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dolmetsch.errors import DolmetschError
from dolmetsch.glossary import (
    Entry,
    GlossaryError,
    dump_glossary,
    find_matches,
    glossary_hash,
    load_default_glossary,
    load_glossary,
    make_glossary,
    parse_glossary,
    protect,
    restore,
    save_glossary,
)
from dolmetsch.glossary.fileformat import HEADER

GLOSSARY = load_default_glossary()


# --- matching ------------------------------------------------------------------------------

MATCH_CASES = [
    # (text, [(matched text, target, form, rendering)])
    ("Selenskyj sagte", [("Selenskyj", "Volodymyr Zelensky", "base", "Zelensky")]),
    ("Selenskyjs Berater", [("Selenskyjs", "Volodymyr Zelensky", "genitive", "Zelensky's")]),
    ("Peskows Aussage", [("Peskows", "Dmitry Peskov", "genitive", "Peskov's")]),
    ("Kiews Bürgermeister", [("Kiews", "Kyiv", "genitive", "Kyiv's")]),
    ("Putins Berater", [("Putins", "Vladimir Putin", "genitive", "Putin's")]),
    ("Putin's Plan", [("Putin's", "Vladimir Putin", "genitive", "Putin's")]),
    ("Kiewer Unterhändler", [("Kiewer", "Kyiv", "adjective", "Kyiv")]),
    ("Moskauer Börse", [("Moskauer", "Moscow", "adjective", "Moscow")]),
    ("die Schweizer Agentur", [("Schweizer", "Switzerland", "adjective", "Swiss")]),
    ("Wladimir Selenskij", [("Wladimir Selenskij", "Volodymyr Zelensky", "base", None)]),
    ("Wladimir Putin", [("Wladimir Putin", "Vladimir Putin", "base", "Vladimir Putin")]),
    ("Dmitri Peskow", [("Dmitri Peskow", "Dmitry Peskov", "base", "Dmitry Peskov")]),
    ("die Selenskyj-Regierung", [("Selenskyj", "Volodymyr Zelensky", "compound", "Zelensky")]),
    ("Kreml-Sprecher", [("Kreml", "Kremlin", "compound", "Kremlin")]),
    ("Kremlsprecher", [("Kreml", "Kremlin", "closed-compound", "Kremlin")]),
    ("Kremlchef Putin", [("Kreml", "Kremlin", "closed-compound", None), ("Putin", *"VbP")]),
    ("des Kremls", [("Kremls", "Kremlin", "genitive", "Kremlin's")]),
    ("Ukraine-Krieg", [("Ukraine", "Ukraine", "compound", "Ukraine")]),
    ("Saudi-Arabien", [("Saudi-Arabien", "Saudi Arabia", "base", "Saudi Arabia")]),
    ("Orichowo-Wassyliwka", [("Orichowo-Wassyliwka", "Orikhovo-Vasylivka", "base", None)]),
    ("„Kiew“", [("Kiew", "Kyiv", "base", "Kyiv")]),
    ("nach Kiev", [("Kiev", "Kyiv", "base", "Kyiv")]),
    ("Zelensky sagte", [("Zelensky", "Volodymyr Zelensky", "base", "Zelensky")]),
    ("von Blick", [("Blick", "Blick", "base", "Blick")]),
    ("Südkorea", [("Südkorea", "South Korea", "base", "South Korea")]),
    ("in Südkorea", [("Südkorea", "South Korea", "base", "South Korea")]),
    # non-matches
    ("Kiewitz", []),
    ("Peskowitz", []),
    ("Moskauerin", []),  # a woman from Moscow is not the place: a demonym noun, not -er
    ("Putinismus", []),  # Putin's entry does not allow closed compounds
    ("Selenskyjsohn", []),
    ("Ostukraine", [("Ostukraine", "eastern Ukraine", "base", "eastern Ukraine")]),
    ("Mit Blick auf", []),  # the noun "view", not the Swiss paper
    ("Kremlin", [("Kremlin", "Kremlin", "base", "Kremlin")]),  # not Kreml + "in"
    ("kremlnahen", []),
    ("Nordkoreaner", []),
    ("ÜKiew", []),
]
MATCH_IDS = [c[0] for c in MATCH_CASES]


@pytest.mark.parametrize(("text", "expected"), MATCH_CASES, ids=MATCH_IDS)
def test_matching_table(text: str, expected: list[tuple[str, ...]]) -> None:
    got = find_matches(text, GLOSSARY)
    assert len(got) == len(expected), [(m.text, m.form) for m in got]
    for match, (matched, target, form, rendering) in zip(got, expected, strict=True):
        if (target, form, rendering) == ("V", "b", "P"):
            target, form, rendering = "Vladimir Putin", "base", "Putin"
        assert (match.text, match.entry.target, match.form) == (matched, target, form)
        assert text[match.start : match.end] == matched
        if rendering is not None:
            assert match.rendering == rendering


def test_longest_match_wins_over_shared_first_name() -> None:
    text = "Wladimir Selenskij traf Wladimir Putin"
    got = [(m.text, m.rendering) for m in find_matches(text, GLOSSARY)]
    assert got == [
        ("Wladimir Selenskij", "Volodymyr Zelensky"),
        ("Wladimir Putin", "Vladimir Putin"),
    ]


@pytest.mark.parametrize("form", ["NFC", "NFD"], ids=["nfc", "nfd"])
def test_matching_is_unicode_correct(form: str) -> None:
    text = unicodedata.normalize(form, "Gespräche in Südkorea und Saporischschja, Weißes Haus")
    got = find_matches(text, GLOSSARY)
    assert [m.entry.target for m in got] == ["South Korea", "Zaporizhzhia", "White House"]
    for m in got:
        assert text[m.start : m.end] == m.text
    assert unicodedata.normalize("NFC", got[0].text) == "Südkorea"


def test_an_empty_glossary_finds_nothing() -> None:
    assert find_matches("Selenskyj traf Putin in Kiew.", make_glossary([])) == []


def test_a_spelling_with_a_bracket_first_is_found() -> None:
    # the first letters become a character class: its special characters are escaped
    glossary = make_glossary([Entry("Kremlin", "organisation", ("]Kreml",))])
    assert [m.rendering for m in find_matches("Im ]Kreml heute", glossary)] == ["Kremlin"]


def test_umlaut_is_a_word_character() -> None:
    assert find_matches("äKiew Kiewä Kiew", GLOSSARY)[0].start == 12


# --- file format and validation ------------------------------------------------------------


def _file(*rows: str) -> str:
    return "\n".join(["# test glossary", HEADER, *rows]) + "\n"


VALID = _file(
    "Volodymyr Zelensky\tperson\tSelenskyj; Selenski\tZelensky\t\tZelenskyy",
    "",
    "# places",
    "Kyiv\tplace\tKiew\t\t\tKiev\t\tcapital",
    "Kremlin\torganisation\tKreml\t\t\t\tclosed",
    "# trailing comment",
)


def test_load_save_round_trip_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_bytes(VALID.encode())
    glossary = load_glossary(path)
    out = tmp_path / "out.tsv"
    save_glossary(glossary, out)
    assert out.read_bytes() == VALID.encode()
    assert [e.target for e in glossary] == ["Volodymyr Zelensky", "Kyiv", "Kremlin"]
    assert glossary.entries[2].closed_compounds
    assert glossary.entries[1].note == "capital"


def test_default_glossary_round_trips() -> None:
    from dolmetsch.glossary.fileformat import default_glossary_text

    assert dump_glossary(GLOSSARY) == default_glossary_text()


def test_save_is_atomic_and_keeps_old_file_on_error(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text(VALID)
    save_glossary(parse_glossary(VALID), path)
    assert [p.name for p in tmp_path.iterdir()] == ["terms.tsv"]  # no temporary left
    before = path.read_bytes()
    with pytest.raises(GlossaryError, match="cannot write glossary"):
        save_glossary(parse_glossary(VALID), path / "terms.tsv")  # its folder is a file
    assert path.read_bytes() == before
    path.chmod(0o640)
    save_glossary(parse_glossary(VALID), path)
    assert path.stat().st_mode & 0o777 == 0o640  # a shared file keeps its permissions


ERROR_CASES = [
    (
        _file("Volodymyr Zelensky\tperson\tSelenski", "Other\tperson\tSelenski"),
        "terms.tsv:4: variant 'Selenski' already belongs to 'Volodymyr Zelensky'",
    ),
    (
        _file("Kyiv\tplace\tKiew", "Kiev City\tplace\tKyiv"),
        "terms.tsv:4: variant 'Kyiv' already belongs to 'Kyiv'",
    ),
    (_file("\tplace\tKiew"), "terms.tsv:3: empty English target"),
    (
        _file("Kyiv place Kiew"),
        "terms.tsv:3: expected 3 to 8 tab-separated columns (english, kind, german, short,"
        " adjective, forbidden, compounds, note), found 1",
    ),
    (
        _file("Kyiv\tcity\tKiew"),
        "terms.tsv:3: unknown kind 'city'; use one of: person, place, organisation, term",
    ),
    (
        _file("Kyiv\tplace\tKiew\t\t\t\tyes"),
        "terms.tsv:3: compounds must be empty or 'closed', not 'yes'",
    ),
    (
        _file("Kyiv\tplace\tKiew", "Kyiv\tplace\tKyjiw"),
        "terms.tsv:4: entry 'Kyiv' is already defined on line 3",
    ),
    (_file("Kyiv\tplace\tKiew; Kiew"), "terms.tsv:3: variant 'Kiew' listed twice for 'Kyiv'"),
    ("Kyiv\tplace\tKiew\n", "terms.tsv:1: expected the header row english | kind | german"),
    ("# only a comment\n", "terms.tsv:2: no header row"),
]


@pytest.mark.parametrize(
    ("text", "message"),
    ERROR_CASES,
    ids=[
        "duplicate-variant",
        "variant-is-other-target",
        "empty-target",
        "malformed-line",
        "unknown-kind",
        "bad-compounds",
        "duplicate-target",
        "variant-twice",
        "no-header",
        "empty-file",
    ],
)
def test_validation_errors_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, "terms.tsv")
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, DolmetschError)


def test_duplicate_variant_message_is_exact() -> None:
    text = _file("Volodymyr Zelensky\tperson\tSelenski", "Other\tperson\tSelenski")
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, "glossary/terms.tsv")
    assert str(caught.value) == (
        "glossary/terms.tsv:4: variant 'Selenski' already belongs to 'Volodymyr Zelensky'"
    )


def test_glossary_hash_is_stable_and_content_sensitive() -> None:
    a = parse_glossary(VALID)
    reordered = make_glossary(reversed(a.entries))
    assert glossary_hash(a) == glossary_hash(reordered)
    assert len(glossary_hash(a)) == 16
    changed = make_glossary([*a.entries[:2], Entry("Kremlin", "organisation", ("Kreml",))])
    assert glossary_hash(changed) != glossary_hash(a)


# --- enforcement ---------------------------------------------------------------------------

ENFORCE_CASES = [
    # (German, simulated engine output with the protected text's tokens, expected English)
    ("Selenskyjs Berater", "{a} adviser", "Zelensky's adviser"),
    ("Kreml-Sprecher Peskow", "{a} spokesman {b}", "Kremlin spokesman Peskov"),
    ("Kremlchef Putin", "{a}-boss {b}", "Kremlin-boss Putin"),
    ("Kiewer Unterhändler", "{a} negotiators", "Kyiv negotiators"),
    ("in Kiew und Moskau", "in {a} and {b}", "in Kyiv and Moscow"),
]


@pytest.mark.parametrize(("german", "engine", "english"), ENFORCE_CASES, ids=lambda x: str(x))
def test_restore_renders_canonical_forms(german: str, engine: str, english: str) -> None:
    protected = protect(german, GLOSSARY)
    keys = [t.key for t in protected.terms]
    restored = restore(protected, engine.format(**dict(zip("ab", keys, strict=False))))
    assert restored.text == english
    assert restored.counts.enforced == restored.counts.found == len(keys)


def test_restore_repairs_mangled_and_dropped_tokens() -> None:
    protected = protect("Selenskyj traf Putin in Kiew.", GLOSSARY)
    assert protected.text == "Zqa traf Zqb in Zqc."
    restored = restore(protected, "ZQ a met in Kiev.")
    assert restored.text == "Zelensky met Putin in Kyiv."
    counts = restored.counts
    assert (counts.found, counts.enforced, counts.repaired, counts.failed) == (3, 0, 3, 0)
    assert "Kiev" not in restored.text and restored.text.count("Kyiv") == 1


def test_restore_drops_duplicated_token() -> None:
    protected = protect("Putin sagte", GLOSSARY)
    restored = restore(protected, "Zqa said Zqa")
    assert restored.text == "Putin said"


def test_restore_reports_failure_on_empty_output() -> None:
    restored = restore(protect("Putin sagte", GLOSSARY), "")
    assert restored.counts.failed == 1 and restored.terms[0].status == "failed"


def test_restore_replaces_surviving_variants() -> None:
    protected = protect("Der Generalstab", GLOSSARY)
    restored = restore(protected, "Selenskyjs staff in Kiev met Zelenskyy and Peskow")
    assert restored.text == "Zelensky's staff in Kyiv met Zelensky and Peskov"
    assert restored.replaced == (
        ("Selenskyjs", "Zelensky's"),
        ("Kiev", "Kyiv"),
        ("Zelenskyy", "Zelensky"),
        ("Peskow", "Peskov"),
    )


def test_substitute_technique() -> None:
    protected = protect("Selenskyjs Berater in Kiew", GLOSSARY, "substitute")
    assert protected.text == "Zelensky's Berater in Kyiv"
    restored = restore(protected, "zelensky's adviser in Kyiv")
    assert restored.text == "Zelensky's adviser in Kyiv"
    assert (restored.counts.enforced, restored.counts.repaired) == (1, 1)


def test_applied_terms_for_po_comment() -> None:
    protected = protect("Putins Berater in Kiew", GLOSSARY)
    restored = restore(protected, protected.text)
    assert restored.applied == ["Putins -> Putin's", "Kiew -> Kyiv"]


# --- properties ----------------------------------------------------------------------------

NAMES = [
    "Selenskyj", "Selenskyjs", "Wladimir Putin", "Putins", "Kiewer", "Kreml-Sprecher",
    "Kremlchef", "Dmitri Peskow", "Saporischschja", "Abu Dhabi", "Kiew", "Schweizer",
    "Zelensky's", "Nordkoreas", "USA", "von Blick", "Weißes Haus", "Kiewitz", "Zqa", "Moskauerin",
]  # fmt: skip
WORDS = ["der", "Präsident", "sagte", "und", "in", "Mit Blick", "„", "“", ",", ".", "-", "'s"]
SEPARATORS = st.sampled_from([" ", "", "-", ", ", "\n", " „", "“ "])
piece = st.one_of(st.sampled_from(NAMES), st.sampled_from(WORDS), st.text("abcäöüß ", max_size=6))
sentences = st.lists(st.tuples(piece, SEPARATORS), max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts)
)


def _identity(sentence: str, technique: str = "placeholder") -> str:
    protected = protect(sentence, GLOSSARY, technique)  # type: ignore[arg-type]
    return restore(protected, protected.text).text


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_protect_restore_loses_and_duplicates_nothing(sentence: str) -> None:
    protected = protect(sentence, GLOSSARY)
    restored = restore(protected, protected.text)
    expected = protected.pieces[0] + "".join(
        t.rendering + p for t, p in zip(protected.terms, protected.pieces[1:], strict=True)
    )
    assert restored.text == expected
    assert restored.counts.enforced == restored.counts.found == len(protected.terms)
    # The source between the occurrences survives, in order.
    pos = 0
    for m, text_piece in zip(protected.terms, protected.pieces, strict=False):
        assert sentence[pos : m.match.start].endswith(text_piece[2:] if pos else text_piece)
        pos = m.match.end


@settings(max_examples=300, deadline=None)
@given(sentences, st.sampled_from(["placeholder", "substitute"]))
def test_protect_restore_is_idempotent(sentence: str, technique: str) -> None:
    once = _identity(sentence, technique)
    assert _identity(once, technique) == once


def test_a_glossary_hashes_its_entries_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # caches keyed by the glossary are asked for every sentence
    glossary = parse_glossary(VALID)
    hashed: list[Entry] = []
    entry_hash = Entry.__hash__

    def counting(entry: Entry) -> int:
        hashed.append(entry)
        return entry_hash(entry)

    monkeypatch.setattr(Entry, "__hash__", counting)
    assert hash(glossary) == hash(glossary)
    assert len(hashed) == len(glossary.entries)


def test_a_copied_glossary_computes_its_own_hash() -> None:
    # a string's hash differs between processes: a pickled hash would be another process's
    glossary = parse_glossary(VALID)
    hash(glossary)
    copied = pickle.loads(pickle.dumps(glossary))
    assert "_hash" not in copied.__dict__
    assert copied == glossary and hash(copied) == hash(glossary)
