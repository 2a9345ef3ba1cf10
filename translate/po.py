"""Sentence-aligned gettext PO files, written with polib.

``msgid`` is the German sentence, ``msgstr`` the English, ``msgctxt`` the segment id
(``p3.s2``: paragraph 3, sentence 2; ``h2.s1``: heading 2), the occurrence names the
source file and line.  File names are data: in the header and the ``#:`` occurrences they
are written by :func:`~dolmetsch.names.quote_name` (``%0A`` for a newline; in ``#:`` also
``%20`` for a space, as translate-toolkit reads it), so that msgfmt, polib,
translate-toolkit and :func:`parse_po_strict` read one line and one name.  Machine
translations carry the ``fuzzy`` flag, as unreviewed translations do in every PO editor; a
person who corrects one clears it.  A machine translation's confidence, when the engine
gives one, is an extracted comment (``#. confidence: 0.62``; ``(low)`` below
:data:`~dolmetsch.engine.LOW_CONFIDENCE`).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import NoReturn

import polib

from .aligned import TranslatedArticle
from .engine import shown
from .errors import InputError
from .files import read_regular
from .languages import DEFAULT_PAIR, LanguageError, LanguagePair, check_code, language_tag
from .memory import ExportedUnit, context
from .names import quote_name, readable, unquote_name

KIND_NOTES = {
    "heading": "heading",
    "paragraph": "",
    "attribution": "agency attribution, kept as in the source",
}


# PO-Revision-Date must exist for msgfmt --check-header, but a wall-clock time would make two
# runs on the same inputs differ; the article's own date (or the epoch) keeps them identical.
EPOCH = "1970-01-01 00:00+0000"


def revision_date(article_date: str | None) -> str:
    """``2026-01-30`` -> ``2026-01-30 00:00+0000``; partial dates take the first day."""
    if not article_date:
        return EPOCH
    parts = [*article_date.split("-"), "01", "01"][:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]} 00:00+0000"


def build_po(article: TranslatedArticle, comments: Mapping[str, str] | None = None) -> polib.POFile:
    """The article's PO; ``comments`` are translator comments by German sentence (a
    person's, carried over from the PO this one replaces)."""
    po = polib.POFile(wrapwidth=78)
    # the file name is data: one line, whatever it holds (see names.quote_name)
    source = quote_name(article.source_name)
    location = quote_name(article.source_name, spaces=True)
    langs = article.pair
    po.header = (
        f"{source}: {langs.source_name}-{langs.target_name}, aligned sentence by sentence.\n"
        f"Machine translation by {article.tool} with {article.engine.describe()}; "
        "entries marked fuzzy are unreviewed."
    )
    texts = {pair.segment.text for pair in article.pairs}
    if comments and comments.get(HEADER_COMMENT):
        po.header += "\n" + comments[HEADER_COMMENT]
    engine = article.engine
    metadata = {
        "Project-Id-Version": quote_name(article.stem),
        "PO-Revision-Date": revision_date(article.document.date),
        "Last-Translator": f"{article.tool} / {engine.describe()}",
        "Language-Team": "none",
        "Language": language_tag(langs.target, "gettext"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(langs.target),
        "X-Generator": article.tool,
        "X-Source-Language": language_tag(langs.source, "gettext"),
        "X-Dolmetsch-Engine": engine.name,
        "X-Dolmetsch-Model": engine.model,
        "X-Dolmetsch-Model-Version": engine.model_version,
        "X-Dolmetsch-Source": source,
        "X-Dolmetsch-Source-Encoding": article.encoding,
        "X-Dolmetsch-Source-SHA256": article.source_sha256,
        "X-Dolmetsch-Article-Date": article.document.date or "",
        "X-Dolmetsch-Glossary": article.glossary_hash,
    }
    po.metadata = {key: value for key, value in metadata.items() if value}
    for pair, line in zip(article.pairs, article.line_numbers(), strict=True):
        segment = pair.segment
        note = KIND_NOTES["attribution" if segment.kind == "attribution" else pair.block_kind]
        notes = [note] if note else []
        if pair.confidence is not None and pair.origin == "machine":
            # first: a reader of the notes (reader._po_notes) takes a line it does not know
            # for the wrapped end of the note before it
            low = " (low)" if pair.low else ""
            notes.insert(0, f"confidence: {shown(pair.confidence)}{low}")
        if pair.terms:
            notes.append("glossary: " + "; ".join(pair.terms))
        if pair.unlisted:  # spellings the glossary lacks: `glossary suggest --from-run` lists them
            notes.append("glossary (unlisted variant): " + "; ".join(pair.unlisted))
        if pair.candidates:
            notes.append("glossary (candidate, not applied): " + "; ".join(pair.candidates))
        if pair.reused:  # the segment part: the folder is the reader's own
            notes.append(f"human translation of {pair.reused.rsplit('/', 1)[-1]}, reused")
        elif pair.origin == "human":
            notes.append("human translation")
        if pair.failed:
            notes.append("glossary FAILED: " + "; ".join(pair.failed))
        po.append(
            polib.POEntry(
                msgctxt=segment.id,
                msgid=segment.text,
                msgstr=pair.target,
                occurrences=[(location, str(line))],
                comment="\n".join(notes),
                tcomment=_comment(comments or {}, segment.id, segment.text, texts),
                flags=(
                    ["fuzzy"]
                    if segment.translatable and (pair.origin == "machine" or pair.reused)
                    else []
                ),
            )
        )
    return po


# gettext's Plural-Forms of each target language (the expressions of the gettext manual's
# "Plural forms" table, by language family).  dolmetsch's POs hold no plural entries, but a
# PO editor or msgfmt judges a translator's own plural entries by this header, and a Russian
# PO that says English's rule makes every one of them wrong.  A language not listed gets no
# header (the editor asks) rather than English's by default.
_ONE_FORM = "nplurals=1; plural=0;"
_NOT_ONE = "nplurals=2; plural=(n != 1);"
_ABOVE_ONE = "nplurals=2; plural=(n > 1);"
_EAST_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
PLURAL_FORMS: dict[str, str] = {
    **dict.fromkeys("ja ko zh zt vi th id ms lo km my".split(), _ONE_FORM),
    **dict.fromkeys(
        "en de nl sv da no nb nn fo es pt it ca gl eu af bg el fi et he eo hu tr sq".split(),
        _NOT_ONE,
    ),
    **dict.fromkeys("fr pb".split(), _ABOVE_ONE),
    **dict.fromkeys("ru uk be sr hr bs".split(), _EAST_SLAVIC),
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "pl": (
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "lt": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) "
        "? 1 : 2);"
    ),
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=11 ? 4 : 5;"
    ),
}


def plural_forms(code: str) -> str:
    """The ``Plural-Forms`` header of a PO translated into ``code`` ('' when not known)."""
    return PLURAL_FORMS.get(code, "")


HEADER_COMMENT = "\x00header"  # key of the lines a person added to the header comment


def build_po_header_lines(source_name: str, pair: LanguagePair = DEFAULT_PAIR) -> tuple[str, ...]:
    """How the two header comment lines dolmetsch writes begin (a person's are the rest);
    ``source_name`` as the PO's ``X-Dolmetsch-Source`` holds it (quoted), ``pair`` as its
    language headers name it (:func:`po_pair`)."""
    languages = f"{pair.source_name}-{pair.target_name}"
    return (f"{source_name}: {languages}, aligned", "Machine translation by dolmetsch")


def _language_part(locale: str) -> str:
    """The language of a locale: its first part, but ``pt_BR`` and ``zh_TW`` (as dolmetsch
    writes argos's ``pb`` and ``zt``) are those."""
    full = re.split(r"[@.]", locale, maxsplit=1)[0]
    try:
        code = check_code(full)
    except LanguageError:
        code = ""
    return code if code in ("pb", "zt") else re.split(r"[_\-@.]", locale, maxsplit=1)[0]


def po_pair(metadata: Mapping[str, str], where: str = "") -> LanguagePair:
    """The languages a PO dolmetsch wrote is in: ``X-Source-Language`` and ``Language``
    (German and English when it names none: every PO of an older dolmetsch was);
    :class:`InputError` naming ``where`` for codes that are no languages."""
    source = metadata.get("X-Source-Language", "").strip() or "de"
    target = metadata.get("Language", "").strip() or "en"
    try:
        # a PO editor may write a locale (de_DE, en-GB, sr@latin): the language is its first part
        return LanguagePair(_language_part(source), _language_part(target))
    except LanguageError as exc:
        raise InputError(f"{where or 'PO file'}: its language headers: {exc}") from None


def written_for(data: bytes, stem: str) -> bool:
    """Whether PO bytes are those of a PO dolmetsch wrote for outputs named ``stem`` (its
    header names them), without parsing the file."""
    if readable(stem) != stem:
        return False  # dolmetsch names no output so (a byte that is not UTF-8, a newline)
    escaped = quote_name(stem).replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'"Project-Id-Version: {escaped}\\n"'.encode() in data
        or f"X-Dolmetsch-Source: {stem}.".encode() in data  # a PO editor may rewrite the version
    )


def _comment(comments: Mapping[str, str], segment_id: str, text: str, texts: set[str]) -> str:
    """The person's note for this segment: the one at its place, else one on its sentence,
    else the one at its place on a sentence the article no longer has (corrected)."""
    found = comments.get(f"{segment_id}\x00{text}", comments.get(text))
    if found is not None:
        return found
    old, _, note = comments.get(f"@{segment_id}", "").partition("\x00")
    return note if old and old not in texts else ""


def dump_po(article: TranslatedArticle, comments: Mapping[str, str] | None = None) -> str:
    """The PO file's text; byte-identical for identical inputs."""
    return str(build_po(article, comments))


class _Lines(str):
    """PO text that polib splits at ``\\n`` only.

    Given a string, polib splits it with ``str.splitlines``, which also breaks at U+2028,
    U+0085, ``\\x1c`` and other Unicode line separators; a sentence containing one (they
    occur in scraped news) would be cut in two inside its quoted ``msgid``.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        lines = [line.removesuffix("\r") for line in self.split("\n")]
        return lines[:-1] if lines and not lines[-1] else lines


def parse_po(text: str) -> polib.POFile:
    """Parse PO ``text`` as gettext does, with lines ended by ``\\n`` (or ``\\r\\n``)."""
    return polib.pofile(_Lines(text))


def po_lines(text: str) -> list[str]:
    """The lines of PO text as :func:`parse_po` reads them."""
    return _Lines(text).splitlines()


# --- reading PO files strictly ---------------------------------------------------------------
#
# polib reads what it can and skips or cuts the rest without a word (an unterminated string
# loses its last character, a line it does not know can end the file early), so a person's
# corrections could be read half and stored half.  This reader follows gettext's own
# grammar (po-lex.c, po-gram.y): whatever msgfmt would refuse is refused here, naming the
# line, and what it accepts is read whole into polib's POFile/POEntry objects.

_SPACE = " \t\r\f\v"
_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
            "\\": "\\", '"': '"'}  # fmt: skip
_OCTAL = frozenset("01234567")
_HEX = frozenset("0123456789abcdefABCDEF")
_KEYWORD_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")
_KEYWORD_CHARS = _KEYWORD_START | frozenset("0123456789")
_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([^\s"\\]+)', re.MULTILINE)
_LEFT = "it was left as it is"
_MSGID_LINE = re.compile(r"[ \t\r\f\v]*msgid(?![A-Za-z0-9_$])")


class PoError(InputError):
    """A PO file that gettext's msgfmt would refuse, or that cannot be read whole.

    ``where`` is the file, ``line`` the first line found wrong, ``problem`` what is wrong;
    the message is ``where:line: problem; it was left as it is``.
    """

    def __init__(self, where: str, line: int, problem: str) -> None:
        super().__init__(f"{where}:{line}: {problem}; {_LEFT}")
        self.where, self.line, self.problem = where, line, problem


@dataclass
class _Entry:
    """One message as the grammar reads it; strings are already unescaped."""

    line: int  # the line of its first keyword (msgctxt or msgid)
    first: int  # the line of its first comment, else ``line``: where polib puts linenum
    obsolete: bool
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    tcomments: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.msgstr is not None or bool(self.msgstr_plural)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete


def _string(line: str, start: int, number: int, where: str) -> tuple[str, int]:
    """The unescaped string whose opening quote is at ``line[start]``, and the index after it."""
    out: list[str] = []
    i = start + 1
    while i < len(line):
        char = line[i]
        if char == '"':
            return "".join(out), i + 1
        if char != "\\":
            out.append(char)
            i += 1
            continue
        code = line[i + 1 : i + 2]
        if code in _ESCAPES:
            out.append(_ESCAPES[code])
            i += 2
            continue
        digits = ""
        if code in _OCTAL:
            j = i + 1
            while j < len(line) and j < i + 4 and line[j] in _OCTAL:
                j += 1
            digits, base = line[i + 1 : j], 8
        elif code == "x":
            j = i + 2
            while j < len(line) and line[j] in _HEX:
                j += 1
            digits, base = line[i + 2 : j], 16
        if not digits:
            what = f"'\\{code}'" if code else "a backslash at the end of the line"
            raise PoError(where, number, f"invalid escape {what} in a string (column {i + 1})")
        value = int(digits, base)
        if value > 0x7F:
            # msgfmt takes it for one byte of the file's encoding: in UTF-8 half a character
            escape = line[i:j]
            raise PoError(
                where, number, f"escape '{escape}' names a byte, not a character: write the "
                f"character itself (column {i + 1})"
            )  # fmt: skip
        out.append(chr(value))
        i = j
    raise PoError(where, number, 'unterminated string: the line ends before its closing "')


def _tokens(line: str, number: int, where: str) -> list[tuple[str, str | int]]:
    """``("keyword", name)``, ``("index", n)``, ``("string", text)`` and ``("comment", "")``
    tokens of one line (without its ``#~`` or ``#|`` mark)."""
    found: list[tuple[str, str | int]] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char in _SPACE:
            i += 1
        elif char == '"':
            text, i = _string(line, i, number, where)
            found.append(("string", text))
        elif char == "#":
            found.append(("comment", ""))  # gettext: a comment runs to the end of the line
            break
        elif char in _KEYWORD_START:
            j = i
            while j < len(line) and line[j] in _KEYWORD_CHARS:
                j += 1
            found.append(("keyword", line[i:j]))
            i = j
        elif char == "[":
            close = line.find("]", i)
            inside = line[i + 1 : close].strip(_SPACE) if close > 0 else ""
            if not inside.isascii() or not inside.isdigit():
                raise PoError(where, number, f"expected a plural index like [0] (column {i + 1})")
            if found[-1:] != [("keyword", "msgstr")]:
                raise PoError(where, number, f"a plural index not after msgstr (column {i + 1})")
            found[-1] = ("index", int(inside))
            i = close + 1
        else:
            raise PoError(where, number, f"syntax error at {char!r} (column {i + 1})")
    return found


class _Grammar:
    """Entries from the tokens, with the checks of gettext's po-gram.y and msgfmt."""

    KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")

    def __init__(self, where: str) -> None:
        self.where = where
        self.entries: list[_Entry] = []
        self.entry: _Entry | None = None
        self.field: str | None = None  # what a following string continues
        self.pending: _Entry | None = None  # comments seen before the next entry's keyword

    def fail(self, number: int, problem: str) -> NoReturn:
        raise PoError(self.where, number, problem)

    def comments(self, number: int) -> _Entry:
        """The entry that comment lines now belong to: the next one."""
        self.close(number)
        if self.pending is None:
            self.pending = _Entry(line=0, first=number, obsolete=False)
        return self.pending

    def close(self, number: int) -> None:
        """A comment or a new entry ends the current entry, which must have its msgstr."""
        entry = self.entry
        if entry is not None:
            if not entry.complete:
                missing = "msgid" if entry.msgid is None else "msgstr"
                self.fail(entry.line, f"entry has no {missing} (before line {number})")
            self.entries.append(entry)
        self.entry, self.field = None, None

    def start(self, name: str, obsolete: bool, number: int) -> _Entry:
        """The entry a msgctxt or msgid belongs to: a new one unless it completes a msgctxt."""
        entry = self.entry
        if entry is not None and not entry.complete:
            if entry.obsolete != obsolete:
                self.fail(number, "inconsistent use of #~ within one entry")
            if entry.msgid is not None:
                self.fail(number, f"{name} where the entry of line {entry.line} has no msgstr")
            if name == "msgctxt":
                self.fail(number, "msgctxt twice in one entry")
            return entry
        self.close(number)
        pending, self.pending = self.pending, None
        entry = self.entry = _Entry(line=number, first=number, obsolete=obsolete)
        if pending is not None:
            entry.first, entry.comments, entry.tcomments = (
                pending.first, pending.comments, pending.tcomments,
            )  # fmt: skip
            entry.flags, entry.occurrences = pending.flags, pending.occurrences
            entry.previous = pending.previous
        return entry

    def keyword(self, name: str, index: int | None, obsolete: bool, number: int) -> None:
        if name not in self.KEYWORDS:
            self.fail(number, f'unknown keyword "{name}"')
        if name in ("msgctxt", "msgid"):
            setattr(self.start(name, obsolete, number), name, "")
            self.field = name
            return
        entry = self.entry
        if entry is not None and entry.obsolete != obsolete:
            self.fail(number, "inconsistent use of #~ within one entry")
        if entry is None or entry.msgid is None:
            self.fail(number, f"{name} without msgid (an entry has one msgid and one msgstr)")
        if name == "msgid_plural":
            if entry.msgid_plural is not None or entry.complete:
                self.fail(number, "msgid_plural in the wrong place")
            entry.msgid_plural = ""
            self.field = name
        elif index is None:
            if entry.msgid_plural is not None:
                self.fail(number, "an entry with msgid_plural needs msgstr[0], msgstr[1]...")
            if entry.msgstr is not None:
                self.fail(number, "msgstr without msgid (a second msgstr in one entry)")
            entry.msgstr = ""
            self.field = "msgstr"
        else:
            if entry.msgid_plural is None:
                self.fail(number, f"msgstr[{index}] without msgid_plural")
            if index != len(entry.msgstr_plural):
                self.fail(number, f"plural form msgstr[{index}] has the wrong index")
            entry.msgstr_plural[index] = ""
            self.field = f"msgstr[{index}]"

    def string(self, text: str, obsolete: bool, number: int) -> None:
        entry, name = self.entry, self.field
        if entry is None or name is None:
            self.fail(number, "a string outside an entry (after a comment, or before any keyword)")
        if entry.obsolete != obsolete:
            self.fail(number, "inconsistent use of #~ within one entry")
        if name.startswith("msgstr["):
            index = int(name[7:-1])
            entry.msgstr_plural[index] += text
        else:
            setattr(entry, name, (getattr(entry, name) or "") + text)

    def finish(self, number: int) -> list[_Entry]:
        if self.entry is not None and self.entry.msgid is None:
            self.fail(self.entry.line, "msgctxt without msgid at the end of the file")
        self.close(number)
        return self.entries


def _previous(line: str, number: int, where: str, target: _Entry | None) -> None:
    """A ``#|`` line: the previous msgctxt/msgid a PO editor keeps; checked, then kept."""
    field_name = target.previous.get("") if target is not None else None
    for kind, value in _tokens(line, number, where):
        if kind == "keyword":
            if value not in ("msgctxt", "msgid", "msgid_plural"):
                raise PoError(where, number, f'unknown keyword "{value}" in a #| line')
            field_name = str(value)
            if target is not None:
                target.previous[field_name] = ""
        elif kind == "string":
            if field_name is None:
                raise PoError(where, number, "a string outside an entry in a #| line")
            if target is not None:
                target.previous[field_name] += str(value)
        elif kind == "index":
            raise PoError(where, number, "a plural index in a #| line")
    if target is not None and field_name is not None:
        target.previous[""] = field_name


def _entries(text: str, where: str) -> list[_Entry]:
    grammar = _Grammar(where)
    lines = po_lines(text)
    for number, line in enumerate(lines, start=1):
        body = line.lstrip(_SPACE)
        if not body:
            continue
        obsolete = False
        if body.startswith("#~"):
            obsolete, body = True, body[2:]
            if body.startswith("|"):
                _previous(body[1:], number, where, None)
                continue
        elif body.startswith("#|"):
            _previous(body[2:], number, where, grammar.comments(number))
            continue
        elif body.startswith("#"):
            pending = grammar.comments(number)
            mark, rest = body[1:2], body[2:].rstrip(_SPACE)
            if mark == ".":
                pending.comments.append(rest.removeprefix(" "))
            elif mark == ",":
                pending.flags += [flag.strip() for flag in rest.split(",") if flag.strip()]
            elif mark == ":":
                for place in rest.split():
                    name, colon, lineno = place.rpartition(":")
                    ok = colon and lineno.isdigit()
                    pending.occurrences.append((name, lineno) if ok else (place, ""))
            else:
                pending.tcomments.append(body[1:].rstrip(_SPACE).removeprefix(" "))
            continue
        for kind, value in _tokens(body, number, where):
            if kind == "comment":
                grammar.comments(number)
            elif kind == "string":
                grammar.string(str(value), obsolete, number)
            elif kind == "index":
                grammar.keyword("msgstr", int(value), obsolete, number)
            else:
                grammar.keyword(str(value), None, obsolete, number)
    return grammar.finish(len(lines) + 1)


def _check(entries: list[_Entry], where: str) -> None:
    """The checks msgfmt --check makes on a well-formed file that matter for reading it."""
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        key = (entry.msgctxt, entry.msgid or "")
        if key in seen:
            raise PoError(
                where,
                entry.line,
                f"duplicate entry: the same msgctxt and msgid as line {seen[key]}",
            )
        seen[key] = entry.line
        if entry.obsolete or entry.is_header or "fuzzy" in entry.flags:
            continue
        msgid = entry.msgid or ""
        for msgstr in [entry.msgstr or "", *entry.msgstr_plural.values()]:
            if not msgstr:
                continue
            for end, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(msgid, "\n") != test(msgstr, "\n"):
                    raise PoError(
                        where, entry.line, f"msgid and msgstr do not both {end} with '\\n'"
                    )


def _metadata(header: str) -> dict[str, str]:
    """polib's reading of the header entry, on lines ended by ``\\n`` only."""
    metadata: dict[str, str] = {}
    key = None
    for line in header.split("\n"):
        if not line:
            continue
        name, colon, value = line.partition(":")
        if colon:
            key = name
            metadata[key] = value.strip()
        elif key is not None:
            metadata[key] += "\n" + line.strip()
    return metadata


def parse_po_strict(text: str, where: str) -> polib.POFile:
    """Read PO ``text`` whole, or raise :class:`PoError` naming ``where`` and the line.

    Refuses what gettext's ``msgfmt --check`` refuses when reading: unterminated or badly
    escaped strings, unknown keywords, a string outside an entry, an entry without msgid or
    msgstr, a comment inside an entry, misnumbered plural forms, mixed ``#~``, a duplicate
    msgctxt+msgid, a reviewed entry whose msgid and msgstr disagree on a leading or trailing
    newline.  Lines end at ``\\n`` only (see :class:`_Lines`).  Entries carry what polib
    gives them (flags, comments, occurrences, ``linenum``); the header becomes ``metadata``.
    """
    entries = _entries(text, where)
    _check(entries, where)
    # the check import_edits always made, kept as a second, independent count: every msgid
    # line of the file became an entry (or the header)
    declared = sum(1 for line in po_lines(text) if _MSGID_LINE.match(line))
    active = [e for e in entries if not e.obsolete]
    if declared != len(active):
        raise PoError(where, 1, f"damaged: {declared} msgid lines but {len(active)} entries read")
    po = polib.POFile(wrapwidth=78)
    for entry in entries:
        if entry.is_header and not po.metadata and not po:
            po.header = "\n".join(entry.tcomments)
            po.metadata = _metadata(entry.msgstr or "")
            po.metadata_is_fuzzy = entry.flags
            continue
        previous = entry.previous
        po.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid or "",
                msgid_plural=entry.msgid_plural or "",
                msgstr=entry.msgstr or "",
                msgstr_plural=dict(entry.msgstr_plural),
                comment="\n".join(entry.comments),
                tcomment="\n".join(entry.tcomments),
                flags=list(entry.flags),
                occurrences=list(entry.occurrences),
                previous_msgctxt=previous.get("msgctxt"),
                previous_msgid=previous.get("msgid"),
                previous_msgid_plural=previous.get("msgid_plural"),
                obsolete=entry.obsolete,
                linenum=entry.first,
            )
        )
    return po


def decode_po(data: bytes, where: str) -> str:
    """The text of a PO file's bytes, in the charset its header names (UTF-8 without one).

    Refuses a byte order mark (msgfmt does) and bytes the charset cannot decode, naming the
    line of the first.
    """
    if data.startswith(codecs.BOM_UTF8):
        raise PoError(where, 1, "starts with a byte order mark, which msgfmt refuses; save it "
                      "without one")  # fmt: skip
    found = _CHARSET.search(data)
    charset = found.group(1).decode("ascii", "replace") if found else "UTF-8"
    if charset.upper() == "CHARSET":  # the placeholder of a template nobody filled in
        charset = "UTF-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        line = data.count(b"\n", 0, found.start()) + 1 if found else 1
        raise PoError(where, line, f"unknown charset {charset!r} in the header") from None
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PoError(where, line, f"bytes that are not {charset} (as the header says)") from None


def read_po(path: Path) -> polib.POFile:
    """Read the PO file at ``path`` whole (see :func:`parse_po_strict`), or raise
    :class:`PoError` (an :class:`InputError`) whose one-line message names ``path:line``.
    A missing or unreadable file is an :class:`InputError` naming ``path``."""
    try:
        data = read_regular(path)  # a FIFO in its place is refused, never waited on
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return parse_po_strict(decode_po(data, str(path)), str(path))


@dataclass(frozen=True)
class PoImport:
    """What a PO file gives a translation memory (:func:`po_memory_units`)."""

    units: tuple[ExportedUnit, ...]
    skipped_fuzzy: int  # unreviewed entries left out


def po_memory_units(po: polib.POFile, *, include_fuzzy: bool = False, folder: str = "") -> PoImport:
    """The translations of a PO file, for a translation memory.

    A reviewed entry (no ``fuzzy`` flag) is a person's translation, also when its msgstr is
    its msgid (a quote left in German on purpose).  A ``fuzzy`` entry is unreviewed: it is
    skipped and counted, or with ``include_fuzzy`` taken as a machine translation under a
    stamp no engine has (a person may have edited it without clearing the flag, so it
    cannot pass for what the engine said).  Obsolete entries, the header, untranslated and
    plural entries, and agency attributions dolmetsch copied unchanged are left out.  The
    units are of the languages the header names (:func:`po_pair`).
    """
    from .articles import output_stem
    from .provenance import HUMAN, IMPORTED

    units: list[ExportedUnit] = []
    skipped = 0
    # dolmetsch's own PO names its article: each translation is for its own segment there
    article = po.metadata.get("X-Dolmetsch-Source")
    stem = output_stem(PurePath(unquote_name(article))) if article else None
    pair = po_pair(po.metadata, po.fpath or "")
    for entry in po:
        if entry.obsolete or not entry.msgid or not entry.msgstr or entry.msgid_plural:
            continue
        if entry.msgstr == entry.msgid and KIND_NOTES["attribution"] in entry.comment:
            continue  # dolmetsch copied it unflagged (an agency's name); nobody translated it
        if "fuzzy" not in entry.flags:
            where = context(stem, entry.msgctxt or "", folder) if stem is not None else ""
            units.append(ExportedUnit(entry.msgid, entry.msgstr, "human", HUMAN, (), where, pair))
        elif include_fuzzy:
            units.append(ExportedUnit(entry.msgid, entry.msgstr, "machine", IMPORTED, (), "", pair))
        else:
            skipped += 1
    return PoImport(tuple(units), skipped)
