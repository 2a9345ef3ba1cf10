"""Suppression keeps an argos model from writing a glossary's wrong spellings, never a
right word: a canonical form in another letter case (TASS), the target's own spellings
(German "Weißen Haus" into German) or a common word of the target ("Luck" in English);
nor does enforcement after translation rewrite such a word ("Luck" -> "Lutsk").  Found by a
hostile review; each case failed before the fix.  (That a forbidden spelling is suppressed
is tested in test_argos_pairs.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.testing import build_tiny_package, install_tiny_package

CASES = [
    pytest.param(
        "en", "de",
        {"He": "Er", "lives": "lebt", "in": "in", "the": "den", "federal": "Vereinigten",
         "lands": "Staaten", "white": "Weißen", "home": "Haus"},
        [("He lives in the federal lands.", "Er lebt in den Vereinigten Staaten."),
         ("He lives in the white home.", "Er lebt in den Weißen Haus.")],
        id="german-target-inflected-canonical",
    ),
    pytest.param(
        "de", "en", {"Glück": "Luck", "ist": "is", "alles": "everything"},
        [("Glück ist alles.", "Luck is everything.")],
        id="english-word-luck",
    ),
    pytest.param(
        "de", "en", {"Agentur": "TASS", "meldet": "reports", "alles": "everything"},
        [("Agentur meldet alles.", "TASS reports everything.")],
        id="canonical-in-capitals",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("source", "target", "lexicon", "lines"), CASES)
def test_suppression_blocks_no_right_word(
    source: str,
    target: str,
    lexicon: dict[str, str],
    lines: list[tuple[str, str]],
    isolated_argos: Path,
    tmp_path: Path,
) -> None:
    archive = build_tiny_package(tmp_path, from_code=source, to_code=target, lexicon=lexicon)
    isolated_argos.mkdir(parents=True, exist_ok=True)
    install_tiny_package(archive, isolated_argos)
    for text, expected in lines:
        result = CliRunner().invoke(
            main,
            ["translate", "--from", source, "--to", target, "--engine", "argos"],
            input=text + "\n",
        )
        assert result.exit_code == 0, result.stderr
        assert result.stdout.strip() == expected
