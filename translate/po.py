"""Sentence-aligned gettext PO files, written with polib.

``msgid`` is the German sentence, ``msgstr`` the English, ``msgctxt`` the segment id
(``p3.s2``: paragraph 3, sentence 2; ``h2.s1``: heading 2), the occurrence names the
source file and line.  Machine translations carry the ``fuzzy`` flag, as unreviewed
translations do in every PO editor; a person who corrects one clears it.
"""

from __future__ import annotations

import polib

from .aligned import TranslatedArticle

KIND_NOTES = {
    "heading": "heading",
    "paragraph": "",
    "attribution": "agency attribution, kept as in the source",
}


# PO-Revision-Date must exist for msgfmt --check-header, but a wall-clock time would make two
# runs on the same inputs differ; the article's own date (or the epoch) keeps them identical.
EPOCH = "1970-01-01 00:00+0000"


def revision_date(article_date: str | None) -> str:
    """``2026-01-30`` -> ``2026-01-30 00:00+0000``; partial dates take the first day."""
    if not article_date:
        return EPOCH
    parts = [*article_date.split("-"), "01", "01"][:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]} 00:00+0000"


def build_po(article: TranslatedArticle) -> polib.POFile:
    po = polib.POFile(wrapwidth=78)
    po.header = (
        f"{article.source_name}: German-English, aligned sentence by sentence.\n"
        f"Machine translation by {article.tool} with {article.engine.describe()}; "
        "entries marked fuzzy are unreviewed."
    )
    engine = article.engine
    metadata = {
        "Project-Id-Version": article.stem,
        "PO-Revision-Date": revision_date(article.document.date),
        "Last-Translator": f"{article.tool} / {engine.describe()}",
        "Language-Team": "none",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "X-Generator": article.tool,
        "X-Source-Language": "de",
        "X-Dolmetsch-Engine": engine.name,
        "X-Dolmetsch-Model": engine.model,
        "X-Dolmetsch-Model-Version": engine.model_version,
        "X-Dolmetsch-Source": article.source_name,
        "X-Dolmetsch-Source-Encoding": article.encoding,
        "X-Dolmetsch-Source-SHA256": article.source_sha256,
        "X-Dolmetsch-Article-Date": article.document.date or "",
        "X-Dolmetsch-Glossary": article.glossary_hash,
    }
    po.metadata = {key: value for key, value in metadata.items() if value}
    for pair, line in zip(article.pairs, article.line_numbers(), strict=True):
        segment = pair.segment
        note = KIND_NOTES["attribution" if segment.kind == "attribution" else pair.block_kind]
        notes = [note] if note else []
        if pair.terms:
            notes.append("glossary: " + "; ".join(pair.terms))
        if pair.origin == "human":
            notes.append("human translation")
        if pair.failed:
            notes.append("glossary FAILED: " + "; ".join(pair.failed))
        po.append(
            polib.POEntry(
                msgctxt=segment.id,
                msgid=segment.text,
                msgstr=pair.target,
                occurrences=[(article.source_name, str(line))],
                comment="\n".join(notes),
                flags=["fuzzy"] if segment.translatable and pair.origin == "machine" else [],
            )
        )
    return po


def dump_po(article: TranslatedArticle) -> str:
    """The PO file's text; byte-identical for identical inputs."""
    return str(build_po(article))


class _Lines(str):
    """PO text that polib splits at ``\\n`` only.

    Given a string, polib splits it with ``str.splitlines``, which also breaks at U+2028,
    U+0085, ``\\x1c`` and other Unicode line separators; a sentence containing one (they
    occur in scraped news) would be cut in two inside its quoted ``msgid``.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        lines = [line.removesuffix("\r") for line in self.split("\n")]
        return lines[:-1] if lines and not lines[-1] else lines


def parse_po(text: str) -> polib.POFile:
    """Parse PO ``text`` as gettext does, with lines ended by ``\\n`` (or ``\\r\\n``)."""
    return polib.pofile(_Lines(text))


def po_lines(text: str) -> list[str]:
    """The lines of PO text as :func:`parse_po` reads them."""
    return _Lines(text).splitlines()
