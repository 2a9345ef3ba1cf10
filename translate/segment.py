"""Sentence segmentation, offline, on Moses' nonbreaking prefixes (from sacremoses).

Argos's own splitters (Stanza, MiniSBD, spaCy) download models at run time, so dolmetsch
follows Moses' split-sentences rules instead: a boundary is sentence-final punctuation,
optional closing quotes or brackets, whitespace, then an optional opening quote or bracket
and a letter that is not lower case (or a digit).  Candidates are vetoed by the abbreviation
list that sacremoses ships for the language, and by rules for ordinals (German ``am 5.
Februar``, ``die 47. Brigade``), which Moses' list only partly covers.  Scripts without
spaces (Chinese, Japanese) end a sentence at ``。！？`` with no space after it; Thai and Lao,
which have no sentence punctuation, at a space between two of their letters.

Everything a language needs is data in :mod:`dolmetsch.langdata`; this module has no branch
on a language.  German, the default, keeps exactly the rules it had before there were others.

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
from .langdata import GERMAN, LanguageData, language_data, lowercase_class

_WORD_BEFORE = re.compile(r"(\S+)$")
# One grapheme cluster: a space can carry a combining mark (" ́"), an Arabic number sign
# (U+0600) the space after it; a span never ends inside one.
_CLUSTER = regex.compile(r"\X")
# Brackets and quotes that CJK text nests sentences in: a full stop inside them ends none.
_CJK_OPEN = "「『（【〔〈《“‘［｛"
_CJK_CLOSE = "」』）】〕〉》”’］｝"

# The German data, under the names other modules used before languages were data.
MONTHS = GERMAN.months


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
def moses_prefixes(name: str) -> Prefixes:
    """Load sacremoses' list ``nonbreaking_prefix.<name>`` without importing sacremoses
    (0.5 s at import)."""
    spec = importlib.util.find_spec("sacremoses")
    if spec is None or spec.origin is None:
        raise SegmentationDataError("sacremoses is not installed; run: make install")
    path = Path(spec.origin).parent / "data" / "nonbreaking_prefixes" / f"nonbreaking_prefix.{name}"
    try:
        return parse_prefixes(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SegmentationDataError(f"{path}: cannot read nonbreaking prefixes: {exc}") from exc


def german_prefixes() -> Prefixes:
    """sacremoses' German list, which the German rules use as it is."""
    return moses_prefixes("de")


@functools.cache
def prefixes_for(lang: str) -> Prefixes:
    """The abbreviations of ``lang``: sacremoses' list for it, if any, with the language
    data's own (Ukrainian has no Moses list; Russian's lacks ``им.``)."""
    data = language_data(lang)
    moses = moses_prefixes(data.moses) if data.moses else Prefixes(frozenset(), frozenset())
    # the data lists words in lower case; a sentence may open with one ("Вул. Хрещатик")
    own = data.abbreviations | {word[:1].upper() + word[1:] for word in data.abbreviations}
    if data.capitalised_abbreviations:  # Moses' too: "Ul. Marszałkowska"
        own |= {w[:1].upper() + w[1:] for w in moses.always if len(w) > 1 and w[:1].islower()}
    return Prefixes(moses.always | own, moses.numeric_only | data.numeric_abbreviations)


@dataclass(frozen=True)
class _Rules:
    """A language's data compiled into patterns."""

    data: LanguageData
    # end punctuation, closing marks, whitespace, and what follows it
    candidate: re.Pattern[str]
    # CJK full stops: no whitespace needed
    tight: re.Pattern[str] | None
    # Scraped teasers run a heading into the next sentence without punctuation: "... nach
    # Kiew ein Der ukrainische Staatschef ...".  A capitalised article after an all-lower-case
    # word and before a lower-case adjective marks that seam; titles ("berichtet Der
    # Spiegel") are followed by a capitalised noun and stay whole.
    run_on: re.Pattern[str] | None
    # Thai: whitespace between two letters of the script
    spaced: re.Pattern[str] | None
    word_after: re.Pattern[str]
    # What continues a sentence after a closing CJK bracket with no space ("」と").
    continues: re.Pattern[str]
    # News agency attributions that close a paragraph: "(dpa)", "(afp/tp)", "(ТАСС)".
    attribution: re.Pattern[str]
    attribution_before: re.Pattern[str]


@functools.cache
def _rules(lang: str) -> _Rules:
    data = language_data(lang)
    esc = re.escape
    lower = data.lower or lowercase_class()
    closers = f"[{esc(data.closers)}]"
    # French sets a (narrow) no-break space inside its guillemets: « Non. »
    close = rf"(?:[ \u00a0\u202f]?{closers})*" if data.spaced_closers else f"{closers}*"
    openers = f"[{esc(data.openers)}]*"
    if data.spaced_closers:  # and opening ones before a space: « Pourquoi ? »
        openers = rf"(?:[{esc(data.openers)}][ \u00a0\u202f]?)*"
    # A dialogue dash, a space, then the sentence ("Песков. — Но не сейчас.").
    dash = rf"(?:[{esc(data.dialogue_dashes)}]\s+)?" if data.dialogue_dashes else ""
    tag = "|".join([*(esc(a) for a in data.agencies), f"{data.agency_letters}{{2,10}}"])
    return _Rules(
        data=data,
        candidate=re.compile(
            rf"(?P<end>[{esc(data.enders)}]+)(?P<close>{close})(?P<gap>\s+)"
            rf"(?={dash}{openers}[^\W_{lower}])"
        ),
        tight=re.compile(
            rf"(?P<end>[{esc(data.tight_enders)}]+)(?P<close>{closers}*)(?P<gap>\s*)(?=\S)"
        )
        if data.tight_enders
        else None,
        run_on=re.compile(
            rf"(?<=\s)[{lower}]+(?P<gap>\s+)"
            rf"(?=(?:{'|'.join(map(esc, data.run_on_articles))})\s+[{lower}])"
        )
        if data.run_on_articles
        else None,
        spaced=re.compile(
            rf"(?<=[{data.space_separated}])(?P<gap>\s+)(?={openers}[{data.space_separated}])"
        )
        if data.space_separated
        else None,
        word_after=re.compile(rf"{dash}{openers}(\w+)"),
        continues=re.compile(f"[{data.cjk_continues}]"),
        attribution=re.compile(rf"\s+(\((?:{tag})(?:/(?:{tag}))*\))\s*$"),
        attribution_before=re.compile(f"[{esc(data.attribution_after)}]$"),
    )


def _is_abbreviation(word: str, prefixes: Prefixes, next_word: str, data: LanguageData) -> bool:
    stem = word.rstrip(".").lstrip(data.openers)
    if not stem:
        return False
    if stem in prefixes.always:
        return not stem.isdigit()  # numbers are judged by the ordinal rules below
    if stem in prefixes.numeric_only:
        return next_word[:1].isdigit()
    if data.initials and len(stem) == 1 and stem.isupper():  # "В. В. Путин"
        return True
    # dotted abbreviations not in the list: "z.B", "U.S", "i.d.R", "т.е"
    return re.fullmatch(r"(?:\w{1,2}\.)+\w{1,2}", stem) is not None


def _is_ordinal(word: str, previous: str, next_word: str, data: LanguageData) -> bool:
    """Decide whether ``<word>.`` is an ordinal ("am 5. Februar") rather than the end of a
    sentence, in a language that writes ordinals with a full stop."""
    number = word.rstrip(".")
    if not (data.ordinal_dot and number.isdigit() and len(number) <= 3):
        return False
    if next_word in data.months:
        return True
    if previous.lower().lstrip(data.openers) in data.ordinal_cues:
        return True
    if not data.sentence_starters:  # nothing to judge by: the full stop ends the sentence
        return False
    return next_word.lower() not in data.sentence_starters


# A year or a span of years, maybe with a case ending: "2020", "2020-2021", "1990-х".
_YEAR = re.compile(r"\d{3,4}(?:[-–]\d{2,4})?(?:-[^\W\d_]+)?")
# An amount: "5", "90,5", "1.200", "$5", "5€".
_AMOUNT = re.compile(r"[$€£¥₴₽]?\d[\d.,]*[$€£¥₴₽%]?")


def _ends_sentence(head: str, data: LanguageData) -> bool:
    """Whether ``head`` ends with an abbreviation that may close a sentence: one that closes
    a list ("и т. д."), "year" after a year ("в 2020 г."), or a unit after an amount
    ("$5 млрд.")."""
    words = head.split()
    tail = " " + " ".join(words)
    if any(tail.endswith(" " + ending) for ending in data.list_endings):
        return True
    if (
        len(words) >= 2
        and words[-1].rstrip(".") in data.year_abbreviations
        and _YEAR.fullmatch(words[-2]) is not None
    ):
        return True
    # a unit after an amount, or after another unit after one ("5 тис. грн.")
    units = data.unit_abbreviations
    if not units or len(words) < 2 or words[-1].rstrip(".") not in units:
        return False
    if _AMOUNT.fullmatch(words[-2]):
        return True
    return len(words) >= 3 and words[-2].rstrip(".") in units and bool(_AMOUNT.fullmatch(words[-3]))


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


def _cuts_cluster(text: str, at: int) -> bool:
    return 0 < at < len(text) and _CLUSTER.match(text, at - 1).end() > at


class _Nesting:
    """How deep in CJK brackets and quotes a position of the current sentence lies; counted
    on from the last position asked, so that a bracket left open over a long text costs one
    pass, not one per full stop."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.pos = self.depth = 0

    def open_at(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (``start``: the sentence's) leaves a bracket open."""
        if start != self.start or end < self.pos:
            self.start = self.pos = start
            self.depth = 0
        for char in self.text[self.pos : end]:
            if char in _CJK_OPEN:
                self.depth += 1
            elif char in _CJK_CLOSE and self.depth:
                self.depth -= 1
        self.pos = end
        return self.depth > 0


def sentence_spans(
    text: str, prefixes: Prefixes | None = None, lang: str = "de"
) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``; gaps between them are whitespace.

    ``lang`` names the language's rules (:mod:`dolmetsch.langdata`); ``prefixes`` replaces
    its abbreviation list."""
    rules = _rules(lang)
    data = rules.data
    prefixes = prefixes or prefixes_for(lang)
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    found = [*rules.candidate.finditer(text)]
    for extra in (rules.run_on, rules.tight, rules.spaced):
        if extra is not None:
            found.extend(extra.finditer(text))
    candidates = sorted(found, key=lambda m: m.start("gap"))
    nesting = _Nesting(text)
    for match in candidates:
        boundary = match.start("gap")
        if boundary <= start:
            continue
        if match.re is not rules.candidate:
            # Gapless and script-specific cuts: never inside a cluster, never inside a CJK
            # quote ("「はい。いいえ。」"), nor right after one that a particle continues
            # ("「はい。」と言った。").
            if _cuts_cluster(text, boundary) or _cuts_cluster(text, match.end("gap")):
                continue
            if match.re is rules.tight and (
                nesting.open_at(start, boundary)
                or (
                    match.group("close")
                    and not match.group("gap")
                    and rules.continues.match(text, boundary)
                )
            ):
                continue
        head = _tail(text, start, boundary)
        after = rules.word_after.match(text, match.end("gap"))
        next_word = after.group(1) if after else ""
        if (
            match.re is rules.candidate
            and match.group("end") == "."
            and not match.group("close")
            and not _ends_sentence(head, data)
        ):
            before = _WORD_BEFORE.search(head[:-1])
            word = before.group(1) if before else ""
            words = head.split()
            previous = words[-2] if len(words) >= 2 else ""
            if _is_abbreviation(word, prefixes, next_word, data) or _is_ordinal(
                word, previous, next_word, data
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


def split_attribution(text: str, lang: str = "de") -> tuple[int, int] | None:
    """Return the span of a closing agency attribution such as ``(dpa)``, if there is one.

    It counts only after a finished sentence, so ``... sagte Merz (CDU)`` keeps its party.
    """
    rules = _rules(lang)
    match = rules.attribution.search(text)
    if match is None or not rules.attribution_before.search(text[: match.start()]):
        return None
    return match.start(1), match.end(1)


def split_sentences(text: str, lang: str = "de") -> list[str]:
    """The sentences of ``text`` as strings (convenience for callers that need no spans)."""
    return [text[a:b] for a, b in sentence_spans(text, lang=lang)]
