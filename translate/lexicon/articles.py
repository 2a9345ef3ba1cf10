"""The German definite article where English has none.

German puts "der/die/das" (or a contraction: "im", "vom", "zum") before days, months, a
year named with "Jahr", generic plurals and mass nouns in their general sense; English
writes "on Thursday", "in May", "in 2016", "people want", "life is short".  Each rule is a
small named function of the sentence's tokens (in English word order) and an article's
index that answers which tokens lose their English: the article's "the" (``articles``)
and words whose English changes with it (``words``: "Jahr" in "des Jahres 2016" has none,
"of 2016"; "im vergangenen Jahr" is "last year").

Counted over the learning sets (news-test2008 ... newstest2016): after an article or a
contraction a day's name had no "the" in the reference 520 times to 58, a month 263 to 24,
"die Menschen"/"die Leute" ("people") 101 to 31.  The functions are pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .rules import DAYS, MONTHS

# Definite articles and the contractions of a preposition with one.
DEFINITE = frozenset("der die das dem den des".split())
CONTRACTIONS = frozenset("im am vom zum zur beim ins ans".split())
_DAY_NAMES = tuple(DAYS)
_YEAR_NOUNS = frozenset(["Jahr", "Jahre", "Jahres"])


@dataclass(frozen=True)
class Bare:
    """Token indices whose English article goes (``articles``) and tokens whose English
    is replaced with it (``words``, index -> English, "" for none)."""

    articles: frozenset[int]
    words: tuple[tuple[int, str], ...]

    @property
    def dropped(self) -> frozenset[int]:
        return frozenset(k for k, english in self.words if not english)


# A rule answers None (the article keeps its English) or the tokens whose English changes
# with it: {} when only "the" goes.
Rule = Callable[[Sequence[str], int], dict[int, str] | None]


def _article(token: str) -> bool:
    lower = token.lower()
    return lower in DEFINITE or lower in CONTRACTIONS


def _after(tokens: Sequence[str], i: int) -> str:
    return tokens[i + 1] if i + 1 < len(tokens) else ""


def day_or_month(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """A day or a month, or a time of a day, takes no article: "vom Donnerstag" -> "from
    Thursday", "im Juli" -> "in July", "am Freitagabend" -> "on Friday evening"."""
    following = _after(tokens, i)
    if following in MONTHS or following in DAYS:
        return {}
    if following.startswith(_DAY_NAMES) and following[1:].islower():
        return {}  # "Donnerstagabend", "Sonntagmorgen"
    return None


def named_year(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """A year named with "Jahr" is its number alone: "aus dem Jahr 2015" -> "from 2015",
    "des Jahres 2016" -> "of 2016" (so "Jahr" goes too)."""
    if _after(tokens, i) not in _YEAR_NOUNS or i + 2 >= len(tokens):
        return None
    number = tokens[i + 2]
    if len(number) == 4 and number.isdigit():
        return {i + 1: ""}
    return None


# "Menschen"/"Leute" after an article are mostly people in general: "die Leute wollen"
# -> "people want", "den Menschen helfen" -> "help people" (learning sets: 101 bare, 31
# with "the"); a genitive after them makes them definite: "die Menschen der Stadt".
_PEOPLE = frozenset(["Menschen", "Leute", "Leuten"])
# What makes a noun definite after it: a genitive, "von", a relative clause.
_DEFINING = frozenset(["der", "des", "von", "vom", ","])


def people(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """People in general take no article: "die Leute wollen" -> "people want"."""
    if tokens[i].lower() not in ("die", "den", "der") or _after(tokens, i) not in _PEOPLE:
        return None
    return None if _after(tokens, i + 1) in _DEFINING else {}


# Countries German names with an article whose English is the same word, so that the
# dictionary's English does not tell them from a loan word ("der Bundestag" keeps "the"):
# "mit dem Iran" -> "with Iran" (learning sets: 17 bare, 1 with "the").
_COUNTRIES_WITH_ARTICLE = frozenset(["Iran", "Irans", "Oman", "Omans", "Sudan", "Sudans"])


def country(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """A country German names with an article: "in den Iran" -> "to Iran"."""
    return {} if _after(tokens, i) in _COUNTRIES_WITH_ARTICLE else None


# Mass and abstract nouns English uses without an article in their general sense, each
# bare in the learning sets' references at least twice as often as with "the" (also any
# "-ismus": "der Terrorismus" -> "terrorism"); not "Wirtschaft" ("the economy"),
# "Zukunft" ("the future"), "Öffentlichkeit" ("the public").
_MASS_NOUNS = frozenset(
    "Leben Fußball Fernsehen Korruption Inflation Demokratie Politik Armut Gewalt "
    "Einwanderung Menschheit Natur Arbeitslosigkeit".split()
)
_COUNTABLE_ISMS = frozenset(["Organismus", "Mechanismus", "Organismen", "Mechanismen"])


# "die sozialen Medien" are "social media" (learning sets: no "the" in 8 of 8).
_SOCIAL = frozenset(["Medien", "Netzwerken", "Netzwerke"])


def social_media(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """ "in den sozialen Medien" -> "in social media"."""
    if _after(tokens, i) == "sozialen" and _after(tokens, i + 1) in _SOCIAL:
        return {}
    return None


# An office before its holder's name is a title in English, with no article: "der
# russische Präsident Wladimir Putin" -> "Russian President Vladimir Putin" (learning sets:
# 67 bare, 26 with "the").
_OFFICES = (
    "präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin",
    "bürgermeister", "bürgermeisterin", "senator", "senatorin", "gouverneur", "gouverneurin",
    "papst", "könig", "königin", "prinz", "prinzessin", "premier",
)  # fmt: skip
# with its case endings: "den US-Präsidenten", "des Kanzlers"
_OFFICE_FORMS = tuple(office + ending for office in _OFFICES for ending in ("", "en", "s"))
_DECLINED = ("e", "en", "er", "es", "em")


def _name_word(token: str) -> bool:
    return len(token) > 1 and token[:1].isupper() and token[1:].islower() and token.isalpha()


def _office_at(tokens: Sequence[str], k: int) -> bool:
    """Whether the token at ``k`` is an office before a first name and a surname."""
    office = tokens[k]
    if not office[:1].isupper() or not office.lower().endswith(_OFFICE_FORMS):
        return False
    return _name_word(_after(tokens, k)) and _name_word(_after(tokens, k + 1))


def is_office(token: str) -> bool:
    """Whether a word names an office a holder's name can follow ("Außenminister")."""
    return token[:1].isupper() and token.lower().endswith(_OFFICE_FORMS)


def offices_before_names(tokens: Sequence[str]) -> frozenset[int]:
    """The offices before a holder's name, which English writes as a title with capitals:
    "US-Präsident Barack Obama" -> "US President Barack Obama"."""
    return frozenset(k for k in range(len(tokens)) if _office_at(tokens, k))


_TITLE_LOWER = frozenset(["of", "the", "for", "and", "to", "in", "on"])


def title_case(english: str) -> str:
    """An office's English as a title: "foreign minister" -> "Foreign Minister",
    "minister of the interior" -> "Minister of the Interior"."""
    return " ".join(w if w in _TITLE_LOWER else w[:1].upper() + w[1:] for w in english.split(" "))


def office_before_name(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """An office before a first name and a surname: "der Präsident Barack Obama"."""
    k = i + 1
    while k < len(tokens) and k - i <= 2 and tokens[k][:1].islower():
        if not tokens[k].endswith(_DECLINED):
            return None
        k += 1  # "der russische Präsident"
    return {} if k < len(tokens) and _office_at(tokens, k) else None


# Places English names by what is done there, with no article after a preposition: "im
# Gefängnis" -> "in prison", "zur Schule" -> "to school", "im Amt" -> "in office" (learning
# sets: 50 bare, 3 with "the"; not "Krankenhaus", "Universität", mostly with "the").
_INSTITUTIONS = frozenset("Schule Gefängnis Arbeit Amt Haft".split())
_PREPOSITIONS = frozenset("in an auf aus bei nach von zu vor seit mit".split())


def institution(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """An institution after a preposition: "aus dem Gefängnis" -> "from prison"."""
    if _after(tokens, i) not in _INSTITUTIONS or _after(tokens, i + 1) in _DEFINING:
        return None
    contraction = tokens[i].lower() in CONTRACTIONS
    after_preposition = i > 0 and tokens[i - 1].lower() in _PREPOSITIONS
    return {} if contraction or after_preposition else None


def mass_noun(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """A mass or abstract noun in its general sense: "das Leben ist kurz" -> "life is
    short", "gegen den Terrorismus" -> "against terrorism"; a genitive or a relative
    clause after it makes it definite ("das Leben der Bienen")."""
    noun = _after(tokens, i)
    stem = noun[:-1] if noun.endswith("s") and not noun.endswith("us") else noun
    ism = noun.endswith("ismus") and noun not in _COUNTABLE_ISMS
    if not (stem in _MASS_NOUNS or ism):
        return None
    return None if _after(tokens, i + 1) in _DEFINING else {}


# "last year", "next week": English has no article and, after "im"/"am", no preposition
# before a period counted back or on from now ("im vergangenen Jahr" -> "last year", "des
# vergangenen Jahres" -> "of last year").
_LAST = {"letzten": "last", "vergangenen": "last", "vorigen": "last", "kommenden": "next",
         "nächsten": "next"}  # fmt: skip
_PERIODS = frozenset(
    "Jahr Jahres Woche Monat Monats Wochenende Wochenendes Saison Sommer Sommers Winter "
    "Winters Herbst Herbstes Frühjahr Frühjahrs".split()
)  # not "Jahrzehnt": "in the past decade"
_TIME_CONTRACTIONS = frozenset(["im", "am"])


def last_period(tokens: Sequence[str], i: int) -> dict[int, str] | None:
    """A period counted back or on: "im vergangenen Jahr" -> "last year"."""
    adjective = _after(tokens, i)
    if adjective not in _LAST or _after(tokens, i + 1) not in _PERIODS:
        return None
    words = {i + 1: _LAST[adjective]}
    if tokens[i].lower() in _TIME_CONTRACTIONS:
        words[i] = ""  # "in the" has no English before "last year"
    return words


RULES: tuple[Rule, ...] = (
    day_or_month,
    named_year,
    people,
    country,
    mass_noun,
    last_period,
    social_media,
    office_before_name,
    institution,
)


def bare_articles(tokens: Sequence[str]) -> Bare:
    """Which articles of a sentence (tokens in English order) English leaves out."""
    articles: set[int] = set()
    words: dict[int, str] = {}
    for i, token in enumerate(tokens):
        if not _article(token):
            continue
        for rule in RULES:
            found = rule(tokens, i)
            if found is not None:
                articles.add(i)
                words.update(found)
                break
    return Bare(frozenset(articles), tuple(sorted(words.items())))


def strip_the(english: str) -> str:
    """An article's or a contraction's English without its "the": "in the" -> "in"."""
    words = english.split(" ")
    if words and words[-1].lower() == "the":
        return " ".join(words[:-1])
    return english
