"""Sense ranking: which of Ding's English translations of a German key to use.

Ding lists senses in no useful order (``Grund`` gives "bottom" before "reason"), so every
candidate is scored at build time on evidence from all of Ding's lines plus two outside
signals, and the store keeps the winner.  Weights are the research sweep's (newstest2017);
the score is flat within +-0.3 chrF around them, and only the de2en agreement term clearly
matters (+1.3 chrF).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .sources import DingPair

_PLAIN_ENGLISH = re.compile(r"^[A-Za-z][A-Za-z' -]*$")
# Sub-entry 2 of a verb line is its past participle: preferred after haben/sein.
PAST_PARTICIPLE_SUB = 2
THIRD_PERSON_SUB = 3


@dataclass(frozen=True)
class Weights:
    """Weights of the sense score; see ``score``."""

    de2en: float = 2.5
    de2en_rank: float = 0.12
    de2en_part: float = 0.8
    zipf: float = 0.35
    support: float = 0.6
    en_position: float = 0.25
    de_position: float = 0.1
    extra_word: float = 0.9
    non_letter: float = 1.5
    form_match: float = 1.5


def english_zipf(frequencies: Mapping[str, float]) -> Callable[[str], float]:
    """Zipf value of the rarest word of an English term (0 for unknown words)."""
    # The store build asks for every candidate three times (2.5 million calls, a sixth of
    # the build): each term is worked out once.
    seen: dict[str, float] = {}

    def zipf(term: str) -> float:
        found = seen.get(term)
        if found is None:
            values = []
            for word in term.split():
                freq = frequencies.get(word.lower(), 0.0)
                values.append(math.log10(freq) + 9 if freq > 0 else 0.0)
            found = seen[term] = min(values) if values else 0.0
        return found

    return zipf


class Candidate(NamedTuple):
    """One English translation of a German key, with its build-time evidence."""

    en: str
    base: float  # Ding + de2en + English frequency score, without the sub-entry preference
    pp: bool  # given in a verb's past-participle sub-entry
    third: bool  # given in a verb's 3rd-person sub-entry


def candidates(
    pairs: Sequence[DingPair],
    agreeing: Sequence[str],
    zipf: Callable[[str], float],
    weights: Weights = Weights(),
) -> list[Candidate]:
    """Every English translation among ``pairs`` (all for one German key), in Ding order.

    ``agreeing`` are de2en's candidates for the key, best first.
    """
    support: dict[str, int] = {}
    en_pos: dict[str, int] = {}
    de_pos: dict[str, int] = {}
    subs: dict[str, set[int]] = {}
    verb_subs = {p.sub for p in pairs if p.pos == "V"}
    for pair in pairs:
        support[pair.en] = support.get(pair.en, 0) + 1
        en_pos[pair.en] = min(en_pos.get(pair.en, 9), pair.en_pos)
        de_pos[pair.en] = min(de_pos.get(pair.en, 9), pair.de_pos)
        subs.setdefault(pair.en, set()).add(pair.sub)
    agree = [a.lower() for a in agreeing]
    found = []
    for english in support:  # insertion order = Ding order
        lower = english.lower()
        words = len(english.split())
        score = 0.0
        if lower in agree:
            score += weights.de2en - weights.de2en_rank * agree.index(lower)
        elif words > 1 and any(w in agree for w in lower.split()):
            score += weights.de2en_part
        score += weights.zipf * zipf(english)
        score += weights.support * math.log(1 + support[english])
        score -= weights.en_position * en_pos[english] + weights.de_position * de_pos[english]
        score -= weights.extra_word * (words - 1)
        if not _PLAIN_ENGLISH.match(english):
            score -= weights.non_letter
        # A sub-entry counts only when the key has it as a verb: a form that is both
        # participle and 3rd person ("verhandelt") is the finite verb outside a cluster.
        pp = PAST_PARTICIPLE_SUB in subs[english] and PAST_PARTICIPLE_SUB in verb_subs
        third = THIRD_PERSON_SUB in subs[english] and THIRD_PERSON_SUB in verb_subs
        found.append(Candidate(english, score, pp, third))
    return _without_typos(found, zipf)


def _without_typos(found: list[Candidate], zipf: Callable[[str], float]) -> list[Candidate]:
    """``found`` without a word English never uses when another candidate one letter apart
    is used: a typo in Ding ("traumatizea" beside "traumatize") must not win on support."""
    known = [c.en.lower() for c in found if zipf(c.en) > 0]
    kept = [
        c
        for c in found
        if zipf(c.en) > 0 or not any(_one_letter_apart(c.en.lower(), k) for k in known)
    ]
    return kept or found


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether one letter added, dropped or replaced turns the word ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1 or a == b or not (a.isalpha() and b.isalpha()):
        # "semi-final" beside "semifinal", "long-term" beside "long term" are spellings
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def best_sense(
    pairs: Sequence[DingPair],
    agreeing: Sequence[str],
    zipf: Callable[[str], float],
    prefer_sub: int | None = None,
    weights: Weights = Weights(),
) -> str:
    """The best English translation among ``pairs``, all for one German key.

    ``prefer_sub`` favours translations given in that sub-entry (a past participle after an
    auxiliary).
    """
    best, best_score = pairs[0].en, -math.inf
    for c in candidates(pairs, agreeing, zipf, weights):  # ties go to Ding's first
        matched = (prefer_sub == PAST_PARTICIPLE_SUB and c.pp) or (
            prefer_sub == THIRD_PERSON_SUB and c.third
        )
        score = c.base + (weights.form_match if matched else 0.0)
        if score > best_score:
            best, best_score = c.en, score
    return best
