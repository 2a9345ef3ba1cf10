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

from .rules import CLAUSE_PUNCT, DETERMINERS, FUNCTION_WORD_TABLE, PREPOSITIONS, TIME_NOUNS

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
        if english is not None and not _meaning_lost(tokens, i, lower, english):
            return english
    word = governing_word(tokens, i)
    if word is not None:
        found = resolve(word)
        if found is not None:
            english = learned("V", lower, found[0])
            if english is not None:
                return f"{english} the" if lower in CONTRACTIONS else english
    return None


# Prepositions that carry a meaning no other English keeps: "gegen den Plan" is opposition,
# "to the plan" only after a noun that says so ("Widerstand gegen den Plan" -> "resistance to
# the plan"); "ist gegen den Plan" must stay "against".
_MEANINGFUL = {"gegen": "against", "ohne": "without", "trotz": "despite"}


def _meaning_lost(tokens: Sequence[str], i: int, lower: str, english: str) -> bool:
    """Whether a noun-anchored English would lose what the preposition at ``i`` means: a
    learned "gegen Plan" -> "to" (from "resistance to the plan") where no noun governs it."""
    meaning = _MEANINGFUL.get(lower)
    if meaning is None or english == meaning:
        return False
    before = tokens[i - 1] if i > 0 else ""
    return not (before[:1].isupper() and before.isalpha())


# ------------------------------------------------------------------ government (a table)
# Verbs, adjectives and nouns that take a fixed preposition whose English is not its
# default: "teilnehmen an" -> "participate in", "stolz auf" -> "proud of".  Keyed by the
# German lemma (a separable verb with its particle: "abhängen"); "" drops the preposition
# where English takes a direct object.  Grammar-book knowledge, not learned: the learner's
# "word before" anchor never sees a verb that V2 order puts far from its preposition.
GOVERNMENT: dict[tuple[str, str], str] = {
    # verbs
    ("teilnehmen", "an"): "in", ("beteiligen", "an"): "in", ("arbeiten", "an"): "on",
    ("sterben", "an"): "of", ("leiden", "an"): "from", ("leiden", "unter"): "from",
    ("denken", "an"): "of", ("glauben", "an"): "in", ("warten", "auf"): "for",
    ("hoffen", "auf"): "for", ("reagieren", "auf"): "to", ("antworten", "auf"): "to",
    ("bestehen", "aus"): "of", ("abhängen", "von"): "on", ("profitieren", "von"): "from",
    ("träumen", "von"): "of", ("überzeugen", "von"): "of", ("interessieren", "für"): "in",
    ("bitten", "um"): "for", ("kämpfen", "um"): "for", ("suchen", "nach"): "for",
    ("fragen", "nach"): "about", ("streben", "nach"): "for", ("schützen", "vor"): "from",
    ("warnen", "vor"): "of", ("fliehen", "vor"): "from", ("flüchten", "vor"): "from",
    ("retten", "vor"): "from", ("investieren", "in"): "in", ("beitragen", "zu"): "to",
    ("gratulieren", "zu"): "on", ("konzentrieren", "auf"): "on", ("beruhen", "auf"): "on",
    ("verweisen", "auf"): "to", ("hinweisen", "auf"): "to", ("zielen", "auf"): "at",
    # adjectives and participles
    ("stolz", "auf"): "of", ("abhängig", "von"): "on", ("interessiert", "an"): "in",
    ("beteiligt", "an"): "in", ("reich", "an"): "in", ("neidisch", "auf"): "of",
    ("überzeugt", "von"): "of", ("bekannt", "für"): "for", ("zuständig", "für"): "for",
    # nouns
    ("Angst", "vor"): "of", ("Furcht", "vor"): "of", ("Respekt", "vor"): "for",
    ("Schutz", "vor"): "from", ("Warnung", "vor"): "of", ("Interesse", "an"): "in",
    ("Teilnahme", "an"): "in", ("Beteiligung", "an"): "in", ("Kritik", "an"): "of",
    ("Zweifel", "an"): "about", ("Mangel", "an"): "of", ("Bedarf", "an"): "for",
    ("Nachfrage", "nach"): "for", ("Suche", "nach"): "for", ("Hoffnung", "auf"): "for",
    ("Anspruch", "auf"): "to", ("Recht", "auf"): "to", ("Antwort", "auf"): "to",
    ("Reaktion", "auf"): "to", ("Einfluss", "auf"): "on", ("Auswirkung", "auf"): "on",
    ("Angriff", "auf"): "on", ("Anschlag", "auf"): "on", ("Sorge", "um"): "about",
    ("Streit", "um"): "over", ("Kampf", "um"): "for", ("Spiel", "um"): "for",
    ("Duell", "um"): "for", ("Rennen", "um"): "for", ("Wettbewerb", "um"): "for",
    ("Wettlauf", "um"): "for", ("Wirbel", "um"): "about", ("Angst", "um"): "for",
    ("bangen", "um"): "for", ("fürchten", "um"): "for", ("werben", "um"): "for",
    ("ringen", "um"): "for", ("bemühen", "um"): "for", ("spielen", "um"): "for",
    ("konkurrieren", "um"): "for", ("streiten", "um"): "over",
}  # fmt: skip
_GOVERNED = frozenset(preposition for _, preposition in GOVERNMENT)
# A contraction is its preposition and an article.
CONTRACTED = {
    "am": "an", "ans": "an", "im": "in", "ins": "in", "vom": "von", "zum": "zu", "zur": "zu",
    "beim": "bei", "aufs": "auf",
}  # fmt: skip
# How far back in its clause a verb may govern the preposition ("wartet seit Stunden auf").
GOVERNMENT_REACH = 8
# The lower-cased tokens ``governed`` may answer for: its prepositions and their contractions.
GOVERNABLE = _GOVERNED | frozenset(c for c, base in CONTRACTED.items() if base in _GOVERNED)


def governed(
    tokens: Sequence[str],
    i: int,
    lower: str,
    lemma: Callable[[str], str],
    is_verb: Callable[[str], bool],
    dictionary: Callable[[str, str, str], str | None] | None = None,
) -> str | None:
    """The English of the preposition ``lower`` at ``i`` when the word before it or the
    nearest verb earlier in its clause (tokens in English order) governs it, else None.
    ``dictionary(preposition, verb lemma, token)`` answers for a verb the table lacks."""
    base = CONTRACTED.get(lower, lower)
    if base not in _GOVERNED:
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if nxt[:1].isdigit() or (base == "vor" and nxt in TIME_NOUNS):
        return None  # a time or an amount: "vor drei Jahren", "um 5 Prozent"
    if base == "vor" and i + 2 < len(tokens) and tokens[i + 2] in TIME_NOUNS:
        return None
    article = " the" if base != lower else ""
    for k in range(i - 1, max(-1, i - 1 - GOVERNMENT_REACH), -1):
        token = tokens[k]
        if token in CLAUSE_PUNCT:
            return None
        if k < i - 1 and token[:1].isupper() and k > 0:
            continue  # only the word right before may be a noun: "Angst vor"
        english = GOVERNMENT.get((token, base))
        if english is None:
            english = GOVERNMENT.get((_lemma_of(token, lemma), base))
        if english is not None:
            return (english + article).strip()
        if token[:1].islower() and token not in FUNCTION_WORD_TABLE and is_verb(token):
            # the nearest verb: the dictionary's entry "an etw. teilnehmen" may say which
            # English its English verb takes, else it takes no fixed one ("empfohlen von")
            if dictionary is None or not _noun_phrase_follows(tokens, i):
                return None
            english = dictionary(base, _lemma_of(token, lemma), token)
            if english is None or (base == "in" and english != "into"):
                return None  # "in" is most often a place of its own, whatever the verb
            return (english + article).strip()
    return None


# Pronouns a preposition may govern ("an ihn", "auf nichts").
_OBJECT_PRONOUNS = frozenset(
    "ihn ihm ihr ihnen uns euch mich mir dich dir sie es nichts etwas alles".split()
)


def _noun_phrase_follows(tokens: Sequence[str], i: int) -> bool:
    """Whether a noun phrase follows the preposition at ``i``, not a zu-infinitive."""
    if CONTRACTED.get(tokens[i].lower(), tokens[i].lower()) == "zu":
        return False  # most often a zu-infinitive, and "to" anyway
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return governed_noun(tokens, i) is not None or nxt.lower() in _OBJECT_PRONOUNS


def _lemma_of(token: str, lemma: Callable[[str], str]) -> str:
    """A token's lemma; a separable verb joined by the word order ("nimmt teil") with its
    particle ("teilnehmen")."""
    verb, space, particle = token.partition(" ")
    if space:
        return particle + lemma(verb) if particle.isalpha() else token
    return lemma(token)


def dictionary_preposition(verb_english: str, entries: Sequence[str]) -> str | None:
    """The English preposition a dictionary entry of a verb with its German preposition
    gives for the English verb chosen: "participated" with entries "participate in", "join
    in" -> "in"; "remembers" with "recollect", "remember" -> "" (a direct object, when no
    entry of that verb has a preposition); None when no entry has that verb."""
    words = verb_english.lower().split()
    if not words or len(words[0]) < 3:
        return None
    head = words[0][:4]
    bare = False
    for entry in entries:
        parts = entry.lower().split()
        if not parts or parts[0][:4] != head:
            continue
        if len(parts) == 1:
            bare = True
        elif len(parts) == 2 and parts[-1] in ENGLISH:
            return parts[-1]
    return "" if bare else None
