"""Language pairs: code checks, names, and the pair carried into every output of a run
(PO, TMX, HTML, TSV, the corpus TMX and the index), read back by independent readers."""

from __future__ import annotations

import html.parser
import shutil
import sqlite3
import subprocess
from collections.abc import Sequence
from pathlib import Path

import polib
import pytest
from children import toolkit_tmx
from click.testing import CliRunner

from dolmetsch import engine as engine_module
from dolmetsch.cli import main
from dolmetsch.engine import EngineInfo, Progress
from dolmetsch.languages import (
    DEFAULT_PAIR,
    LanguageError,
    LanguagePair,
    check_code,
    language_name,
    native_name,
)
from dolmetsch.memory import TranslationMemory
from dolmetsch.provenance import Provenance
from dolmetsch.tmx import dump_memory_tmx, parse_memory_tmx, parse_tmx_units
from dolmetsch.tsv import header_pair, parse_tsv

# --- codes and names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "code"),
    [("de", "de"), ("RU", "ru"), (" uk ", "uk"), ("zt", "zt"), ("pb", "pb")],
    ids=["plain", "upper-case", "spaces", "argos-zt", "argos-pb"],
)
def test_valid_codes(given: str, code: str) -> None:
    assert check_code(given) == code


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("xx", "language 'xx' is not an ISO 639-1 code such as de, en, ru, uk"),
        ("deu", "language 'deu' is not an ISO 639-1 code such as de, en, ru, uk: did you mean "
                "de (German)?"),
        ("de-AT", "language 'de-AT' is not an ISO 639-1 code such as de, en, ru, uk: did you "
                  "mean de (German)?"),
        ("", "language an empty code is not an ISO 639-1 code such as de, en, ru, uk"),
        ("d3", "language 'd3' is not an ISO 639-1 code such as de, en, ru, uk"),
    ],
    ids=["unknown", "three-letter", "region", "empty", "malformed"],
)  # fmt: skip
def test_bad_codes_say_what_to_give(given: str, message: str) -> None:
    with pytest.raises(LanguageError) as caught:
        check_code(given)
    assert str(caught.value) == message


def test_pair_defaults_and_normalises() -> None:
    assert LanguagePair() == LanguagePair("de", "en") == DEFAULT_PAIR
    pair = LanguagePair("RU", "En")
    assert (pair.source, pair.target, pair.code) == ("ru", "en", "ru-en")
    assert pair.describe() == "Russian->English"
    assert LanguagePair.parse("uk-en") == LanguagePair("uk", "en")


def test_same_language_twice_is_refused() -> None:
    with pytest.raises(LanguageError, match="source and target language are both en"):
        LanguagePair("en", "EN")


@pytest.mark.parametrize("code", ["de", "de-en-fr", "-en"], ids=["no-dash", "three", "empty"])
def test_parse_refuses_what_is_no_pair(code: str) -> None:
    with pytest.raises(LanguageError):
        LanguagePair.parse(code)


def test_names() -> None:
    assert [language_name(c) for c in ("de", "en", "ru", "uk", "pl")] == [
        "German", "English", "Russian", "Ukrainian", "Polish",
    ]  # fmt: skip
    assert language_name("qq") == "qq"  # a heading never fails
    assert [native_name(c) for c in ("de", "en", "ru", "sw")] == [
        "Deutsch", "English", "Русский", "Swahili",
    ]  # fmt: skip


# --- TSV and TMX read any pair ------------------------------------------------------------


def test_tsv_header_names_the_pair_and_old_files_still_read() -> None:
    today = "id\tde\ten\tconfidence\np1.s1\tHallo.\tHello.\t0.50\n"
    older = "id\tde\ten\np1.s1\tHallo.\tHello.\n"
    russian = "id\tru\ten\tconfidence\np1.s1\tПривет.\tHello.\t\n"
    assert header_pair(today) == DEFAULT_PAIR
    assert header_pair(older) == DEFAULT_PAIR
    assert header_pair(russian) == LanguagePair("ru", "en")
    assert parse_tsv(russian) == [("p1.s1", "Привет.", "Hello.")]
    assert parse_tsv(older) == [("p1.s1", "Hallo.", "Hello.")]


def test_tmx_source_language_from_srclang_else_german() -> None:
    text = (
        '<tmx version="1.4"><header srclang="en"/><body>'
        '<tu><tuv xml:lang="de-DE"><seg>Hallo</seg></tuv><tuv xml:lang="en-US"><seg>Hi</seg>'
        "</tuv></tu>"
        '<tu srclang="ru"><tuv xml:lang="en"><seg>Peace</seg></tuv>'
        '<tuv xml:lang="ru"><seg>Мир</seg></tuv></tu>'
        '<tu><tuv xml:lang="pl"><seg>Pokój</seg></tuv><tuv xml:lang="uk"><seg>Мир</seg></tuv>'
        "</tu></body></tmx>"
    )
    units = parse_tmx_units(text)
    assert [(u.pair.code, u.source, u.target) for u in units] == [
        ("en-de", "Hi", "Hallo"),  # the header's srclang
        ("ru-en", "Мир", "Peace"),  # the unit's own
        ("pl-uk", "Pokój", "Мир"),  # neither has it: the first tuv
    ]
    headerless = '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>Hi</seg></tuv>'
    headerless += '<tuv xml:lang="de"><seg>Hallo</seg></tuv></tu></body></tmx>'
    assert [(u.pair, u.source) for u in parse_tmx_units(headerless)] == [(DEFAULT_PAIR, "Hallo")]


def test_memory_tmx_of_several_pairs_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    stamp = Provenance("test", "m", "1", "")
    with TranslationMemory(path) as memory:
        memory.store([("Frieden.", "Peace.", ())], "machine", stamp)
        memory.store([("Мир.", "Peace.", ())], "machine", stamp, pair=LanguagePair("ru", "en"))
        memory.store_human([("Мир.", "Світ.", "")], pair=LanguagePair("ru", "uk"))
        units = memory.export_units()
    text = dump_memory_tmx(units)
    assert 'srclang="*all*"' in text
    back = parse_memory_tmx(text)
    assert sorted((u.pair.code, u.source, u.target, u.origin) for u in back) == sorted(
        (u.pair.code, u.source, u.target, u.origin) for u in units
    )
    exported = tmp_path / "tm.tmx"
    exported.write_text(text, encoding="utf-8")
    _, read = toolkit_tmx(exported)
    assert sorted({tuple(langs) for _, _, langs in read}) == [
        ("de", "en"), ("ru", "en"), ("ru", "uk"),
    ]  # fmt: skip


# --- the memory: no unit crosses pairs, and v2 files are read and migrated --------------


def test_memory_never_serves_another_pairs_units(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    stamp = Provenance("test", "m", "1", "")
    with TranslationMemory(path) as german:
        german.store([("Kiew.", "Kyiv.", ())], "machine", stamp)
        german.store_human([("Moskau.", "Moscow.", "")])
    ukrainian = LanguagePair("uk", "en")
    with TranslationMemory(path, pair=ukrainian) as memory:
        assert memory.lookup(["Kiew.", "Moskau."], stamp) == {}
        assert memory.human_targets("Moskau.") == set()
        memory.store([("Kiew.", "not German.", ())], "machine", stamp)
    with TranslationMemory(path) as german:
        hits = german.lookup(["Kiew.", "Moskau."], stamp)
        assert {s: h.target for s, h in hits.items()} == {"Kiew.": "Kyiv.", "Moskau.": "Moscow."}
        assert german.counts().machine == 2  # both pairs' units are kept


V2_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE unit (source TEXT NOT NULL, origin TEXT NOT NULL CHECK (origin IN "
    "('machine', 'human')), stamp TEXT NOT NULL, context TEXT NOT NULL, target TEXT NOT NULL, "
    "engine TEXT NOT NULL, model TEXT NOT NULL, glossary TEXT NOT NULL, terms TEXT NOT NULL, "
    "seq INTEGER NOT NULL, PRIMARY KEY (source, origin, stamp, context)) WITHOUT ROWID",
    "CREATE TABLE withdrawn (source TEXT NOT NULL, context TEXT NOT NULL, target TEXT NOT NULL, "
    "PRIMARY KEY (source, context)) WITHOUT ROWID",
)


def _v2_memory(path: Path) -> None:
    """A memory as dolmetsch wrote it before language pairs (schema 2)."""
    db = sqlite3.connect(path)
    with db:
        db.execute(f"PRAGMA application_id = {int.from_bytes(b'DoTM', 'big')}")
        for statement in V2_SCHEMA:
            db.execute(statement)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema", "2"), ("identity", "abc"), ("human_changes", "3")],
        )
        db.executemany(
            "INSERT INTO unit VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                ("Kiew.", "machine", "test\tm\t1\t", "", "Kyiv.", "test", "m", "", "", 0),
                ("Moskau.", "human", "", "out/a#p1.s1", "Moscow.", "human", "", "", "", 2),
            ],
        )
        db.execute("INSERT INTO withdrawn VALUES ('Berlin.', 'out/a#p2.s1', 'Berlin!')")
    db.close()


def test_v2_memory_is_migrated_losslessly_as_german_english(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    _v2_memory(path)
    stamp = Provenance("test", "m", "1", "")
    with TranslationMemory(path) as memory:
        assert memory.state() == "abc#3"  # the same memory: outputs made from it stay current
        hits = memory.lookup_segments(["Kiew.", "Moskau."], ["", "out/a#p1.s1"], stamp)
        assert [(h.target, h.origin) for h in hits if h is not None] == [
            ("Kyiv.", "machine"),
            ("Moscow.", "human"),
        ]
        assert memory.withdrawn("Berlin.", "out/a#p2.s1") == "Berlin!"
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("3",)
    rows = db.execute("SELECT pair, source, seq FROM unit ORDER BY source").fetchall()
    assert rows == [("de-en", "Kiew.", 0), ("de-en", "Moskau.", 2)]
    assert db.execute("SELECT * FROM withdrawn").fetchall() == [
        ("de-en", "Berlin.", "out/a#p2.s1", "Berlin!")
    ]
    assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    db.close()
    with TranslationMemory(path, pair=LanguagePair("ru", "en")) as russian:
        assert russian.lookup(["Kiew.", "Moskau."], stamp) == {}


def test_read_only_v2_memory_is_read_without_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dolmetsch import memory as memory_module

    path = tmp_path / "tm.sqlite"
    _v2_memory(path)
    before = path.read_bytes()
    # as on a read-only mount (root passes chmod): opened read-only, never upgraded
    monkeypatch.setattr(memory_module, "writable", lambda _: False)
    with TranslationMemory(path) as memory:
        assert memory.read_only
        hits = memory.lookup(["Kiew."], Provenance("test", "m", "1", ""))
        assert hits["Kiew."].target == "Kyiv."
        assert memory.withdrawn("Berlin.", "out/a#p2.s1") == "Berlin!"
        assert {(u.pair, u.source) for u in memory.export_units()} == {
            (DEFAULT_PAIR, "Kiew."),
            (DEFAULT_PAIR, "Moskau."),
        }
    with TranslationMemory(path, pair=LanguagePair("ru", "en")) as russian:
        assert russian.lookup(["Kiew."], Provenance("test", "m", "1", "")) == {}
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tm.sqlite"]


def test_migration_is_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault in the middle of the migration leaves the version 2 file as it was."""
    from dolmetsch import memory as memory_module

    path = tmp_path / "tm.sqlite"
    _v2_memory(path)
    before = sqlite3.connect(path).execute("SELECT * FROM unit ORDER BY source").fetchall()
    broken = dict(memory_module._MIGRATE)
    broken["2"] = "SELECT no_such_column FROM unit"
    monkeypatch.setattr(memory_module, "_MIGRATE", broken)
    with pytest.raises(memory_module.TranslationMemoryError):
        TranslationMemory(path)
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("2",)
    assert db.execute("SELECT * FROM unit ORDER BY source").fetchall() == before


# --- a run for another pair through the CLI -----------------------------------------------


class _Marking:
    """A test engine: each sentence comes back marked, so outputs show what it gave."""

    info = EngineInfo("marking", "mark-1", "1")

    def __init__(self) -> None:
        self.calls = 0

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        self.calls += len(sentences)
        if progress is not None:
            progress(len(sentences))
        return [f"[{s}]" for s in sentences]


@pytest.fixture
def marking(monkeypatch: pytest.MonkeyPatch) -> _Marking:
    made = _Marking()

    def load(*args: object, **kwargs: object) -> _Marking:  # what the CLI opens
        return made

    monkeypatch.setattr(engine_module, "load_engine", load)
    return made


ARTICLE = "Мирные переговоры\n\nПрезидент выступил в Киеве. Он говорил долго.\n"


def _run(folder: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["run", str(folder), "--out", str(out), "--no-glossary", *args]
    )
    return result.exit_code, result.stderr


class _Langs(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.langs: list[tuple[str, str]] = []
        self.headings: list[str] = []
        self._in_columns = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("class") == "columns":
            self._in_columns = True
        if "lang" in found:
            self.langs.append((f"{tag}.{found.get('class') or ''}", found["lang"] or ""))

    def handle_data(self, data: str) -> None:
        if self._in_columns and data.strip():
            self.headings.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self._in_columns = False


def test_run_from_russian_names_the_languages_everywhere(tmp_path: Path, marking: _Marking) -> None:
    folder = tmp_path / "ru"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    code, err = _run(folder, out, "--from", "ru", "--to", "en")
    assert (code, err) == (0, "")
    po = polib.pofile(str(out / "a.po"))
    assert (po.metadata["Language"], po.metadata["X-Source-Language"]) == ("en", "ru")
    assert po.header.startswith("a.txt: Russian-English, aligned")
    assert [e.msgstr for e in po][:2] == ["[Мирные переговоры]", "[Президент выступил в Киеве.]"]
    if shutil.which("msgfmt"):
        check = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(out / "a.po")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert check.returncode == 0, check.stderr
    tsv = (out / "a.tsv").read_text(encoding="utf-8")
    assert tsv.split("\n", 1)[0] == "id\tru\ten\tconfidence"
    for name in ("a.tmx", "corpus.tmx"):
        language, units = toolkit_tmx(out / name)
        assert language == "ru"
        assert units[0] == ("Мирные переговоры", "[Мирные переговоры]", ["ru", "en"])
        assert {lang for _, _, langs in units for lang in langs} == {"ru", "en"}
    page = _Langs()
    page.feed((out / "a.html").read_text(encoding="utf-8"))
    assert page.headings == ["Русский", "English"]
    assert ("html.", "en") in page.langs and ("h1.", "ru") in page.langs
    cells = {lang for where, lang in page.langs if where.endswith((".source", ".target"))}
    assert cells == {"ru", "en"}
    assert ("p.source", "ru") in page.langs and ("p.target", "en") in page.langs
    view = CliRunner().invoke(main, ["view", "a", "--out", str(out), "--width", "100"])
    assert view.exit_code == 0
    assert view.stdout.split("\n", 1)[0] == "a.txt · Russian->English · marking (mark-1 1)"
    from dolmetsch.reader import load_view

    assert load_view(out / "a.tsv")[0].pair == LanguagePair("ru", "en")


def test_german_english_outputs_are_todays(tmp_path: Path, marking: _Marking) -> None:
    folder = tmp_path / "de"
    folder.mkdir()
    (folder / "a.txt").write_text("Friedensgespräche\n\nDer Präsident sprach.\n", "utf-8")
    out = tmp_path / "out"
    assert _run(folder, out) == (0, "")
    po = polib.pofile(str(out / "a.po"))
    assert (po.metadata["Language"], po.metadata["X-Source-Language"]) == ("en", "de")
    assert po.header.startswith("a.txt: German-English, aligned")
    assert (out / "a.tsv").read_text("utf-8").startswith("id\tde\ten\tconfidence\n")
    assert 'srclang="de"' in (out / "a.tmx").read_text("utf-8")
    page = _Langs()
    page.feed((out / "a.html").read_text(encoding="utf-8"))
    assert page.headings == ["Deutsch", "English"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one Russian article, ``a.txt``."""
    path = tmp_path / "x"
    path.mkdir()
    (path / "a.txt").write_text("Мир.\n", encoding="utf-8")
    return path


def test_outputs_made_for_another_pair_are_made_again(
    tmp_path: Path, marking: _Marking, folder: Path
) -> None:
    out = tmp_path / "out"
    assert _run(folder, out, "--from", "ru") == (0, "")
    first = marking.calls
    assert _run(folder, out, "--from", "ru") == (0, "")
    assert marking.calls == first  # current: kept
    assert _run(folder, out, "--from", "uk") == (0, "")
    assert marking.calls == first + 1  # the Russian unit is not the Ukrainian one
    po = polib.pofile(str(out / "a.po"))
    assert po.metadata["X-Source-Language"] == "uk"


def test_edits_made_for_another_pair_are_kept_apart(
    tmp_path: Path, marking: _Marking, folder: Path
) -> None:
    out = tmp_path / "out"
    assert _run(folder, out, "--from", "ru") == (0, "")
    po = polib.pofile(str(out / "a.po"))
    po[0].msgstr = "Peace."
    po[0].flags.remove("fuzzy")
    po.save()
    edited = (out / "a.po").read_bytes()
    code, err = _run(folder, out, "--from", "uk")
    assert code == 1
    assert f"{out / 'a.po'}: made for Russian->English, this run translates " in err
    assert (out / "a.po").read_bytes() == edited  # the person's work is left as it is
    assert _run(folder, out, "--from", "ru") == (0, "")
    assert polib.pofile(str(out / "a.po"))[0].msgstr == "Peace."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "en"], "dolmetsch: source and target language are both en (English): give "
                           "two different languages with --from and --to\n"),
        (["--to", "klingon"], "dolmetsch: environment variable DOLMETSCH_TO: to language "
                              "'klingon' is not an ISO 639-1 code such as de, en, ru, uk\n"),
    ],
    ids=["same-language", "bad-code"],
)  # fmt: skip
def test_bad_pairs_are_refused_before_any_work(
    tmp_path: Path, marking: _Marking, args: list[str], message: str, folder: Path
) -> None:
    runner = CliRunner()
    env = {"DOLMETSCH_TO": args[1]} if args[0] == "--to" else {}
    flags = [] if args[0] == "--to" else args
    result = runner.invoke(
        main, ["run", str(folder), "--out", str(tmp_path / "o"), *flags], env=env
    )
    assert (result.exit_code, result.stderr) == (2, message)
    assert marking.calls == 0
    assert not (tmp_path / "o").exists()


def test_tm_import_and_stats_keep_each_units_pair(tmp_path: Path) -> None:
    memory = tmp_path / "tm.sqlite"
    tmx = tmp_path / "mixed.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="*all*"/><body>'
        '<tu srclang="ru"><tuv xml:lang="ru"><seg>Мир.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Peace.</seg></tuv></tu>'
        '<tu><tuv xml:lang="de"><seg>Frieden.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Peace.</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    runner = CliRunner()
    done = runner.invoke(main, ["tm", "import", str(tmx), "--memory", str(memory)])
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith("imported 2 human and 0 machine translations")
    stats = runner.invoke(main, ["tm", "stats", "--memory", str(memory)])
    assert stats.stdout.splitlines() == [
        f"{memory}: 0 machine, 2 human translations",
        "\tde-en (German->English): 0 machine, 1 human translation",
        "\tru-en (Russian->English): 0 machine, 1 human translation",
    ]
    stamp = Provenance("test", "", "", "")
    with TranslationMemory(memory, pair=LanguagePair("ru", "en")) as russian:
        assert {s: h.target for s, h in russian.lookup(["Мир.", "Frieden."], stamp).items()} == {
            "Мир.": "Peace."
        }


def test_tm_forget_takes_the_pair(tmp_path: Path) -> None:
    """`tm forget` had no --from: a Russian sentence's human translation could not be
    forgotten (the memory was opened for German->English), and its help said "German
    sentence"."""
    memory = tmp_path / "tm.sqlite"
    with TranslationMemory(memory, pair=LanguagePair("ru", "en")) as russian:
        russian.store_human([("Мир.", "Peace.", "")])
    runner = CliRunner()
    args = ["tm", "forget", "--source", "Мир.", "--memory", str(memory)]
    refused = runner.invoke(main, args)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(
        f"dolmetsch: {memory}: no German->English human translation of 'Мир.'; nothing was "
        "changed (the sentence, its languages (--from, --to) and the segment must match"
    )
    done = runner.invoke(main, [*args, "--from", "ru"])
    assert (done.exit_code, done.stdout) == (
        0, f"forgot 1 human translation of 'Мир.' in {memory}\n"
    )  # fmt: skip
    with TranslationMemory(memory, pair=LanguagePair("ru", "en")) as russian:
        assert russian.human_target("Мир.") is None
    config = tmp_path / "config.toml"
    config.write_text('from = "ru"\n', encoding="utf-8")
    again = CliRunner(env={"DOLMETSCH_CONFIG": str(config)}).invoke(main, args)
    assert "no Russian->English human translation" in again.stderr  # the configured pair
    helps = "".join(
        runner.invoke(main, ["tm", command, "--help"]).stdout
        for command in ("forget", "import", "export", "stats", "merge")
    )
    assert "German" not in helps


@pytest.mark.parametrize(
    ("metadata", "code"),
    [
        ({}, "de-en"),
        ({"Language": "en", "X-Source-Language": "ru"}, "ru-en"),
        ({"Language": "en_GB", "X-Source-Language": "uk"}, "uk-en"),
        ({"Language": "pt_PT"}, "de-pt"),
        # Brazilian Portuguese is argos's pb, which a PO names pt_BR (dolmetsch writes it so)
        ({"Language": "pt-BR"}, "de-pb"),
        ({"Language": "zh_TW", "X-Source-Language": "en"}, "en-zt"),
        ({"Language": "sr@latin", "X-Source-Language": "en"}, "en-sr"),
    ],
    ids=["older-dolmetsch", "russian", "locale", "region", "pt-BR", "zh-TW", "modifier"],
)
def test_po_pair_from_headers(metadata: dict[str, str], code: str) -> None:
    from dolmetsch.po import po_pair

    assert po_pair(metadata).code == code


def test_po_pair_refuses_headers_that_name_no_language() -> None:
    from dolmetsch.errors import InputError
    from dolmetsch.po import po_pair

    with pytest.raises(InputError, match=r"^x\.po: its language headers: target language "):
        po_pair({"Language": "Klingon"}, "x.po")


def test_merge_keeps_pairs_apart(tmp_path: Path) -> None:
    russian = LanguagePair("ru", "en")
    with TranslationMemory(tmp_path / "shard.sqlite", pair=russian) as shard:
        shard.store_human([("Мир.", "Peace.", "out/a#p1.s1")])
        shard.store([("Война.", "War.", ())], "machine", Provenance("t", "", "", ""))
    with TranslationMemory(tmp_path / "main.sqlite") as main_memory:
        main_memory.store_human([("Мир.", "World.", "out/a#p1.s1")])  # a German "sentence"
        counts = main_memory.merge(tmp_path / "shard.sqlite")
        assert (counts.machine, counts.human, counts.conflicts) == (1, 1, 0)
        assert main_memory.human_target("Мир.", "out/a#p1.s1") == "World."
    with TranslationMemory(tmp_path / "main.sqlite", pair=russian) as merged:
        assert merged.human_target("Мир.", "out/a#p1.s1") == "Peace."
        assert merged.machine_targets("Война.") == {"War."}


def test_workers_write_the_pair_too(installed_tiny: Path, seeds_copy: Path, tmp_path: Path) -> None:
    """--jobs workers open their own memory and translator: for the run's pair."""
    import functools

    from dolmetsch.engine import load_engine
    from dolmetsch.pipeline import discover, run_batch

    pair = LanguagePair("ru", "en")  # the tiny German package stands in for a Russian one
    engine = load_engine("argos", packages_dir=installed_tiny)
    spawn = functools.partial(load_engine, "argos", None, installed_tiny)
    out = tmp_path / "out"
    with TranslationMemory(tmp_path / "tm.sqlite", pair=pair) as memory:
        summary = run_batch(
            discover(seeds_copy), out, engine, memory=memory, jobs=2, spawn_engine=spawn, pair=pair
        )
        assert summary.ok and summary.articles == 5
        assert memory.pair_counts().keys() == {pair}
    for po in out.glob("*.po"):
        found = polib.pofile(str(po))
        assert (found.metadata["X-Source-Language"], found.metadata["Language"]) == ("ru", "en")
    language, units = toolkit_tmx(out / "corpus.tmx")
    assert language == "ru"
    assert {tuple(langs) for _, _, langs in units} == {("ru", "en")}
    index = (out / "index.html").read_text("utf-8")
    assert "Low confidence: machine sentences to check against the Russian (below" in index
