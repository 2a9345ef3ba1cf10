"""The scorer: every feature of a translation choice and its weight, in one place.

A German key's English candidates carry build-time evidence (``ranking``: Ding order, domain
of the sub-entry, de2en agreement, English frequency) and what was learned from parallel
text (``learn``: how often the candidate appeared in the English sentence aligned with the
German key, against how often it appears in any English sentence).  ``sense_score`` turns
them into one number per candidate in its context; ``rank`` orders a key's candidates.  The
weights are tuned on newstest2017 (``bench/quality.py --test-set newstest2017``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Weights:
    """Runtime weights; the build-time ones are ``ranking.Weights``."""

    # a candidate from the past-participle sub-entry after an auxiliary, or from the
    # 3rd-person sub-entry outside a verb cluster
    form_match: float = 1.5
    # learned excess rate: (hits - expected hits by chance) / (occurrences + smoothing)
    learned: float = 10.0
    learned_smoothing: float = 3.0
    # IBM Model 1: the share of the key's pairs aligning the candidate to it, smoothed
    # (aligned / (occurrences + smoothing)); 3-8 / 1-10 all within 0.02 chrF on newstest2017
    aligned: float = 5.0
    aligned_smoothing: float = 10.0
    # language model: log10 probability of the English bigram at each word boundary
    lm: float = 0.0
    # candidates the decoder considers per German key
    beam_senses: int = 1
    # senses in context (``senses``): the log-likelihood ratio of the sentence's words under
    # a candidate, each word's rate smoothed towards the key's with this many occurrences
    context: float = 1.0
    context_smoothing: float = 10.0


DEFAULT = Weights()


class Evidence(NamedTuple):
    """A candidate of the store with everything the scorer reads."""

    en: str
    base: float  # ``ranking.candidates``: Ding, de2en, English frequency
    pp: bool  # past-participle sub-entry
    third: bool  # 3rd-person sub-entry
    hits: int  # aligned English sentences that contain it (learned)
    n: int  # aligned sentence pairs whose German has the key (learned)
    background: float  # share of all English sentences that contain it (learned)
    aligned: float = 0.0  # of the n pairs, those IBM Model 1 aligns it to the key (learned)


def learned_excess(hits: int, n: int, background: float, smoothing: float) -> float:
    """How much more often than chance the candidate appeared opposite the key, in [-1, 1].

    Smoothing pulls rare keys towards 0: one sentence is weak evidence.
    """
    if n <= 0:
        return 0.0
    return (hits - n * background) / (n + smoothing)


def sense_score(c: Evidence, participle: bool, weights: Weights = DEFAULT) -> float:
    """The score of one candidate: after an auxiliary (``participle``) or not."""
    score = c.base
    if c.pp if participle else c.third:
        score += weights.form_match
    score += weights.learned * learned_excess(c.hits, c.n, c.background, weights.learned_smoothing)
    if c.n > 0 and weights.aligned:
        score += weights.aligned * c.aligned / (c.n + weights.aligned_smoothing)
    return score


def rank(
    found: Iterable[Evidence], participle: bool, weights: Weights = DEFAULT
) -> list[tuple[str, float]]:
    """(English, score) of a key's candidates, best first; ties keep Ding's order."""
    scored = [(c.en, sense_score(c, participle, weights)) for c in found]
    order = sorted(range(len(scored)), key=lambda k: -scored[k][1])
    return [scored[k] for k in order]


def in_context(
    ranked: list[tuple[str, float]], evidence: Mapping[str, float], weights: Weights = DEFAULT
) -> list[tuple[str, float]]:
    """``ranked`` (best first) re-ranked with each candidate's context evidence added."""
    if not evidence or not weights.context:
        return ranked
    scored = [(en, score + weights.context * evidence.get(en, 0.0)) for en, score in ranked]
    order = sorted(range(len(scored)), key=lambda k: -scored[k][1])
    return [scored[k] for k in order]
