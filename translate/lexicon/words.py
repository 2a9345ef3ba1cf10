"""Word look-up and compounds: the English of one German word, as the store knows it.

A word is found as it is, in its Swiss ``ss`` spelling, as its lemma (keeping its number
and tense: "Angriffen" -> "attacks"), in its other capitalisation, with its article ("das
Ausland"), as a declined adjective or genitive noun the lemma table lacks, as a nominalised
adjective, as a place adjective in "-er" ("Londoner" -> "London"), and finally split as a
compound (``compound.split_compound``; each modifier in the English the dictionary's own
compounds give it).  Everything here is about one word; the sentence (context, order,
function words) is the engine's.  Every answer is cached, the caches bounded.
"""

from __future__ import annotations

import re

from . import names
from .compound import MIN_SPLIT_LENGTH, modifier_english, news_frequency, split_compound
from .english import (
    IRREGULAR_PAST,
    ing_form,
    not_verb,
    plural_already,
    regular_past,
    regular_plural,
    superlative,
)
from .english import adverb as adverb_of
from .rules import AUXILIARIES
from .sources import COMBINING_FORM
from .store import CACHE_LIMIT, Sense, Store

_ONLY_COMBINING = frozenset([COMBINING_FORM])

# A German present participle used as an adjective: "enttäuschende", "überraschenden".
PRESENT_PARTICIPLE = re.compile(r"^[a-zäöüß]{3,}end(e[nmrs]?)?$")
# Endings of German place, street and family names: an unknown "Rottenburg", "Gerberstraße"
# or "Krautmann" is a name to keep, not a compound to translate ("ret castle").
_NAME_SUFFIXES = (
    "burg", "berg", "dorf", "heim", "hausen", "ingen", "stein", "bach", "feld", "mann",
    "straße", "strasse", "gasse", "platz", "allee",
)  # fmt: skip
# Endings a declined adjective or a genitive noun adds to the form the dictionary lists.
ADJECTIVE_ENDINGS = ("en", "em", "es", "e")
_GENITIVE_ENDINGS = ("es", "s")
# German superlatives not formed from their positive's stem.
_IRREGULAR_SUPERLATIVE = {"best": "gut"}
# Every ending of a declined adjective, longest first: "größeren" is "größer" + "en".
_DECLENSION_ENDINGS = ("en", "em", "er", "es", "e")
_KEY_ARTICLES = ("der", "die", "das")
_MIN_ADJECTIVE_COMPOUND = 9
# Dictionary compounds read per modifier (``compound.modifier_english``): enough to see a
# shared English, few enough to keep the look-up cheap.
_MODIFIER_ENTRIES = 150
# A nominalised adjective's endings after its "-e" form ("Verdächtigen", "Verdächtiger").
_NOMINALISED_ENDINGS = ("en", "er", "em", "es")
# Inflected forms that may borrow their lemma's learned evidence (``_plural_of_lemma``); pasts
# ("past") measured -0.02 chrF on newstest2017.
_BACKOFF_TAGS = frozenset(["pl"])


class Words:
    """The store's answers about single German words (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._words: dict[tuple[str, bool], str | None] = {}
        self._compounds: dict[str, str | None] = {}
        self._modifiers: dict[str, str] = {}
        self._resolved: dict[str, tuple[str, str] | None] = {}
        self._verbs: dict[str, bool] = {}  # ``is_verb``'s answers
        self._adjectives: dict[str, bool] = {}  # ``is_adjective``'s answers
        self._lemmas: dict[str, tuple[str, str]] = {}  # ``lemma_tag``'s answers

    def has(self, key: str) -> bool:
        return self.store.sense(key) is not None

    def is_verb(self, word: str) -> bool:
        # cached: word order and the rules ask about most words of a sentence, often twice
        try:
            return self._verbs[word]
        except KeyError:
            pass
        found = self._is_verb(word)
        if len(self._verbs) > CACHE_LIMIT:
            self._verbs.clear()
        self._verbs[word] = found
        return found

    def _is_verb(self, word: str) -> bool:
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
        return self.lemma_tag(word)[0]

    def lemma_tag(self, word: str) -> tuple[str, str]:
        """The lemma of ``word`` (itself if unknown) and its tag: "pl", "past" or ""."""
        try:
            return self._lemmas[word]  # (the rules ask for most words' lemmas many times)
        except KeyError:
            pass
        found = self.store.lemma_tag(word)
        if found is None and word[:1].isupper():
            found = self.store.lemma_tag(word.lower())
        if len(self._lemmas) > CACHE_LIMIT:
            self._lemmas.clear()
        self._lemmas[word] = found = found or (word, "")
        return found

    def is_adjective(self, word: str) -> bool:
        try:
            return self._adjectives[word]
        except KeyError:
            pass
        found = self._is_adjective(word)
        if len(self._adjectives) > CACHE_LIMIT:
            self._adjectives.clear()
        self._adjectives[word] = found
        return found

    def _is_adjective(self, word: str) -> bool:
        sense = self.store.sense(word)
        if sense is None:
            lemma = self.lemma(word)
            sense = self.store.sense(lemma) if lemma != word else None
        return (
            sense is not None
            and sense.pos0 in ("ADJ", "ADV")
            and "ADJ" in sense.poss
            and "V" not in sense.poss
        )

    def is_past(self, word: str) -> bool:
        return self.lemma_tag(word)[1] == "past"

    def inflect(self, english: str, tag: str, german: str = "") -> str:
        """English plural ("pl") or past ("past") of a dictionary sense.

        Ding's own forms first ("child" -> "children", "come" -> "came"), else the regular
        rule.  A plural inflects the head noun ("prisoner of war" -> "prisoners of war"), a
        past the first verb ("be killed" -> "were killed", by the German verb's number).
        """
        whole = self.store.inflection(english, tag)
        if whole is not None:
            return whole
        words = english.split()
        if not words:
            return english
        if tag == "past":
            first = words[0]
            negated = not_verb(english)
            if negated is not None:
                return f"did not {negated}"  # "not to specify" -> "did not specify"
            if first == "be":
                past = "were" if german.endswith("n") else "was"
            else:
                past = (
                    self.store.inflection(first, "past")
                    or IRREGULAR_PAST.get(first)
                    or regular_past(first)
                )
            return " ".join([past, *words[1:]])
        head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
        noun = words[head]
        if plural_already(noun):
            return english  # Ding's sense of a plural key: "inhabitants", not "inhabitantses"
        words[head] = self.store.inflection(noun, "pl") or regular_plural(noun)
        return " ".join(words)

    def sense(self, key: str, participle: bool) -> str | None:
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
            if len(self._words) > CACHE_LIMIT:  # memory stays flat on any corpus
                self._words.clear()
            self._words[cache_key] = found
        return found

    def resolve(self, word: str) -> tuple[str, str] | None:
        """The store key a word is looked up under, with its lemma tag ("pl", "past", "");
        None when only a compound split (or nothing) would know it."""
        # Swiss spelling has no ß: "aussenpolitischer" is "außenpolitischer".
        variants = [word, word.replace("ss", "ß")] if "ss" in word else [word]
        for variant in variants:
            sense = self.store.sense(variant)
            if sense is not None and not self._form_of_a_word(variant, sense):
                return (
                    self._plural_of_lemma(variant)
                    or self._superlative_key(variant)
                    or (variant, "")
                )
        # The lemma before the other capitalisation: "neuen" is "neu", not "Neue".
        for variant in variants:
            lemma, tag = self.lemma_tag(variant)
            if lemma != variant and self.store.sense(lemma) is not None:
                comparative = self._declined_comparative(variant, lemma)
                if comparative is not None:
                    return comparative, ""
                if PRESENT_PARTICIPLE.match(variant) and lemma.endswith("n"):
                    tag = "ing"  # "enttäuschende" (lemma "enttäuschen") -> "disappointing"
                elif not tag and weak_past(variant, lemma):
                    tag = "past"  # "erzielte" (lemma "erzielen"): Ding lists no past
                elif not tag and self._superlative(variant, lemma):
                    tag = "sup"  # "höchsten" (lemma "hoch") -> "highest"
                return lemma, tag
        for variant in variants:
            swapped = (
                variant.lower() if variant[:1].isupper() else variant[:1].upper() + variant[1:]
            )
            if self.store.sense(swapped) is not None:
                return swapped, ""
        return self._with_article(word) or self.inflected_stem(word)

    def _form_of_a_word(self, word: str, sense: Sense) -> bool:
        """Whether a key that is only a combining form ("Kriegs…") stands, as a whole
        word, for a form of another key: the genitive "Kriegs" of "Krieg"."""
        if sense.poss != _ONLY_COMBINING:
            return False
        lemma = self.lemma(word)
        return lemma != word and self.store.sense(lemma) is not None

    def _declined_comparative(self, word: str, lemma: str) -> str | None:
        """The comparative key of a declined comparative: "größere" -> "größer" ("bigger"),
        not its lemma "groß" ("large"), whose English would lose the comparison."""
        if not word[:1].islower():
            return None
        for ending in _DECLENSION_ENDINGS:
            if word.endswith(ending):
                stem = word[: -len(ending)]
                if (
                    stem.endswith("er")
                    and stem != lemma
                    and self.store.sense(stem) is not None
                    and self.lemma(stem) == lemma
                ):
                    return stem
                return None
        return None

    def _superlative_key(self, word: str) -> tuple[str, str] | None:
        """A superlative Ding lists as its own key with no superlative English ("größte"
        -> "most", "höchste" -> "top") is its lemma's superlative: ("groß", "sup")."""
        lemma = self.lemma(word)
        sense = self.store.sense(word)
        if lemma == word or sense is None or not self._superlative(word, lemma):
            return None
        if sense.en.endswith("est") or sense.en.startswith("most "):
            return None
        return lemma, "sup"

    def _superlative(self, word: str, lemma: str) -> bool:
        """Whether a lower-case word is a declined superlative of the adjective ``lemma``:
        "größten" (groß), "höchste" (hoch), "neuesten" (neu), "besten" (gut)."""
        if not word[:1].islower():
            return False
        ending = next((e for e in _DECLENSION_ENDINGS if word.endswith(e)), "")
        stem = word[: len(word) - len(ending)]
        if not ending or stem == lemma:
            return False
        plain = _unumlaut(lemma)
        bases = [stem[:-2]] if stem.endswith("st") else []
        bases += [stem[:-3]] if stem.endswith("est") else []
        bases += [stem[:-1]] if stem.endswith("ßt") else []  # "größt": the ß holds the s
        if (
            not any(_unumlaut(b) == plain for b in bases)
            and _IRREGULAR_SUPERLATIVE.get(stem) != lemma
        ):
            return False
        sense = self.store.sense(lemma)
        return sense is not None and "ADJ" in sense.poss and "V" not in sense.poss

    def _with_article(self, word: str) -> tuple[str, str] | None:
        """A noun Ding lists only with its article ("das Ausland", "der Einzelhandel")."""
        if not word[:1].isupper():
            return None
        for article in _KEY_ARTICLES:
            key = f"{article} {word}"
            if self.store.sense(key) is not None:
                return key, ""
        return None

    def _plural_of_lemma(self, form: str) -> tuple[str, str] | None:
        """A plural that Ding lists as its own key ("Tore") is looked up under its lemma
        ("Tor", then made plural) when the news text taught more about the lemma: the
        plural's own few sentences chose "gates", the lemma's "goal"."""
        lemma, tag = self.lemma_tag(form)
        if tag not in _BACKOFF_TAGS or lemma == form or self.store.sense(lemma) is None:
            return None
        if self.store.learned_count(lemma) <= self.store.learned_count(form):
            return None
        return lemma, tag

    def inflected_stem(self, word: str) -> tuple[str, str] | None:
        """A declined adjective or a genitive noun the lemma table lacks: "beliebten" ->
        "beliebt", "Kongresses" -> "Kongress" (each only when the stem is that part of
        speech, so no verb or name is cut short)."""
        if len(word) < 6:
            return None
        endings: tuple[str, ...]
        if word[:1].islower():
            endings, wanted = ADJECTIVE_ENDINGS, "ADJ"
        else:
            endings, wanted = _GENITIVE_ENDINGS, "N"
        for ending in endings:
            if word.endswith(ending):
                stem = word[: -len(ending)]
                sense = self.store.sense(stem)
                if sense is not None and wanted in sense.poss:
                    return stem, ""
        if wanted == "N":
            return self._nominalised(word)
        return None

    def _nominalised(self, word: str) -> tuple[str, str] | None:
        """An adjective used as a noun in a form the lemma table lacks: "Verdächtigen" ->
        "verdächtig" via "Verdächtige", "Geflüchtete" via "Geflüchteter" (adjectives only:
        "Geflüchtete" are not "fled")."""
        if word.endswith(_NOMINALISED_ENDINGS):
            forms = [word[:-1]]
        elif word.endswith("e"):
            forms = [word + "r"]
        else:
            return None
        for form in forms:
            lemma, _ = self.lemma_tag(form)
            sense = self.store.sense(lemma) if lemma != form else None
            if sense is not None and "ADJ" in sense.poss and "V" not in sense.poss:
                return lemma, ""
        return None

    def _lookup(self, word: str, participle: bool, compounds: bool) -> str | None:
        place = names.exonym(word)
        if place is not None:
            return place  # before the dictionary: Ding has "Elfenbeinküste" as "Ivorian"
        found = self.resolved(word)
        if found is not None and self._english_for_genitive(word, found[0]):
            found = None
        if found is not None:
            key, tag = found
            sense = self.store.sense(key)
            if sense is None:  # resolve() found it: unreachable
                return None
            english = sense.en_pp if participle else sense.en
            # Found through its lemma, the English keeps the form's number and tense:
            # "Angriffen" -> "attacks".
            if tag == "pl" and "N" in sense.pos3 and not participle:
                return self.inflect(english, "pl")
            if tag == "past" and "V" in sense.poss and not participle:
                return self.inflect(english, "past", word)
            if tag == "ing" and "V" in sense.poss:
                return ing_form(english)
            if tag == "sup":
                # the adjective's sense, not its adverb: "schnellsten" -> "fastest"
                senses = adjectival([e for e, _ in self.store.ranked(key, False)])
                return superlative(senses[0] if senses else english)
            return english
        if compounds and word[:1].isupper() and word.endswith("er") and len(word) > 5:
            place = self._demonym(word)
            if place is not None:
                return place
        if compounds and len(word) >= MIN_SPLIT_LENGTH and (word[:1].isupper() or "-" in word):
            return self.compound(word)
        if compounds and len(word) >= _MIN_ADJECTIVE_COMPOUND and word.isalpha():
            return self._sentence_adverb(word) or self._adjective_compound(word)
        return None

    def _english_for_genitive(self, word: str, key: str) -> bool:
        """Whether a capitalised word read as a noun's genitive ("Wickes": "Wicke") is an
        English name instead: wordfreq knows it in English, never in German ("Trainers" is
        German too).  Only whole words: as a compound's part "Stadt|rats" is German."""
        return (
            word[:1].isupper()
            and key in (word[:-1], word[:-2])
            and word.endswith("s")
            and self.lemma(word) == word  # no plural the lemma table knows: "Teams"
            and self.store.usage(word)[1] < names.UNSEEN_ZIPF
            and names.english_in_german(*self.store.usage(word))
        )

    def _demonym(self, word: str) -> str | None:
        """A place's adjective in "-er" is the place in English: "Londoner Polizei" ->
        "London police", "Münchner" -> "Munich" (München), "Freiburger" -> "Freiburg"."""
        stem = word[:-2]
        # "Londoner", "Tübinger" (Tübingen), "Münchner" (München)
        for place in (stem, stem + "en", stem[:-1] + "en" if stem.endswith("n") else stem):
            found = self.resolve(place)
            english = self.lookup(place, compounds=False) if found is not None else None
            if english is not None and english[:1].isupper() and " " not in english:
                return english
        # (names de2en knows are not enough: "Hooker" is no place "Hook")
        return None

    def _sentence_adverb(self, word: str) -> str | None:
        """An adjective + "-erweise" is its adverb: "typischerweise" -> "typically"."""
        if not word.endswith("erweise"):
            return None
        sense = self.store.sense(word[: -len("erweise")])
        if sense is None or "ADJ" not in sense.poss or " " in sense.en:
            return None
        return adverb_of(sense.en)

    def _adjective_compound(self, word: str) -> str | None:
        """A compound adjective: a noun or an adjective before an adjective the dictionary
        knows ("rechtsterroristische" -> "right terrorist", "staatskritischen" -> "state
        critical"); verbs are not split ("beitragen" is no "bei|tragen")."""
        if word in self._compounds:
            return self._compounds[word]
        keys = split_compound(word, self._adjective_part, self.frequency)
        result = None
        if keys:
            english = [self.sense(k, False) or k for k in keys]
            head = self._head_form(word, keys[-1])
            if head is not None:  # the head's form: "weltgrößte" -> "world largest"
                english[-1] = head
            result = " ".join(english)
        if len(self._compounds) > CACHE_LIMIT:
            self._compounds.clear()
        self._compounds[word] = result
        return result

    def _head_form(self, word: str, key: str) -> str | None:
        """The English of a compound adjective's head in its own form when that form says
        more than the key: a superlative or a comparative ("-größte" -> "largest")."""
        for start in range(1, len(word) - 2):
            part = word[start:].lower()
            found = self.resolved(part)
            if found is not None and found[1] == "sup" and found[0] == key:
                return self.lookup(part, compounds=False)
        return None

    def _adjective_part(self, part: str, head: bool) -> str | None:
        if head:
            found = self.resolve(part.lower())
            key = found[0] if found else None
        else:
            key = self._known_key(part, False)
        sense = self.store.sense(key) if key else None
        if sense is None or "V" in sense.poss:
            return None
        if head:
            return key if sense.pos0 == "ADJ" else None
        return key if sense.pos0 in ("N", "ADJ") else None

    def known_part(self, part: str, head: bool) -> str | None:
        key = self._known_key(part, head)
        if head and key is not None:
            # The head of a compound noun is a noun: not "Ziegel|man" -> "brick one".
            sense = self.store.sense(key)
            if sense is None or "N" not in sense.poss:
                return None
        return key

    def _known_key(self, part: str, head: bool) -> str | None:
        capitalised = part[:1].upper() + part[1:]
        lemma = self.lemma(capitalised)
        if not head and lemma != capitalised and lemma[:1].isupper() and self.has(lemma):
            # a modifier is singular in English: "Drohnen-" -> "drone"; a verb is no
            # modifier's lemma ("Haus-" is not "hausen", "Handels-" not "handeln")
            return lemma
        for key in (capitalised, part.lower()):
            if self.has(key):
                return key
        if head and lemma != capitalised and self.has(lemma):
            return lemma
        return None

    def frequency(self, key: str) -> float:
        sense = self.store.sense(key)
        if sense is None:
            return 0.0
        if sense.fde or "ß" not in key:
            return sense.fde
        # wordfreq folds ß to "ss", so the store has no frequency for any ß spelling
        # ("Maßnahme", "Straße"): estimate it from the news sentences that have the key.
        sentences = int(self.store.meta.get("learned_sentences") or 0)
        return news_frequency(self.store.learned_count(key), sentences)

    def _modifier(self, key: str) -> str:
        """A compound modifier's English: the one the dictionary's compounds with it share
        ("Militär-" -> "military", "Not-" -> "emergency"), else the key's own sense."""
        found = self._modifiers.get(key)
        if found is None:
            # An adjective modifier ("hoch") opens capitalised compounds ("Hochhaus").
            prefix = key[:1].upper() + key[1:]
            shared = modifier_english(
                prefix, self.store.firsts_starting(prefix, _MODIFIER_ENTRIES), self.store.is_key
            )
            found = shared or self.sense(key, False) or key
            if len(self._modifiers) > CACHE_LIMIT:
                self._modifiers.clear()
            self._modifiers[key] = found
        return found

    def compound(self, word: str) -> str | None:
        """English for a compound word from its parts, or None if it does not split."""
        if word in self._compounds:
            return self._compounds[word]
        result = None
        if names.hyphenated_street(word):
            result = None  # kept as it is
        elif "-" in word:
            parts = [p for p in word.split("-") if p]
            result = " ".join(self.lookup(p) or p for p in parts)
        elif not word.lower().endswith(_NAME_SUFFIXES) and not names.english_in_german(
            *self.store.usage(word)
        ):
            keys = split_compound(word, self.known_part, self.frequency)
            if keys:
                english = [self._modifier(k) for k in keys[:-1]]
                head = keys[-1]
                # An inflected head is longer than its key ("angriffen" for "Angriff").
                start = word.lower().rfind(head.lower()[:-1], 1)
                tail = word[start:] if start > 0 else word[len(word) - len(head) :]
                # The head keeps the compound's inflection, and the noun's capital letter
                # ("angriffe" alone would read as a verb form).
                tail = head[:1] + tail[1:]
                same = tail.lower() == head.lower() or self.lemma(tail) == head
                surface = tail if same else head
                english.append(
                    self.lookup(surface, compounds=False) or self.sense(head, False) or head
                )
                result = " ".join(english)
        if len(self._compounds) > CACHE_LIMIT:
            self._compounds.clear()
        self._compounds[word] = result
        return result

    def resolved(self, word: str) -> tuple[str, str] | None:
        try:
            return self._resolved[word]
        except KeyError:
            pass
        found = self.resolve(word)
        if len(self._resolved) > CACHE_LIMIT:
            self._resolved.clear()
        self._resolved[word] = found
        return found

    def key(self, word: str) -> str | None:
        """The store key of ``word`` (``resolve``), cached."""
        found = self.resolved(word)
        return found[0] if found is not None else None


def weak_past(form: str, lemma: str) -> bool:
    """Whether ``form`` is the simple past of the weak verb ``lemma``: "erzielte",
    "erzielten" of "erzielen"."""
    if not form[:1].islower() or not lemma.endswith("en"):
        return False
    stem = lemma[:-2]
    return form in (stem + "te", stem + "ten", stem + "ete", stem + "eten")


def adjectival(senses: list[str]) -> list[str]:
    """The senses that are no adverb of another sense, in their order: "rarely" goes when
    "rare" is among them, "friendly" stays."""
    adverbs = {adverb_of(e) for e in senses if adverb_of(e) != e}
    return [e for e in senses if e not in adverbs]


def _unumlaut(word: str) -> str:
    return word.replace("ä", "a").replace("ö", "o").replace("ü", "u")
