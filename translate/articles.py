"""An article as read from disk: its bytes' hash, encoding and parsed document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .document import Document, parse_document
from .files import decode_article, read_input
from .ledger import sha256_bytes

# The run-wide outputs are corpus.tmx and index.html: an article named corpus.txt or
# index.txt must not write over them (nor they over it).
RESERVED_STEMS = frozenset({"corpus", "index"})


def output_stem(path: Path) -> str:
    """The name the article's outputs take: its file name without ``.txt``, unless that is
    a run-wide output's name; then the name, ``-article-`` and a short hash of the file name
    (the PO header still names the source file)."""
    stem = path.stem
    if stem.lower() not in RESERVED_STEMS:  # lower: a case-insensitive file system
        return stem
    digest = hashlib.sha256(path.name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{stem}-article-{digest}"


@dataclass(frozen=True)
class LoadedArticle:
    path: Path
    document: Document
    encoding: str
    sha256: str = ""  # of the file's bytes


def load_article(path: Path, data: bytes | None = None) -> LoadedArticle:
    """Read (unless ``data`` holds the file's bytes already), decode and parse an article."""
    data = read_input(path) if data is None else data
    decoded = decode_article(data, str(path))
    return LoadedArticle(
        path,
        parse_document(output_stem(path), decoded.text),
        decoded.encoding,
        sha256_bytes(data),
    )
