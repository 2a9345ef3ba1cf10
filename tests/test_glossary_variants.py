"""Unlisted spellings of the glossary's people and places (issue 16).

Recognised (genitives, adjectives, hyphenated compounds, first names), rendered in the
canonical form through both engines, visible everywhere (PO note, HTML title, run summary,
``glossary suggest --from-run``), and switched off by ``--strict-glossary``; near misses
(feminine forms, relatives, other people, other places, German words) stay as they are.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from dolmetsch.cli import main
from dolmetsch.glossary import (
    Entry,
    find_matches,
    glossary_hash,
    load_default_glossary,
    make_glossary,
    protect,
    recognise,
    restore,
    translate_with_glossary,
)
from dolmetsch.glossary.suggest import run_variants
from dolmetsch.lexicon import LexiconEngine, open_lexicon

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GLOSSARY = load_default_glossary()
STRICT = dataclasses.replace(GLOSSARY, strict=True)
DATA = Path(__file__).parent / "data"
SETS = [DATA / "unlisted_variants.tsv", DATA / "unlisted_variants_fresh.tsv"]

# (German sentence, the occurrence as matched, form, English rendering, entity)
RECOGNISED = [
    ("Präsident Selensky traf am Montag den Kanzler.", "Selensky", "base", "Zelensky",
     "Volodymyr Zelensky"),
    ("Die Opposition kritisierte Selenskyis Entscheidung.", "Selenskyis", "genitive",
     "Zelensky's", "Volodymyr Zelensky"),
    ("Die Selenskyi-Regierung wies das zurück.", "Selenskyi", "compound", "Zelensky",
     "Volodymyr Zelensky"),
    ("Wolodymyr Selensky forderte mehr Flugabwehr.", "Wolodymyr Selensky", "base",
     "Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("Am Abend sprach Volodymyr Selenskyj im Parlament.", "Volodymyr Selenskyj", "base",
     "Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("Kremlsprecher Peskoff sagte, Moskau sei bereit.", "Peskoff", "base", "Peskov",
     "Dmitry Peskov"),
    ("Nach Peskoffs Worten gibt es keine Pläne.", "Peskoffs", "genitive", "Peskov's",
     "Dmitry Peskov"),
    ("Der Berater Ushakow bestätigte das Telefonat.", "Ushakow", "base", "Ushakov",
     "Yuri Ushakov"),
    ("Juri Ushakows Delegation reiste ab.", "Juri Ushakows", "genitive", "Yuri Ushakov's",
     "Yuri Ushakov"),
    ("Pavel Sarubin stellte die Frage.", "Pavel Sarubin", "base", "Pavel Zarubin",
     "Pavel Zarubin"),
    ("Außenminister Sybyha reiste nach Brüssel.", "Sybyha", "base", "Sybiha",
     "Andrii Sybiha"),
    ("Der Syrskyy-Stab meldete schwere Kämpfe.", "Syrskyy", "compound", "Syrskyi",
     "Oleksandr Syrskyi"),
    ("Saluzhnyis Buch erscheint im Herbst.", "Saluzhnyis", "genitive", "Zaluzhnyi's",
     "Valerii Zaluzhnyi"),
    ("Botschafter Gatiloff kritisierte die Resolution.", "Gatiloff", "base", "Gatilov",
     "Gennady Gatilov"),
    ("Witkows Mission gilt als heikel.", "Witkows", "genitive", "Witkoff's",
     "Steve Witkoff"),
    ("Auch Kuschner nahm teil.", "Kuschner", "base", "Kushner", "Jared Kushner"),
    ("Pressesprecherin Leawitt widersprach.", "Leawitt", "base", "Leavitt",
     "Karoline Leavitt"),
    ("In Kyjiw heulten die Sirenen.", "Kyjiw", "base", "Kyiv", "Kyiv"),
    ("Die Kyjiwer Behörden meldeten Schäden.", "Kyjiwer", "adjective", "Kyiv", "Kyiv"),
    ("Der Kyjiw-Besuch war geheim.", "Kyjiw", "compound", "Kyiv", "Kyiv"),
    ("Kyjiw's Bürgermeister rief zur Ruhe auf.", "Kyjiw's", "genitive", "Kyiv's", "Kyiv"),
    ("Das Kraftwerk Saporoschschje ist besetzt.", "Saporoschschje", "base", "Zaporizhzhia",
     "Zaporizhzhia"),
    ("Bei einem Angriff auf Zaporižžja starben fünf Menschen.", "Zaporižžja", "base",
     "Zaporizhzhia", "Zaporizhzhia"),
    ("Die Dnepropetrowsker Behörden richteten Notunterkünfte ein.", "Dnepropetrowsker",
     "adjective", "Dnipropetrovsk", "Dnipropetrovsk"),
    ("Truppen rücken im Gebiet Donetzk vor.", "Donetzk", "base", "Donetsk", "Donetsk"),
    ("Um Awdijewka wurde lange gekämpft.", "Awdijewka", "base", "Avdiivka", "Avdiivka"),
    ("In Lutzk wurde ein Betrieb getroffen.", "Lutzk", "base", "Lutsk", "Lutsk"),
    ("Die Delegationen trafen sich in Dschidah.", "Dschidah", "base", "Jeddah", "Jeddah"),
    ("Die Kämpfe um Orichowo-Wasylivka dauern an.", "Orichowo-Wasylivka", "base",
     "Orikhovo-Vasylivka", "Orikhovo-Vasylivka"),
    ("Rußlands Zentralbank hob den Leitzins an.", "Rußlands", "genitive", "Russia's",
     "Russia"),
]  # fmt: skip

# (German sentence, the spelling that must stay as it is, the entity it resembles)
NEAR_MISSES = [
    ("Die First Lady Olena Selenska eröffnete eine Ausstellung.", "Olena Selenska",
     "Volodymyr Zelensky"),  # wife
    ("Jelisaweta Peskowa lebte lange in Paris.", "Jelisaweta Peskowa", "Dmitry Peskov"),
    ("Ljudmila Putina war bis 2013 verheiratet.", "Ljudmila Putina", "Vladimir Putin"),
    ("Die Diplomatin Uschakowa arbeitet im Ministerium.", "Uschakowa", "Yuri Ushakov"),
    ("Auch Nikolai Peskoff soll an der Front gewesen sein.", "Nikolai Peskoff",
     "Dmitry Peskov"),  # son: a candidate, not applied
    ("Der Sohn Kyrylo Selensky zeigt sich selten.", "Kyrylo Selensky", "Volodymyr Zelensky"),
    ("Der Gouverneur Tim Walz sprach auf dem Parteitag.", "Walz", "Mike Waltz"),
    ("Der Politiker Miroslav Petkov kritisierte Sofia.", "Miroslav Petkov", "Dmitry Peskov"),
    ("Der Ökonom Levitt hielt einen Vortrag.", "Levitt", "Karoline Leavitt"),
    ("Der Historiker Witkowski stellte sein Buch vor.", "Witkowski", "Steve Witkoff"),
    ("Der Abgeordnete Oleh Kushnir forderte eine Untersuchung.", "Oleh Kushnir",
     "Jared Kushner"),
    ("Die Truppen zogen sich hinter den Donez zurück.", "Donez", "Donetsk"),  # the river
    ("Das Dorf Pokrowske wurde beschossen.", "Pokrowske", "Pokrovsk"),
    ("Die Moskwa war kaum zugefroren.", "Moskwa", "Moscow"),
    ("In Kiel legte ein Schiff an.", "Kiel", "Kyiv"),
    ("Der Schweiß stand ihnen auf der Stirn.", "Schweiß", "Switzerland"),
    ("Ein Schweißer wurde verletzt.", "Schweißer", "Switzerland"),
    ("Der Kiefer des Opfers war gebrochen.", "Kiefer", "Kyiv"),
    ("Viele Ukrainer kehrten zurück.", "Ukrainer", "Ukraine"),
    ("Die Opposition hält einen Trumpf in der Hand.", "Trumpf", "Donald Trump"),
    ("Der Maler Kieffer stellte aus.", "Kieffer", "Kyiv"),  # a surname in -er, no adjective
    ("Die saudi-arabische Regierung schwieg.", "saudi-arabische", "Saudi Arabia"),
]  # fmt: skip


def _span(sentence: str, spelling: str) -> tuple[int, int]:
    start = sentence.index(spelling)
    return start, start + len(spelling)


def _renderings(target: str) -> re.Pattern[str]:
    entry = GLOSSARY.get(target)
    assert entry is not None, target
    forms = "|".join(re.escape(f) for f in sorted(entry.renderings, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{forms})(?!\w)")


# --- recognition ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "form", "rendering", "target"), RECOGNISED, ids=[c[1] for c in RECOGNISED]
)
def test_unlisted_spelling_is_recognised(
    sentence: str, text: str, form: str, rendering: str, target: str
) -> None:
    start, end = _span(sentence, text)
    assert not any(m.start < end and m.end > start for m in find_matches(sentence, GLOSSARY)) or (
        " " in text  # a listed surname after an unlisted first name: the name is unlisted
    )
    found = [m for m in recognise(sentence, GLOSSARY).matches if m.spelling.unlisted]
    assert [(m.text, m.form, m.rendering, m.entry.target) for m in found] == [
        (text, form, rendering, target)
    ]
    assert (found[0].start, found[0].end) == (start, end)


def test_enough_entities_and_near_misses() -> None:
    assert len({c[4] for c in RECOGNISED}) >= 10
    assert {"genitive", "compound", "adjective"} <= {c[2] for c in RECOGNISED}
    assert len(NEAR_MISSES) >= 10


@pytest.mark.parametrize(
    ("sentence", "spelling", "resembles"), NEAR_MISSES, ids=[c[1] for c in NEAR_MISSES]
)
def test_near_miss_is_left_alone(sentence: str, spelling: str, resembles: str) -> None:
    start, end = _span(sentence, spelling)
    found = recognise(sentence, GLOSSARY)
    assert not [m for m in found.matches if m.start < end and m.end > start]
    protected = protect(sentence, GLOSSARY)
    assert spelling in protected.text  # the engine sees it as written
    assert not _renderings(resembles).search(restore(protected, protected.text).text)


def test_weak_evidence_is_a_candidate_not_a_rewrite() -> None:
    sentence = "Auch Nikolai Peskoff, der Sohn, und Kremlsprecher Peskoff waren dort."
    found = recognise(sentence, GLOSSARY)
    assert [c.note for c in found.candidates] == ["Nikolai Peskoff -> Dmitry Peskov"]
    assert [(m.text, m.rendering) for m in found.matches] == [("Kreml", "Kremlin"),
                                                               ("Peskoff", "Peskov")]  # fmt: skip
    restored = restore(protect(sentence, GLOSSARY), "")
    assert restored.candidates == ("Nikolai Peskoff -> Dmitry Peskov",)
    assert restored.counts.candidates == 1 and restored.counts.unlisted == 1


def test_a_near_match_to_two_entities_is_no_match() -> None:
    two = make_glossary(
        [
            Entry("Ivan Sidorenko", "person", ("Sidorenko",), "Sidorenko"),
            Entry("Petro Sodorenko", "person", ("Sodorenko",), "Sodorenko"),
            Entry("Ivan Petrenko", "person", ("Petrenko",), "Petrenko"),
        ]
    )
    # Sudorenko and Sydorenko are within an edit of both: no match; Petrenkko of one.
    found = recognise("Sudorenko, Sydorenko und Petrenkko trafen sich.", two)
    assert [(m.text, m.entry.target) for m in found.matches] == [("Petrenkko", "Ivan Petrenko")]
    assert found.candidates == ()


def test_only_people_with_a_short_form_and_places() -> None:
    own = make_glossary(
        [
            Entry("Telegram", "organisation", ("Telegram",)),
            Entry("Kim Jong Un", "person", ("Kim Jong-un",)),
        ]
    )
    assert recognise("Telegramm an Kim Jong-Unn und Telegrahm.", own).matches == ()


def test_recognition_is_unicode_correct() -> None:
    sentence = unicodedata.normalize("NFD", "Angriff auf Zaporižžja und Kyjiw.")
    found = [m for m in recognise(sentence, GLOSSARY).matches if m.spelling.unlisted]
    assert [(sentence[m.start : m.end], m.rendering) for m in found] == [
        (unicodedata.normalize("NFD", "Zaporižžja"), "Zaporizhzhia"),
        ("Kyjiw", "Kyiv"),
    ]


def test_strict_glossary_enforces_listed_spellings_only() -> None:
    sentence = "Selensky und Selenskyj in Kyjiw."
    assert [m.text for m in recognise(sentence, STRICT).matches] == ["Selenskyj"]
    assert protect(sentence, STRICT).text.startswith("Selensky und ")
    # The two give different translations: their outputs and memory units must not mix.
    assert glossary_hash(STRICT) != glossary_hash(GLOSSARY)


def test_long_sentence_with_many_unlisted_spellings() -> None:
    words = "Selensky sprach mit Peskoffs Berater über Kyjiwer Brücken und".split()
    sentence = " ".join(words * 5000)  # 50,000 words: one scan, each word judged once
    found = recognise(sentence, GLOSSARY).matches
    assert [m.rendering for m in found[:3]] == ["Zelensky", "Peskov's", "Kyiv"]
    assert len(found) == 15000 and all(m.spelling.unlisted for m in found)
    restored = restore(protect(sentence, GLOSSARY), protect(sentence, GLOSSARY).text)
    assert restored.counts.unlisted == 15000 and restored.counts.failed == 0


# --- the labelled sets -----------------------------------------------------------------------


def _rows(path: Path) -> Iterator[tuple[str, str, str, str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "sentence\t")):
            sentence, spelling, expected, resembles = line.split("\t")
            yield sentence, spelling, expected, resembles


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_labelled_set_is_unlisted_and_broad(path: Path) -> None:
    """No spelling judged is listed whole in the glossary: the set measures generalisation."""
    rows = list(_rows(path))
    for sentence, spelling, expected, resembles in rows:
        start, end = _span(sentence, spelling)
        listed = find_matches(sentence, GLOSSARY)
        assert not [m for m in listed if m.start <= start and m.end >= end], spelling
        assert expected == "-" or GLOSSARY.get(expected) is not None, expected
        assert expected in ("-", resembles)
    assert len({r[2] for r in rows if r[2] != "-"}) >= 10
    assert sum(1 for r in rows if r[2] == "-") >= 20


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_labelled_set_precision_and_recall(path: Path) -> None:
    """The issue's targets: recall at least 90 %, precision at least 98 %."""
    tp = fp = positives = 0
    for sentence, spelling, expected, _ in _rows(path):
        start, end = _span(sentence, spelling)
        positives += expected != "-"
        found = wrong = False
        for m in recognise(sentence, GLOSSARY).matches:
            if m.end <= start or m.start >= end:
                continue
            if m.entry.target == expected:
                found = found or (m.start <= start and m.end >= end)
            else:
                wrong = True
        tp += found
        fp += wrong
    assert tp / positives >= 0.90
    assert tp / (tp + fp) >= 0.98


# --- through both engines --------------------------------------------------------------------


def _check_english(restored_texts: list[str]) -> None:
    n = len(RECOGNISED)
    for (sentence, text, _, rendering, _), english in zip(
        RECOGNISED, restored_texts[:n], strict=True
    ):
        assert rendering in english, (sentence, english)
        assert not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", english), english
    for (sentence, _, resembles), english in zip(NEAR_MISSES, restored_texts[n:], strict=True):
        assert not _renderings(resembles).search(english), (sentence, english)


def _sentences() -> list[str]:
    return [c[0] for c in RECOGNISED] + [c[0] for c in NEAR_MISSES]


@pytest.fixture(scope="module")
def lexicon(store_dir: Path, excerpt_ding: Path) -> Iterator[LexiconEngine]:
    opened = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    yield opened
    opened.store.close()


def test_through_the_lexicon_engine(lexicon: LexiconEngine) -> None:
    restored = translate_with_glossary(lexicon.translate, _sentences(), GLOSSARY)
    _check_english([r.text for r in restored])
    unlisted = [r.unlisted for r in restored[: len(RECOGNISED)]]
    assert unlisted[0] == ["Selensky -> Zelensky"]
    assert unlisted[3] == ["Wolodymyr Selensky -> Volodymyr Zelensky"]
    assert all(u for u in unlisted)


def test_through_the_argos_engine(installed_tiny: Path) -> None:
    from dolmetsch.engine import load_engine

    engine = load_engine("argos", packages_dir=installed_tiny)
    restored = translate_with_glossary(engine.translate, _sentences(), GLOSSARY)
    _check_english([r.text for r in restored])
    assert sum(r.counts.unlisted for r in restored) == len(RECOGNISED)
    strict = translate_with_glossary(engine.translate, _sentences(), STRICT)
    assert sum(r.counts.unlisted for r in strict) == 0
    assert "Selensky" in strict[0].text  # the copy model keeps what it is not told


# --- visible: PO, HTML, summary, suggest --from-run ------------------------------------------

ARTICLE = """\
Selensky in Kyjiw

Der ukrainische Präsident Wolodymyr Selensky hat in Kyjiw den Oberbefehlshaber Syrskyy \
empfangen. Kremlsprecher Peskoff sagte, Moskau sehe keinen Anlass für Gespräche.

Die Selenskyi-Regierung wies das zurück. Auch Nikolai Peskoff äußerte sich nicht.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _notes(po: Path, prefix: str) -> list[str]:
    found = []
    for entry in polib.pofile(str(po)):
        comment = entry.comment.replace("\n", " ")
        for note in re.split(r" (?=glossary)", comment):
            if note.startswith(prefix):
                found.append(note.removeprefix(prefix))
    return found


def test_run_shows_every_unlisted_spelling(
    installed_tiny: Path, article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run("run", str(article), "--out", str(out))
    assert (code, stderr) == (0, "")
    assert stdout.endswith(
        "; 7 unlisted spellings recognised, 1 candidate left as it is "
        f"(dolmetsch glossary suggest --from-run {out})\n"
    )
    po = (out / "a.po").read_text(encoding="utf-8")
    assert "#. glossary (unlisted variant): Selenskyi -> Zelensky\n" in po
    assert _notes(out / "a.po", "glossary (unlisted variant): ") == [
        "Selensky -> Zelensky; Kyjiw -> Kyiv",
        "Wolodymyr Selensky -> Volodymyr Zelensky; Kyjiw -> Kyiv; Syrskyy -> Syrskyi",
        "Peskoff -> Peskov",
        "Selenskyi -> Zelensky",
    ]
    assert _notes(out / "a.po", "glossary (candidate, not applied): ") == [
        "Nikolai Peskoff -> Dmitry Peskov"
    ]
    entry = polib.pofile(str(out / "a.po")).find("Die Selenskyi-Regierung wies das zurück.")
    assert entry is not None and entry.msgstr.startswith("Die Zelensky-Regierung")
    html = (out / "a.html").read_text(encoding="utf-8")
    assert 'title="Oleksandr Syrskyi (person): Syrskyy -&gt; Syrskyi (unlisted variant)"' in html


def test_suggest_from_run_and_add_with_one_command(
    installed_tiny: Path, article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    mine = tmp_path / "mine.tsv"
    shutil.copy(Path(__file__).parent.parent / "glossary" / "terms.tsv", mine)
    assert run("run", str(article), "--out", str(out), "--glossary", str(mine))[0] == 0
    code, stdout, stderr = run("glossary", "suggest", "--from-run", str(out), "--glossary",
                               str(mine))  # fmt: skip
    assert code == 0
    assert stderr == "read 1 PO file: 4 entries with unlisted spellings, 1 with candidates\n"
    lines = stdout.splitlines()
    add = (
        "dolmetsch glossary add 'Volodymyr Zelensky' --variant Selensky --variant Selenskyi "
        f"--variant 'Wolodymyr Selensky' --glossary {mine}"
    )
    assert lines[0] == (
        "Volodymyr Zelensky\tSelensky (1), Selenskyi (1), Wolodymyr Selensky (1)\t"
        f"recognised; to list: {add}"
    )
    assert lines[-1].startswith("Dmitry Peskov\tNikolai Peskoff (1)\tleft as they were")
    # The printed command, run as it stands, lists the spellings: suggest no longer shows them.
    import shlex

    code, _, _ = run(*shlex.split(add)[1:])
    assert code == 0
    _, stdout, _ = run("glossary", "suggest", "--from-run", str(out), "--glossary", str(mine))
    assert not stdout.startswith("Volodymyr Zelensky")
    assert "Kyiv\tKyjiw (2)" in stdout


def test_memory_keeps_the_notes(installed_tiny: Path, article: Path, tmp_path: Path) -> None:
    memory = tmp_path / "memory.sqlite"
    first, second = tmp_path / "first", tmp_path / "second"
    assert run("run", str(article), "--out", str(first), "--memory", str(memory))[0] == 0
    code, stdout, _ = run("run", str(article), "--out", str(second), "--memory", str(memory))
    assert code == 0 and "7 unlisted spellings recognised, 1 candidate left" in stdout
    assert (first / "a.po").read_text(encoding="utf-8") == (second / "a.po").read_text(
        encoding="utf-8"
    )


def test_strict_glossary_run(installed_tiny: Path, article: Path, tmp_path: Path) -> None:
    out, strict = tmp_path / "out", tmp_path / "strict"
    assert run("run", str(article), "--out", str(out))[0] == 0
    code, stdout, _ = run("run", str(article), "--out", str(strict), "--strict-glossary")
    assert code == 0 and "unlisted" not in stdout
    po = (strict / "a.po").read_text(encoding="utf-8")
    assert "unlisted variant" not in po and "candidate" not in po
    assert 'msgstr "Selensky in Kyjiw"' in po
    header = re.compile(r'"X-Dolmetsch-Glossary: (\w+)\\n"')
    loose = header.search((out / "a.po").read_text(encoding="utf-8"))
    tight = header.search(po)
    assert loose and tight and loose.group(1) != tight.group(1)
    _, stdout, _ = run("translate", "--strict-glossary", "Selensky traf Putin.")
    assert stdout == "Selensky met Putin.\n"
    _, stdout, _ = run("translate", "Selensky traf Putin.")
    assert stdout == "Zelensky met Putin.\n"


def test_suggest_needs_one_source(tmp_path: Path) -> None:
    code, _, stderr = run("glossary", "suggest")
    assert code == 2
    assert stderr == (
        "dolmetsch: give SEEDS_DIR (folders or article files) or --from-run OUT_DIR (one of them)\n"
    )


def test_run_variants_groups_and_skips_listed() -> None:
    notes = [
        (True, "Selensky -> Zelensky"),
        (True, "Selensky -> Zelensky"),
        (True, "Kyjiw -> Kyiv"),
        (True, "Selenskyj -> Zelensky"),  # listed by now
        (True, "Nobody -> Nowhere"),  # no such entry any more
        (False, "Nikolai Peskoff -> Dmitry Peskov"),
    ]
    found = run_variants(notes, GLOSSARY)
    assert [(v.target, v.spellings, v.applied) for v in found] == [
        ("Volodymyr Zelensky", (("Selensky", 2),), True),
        ("Kyiv", (("Kyjiw", 1),), True),
        ("Dmitry Peskov", (("Nikolai Peskoff", 1),), False),
    ]


# --- properties ------------------------------------------------------------------------------

POOL = [
    "Selensky", "Selenskys", "Selenskyi-Regierung", "Kyjiwer", "Kyjiw's", "Wolodymyr",
    "Volodymyr", "Nikolai", "Peskoff", "Peskow", "Olena", "Selenska", "Schweiß", "Kiefer",
    "Zaporižžja", unicodedata.normalize("NFD", "Zaporižžja"), "Oleksandrowytsch", "Rußland",
    "2Selensky", "Putin", "Kieffer", "Donez", "Behörden", "und", "der", "sagte",
]  # fmt: skip
SEPARATORS = st.sampled_from([" ", "  ", "", "-", ", ", "\n", " „", "“ ", "'s "])
pool_sentences = st.lists(st.tuples(st.sampled_from(POOL), SEPARATORS), max_size=14).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@settings(max_examples=400, deadline=None)
@given(pool_sentences)
def test_recognition_invariants(sentence: str) -> None:
    found = recognise(sentence, GLOSSARY)
    spans = [(m.start, m.end) for m in found.matches]
    assert spans == sorted(spans)
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(spans))
    assert all(sentence[m.start : m.end] == m.text for m in found.matches)
    # Listed spellings are found as before: recognition only adds.
    listed = {(m.start, m.end, m.entry) for m in find_matches(sentence, GLOSSARY)}
    kept = {(m.start, m.end, m.entry) for m in found.matches if not m.spelling.unlisted}
    widened = [m for m in found.matches if m.spelling.unlisted and " " in m.spelling.name]
    assert listed - kept <= {
        (a, b, e) for a, b, e in listed for m in widened if m.start < a and m.end == b
    }
    assert not any(
        c.start < m.end and m.start < c.end for c in found.candidates for m in found.matches
    )
    protected = protect(sentence, GLOSSARY)
    restored = restore(protected, protected.text)
    expected = protected.pieces[0] + "".join(
        t.rendering + p for t, p in zip(protected.terms, protected.pieces[1:], strict=True)
    )
    assert restored.text == expected and restored.counts.failed == 0
    again = protect(restored.text, GLOSSARY)
    assert restore(again, again.text).text == restored.text  # idempotent
