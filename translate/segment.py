"""German sentence segmentation, offline, on Moses' nonbreaking prefixes (from sacremoses).

Argos's own splitters (Stanza, MiniSBD, spaCy) download models at run time, so dolmetsch
follows Moses' split-sentences rules instead: a boundary is sentence-final punctuation,
optional closing quotes or brackets, whitespace, then an optional opening quote or bracket
and an upper-case letter or digit.  Candidates are vetoed by the abbreviation list that
sacremoses ships, and by rules for German ordinals (``am 5. Februar``, ``die 47. Brigade``),
which Moses' list only partly covers.

Every function returns character spans into the text it was given; whatever lies between
spans is whitespace, so no character of the source is ever lost.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import regex

from .errors import DolmetschError

_OPEN = "„\"'‚«»‹›‘“(["
_CLOSE = "“”\"'’‘«»‹›)]"
# A candidate boundary: end punctuation, closing marks, whitespace, and what follows it.
_CANDIDATE = re.compile(
    rf"(?P<end>[.!?…]+)(?P<close>[{re.escape(_CLOSE)}]*)(?P<gap>\s+)"
    rf"(?=[{re.escape(_OPEN)}]*[^\W_a-zäöüß])",
)
# Scraped teasers run a heading into the next sentence without punctuation: "... nach Kiew
# ein Der ukrainische Staatschef ...".  A capitalised article after an all-lower-case word
# and before a lower-case adjective marks that seam; titles ("berichtet Der Spiegel") are
# followed by a capitalised noun and stay whole.
_RUN_ON = re.compile(r"(?<=\s)[a-zäöüß]+(?P<gap>\s+)(?=(?:Der|Die|Das)\s+[a-zäöüß])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD_AFTER = re.compile(rf"[{re.escape(_OPEN)}]*(\w+)")
# News agency attributions that close a paragraph: "(dpa)", "(afp/tp)", "(rtr)".
_ATTRIBUTION = re.compile(r"\s+(\((?:[A-Za-z]{2,10})(?:/[A-Za-z]{2,10})*\))\s*$")
_ATTRIBUTION_BEFORE = re.compile(r"[.!?…“”\"»«]$")
# One grapheme cluster: a space can carry a combining mark (" ́"), an Arabic number sign
# (U+0600) the space after it; a span never ends inside one.
_CLUSTER = regex.compile(r"\X")

MONTHS = frozenset(
    "Januar Jänner Februar März Maerz April Mai Juni Juli August September Oktober November "
    "Dezember".split()
)
# Words that precede a number used as an ordinal: "am 5.", "die 47.", "bis zum 1.".
_ORDINAL_CUES = frozenset(
    "am an ab bis zum zur vom beim im seit dem den der die das des ein eine einem einen einer "
    "sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer jeder jedem jeden jede "
    "jährlich".split()
)
# Function words that typically open a German sentence; after a small number and a period,
# such a word means the number ended the sentence ("... knapp 300. Im Dezember ...").
_SENTENCE_STARTERS = frozenset(
    "der die das den dem des ein eine einer einem einen er sie es wir ich ihr man im in am an "
    "auf aus auch aber als bei bis da dabei damit danach dann darauf darum daher das dass dem "
    "denn deshalb dies diese dieser dieses doch dort durch für gegen heute hier immer "
    "inzwischen ja jedoch jetzt kein keine laut mit nach nun nur ob obwohl oder seit so "
    "sondern trotz um und unter viele von vor während was weil wenn wer wie wo zudem zuvor "
    "zwar zwischen allerdings außerdem ausserdem bereits zuletzt später".split()
)


@dataclass(frozen=True)
class Prefixes:
    """Moses' nonbreaking prefixes: always, or only before a digit (``Nr. 5``)."""

    always: frozenset[str]
    numeric_only: frozenset[str]


class SegmentationDataError(DolmetschError):
    """sacremoses' nonbreaking-prefix data could not be found."""


def parse_prefixes(text: str) -> Prefixes:
    """Parse a Moses ``nonbreaking_prefix.<lang>`` file."""
    always: set[str] = set()
    numeric: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        (numeric if "#NUMERIC_ONLY#" in rest else always).add(word)
    return Prefixes(frozenset(always), frozenset(numeric))


@functools.cache
def german_prefixes() -> Prefixes:
    """Load sacremoses' German prefix list without importing sacremoses (0.5 s at import)."""
    spec = importlib.util.find_spec("sacremoses")
    if spec is None or spec.origin is None:
        raise SegmentationDataError("sacremoses is not installed; run: make install")
    path = Path(spec.origin).parent / "data" / "nonbreaking_prefixes" / "nonbreaking_prefix.de"
    try:
        return parse_prefixes(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SegmentationDataError(f"{path}: cannot read nonbreaking prefixes: {exc}") from exc


def _is_abbreviation(word: str, prefixes: Prefixes, next_word: str) -> bool:
    stem = word.rstrip(".").lstrip(_OPEN)
    if not stem:
        return False
    if stem in prefixes.always:
        return not stem.isdigit()  # numbers are judged by the ordinal rules below
    if stem in prefixes.numeric_only:
        return next_word[:1].isdigit()
    # dotted abbreviations not in the list: "z.B", "U.S", "i.d.R"
    return re.fullmatch(r"(?:\w{1,2}\.)+\w{1,2}", stem) is not None


def _is_ordinal(word: str, previous: str, next_word: str) -> bool:
    """Decide whether ``<word>.`` is a German ordinal rather than the end of a sentence."""
    number = word.rstrip(".")
    if not (number.isdigit() and len(number) <= 3):
        return False
    if next_word in MONTHS:
        return True
    if previous.lower().lstrip(_OPEN) in _ORDINAL_CUES:
        return True
    return next_word.lower() not in _SENTENCE_STARTERS


def _tail(text: str, start: int, end: int, words: int = 2) -> str:
    """The end of ``text[start:end]`` holding its last ``words`` words whole: the decision
    at a full stop needs no more, and copying all of a sentence that has many rejected full
    stops (``am 5. Februar ...`` over and over on one line) made splitting quadratic."""
    size = 64
    while True:
        low = max(start, end - size)
        tail = text[low:end]
        if low == start or len(tail.split()) > words:  # only the first may be cut
            return tail
        size *= 4


def sentence_spans(text: str, prefixes: Prefixes | None = None) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``; gaps between them are whitespace."""
    prefixes = prefixes or german_prefixes()
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    candidates = sorted(
        [*_CANDIDATE.finditer(text), *_RUN_ON.finditer(text)], key=lambda m: m.start("gap")
    )
    for match in candidates:
        boundary = match.start("gap")
        if boundary <= start:
            continue
        head = _tail(text, start, boundary)
        after = _WORD_AFTER.match(text, match.end("gap"))
        next_word = after.group(1) if after else ""
        if match.re is _CANDIDATE and match.group("end") == "." and not match.group("close"):
            before = _WORD_BEFORE.search(head[:-1])
            word = before.group(1) if before else ""
            words = head.split()
            previous = words[-2] if len(words) >= 2 else ""
            if _is_abbreviation(word, prefixes, next_word) or _is_ordinal(
                word, previous, next_word
            ):
                continue
        spans.append((start, boundary))
        start = match.end("gap")
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    if spans:
        # Stripping whitespace may have cut a cluster that starts or ends in it.
        first, last = spans[0], spans[-1]
        if first[0] > 0 and _CLUSTER.match(text, first[0] - 1).end() > first[0]:
            spans[0] = (first[0] - 1, first[1])
        if last[1] == end and _CLUSTER.match(text, end - 1).end() > end:
            spans[-1] = (spans[-1][0], _CLUSTER.match(text, end - 1).end())
    return spans


def split_attribution(text: str) -> tuple[int, int] | None:
    """Return the span of a closing agency attribution such as ``(dpa)``, if there is one.

    It counts only after a finished sentence, so ``... sagte Merz (CDU)`` keeps its party.
    """
    match = _ATTRIBUTION.search(text)
    if match is None or not _ATTRIBUTION_BEFORE.search(text[: match.start()]):
        return None
    return match.start(1), match.end(1)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (convenience for callers that need no spans)."""
    return [text[a:b] for a, b in sentence_spans(text)]
