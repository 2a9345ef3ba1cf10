"""simplemma's German table asked of a word file in the data folder (glossary.germanwords)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import simplemma

from dolmetsch.glossary.germanwords import german_lookup, words_path, write_words

# Words, names, case and apostrophe variants, compounds the table lacks, and decomposed text.
WORDS = [
    "Hund", "hund", "Schweiß", "schweiss", "Beiden", "Walz", "Donez", "Moskwa", "Geneve",
    "Petkov", "Miroslav", "Selenskyj", "geht's", "Kremlsprecher", "Schwe\u0301iz", "Ä",
    "geht\u2019s", "gibt\u02bcs", "HUND", "ärger", "Ärger", "MOSKAU", "dsa'",
]  # fmt: skip


def test_a_missing_word_file_is_written_and_answers_as_the_table(tmp_path: Path) -> None:
    known = german_lookup(tmp_path)
    assert words_path(tmp_path).is_file()
    for word in WORDS:
        assert known(word) == simplemma.is_known(word, lang="de", low_memory=True), word


def test_a_word_without_an_apostrophe_is_answered_without_importing_simplemma(
    tmp_path: Path,
) -> None:
    """Importing simplemma takes 0.15 s, a tenth of a short translation run."""
    write_words(words_path(tmp_path), iter(["Hund"]))
    probe = (
        "import sys; from pathlib import Path;"
        "from dolmetsch.glossary.germanwords import german_lookup;"
        f"known = german_lookup(Path({str(tmp_path)!r}));"
        "print(known('hund'), known('Katze'), 'simplemma' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "False", "False"]


def test_an_existing_word_file_answers_with_simplemmas_case_variants(tmp_path: Path) -> None:
    write_words(words_path(tmp_path), iter(["Hund"]))
    known = german_lookup(tmp_path)
    assert known("Hund") and known("hund")  # the table's lookup: the other case too
    assert not known("Katze")  # the file answers, not the table


def test_without_a_writable_data_folder_the_table_answers(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    known = german_lookup(blocked)
    assert not words_path(blocked).exists()
    assert known("Katze") and not known("Selenskyj")
