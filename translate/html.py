"""Side-by-side HTML pages: ``out/<stem>.html`` for each article and ``out/index.html``.

Each page is one self-contained file: inline CSS, no script, no font, no image and no
URL of any kind but relative links to the run's other pages (the index and the previous and
next article), so it opens offline, from a mail attachment or a USB stick, exactly as it
was written.  Source and target stand in two columns (German and English, or the article's
other pair: each cell has its ``lang``, the columns are headed by each language's own name,
the cells have the classes ``source`` and ``target``, and ``dir="rtl"`` for a language
written right to left),
one row per aligned sentence
(``data-id="p3.s2"``), grouped by block as in the article; under 600 px the columns stack
(German above English) and in print they stay side by side without the colours.  The page
is titled by the article's German heading, or its file stem when it has none.

What a reader should know about each row is marked on it, and explained in a legend: a
person's translation (row class ``human``: reviewed, not machine output), a person's
translation of the same sentence made elsewhere (``reused``, shown for review), a machine
translation the engine was unsure of (``low``: confidence below
:data:`~dolmetsch.engine.LOW_CONFIDENCE`, with a note saying to check the German), and a
failed glossary check (``failed``).  A page translated by the dictionary engine says at
the top that it is for gist only.

Glossary terms are marked on both sides (``<mark class="term">``, with the entry in the
``title``; an unlisted spelling says so): in German from
:func:`~dolmetsch.glossary.find_terms` when the glossary is given, else from the sources
of ``Pair.terms``; in English from their renderings (in a person's translation, wherever
it has them).

All text goes through :func:`html.escape`; the output is byte-identical for identical
input (no clock, no absolute path).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from .aligned import Pair, TranslatedArticle
from .engine import LOW_CONFIDENCE, EngineInfo, shown
from .glossary import Glossary, find_terms
from .languages import DEFAULT_PAIR, LanguagePair, is_right_to_left, language_tag, native_name
from .names import quote_name
from .reader import split_term, term_spans

TITLE_CHARS = 160  # a German heading longer than this (a pasted paragraph) is cut at a word
Label = tuple[str, str]  # a mark's classes and title
DICTIONARY_ENGINES = ("lexicon", "lexicon-baseline")
DICTIONARY_NOTE = (
    "Dictionary translation, for gist only: read the German where it matters. For fluent "
    "English, install a neural model with"
)
INSTALL_COMMAND = "dolmetsch model install"

CSS = """
:root { color-scheme: light; --line: #d8d8d8; --mark: #fff0a8; --bad: #b3261e;
  --human: #1e6b34; --human-bg: #edf7ef; --low: #a15c00; --low-bg: #fff5e0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem; color: #1b1b1b;
  background: #fff; font: 1rem/1.5 Georgia, "Times New Roman", serif; }
header.stamp { border-bottom: 2px solid #1b1b1b; margin-bottom: 1rem; }
header.stamp h1 { font-size: 1.4rem; margin: 0 0 .4rem; overflow-wrap: break-word; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 .8rem;
  font: .85rem/1.4 system-ui, sans-serif; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
nav.pages { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: 0 0 .6rem;
  font: .9rem system-ui, sans-serif; }
nav.pages a { color: #0d2f5e; }
.banner { margin: 0 0 1rem; padding: .5rem .75rem; border: 2px solid var(--low);
  background: var(--low-bg); font: .95rem/1.4 system-ui, sans-serif; }
.banner code { font-size: .9em; white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: 0 0 1rem; padding: 0;
  list-style: none; font: .8rem/1.4 system-ui, sans-serif; color: #333; }
.legend .key { display: inline-block; width: 1.1em; height: 1em; margin-right: .35em;
  vertical-align: -.15em; }
.legend .key.human { background: var(--human-bg); border-left: 4px solid var(--human); }
.legend .key.low { background: var(--low-bg); border-left: 4px dashed var(--low); }
.legend .key.term { background: var(--mark); }
.legend .key.failed { outline: 2px solid var(--bad); outline-offset: -2px; }
.date { font: .9rem system-ui, sans-serif; margin: 0 0 1rem; }
.columns, .row { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5rem; }
.columns { font: 600 .8rem system-ui, sans-serif; text-transform: uppercase;
  letter-spacing: .05em; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
section.block { border-bottom: 1px solid var(--line); padding: .5rem 0; }
.row { padding: .3rem 0; }
.row > .source, .row > .target { margin: 0; overflow-wrap: break-word; min-width: 0; }
.row .target { color: #0d2f5e; }
.row.heading > .source, .row.heading > .target { font-size: 1.15rem; font-weight: 700; }
.row.attribution { font-style: italic; color: #555; }
.row.human, .row.reused { border-left: 4px solid var(--human); padding-left: .6rem;
  background: var(--human-bg); }
.row.reused { border-left-style: dotted; }
.row.human .target { color: #123d1f; }
.row.low { border-left: 4px dashed var(--low); padding-left: .6rem; background: var(--low-bg); }
mark.term { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 .1em; }
mark.term.failed { background: none; outline: 2px solid var(--bad); }
.row.failed { border-left: 4px solid var(--bad); padding-left: .6rem; background: #fdf0ef; }
.row.human.failed { border-left-color: var(--human); }
.row > .note { grid-column: 1 / -1; margin: .3rem 0 0; font: 600 .85rem system-ui, sans-serif; }
.row > .check { color: var(--bad); }
.row > .origin { color: var(--human); }
.row > .confidence { color: var(--low); }
footer { margin-top: 1.5rem; font: .8rem system-ui, sans-serif; color: #555; }
table.index { border-collapse: collapse; width: 100%; font: .95rem/1.4 system-ui, sans-serif; }
table.index th, table.index td { border-bottom: 1px solid var(--line); padding: .35rem .5rem;
  text-align: left; vertical-align: top; }
table.index td.n, table.index th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.index td:first-child { overflow-wrap: anywhere; }
table.index tr.failed td.n.failures { color: var(--bad); font-weight: 700; }
table.index td.n.human:not(.none) { color: var(--human); font-weight: 700; }
table.index td.n.low:not(.none) { color: var(--low); font-weight: 700; }
@media (max-width: 600px) {
  body { padding: .75rem .75rem 2rem; }
  .columns { display: none; }
  .row { grid-template-columns: 1fr; row-gap: .2rem; }
  .row > .source::before, .row > .target::before { font: 600 .7rem system-ui, sans-serif;
    color: #777; margin-right: .4em; }
  .row > .source::before { content: "DE"; } .row > .target::before { content: "EN"; }
  table.index, table.index tbody, table.index tfoot, table.index tr,
  table.index td, table.index th { display: block; }
  table.index thead { display: none; }
  table.index tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.index td, table.index th { border: 0; padding: .05rem 0; text-align: left; }
  table.index td.n, table.index th.n { display: inline-block; text-align: left;
    margin-right: .9rem; }
  table.index td[data-label]::before, table.index th[data-label]::before {
    content: attr(data-label) ": "; color: #555; font-weight: 400; }
  table.index td:empty, table.index th:empty { display: none; }
  table.index .engine { display: none; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .row, tr { break-inside: avoid; }
  .row.failed, .row.human, .row.reused, .row.low, .banner { background: none; }
  mark.term { background: none; text-decoration: underline; }
  a { color: inherit; text-decoration: none; }
  nav.pages { display: none; }
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
    human: int = 0  # sentences with a person's translation (reviewed)
    low: int = 0  # machine sentences with a low confidence
    scored: int = 0  # machine sentences with a confidence at all

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
            human=sum(1 for p in article.pairs if p.reviewed),
            low=sum(1 for p in _scored(article) if p.low),
            scored=sum(1 for _ in _scored(article)),
        )


def _scored(article: TranslatedArticle) -> Iterable[Pair]:
    return (
        p
        for p in article.pairs
        if p.segment.translatable and p.origin == "machine" and p.confidence is not None
    )


def article_title(article: TranslatedArticle) -> str:
    """The article's German heading, else its file stem: what the reader named it by, never
    a machine sentence cut short."""
    first = next((p for p in article.pairs if p.block_kind == "heading"), None)
    text = " ".join(first.segment.text.split()) if first is not None else ""
    if not text:
        return article.stem
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _href(stem: str) -> str:
    return _e(quote(f"{stem}.html"))


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
    """The German cell's HTML, and the title of each English rendering found in it (and of
    each entry's own English, which a person may have written instead)."""
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
            titles.setdefault(entry.target, title)
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
    if pair.origin == "human":
        # a person's translation applied no terms: mark the renderings wherever it has them
        needles = [(rendering, ("term", title)) for rendering, title in titles.items()]
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


def _row(pair: Pair, glossary: Glossary | None, langs: LanguagePair = DEFAULT_PAIR) -> str:
    segment = pair.segment
    classes = ["row", pair.block_kind]
    if segment.kind == "attribution":
        classes.append("attribution")
    if pair.reviewed:
        classes.append("human")
    elif pair.reused:
        classes.append("reused")
    elif pair.low:
        classes.append("low")
    if pair.failed:
        classes.append("failed")
    cell = "h2" if pair.block_kind == "heading" else "p"
    german, titles = _german(pair, glossary)
    scored = ""
    if pair.confidence is not None and pair.origin == "machine" and segment.translatable:
        scored = f' data-confidence="{shown(pair.confidence)}"'
    lines = [
        f'<div class="{" ".join(classes)}" id="{_e(segment.id)}" data-id="{_e(segment.id)}"'
        f"{scored}>",
        f'<{cell} class="source"{_lang(langs.source)}>{german}</{cell}>',
        f'<{cell} class="target"{_lang(langs.target)}>{_english(pair, titles)}</{cell}>',
    ]
    if pair.reviewed:
        lines.append('<p class="note origin" role="note">✓ translated by a person</p>')
    elif pair.reused:
        where = pair.reused.rsplit("/", 1)[-1]
        lines.append(
            f'<p class="note origin" role="note">a person\'s translation of this sentence in '
            f"{_e(where)}, not yet reviewed here</p>"
        )
    elif pair.low and pair.confidence is not None:
        lines.append(
            f'<p class="note confidence" role="note">? low confidence '
            f"({shown(pair.confidence)}): check the {langs.target_name} against the "
            f"{langs.source_name}</p>"
        )
    if pair.failed:
        failed = "; ".join(pair.failed)
        lines.append(f'<p class="note check" role="note">⚠ glossary check failed: {_e(failed)}</p>')
    lines.append("</div>")
    return "\n".join(lines)


def _page(
    title: str, body: Sequence[str], generator: str, langs: LanguagePair = DEFAULT_PAIR
) -> str:
    return "\n".join([*_page_head(title, generator, langs), *body, *PAGE_END]) + "\n"


PAGE_END = ("</body>", "</html>")


def _css(langs: LanguagePair) -> str:
    """The page's CSS, the stacked columns' labels naming its languages (DE, EN)."""
    source, target = (language_tag(code).upper() for code in (langs.source, langs.target))
    return CSS.replace('content: "DE"', f'content: "{source}"').replace(
        'content: "EN"', f'content: "{target}"'
    )


def _lang(code: str) -> str:
    """The ``lang`` attribute of text in ``code`` (a BCP 47 tag: ``pt-BR`` for argos's
    ``pb``), and ``dir="rtl"`` for a language written right to left."""
    direction = ' dir="rtl"' if is_right_to_left(code) else ""
    return f' lang="{language_tag(code)}"{direction}'


def _page_head(title: str, generator: str, langs: LanguagePair = DEFAULT_PAIR) -> list[str]:
    # the page's own words (headings, legend) are English: lang="en" whatever the pair
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{_e(generator)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{_css(langs)}</style>",
        "</head>",
        "<body>",
    ]


def _meta(items: Sequence[tuple[str, str]]) -> str:
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items if v)
    return f'<dl class="meta">{rows}</dl>'


def _nav(article: TranslatedArticle) -> str:
    """Links to the index and to the articles before and after this one in it."""
    previous, following = article.neighbours
    links = ['<a href="index.html">All articles</a>']
    if previous:
        links.append(f'<a rel="prev" href="{_href(previous)}">← Previous article</a>')
    if following:
        links.append(f'<a rel="next" href="{_href(following)}">Next article →</a>')
    return f'<nav class="pages" aria-label="Articles">{"".join(links)}</nav>'


def is_dictionary(engine: EngineInfo) -> bool:
    """Whether ``engine`` is the dictionary (lexicon) engine: gist, not fluent English."""
    return engine.name in DICTIONARY_ENGINES


def _legend(article: TranslatedArticle) -> str:
    """What the marks on this page's rows mean: only those it has, and glossary terms."""
    keys = []
    if any(p.reviewed or p.reused for p in article.pairs):
        keys.append(("human", "translated by a person"))
    if any(p.low and not (p.reviewed or p.reused) for p in article.pairs):
        check = f"check the {article.pair.source_name}"
        keys.append(("low", f"low confidence (below {LOW_CONFIDENCE:.2f}): {check}"))
    keys.append(("term", "glossary term (hover for the entry)"))
    if any(p.failed for p in article.pairs):
        keys.append(("failed", "glossary check failed"))
    items = "".join(
        f'<li><span class="key {kind}" aria-hidden="true"></span>{_e(text)}</li>'
        for kind, text in keys
    )
    return f'<ul class="legend" aria-label="Legend">{items}</ul>'


def _provenance(article: TranslatedArticle) -> str:
    """The footer's first line: who translated what, true for this page's rows."""
    engine = f"{_e(article.tool)} with {_e(article.engine.describe())}"
    total = sum(1 for p in article.pairs if p.segment.translatable)
    human = sum(1 for p in article.pairs if p.reviewed)
    if not human:
        return f"Machine translation by {engine}; unreviewed."
    if human == total:
        return f"All {total} sentences translated by a person (made with {engine})."
    return (
        f"{human} of {_plural(total, 'sentence')} translated by a person (marked); the "
        f"others are machine translation by {engine}, unreviewed."
    )


def dump_html(article: TranslatedArticle, glossary: Glossary | None = None) -> str:
    """The article's side-by-side page; pass the run's ``glossary`` for exact German marks."""
    engine = article.engine
    langs = article.pair
    title = article_title(article)
    translatable = [p for p in article.pairs if p.segment.translatable]
    human = sum(1 for p in translatable if p.reviewed)
    scored = [p for p in _scored(article)]
    low = sum(1 for p in scored if p.low)
    body = [
        '<header class="stamp">',
        _nav(article),
        f"<h1{_lang(langs.source)}>{_e(title)}</h1>"
        if title != article.stem
        else f"<h1>{_e(title)}</h1>",
        _meta(
            [
                ("Source", f"{quote_name(article.source_name)} ({article.encoding})"),
                ("Engine", engine.name),
                ("Model", f"{engine.model} {engine.model_version}".strip() or "none"),
                ("Glossary", article.glossary_hash or "none"),
                (
                    "Reviewed",
                    f"{human} of {_plural(len(translatable), 'sentence')}" if human else "",
                ),
                (
                    "Confidence",
                    f"{low} of {_plural(len(scored), 'machine sentence')} low" if scored else "",
                ),
                ("Tool", article.tool),
            ]
        ),
        "</header>",
    ]
    if is_dictionary(engine) and human < len(translatable):
        body.append(
            f'<p class="banner" role="note">{_e(DICTIONARY_NOTE)} '
            f"<code>{_e(INSTALL_COMMAND)}</code>.</p>"
        )
    body += [_legend(article), "<main>"]
    date = article.document.date
    if date:
        body.append(
            f'<p class="date">Article date: <time datetime="{_e(date)}">{_e(date)}</time></p>'
        )
    body.append(
        f'<div class="columns" aria-hidden="true"><span{_lang(langs.source)}>'
        f"{_e(native_name(langs.source))}</span>"
        f"<span{_lang(langs.target)}>{_e(native_name(langs.target))}</span></div>"
    )
    by_block: dict[str, list[Pair]] = {}
    for pair in article.pairs:
        by_block.setdefault(pair.segment.id.partition(".")[0], []).append(pair)
    for block in article.document.blocks:
        pairs = by_block.get(block.id, [])
        body.append(f'<section class="block {block.kind}" data-block="{_e(block.id)}">')
        body.extend(_row(pair, glossary, langs) for pair in pairs)
        body.append("</section>")
    failures = sum(len(p.failed) for p in article.pairs)
    hits = sum(len(p.terms) for p in article.pairs)
    counts = f"{_plural(hits, 'glossary term')}, {_plural(failures, 'failed check')}."
    if scored:
        counts += (
            f" {low} of {_plural(len(scored), 'machine sentence')} "
            f"{'has' if low == 1 else 'have'} a low confidence (below {LOW_CONFIDENCE:.2f}, "
            "marked)."
        )
    body += [
        "</main>",
        "<footer>",
        f"<p>{_provenance(article)} Marked words are glossary terms (hover for the entry).</p>",
        f'<p class="counts">{counts}</p>',
        _nav(article),
        "</footer>",
    ]
    return _page(
        f"{title} ({article.stem})" if title != article.stem else title, body, article.tool,
        langs,
    )  # fmt: skip


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def dump_index(
    rows: Sequence[IndexRow], *, tool: str = "", pair: LanguagePair = DEFAULT_PAIR
) -> str:
    """``index.html``: every article with its counts, linking to ``<stem>.html``.

    ``tool`` (``dolmetsch 0.1.0``) stamps the page; rows are listed in the order given.
    """
    before, after = index_frame(IndexTotals.of(rows), tool=tool, pair=pair)
    return before + "".join(index_row(row) for row in rows) + after


@dataclass(frozen=True)
class IndexTotals:
    articles: int = 0
    sentences: int = 0
    glossary_hits: int = 0
    glossary_failures: int = 0
    human: int = 0
    low: int = 0

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
            self.human + row.human,
            self.low + row.low,
        )


def _count(kind: str, label: str, value: int) -> str:
    none = " none" if not value else ""
    return f'<td class="n {kind}{none}" data-label="{label}">{value}</td>'


def index_row(row: IndexRow) -> str:
    """One article's line of ``index.html``, newline included."""
    failed = ' class="failed"' if row.glossary_failures else ""
    title = f'<a href="{_href(row.stem)}">{_e(row.title)}</a>'
    stem = f"<br><small>{_e(row.stem)}</small>" if row.title != row.stem else ""
    return (
        f'<tr{failed} data-stem="{_e(row.stem)}">'
        f"<td>{title}{stem}</td>"
        f'<td class="date" data-label="Date">{_e(row.date)}</td>'
        f"{_count('sentences', 'Sentences', row.sentences)}"
        f"{_count('human', 'Reviewed', row.human)}"
        f"{_count('low', 'Low confidence', row.low)}"
        f"{_count('hits', 'Glossary terms', row.glossary_hits)}"
        f"{_count('failures', 'Failed', row.glossary_failures)}"
        f'<td class="engine">{_e(row.engine)}</td></tr>\n'
    )


def index_frame(
    totals: IndexTotals, *, tool: str = "", pair: LanguagePair | None = DEFAULT_PAIR
) -> tuple[str, str]:
    """``index.html`` before and after its rows, so that a long run can stream the rows;
    ``pair`` is the run's languages, None for a run over several source languages."""
    from . import __version__

    tool = tool or f"dolmetsch {__version__}"
    source = pair.source_name if pair is not None else "source"
    before = [
        *_page_head("Translated articles", tool),
        '<header class="stamp">',
        "<h1>Translated articles</h1>",
        _meta([("Articles", str(totals.articles)), ("Tool", tool)]),
        "</header>",
        '<ul class="legend" aria-label="Legend">'
        "<li>Reviewed: sentences translated by a person</li>"
        f"<li>Low confidence: machine sentences to check against the {source} (below "
        f"{LOW_CONFIDENCE:.2f})</li>"
        "<li>Failed: glossary checks that failed</li></ul>",
        "<main>",
        '<table class="index">',
        '<thead><tr><th>Article</th><th>Date</th><th class="n">Sentences</th>'
        '<th class="n">Reviewed</th><th class="n">Low confidence</th>'
        '<th class="n">Glossary terms</th><th class="n">Failed</th>'
        '<th class="engine">Engine</th></tr></thead>',
        "<tbody>",
    ]
    after = [
        "</tbody>",
        "<tfoot><tr><th>Total</th><th></th>"
        f'<th class="n" data-label="Sentences">{totals.sentences}</th>'
        f'<th class="n" data-label="Reviewed">{totals.human}</th>'
        f'<th class="n" data-label="Low confidence">{totals.low}</th>'
        f'<th class="n" data-label="Glossary terms">{totals.glossary_hits}</th>'
        f'<th class="n" data-label="Failed">{totals.glossary_failures}</th>'
        '<th class="engine"></th></tr></tfoot>',
        "</table>",
        "</main>",
        *PAGE_END,
    ]
    return "\n".join(before) + "\n", "\n".join(after) + "\n"
