"""Per-sentence confidence of the lexicon engine, from its own evidence.

What the engine knows about a sentence it has translated (``Evidence``): how many German
words nothing knew, how many content words had close competing senses, how much the
clause reordering moved, how long the sentence is.  ``confidence`` maps that to [0, 1]: a
linear estimate of the sentence's chrF / 100 against a reference, fitted by least squares
on newstest2017 (``bench/quality.py`` reports its Spearman rank correlation on
newstest2018).  Rank, not level, is what a reader uses: low values say where to look at the
German.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from dolmetsch.engine import Scored as EngineScored

# A slot whose best candidate leads the runner-up by less than this is "unsure".
UNSURE_MARGIN = 1.0


@dataclass(frozen=True)
class Evidence:
    """What the engine saw while translating one sentence."""

    words: int  # German word tokens
    unknown: int  # lower-case words nothing knows, passed through
    kept: int  # names and numbers: passed through, as the English has them
    content: int  # content words the dictionary translated
    unsure: int  # of those, the ones whose best sense leads by less than UNSURE_MARGIN
    moved: int  # German tokens the clause reordering put elsewhere
    learned: int  # content words whose sense the learned tables informed
    # (defaults: the fit below predates them, and they only decide the two cases below)
    function: int = 0  # function words, months, days: German the engine knows by rule
    foreign: int = 0  # tokens in another script (Cyrillic, Chinese) or pictographs (emoji)


@dataclass(frozen=True)
class Scored(EngineScored):
    """A translation with its confidence in [0, 1] (the lexicon always gives one)."""

    confidence: float


# Fitted on newstest2017 (sentence chrF / 100 by least squares); see the module docstring.
# Names and numbers pass through exactly as the reference has them (+); unknown lower-case
# words and close senses cost (-); learned words are the ambiguous frequent ones (-).
_INTERCEPT = 0.448
_WEIGHTS = {
    "unknown_rate": -0.214,
    "kept_rate": 0.345,
    "unsure_rate": -0.116,
    "moved_rate": -0.006,
    "learned_rate": -0.051,
    "log_words": 0.029,
}


def foreign_token(token: str) -> bool:
    """A token in another script than Latin (a letter that is no Latin one) or a pictograph
    (emoji, dingbats: from the arrows block up; not "°", "©", "€", which go with numbers)."""
    for char in token:
        category = unicodedata.category(char)
        if category.startswith("L") and not unicodedata.name(char, "").startswith("LATIN"):
            return True
        if category == "So" and ord(char) >= _PICTOGRAPHS:
            return True
    return False


_PICTOGRAPHS = 0x2190  # the arrows block; emoji, dingbats and symbols follow


def features(e: Evidence) -> dict[str, float]:
    words = max(e.words, 1)
    content = max(e.content, 1)
    return {
        "unknown_rate": e.unknown / words,
        "kept_rate": e.kept / words,
        "unsure_rate": e.unsure / content,
        "moved_rate": e.moved / words,
        "learned_rate": e.learned / content,
        "log_words": math.log(words),
    }


def confidence(e: Evidence) -> float:
    """The confidence of a translation with this evidence, in [0, 1]."""
    if e.foreign > e.words:
        return 0.0  # mostly another script or emoji: passed through untranslated
    if e.words == 0:
        return 1.0  # numbers and punctuation only: passed through by rule
    if e.content == 0 and e.function == 0 and e.unknown > 0:
        return 0.0  # not one German word known: another language, passed through
    values = features(e)
    estimate = _INTERCEPT + sum(_WEIGHTS[name] * values[name] for name in _WEIGHTS)
    return round(min(1.0, max(0.0, estimate)), 3)
