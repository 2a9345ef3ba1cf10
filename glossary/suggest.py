"""Suggesting glossary entries: the names in a corpus that the glossary does not cover yet.

Every glossary occurrence is found first, through every spelling a run would recognise
(listed ones, and unlisted ones: :func:`.variants.find_terms`), and reported under its
entry; so is a lone first name or surname of a covered person (``Friedrich`` when
``Friedrich Merz`` is listed).  Elsewhere a *candidate* is a run of capitalised words that
reads as a name (:class:`GermanWords` judges each word, :func:`_is_name` the run):

- a word no dictionary knows (``Leavitt``, ``Sybiha``, ``DVRK``), or one a dictionary gives
  a proper English for (``Russland`` -> "Russia", with the lexicon store's Ding senses);
- or after a title or descriptor (``Sprecherin``, ``Außenminister``, ``Onlinedienst``,
  ``Region``): ``Onlinedienst X``;
- or two name-like words together, a first name and a surname (``Friedrich Merz``).

A German common word is never one: function words, adjectives and verbs (simplemma's
lemma is lower-case), nouns whose English is lower-case in Ding (``Interview`` ->
"interview", ``Pause``, ``Land``), compounds of known words, months and weekdays, and a
word that begins a sentence and is known in lower case.  Spellings of one name are then
clustered by their transliteration key (:func:`.namekey.name_key`) and a small edit
distance; the English side of each pair, when given, proposes the target.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from .inflect import inflections
from .matching import find_matches
from .model import Entry, Glossary, split_context
from .namekey import cross_key, edit_distance, name_key, similar
from .romanise import SYSTEMS, romanise
from .variants import find_terms, is_german_word, variant_key

if TYPE_CHECKING:
    from dolmetsch.lexicon import LexiconEngine

__all__ = [
    "Corpus",
    "CrossSuggestion",
    "Dictionary",
    "GermanWords",
    "LexiconDictionary",
    "RunVariant",
    "Suggestion",
    "Verdict",
    "edit_distance",
    "load_corpus",
    "name_key",
    "run_variants",
    "similar",
    "suggest",
    "suggest_across",
]

Verdict = Literal["common", "maybe", "proper", "unknown"]
"""What a capitalised word is on its own: ``common`` an ordinary German word; ``maybe`` a
word that is also a name (first names, brands: ``Steve``, ``Facebook``, ``X``); ``proper``
a name by a dictionary; ``unknown`` known to no dictionary, the surest sign of a name."""

Judge = Callable[[str], Verdict]

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")

# Function words that start German sentences; capitalised there, and some are English too.
_FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einer einen einem eines in im am an auf aus bei mit "
    "nach von vor zu zum zur für über unter um bis seit als auch aber und oder doch so da "
    "dann wenn weil dass ob wie was wer wo er sie es wir ihr ich man sein seine dies diese "
    "dieser dabei darum zudem zuletzt laut nun noch schon".split()
)
# Capitalised in English too, so a dictionary's English does not set them apart.
_CALENDAR = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag".split()
)
# Titles and descriptors: the capitalised word right after one is a name ("Sprecherin
# Karoline Leavitt", "Onlinedienst X", "Region Sumy"), also as a compound's head
# ("Kremlsprecher", "US-Außenminister") and with a genitive -s ("des Fernsehsenders").
_ROLES = (
    "präsident präsidentin präsidenten sprecher sprecherin minister ministerin kanzler "
    "kanzlerin chef chefin berater beraterin gesandte gesandter gesandten botschafter "
    "botschafterin general generals kommandeur oberbefehlshaber machthaber vorsitzende "
    "vorsitzender vorsitzenden bürgermeister bürgermeisterin senator senatorin "
    "abgeordnete abgeordneter korrespondent korrespondentin reporter reporterin "
    "journalist journalistin moderator moderatorin autor autorin regisseur papst premier "
    "sender dienst agentur zeitung zeitschrift magazin blatt portal plattform netzwerk "
    "konzern unternehmen firma partei stiftung stadt hauptstadt region gebiet provinz "
    "oblast bezirk ortschaft dorf insel fluss hafen flughafen oberst major leutnant "
    "admiral lady sir lord mr mrs ms dr prof"
).split()
# English endings of demonyms, which Ding gives capitalised ("Russen" -> "Russians").
_DEMONYM_EN = ("an", "ans", "ese", "ite", "ites", "ish", "ch", "ons", "ss", "men", "women")
_DEMONYM_DE = ("er", "ern", "en", "e", "in", "innen")


class Dictionary(Protocol):
    """What a German-English dictionary says about a word."""

    def english(self, word: str) -> Sequence[str]:
        """Its first English senses (through its lemma), best first; empty if unknown."""
        ...

    def is_name(self, word: str) -> bool:
        """Whether it is known as a name (a first name, a brand)."""
        ...


class LexiconDictionary:
    """:class:`Dictionary` over the lexicon engine's store: Ding's senses, de2en's names."""

    def __init__(self, engine: LexiconEngine) -> None:
        self.engine = engine

    def english(self, word: str) -> Sequence[str]:
        found = self.engine.resolve(word)
        if found is None:
            return ()
        return tuple(c.en for c in self.engine.store.candidates(found[0])[:3])

    def is_name(self, word: str) -> bool:
        return self.engine.store.is_name(word)


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency  # imported on first use: loading it takes a while

    return float(zipf_frequency(word, lang))


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    import simplemma

    return bool(word) and bool(simplemma.is_known(word, lang="de", low_memory=True))


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    import simplemma

    # The memory-frugal backend, as for _known: mixing the two reloads a table per call.
    return str(simplemma.lemmatize(word, lang="de", low_memory=True)) if word else word


def _international(word: str) -> bool:
    """As frequent in English as in German: a name (``Steve``, ``Facebook``) or a loan
    word (``Interview``); a German word English rarely uses (``Kreml``) is neither."""
    de, en = _zipf(word.lower(), "de"), _zipf(word.lower(), "en")
    return en >= 2.5 and en >= de - 1.0


class GermanWords:
    """Judges capitalised German words (a :data:`Judge`): simplemma's German table and
    wordfreq, and a :class:`Dictionary` (the lexicon store) when there is one."""

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        self.dictionary = dictionary
        self._cache: dict[str, Verdict] = {}

    def __call__(self, word: str) -> Verdict:
        try:
            return self._cache[word]
        except KeyError:
            pass
        found = self._cache[word] = self._judge(word)
        return found

    def _judge(self, word: str) -> Verdict:
        lower = word.lower()
        if lower in _FUNCTION_WORDS or lower in _CALENDAR:
            return "common"
        if len(word) == 1 and word.isupper():
            return "maybe"  # a letter: "Onlinedienst X", or "Teil B"
        lemma = _lemma(word)
        if lemma[:1].islower():  # an adjective, verb or adverb: "Ukrainische", "Bislang"
            return "common"
        english = self.dictionary.english(word) if self.dictionary is not None else ()
        if english:
            if any(e[:1].islower() for e in english):  # "Interview" -> "interview"
                return "common"
            if english[0].endswith(_DEMONYM_EN) and lower.endswith(_DEMONYM_DE):
                return "common"  # "Amerikaner" -> "American"
            if self._common_head(word):
                return "common"  # "Verteidigungsministerium" -> "Ministry of Defence"
            return "proper"  # "Russland" -> "Russia"
        if word.isupper() and len(word) > 1:
            return "unknown"  # an acronym no dictionary knows: "DVRK", "SDA"
        if not is_german_word(word):
            if _international(word):
                return "unknown"
            if word.endswith("s") and len(word) > 4 and self._common_noun(word[:-1]):
                return "common"  # a genitive or a compound's first part: "Zustimmungs-"
            if word.endswith("in") and len(word) > 5 and self._common_noun(word[:-2]):
                return "common"  # a feminine form: "Katholikin"
            return "common" if self._noun_compound(word) else "unknown"
        if not _known(word) and not _known(lemma):
            # A compound of known words ("Abrüstungsforum"), unless English uses the whole
            # as much as German: a brand that splits by chance ("Tele|gram").
            return "unknown" if _international(word) else "common"
        if self.dictionary is not None and self.dictionary.is_name(word):
            return "maybe"
        return "maybe" if _international(word) else "common"

    def _noun_compound(self, word: str) -> bool:
        """Whether ``word`` is a known word, a linking ``s``, and a common noun of three
        letters or more: a compound too rare for the tables (``Vermarktungs|weg``).  The
        linking ``s`` keeps surnames made of words out (``Hoff|mann``, ``Bald|auf``)."""
        for i in range(4, len(word) - 2):
            if word[i - 1] == "s" and _known(word[: i - 1]) and self._common_noun(word[i:]):
                return True
        return False

    def _common_noun(self, word: str) -> bool:
        """Whether the dictionary gives ``word`` (capitalised) a lower-case English."""
        if self.dictionary is None:
            return False
        english = self.dictionary.english(word[0].upper() + word[1:])
        return bool(english) and english[0][:1].islower()

    def _common_head(self, word: str) -> bool:
        """Whether ``word`` ends in a common noun of six letters or more (the head of a
        compound: ``-ministerium``, ``-republik``)."""
        if self.dictionary is None:
            return False
        for i in range(3, len(word) - 5):  # "-land" of "Russland" is too short to tell
            head = word[i].upper() + word[i + 1 :]
            english = self.dictionary.english(head)
            if english and english[0][:1].islower():
                return True
        return False


_ROLE_END = re.compile(rf"(?:{'|'.join(_ROLES)})(?:s|es)?$")
_TITLE = re.compile(rf"(?:{'|'.join(_ROLES)})(?:s|en)?")


@lru_cache(maxsize=65536)
def _is_role(word: str) -> bool:
    """A title or descriptor, alone or as a compound's head (``Kremlsprecher``)."""
    return bool(_ROLE_END.search(word.lower()))


@lru_cache(maxsize=65536)
def _is_title(word: str) -> bool:
    """A title or descriptor itself (``Region``, ``General``), not a compound."""
    return bool(_TITLE.fullmatch(word.lower()))


def _initial_common(word: str) -> bool:
    """A sentence's first word that is an ordinary word in lower case: ``Fast``, ``Trilaterale``
    (``trilateral`` + ending)."""
    lower = word.lower()
    if _known(lower) or lower in _FUNCTION_WORDS:
        return True
    return any(
        lower.endswith(e) and len(lower) > len(e) + 2 and _known(lower[: -len(e)])
        for e in ("e", "en", "er", "es")
    )


def _is_name(run: Sequence[tuple[str, Verdict]], after_role: bool) -> bool:
    """Whether a run of capitalised, not common words is a name."""
    if after_role:
        return True
    if any(v == "proper" or (v == "unknown" and len(w) > 1) for w, v in run):
        return True
    # "Friedrich Merz", "Abu Dhabi": two name-like words together (letters do not count)
    return sum(len(w) > 1 for w, _ in run) >= 2


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[tuple[_Token, bool, bool]]:
    """Each word of ``text`` with whether it begins a sentence and whether only one space
    (no line break, no punctuation) separates it from the word before."""
    out: list[tuple[_Token, bool, bool]] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        word = m.group(0).rstrip("'’-")
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        initial = last_end < 0 or "\n" in gap or bool(_SENTENCE_END.search(gap))
        adjacent = last_end >= 0 and gap.isspace() and "\n" not in gap
        out.append((_Token(m.start(), m.start() + len(word), word), initial, adjacent))
        last_end = m.end()
    return out


def _candidates(
    text: str,
    covered: Sequence[tuple[int, int]],
    judge: Judge,
    people: frozenset[str] = frozenset(),
) -> list[str]:
    """The name candidates of ``text`` outside the ``covered`` spans, in order; a word whose
    transliteration key is in ``people`` (a covered person's first name or surname) is
    always a name, whatever else it may be (``Merz``, ``Friedrich``)."""
    found: list[str] = []
    run: list[tuple[str, Verdict]] = []
    run_after_role = False
    role = False  # the word before is a title or descriptor
    spans = sorted(covered)
    k = 0

    def flush() -> None:
        if run and _is_name(run, run_after_role):
            found.append(" ".join(w for w, _ in run))
        run.clear()

    for token, initial, adjacent in _tokens(text):
        while k < len(spans) and spans[k][1] <= token.start:
            k += 1
        if not adjacent:
            flush()
            role = False
        word = token.text
        if k < len(spans) and spans[k][0] < token.end:  # a glossary occurrence
            flush()
            role = _is_role(word)
            continue
        if not word[:1].isupper():
            flush()
            role = False
            continue
        parts = word.split("-")
        # A part glued to a digit is no name as it stands ("Selensky2"); an acronym is ("G7").
        verdicts: list[Verdict] = [
            judge(p) if p and (p.isupper() or not any(c.isdigit() for c in p)) else "common"
            for p in parts
        ]
        if len(parts) > 1 and verdicts[-1] == "maybe" and verdicts[0] != "maybe":
            verdicts[-1] = "common"  # a loan word's head: "US-Delegation", not "Jean-Claude"
        if len(parts) > 1 and "common" in verdicts:
            # "US-Präsident", "Telegram-Kanal": the name before a common head stands alone
            flush()
            lead = parts[: verdicts.index("common")]
            lead_verdicts = verdicts[: len(lead)]
            if lead and not (initial and _initial_common(lead[0])):
                run.extend([("-".join(lead), _strongest(lead_verdicts))])
                run_after_role = role
                flush()
            role = _is_role(word)
            continue
        verdict = _strongest(verdicts)
        if initial and verdict in ("maybe", "unknown") and _initial_common(word):
            verdict = "common"
        if _is_person_word(word, people):
            verdict = "unknown"
        if verdict == "common" and _surname(run, run_after_role, word, initial):
            verdict = "unknown"  # "Bundeskanzler Friedrich Merz", "Sicherheitsberater Mike Waltz"
        if verdict == "common" or _is_title(word):
            flush()  # a title is no part of the name after it: "Region Kursk", "Lady Olena"
            role = _is_role(word)
            continue
        if not run:
            run_after_role = role
        run.append((word, verdict))
        role = False
    flush()
    return found


def _surname(
    run: Sequence[tuple[str, Verdict]], after_role: bool, word: str, initial: bool
) -> bool:
    """Whether a common word is the surname after a title and a first name: the run is
    one name-like word after a title, and the word is uninflected (``Merz``, not the
    ``Beiträge`` of ``Onlinedienst X Beiträge``)."""
    return (
        after_role
        and len(run) == 1
        and run[0][1] == "maybe"
        and len(run[0][0]) > 2
        and not initial
        and not _is_title(word)
        and _lemma(word) == word
    )


def _is_person_word(word: str, people: frozenset[str]) -> bool:
    # Not a function word that a key happens to share: "Wann" is no "Van".
    lower = word.lower()
    if len(word) < 3 or lower in _FUNCTION_WORDS or lower in _CALENDAR:  # "Mai" is no "May"
        return False
    if _lemma(word)[:1].islower():
        return False
    return variant_key(word) in people or (word[-1] == "s" and variant_key(word[:-1]) in people)


_STRENGTH: dict[Verdict, int] = {"common": 0, "maybe": 1, "unknown": 2, "proper": 3}


def _strongest(verdicts: Sequence[Verdict]) -> Verdict:
    return max(verdicts, key=_STRENGTH.__getitem__)


@dataclass(frozen=True)
class Suggestion:
    """A cluster of spellings of one name.

    ``spellings`` are ``(spelling, count)`` pairs, most frequent first; ``target`` is the
    proposed English form (the entry's, if covered; else from the aligned English, else the
    most frequent spelling); ``covered_by`` is the glossary entry that covers it, if any.
    """

    target: str
    spellings: tuple[tuple[str, int], ...]
    covered_by: str | None

    @property
    def count(self) -> int:
        return sum(n for _, n in self.spellings)


def _alike(a: str, b: str) -> bool:
    """Similar, with the same ending: ``Selenski``, ``Selenskyj``, ``Zelensky`` are one
    name, ``Selenska`` (his wife) and ``Uschakowa`` (feminine) are others."""
    if (len(a) > 1 and a.isupper()) != (len(b) > 1 and b.isupper()):
        return False  # an acronym is no spelling of a word: "WM" is not "Wm"
    return similar(a, b) and name_key(a)[-2:] == name_key(b)[-2:]


def _same_name(a: str, b: str) -> bool:
    """Alike, or one is the surname of the other (``Selenski``, ``Wolodimir Selenski``)."""
    if _alike(a, b):
        return True
    wa, wb = a.split(), b.split()
    return (len(wa) == 1 < len(wb) and _alike(a, wb[-1])) or (
        len(wb) == 1 < len(wa) and _alike(b, wa[-1])
    )


def _fits(name: str, cluster: Sequence[str]) -> bool:
    """Whether ``name`` belongs in ``cluster``: the same name as one of its spellings, and no
    other first name than its full names have (``Anna Kuschnir`` is not ``Oleh Kushnir``,
    though both are ``Kushnir``)."""
    if not any(_same_name(name, other) for other in cluster):
        return False
    words = name.split()
    return all(
        similar(words[0], other.split()[0])
        for other in cluster
        if len(words) > 1 and len(other.split()) > 1
    )


def _strip_ending(name: str, known: Counter[str]) -> str:
    """``Trumps`` -> ``Trump``, ``Kiewer`` -> ``Kiew`` when the base is a candidate too."""
    for ending in ("s", "er"):
        if name.endswith(ending) and known[name[: -len(ending)]]:
            return name[: -len(ending)]
    return name


def _name_words(glossary: Glossary) -> dict[str, list[Entry]]:
    """Transliteration key of each word of each spelling -> the entries it belongs to; and
    each multi-word name's initials (``US`` of ``United States``) -> its entries."""
    words: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        names = {entry.target, *(split_context(n)[1] for n, _, _ in entry.source_forms())}
        keys: set[str] = set()
        for name in names:
            parts = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
            keys.update(variant_key(w) for w in parts if len(w) > 1)
            if len(parts) > 1:
                keys.add("".join(w[0] for w in parts))  # upper case: no key is
        for key in keys:
            words.setdefault(key, []).append(entry)
    return words


def _partial_cover(name: str, words: dict[str, list[Entry]], seen: Counter[Entry]) -> Entry | None:
    """The entry whose spellings have every word of ``name`` (``Friedrich`` or ``Merz`` of
    ``Friedrich Merz``), or whose initials ``name`` is (``US``): the one met most often in
    the corpus when several have."""
    if name.isupper() and name.isalpha():
        common = set(words.get(name, ()))
    else:
        common = set(words.get(variant_key(name.split()[0]), ()))
        for word in name.replace("-", " ").split()[1:]:
            common &= set(words.get(variant_key(word), ()))
    if not common:
        return None
    return max(common, key=lambda e: (seen[e], -len(e.target), e.target))


def suggest(
    texts: Iterable[tuple[str, str]],
    glossary: Glossary,
    judge: Judge | None = None,
    min_count: int = 1,
) -> list[Suggestion]:
    """Name clusters found in (German, English) pairs: new ones first, then the covered
    ones, each by frequency.

    ``judge(word)`` says what a capitalised word is on its own (:data:`Verdict`); the
    default, :class:`GermanWords` without a dictionary, asks simplemma and wordfreq.  Pass
    ``("", "")`` halves for monolingual input.
    """
    judge = judge or GermanWords()
    found: Counter[str] = Counter()
    english: list[str] = []
    covered: dict[Entry, Counter[str]] = {}
    words = _name_words(glossary)
    people = frozenset(
        key for key, entries in words.items() if any(e.kind == "person" for e in entries)
    )
    pairs: list[tuple[str, list[tuple[int, int]]]] = []
    for german, eng in texts:
        matches = find_terms(german, glossary)
        for m in matches:
            covered.setdefault(m.entry, Counter())[m.spelling.name] += 1
        pairs.append((german, [(m.start, m.end) for m in matches]))
        english.extend(_candidates(eng, [], lambda w: "unknown"))
    # The surname of a first name and surname found anywhere is a name everywhere: "Merz
    # sagte" once "Bundeskanzler Friedrich Merz" is found.
    first = [c for german, spans in pairs for c in _candidates(german, spans, judge, people)]
    surnames = {variant_key(c.split()[-1]) for c in first if len(c.split()) == 2}
    people |= surnames - {""}
    for german, spans in pairs:
        found.update(_candidates(german, spans, judge, people))
    merged: Counter[str] = Counter()
    for name, count in found.items():
        merged[_strip_ending(name, found)] += count
    seen = Counter({entry: sum(c.values()) for entry, c in covered.items()})
    new: Counter[str] = Counter()
    for name, count in merged.items():
        entry = _partial_cover(name, words, seen)
        if entry is None:
            new[name] += count
        else:
            covered.setdefault(entry, Counter())[name] += count
    clusters: list[list[str]] = []
    # Clusters by the first letter of their surnames' key: spellings of one name share it
    # (as variants.py requires), and a corpus of thousands of names is not compared pairwise.
    by_letter: dict[str, list[list[str]]] = {}
    # Full names first, so that a surname alone finds every person it could be.
    for name in sorted(new, key=lambda n: (" " not in n, -new[n], n)):
        letter = name_key(name.split()[-1])[:1]
        fitting = [cluster for cluster in by_letter.get(letter, ()) if _fits(name, cluster)]
        # A surname alone that fits two people ("Kushnir": Anna or Oleh?) stays alone.
        if len(fitting) == 1 or (fitting and len(name.split()) > 1):
            fitting[0].append(name)
        else:
            clusters.append([name])
            by_letter.setdefault(letter, []).append(clusters[-1])
    english_counts = Counter(english)
    suggestions: list[Suggestion] = []
    for cluster in clusters:
        head = max(cluster, key=lambda n: (len(n.split()), new[n]))
        target = min(
            (e for e in english_counts if similar(e, head)),
            key=lambda e: (edit_distance(name_key(e), name_key(head)), -english_counts[e]),
            default=head,
        )
        suggestions.append(Suggestion(target, _ordered(new, cluster), None))
    for entry, spellings in covered.items():
        suggestions.append(Suggestion(entry.target, _ordered(spellings, spellings), entry.target))
    suggestions = [s for s in suggestions if s.count >= min_count]
    suggestions.sort(key=lambda s: (s.covered_by is not None, -s.count, s.target))
    return suggestions


def _ordered(counts: Counter[str], names: Iterable[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(((n, counts[n]) for n in names), key=lambda s: (-s[1], s[0])))


@dataclass(frozen=True)
class Corpus:
    """The German texts of the articles read, and one line for each file that could not be."""

    texts: tuple[str, ...]
    failures: tuple[str, ...]


def load_corpus(sources: Iterable[Path]) -> Corpus:
    """The articles at ``sources``: article files, or folders of ``*.txt`` articles.

    A file that cannot be read (no permission, a folder or a FIFO named ``*.txt``, bytes
    neither UTF-8 nor Windows-1252) is one line in ``failures``; the others are still read,
    so that one bad file does not cost the suggestions of the rest.  A source that does not
    exist, or a folder without a ``*.txt`` name, raises: nothing was meant to be there.
    """
    from dolmetsch.articles import load_article
    from dolmetsch.errors import DolmetschError, UsageError
    from dolmetsch.files import find_articles

    paths: list[Path] = []
    failures: list[str] = []
    for source in sources:  # every source listed before one is read: a typo costs nothing
        if source.is_dir():
            found = find_articles(source)
            paths.extend(found.paths)
            failures.extend(found.skipped)
        elif source.exists() or source.is_symlink():
            paths.append(source)
        else:
            raise UsageError(f"{source}: no such file or folder")
    texts: list[str] = []
    for path in paths:
        try:
            texts.append(load_article(path).document.text)
        except DolmetschError as exc:
            failures.append(str(exc))
    return Corpus(tuple(texts), tuple(failures))


# --- what a run recognised: `glossary suggest --from-run OUT_DIR` ---------------------------


@dataclass(frozen=True)
class RunVariant:
    """Spellings a run found of one entry that the glossary does not list.

    ``applied``: recognised and rendered as the entry (``glossary (unlisted variant)`` in
    the PO files); otherwise candidates the run left as they were (``glossary (candidate,
    not applied)``): add them only if they are the same entity.  ``spellings`` are
    ``(spelling, occurrences)``, most frequent first.
    """

    target: str
    spellings: tuple[tuple[str, int], ...]
    applied: bool

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(s for s, _ in self.spellings)


def run_variants(notes: Iterable[tuple[bool, str]], glossary: Glossary) -> list[RunVariant]:
    """The unlisted spellings in a run's notes, grouped by entry: applied ones first.

    ``notes`` are ``(applied, "Selenskyi -> Zelensky")`` pairs, one per occurrence, as the
    PO files' comments give them; the entry is the one whose English form (full or short)
    is the rendering.  Spellings the glossary has listed since are left out, as are notes
    whose rendering no entry has any more.
    """
    counts: dict[tuple[bool, str], Counter[str]] = {}
    for applied, note in notes:
        spelling, arrow, rendering = note.partition(" -> ")
        entry = next((e for e in glossary.entries if rendering in (e.target, e.short)), None)
        if not arrow or not spelling or entry is None:
            continue
        hits = find_matches(spelling, glossary)
        if hits and hits[0].start == 0 and hits[0].end == len(spelling):
            continue  # listed by now
        counts.setdefault((applied, entry.target), Counter())[spelling] += 1
    found = [
        RunVariant(target, tuple(sorted(spellings.items(), key=lambda s: (-s[1], s[0]))), applied)
        for (applied, target), spellings in counts.items()
    ]
    found.sort(key=lambda v: (not v.applied, -sum(n for _, n in v.spellings), v.target))
    return found


# --- across languages ----------------------------------------------------------------------
#
# Russian, Ukrainian and Polish capitalise names and little else, so a candidate there is a
# run of capitalised words (a sentence's first word only when the corpus also has it
# capitalised inside a sentence).  Each word is brought back to its nominative by the
# inflection rules of :mod:`.inflect` (the form that explains most of the forms seen:
# Пескова, Песковым and Песков give Песков), spellings are clustered across languages by
# :func:`.namekey.cross_key`, and a cluster with a Cyrillic spelling gets a romanised English
# form, the system named (:mod:`.romanise`): of the Cyrillic language with the fullest name
# (then: seen most; Ukrainian on a tie), that name.  A name seen only in Latin letters is
# proposed as spelled most often.  A run of more than two capitalised words ends in the
# name, two words (three with a patronymic): "Глава Роскосмоса Юрий Борисов".

_SLAVIC_WORD = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*")
_NOMINATIVE_ENDINGS = {
    "ru": ("", "а", "я", "ий", "ый", "ой", "ь", "й", "о", "е", "ы", "ая", "ое", "ые", "ие", "ье"),
    "uk": ("", "а", "я", "ий", "ій", "ь", "й", "о", "е", "и", "і"),
    "pl": ("", "a", "i", "y", "o", "e", "ów"),
}


# Endings of oblique cases only: a word seen only in one of these is not its nominative.
_OBLIQUE = {
    "ru": ("ого", "его", "ому", "ему", "ым", "ыми", "ими", "ами", "ями", "ах", "ях", "ою", "ею",
           "ом", "ем"),
    "uk": ("ого", "ього", "ому", "ьому", "ові", "еві", "им", "ими", "ами", "ями", "ах", "ях",
           "ою", "ею", "єю", "ої", "ом", "ем", "єм", "ві", "ці", "зі"),
    "pl": ("ego", "emu", "owi", "iem", "em", "ach", "ami", "ą", "ę", "ie", "ów"),
}  # fmt: skip
_PATRONYMIC = re.compile(r"(?:ович|евич|ич|івна|ївна|овна|евна|ична)$")


def detect_language(text: str) -> str:
    """``ru``, ``uk``, ``pl`` or ``de`` by the letters of ``text``: Cyrillic with і/ї/є/ґ is
    Ukrainian, other Cyrillic Russian; Latin with Polish letters (ł ż ś ź ć ń ą ę) Polish."""
    letters = [c.lower() for c in text if c.isalpha()]
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if cyrillic * 2 > len(letters):
        ukrainian = sum(c in "іїєґ" for c in letters)
        russian = sum(c in "ыэъё" for c in letters)
        return "uk" if ukrainian > russian else "ru"
    polish = sum(c in "łżśźćńąę" for c in letters)
    return "pl" if polish * 200 > max(len(letters), 1) else "de"


def _slavic_candidates(text: str) -> list[tuple[str, bool]]:
    """Runs of capitalised words, up to three, and whether each starts a sentence."""
    runs: list[tuple[str, bool]] = []
    words: list[str] = []
    initial = False
    last_end = 0
    for m in _SLAVIC_WORD.finditer(text):
        word = m.group()
        gap = text[last_end : m.start()]
        joined = bool(words) and gap == " "
        if not joined and words:
            runs.extend(_name_runs(words, initial))
            words = []
        if word[:1].isupper():
            if not words:
                before = text[: m.start()].rstrip()
                initial = not before or before[-1] in '.!?:…\n"«»„“—–-' or gap.count("\n") > 0
            words.append(word)
        elif words:
            runs.extend(_name_runs(words, initial))
            words = []
        last_end = m.end()
    if words:
        runs.extend(_name_runs(words, initial))
    return runs


def _name_runs(words: list[str], initial: bool) -> list[tuple[str, bool]]:
    """A person's name is two words, or three with a patronymic in the middle: a longer
    run ("Глава Роскосмоса Юрий Борисов") is its end, the name, and the words before it."""
    keep = 3 if len(words) >= 3 and _PATRONYMIC.search(words[-2].lower()) else 2
    if len(words) <= keep:
        return [(" ".join(words), initial)]
    return [(" ".join(words[:-keep]), initial), (" ".join(words[-keep:]), False)]


_CYRILLIC_VOWELS = "аеёиоуыэюяіїє"


def _spellable(lang: str, guess: str) -> bool:
    """Whether ``guess`` can end a Russian or Ukrainian word: no ь after a vowel, no й
    after a consonant (Андреь, Игорй)."""
    if lang not in ("ru", "uk") or len(guess) < 2:
        return True
    last, before = guess[-1].lower(), guess[-2].lower()
    if last == "ь":
        return before not in _CYRILLIC_VOWELS
    if last == "й":
        return before in _CYRILLIC_VOWELS
    return True


def _neuter_guess(lang: str, word: str, guess: str) -> bool:
    """Whether ``guess`` reads an instrumental in -em/-ем/-ом as a noun in -e/-о that a
    man's name far more often is not: Polish Andrijem is Andrij's (Andrije is none),
    Ukrainian Ігорем Ігор's (Ігоре is a vocative), Єрмаком Єрмак's.  A -о after two
    consonants stays a name's (Шевченком: Шевченко; Дмитром: Дмитро); Данилом is read as
    Данил, the price of the rule."""
    if guess != word[:-1] or len(guess) < 3:
        return False
    if lang == "pl":
        return word.endswith("em")
    if lang == "uk":
        if word.endswith("ем"):
            return True
        return word.endswith("ом") and guess[-3].lower() in _CYRILLIC_VOWELS
    return False


@lru_cache(maxsize=65536)
def _explained(lang: str, nominative: str) -> frozenset[str]:
    return frozenset((nominative, *inflections(lang, nominative)))


def nominatives(lang: str, counts: Counter[str]) -> dict[str, str]:
    """Each word of ``counts`` (words of one language, with how often they were seen) ->
    its nominative: the form whose paradigm explains the most of the words seen, the word
    itself when nothing explains more."""
    result: dict[str, str] = {}
    endings = _NOMINATIVE_ENDINGS.get(lang, ("",))
    for word in counts:
        best = word
        best_rank: tuple[int, bool, bool, bool, int, int] | None = None
        for cut in range(0, min(4, len(word) - 1)):
            stem = word[: len(word) - cut] if cut else word
            for order, ending in enumerate(endings):
                guess = stem + ending
                if guess != word and word not in _explained(lang, guess):
                    continue
                if guess != word and not _spellable(lang, guess):
                    continue  # Андреь: no word ends so (Андреем is Андрей's)
                score = sum(counts[w] for w in _explained(lang, guess) if w in counts)
                nominative_like = not guess.lower().endswith(_OBLIQUE.get(lang, ()))
                masculine = not _neuter_guess(lang, word, guess)
                rank = (score, nominative_like, masculine, guess in counts, -order, -cut)
                if best_rank is None or rank > best_rank:
                    best, best_rank = guess, rank
        result[word] = best
    return result


@dataclass(frozen=True)
class CrossSuggestion:
    """One entity found in several languages: a suggested multilingual entry.

    ``spellings`` are ``(language, spelling, count)``, most frequent first (nominatives in
    Russian, Ukrainian and Polish, the forms seen counted under them); ``target`` is the
    proposed English form and ``system`` how it was made (a romanisation, the glossary's
    entry, or the spelling as seen); ``short`` the surname form, if the cluster has one.
    """

    target: str
    system: str
    spellings: tuple[tuple[str, str, int], ...]
    covered_by: str | None
    short: str = ""

    @property
    def count(self) -> int:
        return sum(n for _, _, n in self.spellings)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(lang for lang, _, _ in self.spellings))


def _joinable(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two (language, spelling) items name one entity: alike keys, or one is the other's
    surname (the last word)."""
    ka, kb = cross_key(a[1], a[0]), cross_key(b[1], b[0])
    if _similar_keys(ka, kb):
        return True
    wa, wb = ka.split(), kb.split()
    return (len(wa) == 1 < len(wb) and _similar_keys(ka, wb[-1])) or (
        len(wb) == 1 < len(wa) and _similar_keys(kb, wa[-1])
    )


def _similar_keys(a: str, b: str) -> bool:
    allowed = max(len(a), len(b)) // 6
    if abs(len(a) - len(b)) > allowed or a[:1] != b[:1]:
        return False
    return a == b or (allowed > 0 and edit_distance(a, b) <= allowed)


def _propose(items: Sequence[tuple[str, str, int]]) -> tuple[str, str, str]:
    """The English form, the system that made it, and the short form of one cluster."""
    counts = Counter({lang: 0 for lang in ("uk", "ru")})
    for code, _, n in items:
        if code in counts:
            counts[code] += n
    # The Cyrillic language the cluster is seen in most (Ukrainian on a tie), its fullest
    # name; the surname alone, when the cluster has it alone, is the short form.
    longest = {
        code: max((len(s.split()) for c, s, _ in items if c == code), default=0) for code in counts
    }
    lang = max(counts, key=lambda code: (longest[code], counts[code], code == "uk"))
    mine = [(s, n) for code, s, n in items if code == lang]
    if mine:
        full = max(mine, key=lambda sn: (len(sn[0].split()), sn[1]))[0]
        words = full.split()
        alone = any(len(i[1].split()) == 1 for i in items)
        short = romanise(words[-1], lang) if len(words) > 1 and alone else ""
        return romanise(full, lang), SYSTEMS[lang], short
    lang, full, _ = max(items, key=lambda i: (len(i[1].split()), i[2]))
    return full, f"as spelled in {lang}", ""


def suggest_across(
    texts: Iterable[tuple[str, str]],
    glossary: Glossary,
    german: Sequence[Suggestion] = (),
    min_count: int = 1,
) -> list[CrossSuggestion]:
    """Entities named in ``texts`` (``(text, language)``; Russian, Ukrainian, Polish), and
    in the German ``german`` suggestions, grouped across languages into suggested entries:
    new ones first, then the covered ones, each by frequency."""
    seen: dict[str, Counter[str]] = {}
    covered: dict[str, list[tuple[str, str, int]]] = {}
    capital_inside: dict[str, set[str]] = {}
    runs_by_lang: dict[str, list[tuple[str, bool]]] = {}
    for text, lang in texts:
        runs = _slavic_candidates(text)
        runs_by_lang.setdefault(lang, []).extend(runs)
        capital_inside.setdefault(lang, set()).update(
            w for run, initial in runs for w in run.split()[1 if initial else 0 :]
        )
    for lang, runs in runs_by_lang.items():
        projected = glossary.for_pair(lang, "en")
        words: Counter[str] = Counter()
        kept: Counter[str] = Counter()
        for run, initial in runs:
            parts = run.split()
            if initial and parts[0] not in capital_inside[lang]:
                parts = parts[1:]  # "Президент Владимир Путин" at a sentence's start
            if not parts:
                continue
            name = " ".join(parts)
            match = next(iter(find_matches(name, projected)), None)
            if match is not None:
                covered.setdefault(match.entry.target, []).append((lang, match.text, 1))
                continue
            kept[name] += 1
            words.update(parts)
        base = nominatives(lang, words)
        counts = seen.setdefault(lang, Counter())
        for name, n in kept.items():
            counts[" ".join(base[w] for w in name.split())] += n
    items = [(lang, name, n) for lang, counts in seen.items() for name, n in counts.items()]
    items += [("de", s, n) for g in german if g.covered_by is None for s, n in g.spellings]
    # Full names first, so that a surname alone joins the person it names.
    items.sort(key=lambda i: (-len(i[1].split()), -i[2], i[0], i[1]))
    clusters: list[list[tuple[str, str, int]]] = []
    for item in items:
        home = next((c for c in clusters if any(_joinable(item[:2], o[:2]) for o in c)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    result: list[CrossSuggestion] = []
    for cluster in clusters:
        target, system, short = _propose(cluster)
        ordered = tuple(sorted(cluster, key=lambda i: (-i[2], i[0], i[1])))
        result.append(CrossSuggestion(target, system, ordered, None, short))
    for entry_target, found in covered.items():
        tally = Counter((lang, text) for lang, text, _ in found)
        for g in german:
            if g.covered_by == entry_target:
                tally.update({("de", s): n for s, n in g.spellings})
        ordered = tuple(sorted(((code, s, n) for (code, s), n in tally.items()),
                               key=lambda i: (-i[2], i[0], i[1])))  # fmt: skip
        result.append(CrossSuggestion(entry_target, "glossary", ordered, entry_target))
    for g in german:
        if g.covered_by is not None and g.covered_by not in covered:
            ordered = tuple(("de", s, n) for s, n in g.spellings)
            result.append(CrossSuggestion(g.target, "glossary", ordered, g.covered_by))
    result = [s for s in result if s.count >= min_count]
    result.sort(key=lambda s: (s.covered_by is not None, -s.count, s.target))
    return result
