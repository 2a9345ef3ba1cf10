"""Evidence that a capitalised German word is a person's or a place's name, not a noun.

German capitalises every noun, so a capital letter alone says little; these rules look at
one sentence only (a translation never depends on the rest of its batch):

- a word after a first name is a surname, even when it is also a German word: "Ulrike
  Kunde" is no "customer", "Udo Lang" no "long";
- a capitalised word mid-sentence whose only dictionary readings are lower case
  (adjectives, adverbs) is a name: German nominalises an adjective only with an ending
  after an article ("das Gute"), so "sagte Lustig" or "sagt Langer" name a person.

The functions are pure: the engine passes what its dictionary knows as booleans.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)  # asked of most tokens several times: 120,000 times in 3,000 sentences
def is_capitalised_word(token: str) -> bool:
    """A word with a capital first letter and lower case after it ("Langer", "Hans-Peter";
    not "CDU", nor "Tag-" of "Tag- und Nachtschicht")."""
    return (
        len(token) > 1
        and token[:1].isupper()
        and all(len(p) > 1 and p[1:].islower() for p in token.split("-"))
    )


def after_first_name(previous: str, hyphenated_name: bool, previous_known: bool) -> bool:
    """Whether a capitalised word after ``previous`` is a surname: ``previous`` is a
    capitalised word the dictionary does not translate (most first names: "Udo", "Heike";
    de2en's name list also holds words such as "Art") or a hyphenated first name."""
    if not is_capitalised_word(previous) or previous.lower() in _NOT_BEFORE_FIRST_NAME:
        return False  # "El Toro"
    return hyphenated_name or not previous_known


# Titles a surname follows: "Herr Schiff", "Frau Kunde", "Mr Hunt", "Dr. Wolf" (the
# tokenizer keeps "Dr." one token).
TITLES = frozenset("Herr Herrn Frau Mr Mrs Ms Dr Prof Mr. Mrs. Ms. Dr. Prof.".split())


def after_title(before: list[str], determined: bool) -> bool:
    """Whether the words ``before`` a capitalised word (the nearest last) make it a surname:
    a title ("Herr Schiff", "Mr. Hunt") or a first name's initial ("Adam B. Schiff").
    ``determined`` says an article or adjective stands before the title: then "Frau" is a
    noun ("einer alten Frau Geld geben")."""
    if not before:
        return False
    if before[-1] == "." and len(before) >= 2:
        title = before[-2]
        # an initial: one capital letter after a capitalised first name
        return (
            len(title) == 1
            and title.isupper()
            and len(before) >= 3
            and is_capitalised_word(before[-3])
        )
    return before[-1] in TITLES and not determined


# Endings of German abstract nouns ("Energie", "Hoffnung", "Freiheit"), which are no
# surnames: "Frau Energie" is no "Ms Energie".
_ABSTRACT_ENDINGS = (
    "ie",
    "ung",
    "heit",
    "keit",
    "schaft",
    "ion",
    "tät",
    "ik",
    "enz",
    "anz",
    "ismus",
    "nis",
)


def abstract_noun(word: str) -> bool:
    """Whether a capitalised word has the ending of a German abstract noun."""
    return word.lower().endswith(_ABSTRACT_ENDINGS)


# Articles fused with a preposition: "im Quarbel Verlag" names a firm, not a person.
_FUSED_ARTICLES = frozenset("im am zum zur vom beim ins ans aufs".split())
# What stands before a company's or a title's name rather than a person's.
_NOT_BEFORE_FIRST_NAME = _FUSED_ARTICLES | frozenset(
    "der die das dem den des ein eine einen einem einer eines of the de del da von el la le".split()
)
_QUOTES = frozenset(['"', "„", "“", "”", "»", "«", "'"])


def opens_name(before: str, before_is_name: bool) -> bool:
    """Whether the word before a first name lets it open a person's name: no article (a
    person is "Udo Lustig", a firm "der Quarbel Verlag"), no quote (a title), and no name
    before it (then the first name is a surname: "Andy Warhol Gemälde"); a title is no
    such name ("Dr. Anna Richter")."""
    if before in TITLES:
        return True
    return not (before.lower() in _NOT_BEFORE_FIRST_NAME or before in _QUOTES or before_is_name)


# Surnames that are German words are short, plain words ("Keller", "Lustig", "Koch");
# a long word after a name is a noun of its own ("Anna hat Bronchitis").
MAX_SURNAME_WORD = 10


def surname_like(token: str, key: str) -> bool:
    """Whether a word the dictionary knows under ``key`` can still be a surname: the key is
    the word itself ("Keller") or a lower-case adjective it inflects ("Langer": "lang"),
    not a declined noun ("Gipfels": "Gipfel"), and the word is short."""
    return len(token) <= MAX_SURNAME_WORD and (key == token or key[:1].islower())


# Words before a nominalised adjective ("im Allgemeinen", "etwas Neues", "Jung und Alt").
_BEFORE_NOMINALISED = _FUSED_ARTICLES | frozenset(
    "der die das dem den des ein eine einen einem einer eines kein keine keinen keinem "
    "keiner etwas nichts viel wenig alles und oder sowie auf in mit für von zu aus bei "
    "nach über unter vor seit als wie".split()
)


def adjective_as_name(
    token: str, adjective: str, previous: str, following: str, noun_after: bool
) -> bool:
    """Whether a capitalised ``token`` mid-sentence, whose only dictionary reading is the
    lower-case ``adjective`` (or adverb), is a name: "sagt Langer", "Trainer Langer",
    "erklärte Lustig".  German nominalises an adjective with an ending after an article
    or a quantifier ("das Gute", "etwas Neues"); the bare form, or "-er" with no such word
    before it, is a surname.  ``previous`` is the word before (not a clause boundary);
    ``noun_after`` says the word after is a German noun (then ``token`` is its adjective)."""
    if not is_capitalised_word(token) or token.lower() not in (adjective, adjective + "er"):
        return False
    if following.lower() in ("und", "oder", "&"):
        return False  # "Jung und Alt", "Groß und Klein"
    if noun_after:
        return False  # an adjective before its noun: "Langer Atem"
    return previous.lower() not in _BEFORE_NOMINALISED


def place_genitive(place: str, before: str, before_is_noun: bool, noun_follows: bool) -> str | None:
    """English for a place's genitive with no article ("Deutschlands"), from the place's
    English ``place`` ("Germany"): before its noun it is the English possessive
    ("Deutschlands größter Hafen" -> "Germany's biggest port"), after a noun an "of"
    phrase ("die Hauptstadt Deutschlands" -> "the capital of Germany"); None when an
    article stands before it ("des neuen Deutschlands") or neither applies."""
    if before.lower() in _BEFORE_NOMINALISED - {"und", "oder", "sowie"}:
        return None
    if noun_follows:
        return place + "'s"
    if before_is_noun:
        return "of " + place
    return None


# A capitalised word English uses at least this often (wordfreq Zipf), and at least as
# often as German does, is an English word or a name: "Aniston", "Downtown", "Software".
MIN_ENGLISH_ZIPF = 1.5


def english_in_german(english_zipf: float, german_zipf: float) -> bool:
    """Whether a capitalised word the dictionary lacks is English (or an English-speaking
    name) rather than a German compound, from its wordfreq Zipf frequencies: split as a
    compound, "Aniston" would read "Anus|Ton"."""
    return english_zipf >= MIN_ENGLISH_ZIPF and english_zipf >= german_zipf


# The last part of a street's or a square's name: "Anna-Seghers-Straße", "Birkenweg".
STREET_WORDS = ("straße", "strasse", "weg", "gasse", "allee", "platz")


def hyphenated_street(word: str) -> bool:
    """Whether a hyphenated word names a street or square after a person, kept as it is
    (English news writes "Anna-Seghers-Straße", not "Anna Seghers road")."""
    parts = word.split("-")
    return (
        len(parts) >= 3
        and parts[-1].lower() in STREET_WORDS
        and all(p[:1].isupper() for p in parts)
    )


# A Zipf frequency below this is a word wordfreq has (nearly) never seen in a language.
UNSEEN_ZIPF = 1.0


# Particles of surnames: German ones ("von", "zu") are also prepositions, the others are
# no German words ("ter Stegen", "van Gaal", "de Maizière").
_GERMAN_PARTICLES = frozenset(["von", "zu"])
_FOREIGN_PARTICLES = frozenset("van ter ten de da di del dos du".split())
# What may follow the first particle: "von der Leyen", "van den Berg", "de la Cruz".
_INNER_PARTICLES = frozenset("der den van de la le dem".split())


def name_particle(word: str, inner: bool = False) -> bool:
    """Whether ``word`` opens a surname ("von", "ter", "van") or, ``inner``, continues
    its particle ("der" of "von der Leyen")."""
    if inner:
        return word in _INNER_PARTICLES
    return word in _GERMAN_PARTICLES or word in _FOREIGN_PARTICLES


def capitalised_particle(word: str) -> bool:
    """Whether ``word`` is a foreign surname particle written with a capital ("Ter",
    "Van", "De"), no German word ("Da", "Du" are German)."""
    return word[:1].isupper() and word.lower() in _CAPITALISED_PARTICLES


_CAPITALISED_PARTICLES = _FOREIGN_PARTICLES - {"da", "du"}


def german_particle(word: str) -> bool:
    """Whether a surname's particle is also a German preposition ("von", "zu")."""
    return word in _GERMAN_PARTICLES


# German names of places the dictionary does not have, which English news writes in its
# own form ("Tiflis" is "Tbilisi"; checked against a list of German exonyms of capitals,
# countries and regions: the rest Ding knows).  Only whole words the store lacks: a
# compound split would read "Gazastreifen" as "Gaza stripe", "Elfenbeinküste" as "Ivorian".
EXONYMS = {
    "Tiflis": "Tbilisi", "Neu-Delhi": "New Delhi", "Danzig": "Gdansk", "Breslau": "Wroclaw",
    "Wilna": "Vilnius", "Lemberg": "Lviv", "Riad": "Riyadh", "Maskat": "Muscat",
    "Bengasi": "Benghazi", "Falludscha": "Fallujah", "Mossul": "Mosul", "Rakka": "Raqqa",
    "Peschawar": "Peshawar", "Bangladesch": "Bangladesh", "Bosnien": "Bosnia",
    "Herzegowina": "Herzegovina", "Birma": "Burma", "Pennsylvanien": "Pennsylvania",
    "Gazastreifen": "Gaza Strip", "Elfenbeinküste": "Ivory Coast",
    "Golanhöhen": "Golan Heights", "Antarktis": "Antarctica",
}  # fmt: skip


def exonym(word: str) -> str | None:
    """English for a German place name the dictionary lacks ("Tiflis" -> "Tbilisi")."""
    return EXONYMS.get(word)
