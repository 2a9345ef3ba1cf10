"""Fuzzing the path from raw text to aligned outputs: parser, segmenter, glossary, writers.

Hypothesis builds articles from German words, every glossary variant, abbreviations,
ordinals, quotes, brackets, control characters and line breaks of every kind.  Whatever
comes in: no exception escapes, no source character is lost, and every sentence has exactly
one aligned target in every output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dolmetsch.document import layout, parse_document
from dolmetsch.engine import EngineInfo, Progress
from dolmetsch.files import decode_article
from dolmetsch.glossary import find_matches, load_default_glossary
from dolmetsch.html import dump_html
from dolmetsch.pipeline import LoadedArticle, Silent, translate_documents
from dolmetsch.po import dump_po, parse_po
from dolmetsch.segment import sentence_spans
from dolmetsch.tmx import dump_tmx, parse_tmx
from dolmetsch.tsv import dump_tsv, parse_tsv

GLOSSARY = load_default_glossary()
VARIANTS = sorted({v for e in GLOSSARY.entries for v in e.variants} | {"Selenskyjs", "Kiewer"})
WORDS = [
    "Die", "Regierung", "sagte", "am", "Montag", "dass", "der", "Präsident", "nicht",
    "z.", "B.", "Dr.", "Nr.", "5.", "Februar", "2026", "1.000", "3,5", "usw.", "ca.", "St.",
    "„Frieden“", "«Krieg»", "(dpa)", "(AFP)", "- ", "–", "…", "...", "?!", "!", "?", ":", ";",
    "U.S.A.", "www.example.de", "e-mail", "Straße", "GRÖSSE", "ﬁ", "é", "😀", "\u200b",
]  # fmt: skip
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(VARIANTS),
    st.sampled_from([" ", "  ", ". ", ".", "\n", "\n\n", "\r\n", "\r", "\t", "\x0b", "\x0c"]),
    st.sampled_from(["\x01", "\x7f", "\u2028", "\u00a0", "date 2026-02-05\n", "date "]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4),
)
ARTICLES = st.lists(PIECES, max_size=60).map(" ".join)


def xml_chars(text: str) -> str:
    """What XML 1.0 (and so TMX) can carry: the characters it forbids become U+FFFD."""
    allowed = ("\t", "\n", "\r")
    return "".join(
        c if c in allowed or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff"
        else "\ufffd"
        for c in text
    )  # fmt: skip


class Echo:
    """Returns every sentence as it came, placeholders and all."""

    info = EngineInfo("echo")

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        return list(sentences)


class Mangler:
    """Drops or doubles words, so the glossary's repair has to do its work."""

    info = EngineInfo("mangler")

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        return [" ".join(w for i, w in enumerate(s.split()) if i % 3) * 2 for s in sentences]


ENGINES: list[Callable[[], Echo | Mangler]] = [Echo, Mangler]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_segmenter_covers_every_character_once(text: str) -> None:
    spans = sentence_spans(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].strip() == ""  # only whitespace between sentences
        assert text[start:end] == text[start:end].strip()
        position = end
    assert text[position:].strip() == ""


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_glossary_matches_are_inside_words_bounds_and_never_overlap(text: str) -> None:
    matches = find_matches(text, GLOSSARY)
    end = 0
    for match in matches:
        assert end <= match.start < match.end <= len(text)
        assert text[match.start : match.end].strip() != ""
        if match.start > 0:  # never the tail of another word
            assert not text[match.start - 1].isalnum(), (text, match)
        if match.end < len(text) and match.form != "closed-compound":
            assert not text[match.end].isalnum(), (text, match)
        end = match.end


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES, st.sampled_from(ENGINES))
@example("U.S.A. (dpa)", Echo)  # an attribution in the block of a sentence: found by this test
def test_every_sentence_has_exactly_one_target_in_every_output(
    text: str, engine_type: Callable[[], Echo | Mangler]
) -> None:
    raw = text.encode("utf-8")
    try:
        decoded = decode_article(raw, "fuzz.txt")
    except Exception as exc:  # a refusal must be our one-line error, nothing else
        assert type(exc).__name__ == "InputError", exc
        return
    document = parse_document("fuzz", decoded.text)
    assert "".join(piece for _, piece in layout(document)) == decoded.text  # nothing lost
    segments = list(document.segments())
    for segment in segments:
        assert decoded.text[segment.start : segment.end] == segment.text

    article = LoadedArticle(Path("fuzz.txt"), document, decoded.encoding)
    (translated,), _ = translate_documents([article], engine_type(), Silent(), GLOSSARY)
    assert [p.segment for p in translated.pairs] == segments
    translatable = [p for p in translated.pairs if p.segment.translatable]
    assert all(isinstance(p.target, str) for p in translatable)

    po = parse_po(dump_po(translated))  # agency attributions are entries too, carried over
    assert [e.msgctxt for e in po] == [p.segment.id for p in translated.pairs]
    assert [e.msgid for e in po] == [p.segment.text for p in translated.pairs]
    rows = parse_tsv(dump_tsv(translated))
    aligned = [(p.segment.id, p.segment.text) for p in translated.pairs]
    assert [(r[0], r[1]) for r in rows if r[0] != "date"] == aligned
    units = parse_tmx(dump_tmx([translated]))
    assert [u[1] for u in units] == [xml_chars(p.segment.text) for p in translated.pairs]
    page = dump_html(translated, GLOSSARY)
    assert page.count(" data-id=") == len(translated.pairs)
