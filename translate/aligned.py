"""A translated article: its document and one target per source segment, and the languages."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from . import __version__
from .document import Document, Segment
from .engine import EngineInfo, is_low
from .languages import DEFAULT_PAIR, LanguagePair
from .provenance import Origin


@dataclass(frozen=True)
class Translation:
    """An engine's English for one sentence, after the glossary was enforced on it.

    ``terms`` are the glossary occurrences applied (``"Selenskyjs -> Zelensky's"``);
    ``failed`` those the glossary could not enforce (the English lacks them), or, for a
    human translation, the glossary findings it now breaks (flagged, never rewritten).
    ``unlisted`` names the spellings among the terms that the glossary does not list
    (``"Selenskyi -> Zelensky"``), ``candidates`` those that only look like an entry's and
    were left to the engine.  ``confidence`` is the engine's in its sentence (None for a
    person's translation, or an engine that gives none).
    """

    text: str
    terms: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    origin: Origin = "machine"
    reused: str = ""  # a human translation made for another segment: that segment
    unlisted: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    confidence: float | None = None


@dataclass(frozen=True)
class Pair:
    segment: Segment
    target: str
    block_kind: str
    terms: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    origin: Origin = "machine"
    reused: str = ""  # see Translation.reused: shown for review, not as this segment's own
    unlisted: tuple[str, ...] = ()  # see Translation
    candidates: tuple[str, ...] = ()
    confidence: float | None = None  # see Translation

    @property
    def reviewed(self) -> bool:
        """A person's translation made for this segment: reviewed, not machine output."""
        return self.origin == "human" and not self.reused

    @property
    def low(self) -> bool:
        """The engine was unsure: a reader should check it against the German."""
        return is_low(self.confidence)


@dataclass(frozen=True)
class TranslatedArticle:
    """Everything an output writer needs, and nothing volatile: same inputs, same bytes."""

    document: Document
    source_name: str
    encoding: str
    engine: EngineInfo
    pairs: tuple[Pair, ...]
    glossary_hash: str = ""
    # the stems of the articles before and after this one in the run's index ('' at an end),
    # for the HTML page's previous/next links
    neighbours: tuple[str, str] = ("", "")
    # the languages: every output names them (PO Language, TMX xml:lang, HTML lang, TSV)
    pair: LanguagePair = DEFAULT_PAIR
    # how many of its sentences the translation memory gave (the run's summary says so);
    # no output shows it
    remembered: int = 0

    @property
    def stem(self) -> str:
        return self.document.name

    @property
    def source_sha256(self) -> str:
        return hashlib.sha256(self.document.text.encode("utf-8")).hexdigest()

    @property
    def tool(self) -> str:
        return f"dolmetsch {__version__}"

    def line_numbers(self) -> list[int]:
        """Each pair's 1-based source line; one pass, as a 5 MB article has 40,000 pairs."""
        text = self.document.text
        newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        return [bisect.bisect_left(newlines, pair.segment.start) + 1 for pair in self.pairs]


def align(
    document: Document,
    targets: Sequence[Translation],
    *,
    source_name: str,
    encoding: str,
    engine: EngineInfo,
    glossary_hash: str = "",
    pair: LanguagePair = DEFAULT_PAIR,
) -> TranslatedArticle:
    """Pair each segment with its target; attributions are carried over unchanged."""
    pairs: list[Pair] = []
    it = iter(targets)
    for block in document.blocks:
        for segment in block.segments:
            if segment.translatable:
                t = next(it)
                pairs.append(
                    Pair(
                        segment,
                        t.text,
                        block.kind,
                        t.terms,
                        t.failed,
                        t.origin,
                        t.reused,
                        t.unlisted,
                        t.candidates,
                        t.confidence,
                    )
                )
            else:
                pairs.append(Pair(segment, segment.text, block.kind))
    if next(it, None) is not None:
        raise ValueError(f"{document.name}: more targets than translatable segments")
    return TranslatedArticle(
        document, source_name, encoding, engine, tuple(pairs), glossary_hash, pair=pair
    )


def translatable_segments(document: Document) -> list[Segment]:
    return [s for s in document.segments() if s.translatable]


def translatable_texts(document: Document) -> list[str]:
    return [s.text for s in translatable_segments(document)]
