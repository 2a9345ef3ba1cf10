"""File names as data: the names outputs take, and how an article's name is written into them.

An article's name may be anything a Linux file system allows: 255 bytes, any Unicode, a
newline or a tab, bytes that are not UTF-8 (Python holds them as surrogates, PEP 383).

* Outputs are named by :func:`dolmetsch.articles.output_stem`: the article's name without
  ``.txt`` when that name is short, printable and not a run-wide output's; otherwise a
  :func:`readable` form :func:`fit` to :data:`STEM_BYTES` and :func:`name_hash` of the full
  name, so that every output name (and a person's editor's lock and backup files beside
  it) stays within 255 bytes and no two articles share one.
* Where a name is written into a file or a line (PO header and occurrences, TMX props, HTML,
  stderr), :func:`quote_name` percent-encodes, as URLs do, ``%`` and every character that
  would end a line, vanish from it or not be encodable (control characters, line
  separators, bytes that are not UTF-8); everything else is written as it is, so a German
  name reads as it is named.  :func:`unquote_name` gives the exact name back.
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import unquote

import regex

NAME_BYTES = 255  # the longest file name Linux file systems (and most others) allow
# A stem's budget: the longest suffix dolmetsch gives an article's output (.html) and what a
# person's editor adds beside it (vim's .<name>.swp, LibreOffice's .~lock.<name>#) still
# fit in NAME_BYTES.  Temporary files are cut on their own (files.temporary_prefix).
STEM_BYTES = 240
HASH_CHARS = 8
_GRAPHEME = regex.compile(r"\X")
# Characters that end a line for some reader of our files (polib and Python's splitlines
# take \x1c-\x1f, \x85, U+2028 and U+2029 for line ends), that XML 1.0 cannot carry, or
# that cannot be encoded (surrogates: bytes that were not UTF-8).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in _UNSAFE_CATEGORIES or char in "\ufffe\uffff"


def name_bytes(text: str) -> bytes:
    """A name's bytes as the file system holds them (os.fsencode on Linux)."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate no file system gave: kept, not lost
        return text.encode("utf-8", "surrogatepass")


def name_hash(name: str) -> str:
    """The short hash of a file name (its bytes, as the file system holds them)."""
    return hashlib.sha256(name_bytes(name)).hexdigest()[:HASH_CHARS]


def readable(name: str) -> str:
    """``name`` with nothing a file name or a line should not carry: a byte that is not
    UTF-8 is read as Windows-1252 (as articles are: German names from older systems are
    Latin-1), and a control character or line separator becomes ``_``."""
    out: list[str] = []
    for char in name:
        if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
            try:
                char = bytes([ord(char) - 0xDC00]).decode("cp1252")
            except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
                char = "_"
        out.append("_" if _unsafe(char) else char)
    return "".join(out)


def fit(text: str, budget: int) -> str:
    """The longest start of ``text`` that is at most ``budget`` bytes in UTF-8, cut between
    grapheme clusters (a letter keeps its accents, an emoji its joiners); between code
    points only when the first cluster alone is longer than the budget."""
    size = 0
    end = 0
    for match in _GRAPHEME.finditer(text):
        size += len(name_bytes(match.group()))
        if size > budget:
            break
        end = match.end()
    if end == 0:
        for char in text:
            size = len(name_bytes(text[:end] + char))
            if size > budget:
                break
            end += 1
    return text[:end]


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in name_bytes(char))


def quote_name(name: str, *, spaces: bool = False) -> str:
    """``name`` for a line of text: ``%``, control characters, line separators, bytes that
    are not UTF-8 and whitespace at either end percent-encoded (``new%0Aline.txt``); also
    ``,`` or ``:`` at the start, which polib would write as a PO flag or occurrence line, and
    ``=``: msgfmt takes the first ``charset=`` or ``plural=`` anywhere in a PO header as the
    file's own, so a name holding one would change how the PO is read.

    With ``spaces`` (a PO ``#:`` occurrence, where whitespace separates file names) also
    every whitespace character, ``+`` and ``*``: translate-toolkit reads an occurrence with
    ``unquote_plus`` (``+`` is a space), and polib writes ``*`` as ``-`` when it wraps.
    """
    out: list[str] = []
    last = len(name) - 1
    for i, char in enumerate(name):
        escape = (
            char in "%="
            or _unsafe(char)
            or ((i == 0 or i == last) and char.isspace())
            or (i == 0 and char in ",:")
            or (spaces and (char.isspace() or char in "+*"))
        )
        out.append(_percent(char) if escape else char)
    return "".join(out)


def unquote_name(text: str) -> str:
    """The name :func:`quote_name` wrote as ``text``; bytes that are not UTF-8 come back as
    the surrogates ``os.fsdecode`` gives them (the file's own name)."""
    return unquote(text, errors="surrogateescape")


def one_line(text: str) -> str:
    """``text`` (a message naming files) as one line: control characters and line separators
    written as Python writes them in a string (``\\n``, ``\\x1b``, ``\\u2028``), a byte
    that is not UTF-8 as ``\\xe9``.  A name with a newline cannot split a ``dolmetsch:``
    line in two."""
    out: list[str] = []
    for char in text:
        if "\udc80" <= char <= "\udcff":
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif _unsafe(char):
            out.append(repr(char)[1:-1])
        else:
            out.append(char)
    return "".join(out)
