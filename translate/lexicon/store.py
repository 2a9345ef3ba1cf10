"""The lexicon store: an SQLite file of pre-ranked senses, lemmas and phrases.

Built once from the installed Ding file (plus de2en, simplemma and wordfreq, see
``sources``) into the user's data directory, never into the repository: Ding is GPL data.
The file name carries a hash of the Ding file and the schema version, so an updated
dictionary or a new schema gets a new store, and an old one is simply not found.  Building
writes a temporary file and renames it, so a crashed or concurrent build never leaves a
half-written store under the real name.  Opening is read-only and costs milliseconds;
lookups are point queries behind per-process caches.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .ranking import PAST_PARTICIPLE_SUB, THIRD_PERSON_SUB, best_sense, english_zipf
from .sources import (
    DingPair,
    LexiconError,
    de2en_path,
    ding_path,
    file_digest,
    load_de2en,
    load_frequencies,
    load_lemmas,
    parse_ding,
    require_ding,
)

SCHEMA_VERSION = 1
# Multi-word keys longer than this are not matched as contiguous phrases.
MAX_PHRASE_WORDS = 4
_CACHE_LIMIT = 200_000

_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE sense(
    de TEXT PRIMARY KEY,  -- exact Ding key: headword, inflected form, phrase, "rief an"
    en TEXT NOT NULL,     -- best-ranked English
    en_pp TEXT,           -- best English as a past participle (verbs), if it differs
    first TEXT NOT NULL,  -- Ding's first English, for the word-by-word baseline
    pos0 TEXT NOT NULL,   -- part of speech of the first entry (N V ADJ ADV P or '')
    pos3 TEXT NOT NULL,   -- parts of speech of the first three entries, space-separated
    poss TEXT NOT NULL,   -- parts of speech of all entries
    fde REAL NOT NULL     -- German word frequency of the key (wordfreq), 0 if unknown
) WITHOUT ROWID;
CREATE TABLE lemma(form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE phrase(key TEXT PRIMARY KEY, de TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE phrase_start(first TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
-- Capitalised words that de2en translates as themselves first: names ("Louis", "Boston").
CREATE TABLE name(de TEXT PRIMARY KEY) WITHOUT ROWID;
"""


class Sense(NamedTuple):
    """One German key's row of the store."""

    en: str
    en_pp: str
    first: str
    pos0: str
    pos3: frozenset[str]
    poss: frozenset[str]
    fde: float


@dataclass(frozen=True)
class BuildReport:
    """What a store build produced."""

    path: Path
    seconds: float
    keys: int
    lemmas: int
    phrases: int
    used_de2en: bool


def default_data_dir() -> Path:
    """``$DOLMETSCH_DATA_DIR``, else ``$XDG_DATA_HOME/dolmetsch``, else ~/.local/share/dolmetsch."""
    explicit = os.environ.get("DOLMETSCH_DATA_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "dolmetsch"


def store_name(ding_digest: str) -> str:
    """File name of the store built from a Ding file with this SHA-256."""
    return f"lexicon-{ding_digest[:12]}-v{SCHEMA_VERSION}.sqlite"


def store_path(data_dir: Path | None = None, ding: Path | None = None) -> Path:
    """Where the store for the Ding file ``ding`` lives (whether or not it is built yet)."""
    ding = ding or ding_path()
    require_ding(ding)
    return (data_dir or default_data_dir()) / store_name(file_digest(ding))


def _group(pairs: Iterable[DingPair]) -> dict[str, list[DingPair]]:
    grouped: dict[str, list[DingPair]] = {}
    for pair in pairs:
        grouped.setdefault(pair.de, []).append(pair)
    return grouped


def _pos_set(pairs: Iterable[DingPair]) -> str:
    return " ".join(sorted({p.pos for p in pairs if p.pos}))


def _sense_rows(
    ding: Mapping[str, list[DingPair]],
    de2en: Mapping[str, list[str]],
    zipf: Callable[[str], float],
    german_freq: Mapping[str, float],
) -> Iterable[tuple[str, str, str | None, str, str, str, str, float]]:
    for key, pairs in ding.items():
        agreeing = de2en.get(key) or de2en.get(key.lower()) or []
        # Outside a verb cluster a form that is both participle and 3rd person ("verhandelt")
        # is the finite verb.
        finite = (
            THIRD_PERSON_SUB
            if any(p.sub == THIRD_PERSON_SUB and p.pos == "V" for p in pairs)
            else None
        )
        english = best_sense(pairs, agreeing, zipf, prefer_sub=finite)
        participle = None
        if any(p.sub == PAST_PARTICIPLE_SUB and p.pos == "V" for p in pairs):
            participle = best_sense(pairs, agreeing, zipf, prefer_sub=PAST_PARTICIPLE_SUB)
            if participle == english:
                participle = None
        freq = german_freq.get(key.lower(), 0.0) if " " not in key else 0.0
        yield (
            key,
            english,
            participle,
            pairs[0].en,
            pairs[0].pos,
            _pos_set(pairs[:3]),
            _pos_set(pairs),
            freq,
        )


def _is_name(word: str, candidates: list[str]) -> bool:
    # "Land" -> ["Land", "land", "country"] is a noun that subtitles capitalise, not a name.
    return (
        word[:1].isupper()
        and bool(candidates)
        and candidates[0] == word
        and word.lower() not in candidates[:3]
    )


def _phrase_rows(keys: Iterable[str], function_words: frozenset[str]) -> dict[str, str]:
    phrases: dict[str, str] = {}
    for key in keys:
        words = key.split()
        if not 1 < len(words) <= MAX_PHRASE_WORDS:
            continue
        if all(w.lower() in function_words for w in words):
            continue  # "an der", "in dem": the function-word rules do better
        lower = key.lower()
        phrases.setdefault(lower, key)
        # "nach Angaben von" also matches "nach Angaben der Polizei".
        if lower.endswith(" von") and len(words) >= 3:
            phrases.setdefault(lower[: -len(" von")], key)
    return phrases


def build_store(
    data_dir: Path | None = None,
    ding: Path | None = None,
    *,
    use_de2en: bool = True,
) -> BuildReport:
    """Build the store for the Ding file ``ding`` into ``data_dir`` and return its report.

    Takes about half a minute for the full Ding file.  Older stores in ``data_dir`` (another
    Ding hash or schema) are removed once the new one is in place.
    """
    from .rules import FUNCTION_WORDS

    ding = ding or ding_path()
    require_ding(ding)
    started = time.perf_counter()
    target_dir = data_dir or default_data_dir()
    digest = file_digest(ding)
    target = target_dir / store_name(digest)
    with ding.open(encoding="utf-8") as stream:
        grouped = _group(parse_ding(stream))
    if not grouped:
        raise LexiconError(f"{ding}: no dictionary entries found; is it a Ding file?")
    pkl = de2en_path() if use_de2en else None
    de2en = load_de2en(pkl) if pkl else {}
    zipf = english_zipf(load_frequencies("en"))
    german_freq = load_frequencies("de")
    senses = list(_sense_rows(grouped, de2en, zipf, german_freq))
    lemmas = [(f, lem) for f, lem in load_lemmas().items() if f != lem and lem in grouped]
    phrases = _phrase_rows(grouped, FUNCTION_WORDS)
    names = sorted(w for w, c in de2en.items() if _is_name(w, c))
    starts: dict[str, int] = {}
    for lower in phrases:
        words = lower.split()
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    meta = {
        "schema": str(SCHEMA_VERSION),
        "ding_sha256": digest,
        "ding_path": str(ding),
        "de2en": "0.1.1" if de2en else "",
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }

    target_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=target_dir)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            con.executemany("INSERT INTO meta VALUES(?,?)", sorted(meta.items()))
            con.executemany("INSERT INTO sense VALUES(?,?,?,?,?,?,?,?)", senses)
            con.executemany("INSERT INTO lemma VALUES(?,?)", lemmas)
            con.executemany("INSERT INTO phrase VALUES(?,?)", sorted(phrases.items()))
            con.executemany("INSERT INTO phrase_start VALUES(?,?)", sorted(starts.items()))
            con.executemany("INSERT INTO name VALUES(?)", ((n,) for n in names))
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        tmp.chmod(0o644)  # mkstemp's 0600 would hide a shared store from other users
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for old in target_dir.glob("lexicon-*-v*.sqlite"):
        if old != target:
            old.unlink(missing_ok=True)
    return BuildReport(
        target,
        time.perf_counter() - started,
        len(senses),
        len(lemmas),
        len(phrases),
        bool(de2en),
    )


class Store:
    """A built store, opened read-only, with cached point lookups."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise LexiconError(f"{path}: lexicon store not found; run: dolmetsch lexicon build")
        self.path = path
        try:
            self._con = sqlite3.connect(
                f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            self.meta = dict(self._con.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise LexiconError(f"{path}: not a lexicon store ({exc}); rebuild it") from exc
        if self.meta.get("schema") != str(SCHEMA_VERSION):
            raise LexiconError(
                f"{path}: store schema {self.meta.get('schema')}, need v{SCHEMA_VERSION}"
            )
        self._senses: dict[str, Sense | None] = {}
        self._lemmas: dict[str, str | None] = {}
        self._phrases: dict[str, str | None] = {}
        self._starts: dict[str, int] = {}
        self._names: dict[str, bool] = {}

    @property
    def version(self) -> str:
        """Short identity of the data: Ding hash prefix and schema version."""
        return f"{self.meta.get('ding_sha256', '')[:12]}-v{self.meta.get('schema', '')}"

    def close(self) -> None:
        self._con.close()

    def sense(self, key: str) -> Sense | None:
        """The row of the exact German key, or None."""
        try:
            return self._senses[key]
        except KeyError:
            pass
        row = self._con.execute(
            "SELECT en, en_pp, first, pos0, pos3, poss, fde FROM sense WHERE de=?", (key,)
        ).fetchone()
        found = None
        if row is not None:
            en, en_pp, first, pos0, pos3, poss, fde = row
            found = Sense(
                en, en_pp or en, first, pos0, frozenset(pos3.split()), frozenset(poss.split()), fde
            )
        if len(self._senses) > _CACHE_LIMIT:
            self._senses.clear()
        self._senses[key] = found
        return found

    def lemma(self, form: str) -> str | None:
        """A lemma of ``form`` that is itself a key, or None."""
        try:
            return self._lemmas[form]
        except KeyError:
            pass
        row = self._con.execute("SELECT lemma FROM lemma WHERE form=?", (form,)).fetchone()
        if len(self._lemmas) > _CACHE_LIMIT:
            self._lemmas.clear()
        self._lemmas[form] = found = row[0] if row else None
        return found

    def phrase(self, lower: str) -> str | None:
        """The Ding key of a lower-cased contiguous phrase, or None."""
        try:
            return self._phrases[lower]
        except KeyError:
            pass
        row = self._con.execute("SELECT de FROM phrase WHERE key=?", (lower,)).fetchone()
        if len(self._phrases) > _CACHE_LIMIT:
            self._phrases.clear()
        self._phrases[lower] = found = row[0] if row else None
        return found

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is a name: de2en's first translation of it is itself."""
        try:
            return self._names[word]
        except KeyError:
            pass
        row = self._con.execute("SELECT 1 FROM name WHERE de=?", (word,)).fetchone()
        if len(self._names) > _CACHE_LIMIT:
            self._names.clear()
        self._names[word] = found = row is not None
        return found

    def phrase_length(self, first_lower: str) -> int:
        """Longest phrase (in words) that starts with this lower-cased word; 0 if none."""
        try:
            return self._starts[first_lower]
        except KeyError:
            pass
        row = self._con.execute(
            "SELECT n FROM phrase_start WHERE first=?", (first_lower,)
        ).fetchone()
        if len(self._starts) > _CACHE_LIMIT:
            self._starts.clear()
        self._starts[first_lower] = found = int(row[0]) if row else 0
        return found
