"""Prepositions in context, learned from parallel text: "an der Universität" -> "at", "Interesse
an" -> "in", "auf Facebook" -> "on".

A German preposition has one default English in the hand-written table ("an" -> "to"), but
which English preposition news uses depends on what it governs and on what governs it.  Two
anchors carry that, each a store key the engine already resolves:

- the noun the preposition governs (the first capitalised word after it, past articles and
  adjectives): ``("N", "an", "Universität")``;
- the word right before it, a verb or noun that takes the preposition: ``("V", "an",
  "Interesse")``.

Learning (``learn.learn_prepositions``) finds an anchor's English in the aligned English
sentence (any of its candidates' head words, stemmed) and reads the English preposition next
to it (before a noun, after a verb): no alignment model, just the anchor.  A pair is kept
when seen often enough with one clear answer (``MIN_NOUN``, ``MIN_WORD``, ``MIN_SHARE``);
the engine asks the noun anchor first, then the word before, then falls back to the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from .rules import CLAUSE_PUNCT, DETERMINERS, FUNCTION_WORD_TABLE, PREPOSITIONS

Anchor = Literal["N", "V"]
# German prepositions whose English is learned; contractions keep their article.
GERMAN = PREPOSITIONS | frozenset(["ins", "ans"])
CONTRACTIONS = frozenset("im am zum zur vom beim ins ans".split())
# The English prepositions a German one may become.
ENGLISH = frozenset(
    "in on at to for with by from of about over after before since against under between "
    "through without during into onto until around across behind near among towards per "
    "within outside ahead inside via".split()
)
# English prepositions of two words: their last word alone ("to" of "according to") is not
# what the German preposition became, so such an occurrence teaches nothing.
MULTIWORD = frozenset(
    [
        ("according", "to"), ("due", "to"), ("because", "of"), ("next", "to"),
        ("ahead", "of"), ("front", "of"), ("instead", "of"), ("out", "of"), ("up", "to"),
        ("prior", "to"), ("thanks", "to"), ("close", "to"), ("as", "of"), ("apart", "from"),
    ]
)  # fmt: skip
# A pair is kept when its anchor was found this often (noun / word before) ...
MIN_NOUN = 5
MIN_WORD = 3
# ... and one English preposition was at least this share of those times.
MIN_SHARE = 0.5
# How far (in words) the English preposition may stand from the anchor's English.
WINDOW_BEFORE_NOUN = 4
WINDOW_AFTER_WORD = 3
_ARTICLES = frozenset("der die das dem den des".split())

Resolve = Callable[[str], "tuple[str, str] | None"]


def governed_noun(tokens: Sequence[str], i: int) -> str | None:
    """The noun the preposition at ``i`` governs: the first capitalised content word within
    four tokens, past articles, determiners and lower-case adjectives; None at punctuation
    or another function word ("an dem", "auf die neue Brücke" -> "Brücke")."""
    for j in range(i + 1, min(i + 5, len(tokens))):
        token = tokens[j]
        lower = token.lower()
        if token in CLAUSE_PUNCT:
            return None
        if lower in DETERMINERS or lower in _ARTICLES:
            continue
        if token[:1].isupper() and token not in FUNCTION_WORD_TABLE:
            return token
        if token[:1].islower() and token[:1].isalpha() and lower not in FUNCTION_WORD_TABLE:
            continue  # an adjective
        return None
    return None


def governing_word(tokens: Sequence[str], i: int) -> str | None:
    """The content word right before the preposition at ``i``, or None."""
    if i == 0:
        return None
    word = tokens[i - 1]
    if not word[:1].isalpha() or word.lower() in FUNCTION_WORD_TABLE:
        return None
    return word


def noun_key(resolve: Resolve, noun: str) -> str:
    """The store key of a governed noun; an unknown word (a name) is its own key."""
    found = resolve(noun)
    return found[0] if found else noun


def choose(
    tokens: Sequence[str],
    i: int,
    lower: str,
    resolve: Resolve,
    learned: Callable[[Anchor, str, str], str | None],
) -> str | None:
    """The learned English of the preposition ``lower`` at ``i``, or None (use the table)."""
    if lower not in GERMAN:
        return None
    noun = governed_noun(tokens, i)
    if noun is not None:
        english = learned("N", lower, noun_key(resolve, noun))
        if english is not None:
            return english
    word = governing_word(tokens, i)
    if word is not None:
        found = resolve(word)
        if found is not None:
            english = learned("V", lower, found[0])
            if english is not None:
                return f"{english} the" if lower in CONTRACTIONS else english
    return None
