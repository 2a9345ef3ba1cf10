"""Per-sentence confidence: from the engines, through the glossary and the memory, into every
output and the run summary."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import polib
import pytest

import dolmetsch.testing as tiny
from dolmetsch.argos import ArgosEngine, _Piece
from dolmetsch.engine import (
    LOW_CONFIDENCE,
    EngineInfo,
    EngineOptions,
    Progress,
    Scored,
    is_low,
    shown,
    translate_scored,
)
from dolmetsch.glossary import Glossary, load_default_glossary, protect, translate_with_glossary
from dolmetsch.lexicon import LexiconEngine, open_lexicon
from dolmetsch.memory import TranslationMemory, confidence_note
from dolmetsch.models import install_file
from dolmetsch.pipeline import discover, memory_stamp, run_batch, translate_sentences
from dolmetsch.testing import CountingEngine
from dolmetsch.tmx import dump_memory_tmx, parse_memory_tmx, parse_tmx_units
from dolmetsch.tsv import parse_tsv, parse_tsv_scored

SENTENCES = [
    "Der Kreml schweigt.",
    "Vereinbart wurde eine Aussetzung der Angriffe.",
    "Selenskyj traf Putin in Moskau.",
]


class Echo:
    """An engine that gives no confidence."""

    info = EngineInfo("echo")

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        return list(sentences)


class ByLength:
    """An engine whose confidence tells which input it was for: its length / 1000."""

    info = EngineInfo("by-length")

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        return [s.upper() for s in sentences]

    def translate_scored(
        self, sentences: Sequence[str], progress: Progress | None = None
    ) -> list[Scored]:
        return [Scored(s.upper(), len(s) / 1000) for s in sentences]


@pytest.fixture(scope="module")
def lexicon(store_dir: Path, excerpt_ding: Path) -> Iterator[LexiconEngine]:
    opened = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    yield opened
    opened.store.close()


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_default_glossary()


# --- the engine interface -----------------------------------------------------------------


def test_an_engine_without_scores_gives_none() -> None:
    assert translate_scored(Echo(), ["A.", "B."]) == [Scored("A."), Scored("B.")]
    assert [s.confidence for s in translate_scored(Echo(), ["A."])] == [None]


def test_a_scoring_engine_must_answer_every_sentence() -> None:
    class Short(ByLength):
        def translate_scored(
            self, sentences: Sequence[str], progress: Progress | None = None
        ) -> list[Scored]:
            return super().translate_scored(sentences[1:])

    with pytest.raises(ValueError, match="2 sentences but 1 translations"):
        translate_scored(Short(), ["A.", "B."])


@pytest.mark.parametrize(
    ("confidence", "text", "low"),
    [(0.449, "0.45", False), (0.444, "0.44", True), (0.0, "0.00", True), (1.0, "1.00", False),
     (None, None, False)],
)  # fmt: skip
def test_low_is_decided_on_the_confidence_as_shown(
    confidence: float | None, text: str | None, low: bool
) -> None:
    assert LOW_CONFIDENCE == 0.45
    if confidence is not None:
        assert shown(confidence) == text
    assert is_low(confidence) is low
    assert Scored("x", confidence).low is low


def test_the_lexicon_scores_what_it_translates_with_progress(lexicon: LexiconEngine) -> None:
    sentences = [f"Der Kreml schweigt am {i}. Mai." for i in range(1, 140)]
    seen: list[int] = []
    scored = translate_scored(lexicon, sentences, seen.append)
    assert [s.text for s in scored] == lexicon.translate(sentences)
    assert sum(seen) == len(sentences)
    assert all(s.confidence is not None and 0.0 <= s.confidence <= 1.0 for s in scored)


# --- argos: the model's mean token probability --------------------------------------------


@pytest.fixture(scope="module", params=["", "__en__"], ids=["no-prefix", "prefix"])
def unsure_argos(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.MonkeyPatch
) -> Iterator[ArgosEngine]:
    """The tiny copy model made unsure of itself: its copied token only 4 nats ahead."""
    folder = tmp_path_factory.mktemp("unsure")  # type: ignore[attr-defined]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tiny, "_OUTPUT_MARGIN", 4.0)
        archive = tiny.build_tiny_package(folder, target_prefix=request.param)
    package = install_file(archive, folder / "packages")
    yield ArgosEngine(package, EngineOptions(max_input_tokens=24, max_batch_tokens=256))


def _exact(engine: ArgosEngine, text: str) -> tuple[float, int]:
    """The log-probability the model gives its own best output for ``text`` (without a
    forced prefix) and its number of tokens with the end token, by scoring it directly."""
    source = engine._encode(text)
    prefix = engine.package.target_prefix
    result = engine._translator.translate_batch(
        [source], beam_size=4, target_prefix=[[prefix]] if prefix else None
    )[0]
    scored = engine._translator.score_batch([source], [result.hypotheses[0]])[0].log_probs
    scored = scored[1:] if prefix else scored  # the prefix is forced, not chosen
    return sum(scored), len(scored)


def test_argos_confidence_is_the_mean_token_probability(unsure_argos: ArgosEngine) -> None:
    scored = unsure_argos.translate_scored(SENTENCES)
    assert [s.text for s in scored] == unsure_argos.translate(SENTENCES)
    for sentence, result in zip(SENTENCES, scored, strict=True):
        log_prob, length = _exact(unsure_argos, sentence)
        assert result.confidence == pytest.approx(math.exp(log_prob / length), abs=0.002)
        assert 0.5 < (result.confidence or 0) < 0.99  # unsure, and told apart from certain


def test_argos_confidence_of_a_sentence_decoded_in_pieces(unsure_argos: ArgosEngine) -> None:
    clause = "Russland griff an, die Ukraine verteidigte sich und Moskau schwieg"
    sentence = "; ".join([clause] * 3) + "."
    chunks = [chunk for _, chunk in unsure_argos._chunks(sentence)]
    assert len(chunks) > 1
    exact = [_exact(unsure_argos, chunk) for chunk in chunks]
    expected = math.exp(sum(lp for lp, _ in exact) / sum(n for _, n in exact))
    (result,) = unsure_argos.translate_scored([sentence])
    assert result.confidence == pytest.approx(expected, abs=0.002)


def test_a_piece_left_untranslated_has_no_confidence() -> None:
    done, left = _Piece("a", -1.0, 4), _Piece("b", None, 0)
    assert _Piece.confidence([done]) == round(math.exp(-0.25), 3)
    assert _Piece.confidence([done, left]) == 0.0
    assert _Piece.joined(done, " ", left) == _Piece("a b", None, 4)
    assert _Piece.joined(done, "", done) == _Piece("aa", -2.0, 8)


def test_the_certain_tiny_model_is_fully_confident(installed_tiny: Path) -> None:
    from dolmetsch.engine import load_engine

    engine = load_engine("argos", packages_dir=installed_tiny)
    assert [s.confidence for s in translate_scored(engine, [*SENTENCES, "  "])] == [
        1.0,
        1.0,
        1.0,
        None,  # nothing to translate: left as it is, with no confidence
    ]


# --- through the glossary -----------------------------------------------------------------


def test_the_glossary_keeps_each_sentence_its_own_confidence(glossary: Glossary) -> None:
    sentences = ["Selenskyj traf Putin in Kiew.", "Nichts.", "Der Kreml und Kiew schweigen."]
    protected = [protect(s, glossary).text for s in sentences]
    engine = ByLength()
    restored = translate_with_glossary(engine.translate_scored, sentences, glossary)
    assert [r.confidence for r in restored] == [len(p) / 1000 for p in protected]
    assert "Kyiv" in restored[0].text  # restored, and still that sentence's confidence
    plain = translate_with_glossary(engine.translate, sentences, glossary)
    assert [r.confidence for r in plain] == [None, None, None]
    assert [r.text for r in plain] == [r.text for r in restored]


def test_pooled_translation_keeps_the_confidence_per_sentence(
    lexicon: LexiconEngine, glossary: Glossary
) -> None:
    alone = [lexicon.translate_scored([s])[0].confidence for s in SENTENCES]
    translations, _ = translate_sentences(SENTENCES, lexicon)
    assert [t.confidence for t in translations] == alone
    with_glossary, _ = translate_sentences(SENTENCES, lexicon, glossary)
    protected = [protect(s, glossary).text for s in SENTENCES]
    assert [t.confidence for t in with_glossary] == [
        lexicon.translate_scored([p])[0].confidence for p in protected
    ]


# --- in the outputs -------------------------------------------------------------------------


def _confidences(out: Path, stem: str) -> dict[str, dict[str, str]]:
    """Each segment's confidence as PO, TSV, TMX and HTML show it ('' for none)."""
    found: dict[str, dict[str, str]] = {}
    for entry in polib.pofile(str(out / f"{stem}.po")):
        notes = [n for n in entry.comment.split("\n") if n.startswith("confidence: ")]
        value = notes[0].removeprefix("confidence: ").removesuffix(" (low)") if notes else ""
        found.setdefault(entry.msgctxt, {})["po"] = value
    for segment_id, _, _, confidence in parse_tsv_scored((out / f"{stem}.tsv").read_text()):
        if segment_id != "date":
            found[segment_id]["tsv"] = shown(confidence) if confidence is not None else ""
    for unit in parse_tmx_units((out / f"{stem}.tmx").read_bytes()):
        found[unit.tuid.partition(":")[2]]["tmx"] = unit.prop("x-dolmetsch-confidence") or ""
    page = (out / f"{stem}.html").read_text(encoding="utf-8")
    for row in re.finditer(r'<div class="row[^"]*" id="[^"]*" data-id="([^"]*)"([^>]*)>', page):
        value = re.search(r'data-confidence="([^"]*)"', row.group(2))
        found[html.unescape(row.group(1))]["html"] = value.group(1) if value else ""
    return found


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def test_every_output_shows_the_same_confidence_and_a_rerun_from_memory_the_same_bytes(
    lexicon: LexiconEngine, seeds_copy: Path, tmp_path: Path, glossary: Glossary
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        summary = run_batch(discover(seeds_copy), first, lexicon, glossary=glossary, memory=memory)
    stem = "004_afa19b5bb09a82e9"
    shown_by = _confidences(first, stem)
    assert all(len(set(v.values())) == 1 for v in shown_by.values()), "the outputs agree"
    machine = [e.msgctxt for e in polib.pofile(str(first / f"{stem}.po")) if e.fuzzy]
    assert len(machine) > 70
    assert [k for k, v in shown_by.items() if v["po"]] == machine  # each has one
    # the summary counts what the outputs show
    low = scored = 0
    for path in sorted(first.glob("*.tsv")):
        confidences = [c for i, _, _, c in parse_tsv_scored(path.read_text()) if i != "date"]
        scored += sum(1 for c in confidences if c is not None)
        low += sum(1 for c in confidences if is_low(c))
    assert summary.confidence == (low, scored) and 0 < low < scored
    assert f"; {low} of {scored} sentences low-confidence (below 0.45" in summary.line()
    # a run into a new folder takes every sentence from the memory: the same bytes
    counting = CountingEngine(lexicon)
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        again = run_batch(discover(seeds_copy), second, counting, glossary=glossary, memory=memory)
    assert counting.sentences == 0 and again.confidence == summary.confidence
    assert _outputs(second) == _outputs(first)


def test_memory_tmx_keeps_the_confidence_exactly(
    lexicon: LexiconEngine, seeds_copy: Path, tmp_path: Path
) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        run_batch(discover(seeds_copy), tmp_path / "a", lexicon, memory=memory)
        units = memory.export_units()
    text = dump_memory_tmx(units)
    assert "x-dolmetsch-confidence" in text and "% 0." not in text  # a prop, not a term
    assert parse_memory_tmx(text) == units
    with TranslationMemory(tmp_path / "copy.sqlite") as copy:
        copy.store(
            ((u.source, u.target, u.terms) for u in parse_memory_tmx(text)),
            "machine",
            memory_stamp(lexicon.info, None),
        )
        counting = CountingEngine(lexicon)
        run_batch(discover(seeds_copy), tmp_path / "b", counting, memory=copy)
    assert counting.sentences == 0
    assert _outputs(tmp_path / "b") == _outputs(tmp_path / "a")


def test_a_remembered_unit_without_confidence_shows_none(
    lexicon: LexiconEngine, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Der Kreml schweigt. Der Hund bellt.\n", encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        # as a dolmetsch before confidences stored it
        memory.store(
            [("Der Kreml schweigt.", "OLD.", [])], "machine", memory_stamp(lexicon.info, None)
        )
        run_batch(discover(seeds), tmp_path / "out", lexicon, memory=memory)
    rows = parse_tsv_scored((tmp_path / "out" / "a.tsv").read_text())
    assert [(r[2], r[3] is None) for r in rows] == [("OLD.", True), (rows[1][2], False)]
    assert _confidences(tmp_path / "out", "a")["p1.s1"] == {
        "po": "",
        "tsv": "",
        "tmx": "",
        "html": "",
    }


def test_a_persons_translation_shows_no_machine_confidence(
    lexicon: LexiconEngine, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Der Kreml schweigt. Der Hund bellt.\n", encoding="utf-8")
    out = tmp_path / "out"
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        run_batch(discover(seeds), out, lexicon, memory=memory)
        po = polib.pofile(str(out / "a.po"))
        po[0].msgstr, po[0].flags = "The Kremlin says nothing.", []
        po.save()
        summary = run_batch(discover(seeds), out, lexicon, memory=memory)
    assert summary.human_edits == 1 and summary.confidence[1] == 1
    found = _confidences(out, "a")
    assert found["p1.s1"] == {"po": "", "tsv": "", "tmx": "", "html": ""}
    assert found["p1.s2"]["po"] and len(set(found["p1.s2"].values())) == 1


def test_an_engine_without_confidence_adds_nothing(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch(discover(seeds_copy), out, Echo())
    assert summary.confidence == (0, 0) and "low-confidence" not in summary.line()
    text = (out / "000_711f6cf1b5bfa63b.po").read_text(encoding="utf-8")
    assert "confidence" not in text
    assert all(
        c is None for *_, c in parse_tsv_scored((out / "000_711f6cf1b5bfa63b.tsv").read_text())
    )
    assert "data-confidence" not in (out / "000_711f6cf1b5bfa63b.html").read_text()


def test_po_marks_a_low_confidence() -> None:
    from dolmetsch.aligned import Translation, align
    from dolmetsch.document import parse_document
    from dolmetsch.po import dump_po

    article = align(
        parse_document("c", "Der Kreml schweigt. Er spricht. Es regnet."),
        [Translation("A.", confidence=0.3), Translation("B.", confidence=0.62), Translation("C.")],
        source_name="c.txt",
        encoding="utf-8",
        engine=EngineInfo("lexicon", "ding", "1"),
    )
    notes = [e.comment for e in polib.pofile(dump_po(article))]
    assert notes == ["confidence: 0.30 (low)", "confidence: 0.62", ""]


# --- TSV ------------------------------------------------------------------------------------


def test_tsv_reads_its_confidence_and_files_without_one() -> None:
    text = "id\tde\ten\tconfidence\ndate\t2026\t2026\t\np1.s1\tA\\tB\tC\t0.62\np1.s2\tD\tE\t\n"
    assert parse_tsv_scored(text) == [
        ("date", "2026", "2026", None),
        ("p1.s1", "A\tB", "C", 0.62),
        ("p1.s2", "D", "E", None),
    ]
    assert parse_tsv(text) == [
        ("date", "2026", "2026"),
        ("p1.s1", "A\tB", "C"),
        ("p1.s2", "D", "E"),
    ]
    older = "id\tde\ten\np1.s1\tA\tB\n"
    assert parse_tsv_scored(older) == [("p1.s1", "A", "B", None)]
    with pytest.raises(ValueError, match="line 2: expected 4 tab-separated fields, got 3"):
        parse_tsv("id\tde\ten\tconfidence\np1.s1\tA\tB\n")
    with pytest.raises(ValueError, match="line 2: confidence 'high' is not a number"):
        parse_tsv("id\tde\ten\tconfidence\np1.s1\tA\tB\thigh\n")


def test_a_confidence_note_reads_back_exactly() -> None:
    from dolmetsch.memory import read_confidence

    for value in (0.0, 1.0, 0.372, 0.8807123456789):
        assert read_confidence(confidence_note(value)) == value
    for note in ("% 1.5", "% -0.1", "% nan", "% x", "Kiew -> Kyiv", "%0.5"):
        assert read_confidence(note) is None


def test_the_confidence_note_leaves_the_other_notes_readable() -> None:
    from dolmetsch.aligned import Translation, align
    from dolmetsch.document import parse_document
    from dolmetsch.po import dump_po
    from dolmetsch.reader import parse_po_rows

    terms = tuple(f"Wort{i} -> Word{i}" for i in range(8))  # wrapped over several lines
    article = align(
        parse_document("c", "Der Kreml schweigt\n\nEr spricht."),
        [
            Translation("The Kremlin is silent", terms, confidence=0.3),
            Translation("He speaks.", terms[:1], ("Wort0 -> Word0",), confidence=0.7),
        ],
        source_name="c.txt",
        encoding="utf-8",
        engine=EngineInfo("lexicon", "ding", "1"),
    )
    rows = parse_po_rows(dump_po(article))
    assert [(r.kind, r.terms, r.failed) for r in rows] == [
        ("heading", terms, ()),
        ("paragraph", terms[:1], ("Wort0 -> Word0",)),
    ]
