"""Side-by-side HTML pages: ``out/<stem>.html`` for each article and ``out/index.html``.

Each page is one self-contained file: inline CSS, no script, no font, no image and no
URL of any kind, so it opens offline, from a mail attachment or a USB stick, exactly as
it was written.  German and English stand in two columns, one row per aligned sentence
(``data-id="p3.s2"``), grouped by block as in the article; under 600 px the columns stack
(German above English) and in print they stay side by side without the colours.

Glossary terms are marked on both sides (``<mark class="term">``, with the entry in the
``title``; an unlisted spelling says so): in German from
:func:`~dolmetsch.glossary.find_terms` when the glossary is given, else from the sources
of ``Pair.terms``; in English from their renderings.  A sentence whose glossary check
failed gets the row class ``failed`` and a visible notice.

All text goes through :func:`html.escape`; the output is byte-identical for identical
input (no clock, no absolute path).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from .aligned import Pair, TranslatedArticle
from .glossary import Glossary, find_terms
from .names import quote_name
from .reader import split_term, term_spans

TITLE_CHARS = 90
Label = tuple[str, str]  # a mark's classes and title

CSS = """
:root { color-scheme: light; --line: #d8d8d8; --mark: #fff0a8; --bad: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem; color: #1b1b1b;
  background: #fff; font: 1rem/1.5 Georgia, "Times New Roman", serif; }
header.stamp { border-bottom: 2px solid #1b1b1b; margin-bottom: 1rem; }
header.stamp h1 { font-size: 1.4rem; margin: 0 0 .4rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 .8rem;
  font: .85rem/1.4 system-ui, sans-serif; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.date { font: .9rem system-ui, sans-serif; margin: 0 0 1rem; }
.columns, .row { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5rem; }
.columns { font: 600 .8rem system-ui, sans-serif; text-transform: uppercase;
  letter-spacing: .05em; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
section.block { border-bottom: 1px solid var(--line); padding: .5rem 0; }
.row { padding: .3rem 0; }
.row > .de, .row > .en { margin: 0; overflow-wrap: break-word; min-width: 0; }
.row .en { color: #0d2f5e; }
.row.heading > .de, .row.heading > .en { font-size: 1.15rem; font-weight: 700; }
.row.attribution { font-style: italic; color: #555; }
mark.term { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 .1em; }
mark.term.failed { background: none; outline: 2px solid var(--bad); }
.row.failed { border-left: 4px solid var(--bad); padding-left: .6rem; background: #fdf0ef; }
.row > .check { grid-column: 1 / -1; margin: .3rem 0 0; color: var(--bad);
  font: 600 .85rem system-ui, sans-serif; }
footer { margin-top: 1.5rem; font: .8rem system-ui, sans-serif; color: #555; }
table.index { border-collapse: collapse; width: 100%; font: .95rem/1.4 system-ui, sans-serif; }
table.index th, table.index td { border-bottom: 1px solid var(--line); padding: .35rem .5rem;
  text-align: left; vertical-align: top; }
table.index td.n, table.index th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.index tr.failed td.n.failures { color: var(--bad); font-weight: 700; }
@media (max-width: 600px) {
  body { padding: .75rem .75rem 2rem; }
  .columns { display: none; }
  .row { grid-template-columns: 1fr; row-gap: .2rem; }
  .row > .de::before, .row > .en::before { font: 600 .7rem system-ui, sans-serif;
    color: #777; margin-right: .4em; }
  .row > .de::before { content: "DE"; } .row > .en::before { content: "EN"; }
  table.index .engine { display: none; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .row, tr { break-inside: avoid; }
  .row.failed { background: none; }
  mark.term { background: none; text-decoration: underline; }
  a { color: inherit; text-decoration: none; }
}
"""


@dataclass(frozen=True)
class IndexRow:
    """One article's line in ``index.html``."""

    stem: str
    title: str
    sentences: int
    glossary_hits: int
    glossary_failures: int
    engine: str
    date: str = ""
    human: int = 0  # sentences with a person's translation

    @classmethod
    def from_article(cls, article: TranslatedArticle) -> IndexRow:
        return cls(
            stem=article.stem,
            title=article_title(article),
            sentences=sum(1 for pair in article.pairs if pair.segment.translatable),
            glossary_hits=sum(len(pair.terms) for pair in article.pairs),
            glossary_failures=sum(len(pair.failed) for pair in article.pairs),
            engine=article.engine.describe(),
            date=article.document.date or "",
            human=sum(1 for p in article.pairs if p.origin == "human" and not p.reused),
        )


def article_title(article: TranslatedArticle) -> str:
    """The English of the first heading, else of the first sentence, shortened at a word."""
    pairs = article.pairs
    first = next((p for p in pairs if p.block_kind == "heading"), pairs[0] if pairs else None)
    if first is None:
        return article.stem
    text = " ".join(first.target.split())
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _marked(text: str, spans: Iterable[tuple[int, int, tuple[str, str]]]) -> str:
    """``text`` escaped, each span wrapped in ``<mark class="...">`` with its title."""
    out: list[str] = []
    pos = 0
    for start, end, (classes, title) in spans:
        out.append(_e(text[pos:start]))
        out.append(f'<mark class="{classes}" title="{_e(title)}">{_e(text[start:end])}</mark>')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _german(pair: Pair, glossary: Glossary | None) -> tuple[str, dict[str, str]]:
    """The German cell's HTML, and the title of each English rendering found in it."""
    failed_sources = {split_term(t)[0] for t in pair.failed}
    titles: dict[str, str] = {}
    spans: list[tuple[int, int, tuple[str, str]]] = []
    text = pair.segment.text
    if glossary is not None and pair.segment.translatable:
        for match in find_terms(text, glossary):
            entry = match.entry
            title = f"{entry.target} ({entry.kind}): {match.text} -> {match.rendering}"
            if match.spelling.unlisted:
                title += " (unlisted variant)"
            titles.setdefault(match.rendering, title)
            classes = "term failed" if match.text in failed_sources else "term"
            spans.append((match.start, match.end, (classes, title)))
    else:
        needles: list[tuple[str, Label]] = []
        for term in pair.terms:
            source, rendering = split_term(term)
            title = f"glossary: {term}"
            titles.setdefault(rendering, title)
            classes = "term failed" if source in failed_sources else "term"
            needles.append((source, (classes, title)))
        spans = term_spans(text, _distinct(needles))
    return _marked(text, spans), titles


def _english(pair: Pair, titles: dict[str, str]) -> str:
    needles: list[tuple[str, Label]] = []
    for term in pair.terms:
        rendering = split_term(term)[1]
        needles.append((rendering, ("term", titles.get(rendering, f"glossary: {term}"))))
    return _marked(pair.target, term_spans(pair.target, _distinct(needles)))


def _distinct(needles: list[tuple[str, Label]]) -> list[tuple[str, Label]]:
    """The first needle of each string: a sentence with 10,000 mentions of Putin then
    searches its text once for "Putin", not 10,000 times.  The spans are the same, as
    ``term_spans`` gives a place found by several needles to the first of them."""
    first: dict[str, Label] = {}
    for needle, label in needles:
        first.setdefault(needle, label)
    return list(first.items())


def _row(pair: Pair, glossary: Glossary | None) -> str:
    segment = pair.segment
    classes = ["row", pair.block_kind]
    if segment.kind == "attribution":
        classes.append("attribution")
    if pair.failed:
        classes.append("failed")
    cell = "h2" if pair.block_kind == "heading" else "p"
    german, titles = _german(pair, glossary)
    lines = [
        f'<div class="{" ".join(classes)}" id="{_e(segment.id)}" data-id="{_e(segment.id)}">',
        f'<{cell} class="de" lang="de">{german}</{cell}>',
        f'<{cell} class="en" lang="en">{_english(pair, titles)}</{cell}>',
    ]
    if pair.failed:
        failed = "; ".join(pair.failed)
        lines.append(f'<p class="check" role="note">⚠ glossary check failed: {_e(failed)}</p>')
    lines.append("</div>")
    return "\n".join(lines)


def _page(title: str, body: Sequence[str], generator: str) -> str:
    return "\n".join([*_page_head(title, generator), *body, *PAGE_END]) + "\n"


PAGE_END = ("</body>", "</html>")


def _page_head(title: str, generator: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{_e(generator)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]


def _meta(items: Sequence[tuple[str, str]]) -> str:
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items if v)
    return f'<dl class="meta">{rows}</dl>'


def dump_html(article: TranslatedArticle, glossary: Glossary | None = None) -> str:
    """The article's side-by-side page; pass the run's ``glossary`` for exact German marks."""
    engine = article.engine
    title = article_title(article)
    body = [
        '<header class="stamp">',
        f"<h1>{_e(title)}</h1>",
        _meta(
            [
                ("Source", f"{quote_name(article.source_name)} ({article.encoding})"),
                ("Engine", engine.name),
                ("Model", f"{engine.model} {engine.model_version}".strip() or "none"),
                ("Glossary", article.glossary_hash or "none"),
                ("Tool", article.tool),
            ]
        ),
        "</header>",
        "<main>",
    ]
    date = article.document.date
    if date:
        body.append(
            f'<p class="date">Article date: <time datetime="{_e(date)}">{_e(date)}</time></p>'
        )
    body.append(
        '<div class="columns" aria-hidden="true"><span>Deutsch</span><span>English</span></div>'
    )
    by_block: dict[str, list[Pair]] = {}
    for pair in article.pairs:
        by_block.setdefault(pair.segment.id.partition(".")[0], []).append(pair)
    for block in article.document.blocks:
        pairs = by_block.get(block.id, [])
        body.append(f'<section class="block {block.kind}" data-block="{_e(block.id)}">')
        body.extend(_row(pair, glossary) for pair in pairs)
        body.append("</section>")
    failures = sum(len(p.failed) for p in article.pairs)
    hits = sum(len(p.terms) for p in article.pairs)
    body += [
        "</main>",
        "<footer>",
        f"<p>Machine translation by {_e(article.tool)} with {_e(engine.describe())}; "
        "unreviewed. Marked words are glossary terms (hover for the entry).</p>",
        f'<p class="counts">{hits} glossary terms, {failures} failed checks.</p>',
        "</footer>",
    ]
    return _page(f"{title} ({article.stem})", body, article.tool)


def dump_index(rows: Sequence[IndexRow], *, tool: str = "") -> str:
    """``index.html``: every article with its counts, linking to ``<stem>.html``.

    ``tool`` (``dolmetsch 0.1.0``) stamps the page; rows are listed in the order given.
    """
    before, after = index_frame(IndexTotals.of(rows), tool=tool)
    return before + "".join(index_row(row) for row in rows) + after


@dataclass(frozen=True)
class IndexTotals:
    articles: int = 0
    sentences: int = 0
    glossary_hits: int = 0
    glossary_failures: int = 0

    @classmethod
    def of(cls, rows: Sequence[IndexRow]) -> IndexTotals:
        totals = cls()
        for row in rows:
            totals = totals.plus(row)
        return totals

    def plus(self, row: IndexRow) -> IndexTotals:
        return IndexTotals(
            self.articles + 1,
            self.sentences + row.sentences,
            self.glossary_hits + row.glossary_hits,
            self.glossary_failures + row.glossary_failures,
        )


def index_row(row: IndexRow) -> str:
    """One article's line of ``index.html``, newline included."""
    href = quote(f"{row.stem}.html")
    failed = ' class="failed"' if row.glossary_failures else ""
    return (
        f'<tr{failed} data-stem="{_e(row.stem)}">'
        f'<td><a href="{_e(href)}">{_e(row.title)}</a><br><small>{_e(row.stem)}</small></td>'
        f"<td>{_e(row.date)}</td>"
        f'<td class="n sentences">{row.sentences}</td>'
        f'<td class="n hits">{row.glossary_hits}</td>'
        f'<td class="n failures">{row.glossary_failures}</td>'
        f'<td class="engine">{_e(row.engine)}</td></tr>\n'
    )


def index_frame(totals: IndexTotals, *, tool: str = "") -> tuple[str, str]:
    """``index.html`` before and after its rows, so that a long run can stream the rows."""
    from . import __version__

    tool = tool or f"dolmetsch {__version__}"
    before = [
        *_page_head("Translated articles", tool),
        '<header class="stamp">',
        "<h1>Translated articles</h1>",
        _meta([("Articles", str(totals.articles)), ("Tool", tool)]),
        "</header>",
        "<main>",
        '<table class="index">',
        '<thead><tr><th>Article</th><th>Date</th><th class="n">Sentences</th>'
        '<th class="n">Glossary terms</th><th class="n">Failed</th>'
        '<th class="engine">Engine</th></tr></thead>',
        "<tbody>",
    ]
    after = [
        "</tbody>",
        "<tfoot><tr><th>Total</th><th></th>"
        f'<th class="n">{totals.sentences}</th>'
        f'<th class="n">{totals.glossary_hits}</th>'
        f'<th class="n">{totals.glossary_failures}</th><th class="engine"></th>'
        "</tr></tfoot>",
        "</table>",
        "</main>",
        *PAGE_END,
    ]
    return "\n".join(before) + "\n", "\n".join(after) + "\n"
