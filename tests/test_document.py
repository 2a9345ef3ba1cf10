"""Document model: nothing of an article is lost, and its structure is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dolmetsch.document import block_spans, is_heading, layout, parse_document

# date, block kinds in order (h = heading, p = paragraph), attributions, first heading
SEED_STRUCTURE = {
    "000_711f6cf1b5bfa63b": ("2026-01-30", "pppp", [], None),
    "001_98d687d6ed5f3761": (
        "2026-01-28",
        "phhphpphpphppp",
        [],
        "Darum gehts Russland bietet erneut Treffen zwischen Selenski und Putin in Moskau an",
    ),
    "002_fbae6da8cd196471": (
        "2025-03",
        "phpphpphpphp",
        [],
        "30 Tage keine Schläge gegen Energieanlagen in der Ukraine",
    ),
    "003_7d2f2778bef5b441": (
        None,
        "ppphpphpphppphppp",
        ["(afp/tp)"],
        "Kraftwerke als Sicherheitsgarantie",
    ),
    "004_afa19b5bb09a82e9": (
        None,
        "hpppphphpppphppphphphpphpp",
        ["(dpa)", "(rtr)", "(rtr)", "(dpa)", "(dpa)", "(dpa)", "(dpa)", "(rtr)"],
        "Trump will mit Putin telefoniert haben – Zeitpunkt unklar",
    ),
}


def test_every_seed_is_described(seed_files: list[Path]) -> None:
    assert sorted(p.stem for p in seed_files) == sorted(SEED_STRUCTURE)


@pytest.mark.parametrize("stem", sorted(SEED_STRUCTURE))
def test_seed_loses_no_character(stem: str, seed_files: list[Path]) -> None:
    path = next(p for p in seed_files if p.stem == stem)
    text = path.read_text(encoding="utf-8")
    document = parse_document(stem, text)
    pieces = list(layout(document))
    assert "".join(piece for _, piece in pieces) == text
    assert all(piece.strip() == "" for role, piece in pieces if role == "space")
    assert sum(len(p) for r, p in pieces if r in ("sentence", "attribution")) > 0.97 * len(
        text.strip()
    )


@pytest.mark.parametrize("stem", sorted(SEED_STRUCTURE))
def test_seed_structure(stem: str, seed_files: list[Path]) -> None:
    path = next(p for p in seed_files if p.stem == stem)
    document = parse_document(stem, path.read_text(encoding="utf-8"))
    date, kinds, attributions, first_heading = SEED_STRUCTURE[stem]
    assert document.date == date
    assert "".join(b.kind[0] for b in document.blocks) == kinds
    assert [s.text for s in document.segments() if s.kind == "attribution"] == attributions
    headings = [b.segments[0].text for b in document.blocks if b.kind == "heading"]
    assert (headings[0] if headings else None) == first_heading
    ids = [s.id for s in document.segments()]
    assert len(ids) == len(set(ids))


def test_date_line_on_its_own() -> None:
    document = parse_document("a", "date 2024-05-01\n\nErster Satz. Zweiter Satz.\n")
    assert document.date == "2024-05-01"
    assert [s.text for s in document.segments()] == ["Erster Satz.", "Zweiter Satz."]


def test_date_inline_before_text_with_leading_space() -> None:
    document = parse_document("a", " date 2026-01-30 Der Präsident sprach.")
    assert document.date == "2026-01-30"
    assert document.date_span is not None
    assert document.text[slice(*document.date_span)] == "date 2026-01-30"
    assert [s.text for s in document.segments()] == ["Der Präsident sprach."]


def test_no_date_when_word_date_is_text() -> None:
    assert parse_document("a", "dated text here.").date is None


def test_ids_locate_block_and_sentence() -> None:
    document = parse_document("a", "Überschrift\n\nEins. Zwei.\n\nDrei.")
    assert [s.id for s in document.segments()] == ["h1.s1", "p2.s1", "p2.s2", "p3.s1"]


def test_single_newlines_separate_heading_and_paragraphs() -> None:
    text = "Kurze Überschrift\nDer erste Absatz ist lang genug. Er hat zwei Sätze.\nZweiter Absatz."
    assert "".join(b.kind[0] for b in parse_document("a", text).blocks) == "hpp"


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "Die russischen Truppen haben nach Angaben des Verteidigungs-\n"
        "ministeriums in Moskau eine weitere Ortschaft im Osten der Ukraine\n"
        "unter ihre Kontrolle gebracht, meldete die staatliche Agentur Tass\n"
        "am Sonntag."
    )
    assert len(block_spans(text)) == 1


def test_crlf_line_endings() -> None:
    text = "Titel\r\n\r\nEin Satz. Noch einer.\r\n"
    document = parse_document("a", text)
    assert "".join(b.kind[0] for b in document.blocks) == "hp"
    assert "".join(p for _, p in layout(document)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russland garantiert Sicherheit", True),
        ("Nordkorea: werden Russland „stets unterstützen“", True),
        ("„Das sage ich besser nicht.“", False),
        ("Putin habe zugestimmt, sagte Trump.", False),
        ("Eins. Zwei", False),
        ("x" * 130, False),
    ],
)
def test_is_heading(text: str, expected: bool) -> None:
    assert is_heading(text) is expected


_ALPHABET = st.sampled_from(
    [*list('abcXYZäöüß .,!?:;„“"()-–\n\t 0123456789'), "date ", "(dpa)", "z. B. "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_parse_never_loses_text(text: str) -> None:
    document = parse_document("fuzz", text)
    pieces = list(layout(document))
    assert "".join(p for _, p in pieces) == text
    assert all(p.strip() == "" for r, p in pieces if r == "space")
    assert all(s.text and s.text == s.text.strip() for s in document.segments())
