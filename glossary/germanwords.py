"""Whether simplemma's German table knows a word, asked of a file of its words.

The table (1.1 million forms) takes about a second to read with simplemma's memory-frugal
backend, every run, for the few words near a glossary name that :mod:`.variants` asks about.
So its words are written once into an SQLite file in the data folder
(``german-words-<simplemma version>.sqlite``, about 23 MB, a few seconds on first use), and
each word is then a point query.  The lookup is simplemma's own (its case and apostrophe
variants) over a mapping backed by that file, so every answer is the table's.  Where the file
cannot be written or read, the table itself answers, as before.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from dolmetsch.dbfile import uri

_LANG = "de"


class _Words(Mapping[str, str]):
    """A word file as simplemma's lookup reads a table: each word maps to itself (only
    whether a word is known is asked, never its lemma)."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con

    def __getitem__(self, word: str) -> str:
        if self._con.execute("SELECT 1 FROM word WHERE w=?", (word,)).fetchone() is None:
            raise KeyError(word)
        return word

    def __iter__(self) -> Iterator[str]:
        return (str(w) for (w,) in self._con.execute("SELECT w FROM word"))

    def __len__(self) -> int:
        return int(self._con.execute("SELECT count(*) FROM word").fetchone()[0])


class _Factory:
    """A simplemma dictionary factory that serves one table (a ``DictionaryFactory``)."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self._table = table

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return self._table


def words_path(data_dir: Path) -> Path:
    """The word file of the installed simplemma in ``data_dir``."""
    from importlib.metadata import version  # 20 ms to import: only when a word is asked

    return data_dir / f"german-words-{version('simplemma')}.sqlite"


def write_words(path: Path, words: Iterator[str]) -> None:
    """Writes ``words`` (sorted, distinct) into a word file at ``path``, atomically: a
    temporary file renamed, so a concurrent or interrupted run never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".german-words-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                "CREATE TABLE word(w TEXT PRIMARY KEY) WITHOUT ROWID;"
            )
            con.executemany("INSERT INTO word VALUES(?)", ((w,) for w in words))
            con.commit()
        finally:
            con.close()
        tmp.chmod(0o644)  # mkstemp's 0600 would hide a shared data folder's file from others
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _open_words(data_dir: Path) -> Mapping[str, str] | None:
    """The word file in ``data_dir``, written first if missing; None where that fails."""
    path = words_path(data_dir)
    try:
        if not path.is_file():
            from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

            write_words(path, iter(LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary(_LANG)))
        # uri() makes a relative data folder absolute (as_uri() refuses it, and the word
        # list would silently go missing).
        con = sqlite3.connect(f"{uri(path, 'ro')}&immutable=1", uri=True, check_same_thread=False)
        con.execute("SELECT 1 FROM word LIMIT 1").fetchall()
    except (OSError, sqlite3.Error):
        return None
    return _Words(con)


@lru_cache(maxsize=4)
def german_lookup(data_dir: Path) -> Callable[[str], bool]:
    """Whether simplemma's German table knows a word (``simplemma.is_known``), asked of the
    word file in ``data_dir``, or of the table itself where there is no file."""
    table = _open_words(data_dir)
    if table is None:
        return _simplemma_lookup(None)
    words = table
    slow: list[Callable[[str], bool]] = []  # simplemma's lookup, made at the first apostrophe

    def known(word: str) -> bool:
        # simplemma's lookup for German: the word, then in the other case (capitalised or
        # lower); other apostrophe glyphs only where the word has one.  Importing simplemma
        # costs 0.15 s, a tenth of a short run: asked only for a word with an apostrophe.
        word = unicodedata.normalize("NFC", word)
        if word in words:
            return True
        if (word.lower() if word[:1].isupper() else word.capitalize()) in words:
            return True
        if not any(mark in word for mark in _APOSTROPHES):
            return False
        if not slow:
            slow.append(_simplemma_lookup(words))
        return slow[0](word)

    return known


_APOSTROPHES = "'\u2019\u02bc"  # the glyphs simplemma's apostrophe variants fold


def _simplemma_lookup(table: Mapping[str, str] | None) -> Callable[[str], bool]:
    """simplemma's own lookup over ``table`` (its own German table when None)."""
    from simplemma.strategies import DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    factory = _Factory(table) if table is not None else LOW_MEMORY_DICTIONARY_FACTORY
    lookup = DictionaryLookupStrategy(factory)

    def known(word: str) -> bool:
        # simplemma.is_known: the shipped tables are in NFC
        return lookup.get_lemma(unicodedata.normalize("NFC", word), _LANG) is not None

    return known
