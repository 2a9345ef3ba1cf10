"""The side-by-side HTML pages: their text checked in Python and in a real headless Chromium.

The Chromium tests load each page from ``file://`` with the network made unreachable
(every host name resolves to nothing, every proxy connection is refused) and read back
the DOM Chromium built (``--dump-dom``), screenshots at desktop and phone size, and a PDF.
Layout is measured in a test copy of the page with a measuring script appended: the
product page itself has no script.  They skip when /usr/bin/chromium is absent
(``apt-get install -y chromium``).
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

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
            if "de" in classes or "en" in classes:
                self._cell, self._cell_depth = ("de" if "de" in classes else "en"), 1
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
  var de = row.querySelector('.de').getBoundingClientRect();
  var en = row.querySelector('.en').getBoundingClientRect();
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
    import html

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
