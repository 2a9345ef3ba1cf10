"""German compound splitting: "Energieinfrastruktur" -> Energie + Infrastruktur.

Every split point and linking element is tried, with up to three parts; among the splits
whose parts the dictionary knows, the one with the highest geometric-mean German word
frequency (minus a penalty per part) wins, which prefers few, common parts over many
rare ones ("Kriegs|gefangene", not "Krieg|sgefan|gene").  (Preferring long heads or
other penalties per part measured within +-0.01 chrF on newstest2017.)

A modifier's English (``modifier_english``) is the one the dictionary's own compounds with
it share, which often differs from the word alone: "Militär-" is "military", though Ding's
"Militär" alone is a "higher-ranking officer".
"""

from __future__ import annotations

import math
from collections.abc import Callable

# Linking elements (Fugenelemente) between a modifier and the next part.
LINKERS = ("", "s", "es", "n", "en", "e", "er")
MIN_PART = 3
MIN_SPLIT_LENGTH = 7
# No part is longer: the longest one-word key in Ding is 51 letters
# ("Krankenversicherungskostendämpfungsergänzungsgesetz"), the longest word in newstest2017
# and 2018 42.  The bound keeps the work per word flat in its length: every lookup below
# caches its key, so trying every suffix of a 16,000-letter token held 2.3 GB.
MAX_PART = 60
_MAX_LINKER = max(len(linker) for linker in LINKERS)
# Three parts at most, with a linking element after each modifier.
MAX_COMPOUND = 3 * MAX_PART + 2 * _MAX_LINKER
_PART_PENALTY = 3.0
_UNKNOWN_FREQUENCY = 1e-9
# German running words per news sentence, turning "sentences with the word" into a word
# frequency comparable with wordfreq's (fitted on keys both know: Arbeit, Kampf, Volk).
_WORDS_PER_SENTENCE = 30.0

# known(part, is_head) -> the dictionary key for the part, or None.
Known = Callable[[str, bool], "str | None"]


def split_compound(
    word: str, known: Known, frequency: Callable[[str], float], *, depth: int = 0
) -> list[str] | None:
    """Dictionary keys of the parts of ``word``, head last; None if no split is known."""
    best: list[str] | None = None
    best_score = -math.inf
    n = len(word)
    if n > MAX_COMPOUND:
        return None  # a token of hundreds of letters is no compound
    for i in range(max(MIN_PART, n - MAX_PART), n - MIN_PART + 1):
        head = known(word[i:], True)
        if head is None:
            continue
        modifier = word[:i]
        for linker in LINKERS:
            if linker and not modifier.endswith(linker):
                continue
            stem = modifier[: len(modifier) - len(linker)]
            # at depth 0 the stem may still split in two (below)
            longest = MAX_PART if depth else 2 * MAX_PART + _MAX_LINKER
            if not MIN_PART <= len(stem) <= longest:
                continue
            parts: list[str] | None = None
            first = known(stem, False)
            if first is not None:
                parts = [first, head]
            elif depth == 0 and len(stem) >= 2 * MIN_PART:
                inner = split_compound(
                    stem[:1].upper() + stem[1:], known, frequency, depth=depth + 1
                )
                if inner:
                    parts = [*inner, head]
            if parts:
                freqs = [max(frequency(p), _UNKNOWN_FREQUENCY) for p in parts]
                score = sum(math.log(f) for f in freqs) / len(parts) - _PART_PENALTY * len(parts)
                if score > best_score:
                    best, best_score = parts, score
    return best


def news_frequency(sentences_with: int, sentences: int) -> float:
    """A word frequency estimated from how many of ``sentences`` news sentences have it."""
    if sentences <= 0:
        return 0.0
    return sentences_with / (sentences * _WORDS_PER_SENTENCE)


# A modifier's English from the dictionary's own compounds that start with it: the English
# most of them begin with ("Militär-": "military coup", "military government" ...).
MIN_MODIFIER_COMPOUNDS = 8
MIN_MODIFIER_SHARE = 0.4
_NOT_MODIFIERS = frozenset(["the", "a", "an", "to", "of"])
# Without "-e-" and "-er-": "Reise|büro" would count as "Reis" + "e" + "Büro".
_MODIFIER_LINKERS = ("", "s", "es", "n", "en")


def modifier_english(
    modifier: str, entries: list[tuple[str, str]], known: Callable[[str], bool]
) -> str | None:
    """The English that most dictionary compounds ``modifier`` + noun begin with, or None.

    ``entries`` are (German key, English) pairs whose key starts with ``modifier``; only
    one-word keys whose rest, after a linking element, is itself a key (``known``) count:
    "Reiseland" is no compound of "Reis".  Its English counts when it has two or three
    words; the first word they share is the answer, with the second when most of those
    share it too ("Menschenrechts-": "human rights")."""
    n = len(modifier)
    candidates = [
        (german[n:], words)
        for german, english in entries
        if " " not in german
        and "-" not in german
        and 2 <= len(words := english.lower().split()) <= 3
    ]
    # The head check below only removes entries: too few before it, too few after.
    firsts: dict[str, int] = {}
    for _, words in candidates:
        firsts[words[0]] = firsts.get(words[0], 0) + 1
    if max(firsts.values(), default=0) < MIN_MODIFIER_COMPOUNDS:
        return None
    englishes: list[list[str]] = []
    for rest, words in candidates:
        if not any(
            rest.startswith(linker)
            and len(rest) - len(linker) >= MIN_PART
            and known(rest[len(linker)].upper() + rest[len(linker) + 1 :])
            for linker in _MODIFIER_LINKERS
        ):
            continue
        englishes.append(words)
    best = _shared([w[0] for w in englishes], len(englishes))
    if best is None or best in _NOT_MODIFIERS or not best.isalpha():
        return None
    longer = [w for w in englishes if w[0] == best and len(w) == 3]
    second = _shared([w[1] for w in longer], len(longer))
    return f"{best} {second}" if second and second.isalpha() else best


def _shared(words: list[str], among: int) -> str | None:
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda w: counts[w])
    if counts[best] < MIN_MODIFIER_COMPOUNDS or counts[best] < MIN_MODIFIER_SHARE * among:
        return None
    return best
