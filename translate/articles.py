"""An article as read from disk: its bytes' hash, encoding and parsed document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .document import Document, parse_document
from .files import decode_article, read_input
from .ledger import sha256_bytes


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
        path, parse_document(path.stem, decoded.text), decoded.encoding, sha256_bytes(data)
    )
