"""Glossary: editing, DeepL/TBX exchange, QA, suggestions, the default glossary on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dolmetsch.document import parse_document
from dolmetsch.glossary import (
    Entry,
    GlossaryError,
    add_entry,
    check_pairs,
    dump_deepl,
    dump_tbx,
    filter_entries,
    find_matches,
    glossary_from_dict,
    glossary_to_dict,
    load_deepl,
    load_default_glossary,
    name_key,
    parse_deepl,
    parse_tbx,
    protect_all,
    remove_entry,
    restore_all,
    save_deepl,
    suggest,
    term_accuracy,
    total_counts,
)
from dolmetsch.glossary.suggest import Verdict

GLOSSARY = load_default_glossary()
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

# Every person and place named in the seeds, as written there.
SEED_NAMES = [
    "Wladimir Putin", "Donald Trump", "Kiew", "Dmitri Peskow", "Peskow", "Wolodymyr Selenskij",
    "Selenskij", "Selenskyj", "Moskau", "Abu Dhabi", "Marco Rubio", "Steve Witkoff",
    "Jared Kushner", "Washingtons", "Selenski", "Saporischschja", "Wolodimir Selenski",
    "Juri Uschakow", "Uschakow", "Pawel Sarubin", "Sarubin", "Selenskis", "Andrij Sybiha",
    "Kiewer", "Moskauer", "Saudi-Arabien", "Wolodymyr Selenskyj", "Karoline Leavitt",
    "Leavitt", "Sumy", "Dnipropetrowsk", "Krasnodar", "Dschidda", "Mike Waltz", "Witkoff",
    "Joe Biden", "Orichowo-Wassyliwka", "Donezk", "Genf", "Gennady Gatilow", "Gatilow",
    "Pokrowsk", "Luzk", "Kursk", "Olexander Syrskyj", "Syrskyj", "Walerij Saluschnyj",
    "Awdijiwka", "Europa", "Kim Jong Un", "Nordkorea", "Südkorea", "Ukraine", "Russland",
    "USA", "Kreml", "Kremlchef", "Kremlsprecher", "Tass", "RIA Nowosti", "Suspilne",
    "New York Post", "Keystone-SDA", "von Blick", "Iran", "Schwarzen Meer", "Weißes Haus",
    "Ostukraine", "Trumps", "Putins", "Nordkoreas", "Russlands",
]  # fmt: skip


@pytest.mark.parametrize("name", SEED_NAMES, ids=SEED_NAMES)
def test_default_glossary_covers_seed_names(name: str) -> None:
    assert any(name in seed.read_text(encoding="utf-8") for seed in SEEDS), name
    matches = find_matches(name, GLOSSARY)
    assert matches, name
    last = matches[-1]
    assert last.end == len(name) or last.form == "closed-compound", name


def test_default_glossary_canonical_forms() -> None:
    expected = {
        "Volodymyr Zelensky": "Zelensky", "Vladimir Putin": "Putin", "Dmitry Peskov": "Peskov",
        "Yuri Ushakov": "Ushakov", "Pavel Zarubin": "Zarubin", "Andrii Sybiha": "Sybiha",
        "Oleksandr Syrskyi": "Syrskyi", "Valerii Zaluzhnyi": "Zaluzhnyi",
        "Gennady Gatilov": "Gatilov",
    }  # fmt: skip
    for target, short in expected.items():
        entry = GLOSSARY.get(target)
        assert entry is not None and entry.short == short and entry.kind == "person"
    for place in ["Kyiv", "Moscow", "Zaporizhzhia", "Dnipropetrovsk", "Donetsk", "Pokrovsk",
                  "Avdiivka", "Orikhovo-Vasylivka", "Lutsk", "Jeddah", "Geneva"]:  # fmt: skip
        entry = GLOSSARY.get(place)
        assert entry is not None and entry.kind == "place", place
    for other in ["Kremlin", "RIA Novosti", "Kim Jong Un"]:
        assert GLOSSARY.get(other) is not None


# --- editing -------------------------------------------------------------------------------


def test_add_remove_filter_and_dict_form() -> None:
    entry = Entry("Kharkiv", "place", ("Charkiw",), forbidden=("Kharkov",))
    bigger = add_entry(GLOSSARY, entry)
    assert bigger.get("Kharkiv") == entry and len(bigger) == len(GLOSSARY) + 1
    assert find_matches("Charkiws", bigger)[0].rendering == "Kharkiv's"
    with pytest.raises(GlossaryError, match="'Kharkiv' is already defined"):
        add_entry(bigger, entry)
    with pytest.raises(GlossaryError, match="variant 'Kiew' already belongs to 'Kyiv'"):
        add_entry(GLOSSARY, Entry("Kiev Oblast", "place", ("Kiew",)))
    assert remove_entry(bigger, "Kharkiv") == GLOSSARY
    with pytest.raises(GlossaryError, match="no entry 'Atlantis'"):
        remove_entry(GLOSSARY, "Atlantis")
    people = filter_entries(GLOSSARY, "person")
    assert people and all(e.kind == "person" for e in people)
    data = json.loads(json.dumps(glossary_to_dict(GLOSSARY)))
    assert glossary_from_dict(data) == GLOSSARY


# --- DeepL and TBX -------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", "\t"], ids=["csv", "tsv"])
def test_deepl_round_trip(delimiter: str) -> None:
    text = dump_deepl(GLOSSARY, delimiter)
    assert "Selenskyj" + delimiter + "Zelensky\n" in text
    assert "Wolodymyr Selenskyj" + delimiter + "Volodymyr Zelensky\n" in text
    back = parse_deepl(text, delimiter, base=GLOSSARY)
    assert dump_deepl(back, delimiter) == text
    # With the glossary as base, DeepL's pairs bring back every entry except the English-side
    # forbidden spellings' own rows, which DeepL has no column for but base supplies.
    assert back == GLOSSARY


def test_deepl_import_without_base_groups_short_forms(tmp_path: Path) -> None:
    path = tmp_path / "deepl.csv"
    path.write_text(
        '\ufeffWolodymyr Selenskyj,Volodymyr Zelensky\nSelenskyj,Zelensky\n"Kiew",Kyiv,de,en\n'
    )
    glossary = load_deepl(path)
    entry = glossary.get("Volodymyr Zelensky")
    assert entry is not None and entry.short == "Zelensky"
    assert entry.variants == ("Wolodymyr Selenskyj", "Selenskyj")
    save_deepl(glossary, tmp_path / "again.csv")
    assert load_deepl(tmp_path / "again.csv") == glossary


def test_deepl_malformed_row() -> None:
    with pytest.raises(GlossaryError, match=r"^x\.csv:2: expected source,target"):
        parse_deepl("a,b\nonly-one\n", source="x.csv")


def test_tbx_round_trip() -> None:
    text = dump_tbx(GLOSSARY)
    assert "<termEntry" in text and 'xml:lang="de"' in text and "<langSet" in text
    assert "Democratic People&apos;s" in text or "Democratic People's" in text
    back = parse_tbx(text)
    assert back == GLOSSARY
    assert dump_tbx(back) == text


def test_tbx_escapes_and_reads_tig_layout() -> None:
    tricky = Entry("A & B <Co>", "organisation", ("A & B „Co“",), note='say "hi" & <bye>')
    from dolmetsch.glossary import make_glossary

    glossary = make_glossary([tricky])
    assert parse_tbx(dump_tbx(glossary)) == glossary
    v2 = (
        '<martif type="TBX-Basic"><text><body><termEntry>'
        '<langSet xml:lang="de"><tig><term>Kiew</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>Kyiv</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    )
    assert parse_tbx(v2, kind="place").entries == (Entry("Kyiv", "place", ("Kiew",)),)
    with pytest.raises(GlossaryError, match=r"^bad\.tbx:1: malformed TBX"):
        parse_tbx("<tbx><unclosed></tbx>", "bad.tbx")


# --- QA ------------------------------------------------------------------------------------

QA_CASES = [
    ("Selenskyj sagte", "Zelensky said", []),
    ("Selenskyj sagte", "Volodymyr Zelensky said", []),
    # A wrong spelling is one failure, not also a missing rendering.
    ("Selenskyj sagte", "Selenskyj said", [("forbidden", "Selenskyj")]),
    ("Angriffe auf Kiew", "attacks on Kiev", [("forbidden", "Kiev")]),
    ("Kiew und Kiew", "Kyiv and Kiev", [("forbidden", "Kiev")]),
    ("Kiew und Kiew", "Kiev and it", [("missing", "Kiew"), ("forbidden", "Kiev")]),
    ("Putin sagte", "Putin said of Kiev", [("forbidden", "Kiev")]),
    ("Putin und Putin", "Putin and he", [("missing", "Putin")]),
    ("Der Generalstab", "The general staff", []),
    ("Peskows Aussage", "Peskov's statement", []),
]


@pytest.mark.parametrize(("german", "english", "expected"), QA_CASES, ids=lambda x: str(x))
def test_check_pairs(german: str, english: str, expected: list[tuple[str, str]]) -> None:
    findings = check_pairs([(german, english)], GLOSSARY)
    assert [(f.problem, f.text) for f in findings] == expected


def test_term_accuracy() -> None:
    pairs = [("Selenskyj und Putin in Kiew", "Zelensky and Putin in Kiev"), ("Nichts", "Nothing")]
    accuracy = term_accuracy(pairs, GLOSSARY)
    assert (accuracy.occurrences, accuracy.hits, accuracy.forbidden_left) == (3, 2, 1)
    assert accuracy.accuracy == pytest.approx(2 / 3)


# --- suggestions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Selenskyj", "Zelensky"),
        ("Selenski", "Selenskij"),
        ("Peskow", "Peskov"),
        ("Uschakow", "Ushakov"),
        ("Saporischschja", "Zaporizhzhia"),
        ("Dschidda", "Jidda"),
        ("Orichowo-Wassyliwka", "Orikhovo-Vasylivka"),
    ],
    ids=lambda x: str(x),
)
def test_name_key_normalises_transliterations(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_suggest_clusters_spellings_and_marks_coverage() -> None:
    texts = [
        ("Der Politiker Jermak sagte, Wolodymyr Selenskyj komme.", "Yermak said Zelensky..."),
        ("Selenski und Jermaks Berater trafen Sarubin.", "Zelensky and Yermak's adviser ..."),
        ("Selenskij lobt Jermak.", "Zelensky praises Yermak."),
    ]
    common = {"Der", "Politiker", "Berater"}

    def judge(word: str) -> Verdict:
        return "common" if word in common else "unknown"

    found = suggest(texts, GLOSSARY, judge)
    by_target = {s.target: s for s in found}
    assert "Yermak" in by_target
    yermak = by_target["Yermak"]
    assert yermak.covered_by is None and dict(yermak.spellings) == {"Jermak": 3}
    zelensky = next(s for s in found if s.covered_by == "Volodymyr Zelensky")
    assert {n for n, _ in zelensky.spellings} == {
        "Wolodymyr Selenskyj", "Selenski", "Selenskij",
    }  # fmt: skip
    assert by_target["Pavel Zarubin"].covered_by == "Pavel Zarubin"
    assert dict(by_target["Pavel Zarubin"].spellings) == {"Sarubin": 1}


# --- end to end through the lexicon engine -------------------------------------------------


@pytest.fixture(scope="session")
def lexicon(real_store_dir: Path):  # type: ignore[no-untyped-def]
    from dolmetsch.lexicon import open_lexicon

    # The shared real store, built once under a lock: a store of its own here was a second
    # full build whenever this ran while another worker was building the shared one.
    return open_lexicon(real_store_dir, build=False)


def test_seeds_end_to_end_through_lexicon_engine(lexicon) -> None:  # type: ignore[no-untyped-def]
    sentences = []
    for path in SEEDS:
        document = parse_document(path.name, path.read_text(encoding="utf-8"))
        sentences += [s.text for s in document.segments() if s.translatable]
    protected = protect_all(sentences, GLOSSARY)
    restored = restore_all(protected, lexicon.translate([p.text for p in protected]))
    counts = total_counts(restored)
    assert counts.found >= 290 and counts.failed == 0
    pairs = list(zip(sentences, [r.text for r in restored], strict=True))
    assert check_pairs(pairs, GLOSSARY) == []
    accuracy = term_accuracy(pairs, GLOSSARY)
    assert accuracy.accuracy == 1.0 and accuracy.forbidden_left == 0
    for sentence, result in zip(sentences, restored, strict=True):
        for term in result.terms:
            assert term.rendering in result.text, (sentence, result.text)
