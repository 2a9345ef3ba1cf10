"""A mixed folder: German, Russian, Ukrainian and Polish articles translated in one run
(``run --from auto``), each with its own tiny argos package, the glossary enforcing one
English form of every person and place from all four; and the language detector."""

from __future__ import annotations

import html.parser
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import polib
import pytest
from children import toolkit_tmx
from click.testing import CliRunner

from dolmetsch.cli import main
from dolmetsch.detect import SURE, detect, detect_article, tagged_language
from dolmetsch.glossary import check_pairs, load_default_glossary, term_accuracy
from dolmetsch.mixed import sort_by_language
from dolmetsch.settings import config_path, read_config, resolve_one
from dolmetsch.testing import build_tiny_package, install_tiny_package

# Every word of the articles is a lexicon key or a glossary term, so the copy models give
# whole English sentences; a key inside a longer word is safe only because that word is a
# key too (SentencePiece takes the longest user symbol).
LEXICONS: Mapping[str, Mapping[str, str]] = {
    "de": {
        "empfing": "received", "Der": "The", "Sprecher": "spokesman", "lobte": "praised",
        "und": "and", "die": "the", "Gespräche": "talks",
    },
    "ru": {
        "принял": "received", "в": "in", "Представитель": "Spokesman", "хвалил": "praised",
        "переговоры": "talks", "и": "and",
    },
    "uk": {
        "прийняв": "received", "у": "in", "Речник": "Spokesman", "хвалив": "praised",
        "переговори": "talks", "і": "and",
    },
    "pl": {
        "przyjął": "received", "pod": "near", "Rzecznik": "Spokesman", "chwalił": "praised",
        "oraz": "and",
    },
}  # fmt: skip

ARTICLES = {
    "berlin-bericht.txt": (
        "de",
        "Wolodymyr Selenskyj in Kiew\n\nSelenskyj empfing Dmitri Peskow in Kiew. "
        "Der Sprecher lobte Selenskyj und die Kiewer Gespräche.\n",
    ),
    "moskva.txt": (
        "ru",
        "Владимир Зеленский в Киеве\n\nЗеленский принял Дмитрия Пескова в Киеве. "
        "Представитель хвалил переговоры и Зеленского.\n",
    ),
    "kyiv-novyny.txt": (
        "uk",
        "Володимир Зеленський у Києві\n\nЗеленський прийняв Дмитра Пєскова у Києві. "
        "Речник хвалив переговори і Зеленського.\n",
    ),
    "warszawa.txt": (
        "pl",
        "Wołodymyr Zełenski przyjął Pieskowa\n\nZełenski przyjął Dmitrija Pieskowa pod "
        "Kijowem. Rzecznik chwalił Kijów oraz Zełenskiego.\n",
    ),
}
ENGLISH = {
    "de": ["Volodymyr Zelensky in Kyiv", "Zelensky received Dmitry Peskov in Kyiv.",
           "The spokesman praised Zelensky and the Kyiv talks."],
    "ru": ["Volodymyr Zelensky in Kyiv", "Zelensky received Dmitry Peskov in Kyiv.",
           "Spokesman praised talks and Zelensky."],
    "uk": ["Volodymyr Zelensky in Kyiv", "Zelensky received Dmitry Peskov in Kyiv.",
           "Spokesman praised talks and Zelensky."],
    "pl": ["Volodymyr Zelensky received Peskov", "Zelensky received Dmitry Peskov near Kyiv.",
           "Spokesman praised Kyiv and Zelensky."],
}  # fmt: skip
CANONICAL = {"Volodymyr Zelensky", "Zelensky", "Dmitry Peskov", "Peskov", "Kyiv"}
VARIANTS = ["Selenskyj", "Зеленск", "Зеленськ", "Zełensk", "Peskow", "Песков", "Пєсков",
            "Pieskow", "Kiew", "Киев", "Київ", "Києв", "Kijów", "Kijow", "Kiev"]  # fmt: skip


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A copy model X->en for each of the four languages, with its own lexicon."""
    folder = tmp_path_factory.mktemp("mixed-packages")
    return {
        lang: build_tiny_package(folder, from_code=lang, to_code="en", lexicon=lexicon)
        for lang, lexicon in LEXICONS.items()
    }


def _install(archives: dict[str, Path], packages: Path, *langs: str) -> None:
    packages.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        install_tiny_package(archives[lang], packages)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, (_, text) in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["run", *args])
    return result.exit_code, result.stdout, result.stderr


class _Langs(html.parser.HTMLParser):
    """The ``lang`` of every element of a page that has one."""

    def __init__(self) -> None:
        super().__init__()
        self.langs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.langs.update(value or "" for name, value in attrs if name == "lang")


def _stem(name: str) -> str:
    return name.removesuffix(".txt")


def test_mixed_folder_one_run(
    archives: dict[str, Path], isolated_argos: Path, mixed: Path, tmp_path: Path
) -> None:
    _install(archives, isolated_argos, "de", "ru", "uk", "pl")
    out = tmp_path / "out"
    code, stdout, stderr = _run(str(mixed), "--from", "auto", "--out", str(out))
    assert (code, stderr) == (0, "")
    assert stdout.startswith("translated 4 articles (12 sentences) with argos (")
    for lang in LEXICONS:  # each language's own engine, named once
        assert stdout.count(f"translate-{lang}_en-tiny 0.0.1") == 1
    assert "glossary: 26 terms, 26 enforced, 0 repaired, 0 failed (term accuracy 100.0 %)" in stdout
    glossary = load_default_glossary()
    everything: list[tuple[str, str]] = []
    occurrences = 0
    for name, (lang, _) in ARTICLES.items():
        stem = _stem(name)
        po = polib.pofile(str(out / f"{stem}.po"))
        assert (po.metadata["X-Source-Language"], po.metadata["Language"]) == (lang, "en")
        assert [e.msgstr for e in po] == ENGLISH[lang], name
        pairs = [(e.msgid, e.msgstr) for e in po]
        projected = glossary.for_pair(lang, "en")
        assert check_pairs(pairs, projected) == []
        accuracy = term_accuracy(pairs, projected)
        assert accuracy.occurrences >= 6 and accuracy.accuracy == 1.0, name
        assert accuracy.forbidden_left == 0
        occurrences += accuracy.occurrences
        everything.extend((e.msgstr, lang) for e in po)
        if shutil.which("msgfmt"):
            check = subprocess.run(
                ["msgfmt", "--check", "-o", "/dev/null", str(out / f"{stem}.po")],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            assert check.returncode == 0, check.stderr
        language, units = toolkit_tmx(out / f"{stem}.tmx")
        assert language == lang
        assert {tuple(langs) for _, _, langs in units} == {(lang, "en")}
        assert [t for _, t, _ in units] == ENGLISH[lang]
        page = _Langs()
        page.feed((out / f"{stem}.html").read_text(encoding="utf-8"))
        assert page.langs == {lang, "en"}
        tsv = (out / f"{stem}.tsv").read_text(encoding="utf-8")
        assert tsv.split("\n", 1)[0] == f"id\t{lang}\ten\tconfidence"
    assert occurrences == 26  # every one the run counted, rendered in its canonical form
    # one English form from every language: each variant gone, only canonical forms left
    english = " ".join(text for text, _ in everything)
    for variant in VARIANTS:
        assert variant not in english
    assert {w for w in CANONICAL if w in english} == CANONICAL
    # the run's corpus holds every article's units, each naming its own languages
    language, units = toolkit_tmx(out / "corpus.tmx")
    corpus = (out / "corpus.tmx").read_text(encoding="utf-8")
    assert 'srclang="*all*"' in corpus.split("<body>", 1)[0]
    assert language == "*all*"
    assert sorted({tuple(langs) for _, _, langs in units}) == [
        ("de", "en"), ("pl", "en"), ("ru", "en"), ("uk", "en"),
    ]  # fmt: skip
    assert sorted(t for _, t, _ in units) == sorted(t for ts in ENGLISH.values() for t in ts)
    for lang in ("de", "ru", "uk", "pl"):
        assert corpus.count(f'<tu srclang="{lang}" ') == 3
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in ARTICLES:
        assert f'data-stem="{_stem(name)}"' in index
    assert "check against the source (below" in index
    # run again: everything is current, nothing is translated again
    before = {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in out.iterdir()
        if not p.name.startswith(".")  # the lock and the ledger
    }
    code, stdout, stderr = _run(str(mixed), "--from", "auto", "--out", str(out))
    assert (code, stderr) == (0, "")
    assert stdout.startswith("translated 0 articles (0 sentences) and kept 4 unchanged")
    after = {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in out.iterdir()
        if not p.name.startswith(".")  # the lock and the ledger
    }
    assert after == before


def test_language_without_package_is_one_line(
    archives: dict[str, Path], isolated_argos: Path, mixed: Path, tmp_path: Path
) -> None:
    _install(archives, isolated_argos, "de", "ru", "uk")  # no Polish package
    out = tmp_path / "out"
    code, stdout, stderr = _run(str(mixed), "--from", "auto", "--out", str(out))
    assert code == 1
    assert stderr == (
        f"dolmetsch: {mixed / 'warszawa.txt'}: Polish article not translated: no "
        "Polish->English model is installed (the lexicon engine knows German->English only); "
        "run: dolmetsch model install --online --from pl --to en; without internet: dolmetsch "
        "model install FILE.argosmodel\n"
    )
    assert stdout.startswith("translated 3 articles (9 sentences) with ")
    assert "; 1 article failed, named on stderr" in stdout
    written = sorted(p.name for p in out.glob("*.po"))
    assert written == ["berlin-bericht.po", "kyiv-novyny.po", "moskva.po"]
    _, units = toolkit_tmx(out / "corpus.tmx")
    assert {langs[0] for _, _, langs in units} == {"de", "ru", "uk"}


def test_tagged_name_wins_and_unsure_is_one_line(
    archives: dict[str, Path], isolated_argos: Path, tmp_path: Path
) -> None:
    _install(archives, isolated_argos, "uk", "ru")
    folder = tmp_path / "tagged"
    folder.mkdir()
    # Too short for the detector to be sure, though its є is Ukrainian.
    (folder / "brief.uk.txt").write_text("Пєсков\n", encoding="utf-8")
    (folder / "brief.txt").write_text("Пєсков\n", encoding="utf-8")
    assert not detect("Пєсков\n").sure
    out = tmp_path / "out"
    code, _, stderr = _run(str(folder), "--from", "auto", "--out", str(out))
    assert code == 1
    assert stderr.startswith(f"dolmetsch: {folder / 'brief.txt'}: cannot tell its language")
    assert stderr.endswith(
        "it was not translated: tag it in its name (brief.LANG.txt, LANG a code such as uk) "
        "or run its folder with --from LANG\n"
    )
    assert stderr.count("\n") == 1
    po = polib.pofile(str(out / "brief.uk.po"))
    assert po.metadata["X-Source-Language"] == "uk"
    assert [e.msgstr for e in po] == ["Peskov"]
    assert not (out / "brief.po").exists()


def test_article_in_the_target_language_is_left_out(tmp_path: Path) -> None:
    english = tmp_path / "report.txt"
    english.write_text(
        "The government said on Monday that it would send more aid to the region, and the "
        "minister told reporters that the talks were not over.\n",
        encoding="utf-8",
    )
    found = sort_by_language([english], "en")
    assert found.groups == {}
    assert found.left_out == (
        f"{english}: written in English, the language translated into; it was not translated",
    )


def test_from_auto_is_a_setting(monkeypatch: pytest.MonkeyPatch, isolated_argos: Path) -> None:
    folder = config_path().parent
    folder.mkdir(parents=True)
    config_path().write_text('from = "auto"\n', encoding="utf-8")
    config = read_config(config_path())
    assert resolve_one("from", None, config).value == "auto"
    assert resolve_one("from", "AUTO", config).value == "auto"
    monkeypatch.setenv("DOLMETSCH_FROM", "auto")
    assert resolve_one("from", None, config).origin == "env DOLMETSCH_FROM"
    assert resolve_one("from", None, config).value == "auto"
    shown = CliRunner().invoke(main, ["config"])
    assert shown.exit_code == 0, shown.stderr
    assert 'from = "auto"' in shown.stdout
    # translate finds the language of its text; one that says too little is one line
    result = CliRunner().invoke(main, ["translate", "Guten Tag."])
    assert result.exit_code == 2
    assert "cannot tell which language TEXT is in" in result.stderr
    assert "give --from LANG" in result.stderr


GERMAN_PARAGRAPH = (
    "Die Regierung hat am Montag beschlossen, die Steuern für alle Bürger zu senken. Der "
    "Minister sagte, das sei ein wichtiger Schritt für die Wirtschaft des Landes.\n"
)
ENGLISH_QUOTE = (
    '"We are going to make sure that this is the best deal for all of our people and for '
    'the future of the country," he said at the press conference in the capital.\n'
)


@pytest.mark.parametrize("quotes", [1, 2, 5])
def test_a_german_article_quoting_english_at_length_is_german(tmp_path: Path, quotes: int) -> None:
    """One English paragraph among three German ones left the detector unsure (the article
    was left out), two or more made it an English article, not translated."""
    article = tmp_path / "bericht.txt"
    article.write_text(GERMAN_PARAGRAPH * 3 + ENGLISH_QUOTE * quotes, encoding="utf-8")
    found = sort_by_language([article], "en")
    assert (found.groups, found.left_out) == ({"de": [article]}, ())


def test_an_english_article_quoting_a_german_sentence_is_english(tmp_path: Path) -> None:
    article = tmp_path / "report.txt"
    article.write_text(ENGLISH_QUOTE * 4 + GERMAN_PARAGRAPH, encoding="utf-8")
    found = sort_by_language([article], "en")
    assert found.groups == {} and "written in English" in found.left_out[0]
    assert detect_article(ENGLISH_QUOTE * 4 + GERMAN_PARAGRAPH).lang == "en"


GERMAN_LINES = "Die Regierung hat am Montag beschlossen, die Steuern zu senken.\nEs regnet.\n"


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (GERMAN_LINES.encode("utf-8"), "German"),
        (GERMAN_LINES.encode("cp1252"), "German"),
        (
            "Это было решение, которое мы ждали: правительство снизит налоги для всех.\n".encode(
                "cp1251"
            ),
            "Russian",
        ),
    ],
)
def test_translate_from_auto_finds_the_language(
    isolated_argos: Path,
    real_store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    data: bytes,
    found: str,
) -> None:
    monkeypatch.setenv("DOLMETSCH_DATA_DIR", str(real_store_dir))  # the shared store, built once
    result = CliRunner().invoke(
        main, ["translate", "--from", "auto", "--engine", "lexicon"], input=data
    )
    assert f"standard input read as {found} (--from auto)" in result.stderr
    if found == "German":
        assert result.exit_code == 0, result.stderr
        # every line is translated, the first chunk (read to detect) included
        assert result.stdout.splitlines()[1] == "It rains."
        assert len(result.stdout.splitlines()) == 2
    else:
        assert result.exit_code == 2  # no Russian model: the line says what to install
        assert "model install --online --from ru" in result.stderr


def test_translate_from_auto_reads_past_blank_lines_to_the_text(
    isolated_argos: Path, real_store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,000 blank lines before the text were all --from auto read to tell the language:
    "cannot tell which language standard input is in"."""
    monkeypatch.setenv("DOLMETSCH_DATA_DIR", str(real_store_dir))
    data = ("\n" * 2500 + GERMAN_LINES).encode("utf-8")
    result = CliRunner().invoke(
        main, ["translate", "--from", "auto", "--engine", "lexicon"], input=data
    )
    assert result.exit_code == 0, result.stderr
    assert "standard input read as German (--from auto)" in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2502 and lines[2501] == "It rains."
    assert not any(lines[:2500])


def test_translate_from_auto_refuses_the_target_language(isolated_argos: Path) -> None:
    text = "The government decided on Monday to cut taxes for every citizen of the country."
    result = CliRunner().invoke(main, ["translate", "--from", "auto", text])
    assert result.exit_code == 2
    assert "TEXT is written in English, the language translated into" in result.stderr


# --- the detector -----------------------------------------------------------------------


def _samples() -> Iterator[tuple[str, str]]:
    path = Path(__file__).parent / "data" / "detect_samples.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            yield lang, text


SAMPLES = list(_samples())


@pytest.mark.parametrize(
    ("lang", "text"), SAMPLES, ids=[f"{lang}-{n}" for n, (lang, _) in enumerate(SAMPLES)]
)
def test_detects_hand_written_samples(lang: str, text: str) -> None:
    found = detect(text)
    assert found.lang == lang
    assert found.sure, found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Зеленський заявив, що Україна отримає нову допомогу від партнерів.", "uk"),
        ("Зеленский заявил, что Украина получит новую помощь от партнёров.", "ru"),
        ("Πρόεδρος της Ουκρανίας", "el"),
        ("这是一个测试句子，用来检查中文。", "zh"),
        ("これは日本語のテスト文です。", "ja"),
        ("우크라이나 대통령이 오늘 발표했다", "ko"),
        ("Prezydent Ukrainy powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu.", "pl"),
        ("Prezident Ukrajiny řekl, že jednání budou pokračovat příští týden.", "cs"),
    ],
    ids=["uk-letters", "ru-letters", "greek", "chinese", "japanese-kana", "korean", "polish",
         "czech"],
)  # fmt: skip
def test_script_and_letters_decide(text: str, lang: str) -> None:
    assert detect(text).lang == lang


@pytest.mark.parametrize(
    "text",
    ["", "12345 -- 678", "Kiew", "Berlin Paris London"],
    ids=["empty", "no-letters", "one-name", "names-only"],
)
def test_too_little_to_tell_is_unsure(text: str) -> None:
    found = detect(text)
    assert not found.sure
    assert found.confidence < SURE


def test_seed_articles_are_german(seed_files: list[Path]) -> None:
    found = [detect(path.read_text(encoding="utf-8")) for path in seed_files]
    assert [f.lang for f in found] == ["de"] * len(seed_files)
    assert all(f.confidence >= 0.8 for f in found), found


@pytest.mark.parametrize(
    ("name", "lang"),
    [("report.ru.txt", "ru"), ("report.UK.txt", "uk"), ("report.txt", ""),
     ("2024.01.txt", ""), ("report.xx.txt", ""), ("a.b.pl.txt", "pl")],
    ids=["ru", "upper-case", "none", "digits", "not-a-code", "last-part"],
)  # fmt: skip
def test_name_tags(name: str, lang: str) -> None:
    assert tagged_language(Path(name)) == lang


def test_workers_give_the_same_outputs(
    archives: dict[str, Path], isolated_argos: Path, mixed: Path, tmp_path: Path
) -> None:
    """--jobs 2: each language's workers open that language's engine and memory."""
    _install(archives, isolated_argos, "de", "ru", "uk", "pl")
    one, two = tmp_path / "one", tmp_path / "two"
    assert _run(str(mixed), "--from", "auto", "--out", str(one), "--no-memory")[0] == 0
    code, stdout, stderr = _run(str(mixed), "--from", "auto", "--out", str(two), "-j", "2")
    assert (code, stderr) == (0, "")
    assert stdout.startswith("translated 4 articles (12 sentences)")
    names = sorted(p.name for p in one.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in two.iterdir() if not p.name.startswith("."))
    assert len(names) == 4 * 4 + 2
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_no_language_with_an_engine_is_nothing_done(
    isolated_argos: Path, mixed: Path, tmp_path: Path
) -> None:
    code, stdout, stderr = _run(
        str(mixed), "--from", "auto", "--engine", "argos", "--out", str(tmp_path / "out")
    )
    assert (code, stdout) == (2, "")
    lines = stderr.splitlines()
    assert len(lines) == 5
    assert lines[-1] == "dolmetsch: no article could be translated (4 articles, each named above)"
    assert lines[0] == (
        f"dolmetsch: {mixed / 'berlin-bericht.txt'}: German article not translated: no "
        "German->English model is installed; run: dolmetsch model install FILE.argosmodel (or, "
        "with internet: dolmetsch model install --online)"
    )
    for line, lang in zip(lines[1:4], ("uk", "ru", "pl"), strict=True):
        name = {"uk": "Ukrainian", "ru": "Russian", "pl": "Polish"}[lang]
        assert f"{name} article not translated: no {name}->English model is installed" in line
        assert f"dolmetsch model install --online --from {lang} --to en" in line
    assert not (tmp_path / "out").exists()


def test_a_po_edit_in_a_mixed_run_is_read_by_its_own_language_only(
    archives: dict[str, Path], isolated_argos: Path, mixed: Path, tmp_path: Path
) -> None:
    """The other languages' groups used to read moskva.po as an orphan and refuse it ("made
    for Russian->English, this run translates German->English"): exit 1 on every run."""
    _install(archives, isolated_argos, "de", "ru", "uk", "pl")
    out = tmp_path / "out"
    assert _run(str(mixed), "--from", "auto", "--out", str(out))[::2] == (0, "")
    po = polib.pofile(str(out / "moskva.po"))
    entry = next(e for e in po if e.msgctxt == "p2.s2")
    entry.msgstr = "The spokesman praised the talks and Zelensky."
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    po.save(str(out / "moskva.po"))
    code, stdout, stderr = _run(str(mixed), "--from", "auto", "--out", str(out))
    assert (code, stderr) == (0, "")
    assert "1 human edit kept" in stdout
    again = polib.pofile(str(out / "moskva.po"))
    kept = next(e for e in again if e.msgctxt == "p2.s2")
    assert kept.msgstr == "The spokesman praised the talks and Zelensky."


def test_a_tagged_article_of_another_language_is_one_line_in_a_one_language_run(
    archives: dict[str, Path], isolated_argos: Path, tmp_path: Path
) -> None:
    """moskva.ru.txt in Russian, run with the default --from de: it was translated by the
    German model (its Russian copied as 'English'); now one line, the others translated.
    A tag the text does not bear out is no tag (bericht.eu.txt in German is German)."""
    _install(archives, isolated_argos, "de", "ru")
    folder, out = tmp_path / "tagged", tmp_path / "out"
    folder.mkdir()
    (folder / "moskva.ru.txt").write_text(ARTICLES["moskva.txt"][1], encoding="utf-8")
    german = next(text for lang, text in ARTICLES.values() if lang == "de")
    (folder / "bericht.eu.txt").write_text(german, encoding="utf-8")
    code, _, stderr = _run(str(folder), "--out", str(out))
    assert code == 1
    assert stderr.splitlines() == [
        f"dolmetsch: {folder / 'moskva.ru.txt'}: its name and its text say Russian, this run "
        "translates German; it was not translated: run it with --from ru (or its folder with "
        "--from auto)"
    ]
    assert not (out / "moskva.ru.po").exists()
    assert polib.pofile(str(out / "bericht.eu.po")).metadata["X-Source-Language"] == "de"


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_auto_reads_a_legacy_russian_article_as_from_ru_does(
    codec: str, archives: dict[str, Path], isolated_argos: Path, tmp_path: Path
) -> None:
    """--from auto decoded a Windows-1251 file as Windows-1252 and could not tell its
    language ("perhaps French or Portuguese")."""
    _install(archives, isolated_argos, "ru")
    folder, out = tmp_path / "legacy", tmp_path / "out"
    folder.mkdir()
    (folder / "cp.txt").write_bytes(ARTICLES["moskva.txt"][1].encode(codec))
    code, _, stderr = _run(str(folder), "--from", "auto", "--out", str(out))
    assert code == 0, stderr
    po = polib.pofile(str(out / "cp.po"))
    assert po.metadata["X-Source-Language"] == "ru"
    assert po.metadata["X-Dolmetsch-Source-Encoding"] == codec
    assert po[0].msgid == ARTICLES["moskva.txt"][1].splitlines()[0]


def test_a_language_whose_model_is_gone_stays_in_index_and_corpus(
    archives: dict[str, Path], isolated_argos: Path, mixed: Path, tmp_path: Path
) -> None:
    """The Polish model removed and the German article changed: warszawa.* stayed on disk,
    current, but index.html and corpus.tmx were rewritten without them."""
    _install(archives, isolated_argos, "de", "ru", "uk", "pl")
    out = tmp_path / "out"
    assert _run(str(mixed), "--from", "auto", "--out", str(out))[0] == 0
    corpus_before = (out / "corpus.tmx").read_text(encoding="utf-8")
    polish = corpus_before.count('<tu srclang="pl"')
    assert polish > 0 and 'data-stem="warszawa"' in (out / "index.html").read_text("utf-8")
    for package in isolated_argos.iterdir():
        if package.name.startswith("translate-pl_en"):
            shutil.rmtree(package)
    german = next(n for n, (lang, _) in ARTICLES.items() if lang == "de")
    with (mixed / german).open("a", encoding="utf-8") as handle:
        handle.write("\nDer Sprecher lobte die Gespräche.\n")
    code, _, stderr = _run(str(mixed), "--from", "auto", "--out", str(out))
    assert code == 1 and "warszawa.txt: Polish article not translated" in stderr
    assert 'data-stem="warszawa"' in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "corpus.tmx").read_text(encoding="utf-8").count('<tu srclang="pl"') == polish


@pytest.mark.parametrize("data", [b"", b"\n\n", b"  \n"])
def test_translate_from_auto_with_nothing_to_tell_gives_what_one_language_gives(
    isolated_argos: Path, data: bytes
) -> None:
    auto = CliRunner().invoke(main, ["translate", "--from", "auto"], input=data)
    german = CliRunner().invoke(main, ["translate", "--from", "de"], input=data)
    assert (auto.exit_code, auto.stdout) == (german.exit_code, german.stdout) == (0, german.stdout)
    assert "cannot tell" not in auto.stderr


@pytest.mark.parametrize("data", [b"", b"\n\n", b"  \n"])
def test_blank_input_opens_no_engine(
    isolated_argos: Path, monkeypatch: pytest.MonkeyPatch, data: bytes
) -> None:
    # no dictionary anywhere: opening the lexicon engine would fail (or build a store)
    monkeypatch.setenv("DOLMETSCH_DING", str(isolated_argos / "no-such-ding"))
    done = CliRunner().invoke(
        main, ["translate", "--from", "de", "--engine", "lexicon"], input=data
    )
    assert done.exit_code == 0, done.output
    assert done.stdout == data.decode().replace("  ", "")
    wrong = CliRunner().invoke(main, ["translate", "--from", "xx"], input=data)
    assert wrong.exit_code != 0
