"""Articles not in UTF-8 are read in their source language's legacy code page (review of
issue 15, item 6): Windows-1251 or KOI8 for Russian, Windows-1250 for Polish, the CJK
multi-byte code pages strictly, and Windows-1252 for German, English, French as before."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from dolmetsch.aligned import translatable_texts
from dolmetsch.articles import load_article
from dolmetsch.cli import main
from dolmetsch.errors import InputError
from dolmetsch.files import decode_article, decode_text, encoding_name
from dolmetsch.models import install_file
from dolmetsch.testing import build_tiny_package

RU = "Зеленский встретился с Путиным в Москве."

# (language, text, the code page it is saved in)
CASES = [
    ("ru", RU, "cp1251"),
    ("ru", RU, "koi8_r"),
    ("ru", "МОСКВА, 5 мая. ПЕСКОВ ЗАЯВИЛ", "cp1251"),  # a dateline in capitals
    ("ru", "МОСКВА, 5 мая. ПЕСКОВ ЗАЯВИЛ", "koi8_r"),
    ("uk", "Зеленський зустрівся з Путіним у Києві.", "cp1251"),
    ("uk", "Зеленський зустрівся з Путіним у Києві.", "koi8_u"),
    ("bg", "Президентът Зеленски пристигна в София.", "cp1251"),
    ("pl", "Zełenski spotkał się z Putinem w Kijowie.", "cp1250"),
    ("cs", "Zelenskyj se setkal s Putinem v Kyjevě.", "cp1250"),
    ("el", "Ο Ζελένσκι συναντήθηκε με τον Πούτιν.", "cp1253"),
    ("tr", "Zelenski, Putin ile görüştü; İstanbul'da şaşırdı.", "cp1254"),
    ("he", "זלנסקי נפגש עם פוטין בקייב.", "cp1255"),
    ("ar", "التقى زيلينسكي مع بوتين في كييف.", "cp1256"),
    ("th", "เซเลนสกีพบกับปูตินที่เคียฟ", "cp874"),
    ("zh", "泽连斯基在基辅会见了普京。", "gb18030"),
    ("zt", "澤倫斯基在基輔會見了普丁。", "big5"),
    ("ja", "ゼレンスキー氏はキーウでプーチン氏と会談した。", "shift_jis"),
    ("ja", "ゼレンスキー氏はキーウでプーチン氏と会談した。", "euc_jp"),
    ("ko", "젤렌스키는 키이우에서 푸틴을 만났다.", "euc_kr"),
    ("de", "Selenskyj traf Putin in Moskau; Grüße aus Köln.", "cp1252"),
    ("fr", "Zelensky a rencontré Poutine à Moscou — « déjà ».", "cp1252"),
]


@pytest.mark.parametrize(("lang", "text", "encoding"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_legacy_text_is_read_in_its_languages_code_page(
    lang: str, text: str, encoding: str
) -> None:
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # else the case tests nothing
    decoded = decode_article(data, "a.txt", lang)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_german_text_keeps_windows_1252_and_its_message() -> None:
    """Byte for byte as before: the default language is German, and what is no cp1252 text
    is refused with the same words."""
    data = "Grüße".encode("cp1252")
    assert decode_text(data, "x") == decode_text(data, "x", lang="de")
    assert decode_text(data, "x").encoding == "cp1252"
    with pytest.raises(InputError) as caught:
        decode_text(b"Gr\x81\xfc", "a.txt", "text", "en")
    assert str(caught.value) == "a.txt: neither UTF-8 nor Windows-1252 text (byte 2: b'\\x81')"


def test_a_russian_text_is_not_read_as_windows_1252() -> None:
    """The reviewer's case: `Çåëåíñêèé âñòðåòèëñÿ ñ Ïóòèíûì.` came out of every output."""
    decoded = decode_text("Зеленский встретился с Путиным.".encode("cp1251"), "x", lang="ru")
    assert decoded.text == "Зеленский встретился с Путиным."
    assert encoding_name(decoded.encoding) == "Windows-1251"


@pytest.mark.parametrize(
    ("lang", "data", "message"),
    [
        ("hi", b"\xa4\xe8\xd8",
         "a.txt: not UTF-8 text, and dolmetsch knows no legacy encoding of Hindi (hi) to read "
         "it in: save it as UTF-8"),
        ("ja", b"\x80\x80 ok",
         "a.txt: neither UTF-8, Shift JIS nor EUC-JP text (byte 0: b'\\x80')"),
        ("zt", b"\xff\xff", "a.txt: neither UTF-8 nor Big5 text (byte 0: b'\\xff')"),
    ],
    ids=["no-code-page", "japanese", "big5"],
)  # fmt: skip
def test_what_no_code_page_of_the_language_reads_is_refused(
    lang: str, data: bytes, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data, "a.txt", lang=lang)
    assert str(caught.value) == message


def test_load_article_reads_the_source_languages_code_page(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((RU + "\n").encode("cp1251"))
    article = load_article(path, lang="ru")
    assert article.encoding == "cp1251"
    assert translatable_texts(article.document) == [RU]


# --- through a tiny ru->en argos package -----------------------------------------------------


@pytest.fixture(scope="module")
def ru_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_package(tmp_path_factory.mktemp("ru-en"), from_code="ru", to_code="en")


def test_translate_reads_a_windows_1251_line_and_says_so(ru_en: Path, isolated_argos: Path) -> None:
    install_file(ru_en, isolated_argos)
    result = CliRunner().invoke(
        main,
        ["translate", "--from", "ru", "--engine", "argos", "--no-glossary"],
        input=(RU + "\n").encode("cp1251"),
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Zelensky met с Putin в Moscow.\n"
    assert result.stderr == (
        "dolmetsch: note: standard input, line 1 is not UTF-8: read as Windows-1251 (Russian) "
        "(and any such line after it)\n"
    )


def test_run_writes_a_koi8_article_in_utf8_and_names_its_encoding(
    ru_en: Path, isolated_argos: Path, tmp_path: Path
) -> None:
    install_file(ru_en, isolated_argos)
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes((RU + "\n").encode("koi8_r"))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(seeds), "--from", "ru", "--engine", "argos", "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert f"dolmetsch: note: {seeds / 'a.txt'}: not UTF-8: read as KOI8-R (Russian)\n" in (
        result.stderr
    )
    po = polib.pofile(str(out / "a.po"))
    assert po.metadata["X-Dolmetsch-Source-Encoding"] == "koi8_r"
    assert [entry.msgid for entry in po if RU in entry.msgid] == [RU]
