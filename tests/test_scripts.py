"""Any script, any encoding: names in other scripts pass through whole, nothing is split.

Grapheme clusters (a letter with its accents, an emoji with its skin tone and joiners, a
flag) are compared with the ``regex`` module's ``\\X``, an implementation of Unicode's
segmentation rules independent of dolmetsch's tokenizer.  Issue 12, items 6 to 8.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
import regex
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dolmetsch.argos import ArgosEngine, cut_in_middle
from dolmetsch.cli import main
from dolmetsch.engine import EngineOptions
from dolmetsch.files import decode_article
from dolmetsch.lexicon import LexiconEngine, grammar, open_lexicon
from dolmetsch.lexicon.grammar import GLUE, detokenize, tokenize
from dolmetsch.models import find_package
from dolmetsch.segment import sentence_spans
from dolmetsch.tsv import parse_tsv

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MARKERS = "\t\x02\x03\x04"  # the lexicon grammar's markers (TENSE, ADVERB, NEGATED, GLUE)
# A cluster of another script, or an emoji or flag: what must come out as it went in.
_FOREIGN = regex.compile(
    r"(?!\p{Latin})\p{L}|\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}"
)


_CONTROL = regex.compile(r"\p{Cc}")


def clusters(text: str) -> list[str]:
    found: list[str] = regex.findall(r"\X", text)
    return found


def boundaries(text: str) -> set[int]:
    return {0} | {m.end() for m in regex.finditer(r"\X", text)}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(item in rest for item in part)


# German sentence, the non-German parts that must come out whole and in order, id.
SCRIPTS = [
    ("Putin traf Путин in Москва.", ["Путин", "Москва"], "cyrillic"),
    ("Der Politiker Κυριάκος Μητσοτάκης sprach.", ["Κυριάκος Μητσοτάκης"], "greek"),
    ("Der Kronprinz محمد بن سلمان kam.", ["محمد بن سلمان"], "arabic"),
    ("Er traf בְּנְיָמִין נְתַנְיָהוּ in Berlin.", ["בְּנְיָמִין נְתַנְיָהוּ"], "hebrew-points"),
    ("Der Staatschef 習近平 sagte, 中华人民共和国 sei stark.", ["習近平", "中华人民共和国"], "cjk"),
    ("Die Zeitung 朝日新聞は、安倍晋三と書いた。", ["朝日新聞は、安倍晋三と書いた。"], "japanese"),
    ("Der Präsident 문재인 reiste.", ["문재인"], "hangul"),
    ("Der Premier नरेन्द्र मोदी reiste ab.", ["नरेन्द्र मोदी"], "devanagari"),
    ("Die Stadt กรุงเทพมหานคร ist groß.", ["กรุงเทพมหานคร"], "thai"),
    ("Die Familie 👩\u200d👩\u200d👧 kam.", ["👩\u200d👩\u200d👧"], "emoji-zwj"),
    ("Er sagte 👍🏽👋🏿 dazu.", ["👍🏽👋🏿"], "emoji-skin-tones"),
    ("Die Flaggen 🇩🇪🇺🇦 wehen.", ["🇩🇪🇺🇦"], "flags"),
    ("England 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f spielt.",
     ["🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"], "tag-flag"),
    ("Platz 1️⃣ für ❤️.", ["1️⃣", "❤️"], "keycap-variation-selector"),
    ("Chloe\u0308 Sevigny und Bjørn trafen A\u030angstro\u0308m.", ["Chloë", "Bjørn", "Ångström"],
     "nfd-latin"),
    ("Erdoğan traf Łukaszenka in Łódź.", ["Erdoğan", "Łukaszenka", "Łódź"], "latin-beyond-german"),
    ("Selenskyj traf Путин und 習近平 in Kiew.", ["Путин", "習近平"], "with-glossary-names"),
    ("Danke👍🏽, sagte „Путин“ (習近平、李克強)!", ["👍🏽", "Путин", "習近平、李克強"], "glued"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("german", "foreign"), [s[:2] for s in SCRIPTS], ids=[s[2] for s in SCRIPTS]
)
def test_other_scripts_pass_through_whole(
    excerpt_lexicon: Path, german: str, foreign: list[str]
) -> None:
    result = CliRunner().invoke(main, ["translate", "--engine", "lexicon", german])
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    out = result.stdout
    for part in foreign:
        assert nfc(part) in out, (part, out)  # whole, with the source's spacing
    expected = [c for part in foreign for c in clusters(nfc(part))]
    assert is_subsequence(expected, clusters(out)), (expected, out)
    assert not any(m in out for m in MARKERS)


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Krieg👍🏽, sagte er.", "War👍🏽, he said."),
        ("Er sagte: „習近平、李克強。“", 'He said: "習近平、李克強。"'),
        ("Er sagte 🇩🇪Krieg.", "He said 🇩🇪war."),
    ],
    ids=["emoji-after-word", "cjk-in-quotes", "flag-before-word"],
)
def test_spacing_of_the_source(excerpt_lexicon: Path, german: str, english: str) -> None:
    result = CliRunner().invoke(main, ["translate", "--engine", "lexicon", german])
    assert result.stdout == english + "\n"


# ------------------------------------------------------------------ properties
# Letters, marks, numbers, punctuation, symbols (emoji), separators, format characters
# (ZWJ, bidi marks) and controls of every script; surrogates cannot be encoded at all.
ANY_CHAR = st.characters(categories=("L", "M", "N", "P", "S", "Z", "Cf", "Cc"))
PIECES = st.one_of(
    st.text(ANY_CHAR, max_size=5),
    st.sampled_from(
        [
            "Die", "Regierung", "hat", "am", "5.", "Februar", "gesagt", "nicht", "dass", "vor",
            "Jahren", "es", "gibt", "um", "20", "Uhr", "„", "“", ",", ".", " ", "-", "Путин",
            "習近平", "👩\u200d👩\u200d👧", "🇩🇪", "1️⃣", "👍🏽", "e\u0301", "\u0301", "\u200d",
            "\ufe0f", "\u00ad", "\u0600", "क्षि", "ครับ",
        ]
    ),
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=20).flatmap(
    lambda pieces: st.sampled_from([" ".join(pieces), "".join(pieces)])
)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def engines(store_dir: Path, excerpt_ding: Path) -> Iterator[tuple[LexiconEngine, ...]]:
    full = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    baseline = open_lexicon(store_dir, build=False, ding=excerpt_ding, mode="baseline")
    yield full, baseline
    full.store.close()
    baseline.store.close()


@PROPERTY
@given(text=TEXTS)
@example(text="0\x1f🏻")  # a skin tone after a control character (found by hypothesis)
@example(text="\x1f🏻")
def test_lexicon_engine_keeps_every_foreign_cluster(
    engines: tuple[LexiconEngine, ...], text: str
) -> None:
    # The engine drops soft hyphens, reads a control character as a space (grammar._SPACE)
    # and reads NFC; clusters are compared on that text without its outer spaces: a mark
    # after a control character is a cluster of its own, after the space one with it
    # ("0\x1f🏻" -> "0 🏻").
    seen = nfc(_CONTROL.sub(" ", text.replace("\u00ad", ""))).strip(" ")
    want = Counter(c for c in clusters(seen) if _FOREIGN.search(c))
    for engine in engines:
        out = engine.translate([text])[0]
        assert not want - Counter(clusters(out)), (engine.info.name, text, out)
        assert not any(m in out for m in MARKERS)


@PROPERTY
@given(text=TEXTS)
def test_tokens_are_whole_clusters_and_lose_nothing(text: str) -> None:
    seen = nfc(text.replace("\u00ad", ""))
    cuts = boundaries(seen)
    pos = 0
    for token in tokenize(text):
        bare = token.strip(GLUE)
        start = seen.index(bare, pos)
        # between tokens lies only what separates them: white space and control characters
        assert all(c.isspace() or unicodedata.category(c) == "Cc" for c in seen[pos:start])
        assert start in cuts and start + len(bare) in cuts, (token, seen)
        pos = start + len(bare)
    assert all(c.isspace() or unicodedata.category(c) == "Cc" for c in seen[pos:])


# The alphabet tokenize() splits with the standard library (grammar._PLAIN_TEXT), and the
# characters whose neighbours decide a token: hyphens, apostrophes, number separators.
PLAIN_TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0xA0, max_codepoint=0xFF),
        st.characters(min_codepoint=0x2010, max_codepoint=0x2027),
        st.characters(min_codepoint=0x2030, max_codepoint=0x205E),
        st.sampled_from("€ \u00a0-.,:'’aZ09äß"),
    ),
    max_size=30,
)


@PROPERTY
@given(text=PLAIN_TEXTS)
@example(text="Ost-West- und 1.000,5 Rock'n'Roll’s ªº ×÷")
def test_plain_text_splits_as_the_full_pattern(text: str) -> None:
    assert grammar._PLAIN_TEXT.fullmatch(text)
    plain = [(m.span(), m.lastgroup) for m in grammar._PLAIN_TOKEN.finditer(text)]
    assert plain == [(m.span(), m.lastgroup) for m in grammar._TOKEN.finditer(text)]


FOREIGN_WORDS = st.lists(
    st.sampled_from(["Путин", "習近平、李克強。", "👩\u200d👩\u200d👧🇩🇪", "नरेन्द्र", "ครับ", "1️⃣"]),
    min_size=1,
    max_size=6,
).map(" ".join)


@PROPERTY
@given(text=FOREIGN_WORDS)
def test_foreign_text_keeps_its_spacing(text: str) -> None:
    assert detokenize(tokenize(text)) == text


@PROPERTY
@given(text=TEXTS)
@example(text=" \u0301Der Krieg.")  # a space carrying a mark: one cluster
@example(text="Der Krieg \u0600 ")  # an Arabic number sign carries the space after it
def test_sentence_spans_never_cut_a_cluster(text: str) -> None:
    cuts = boundaries(text)
    for start, end in sentence_spans(text):
        assert start in cuts and end in cuts, (text, start, end)


@PROPERTY
@given(text=TEXTS)
def test_argos_cuts_an_enormous_word_between_clusters(text: str) -> None:
    halves = cut_in_middle(text)
    if len(clusters(text)) < 2:
        assert halves is None
        return
    assert halves is not None and "".join(halves) == text
    assert len(halves[0]) in boundaries(text)


def test_argos_copies_an_over_long_run_of_clusters(installed_tiny: Path) -> None:
    package = find_package("de", "en", installed_tiny)
    assert package is not None
    engine = ArgosEngine(package, EngineOptions(max_input_tokens=8, max_batch_tokens=64))
    for text in ["e\u0301" * 41, "👩\u200d👩\u200d👧" * 30, "Путин" * 60]:
        assert engine.translate([text]) == [text]


def test_argos_keeps_other_scripts(installed_tiny: Path) -> None:
    german = "Selenskyj traf Путин und 習近平 👩\u200d👩\u200d👧 in Moskau."
    result = CliRunner().invoke(main, ["translate", "--engine", "argos", "--no-glossary", german])
    assert result.stdout == "Zelensky met Путин und 習近平 👩\u200d👩\u200d👧 in Moscow.\n"


# ------------------------------------------------------------------ encodings
ARTICLE = "Selenskyj traf Putin.\n\nDann reiste er nach Moskau. Путин 習近平 👩\u200d👩\u200d👧\n"


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16", None),  # Python's own: a BOM and the machine's byte order
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32-le", "utf-32-le"),
        ("utf-32-be", "utf-32-be"),
    ],
)
def test_unicode_articles_with_a_bom(
    installed_tiny: Path, tmp_path: Path, codec: str, name: str | None
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = ARTICLE.encode(codec) if name is None else "\ufeff".encode(codec) + ARTICLE.encode(codec)
    (folder / "wide.txt").write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "--no-memory"])
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    rows = parse_tsv((out / "wide.tsv").read_text(encoding="utf-8"))
    assert [target for _, _, target in rows] == [
        "Zelensky met Putin.",
        "Dann reiste er nach Moscow.",
        "Путин 習近平 👩\u200d👩\u200d👧",
    ]
    encoding = polib.pofile(str(out / "wide.po")).metadata["X-Dolmetsch-Source-Encoding"]
    assert encoding == (name or f"utf-16-{sys.byteorder[0]}e")


def test_a_bom_does_not_excuse_broken_utf16() -> None:
    with pytest.raises(Exception, match=r"a\.txt: not UTF-16-LE text, .* \(byte 4\)"):
        decode_article(b"\xff\xfeG\x00r", "a.txt")


def test_nul_bytes_without_a_bom_are_still_binary() -> None:
    with pytest.raises(Exception, match="binary file"):
        decode_article("Grüße".encode("utf-16-le"), "a.txt")


def _translate(*args: str | bytes, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "dolmetsch", "translate", "--engine", "lexicon", *args]
    return subprocess.run(command, input=stdin, capture_output=True, timeout=120, check=False)


def test_stdin_in_windows_1252(excerpt_lexicon: Path) -> None:
    done = _translate(stdin="Grüße aus Österreich.\nKrieg.\n".encode("cp1252"))
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode() == (
        "dolmetsch: note: standard input, line 1 is not UTF-8: read as Windows-1252 "
        "(and any such line after it)\n"
    )
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2 and "Österreich" in lines[0] and lines[1] == "War."


def test_stdin_utf8_with_bom_and_crlf_needs_no_note(excerpt_lexicon: Path) -> None:
    done = _translate(stdin="\ufeffPutin traf Путин.\r\n\r\nKrieg.\r\n".encode())
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode("utf-8").splitlines() == ["Putin met Путин.", "", "War."]


def test_stdin_neither_utf8_nor_windows_1252(excerpt_lexicon: Path) -> None:
    done = _translate(stdin=b"Krieg.\nGr\x81\n")
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "dolmetsch: standard input, line 2: neither UTF-8 nor Windows-1252 text "
        "(byte 2: b'\\x81')\n"
    )


def test_text_argument_in_windows_1252(excerpt_lexicon: Path) -> None:
    done = _translate("Grüße aus Österreich.".encode("cp1252"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == b"dolmetsch: note: TEXT is not UTF-8: read as Windows-1252\n"
    assert "Österreich" in done.stdout.decode("utf-8")
