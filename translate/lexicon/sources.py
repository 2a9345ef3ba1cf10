"""The build-time data sources of the lexicon engine, and their licences.

Only the store builder reads these; translating needs nothing but the built store.

- **Ding** German-English dictionary (Frank Richter, TU Chemnitz), read from the file that
  Debian's ``trans-de-en`` package installs at ``/usr/share/trans/de-en``.  Licence:
  GPL-2.0-or-later ("License :: GPL Version 2 or later" in the file header and in
  ``/usr/share/doc/trans-de-en/copyright``).  It is the sense inventory.  GPL data: it is
  never committed, and the store derived from it is built outside the repository.
- **de2en** 0.1.1 (PyPI, ffreemt): MIT licence.  A pickled word2word lexicon (ranked English
  candidates per German surface form, mined from subtitles).  Used only as an agreement
  signal when ranking Ding's senses, never as a dictionary: on its own it is too noisy.
- **simplemma** 2.0.0 (Adrien Barbaresi): code under MIT; its German form->lemma table is
  compiled from sources under mixed licences (ODbL lemmatization-lists, CC BY-SA Wiktionary
  via Kaikki, CC BY 4.0 Unimorph/Wikinflection, FreeLing, spaCy lookups).  We copy into the
  store only the pairs whose lemma Ding knows.
- **wordfreq** 3.1.1 (Robyn Speer): code under Apache-2.0, word frequency data under
  CC BY-SA 4.0 (with attribution to its sources: Wikipedia, OpenSubtitles, SUBTLEX, Leeds
  Internet Corpus, ParaCrawl, Google Books Ngrams).  English frequencies rank senses,
  German ones score compound splits; only derived numbers go into the store.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from dolmetsch.errors import DolmetschError

DING_PATH = Path("/usr/share/trans/de-en")


def ding_path() -> Path:
    """The Ding file to build from: ``$DOLMETSCH_DING``, else Debian's trans-de-en."""
    from dolmetsch.settings import default_ding_path

    return default_ding_path()


class LexiconError(DolmetschError):
    """The lexicon engine's data is missing, broken, or cannot be built."""


class DingPair(NamedTuple):
    """One German term of one Ding sub-entry with one of its English translations."""

    de: str
    en: str
    line: int  # line number in the Ding file: entries of one line share a sense
    sub: int  # sub-entry index: for verbs 0 inf, 1 pres. part., 2 past part., 3 3sg, 4 past
    de_pos: int  # position of the German term among its synonyms
    en_pos: int  # position of the English term among its synonyms
    pos: str  # N, V, ADJ, ADV, P, COMBINING_FORM or ""
    form: str = ""  # "pl" for a noun's plural sub-entry, "past" for a verb's past tense


_BRACES = re.compile(r"\{[^}]*\}")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_PARENS = re.compile(r"\([^)]*\)")
_SLASHED = re.compile(r" /[^/|]*/")
# Ding's other spellings and native names: "Warsaw (capital of Poland) <Warszawa>"
_ANGLED = re.compile(r"<[^>]*>")
_POS_TAG = re.compile(r"\{([^}]*)\}")
_DE_PLACEHOLDERS = frozenset("jdm. jdn. jds. etw. jd. etw sich jdm jdn".split())
_EN_PLACEHOLDERS = frozenset(["sb.", "sth.", "sb.'s", "sb", "sth", "one's", "oneself"])
_DE_PRONOUN = re.compile(
    r"^(ich/er/sie|er/sie/es|er/sie|wir/sie|ich/du/er/sie|ich|du|er|sie|es|wir|ihr)\s+(?=\S)"
)
_EN_PRONOUN = re.compile(r"^(I/he/she|he/she/it|he/she|we/they|I|you|he|she|it|we|they)\s+(?=\S)")
_PLURAL_TAG = re.compile(r"\{(?:[mfn],)?pl\}")
# Ding writes a verb's past tense with these pronouns ("ich/er/sie kam", "wir/sie kamen");
# the 3rd person present has "er/sie/es" or "er/sie" and no "ich".
_PAST_PRONOUN = re.compile(r"^\s*(ich/er/sie|wir/sie)\s")
_NOUN_TAGS = frozenset(["f", "m", "n", "pl", "f,pl", "m,pl", "n,pl"])
# German terms longer than this are example sentences, not lexicon keys.
MAX_KEY_WORDS = 5


# "Kriegs… :: martial": the first part of compounds (``pos`` COMBINING_FORM), good for
# a compound's modifier ("Kriegs|gefangene") but no word: "des Kriegs" is "Krieg" (war).
COMBINING_FORM = "PFX"
_COMBINING_FORM = re.compile(r"^\s*[\w-]+(…|\.\.\.)\s*$")


def _strip_annotations(text: str) -> str:
    text = _PARENS.sub(" ", _BRACKETS.sub(" ", _BRACES.sub(" ", _ANGLED.sub(" ", text))))
    return _SLASHED.sub(" ", text)


def clean_german(term: str) -> str:
    """A Ding German term as a lookup key: no annotations, placeholders or pronouns."""
    term = term.replace("…", " ").replace("...", " ")
    term = _DE_PRONOUN.sub("", term.strip())
    return " ".join(t for t in term.split() if t not in _DE_PLACEHOLDERS)


def clean_english(term: str) -> str:
    """A Ding English term as output text: no ``to``, placeholders, or ``a/b`` choices."""
    term = term.replace("’", "'").replace("…", " ").strip()
    term = _EN_PRONOUN.sub("", term)
    term = term.removeprefix("to ")
    words = []
    for word in term.split():
        if word in _EN_PLACEHOLDERS:
            continue
        if "/" in word and not word.startswith("/") and len(word) > 2:
            word = word.split("/")[0]
        words.append(word)
    return " ".join(words).strip(" ,;")


def part_of_speech(text: str) -> str:
    """The coarse part of speech of a Ding sub-entry from its first ``{...}`` tag."""
    tag: str
    for tag in _POS_TAG.findall(text):
        # "{m,f}" (der/die Gefangene) and "{f,pl}" are nouns as well as "{m}".
        if tag in _NOUN_TAGS or set(tag.replace(" ", "").split(",")) <= _NOUN_TAGS:
            return "N"
        if tag.startswith("v"):
            return "V"
        if tag in ("adj", "adv"):
            return tag.upper()
        if tag == "prp":
            return "P"
    return ""


def parse_ding(lines: Iterable[str]) -> Iterator[DingPair]:
    """Every (German key, English) pair of Ding's ``GERMAN :: ENGLISH`` lines.

    Each side splits on `` | `` into aligned sub-entries (the i-th German one translates
    the i-th English one) and each sub-entry on ``; `` into synonyms, a set-to-set mapping.
    """
    for number, raw in enumerate(lines):
        if raw.startswith("#") or " :: " not in raw:
            continue
        german, english = raw.rstrip("\n").split(" :: ", 1)
        de_subs = german.split(" | ")
        en_subs = english.split(" | ")
        if len(de_subs) != len(en_subs):
            continue  # misaligned entry: no way to tell which side belongs to which
        head_pos = part_of_speech(de_subs[0])
        for sub, (de_text, en_text) in enumerate(zip(de_subs, en_subs, strict=True)):
            pos = part_of_speech(de_text) or head_pos
            form = _form(de_text, sub, head_pos, de_subs)
            en_terms = [clean_english(t) for t in _strip_annotations(en_text).split("; ")]
            en_terms = [t for t in en_terms if t]
            if not en_terms:
                continue
            for de_pos, de_term in enumerate(_strip_annotations(de_text).split("; ")):
                key = clean_german(de_term)
                if not key or len(key.split()) > MAX_KEY_WORDS or key[-1] in ".!?":
                    continue
                kind = COMBINING_FORM if _COMBINING_FORM.match(de_term) else pos
                existential = de_term.lstrip().startswith("es ")
                for en_pos, en_term in enumerate(en_terms):
                    if existential and en_term.startswith("there "):
                        # "es gibt … :: there is …" would make "gibt" alone "there is"
                        # once "es" is stripped ("Er gibt ihm das Buch"); the context rules
                        # translate "es gibt" as a whole
                        continue
                    yield DingPair(key, en_term, number, sub, de_pos, en_pos, kind, form)


def _form(de_text: str, sub: int, head_pos: str, de_subs: list[str]) -> str:
    """ "pl" or "past" when a sub-entry is a noun's plural or a verb's past tense, else ""."""
    if head_pos == "N" and sub > 0 and _PLURAL_TAG.search(de_text):
        return "pl"
    if head_pos != "V" or sub == 0:
        return ""
    if _PAST_PRONOUN.match(de_text):
        return "past"
    # The plain five-part verb line: infinitive | pres. part. | past part. | 3sg | past.
    if sub == 4 and not _DE_PRONOUN.match(de_text.strip()) and len(de_subs) >= 5:
        third = de_subs[3].strip()
        if not third.startswith(("ich ", "du ")):
            return "past"
    return ""


_IRREGULAR = re.compile(r"\bto ([a-z]+) \{([a-z]+)(?:, [a-z]+)*; ([a-z]+)")


def english_irregulars(lines: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Ding's irregular English verbs, "to begin {began; begun}": base -> (past, participle)."""
    found: dict[str, tuple[str, str]] = {}
    for raw in lines:
        if "{" in raw and " :: " in raw:
            english = raw.split(" :: ", 1)[1]
            for base, past, participle in _IRREGULAR.findall(english):
                found.setdefault(base, (past, participle))
    return found


def file_digest(path: Path) -> str:
    """SHA-256 of a file, hex: names the store built from it."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Where ``remembered_digest`` keeps the Ding file's digest, in the data folder.
DIGEST_FILE = "ding-sha256.txt"


def remembered_digest(path: Path, data_dir: Path) -> str:
    """``file_digest`` of ``path``, remembered in ``data_dir`` under the file's identity
    (resolved path, size, modification time in ns, inode): hashing Ding's 25 MB cost every
    translating process about 0.15 s of CPU before its first word.  A changed file gets
    a new identity and is hashed again; a data folder that cannot be written to only
    means hashing each time."""
    try:
        stat = path.stat()
    except OSError:
        return file_digest(path)  # raises the error a caller would have had
    identity = f"{path.resolve()}\t{stat.st_size}\t{stat.st_mtime_ns}\t{stat.st_ino}"
    record = data_dir / DIGEST_FILE
    try:
        known, _, digest = record.read_text(encoding="utf-8").rstrip("\n").rpartition("\t")
    except (OSError, UnicodeDecodeError):
        known, digest = "", ""
    if known == identity and re.fullmatch(r"[0-9a-f]{64}", digest):
        return digest
    digest = file_digest(path)
    try:
        # Written whole under another name, then renamed: a concurrent reader never sees
        # half a line.
        partial = data_dir / f".{DIGEST_FILE}.{os.getpid()}"
        partial.write_text(f"{identity}\t{digest}\n", encoding="utf-8")
        partial.replace(record)
    except OSError:
        pass
    return digest


def require_ding(path: Path) -> None:
    """Raise a LexiconError that says how to install Ding if ``path`` is missing."""
    if not path.is_file():
        raise LexiconError(
            f"{path}: Ding dictionary not found; install Debian's trans-de-en "
            "(apt-get install trans-de-en) or run: make install"
        )


class _Word2WordStub:
    """Stands in for word2word.Word2word, whose own import chain is broken, when unpickling."""


class _De2enUnpickler(pickle.Unpickler):
    """Allows the one class de2en's pickle needs and refuses everything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("word2word.word2word", "Word2word"):
            return _Word2WordStub
        raise pickle.UnpicklingError(f"de2en pickle: refusing to load {module}.{name}")


def de2en_path() -> Path | None:
    """Where the installed de2en package keeps its pickle, found without importing it."""
    spec = importlib.util.find_spec("de2en")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "d2e.pkl"
    return path if path.is_file() else None


def load_de2en(path: Path) -> dict[str, list[str]]:
    """German surface form -> English candidates, best first, from de2en's pickle."""
    with path.open("rb") as stream:
        state = _De2enUnpickler(stream).load().__dict__
    english = state["y2word"]
    candidates = state["x2ys"]
    return {de: [english[y] for y in candidates[x]] for de, x in state["word2x"].items()}


def load_lemmas() -> dict[str, str]:
    """simplemma's German form -> lemma table (1.1M pairs)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary("de")
    return {form: str(lemma) for form, lemma in table.items()}


def load_frequencies(lang: str) -> dict[str, float]:
    """wordfreq's frequency table of ``lang`` (lower-cased keys, frequencies per word)."""
    import wordfreq

    return dict(wordfreq.get_frequency_dict(lang, "best"))
