"""The lexicon engine: dictionary look-up plus rules, German to English, fully offline.

Per sentence: tokenize, rearrange clauses into English order (``grammar``), then translate
token by token: numbers, dates and ordinals by rule; contiguous phrases by longest match;
function words from the hand-written table with a few context rules; content words from
the store's pre-ranked senses, via the word itself, its Swiss ``ss`` spelling, its lemma,
its other capitalisation, and finally its compound parts.  Words nothing knows (mostly
names) pass through unchanged.

``mode="baseline"`` is the word-by-word reference the quality benchmark compares against:
Ding's first sense of each token (or of its other capitalisation), no lemmas, no rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from dolmetsch.engine import EngineInfo, Progress

from .compound import MIN_SPLIT_LENGTH, split_compound
from .grammar import detokenize, reorder, tokenize
from .rules import (
    AUX_HAVE_BE,
    AUX_WERDEN,
    AUXILIARIES,
    CLAUSE_PUNCT,
    DAYS,
    FUNCTION_WORD_TABLE,
    MODALS,
    MONTHS,
    PASSIVE_WERDEN,
    QUOTES,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
    TIME_NOUNS,
    indefinite_article,
    ordinal,
)
from .store import Store, build_store, default_data_dir, store_path

Mode = Literal["full", "baseline"]
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_DECIMAL = re.compile(r"^\d+,\d+$")
_WORD_START = re.compile(r"^[A-Za-zÄÖÜäöüß]")
_PARTICIPLE_ENDINGS = ("t", "en")
_PROGRESS_EVERY = 64


class LexiconEngine:
    """Translate with the lexicon store; see the module docstring."""

    def __init__(self, store: Store, mode: Mode = "full") -> None:
        self.store = store
        self.mode = mode
        self._words: dict[tuple[str, bool], str | None] = {}
        self._compounds: dict[str, str | None] = {}

    @property
    def info(self) -> EngineInfo:
        if self.mode == "baseline":
            return EngineInfo("lexicon-baseline", "ding", self.store.version)
        return EngineInfo("lexicon", "ding+de2en", self.store.version)

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        """One English sentence per German one, in order."""
        one = self.translate_baseline if self.mode == "baseline" else self.translate_sentence
        out: list[str] = []
        for i, sentence in enumerate(sentences, 1):
            out.append(one(sentence))
            if progress is not None and i % _PROGRESS_EVERY == 0:
                progress(_PROGRESS_EVERY)
        if progress is not None and len(sentences) % _PROGRESS_EVERY:
            progress(len(sentences) % _PROGRESS_EVERY)
        return out

    # ------------------------------------------------------------------ the Lexicon protocol
    def has(self, key: str) -> bool:
        return self.store.sense(key) is not None

    def is_verb(self, word: str) -> bool:
        if word in AUXILIARIES:
            return True
        if not word[:1].islower():
            return False
        sense = self.store.sense(word)
        if sense is None:
            lemma = self.lemma(word)
            sense = self.store.sense(lemma) if lemma != word else None
        return sense is not None and "V" in sense.poss

    def is_noun(self, word: str) -> bool:
        sense = self.store.sense(word)
        return sense is not None and "N" in sense.pos3

    def lemma(self, word: str) -> str:
        found = self.store.lemma(word)
        if found is None and word[:1].isupper():
            found = self.store.lemma(word.lower())
        return found or word

    def is_participle(self, word: str) -> bool:
        return (
            word[:1].islower()
            and "ge" in word[:6]
            and word.endswith(_PARTICIPLE_ENDINGS)
            and self.is_verb(word)
        )

    # ------------------------------------------------------------------ words
    def _sense(self, key: str, participle: bool) -> str | None:
        sense = self.store.sense(key)
        if sense is None:
            return None
        return sense.en_pp if participle else sense.en

    def lookup(self, word: str, participle: bool = False, compounds: bool = True) -> str | None:
        """English for one German word, or None if nothing knows it."""
        cache_key = (word, participle)
        if compounds and cache_key in self._words:
            return self._words[cache_key]
        found = self._lookup(word, participle, compounds)
        if compounds:
            self._words[cache_key] = found
        return found

    def _lookup(self, word: str, participle: bool, compounds: bool) -> str | None:
        # Swiss spelling has no ß: "aussenpolitischer" is "außenpolitischer".
        variants = [word, word.replace("ss", "ß")] if "ss" in word else [word]
        for variant in variants:
            found = self._sense(variant, participle)
            if found is not None:
                return found
        # The lemma before the other capitalisation: "neuen" is "neu", not "Neue".
        for variant in variants:
            lemma = self.lemma(variant)
            if lemma != variant:
                found = self._sense(lemma, participle)
                if found is not None:
                    return found
        for variant in variants:
            swapped = (
                variant.lower() if variant[:1].isupper() else variant[:1].upper() + variant[1:]
            )
            found = self._sense(swapped, participle)
            if found is not None:
                return found
        if compounds and len(word) >= MIN_SPLIT_LENGTH and (word[:1].isupper() or "-" in word):
            return self.compound(word)
        return None

    def _known_part(self, part: str, head: bool) -> str | None:
        capitalised = part[:1].upper() + part[1:]
        lemma = self.lemma(capitalised)
        if not head and lemma != capitalised and self.has(lemma):
            return lemma  # a modifier is singular in English: "Drohnen-" -> "drone"
        for key in (capitalised, part.lower()):
            if self.has(key):
                return key
        if head and lemma != capitalised and self.has(lemma):
            return lemma
        return None

    def _frequency(self, key: str) -> float:
        sense = self.store.sense(key)
        return sense.fde if sense else 0.0

    def compound(self, word: str) -> str | None:
        """English for a compound word from its parts, or None if it does not split."""
        if word in self._compounds:
            return self._compounds[word]
        result = None
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            result = " ".join(self.lookup(p) or p for p in parts)
        else:
            keys = split_compound(word, self._known_part, self._frequency)
            if keys:
                english = [self._sense(k, False) or k for k in keys[:-1]]
                head = keys[-1]
                tail = word[len(word) - len(head) :]
                # The head keeps the compound's inflection, and the noun's capital letter
                # ("angriffe" alone would read as a verb form).
                tail = head[:1] + tail[1:]
                surface = tail if tail.lower() == head.lower() else head
                english.append(
                    self.lookup(surface, compounds=False) or self._sense(head, False) or head
                )
                result = " ".join(english)
        self._compounds[word] = result
        return result

    # ------------------------------------------------------------------ sentences
    def translate_baseline(self, sentence: str) -> str:
        """Word by word, Ding's first sense, no reordering: the benchmark's reference."""
        out = []
        for token in tokenize(sentence):
            sense = self.store.sense(token)
            if sense is None and _WORD_START.match(token):
                swapped = token.lower() if token[:1].isupper() else token[:1].upper() + token[1:]
                sense = self.store.sense(swapped)
            out.append(sense.first if sense else token)
        return detokenize(out)

    def translate_sentence(self, sentence: str) -> str:
        """One German sentence in English."""
        tokens = reorder(tokenize(sentence), self)
        out = _articles(self._translate_tokens(tokens))
        text = detokenize(out)
        return text[:1].upper() + text[1:]

    def _translate_tokens(self, tokens: list[str]) -> list[str]:
        out: list[str] = []
        n = len(tokens)
        i = 0
        prev_aux: str | None = None
        after_phrase = False
        while i < n:
            token = tokens[i]
            previous = tokens[i - 1] if i > 0 else ""
            nxt = tokens[i + 1] if i + 1 < n else ""
            was_phrase, after_phrase = after_phrase, False
            # Numbers, dates and ordinals: "5. Februar" -> "5 February", "19." -> "19th".
            if token.isdigit() and nxt == "." and i + 2 < n:
                after = tokens[i + 2]
                if after in MONTHS:
                    out += [token, MONTHS[after]]
                    i += 3
                    continue
                if len(token) <= 3 and after not in QUOTES:
                    out.append(ordinal(int(token)))
                    i += 2
                    continue
            if _THOUSANDS.match(token):
                out.append(token.replace(".", ","))
                i += 1
                continue
            if _DECIMAL.match(token):
                out.append(token.replace(",", "."))
                i += 1
                continue
            phrase = self._phrase(tokens, i)
            if phrase is not None:
                english, size = phrase
                out.append(english)
                i += size
                after_phrase = True
                continue
            if " " in token:  # a separable verb or idiom joined by reorder()
                found = self._sense(token, False) or self.lookup(token.split()[0])
                out.append(found or token)
                i += 1
                continue
            lower = token.lower()
            if lower == "am" and (nxt.isdigit() or nxt in DAYS):
                out.append("on")
                i += 1
                continue
            if lower in RELATIVE_PRONOUNS and token[:1].islower() and previous == ",":
                human = lower in ("der", "die") and self.is_verb(nxt)
                out.append("who" if human else "which")
                i += 1
                continue
            if not was_phrase and self._genitive_article(tokens, i):
                out.append("of the" if token in ("des", "der") else "of a")
                i += 1
                continue
            clause_start = i == 0 or previous in CLAUSE_PUNCT
            if clause_start and token[:1].isupper():
                if lower in FUNCTION_WORD_TABLE:
                    token = lower
                else:
                    sense = self.store.sense(lower)
                    if sense is not None and sense.pos0 in ("ADJ", "ADV", "V", "P", ""):
                        token = lower
            special = self._context_rule(tokens, i, lower)
            if special is not None:
                english, size = special
                out.append(english)
                i += size
                continue
            if token in FUNCTION_WORD_TABLE or (
                token[:1].islower() and lower in FUNCTION_WORD_TABLE
            ):
                english = self._function_word(token, lower, tokens, i)
                if english:
                    out.append(english)
                prev_aux = lower if lower in AUXILIARIES else None
                i += 1
                continue
            if token in MONTHS:
                out.append(MONTHS[token])
            elif token in DAYS:
                out.append(DAYS[token])
            elif not _WORD_START.match(token) or (token[:1].isupper() and self._is_name(tokens, i)):
                out.append(token)
            else:
                participle = prev_aux in AUX_HAVE_BE or prev_aux in AUX_WERDEN
                out.append(self.lookup(token, participle=participle) or token)
                prev_aux = None
            i += 1
        return out

    def _is_name(self, tokens: list[str], i: int) -> bool:
        """A name passes through: de2en knows it as one, or it stands beside one."""
        token = tokens[i]
        if self.store.is_name(token):
            return True
        if self.has(token):
            return False
        neighbours = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        return any(w[:1].isupper() and self.store.is_name(w) for w in neighbours)

    def _context_rule(self, tokens: list[str], i: int, lower: str) -> tuple[str, int] | None:
        """A function word whose English depends on its neighbours: (English, tokens used)."""
        n = len(tokens)
        previous = tokens[i - 1].lower() if i > 0 else ""
        nxt = tokens[i + 1] if i + 1 < n else ""
        if lower == "als" and (previous in ("mehr", "weniger") or self._comparative(previous)):
            return "than", 1
        if lower == "vor" and i + 2 < n and tokens[i + 2] in TIME_NOUNS:
            amount = self._translate_tokens([nxt, tokens[i + 2]])
            return " ".join([*amount, "ago"]), 3
        if lower == "vor" and nxt in ("kurzem", "Kurzem"):
            return "recently", 2
        if lower == "von" and i > 0 and self.is_participle(tokens[i - 1]):
            return "by", 1
        if lower in ("sein", "haben") and (
            previous in MODALS
            or previous in ("zu", "werden", "wird", "würde", "würden")
            or not nxt
            or nxt in CLAUSE_PUNCT
        ):
            return ("be" if lower == "sein" else "have"), 1
        if lower in ("das", "dies") and (i == 0 or previous in CLAUSE_PUNCT) and self.is_verb(nxt):
            return ("that" if lower == "das" else "this"), 1
        if tokens[i].isdigit() and nxt == "-" and i + 2 < n and tokens[i + 2].startswith("jährig"):
            return f"{tokens[i]}-year-old", 3
        return None

    def _comparative(self, word: str) -> bool:
        """Whether a lower-case word is a comparative adjective or adverb: "größer", "früher"."""
        if not word.endswith("er") or len(word) < 4:
            return False
        lemma = self.lemma(word)
        if lemma == word:
            return False
        sense = self.store.sense(lemma)
        return sense is not None and bool(sense.poss & {"ADJ", "ADV"})

    def _phrase(self, tokens: list[str], i: int) -> tuple[str, int] | None:
        """The longest contiguous dictionary phrase at ``i``: (English, length) or None."""
        longest = min(self.store.phrase_length(tokens[i].lower()), len(tokens) - i)
        for size in range(longest, 1, -1):
            lower = " ".join(tokens[i : i + size]).lower()
            key = self.store.phrase(lower)
            if key is not None:
                english = FUNCTION_WORD_TABLE.get(lower) or self._sense(key, False)
                if english:
                    return english, size
        return None

    def _genitive_article(self, tokens: list[str], i: int) -> bool:
        """Whether the article at ``i`` opens a genitive after a noun: "der Rat der Stadt"."""
        token = tokens[i]
        previous = tokens[i - 1] if i > 0 else ""
        if token == "des":
            return True
        if token not in ("der", "eines", "einer") or i < 2:
            return False
        if not previous[:1].isupper() or previous in FUNCTION_WORD_TABLE:
            return False
        if token in ("eines", "einer"):
            return True
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        return (
            previous not in MONTHS
            and not self.is_verb(previous)
            and bool(nxt)
            and nxt not in CLAUSE_PUNCT
        )

    def _function_word(self, token: str, lower: str, tokens: list[str], i: int) -> str:
        english = FUNCTION_WORD_TABLE.get(token, FUNCTION_WORD_TABLE.get(lower, ""))
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        previous = tokens[i - 1] if i > 0 else ""
        if lower in AUX_WERDEN:
            if self.is_verb(nxt) and self.is_participle(nxt):
                return PASSIVE_WERDEN[lower]
            if lower in ("wurde", "wurden") and not self.is_verb(nxt):
                return "became"
        if lower == "sie":
            if nxt in ("ist", "hat", "war", "hatte", "wird", "wurde", "sagte", "kann", "muss"):
                english = "she"
            if (
                i > 0
                and previous not in CLAUSE_PUNCT
                and not self.is_verb(previous)
                and previous.lower() not in SUBORDINATORS
            ):
                english = "them"
        return english


def _articles(words: list[str]) -> list[str]:
    """ "a" agrees with the sound of the next word: "an agreement"."""
    out = list(words)
    for i, word in enumerate(out[:-1]):
        if word in ("a", "an"):
            following = out[i + 1].split(" ", 1)[0]
            out[i] = indefinite_article(following)
        elif word.startswith(("a ", "an ")):
            head, rest = word.split(" ", 1)
            if head in ("a", "an"):
                out[i] = indefinite_article(rest) + " " + rest
    return out


def open_lexicon(
    data_dir: Path | None = None,
    *,
    build: bool = True,
    ding: Path | None = None,
    mode: Mode = "full",
    before_build: Callable[[Path], None] | None = None,
) -> LexiconEngine:
    """Open the lexicon engine, building its store first if ``build`` and it is missing.

    ``before_build(path)`` is called before a build starts (it takes about half a minute), so
    that a command line can say why the first run waits.  Raises ``LexiconError`` when the
    Ding file is not installed, or when the store is missing and ``build`` is false.
    """
    path = store_path(data_dir, ding)
    if not path.is_file() and build:
        if before_build is not None:
            before_build(path)
        path = build_store(data_dir or default_data_dir(), ding).path
    return LexiconEngine(Store(path), mode)
