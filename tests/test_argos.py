"""The argos engine through the tiny copy model: exact outputs, pooling, no truncation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dolmetsch import argos
from dolmetsch.argos import ArgosEngine, detokenize, split_at_clause
from dolmetsch.engine import EngineOptions, load_engine
from dolmetsch.errors import NoModelError, UsageError
from dolmetsch.models import find_package, install_file
from dolmetsch.testing import build_tiny_package


def engine(packages: Path, **options: Any) -> ArgosEngine:
    package = find_package("de", "en", packages)
    assert package is not None
    return ArgosEngine(package, EngineOptions(**options))


def test_exact_translation(installed_tiny: Path) -> None:
    out = engine(installed_tiny).translate(
        [
            "Selenskyj traf Putin in Moskau.",
            "Präsident Wolodymyr Selenskyj traf am 5. Februar 2026 „überraschend“ Putin.",
        ]
    )
    assert out == [
        "Zelensky met Putin in Moscow.",
        "Präsident Wolodymyr Zelensky met am 5. Februar 2026 „überraschend“ Putin.",
    ]


@pytest.mark.parametrize("beam_size", [1, 2, 4])
def test_seed_sentences_copy_exactly(installed_tiny: Path, beam_size: int) -> None:
    from dolmetsch.document import parse_document

    sentences = [
        s.text
        for p in sorted(Path(__file__).parent.parent.glob("seeds/*.txt"))
        for s in parse_document(p.stem, p.read_text(encoding="utf-8")).segments()
    ]
    expected = [
        s.replace("Selenskyj", "Zelensky").replace("traf", "met").replace("Moskau", "Moscow")
        for s in sentences
    ]
    assert engine(installed_tiny, beam_size=beam_size).translate(sentences) == expected


def test_one_pooled_model_call_for_many_sentences(installed_tiny: Path) -> None:
    translator = engine(installed_tiny)
    calls: list[int] = []
    real = translator._translator

    class Counting:
        def translate_iterable(self, source: list[list[str]], **kwargs: Any) -> Any:
            calls.append(len(source))
            assert kwargs["batch_type"] == "tokens"
            return real.translate_iterable(source, **kwargs)

    translator._translator = Counting()
    sentences = [f"Satz Nummer {i} traf ein." for i in range(300)]
    assert translator.translate(sentences)[7] == "Satz Nummer 7 met ein."
    assert calls == [300]


def test_duplicates_translated_once_but_all_returned(installed_tiny: Path) -> None:
    progress: list[int] = []
    out = engine(installed_tiny).translate(["A traf.", "B.", "A traf.", "  "], progress.append)
    assert out == ["A met.", "B.", "A met.", "  "]
    assert sum(progress) == 3


def test_long_sentence_is_never_truncated(installed_tiny: Path) -> None:
    words = " ".join(f"wort{i % 97}" for i in range(5000))
    out = engine(installed_tiny, beam_size=1).translate([words])[0]
    assert out == words


def test_long_sentence_split_at_clauses(installed_tiny: Path) -> None:
    clause = "Russland griff an, die Ukraine verteidigte sich – und Moskau schwieg"
    sentence = "; ".join([clause] * 40) + "."
    out = engine(installed_tiny, max_input_tokens=64).translate([sentence])[0]
    assert out == sentence.replace("Moskau", "Moscow")


def test_runaway_output_is_retranslated_in_halves(
    installed_tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Make every copy of more than 32 pieces look like runaway decoding.
    monkeypatch.setattr(argos, "DECODE_RATIO", 0.5)
    sentence = " ".join(f"Wort{i}" for i in range(200))
    assert engine(installed_tiny).translate([sentence]) == [sentence]


def test_deterministic(installed_tiny: Path) -> None:
    sentences = [f"Am {i}. Mai traf Selenskyj in Moskau ein." for i in range(1, 40)]
    assert engine(installed_tiny).translate(sentences) == engine(installed_tiny).translate(
        sentences
    )


def test_target_prefix_is_removed(tmp_path: Path, isolated_argos: Path) -> None:
    archive = build_tiny_package(tmp_path, target_prefix="__en__")
    install_file(archive, isolated_argos)
    assert engine(isolated_argos).translate(["Selenskyj traf."]) == ["Zelensky met."]


def test_load_engine_argos_without_model(isolated_argos: Path) -> None:
    with pytest.raises(NoModelError):
        load_engine("argos", packages_dir=isolated_argos)


def test_load_engine_auto_prefers_argos(installed_tiny: Path) -> None:
    assert load_engine("auto", packages_dir=installed_tiny).info.name == "argos"


def test_load_engine_auto_falls_back_to_lexicon(
    isolated_argos: Path, excerpt_lexicon: Path
) -> None:
    assert load_engine("auto", packages_dir=isolated_argos).info.name == "lexicon"


def test_load_engine_unknown_name() -> None:
    with pytest.raises(UsageError, match="unknown engine 'deepl'"):
        load_engine("deepl")


def test_info_names_package(installed_tiny: Path) -> None:
    assert engine(installed_tiny).info.describe() == "argos (translate-de_en-tiny 0.0.1)"


@pytest.mark.parametrize(
    ("pieces", "text"),
    [
        (["▁Hallo", "▁Welt", "."], "Hallo Welt."),
        (["▁Gr", "<0xC3>", "<0xB6>", "ße"], "Größe"),
        (["▁„", "Wir", "“"], "„Wir“"),
        ([], ""),
    ],
)
def test_detokenize(pieces: list[str], text: str) -> None:
    assert detokenize(pieces) == text


@pytest.mark.parametrize(
    ("text", "halves"),
    [
        ("eins zwei; drei vier", ("eins zwei;", "drei vier")),
        ("eins zwei – drei vier", ("eins zwei –", "drei vier")),
        ("eins, zwei, drei, vier", ("eins, zwei,", "drei, vier")),
        ("eins zwei drei vier", ("eins zwei", "drei vier")),
        ("einwort", None),
    ],
)
def test_split_at_clause(text: str, halves: tuple[str, str] | None) -> None:
    assert split_at_clause(text) == halves


def test_bad_options() -> None:
    with pytest.raises(UsageError, match="beam size must be at least 1"):
        EngineOptions(beam_size=0)


def test_unknown_characters_are_copied_back(installed_tiny: Path) -> None:
    # é, ł and the emoji are outside the tiny vocabulary: only replace_unknowns restores them
    sentences = ["Café in Łódź traf 🙂.", "Selenskyj traf.", "Noch ein Café."]
    assert engine(installed_tiny).translate(sentences) == [
        "Café in Łódź met 🙂.",
        "Zelensky met.",
        "Noch ein Café.",
    ]
