"""The decoder: a Viterbi search over the candidate lattice with the English language model.

The engine turns a German sentence into a sequence of items: fixed English (function words,
numbers, names, phrases) and *slots*, a content word's candidates with their scorer scores.
``decode`` picks one candidate per slot to maximise

    sum over slots of  weights.sense * (score - best score of the slot)
    + weights.lm * sum over word boundaries of log10 P_lm(word | previous word)

exactly (first-order Viterbi over the slots, the previous item's last word being the state).
A sentence without a slot of two or more candidates costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lm import SENTENCE_END, SENTENCE_START, lm_words

# (English, scorer score), best first
Option = tuple[str, float]


@dataclass(frozen=True)
class Slot:
    """A content word's English candidates, best first by the scorer."""

    options: tuple[Option, ...]

    @property
    def best(self) -> str:
        return self.options[0][0]

    @property
    def margin(self) -> float:
        """How far the scorer's best is ahead of the runner-up (inf with one candidate)."""
        if len(self.options) < 2:
            return float("inf")
        return self.options[0][1] - self.options[1][1]


Item = str | Slot
LanguageModel = Callable[[str, str], float]


def best_path(items: Sequence[Item]) -> list[str]:
    """Every slot's scorer-best candidate: the decoder without a language model."""
    return [item.best if isinstance(item, Slot) else item for item in items]


def decode(
    items: Sequence[Item], lm: LanguageModel, sense_weight: float, lm_weight: float
) -> list[str]:
    """The English of each item, slots resolved by the Viterbi search described above."""
    if lm_weight == 0 or not any(isinstance(i, Slot) and len(i.options) > 1 for i in items):
        return best_path(items)
    # Each lattice state: (score, last LM word, back-pointer chain as a tuple of choices).
    states: list[tuple[float, str, tuple[int, ...]]] = [(0.0, SENTENCE_START, ())]
    for item in items:
        options = item.options if isinstance(item, Slot) else ((item, 0.0),)
        top = options[0][1]
        best_by_last: dict[str, tuple[float, str, tuple[int, ...]]] = {}
        for k, (english, score) in enumerate(options):
            words = lm_words(english)
            inner = sum(lm(words[j - 1], words[j]) for j in range(1, len(words)))
            local = sense_weight * (score - top) + lm_weight * inner
            for total, last, chain in states:
                value = total + local
                if words:
                    value += lm_weight * lm(last, words[0])
                end = words[-1] if words else last
                held = best_by_last.get(end)
                if held is None or value > held[0]:
                    best_by_last[end] = (value, end, (*chain, k))
        states = list(best_by_last.values())
    final = max(states, key=lambda s: s[0] + lm_weight * lm(s[1], SENTENCE_END))
    out: list[str] = []
    for item, k in zip(items, final[2], strict=True):
        out.append(item.options[k][0] if isinstance(item, Slot) else item)
    return out
