"""Suggesting glossary entries: name candidates in a corpus, clustered across spellings.

A candidate is a run of capitalised tokens that are not common German words (sentence-
initial function words, nouns like ``Regierung``).  Spellings of one name are clustered by a
German/Slavic transliteration key (``Selenskyj``, ``Selenski`` and ``Zelensky`` all give
``selenski``) plus a small edit distance.  The English side of each pair proposes the
target: the capitalised English run closest to the cluster's key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .matching import find_matches
from .model import Glossary

IsCommon = Callable[[str], bool]

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
# Ordered: longer German clusters first (dsch before sch, tsch before sch before ch).
_TRANSLIT = (
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("x", "ks"),
    ("w", "v"),
    ("z", "s"),
    ("ij", "i"),
    ("iy", "i"),
    ("yi", "i"),
    ("yj", "i"),
    ("y", "i"),
    ("j", "i"),
    ("ß", "ss"),
    ("ä", "ae"),
    ("ö", "oe"),
    ("ü", "ue"),
)


def name_key(name: str) -> str:
    """Transliteration-normalised key: ``Saporischschja`` and ``Zaporizhzhia`` agree."""
    key = name.lower().replace("-", " ")
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)  # doubled letters: Wassyliwka/Vasylivka


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similar(a: str, b: str) -> bool:
    """Same name under transliteration, allowing one edit per six letters."""
    ka, kb = name_key(a), name_key(b)
    return edit_distance(ka, kb) <= max(len(ka), len(kb)) // 6


# Function words that start German sentences; capitalised there, and some are English too.
_FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einer einen einem eines in im am an auf aus bei mit "
    "nach von vor zu zum zur für über unter um bis seit als auch aber und oder doch so da "
    "dann wenn weil dass ob wie was wer wo er sie es wir ihr ich man sein seine dies diese "
    "dieser dabei darum zudem zuletzt laut nun noch schon".split()
)


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency  # imported on first use: loading it takes a while

    return float(zipf_frequency(word, lang))


def _plain_common(word: str) -> bool:
    de = _zipf(word, "de")
    # A frequent German word that English rarely uses is a common noun ("Regierung"); names
    # are as frequent in English as in German ("Putin", "Trump") or rare in both ("Sarubin").
    return de >= 3.0 and _zipf(word, "en") < de - 1.5


@lru_cache(maxsize=65536)
def _wordfreq_common(word: str) -> bool:
    lower = word.lower()
    if lower in _FUNCTION_WORDS or _plain_common(lower):
        return True
    # A closed compound of known words ("Kampfdrohnen", "Sicherheitsberater") is common too.
    for i in range(3, len(lower) - 3):
        if _plain_common(lower[i:]) and (
            _zipf(lower[:i], "de") >= 2.5 or _zipf(lower[: i - 1], "de") >= 2.5
        ):
            return True
    return False


@dataclass(frozen=True)
class Suggestion:
    """A cluster of spellings of one name.

    ``spellings`` are ``(spelling, count)`` pairs, most frequent first; ``target`` is the
    proposed English form (from the aligned English, else the most frequent spelling);
    ``covered_by`` is the glossary entry that already matches one of the spellings.
    """

    target: str
    spellings: tuple[tuple[str, int], ...]
    covered_by: str | None

    @property
    def count(self) -> int:
        return sum(n for _, n in self.spellings)


def _candidates(text: str, is_common: IsCommon) -> list[str]:
    runs: list[str] = []
    current: list[str] = []
    last_end = -1
    sentence_start = True
    for m in _TOKEN.finditer(text):
        if last_end >= 0:
            sentence_start = bool(re.search(r"[.!?:][\s\"„“”»«'’]*$", text[last_end : m.start()]))
        word = m.group(0).rstrip("'’-")
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        adjacent = last_end >= 0 and gap.strip() == ""
        ok = word[:1].isupper() and not is_common(word)
        if ok and not (sentence_start and is_common(word)):
            if current and not adjacent:
                runs.append(" ".join(current))
                current = []
            current.append(word)
        elif current:
            runs.append(" ".join(current))
            current = []
        last_end = m.end()
    if current:
        runs.append(" ".join(current))
    return runs


def _same_name(a: str, b: str) -> bool:
    """Similar, or one is the surname of the other (``Selenski``, ``Wolodimir Selenski``)."""
    if similar(a, b):
        return True
    wa, wb = a.split(), b.split()
    return (len(wa) == 1 < len(wb) and similar(a, wb[-1])) or (
        len(wb) == 1 < len(wa) and similar(b, wa[-1])
    )


def _strip_genitive(name: str, known: Counter[str]) -> str:
    if name.endswith("s") and known[name[:-1]]:
        return name[:-1]
    return name


def suggest(
    texts: Iterable[tuple[str, str]],
    glossary: Glossary,
    is_common: IsCommon | None = None,
    min_count: int = 1,
) -> list[Suggestion]:
    """Name clusters found in (German, English) pairs, most frequent first.

    ``is_common(word)`` says whether a capitalised word is an ordinary German word; the
    default asks wordfreq.  Pass ``("", "")`` halves for monolingual input.
    """
    common = is_common or _wordfreq_common
    pairs = list(texts)
    found: Counter[str] = Counter()
    english: list[str] = []
    for german, eng in pairs:
        found.update(_candidates(german, common))
        english.extend(_candidates(eng, lambda w: False))
    merged: Counter[str] = Counter()
    for name, count in found.items():
        merged[_strip_genitive(name, found)] += count
    clusters: list[list[str]] = []
    for name in sorted(merged, key=lambda n: (-merged[n], n)):
        for cluster in clusters:
            if any(_same_name(name, other) for other in cluster):
                cluster.append(name)
                break
        else:
            clusters.append([name])
    english_counts = Counter(english)
    suggestions: list[Suggestion] = []
    for cluster in clusters:
        spellings = tuple((n, merged[n]) for n in cluster)
        total = sum(c for _, c in spellings)
        if total < min_count:
            continue
        head = max(cluster, key=lambda n: (len(n.split()), merged[n]))
        target = min(
            (e for e in english_counts if similar(e, head)),
            key=lambda e: (edit_distance(name_key(e), name_key(head)), -english_counts[e]),
            default=head,
        )
        covered = None
        for name in cluster:
            hits = find_matches(name, glossary)
            if hits and hits[0].start == 0:
                covered = hits[0].entry.target
                break
        suggestions.append(Suggestion(target, spellings, covered))
    suggestions.sort(key=lambda s: (-s.count, s.target))
    return suggestions


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
