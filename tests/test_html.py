"""The side-by-side HTML pages: their text checked in Python and in a real headless Chromium.

The Chromium tests load each page from ``file://`` with the network made unreachable
(every host name resolves to nothing, every proxy connection is refused) and read back
the DOM Chromium built (``--dump-dom``), screenshots at desktop and phone size, and a PDF.
Layout is measured in a test copy of the page with a measuring script appended: the
product page itself has no script.  They skip when /usr/bin/chromium is absent
(``apt-get install -y chromium``).
"""

from __future__ import annotations

import html
import json
import re
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from dolmetsch.aligned import TranslatedArticle, Translation, align
from dolmetsch.document import parse_document
from dolmetsch.engine import EngineInfo
from dolmetsch.glossary import Glossary, load_default_glossary
from dolmetsch.html import IndexRow, dump_html, dump_index
from dolmetsch.lexicon import open_lexicon
from dolmetsch.pipeline import Silent, load_article, translate_documents

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install -y chromium)"
)
# Chromium flags that keep a headless run from reaching out on its own (updates, sync...).
QUIET = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
# The page must render in full with no name resolution and no route anywhere.
OFFLINE = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

TRICKY = """date 2026-01-30

Selenskyj warnt vor <script>alert(1)</script>

Kreml-Sprecher Peskow sagte, Selenskyjs Plan sei "gut" & richtig. Der Kreml schweigt. (dpa)
"""
TRICKY_TARGETS = [
    Translation(
        "Zelensky warns of <script>alert(1)</script>",
        ("Selenskyj -> Zelensky",),
    ),
    Translation(
        'Kremlin spokesman Peskov said Zelensky\'s plan was "good" & right.',
        ("Kreml -> Kremlin", "Peskow -> Peskov", "Selenskyjs -> Zelensky's"),
    ),
    Translation("The Kremlin is silent.", ("Kreml -> Kremlin",), ("Kreml -> Kremlin",)),
]


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_default_glossary()


@pytest.fixture(scope="session")
def seed_articles(
    store_dir: Path, excerpt_ding: Path, glossary: Glossary
) -> Iterator[list[TranslatedArticle]]:
    """The five seeds translated by the lexicon engine (excerpt store) with the glossary."""
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    articles, _ = translate_documents([load_article(p) for p in seeds], engine, Silent(), glossary)
    yield articles
    engine.store.close()


@pytest.fixture(scope="session")
def tricky() -> TranslatedArticle:
    """Markup, quotes and ampersands in the text, a heading, an attribution, a failed term."""
    return align(
        parse_document("tricky", TRICKY),
        TRICKY_TARGETS,
        source_name="tricky.txt",
        encoding="utf-8",
        engine=EngineInfo("lexicon", "ding", "1"),
        glossary_hash="0123456789abcdef",
    )


@pytest.fixture(scope="session")
def site(
    tmp_path_factory: pytest.TempPathFactory,
    seed_articles: list[TranslatedArticle],
    tricky: TranslatedArticle,
    glossary: Glossary,
) -> Path:
    """An out/ folder with every page and the index, as the batch run will write them."""
    out = tmp_path_factory.mktemp("site")
    articles = [*seed_articles, tricky]
    for article in articles:
        (out / f"{article.stem}.html").write_text(dump_html(article, glossary), encoding="utf-8")
    rows = [IndexRow.from_article(a) for a in articles]
    (out / "index.html").write_text(dump_index(rows), encoding="utf-8")
    return out


class Rows(HTMLParser):
    """``data-id`` -> {"de": text, "en": text, "class": row class} of a page or dumped DOM."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, dict[str, str]] = {}
        self.tags: list[str] = []
        self.scripts = 0
        self._row: str | None = None
        self._row_depth = 0
        self._cell: str | None = None
        self._cell_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts += 1
        if tag in VOID:
            return
        got = dict(attrs)
        classes = (got.get("class") or "").split()
        if self._cell is not None:
            self._cell_depth += 1
            self._row_depth += 1
        elif self._row is not None:
            self._row_depth += 1
            # the cells are classed source and target (they were de and en); kept here as
            # "de" and "en", the languages of these tests' pages
            if "source" in classes or "target" in classes:
                self._cell, self._cell_depth = ("de" if "source" in classes else "en"), 1
                self.rows[self._row][self._cell] = ""
                self.rows[self._row][self._cell + "-lang"] = got.get("lang") or ""
        elif row_id := got.get("data-id"):
            self._row, self._row_depth = row_id, 1
            self.rows[row_id] = {"class": " ".join(classes), "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self._cell is not None:
            self._cell_depth -= 1
            if self._cell_depth == 0:
                self._cell = None
        if self._row is not None:
            self._row_depth -= 1
            if self._row_depth == 0:
                self._row = None

    def handle_data(self, data: str) -> None:
        if self._row is not None:
            self.rows[self._row]["text"] += data
            if self._cell is not None:
                self.rows[self._row][self._cell] += data


def parse_rows(text: str) -> Rows:
    parser = Rows()
    parser.feed(text)
    parser.close()
    return parser


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_rows_match(rows: dict[str, dict[str, str]], article: TranslatedArticle) -> None:
    """Every source sentence and its translation stand in the same row, in their languages."""
    assert list(rows) == [p.segment.id for p in article.pairs]
    for pair in article.pairs:
        row = rows[pair.segment.id]
        assert squash(row["de"]) == squash(pair.segment.text), pair.segment.id
        assert squash(row["en"]) == squash(pair.target), pair.segment.id
        assert (row["de-lang"], row["en-lang"]) == ("de", "en")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [str(CHROMIUM), *QUIET, f"--user-data-dir={profile}", *OFFLINE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- the pages' text, without a browser ---------------------------------------------------


def test_rows_follow_the_article(site: Path, seed_articles: list[TranslatedArticle]) -> None:
    for article in seed_articles:
        page = (site / f"{article.stem}.html").read_text(encoding="utf-8")
        assert_rows_match(parse_rows(page).rows, article)


def test_structure_and_header(tricky: TranslatedArticle, glossary: Glossary) -> None:
    page = dump_html(tricky, glossary)
    assert '<p class="date">Article date: <time datetime="2026-01-30">2026-01-30</time></p>' in page
    assert '<section class="block heading" data-block="h1">' in page
    assert '<div class="row heading" id="h1.s1" data-id="h1.s1">' in page
    assert '<section class="block paragraph" data-block="p2">' in page
    assert '<div class="row paragraph attribution" id="p2.s3" data-id="p2.s3">' in page
    for stamp in ("<dt>Engine</dt><dd>lexicon</dd>", "<dt>Model</dt><dd>ding 1</dd>"):
        assert stamp in page
    assert "<dt>Glossary</dt><dd>0123456789abcdef</dd>" in page


def test_terms_marked_on_both_sides(tricky: TranslatedArticle, glossary: Glossary) -> None:
    page = dump_html(tricky, glossary)
    zelensky = "Volodymyr Zelensky (person): Selenskyjs -&gt; Zelensky&#x27;s"
    assert f'<mark class="term" title="{zelensky}">Selenskyjs</mark>' in page
    assert f'<mark class="term" title="{zelensky}">Zelensky&#x27;s</mark>' in page
    assert (
        '<mark class="term" title="Kremlin (organisation): Kreml -&gt; Kremlin">Kreml</mark>'
        in (page)
    )


def test_terms_without_glossary_come_from_the_pairs(tricky: TranslatedArticle) -> None:
    page = dump_html(tricky)
    title = "glossary: Selenskyjs -&gt; Zelensky&#x27;s"
    assert f'<mark class="term" title="{title}">Selenskyjs</mark>' in page
    assert f'<mark class="term" title="{title}">Zelensky&#x27;s</mark>' in page
    assert 'title="glossary: Kreml -&gt; Kremlin">Kreml</mark>-Sprecher' in page


def test_failed_check_is_visible(tricky: TranslatedArticle) -> None:
    rows = parse_rows(dump_html(tricky)).rows
    failed = [row_id for row_id, row in rows.items() if "failed" in row["class"].split()]
    assert failed == ["p2.s2"]
    assert "⚠ glossary check failed: Kreml -> Kremlin" in rows["p2.s2"]["text"]
    # The German term whose English is missing is marked apart from the enforced ones.
    assert (
        '<mark class="term failed" title="glossary: Kreml -&gt; Kremlin">Kreml</mark> schweigt'
        in (dump_html(tricky))
    )


def test_text_is_escaped(tricky: TranslatedArticle) -> None:
    page = dump_html(tricky)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;gut&quot; &amp; richtig" in page


def test_no_url_of_any_kind(site: Path) -> None:
    """No src, no link, no url(), no @import, no scheme: nothing a browser could fetch."""
    for page in sorted(site.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(?i)\b(src|srcset|action|poster|data)\s*=", text), page.name
        assert not re.search(r"(?i)url\(|@import|<link|<script|<img|<iframe|@font-face", text)
        assert not re.search(r"(?i)[a-z][a-z0-9+.-]*://|\"//|'//", text), page.name
        hrefs = re.findall(r'href="([^"]*)"', text)
        assert all(re.fullmatch(r"[\w.-]+\.html", h) for h in hrefs), hrefs


def test_byte_identical(seed_articles: list[TranslatedArticle], glossary: Glossary) -> None:
    for article in seed_articles:
        assert dump_html(article, glossary) == dump_html(article, glossary)
    rows = [IndexRow.from_article(a) for a in seed_articles]
    assert dump_index(rows) == dump_index(list(rows))


def test_index_lists_every_article(
    site: Path, seed_articles: list[TranslatedArticle], tricky: TranslatedArticle
) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    for article in [*seed_articles, tricky]:
        row = IndexRow.from_article(article)
        assert (site / f"{article.stem}.html").exists()
        none = {n: " none" if not getattr(row, n) else "" for n in ("human", "low")}
        assert (
            f'<td class="n sentences" data-label="Sentences">{row.sentences}</td>'
            f'<td class="n human{none["human"]}" data-label="Reviewed">{row.human}</td>'
            f'<td class="n low{none["low"]}" data-label="Low confidence">{row.low}</td>'
            f'<td class="n hits" data-label="Glossary terms">{row.glossary_hits}</td>'
        ) in index
        assert f'<a href="{article.stem}.html">' in index
    assert IndexRow.from_article(tricky) == IndexRow(
        stem="tricky",
        title="Selenskyj warnt vor <script>alert(1)</script>",
        sentences=3,
        glossary_hits=5,
        glossary_failures=1,
        engine="lexicon (ding 1)",
        date="2026-01-30",
    )
    assert '<tr class="failed" data-stem="tricky">' in index


# --- in a real browser ----------------------------------------------------------------------


@needs_chromium
def test_rendered_dom_keeps_every_pair_in_one_row(
    site: Path, seed_articles: list[TranslatedArticle], tricky: TranslatedArticle, tmp_path: Path
) -> None:
    for article in [*seed_articles, tricky]:
        page = site / f"{article.stem}.html"
        dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
        parsed = parse_rows(dom)
        assert_rows_match(parsed.rows, article)
        # The article's own "<script>" is text in the DOM, never an element.
        assert parsed.scripts == 0, article.stem
    dom = chromium(tmp_path, "--dump-dom", (site / "tricky.html").as_uri()).stdout
    assert parse_rows(dom).rows["h1.s1"]["de"] == "Selenskyj warnt vor <script>alert(1)</script>"


MEASURE = """<script>
(function () {
  var row = document.querySelector('.row');
  var de = row.querySelector('.source').getBoundingClientRect();
  var en = row.querySelector('.target').getBoundingClientRect();
  document.body.setAttribute('data-measured', JSON.stringify({
    width: window.innerWidth, de: [de.left, de.top, de.right, de.bottom],
    en: [en.left, en.top, en.right, en.bottom],
    resources: performance.getEntriesByType('resource').map(function (e) { return e.name; }),
    scroll: document.documentElement.scrollWidth
  }));
})();
</script>
"""


def measure(page: Path, tmp_path: Path, width: int, height: int) -> dict[str, object]:
    """Where the first row's cells lie, in a copy of ``page`` with a measuring script."""
    probe = tmp_path / f"probe-{width}.html"
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8"
    )
    dom = chromium(tmp_path, f"--window-size={width},{height}", "--dump-dom", probe.as_uri())
    found = re.search(r'data-measured="([^"]*)"', dom.stdout)
    assert found is not None, dom.stdout[:500]

    measured: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return measured


@needs_chromium
def test_columns_side_by_side_on_desktop_and_stacked_on_a_phone(site: Path, tmp_path: Path) -> None:
    page = site / "000_711f6cf1b5bfa63b.html"
    wide = measure(page, tmp_path, 1280, 900)
    de, en = wide["de"], wide["en"]
    assert isinstance(de, list) and isinstance(en, list)
    assert en[0] > de[2], "desktop: English starts right of the German"
    assert abs(en[1] - de[1]) < 1, "desktop: both cells start on the same line"
    assert wide["resources"] == []
    narrow = measure(page, tmp_path, 390, 844)
    # Headless Chromium does not make a window narrower than 500 px; still a phone layout.
    assert isinstance(narrow["width"], int) and narrow["width"] <= 600
    de, en = narrow["de"], narrow["en"]
    assert isinstance(de, list) and isinstance(en, list)
    assert en[1] >= de[3], "phone: English stacks under the German"
    assert abs(en[0] - de[0]) < 1, "phone: both cells start at the same left edge"
    assert narrow["scroll"] == narrow["width"], "phone: nothing wider than the screen"
    assert narrow["resources"] == []


@needs_chromium
@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_screenshots(site: Path, tmp_path: Path, width: int, height: int) -> None:
    for name in ("004_afa19b5bb09a82e9.html", "index.html"):
        shot = tmp_path / f"{name}-{width}.png"
        chromium(
            tmp_path,
            f"--window-size={width},{height}",
            f"--screenshot={shot}",
            (site / name).as_uri(),
        )
        assert png_size(shot) == (width, height)
        assert shot.stat().st_size > 10_000, "a blank page compresses to almost nothing"


@needs_chromium
def test_prints_to_pdf(site: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    chromium(
        tmp_path,
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        (site / "000_711f6cf1b5bfa63b.html").as_uri(),
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2, "the article runs over pages"


@needs_chromium
def test_index_links_open_pages(site: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", (site / "index.html").as_uri()).stdout
    hrefs = re.findall(r'<a href="([^"]+)"', dom)
    assert sorted(hrefs) == sorted(p.name for p in site.glob("*.html") if p.name != "index.html")


# --- who translated a row, how sure the engine was, and the way around the site -----------

MARKED = """Der Kreml schweigt zu Kiew

Selenskyj traf Putin in Moskau. Der Kreml schweigt. Es regnet in Kiew. Das Wetter ist schön. \
Niemand weiß es.
"""
MARKED_TARGETS = [
    Translation("The Kremlin is silent on Kyiv", ("Kreml -> Kremlin", "Kiew -> Kyiv"),
                confidence=0.9),
    Translation("Zelensky met Putin in Moscow.", origin="human"),
    Translation("The Kremlin says nothing.", origin="human", reused="/x/out/other#p1.s1"),
    Translation("It rains in Kyiv.", ("Kiew -> Kyiv",), confidence=0.3),
    Translation("The weather is fine.", confidence=0.8),
    Translation("Nobody knows it."),
]  # fmt: skip


LEXICON = EngineInfo("lexicon", "ding", "1")


def marked_article(
    engine: EngineInfo = LEXICON,
    neighbours: tuple[str, str] = ("a b", "zz"),
    targets: list[Translation] = MARKED_TARGETS,
) -> TranslatedArticle:
    article = align(
        parse_document("marked", MARKED),
        targets,
        source_name="marked.txt",
        encoding="utf-8",
        engine=engine,
    )
    return replace(article, neighbours=neighbours)


def test_rows_say_who_translated_them_and_how_sure_the_engine_was(glossary: Glossary) -> None:
    page = dump_html(marked_article(), glossary)
    rows = parse_rows(page).rows
    marks = {
        row_id: [c for c in row["class"].split() if c in ("human", "reused", "low")]
        for row_id, row in rows.items()
    }
    assert marks == {
        "h1.s1": [], "p2.s1": ["human"], "p2.s2": ["reused"], "p2.s3": ["low"], "p2.s4": [],
        "p2.s5": [],
    }  # fmt: skip
    assert "✓ translated by a person" in rows["p2.s1"]["text"]
    assert (
        "a person's translation of this sentence in other#p1.s1, not yet reviewed here"
        in (rows["p2.s2"]["text"])
    )
    assert "? low confidence (0.30): check the English against the German" in rows["p2.s3"]["text"]
    assert "confidence" not in rows["p2.s4"]["text"]
    confidences = re.findall(r'data-id="([^"]+)" data-confidence="([^"]+)"', page)
    assert confidences == [("h1.s1", "0.90"), ("p2.s3", "0.30"), ("p2.s4", "0.80")]


def test_a_persons_english_has_its_glossary_terms_marked(glossary: Glossary) -> None:
    page = dump_html(marked_article(), glossary)
    row = page[page.index('data-id="p2.s1"') : page.index('data-id="p2.s2"')]
    english = row[row.index('class="target"') :]
    marked = re.findall(r'<mark class="term" title="([^"]*)">([^<]*)</mark>', english)
    assert [text for _, text in marked] == ["Zelensky", "Putin", "Moscow"]
    assert html.unescape(marked[0][0]) == ("Volodymyr Zelensky (person): Selenskyj -> Zelensky")


def test_legend_and_footer_tell_the_truth(glossary: Glossary, tricky: TranslatedArticle) -> None:
    page = dump_html(marked_article(), glossary)
    legend = re.search(r'<ul class="legend" aria-label="Legend">(.*?)</ul>', page)
    assert legend is not None
    assert re.findall(r'<span class="key (\w+)"', legend.group(1)) == ["human", "low", "term"]
    assert (
        "<p>1 of 6 sentences translated by a person (marked); the others are machine "
        "translation by dolmetsch" in page
    )
    assert "unreviewed" not in page.split("1 of 6 sentences")[0]
    assert "<dt>Reviewed</dt><dd>1 of 6 sentences</dd>" in page
    assert "<dt>Confidence</dt><dd>1 of 3 machine sentences low</dd>" in page
    assert "1 of 3 machine sentences has a low confidence (below 0.45, marked)." in page
    plain = dump_html(tricky, glossary)
    assert re.findall(r'<span class="key (\w+)"', plain) == ["term", "failed"]
    assert "<p>Machine translation by dolmetsch" in plain and "; unreviewed." in plain
    assert "<dt>Reviewed</dt>" not in plain and "<dt>Confidence</dt>" not in plain
    everyone = [Translation(t.text, origin="human") for t in MARKED_TARGETS]
    reviewed = dump_html(marked_article(targets=everyone), glossary)
    assert "<p>All 6 sentences translated by a person (made with dolmetsch" in reviewed
    assert "Machine translation" not in reviewed and "unreviewed" not in reviewed


def test_the_dictionary_engine_says_its_pages_are_for_gist(glossary: Glossary) -> None:
    banner = '<p class="banner" role="note">Dictionary translation, for gist only'
    page = dump_html(marked_article(), glossary)
    assert banner in page and "<code>dolmetsch model install</code>" in page
    assert page.index(banner) < page.index("<main>")
    neural = marked_article(EngineInfo("argos", "translate-de_en", "1.9"))
    assert banner not in dump_html(neural, glossary)
    everyone = [Translation(t.text, origin="human") for t in MARKED_TARGETS]
    assert banner not in dump_html(marked_article(targets=everyone), glossary)


def test_title_is_the_german_heading_or_the_stem(tricky: TranslatedArticle) -> None:
    page = dump_html(marked_article())
    assert "<title>Der Kreml schweigt zu Kiew (marked)</title>" in page
    assert '<h1 lang="de">Der Kreml schweigt zu Kiew</h1>' in page
    headless = align(
        parse_document("no-heading", "Ein langer erster Satz ohne Überschrift. Noch einer."),
        [Translation("A long first sentence without a heading."), Translation("Another.")],
        source_name="no-heading.txt",
        encoding="utf-8",
        engine=EngineInfo("lexicon", "ding", "1"),
    )
    page = dump_html(headless)
    assert "<title>no-heading</title>" in page and "<h1>no-heading</h1>" in page
    assert IndexRow.from_article(headless).title == "no-heading"
    assert "<small>no-heading</small>" not in dump_index([IndexRow.from_article(headless)])


def test_navigation_links_index_and_neighbours() -> None:
    nav = re.findall(
        r'<nav class="pages" aria-label="Articles">(.*?)</nav>', dump_html(marked_article())
    )
    assert len(nav) == 2 and nav[0] == nav[1]  # above and below the article
    assert re.findall(r'<a (?:rel="(\w+)" )?href="([^"]+)">', nav[0]) == [
        ("", "index.html"),
        ("prev", "a%20b.html"),
        ("next", "zz.html"),
    ]
    first = dump_html(marked_article(neighbours=("", "zz")))
    assert 'rel="prev"' not in first and 'rel="next" href="zz.html"' in first


def test_index_counts_reviewed_and_low_confidence_sentences() -> None:
    row = IndexRow.from_article(marked_article())
    assert (row.human, row.low, row.scored, row.sentences) == (1, 1, 3, 6)
    index = dump_index([row])
    assert '<td class="n human" data-label="Reviewed">1</td>' in index
    assert '<td class="n low" data-label="Low confidence">1</td>' in index
    assert '<th class="n" data-label="Reviewed">1</th>' in index


def _run_site(
    seeds: Path, out: Path, store_dir: Path, excerpt_ding: Path, glossary: Glossary
) -> list[str]:
    """Translate ``seeds`` into ``out`` with a memory, as `dolmetsch run` does; the stems."""
    from dolmetsch.memory import TranslationMemory
    from dolmetsch.pipeline import discover, run_batch

    engine = open_lexicon(store_dir, build=False, ding=excerpt_ding)
    try:
        with TranslationMemory(out.parent / "tm.sqlite") as memory:
            summary = run_batch(discover(seeds), out, engine, glossary=glossary, memory=memory)
    finally:
        engine.store.close()
    assert not summary.failures or all("binary" in f for f in summary.failures)
    index = (out / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<tr(?: class="failed")? data-stem="([^"]+)">', index)


def _nav_links(page: Path) -> dict[str, str]:
    nav = re.search(r'<nav class="pages" aria-label="Articles">(.*?)</nav>', page.read_text())
    assert nav is not None, page
    return {
        rel or "index": href
        for rel, href in re.findall(r'<a (?:rel="(\w+)" )?href="([^"]+)">', nav.group(1))
    }


def test_a_run_links_each_page_to_its_neighbours_in_the_index(
    seeds_copy: Path, tmp_path: Path, store_dir: Path, excerpt_ding: Path, glossary: Glossary
) -> None:
    (seeds_copy / "binary.txt").write_bytes(b"\x00\x01")  # not translated: never linked
    out = tmp_path / "out"
    stems = _run_site(seeds_copy, out, store_dir, excerpt_ding, glossary)
    assert len(stems) == 5 and "binary" not in stems
    for k, stem in enumerate(stems):
        links = _nav_links(out / f"{stem}.html")
        expected = {"index": "index.html"}
        if k:
            expected["prev"] = f"{stems[k - 1]}.html"
        if k + 1 < len(stems):
            expected["next"] = f"{stems[k + 1]}.html"
        assert links == expected, stem
        assert all((out / href).is_file() for href in links.values())
    # a new last article: the page before it now links to it, the others are kept as they were
    before = {p.name: p.read_bytes() for p in out.glob("*.html")}
    (seeds_copy / "zz.txt").write_text("Der Kreml schweigt.\n", encoding="utf-8")
    stems = _run_site(seeds_copy, out, store_dir, excerpt_ding, glossary)
    assert stems[-1] == "zz" and _nav_links(out / f"{stems[-2]}.html")["next"] == "zz.html"
    assert _nav_links(out / "zz.html") == {"index": "index.html", "prev": f"{stems[-2]}.html"}
    changed = {n for n, data in before.items() if (out / n).read_bytes() != data}
    assert changed == {f"{stems[-2]}.html", "index.html"}


@pytest.fixture(scope="session")
def run_site(
    tmp_path_factory: pytest.TempPathFactory,
    store_dir: Path,
    excerpt_ding: Path,
    glossary: Glossary,
) -> Path:
    """The seeds as `dolmetsch run` writes them (lexicon excerpt, glossary, memory), with a
    person's correction taken in and a page of marked rows beside them."""
    import polib

    from dolmetsch.pipeline import write_outputs

    base = tmp_path_factory.mktemp("run-site")
    seeds = base / "seeds"
    seeds.mkdir()
    for path in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")):
        (seeds / path.name).write_bytes(path.read_bytes())
    out = base / "out"
    _run_site(seeds, out, store_dir, excerpt_ding, glossary)
    po = polib.pofile(str(out / "004_afa19b5bb09a82e9.po"))
    entry = po.find("p2.s1", by="msgctxt")
    entry.msgstr, entry.flags = "US President Donald Trump says he spoke with Vladimir Putin.", []
    po.save()
    _run_site(seeds, out, store_dir, excerpt_ding, glossary)
    write_outputs(marked_article(neighbours=("", "000_711f6cf1b5bfa63b")), out, glossary)
    return out


MEASURE_STYLE = """<script>
(function () {
  function style(id) {
    var row = document.querySelector('[data-id="' + id + '"]');
    var s = getComputedStyle(row);
    return [s.backgroundColor, s.borderLeftColor, s.borderLeftStyle, s.borderLeftWidth];
  }
  var rows = {};
  document.querySelectorAll('.row').forEach(function (row) {
    rows[row.getAttribute('data-id')] = style(row.getAttribute('data-id'));
  });
  var notes = [];
  document.querySelectorAll('.note').forEach(function (note) {
    var r = note.getBoundingClientRect();
    notes.push([note.parentNode.getAttribute('data-id'), note.className,
                r.width > 0 && r.height > 0]);
  });
  document.body.setAttribute('data-measured', JSON.stringify({rows: rows, notes: notes}));
})();
</script>
"""


def run_script(page: Path, tmp_path: Path, script: str, width: int = 1280) -> dict[str, Any]:
    """What ``script`` (appended to a copy of ``page``) found, the page shown ``width`` CSS px
    wide: in a frame of that width, as headless Chromium makes no window narrower than 500."""
    inner = page.read_text(encoding="utf-8").replace("</body>", script + "</body>")
    inner = inner.replace("document.body.setAttribute(", "parent.document.body.setAttribute(")
    frame = tmp_path / f"frame-{page.stem}-{width}.html"
    frame.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe style="border:0;width:{width}px;height:844px" srcdoc="'
        f'{html.escape(inner, quote=True)}"></iframe></body></html>',
        encoding="utf-8",
    )
    dom = chromium(tmp_path, "--window-size=1400,900", "--dump-dom", frame.as_uri()).stdout
    found = re.search(r'data-measured="([^"]*)"', dom)
    assert found is not None, dom[:500]
    measured: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return measured


@needs_chromium
def test_human_and_low_confidence_rows_are_visibly_marked(run_site: Path, tmp_path: Path) -> None:
    for name, human, plain, low in [
        ("marked.html", "p2.s1", "p2.s4", "p2.s3"),
        ("004_afa19b5bb09a82e9.html", "p2.s1", None, None),
    ]:
        measured = run_script(run_site / name, tmp_path, MEASURE_STYLE)
        rows = measured["rows"]
        page = (run_site / name).read_text(encoding="utf-8")
        classes = dict(re.findall(r'<div class="row ([^"]*)" id="[^"]*" data-id="([^"]*)"', page))
        by_id = {row_id: cls.split() for cls, row_id in classes.items()}
        if plain is None:  # in the run's page: any machine row without a mark
            plain = next(i for i, c in by_id.items() if not {"human", "low", "failed"} & set(c))
            low = next(i for i, c in by_id.items() if "low" in c and "failed" not in c)
        assert rows[human] != rows[plain], f"{name}: a person's row looks like a machine's"
        assert rows[low] != rows[plain], f"{name}: a low-confidence row looks like the others"
        assert rows[low] != rows[human], f"{name}: low confidence looks like a person's"
        assert rows[human][0] != rows[plain][0] and rows[low][0] != rows[plain][0]  # background
        assert rows[plain][2] == "none"  # no left border on a plain row
        notes = {(row_id, cls) for row_id, cls, visible in measured["notes"] if visible}
        assert (human, "note origin") in notes and (low, "note confidence") in notes


MEASURE_OVERFLOW = """<script>
(function () {
  var root = document.documentElement;
  var cells = [];
  document.querySelectorAll('td, th').forEach(function (cell) {
    var r = cell.getBoundingClientRect();
    if (getComputedStyle(cell).display !== 'none') {
      cells.push([cell.className, cell.textContent, r.left, r.right, r.width]);
    }
  });
  document.body.setAttribute('data-measured', JSON.stringify({
    width: window.innerWidth, client: root.clientWidth, scroll: root.scrollWidth, cells: cells
  }));
})();
</script>
"""


@needs_chromium
def test_index_and_pages_fit_a_390_px_phone(run_site: Path, tmp_path: Path) -> None:
    measured = run_script(run_site / "index.html", tmp_path, MEASURE_OVERFLOW, width=390)
    assert measured["width"] == 390
    assert measured["scroll"] <= measured["client"], "the index scrolls sideways at 390 px"
    cells = measured["cells"]
    for kind in ("n hits", "n failures", "n human", "n low", "n sentences"):
        shown_cells = [c for c in cells if c[0].startswith(kind)]
        assert len(shown_cells) == 5, kind  # a cell per article, shown
        assert all(c[2] >= 0 and c[3] <= 390 and c[4] > 0 for c in shown_cells), kind
    for page in ("004_afa19b5bb09a82e9.html", "marked.html"):
        measured = run_script(run_site / page, tmp_path, MEASURE_OVERFLOW, width=390)
        assert measured["scroll"] <= measured["client"], page


@needs_chromium
def test_navigation_links_resolve_in_the_browser(run_site: Path, tmp_path: Path) -> None:
    pages = sorted(run_site.glob("*.html"))
    for page in pages:
        dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
        hrefs = re.findall(r'<a (?:rel="\w+" )?href="([^"]+)"', dom)
        assert "index.html" in hrefs or page.name == "index.html", page.name
        for href in hrefs:
            target = run_site / unquote(href)
            assert target.is_file(), f"{page.name} links to {href}, which is not there"
