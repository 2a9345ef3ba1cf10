"""An article as read from disk: its bytes' hash, encoding and parsed document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from .document import Document, parse_document
from .files import decode_article, read_input
from .ledger import sha256_bytes
from .names import HASH_CHARS, STEM_BYTES, fit, name_bytes, name_hash, readable

# The run-wide outputs are corpus.tmx and index.html: an article named corpus.txt or
# index.txt must not write over them (nor they over it).
RESERVED_STEMS = frozenset({"corpus", "index"})


def output_stem(path: PurePath) -> str:
    """The name an article's outputs take (``<stem>.po``, ``.tsv``, ``.tmx``, ``.html``).

    The article's name without ``.txt`` when that is at most
    :data:`~dolmetsch.names.STEM_BYTES` (240) bytes, printable, valid UTF-8 and not a
    run-wide output's name (``index``, ``corpus``).  An article named ``X.TXT`` (any other
    case) keeps the suffix (``X.TXT``), so that it does not share its outputs with
    ``X.txt``; a name ``X.TXT.txt`` is then made as below.  Otherwise the stem is made from
    the name with a short hash of the full name, so that two names alike up to the cut
    still differ: ``index-article-<hash8>`` for a run-wide output's name, else
    :func:`~dolmetsch.names.readable` of the name, :func:`~dolmetsch.names.fit` to the
    budget, and ``-<hash8>``.  The PO, TMX and HTML keep the full name (see
    :func:`~dolmetsch.names.quote_name`).
    """
    name, stem, suffix = path.name, path.stem, path.suffix
    if suffix != ".txt" and suffix.lower() == ".txt":
        stem = name
    if stem.lower() in RESERVED_STEMS:  # lower: a case-insensitive file system
        return f"{stem}-article-{name_hash(name)}"
    plain = (
        len(name_bytes(stem)) <= STEM_BYTES
        and readable(stem) == stem
        and not (suffix == ".txt" and PurePath(stem).suffix.lower() == ".txt")
    )
    if plain:
        return stem
    return f"{fit(readable(stem), STEM_BYTES - HASH_CHARS - 1)}-{name_hash(name)}"


@dataclass(frozen=True)
class LoadedArticle:
    path: Path
    document: Document
    encoding: str
    sha256: str = ""  # of the file's bytes


def load_article(path: Path, data: bytes | None = None, lang: str = "de") -> LoadedArticle:
    """Read (unless ``data`` holds the file's bytes already), decode and parse an article
    written in ``lang`` (its legacy code page, its sentence and heading rules)."""
    data = read_input(path) if data is None else data
    decoded = decode_article(data, str(path), lang)
    return LoadedArticle(
        path,
        parse_document(output_stem(path), decoded.text, lang=lang),
        decoded.encoding,
        sha256_bytes(data),
    )
