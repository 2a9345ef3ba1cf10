"""Each target language's gettext Plural-Forms in the PO header (review of issue 15, item 16):
a PO for Russian said English's `nplurals=2; plural=(n != 1);`.  Checked with the real tools:
msgfmt --check compiles a file with a plural entry under each header, and Python's gettext
picks each number's form from the compiled catalogue."""

from __future__ import annotations

import gettext
import subprocess
from pathlib import Path

import polib
import pytest

from dolmetsch.po import PLURAL_FORMS, plural_forms

# which form (index) each number takes, from the languages' grammars (CLDR's examples):
# ru 1 книга, 2 книги, 5 книг, 11 книг, 21 книга, 22 книги, 111 книг
NUMBERS = (0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 102, 111, 1000)
EXPECTED: dict[str, tuple[int, ...]] = {
    "en": (1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    "de": (1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    "fr": (0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    "pb": (0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    "ru": (2, 0, 1, 1, 2, 2, 2, 0, 1, 2, 0, 1, 2, 2),
    "uk": (2, 0, 1, 1, 2, 2, 2, 0, 1, 2, 0, 1, 2, 2),
    "pl": (2, 0, 1, 1, 2, 2, 2, 2, 1, 2, 2, 1, 2, 2),
    "cs": (2, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2),
    "sk": (2, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2),
    "ar": (0, 1, 2, 3, 3, 4, 4, 4, 4, 4, 5, 5, 4, 5),
    "ja": (0,) * 14,
    "zh": (0,) * 14,
    "ko": (0,) * 14,
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_plural_forms_compile_and_choose_each_numbers_form(tmp_path: Path, code: str) -> None:
    header = plural_forms(code)
    count = int(header.split("nplurals=")[1].split(";")[0])
    po = polib.POFile()
    po.metadata = {
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": header,
    }
    po.append(
        polib.POEntry(
            msgid="%d article",
            msgid_plural="%d articles",
            msgstr_plural={i: f"form{i}" for i in range(count)},
        )
    )
    po.save(str(tmp_path / "x.po"))
    done = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(tmp_path / "x.po")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (tmp_path / "x.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    chosen = tuple(int(catalogue.ngettext("%d article", "%d articles", n)[4:]) for n in NUMBERS)
    assert chosen == EXPECTED[code]


def test_every_listed_header_compiles(tmp_path: Path) -> None:
    """msgfmt --check takes every expression of the table (a typo would stop it)."""
    for code, header in PLURAL_FORMS.items():
        path = tmp_path / f"{code}.po"
        path.write_text(
            f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Plural-Forms: {header}\\n"\n\nmsgid "a"\nmsgid_plural "b"\n'
            + "".join(f'msgstr[{i}] "x"\n' for i in range(int(header[9])))
            + "",
            encoding="utf-8",
        )
        done = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, (code, done.stderr)


def test_an_unknown_language_gets_no_header_rather_than_englishs() -> None:
    assert plural_forms("ka") == ""
