"""The English language model: stupid-backoff bigrams over lower-cased words.

Counts come from the English side of the parallel text ``learn`` reads (pruned, see
``learn.MIN_BIGRAM``) and live in the store; the decoder asks for one boundary at a time,
so a lookup is two point queries behind a cache.
"""

from __future__ import annotations

import math
import re

# Words and single punctuation marks; "'s" and "n't" stay on their word, as in news text.
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*|[^\sa-z0-9]")
SENTENCE_START = "<s>"
SENTENCE_END = "</s>"
BACKOFF = 0.4


def lm_words(text: str) -> list[str]:
    """The language model's words of an English text."""
    return _WORD.findall(text.lower())


def backoff_score(bigram: int, history: int, unigram: int, total: int) -> float:
    """log10 score of a word after a history word, by stupid backoff (Brants et al. 2007)."""
    if bigram > 0 and history > 0:
        return math.log10(bigram / history)
    return math.log10(BACKOFF * max(unigram, 0.5) / max(total, 1))
