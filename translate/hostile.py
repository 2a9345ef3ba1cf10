"""An engine that treats glossary placeholders as a neural model does, for tests and benches.

The tiny argos package of the tests copies a placeholder such as ``Zqa`` perfectly; no real
model does.  Seen through SentencePiece, ``Zqa`` is two or three rare pieces, and a
Transformer decoding them changes their case (``ZQA``, ``zqa``), splits them (``Zq a``,
``Z qa``, ``Zq-a``), merges two neighbours (``ZqaZqb``, ``Zqab``), writes look-alike letters
of another script (``Ζqа``: Greek Zeta, Cyrillic a) or letters by their sound (``Зqа``:
Cyrillic Ze), drops one, repeats one, moves one,
inflects one (``Zqa's``, ``Zqas``, ``Zqa-Sprecher``), or ignores it and writes the name in
its own spelling (``Kiev``, ``Zelenskyy``, ``Selenskyj``; from a Russian source also another
language's, ``Zełenski``, or the name romanised as it read it, ``Zelenskogo``, ``Kieve``).
:class:`HostileEngine` wraps an inner engine and does each of these to the placeholders of
its output, deterministically from a seed: one kind at a time (:data:`CORRUPTIONS`), or a
mix (:data:`REALISTIC_MIX`).

:func:`score` then says whether enforcement (``glossary.enforce.restore``) still gives
every occurrence its canonical English form exactly once.  :class:`DictionaryEngine` is a
small word-by-word inner engine, so that tests need no dictionary store or model.
"""

from __future__ import annotations

import functools
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal, get_args

from .engine import Engine, EngineInfo, Progress
from .glossary import Entry, Glossary, find_matches, recognise, term_accuracy
from .glossary.enforce import PLACEHOLDER_PREFIXES, Protected, Restored
from .glossary.matching import possessive
from .glossary.model import split_context
from .glossary.pairs import output_forms

Corruption = Literal[
    "case",
    "split",
    "merge",
    "transliterate",
    "drop",
    "duplicate",
    "move",
    "inflect",
    "own",
]
CORRUPTIONS: tuple[Corruption, ...] = get_args(Corruption)

# What a placeholder goes through, per placeholder, in a plausible neural model's output:
# most are copied, the rest suffer one of the kinds above.  The weights are an assumption
# for testing, not a measurement of any model.
REALISTIC_MIX: Mapping[Corruption | None, float] = {
    None: 0.55,
    "case": 0.08,
    "split": 0.06,
    "inflect": 0.08,
    "own": 0.06,
    "transliterate": 0.03,
    "drop": 0.04,
    "duplicate": 0.04,
    "move": 0.04,
    "merge": 0.02,
}

# Look-alike letters a model trained on Cyrillic and Greek text writes for Latin ones.  The
# engine's own table, written apart from the one enforcement folds with.
LOOKALIKES: Mapping[str, str] = {
    "Z": "ΖᏃЗ",  # Greek capital zeta, Cherokee tse; Cyrillic ze, Z by its sound
    "X": "ΧХ",  # Greek chi, Cyrillic ha
    "Q": "Ԛ",  # Cyrillic qa
    "q": "ԛ",  # Cyrillic small qa
    "x": "хχ",  # Cyrillic ha; Greek chi is close enough for a decoder
    "z": "ᴢз",  # Latin letter small capital z (a script-mixing tokenizer's favourite); ze
    "a": "аα",  # Cyrillic a, Greek alpha
    "b": "Ь",
    "c": "сϲ",  # Cyrillic es, Greek lunate sigma
    "d": "ԁ",
    "e": "е",
    "h": "һ",
    "i": "іι",
    "j": "ј",
    "k": "κ",
    "o": "оο",
    "p": "рρ",
    "s": "ѕ",
    "u": "υ",
    "v": "ν",
    "w": "ԝ",
    "y": "у",
}

# What a model appends to a name it treats as a word: an English possessive, a German
# genitive or plural, a compound.
SUFFIXES = ("'s", "’s", "s", "es", "en", "-Sprecher", "-led")


@functools.lru_cache(maxsize=64)
def _token(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(prefixes)})[a-z]+(?![^\W\d_])")


def _prefixes(known: Mapping[str, tuple[Entry, str]] | None) -> tuple[str, ...]:
    """The placeholder prefix of a sentence whose keys are ``known``, else every one."""
    return tuple(sorted({key[:2] for key in known})) if known else PLACEHOLDER_PREFIXES


_WORD_GAP = re.compile(r"(?<=\S) (?=\S)")


# --- an inner engine ------------------------------------------------------------------------

# Enough of the seeds' frequent words that an output reads as English around the names;
# everything else is copied, as a model copies what it cannot translate.
SMALL_DICTIONARY: Mapping[str, str] = MappingProxyType({
    "der": "the", "die": "the", "das": "the", "den": "the", "dem": "the", "des": "of the",
    "und": "and", "oder": "or", "in": "in", "im": "in the", "mit": "with", "von": "of",
    "vom": "from the", "auf": "on", "an": "at", "am": "on", "für": "for", "nach": "after",
    "zu": "to", "zum": "to the", "bei": "at", "aus": "from", "über": "about", "gegen": "against",
    "hat": "has", "haben": "have", "ist": "is", "sind": "are", "war": "was", "wird": "will",
    "werden": "will", "sagte": "said", "habe": "had", "sei": "was", "nicht": "not",
    "ein": "a", "eine": "a", "einen": "a", "einer": "a", "sich": "itself", "es": "it",
    "er": "he", "sie": "she", "wir": "we", "auch": "also", "noch": "still", "dass": "that",
    "traf": "met", "Präsident": "President", "Präsidenten": "President", "Sprecher": "spokesman",
    "Chef": "chief", "Krieg": "war", "Gespräche": "talks", "Waffenruhe": "ceasefire",
    "Angriffe": "attacks", "russische": "Russian", "russischen": "Russian",
    "ukrainische": "Ukrainian", "ukrainischen": "Ukrainian", "Montag": "Monday",
    "Dienstag": "Tuesday", "Mittwoch": "Wednesday", "Donnerstag": "Thursday",
    "Freitag": "Friday", "Samstag": "Saturday", "Sonntag": "Sunday", "Berater": "adviser",
    "Regierung": "government", "Delegation": "delegation", "Verhandlungen": "negotiations",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


class DictionaryEngine:
    """Translates word by word with :data:`SMALL_DICTIONARY` and copies every other word,
    placeholders included: the inner engine of the tests."""

    def __init__(self, dictionary: Mapping[str, str] = SMALL_DICTIONARY) -> None:
        self.dictionary = dictionary

    @property
    def info(self) -> EngineInfo:
        return EngineInfo("dictionary", "small test dictionary")

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        out = [_WORD.sub(lambda m: self.dictionary.get(m.group(), m.group()), s) for s in sentences]
        if progress is not None:
            progress(len(sentences))
        return out


# --- the corruptions ------------------------------------------------------------------------


def placeholder_spans(
    text: str, prefixes: tuple[str, ...] = PLACEHOLDER_PREFIXES
) -> list[tuple[int, int]]:
    """Where ``text`` has a placeholder as :func:`~dolmetsch.glossary.protect` writes them."""
    return [m.span() for m in _token(prefixes).finditer(text)]


def _case(token: str, rng: random.Random) -> str:
    options = [token.upper(), token.lower(), token[:-1] + token[-1].upper(), token.swapcase()]
    return rng.choice([o for o in options if o != token])


def _split(token: str, rng: random.Random) -> str:
    prefix, letters = token[:2], token[2:]
    return rng.choice(
        [
            f"{prefix} {letters}",
            f"{prefix[0]} {prefix[1]}{letters}",
            f"{prefix}-{letters}",
            f"{prefix[0]}-{prefix[1]}{letters}",
            f"{prefix[0]} {prefix[1]} {letters}",
        ]
    )


def _transliterate(token: str, rng: random.Random) -> str:
    positions = [i for i, c in enumerate(token) if c in LOOKALIKES]
    chosen = set(rng.sample(positions, rng.randint(1, len(positions))))
    return "".join(rng.choice(LOOKALIKES[c]) if i in chosen else c for i, c in enumerate(token))


# Spellings of the default glossary's entries that it does not list, as news and models
# write them; enforcement recognises them (glossary/variants.py) unless it is strict.
UNLISTED: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Volodymyr Zelensky": ("Selenskyi", "Zelenskyj", "Selensky"),
        "Kyiv": ("Kyjiw",),
        "Yuri Ushakov": ("Ushakow",),
        "Zaporizhzhia": ("Saporoschschje",),
    }
)


def own_spellings(
    entry: Entry, unlisted: Mapping[str, tuple[str, ...]] = UNLISTED, source: str = "de"
) -> tuple[str, ...]:
    """The spellings a model writes for ``entry`` on its own: the source language's and
    forbidden ones (``Selenskyj``, ``Zelenskyy``, ``Kiev``) and a few the glossary does
    not list (``unlisted``, by target), or the canonical form when it has none of them.
    From another source than German (a projected ``entry``), also the other languages'
    (``Zelenskyy`` from Russian) and, about one in four, forms in Latin letters of what the
    model read (``Zelenskogo``, ``Putinym``, ``Kieve``; see
    :func:`~dolmetsch.glossary.pairs.output_forms`)."""
    wrong = list(unlisted.get(entry.target, ()))
    listed = [name for _, names in entry.elsewhere for name in names]
    for variant in (*entry.forbidden, *entry.variants, *listed):
        context, name = split_context(variant)
        if not context and name not in entry.renderings:
            wrong.append(name)
    if source != "de":
        latin = [f for f in output_forms(entry, source) if f.isascii() and " " not in f]
        n = max(1, len(wrong) // 3)
        wrong += latin[:: max(1, len(latin) // n)][:n]
    return tuple(wrong) or (entry.target,)


def _own(
    token: str,
    rng: random.Random,
    known: Mapping[str, tuple[Entry, str]],
    unlisted: Mapping[str, tuple[str, ...]],
    source: str,
) -> str:
    if token not in known:
        return token  # the engine does not know the name: it copies the token
    entry, form = known[token]
    spelling = rng.choice(own_spellings(entry, unlisted, source))
    return possessive(spelling) if form == "genitive" else spelling


@dataclass
class _Output:
    """An engine output as text pieces and placeholders, in order (``tokens[i]`` precedes
    ``texts[i + 1]``), so that corruptions can move and join placeholders."""

    texts: list[str]
    tokens: list[str]

    @classmethod
    def parse(cls, text: str, prefixes: tuple[str, ...] = PLACEHOLDER_PREFIXES) -> _Output:
        texts, tokens, pos = [], [], 0
        for a, b in placeholder_spans(text, prefixes):
            texts.append(text[pos:a])
            tokens.append(text[a:b])
            pos = b
        texts.append(text[pos:])
        return cls(texts, tokens)

    def join(self) -> str:
        out = [self.texts[0]]
        for token, text in zip(self.tokens, self.texts[1:], strict=True):
            out += [token, text]
        return "".join(out)

    def remove(self, i: int) -> str:
        """Take placeholder ``i`` out with one space next to it; returns the token."""
        token = self.tokens.pop(i)
        left, right = self.texts[i], self.texts.pop(i + 1)
        if left.endswith(" ") and (not right or right[0] in " .,;:!?"):
            left = left[:-1]
        elif right.startswith(" "):
            right = right[1:]
        self.texts[i] = left + right
        return token

    def insert(self, token: str, rng: random.Random) -> None:
        """Put ``token`` between two words, at the start or at the end, chosen by ``rng``."""
        spots: list[tuple[int, int]] = [(0, -1), (len(self.texts) - 1, -2)]
        for k, text in enumerate(self.texts):
            spots += [
                (k, m.start()) for m in _WORD_GAP.finditer(text) if not _in_name(text, m.start())
            ]
        k, at = rng.choice(spots)
        text = self.texts[k]
        if at == -1:  # the start
            pieces = ["", " " + text]
        elif at == -2:  # the end, before closing punctuation
            stripped = text.rstrip('.!?…:;"“”»«„ ')
            pieces = [stripped + " ", text[len(stripped) :]]
        else:  # ``at`` is the space between two words
            pieces = [text[: at + 1], " " + text[at + 1 :]]
        self.texts[k : k + 1] = pieces
        self.tokens.insert(k, token)

    def merge(self, i: int, rng: random.Random) -> None:
        """Join placeholder ``i + 1`` to placeholder ``i`` (``ZqaZqb`` or ``Zqab``).

        Neighbours with no word between them merge in place, the text between them gone;
        others are pulled together, the words between them kept.
        """
        first, second = self.tokens[i], self.tokens[i + 1]
        between, after = self.texts[i + 1], self.texts[i + 2]
        self.tokens[i : i + 2] = [first + rng.choice([second, second[2:]])]
        if not _WORD.search(between):
            joined = after
        elif between.endswith(" ") and (not after or after[0] in " .,;:!?"):
            joined = between[:-1] + after
        elif after.startswith(" "):
            joined = between + after[1:]
        else:
            joined = between + after
        self.texts[i + 1 : i + 3] = [joined]


def _in_name(text: str, gap: int) -> bool:
    """Whether the space at ``gap`` lies between two capitalised words (``Wladimir Putin``):
    a model moves a name to a clause's edge, never into another name."""
    before = text.rfind(" ", 0, gap) + 1
    return text[before : before + 1].isupper() and text[gap + 1 : gap + 2].isupper()


def corrupt(
    text: str,
    kind: Corruption,
    rng: random.Random,
    known: Mapping[str, tuple[Entry, str]] | None = None,
    unlisted: Mapping[str, tuple[str, ...]] = UNLISTED,
    source: str = "de",
) -> str:
    """``text`` (an engine output with placeholders) as a model might have written it.

    Kinds that change a placeholder (case, split, transliterate, inflect, own) change every
    one; the others (drop, duplicate, move, merge) act once per sentence.  ``known`` maps a
    placeholder to its entry and form, for ``own``: a model writes the name it reads from
    the context, which the placeholder hides from this engine; ``unlisted`` are spellings
    it may write that the glossary does not list (:data:`UNLISTED` are German ones: pass
    ``{}`` for another source language, whose glossary does not recognise them); ``source``
    is the language of the glossary the entries come from (:func:`own_spellings`).  With
    ``known``, only its keys' prefix is read as a placeholder: another prefix may be a word
    of the sentence.
    """
    out = _Output.parse(text, _prefixes(known))
    n = len(out.tokens)
    if n == 0:
        return text
    if kind in ("case", "split", "transliterate", "inflect", "own"):
        for i, token in enumerate(out.tokens):
            out.tokens[i] = _change(token, kind, rng, known or {}, unlisted, source)
    elif kind == "drop":
        out.remove(rng.randrange(n))
    elif kind == "duplicate":
        i = rng.randrange(n)
        if rng.random() < 0.5:
            out.texts.insert(i + 1, " ")
            out.tokens.insert(i + 1, out.tokens[i])
        else:
            out.insert(out.tokens[i], rng)
    elif kind == "move":
        out.insert(out.remove(rng.randrange(n)), rng)
    elif kind == "merge" and n >= 2:
        out.merge(rng.randrange(n - 1), rng)
    return out.join()


def _change(
    token: str,
    kind: Corruption,
    rng: random.Random,
    known: Mapping[str, tuple[Entry, str]],
    unlisted: Mapping[str, tuple[str, ...]],
    source: str = "de",
) -> str:
    if kind == "case":
        return _case(token, rng)
    if kind == "split":
        return _split(token, rng)
    if kind == "transliterate":
        return _transliterate(token, rng)
    if kind == "inflect":
        return token + rng.choice(SUFFIXES)
    if kind == "own":
        return _own(token, rng, known, unlisted, source)
    raise ValueError(f"not a placeholder corruption: {kind}")


def corrupt_mixed(
    text: str,
    rng: random.Random,
    mix: Mapping[Corruption | None, float] = REALISTIC_MIX,
    known: Mapping[str, tuple[Entry, str]] | None = None,
    unlisted: Mapping[str, tuple[str, ...]] = UNLISTED,
    source: str = "de",
) -> str:
    """``text`` with each placeholder corrupted by a kind drawn from ``mix`` (None: copied).

    Placeholder kinds apply to the one placeholder; the sentence kinds (drop, duplicate,
    move, merge) to it as well, one after another from the right, so that positions hold.
    """
    kinds, weights = zip(*mix.items(), strict=True)
    out = _Output.parse(text, _prefixes(known))
    drawn: list[Corruption | None] = [rng.choices(kinds, weights)[0] for _ in out.tokens]
    moved: list[str] = []
    # Right to left: each step changes only the placeholders at and after its own.
    for i in range(len(out.tokens) - 1, -1, -1):
        kind = drawn[i]
        if kind in ("case", "split", "transliterate", "inflect", "own"):
            out.tokens[i] = _change(out.tokens[i], kind, rng, known or {}, unlisted, source)
        elif kind == "drop":
            out.remove(i)
        elif kind == "duplicate":
            out.texts.insert(i + 1, " ")
            out.tokens.insert(i + 1, out.tokens[i])
        elif kind == "move":
            moved.append(out.remove(i))
        elif kind == "merge" and i + 1 < len(out.tokens):
            out.merge(i, rng)
    for token in moved:
        out.insert(token, rng)
    return out.join()


Plan = Corruption | Literal["mix"]
PLANS: tuple[Plan, ...] = (*CORRUPTIONS, "mix")


class HostileEngine:
    """Wraps ``inner`` and corrupts the placeholders of its output as ``plan`` says: one
    kind of :data:`CORRUPTIONS`, or ``"mix"`` (:data:`REALISTIC_MIX`).

    Deterministic: a sentence is corrupted with a generator seeded by ``seed`` and its text,
    whatever the batch.  :meth:`learn` tells it the entries behind a protected
    sentence's placeholders (for ``own``, which writes names, not placeholders).
    """

    def __init__(
        self,
        inner: Engine,
        plan: Plan,
        seed: int = 0,
        unlisted: Mapping[str, tuple[str, ...]] = UNLISTED,
    ) -> None:
        if plan not in PLANS:
            raise ValueError(f"unknown corruption {plan!r}; use one of: {', '.join(PLANS)}")
        self.inner = inner
        self.plan = plan
        self.seed = seed
        self.unlisted = unlisted
        self.known: dict[str, dict[str, tuple[Entry, str]]] = {}
        self.sources: dict[str, str] = {}  # the source language of each learnt sentence

    @property
    def info(self) -> EngineInfo:
        inner = self.inner.info
        return EngineInfo(f"hostile-{self.plan}", inner.describe(), f"seed {self.seed}")

    def learn(self, protected: Iterable[Protected]) -> None:
        for p in protected:
            self.known[p.text] = {t.key: (t.match.entry, t.match.form) for t in p.terms}
            self.sources[p.text] = p.glossary.pair[0]

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        outputs = self.inner.translate(sentences, progress)
        result: list[str] = []
        for source, output in zip(sentences, outputs, strict=True):
            rng = random.Random(f"{self.seed}/{source}")
            known = self.known.get(source)
            lang = self.sources.get(source, "de")
            if self.plan == "mix":
                result.append(
                    corrupt_mixed(output, rng, known=known, unlisted=self.unlisted, source=lang)
                )
            else:
                result.append(corrupt(output, self.plan, rng, known, self.unlisted, lang))
        return result


# --- scoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """How the enforced English of some sentences renders their glossary occurrences.

    ``canonical``: occurrences whose canonical form is there (``glossary.term_accuracy``'s
    hits); ``extra``: renderings beyond the German's occurrences (a repeated name);
    ``wrong``: German, forbidden or unlisted (``Selenskyi``) spellings left; ``left``:
    placeholders left;
    ``malformed``: a rendering with a doubled or glued ending (``Putin's's``).
    ``repaired`` and ``failed`` are enforcement's own counts; ``same`` counts sentences
    identical to the enforced output of the same engine without corruption.
    """

    sentences: int = 0
    occurrences: int = 0
    canonical: int = 0
    extra: int = 0
    wrong: int = 0
    left: int = 0
    malformed: int = 0
    repaired: int = 0
    failed: int = 0
    same: int = 0

    @property
    def accuracy(self) -> float:
        return self.canonical / self.occurrences if self.occurrences else 1.0

    @property
    def errors(self) -> int:
        return (
            self.occurrences - self.canonical + self.extra + self.wrong + self.left + self.malformed
        )

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))


def _fields(score: Score) -> tuple[int, ...]:
    return (
        score.sentences, score.occurrences, score.canonical, score.extra, score.wrong,
        score.left, score.malformed, score.repaired, score.failed, score.same,
    )  # fmt: skip


_FOLDED_TOKEN = re.compile(
    r"(?<!\w)[ZXQzxqΖᏃΧХԚԛхχᴢЗз][\s-]?[qxzQXZԛхχᴢԚЗз][\s-]?"
    r"[a-zA-Z\u0370-\u03ff\u0400-\u052fᴢ]*(?!\w)"
)


def _renderings(entry: Entry) -> re.Pattern[str]:
    forms = sorted(entry.renderings, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)")


_MALFORMED = re.compile(r"['’]s?['’]")  # "Putin's's", "Putin''"


def score(german: str, restored: Restored, glossary: Glossary, clean: str | None = None) -> Score:
    """One sentence: the German, its enforced English, and (optionally) the enforced English
    of the same engine without corruption."""
    english = restored.text
    accuracy = term_accuracy([(german, english)], glossary)
    wanted = Counter(m.entry for m in find_matches(german, glossary))
    extra = malformed = 0
    for entry, count in wanted.items():
        found = list(_renderings(entry).finditer(english))
        extra += max(0, len(found) - count)
        malformed += sum(1 for m in found if _MALFORMED.match(english, m.end()))
    # A spelling the glossary recognises but does not list (Selenskyi) is as wrong in
    # English as a forbidden one; term_accuracy counts the listed ones.
    unlisted = sum(1 for m in recognise(english, glossary).matches if m.spelling.unlisted)
    counts = restored.counts
    return Score(
        1,
        accuracy.occurrences,
        accuracy.hits,
        extra,
        accuracy.forbidden_left + unlisted,
        len(_FOLDED_TOKEN.findall(english)),
        malformed,
        counts.repaired,
        counts.failed,
        int(clean is not None and english == clean),
    )


def total(scores: Iterable[Score]) -> Score:
    return sum(scores, Score())


def article_sentences(folder: Path) -> list[str]:
    """Every translatable sentence of the ``*.txt`` articles in ``folder`` (German), in
    order, repeats kept: what the hostile measurements run over (the seeds)."""
    from .aligned import translatable_texts
    from .document import parse_document

    return [
        text
        for path in sorted(folder.glob("*.txt"))
        for text in translatable_texts(parse_document(path.name, path.read_text("utf-8")))
    ]
