"""TMX 1.4b output: well-formed, round-tripping, and read the same by translate-toolkit.

translate-toolkit (a test dependency) is the independent reader for both the TMX and the
PO files.  Its import name is ``translate``, which is also the name of this repository's
source folder: ``python -m pytest`` run from the repository root puts the root on
``sys.path``, where ``translate/`` would shadow it, so the toolkit runs in a subprocess
started in a temporary folder.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from dolmetsch.aligned import TranslatedArticle, Translation, align
from dolmetsch.document import parse_document
from dolmetsch.engine import EngineInfo
from dolmetsch.glossary import load_default_glossary
from dolmetsch.lexicon import open_lexicon
from dolmetsch.pipeline import Silent, load_article, translate_documents
from dolmetsch.po import dump_po
from dolmetsch.tmx import (
    TMX_HEAD,
    TMX_TAIL,
    XML_LANG,
    dump_tmx,
    dump_tmx_units,
    escape_text,
    parse_tmx,
    parse_tmx_units,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ENGINE = EngineInfo("lexicon", "ding", "1")


@pytest.fixture(scope="module")
def articles(store_dir: Path, excerpt_ding: Path) -> Iterator[list[TranslatedArticle]]:
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    loaded = [load_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    translated, _ = translate_documents(loaded, engine, Silent(), load_default_glossary())
    yield translated
    engine.store.close()


@pytest.fixture
def awkward() -> TranslatedArticle:
    """Markup, entities, quotes, a carriage return and a control character in the text."""
    text = "Ein <b>fetter</b> Satz & \"Zitat\".\n\nZweiter Absatz mit 'Apostroph'."
    return align(
        parse_document("awk&ward", text),
        [Translation('A <b>bold</b> sentence & "quote".\r'), Translation("Second\x0cparagraph.")],
        source_name="awk&ward.txt",
        encoding="utf-8",
        engine=ENGINE,
    )


def expected(articles: list[TranslatedArticle]) -> list[tuple[str, str, str]]:
    return [
        (f"{a.stem}:{p.segment.id}", p.segment.text, p.target) for a in articles for p in a.pairs
    ]


def toolkit(script: str, *paths: Path, cwd: Path) -> list[list[object]]:
    """Run ``script`` with translate-toolkit on ``paths``; it prints JSON."""
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows: list[list[object]] = json.loads(result.stdout)
    return rows


READ_TMX = """
import json, sys
from translate.storage.tmx import tmxfile
store = tmxfile.parsefile(sys.argv[1])
print(json.dumps([[u.getid(), u.source, u.target] for u in store.units]))
"""
READ_PO = """
import json, sys
from translate.storage.po import pofile
store = pofile.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
print(json.dumps([[u.getcontext(), u.source, u.target, u.isfuzzy()] for u in units]))
"""


def test_well_formed_with_the_tmx_header(articles: list[TranslatedArticle]) -> None:
    root = ET.fromstring(dump_tmx(articles))
    assert (root.tag, root.get("version")) == ("tmx", "1.4")
    header = root.find("header")
    assert header is not None
    assert header.attrib == {
        "creationtool": "dolmetsch",
        "creationtoolversion": "0.1.0",
        "datatype": "plaintext",
        "segtype": "sentence",
        "adminlang": "en",
        "srclang": "de",
        "o-tmf": "dolmetsch",
    }
    units = root.findall("body/tu")
    assert len(units) == sum(len(a.pairs) for a in articles)
    first = units[0]
    props = {p.get("type"): p.text for p in first.findall("prop")}
    assert props["x-dolmetsch-engine"] == articles[0].engine.describe()
    assert props["x-dolmetsch-kind"] == "paragraph"
    assert props["x-dolmetsch-source"] == "000_711f6cf1b5bfa63b.txt"
    assert [t.get(XML_LANG) for t in first.findall("tuv")] == ["de", "en"]


def test_kinds(articles: list[TranslatedArticle]) -> None:
    kinds = {
        tu.get("tuid"): next(
            p.text for p in tu.findall("prop") if p.get("type") == "x-dolmetsch-kind"
        )
        for tu in ET.fromstring(dump_tmx(articles)).iter("tu")
    }
    for article in articles:
        for pair in article.pairs:
            kind = "attribution" if pair.segment.kind == "attribution" else pair.block_kind
            assert kinds[f"{article.stem}:{pair.segment.id}"] == kind
    assert set(kinds.values()) == {"heading", "paragraph", "attribution"}


def test_round_trip(articles: list[TranslatedArticle], awkward: TranslatedArticle) -> None:
    corpus = [*articles, awkward]
    rows = expected(corpus)
    # The one character XML 1.0 cannot carry is replaced visibly, everything else survives.
    rows[-1] = (rows[-1][0], rows[-1][1], "Second\ufffdparagraph.")
    assert parse_tmx(dump_tmx(corpus)) == rows
    tuids = [tuid for tuid, _, _ in rows]
    assert len(set(tuids)) == len(tuids)


def test_escaping(awkward: TranslatedArticle) -> None:
    text = dump_tmx([awkward])
    assert '<tu tuid="awk&amp;ward:p1.s1">' in text
    assert '<seg>Ein &lt;b&gt;fetter&lt;/b&gt; Satz &amp; "Zitat".</seg>' in text
    assert "&quot;quote&quot;" not in text and 'sentence &amp; "quote".&#13;</seg>' in text
    assert escape_text("a\x00b\x1fc\td\ne") == "a\ufffdb\ufffdc\td\ne"


def test_byte_identical(articles: list[TranslatedArticle]) -> None:
    assert dump_tmx(articles) == dump_tmx(list(articles))
    assert dump_tmx(articles[:1]).encode("utf-8") == dump_tmx(articles[:1]).encode("utf-8")
    assert "creationdate" not in dump_tmx(articles)


def test_corpus_can_be_written_article_by_article(articles: list[TranslatedArticle]) -> None:
    streamed = TMX_HEAD + "".join(dump_tmx_units(a) for a in articles) + TMX_TAIL
    assert streamed == dump_tmx(articles)


def test_glossary_terms_travel_as_props() -> None:
    article = align(
        parse_document("g", "Der Kreml schweigt."),
        [Translation("The Kremlin is silent.", ("Kreml -> Kremlin",), ("Kreml -> Kremlin",))],
        source_name="g.txt",
        encoding="utf-8",
        engine=ENGINE,
        glossary_hash="abc",
    )
    props = [(p.get("type"), p.text) for p in ET.fromstring(dump_tmx([article])).iter("prop")]
    assert ("x-dolmetsch-glossary", "abc") in props
    assert ("x-dolmetsch-term", "Kreml -> Kremlin") in props
    assert ("x-dolmetsch-term-failed", "Kreml -> Kremlin") in props


def test_parse_errors_name_the_place() -> None:
    with pytest.raises(ValueError, match=r"^line 3, column \d+: not well-formed TMX"):
        parse_tmx('<tmx version="1.4">\n<body>\n<tu></body></tmx>')
    with pytest.raises(ValueError, match="root element is <xliff>"):
        parse_tmx("<xliff/>")


def test_parse_reads_tmx_1_1_lang_and_inline_markup() -> None:
    text = (
        '<tmx version="1.1"><header/><body><tu><tuv lang="DE-de"><seg>A <ph>x</ph>b</seg></tuv>'
        '<tuv lang="EN"><seg>c</seg></tuv></tu><tu tuid="only-de"><tuv lang="de"><seg>d</seg>'
        "</tuv></tu></body></tmx>"
    )
    assert parse_tmx(text) == [("tu1", "A xb", "c")]


def test_translate_toolkit_reads_our_tmx(
    articles: list[TranslatedArticle], awkward: TranslatedArticle, tmp_path: Path
) -> None:
    corpus = [*articles, awkward]
    path = tmp_path / "corpus.tmx"
    path.write_text(dump_tmx(corpus), encoding="utf-8")
    rows = [tuple(row) for row in toolkit(READ_TMX, path, cwd=tmp_path)]
    assert rows == parse_tmx(path.read_text(encoding="utf-8"))


def test_translate_toolkit_reads_our_po(articles: list[TranslatedArticle], tmp_path: Path) -> None:
    for article in articles:
        path = tmp_path / f"{article.stem}.po"
        path.write_text(dump_po(article), encoding="utf-8")
        rows = toolkit(READ_PO, path, cwd=tmp_path)
        assert rows == [
            [p.segment.id, p.segment.text, p.target, p.segment.translatable] for p in article.pairs
        ]


def test_memory_tmx_round_trip_keeps_origin_stamp_and_terms() -> None:
    from dolmetsch.memory import ExportedUnit
    from dolmetsch.provenance import HUMAN, IMPORTED, Provenance
    from dolmetsch.tmx import dump_memory_tmx, parse_memory_tmx

    units = [
        ExportedUnit("Guten Tag.", "Hello.", "human", HUMAN, ()),
        ExportedUnit(
            "Der Kreml <b>.",
            'The "Kremlin" &\r',
            "machine",
            Provenance("argos", "m", "1.9", "abc"),
            ("Kreml -> Kremlin",),
        ),
        ExportedUnit("Ohne.", "Without.", "machine", Provenance("lexicon", "", "", ""), ()),
    ]
    assert parse_memory_tmx(dump_memory_tmx(units)) == units
    assert parse_memory_tmx(dump_memory_tmx(units).encode("utf-8")) == units
    bare = '<tmx version="1.4"><body><tu><prop type="x-dolmetsch-origin">{}</prop><tuv xml:lang="de"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu></body></tmx>'  # noqa: E501
    assert parse_memory_tmx(bare.format("machine"))[0].stamp == IMPORTED
    older = bare.replace("x-dolmetsch-origin", "x-dolmetsch-engine")  # no origin, an engine
    assert parse_memory_tmx(older.format("argos (m 1)"))[0].origin == "machine"
    assert parse_memory_tmx(older.format("argos (m 1)"))[0].stamp == IMPORTED
    with pytest.raises(ValueError, match="x-dolmetsch-origin is 'robot', not machine or human"):
        parse_memory_tmx(bare.format("robot"))


def test_article_units_carry_origin_and_stamp() -> None:
    article = align(
        parse_document("o", "Der Kreml schweigt. Er spricht."),
        [Translation("The Kremlin is silent."), Translation("He speaks.", origin="human")],
        source_name="o.txt",
        encoding="utf-8",
        engine=EngineInfo("argos", "tiny", "0.0.1"),
        glossary_hash="abc",
    )
    units = parse_tmx_units(dump_tmx([article]))
    first, second = ({k: v for k, v in u.props if k != "x-dolmetsch-term"} for u in units)
    assert first["x-dolmetsch-origin"] == "machine"
    assert (first["x-dolmetsch-engine-name"], first["x-dolmetsch-model"]) == ("argos", "tiny")
    assert (first["x-dolmetsch-model-version"], first["x-dolmetsch-glossary"]) == ("0.0.1", "abc")
    assert second["x-dolmetsch-origin"] == "human" and "x-dolmetsch-engine-name" not in second


def test_a_persons_unit_names_no_engine_and_a_machine_unit_its_confidence() -> None:
    article = align(
        parse_document("o", "Der Kreml schweigt. Er spricht. Es regnet."),
        [
            Translation("The Kremlin is silent.", confidence=0.6234),
            Translation("He speaks.", origin="human"),
            Translation("It rains."),
        ],
        source_name="o.txt",
        encoding="utf-8",
        engine=EngineInfo("lexicon", "ding+de2en", "v8"),
    )
    units = parse_tmx_units(dump_tmx([article]))
    machine, human, unscored = (dict(u.props) for u in units)
    assert machine["x-dolmetsch-confidence"] == "0.62"
    assert machine["x-dolmetsch-engine"] == "lexicon (ding+de2en v8)"
    assert human["x-dolmetsch-origin"] == "human"
    assert not any(k.startswith("x-dolmetsch-engine") for k in human)
    assert "x-dolmetsch-confidence" not in human and "x-dolmetsch-confidence" not in unscored
    # read back into a memory: the confidence is kept, as the memory keeps it
    from dolmetsch.provenance import HUMAN
    from dolmetsch.tmx import memory_unit

    kept = [memory_unit(u) for u in units]
    assert kept[0].terms == ("% 0.62",) and kept[1].terms == () and kept[2].terms == ()
    assert kept[1].origin == "human" and kept[1].stamp == HUMAN
