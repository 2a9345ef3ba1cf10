"""File I/O at the edges: reading articles in the encodings news comes in, and
writing outputs atomically so that no reader ever sees a half-written file."""

from __future__ import annotations

import fcntl
import filecmp
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import DolmetschError, InputError, OutputError, UsageError

LOCK_NAME = ".dolmetsch.lock"
LEDGER_FILE = ".dolmetsch-ledger.sqlite"  # ledger.LEDGER_NAME: marks an output folder


class BusyError(DolmetschError):
    """Another dolmetsch run is writing into the same output folder."""


class NotOursError(OutputError):
    """A file holds bytes dolmetsch did not write (a person's edit): it was left as it is."""


# A text file has few control characters other than whitespace; more than this share of
# them means the bytes are not text at all. A handful of stray ones (a bell or an escape
# pasted from a terminal) does not, unless the file is so short that they are a large
# share of it.
MAX_CONTROL_SHARE = 0.01
STRAY_CONTROLS = 8
MAX_STRAY_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_article(data: bytes, where: str, lang: str = "de") -> DecodedText:
    """Decode an article's bytes written in ``lang`` (:func:`decode_text`); refused when
    they are no text at all (NUL bytes without a byte order mark, many control characters)
    or blank."""
    decoded = decode_text(data, where, "a text article", lang)
    text = decoded.text
    controls = sum(1 for ch in text if ch < " " and ch not in _TEXT_CONTROLS)
    share = controls / len(text) if text else 0.0
    if share > MAX_STRAY_SHARE or (controls > STRAY_CONTROLS and share > MAX_CONTROL_SHARE):
        raise InputError(f"{where}: binary file ({controls} control characters), not text")
    if not text.strip():
        raise InputError(f"{where}: empty article (no text to translate)")
    return decoded


def decode_text(data: bytes, where: str, what: str = "text", lang: str = "de") -> DecodedText:
    """Decode the bytes of a text a person saved in ``lang``: UTF-16 or UTF-32 with a byte
    order mark, else UTF-8 (with or without BOM), else the legacy code page of ``lang``
    (:func:`legacy_encodings`: Windows-1252 for German, English, French...).  ``where`` and
    ``what`` name the text in the :class:`InputError` raised for anything else.

    Windows editors save "Unicode" as UTF-16 with a BOM: its NUL bytes are text, not the
    sign of a binary file.  News from older systems is in its language's code page
    (cp1252, cp1251...); a byte sequence that is not valid UTF-8 almost never is, while
    such text is, so the order is safe.
    """
    # UTF-32-LE's mark begins with UTF-16-LE's, so the longer marks come first.
    marks = [
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe", "utf-16-le"),
    ]
    bom, unicode = next(((m, name) for m, name in marks if data.startswith(m)), (b"", ""))
    if not unicode and b"\x00" in data:
        raise InputError(f"{where}: binary file (contains NUL bytes), not {what}")
    try:
        text = data[len(bom) :].decode(unicode or "utf-8-sig")
        encoding = unicode or "utf-8"
    except UnicodeDecodeError as exc:
        if unicode:
            raise InputError(
                f"{where}: not {unicode.upper()} text, although it starts with that byte "
                f"order mark (byte {len(bom) + exc.start})"
            ) from None
        text, encoding = decode_legacy(data, where, lang)
    return DecodedText(text, encoding)


# Each language's legacy code pages, tried strictly in order, for text that is not UTF-8.
# Windows-1252 is the default of the languages it covers (Western Europe's); a language
# written in another script, whose code page is not listed here, is refused rather than
# read as Windows-1252 (mojibake in every output, and no term of the glossary matched).
_WESTERN = frozenset(
    "af br ca co da de en es et eu fi fo fr fy ga gd gl id is it la lb ms nb nl nn no oc "
    "pb pt rm sq sv sw tl wa".split()
)  # fmt: skip
_LEGACY: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ru", "be", "bg", "mk", "sr"), ("cp1251",)),
    "uk": ("cp1251",),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "hr", "sl", "ro", "bs"), ("cp1250",)),
    "el": ("cp1253",),
    **dict.fromkeys(("tr", "az"), ("cp1254",)),
    **dict.fromkeys(("he", "yi"), ("cp1255",)),
    **dict.fromkeys(("ar", "fa", "ur"), ("cp1256",)),
    **dict.fromkeys(("lt", "lv"), ("cp1257",)),
    "vi": ("cp1258",),
    "th": ("cp874",),
    # CJK: a multi-byte code page rejects most other bytes, so each is tried strictly
    "zh": ("gb18030",),
    "zt": ("big5",),
    "ja": ("shift_jis", "euc_jp"),
    "ko": ("euc_kr",),
}
# Cyrillic texts also come in KOI8, told from Windows-1251 by the letters they make: the
# two code pages put the alphabet in other orders, so that the bytes of one read in the
# other make few of the most frequent letters (о, а, е, и, н...), in capitals too (a
# dateline); with as many, the case of the letters decides (running text is mostly lower
# case, and the two swap the cases).
_FREQUENT_CYRILLIC = frozenset("оаеинтсрвіл")
_KOI8 = {"ru": "koi8_r", "uk": "koi8_u", "be": "koi8_u", "bg": "koi8_r"}

_ENCODING_NAMES = {
    "cp874": "Windows-874",
    **{f"cp125{n}": f"Windows-125{n}" for n in range(9)},
    "koi8_r": "KOI8-R",
    "koi8_u": "KOI8-U",
    "gb18030": "GB18030",
    "big5": "Big5",
    "shift_jis": "Shift JIS",
    "euc_jp": "EUC-JP",
    "euc_kr": "EUC-KR",
}


def encoding_name(encoding: str) -> str:
    """An encoding as people name it (``cp1251`` -> ``Windows-1251``)."""
    return _ENCODING_NAMES.get(encoding, encoding.upper())


def legacy_encodings(lang: str) -> tuple[str, ...]:
    """The code pages a text in ``lang`` that is not UTF-8 is read in (none: refused)."""
    code = lang.lower()
    if code in _WESTERN:
        return ("cp1252",)
    return _LEGACY.get(code, ())


def legacy_note(where: str, encoding: str, lang: str) -> str:
    """The note a run gives for a text read in ``lang``'s legacy code page, a guess a
    person should know of (``a.txt: not UTF-8: read as Windows-1251 (Russian)``); '' for
    Unicode, and for Windows-1252, which runs have always read without a word."""
    if encoding.startswith("utf") or encoding == "cp1252":
        return ""
    from .languages import language_name

    return f"{where}: not UTF-8: read as {encoding_name(encoding)} ({language_name(lang)})"


def decode_legacy(data: bytes, where: str, lang: str = "de") -> tuple[str, str]:
    """Bytes that are not UTF-8 decoded in ``lang``'s legacy code page, and its name as
    Python knows it; :class:`InputError` naming ``where`` when none fits."""
    from .languages import language_name

    tried = legacy_encodings(lang)
    if not tried:
        raise InputError(
            f"{where}: not UTF-8 text, and dolmetsch knows no legacy encoding of "
            f"{language_name(lang)} ({lang}) to read it in: save it as UTF-8"
        )
    koi8 = _KOI8.get(lang.lower())
    if koi8 is not None:
        windows, other = data.decode(tried[0], "replace"), data.decode(koi8)
        if _cyrillic_score(other) > _cyrillic_score(windows):
            return other, koi8
    first: UnicodeDecodeError | None = None
    for encoding in tried:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            first = first or exc
    assert first is not None
    *others, last = [encoding_name(e) for e in ("utf-8", *tried)]
    names = f"{', '.join(others)} nor {last}"
    at = _utf8_fault(data) if _mostly_utf8(data) else first.start
    raise InputError(f"{where}: neither {names} text (byte {at}: {data[at : at + 1]!r})") from None


def _utf8_fault(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def _mostly_utf8(data: bytes) -> bool:
    """Whether the text before its first byte that is not UTF-8 already held UTF-8 letters
    beyond ASCII: then that byte is the one a person must look at (a code page would fail
    at some byte of those letters, which are right)."""
    return any(byte >= 0x80 for byte in data[: _utf8_fault(data)])


def _cyrillic_score(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    if not letters:
        return 0.0
    frequent = sum(1 for ch in letters if ch.lower() in _FREQUENT_CYRILLIC)
    lower = sum(1 for ch in letters if ch.islower())
    return (frequent + lower / 10) / len(letters)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class NotRegularFileError(OSError):
    """A FIFO, socket, device or folder where a file's bytes were to be read."""


def not_a_regular_file(path: Path) -> str | None:
    """Why ``path`` holds no text to read, found with ``stat`` alone; None for a regular file
    (also through a symbolic link).

    Nothing is opened: opening a FIFO waits for a writer that may never come, a device such
    as ``/dev/zero`` never ends, and opening some devices does something by itself.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and path.is_symlink():
            return f"a symbolic link to {_link_target(path)}, which does not exist"
        return f"cannot read: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else _kind(path, mode)


def _kind(path: Path, mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    link = f"a symbolic link to {_link_target(path)}, " if path.is_symlink() else ""
    return f"not a regular file ({link}{kind})"


def _link_target(path: Path) -> str:
    try:
        return str(path.readlink())
    except OSError:
        return "a file it cannot name"


class TooLargeError(OSError):
    """A file larger than its reader takes (a config file of gigabytes is no config file)."""


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes.  Raises what reading raises (``FileNotFoundError`` for a
    missing file), and :class:`NotRegularFileError` for anything but a regular file, which
    is never read (see :func:`not_a_regular_file`).  With ``limit``, a file of more bytes
    is :class:`TooLargeError`, read no further than one byte past the limit."""
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(None, _kind(path, mode))
    # non-blocking: should a FIFO have taken the file's place since the stat, opening it
    # does not wait for a writer, and fstat refuses it before anything is read
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(None, _kind(path, mode))
        if limit is None:
            return handle.read()
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise TooLargeError(None, f"larger than {limit} bytes")
        return data


def read_input(path: Path) -> bytes:
    """An article's bytes; anything but a regular file is refused unread."""
    why = not_a_regular_file(path)  # the message, for a link to nothing too
    if why is not None:
        raise InputError(f"{path}: {why}")
    try:
        return read_regular(path)
    except NotRegularFileError as exc:
        raise InputError(f"{path}: {exc.strerror}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


@dataclass(frozen=True)
class Found:
    """A folder's articles, and a line for each other ``*.txt`` name in it, saying why it
    was skipped (a FIFO, a device, a folder, a symbolic link to nothing)."""

    paths: tuple[Path, ...]
    skipped: tuple[str, ...] = ()


def find_articles(input_dir: Path) -> Found:
    """The ``*.txt`` articles of ``input_dir`` (``.TXT`` too), in name order, and the
    ``*.txt`` names that are no regular file, found without opening them."""
    if not input_dir.exists():
        raise UsageError(f"{input_dir}: no such folder")
    if not input_dir.is_dir():
        raise UsageError(f"{input_dir}: not a folder")
    try:
        names = sorted(p for p in input_dir.iterdir() if p.suffix.lower() == ".txt")
    except OSError as exc:
        raise UsageError(f"{input_dir}: cannot list the folder: {exc.strerror or exc}") from exc
    paths, skipped = [], []
    for path in names:
        why = not_a_regular_file(path)
        if why is None:
            paths.append(path)
        else:
            skipped.append(f"{path}: {why}: skipped")
    if not names:
        raise UsageError(f"{input_dir}: no *.txt articles to translate")
    return Found(tuple(paths), tuple(skipped))


def no_articles(input_dir: Path, found: Found) -> UsageError:
    """The error for a folder whose ``*.txt`` names were all skipped."""
    return UsageError(
        f"{input_dir}: no *.txt articles to translate ({len(found.skipped)} skipped: not "
        "regular files)"
    )


def read_article(path: Path, lang: str = "de") -> DecodedText:
    return decode_article(read_input(path), str(path), lang)


def write_atomic(
    path: Path, data: bytes, durable: bool = True, expect: Collection[str] | None = None
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    The rename makes the write whole or absent for any reader and after any crash of the
    process.  ``durable`` also flushes the data to the disk before the rename, so that not
    even a power cut can leave an empty file under the name; outputs that can be made again
    (and that the run's ledger checks by hash) do without that cost.
    """
    write_streamed(path, lambda handle: handle.write(data), durable, False, expect)


def write_streamed(
    path: Path,
    write: Callable[[IO[bytes]], object],
    durable: bool = True,
    keep_unchanged: bool = True,
    expect: Collection[str] | None = None,
    before_replace: Callable[[], object] | None = None,
) -> bool:
    """:func:`write_atomic` for content too large to hold: ``write`` streams it into the
    temporary file.  With ``keep_unchanged`` a file that already holds the same bytes is
    left as it was (with its modification time).  True when ``path`` was replaced.

    ``expect`` guards a person's work: the SHA-256s of the only bytes ``path`` may hold to
    be replaced (what dolmetsch last wrote there).  It is checked immediately before the
    rename, so an edit saved while the content was made is not lost: :class:`NotOursError`.
    A missing or empty file (a torn write) may always be written.

    ``before_replace`` runs just before the rename (to record the new bytes as dolmetsch's:
    a run killed right after the rename must still know the file for its own).

    A symbolic link is written through: its target is replaced (atomically, in the target's
    folder), so a person's link keeps pointing at the file they chose.
    """
    path = _through_link(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=temporary_prefix(path.name), suffix=TMP_SUFFIX, dir=path.parent
        )
    except OSError as exc:
        raise OutputError(f"{path.parent}: cannot write output: {exc.strerror or exc}") from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if keep_unchanged and path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            tmp.unlink()
            return False
        if expect is not None and not _replaceable(path, expect):
            tmp.unlink()
            why = (
                "changed since dolmetsch wrote it"
                if expect
                else "not written by dolmetsch (its output ledger has no record of it)"
            )
            raise NotOursError(f"{path}: {why}; it was left as it is")
        # mkstemp creates 0600; keep the mode of the file replaced, else the usual 0644
        tmp.chmod(path.stat().st_mode & 0o777 if path.exists() else 0o644)
        if before_replace is not None:
            before_replace()
        tmp.replace(path)
        return True
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write output: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _replaceable(path: Path, expect: Collection[str]) -> bool:
    try:
        data = read_regular(path)  # a FIFO there would block the run, a device never end
    except FileNotFoundError:
        return True
    except NotRegularFileError as exc:
        raise NotOursError(f"{path}: {exc.strerror}; it was left as it is") from exc
    return not data or hashlib.sha256(data).hexdigest() in expect


def _through_link(path: Path) -> Path:
    try:
        if not path.is_symlink():
            return path
        target = path.resolve()
        exists = target.exists()
    except OSError as exc:  # a name too long for the file system, a loop of links
        raise OutputError(f"{path}: cannot write output: {exc.strerror or exc}") from exc
    if not exists:
        raise OutputError(
            f"{path}: a symbolic link to {target}, which does not exist; it was left as it is"
        )
    if target.parent == path.parent.resolve() or (target.parent / LEDGER_FILE).exists():
        # two outputs would take turns writing into one file (of this or another run's folder)
        raise OutputError(
            f"{path}: a symbolic link to {target}, an output of dolmetsch; it was left as it "
            "is: remove the link"
        )
    return target


def write_if_changed(
    path: Path,
    data: bytes,
    durable: bool = True,
    expect: Collection[str] | None = None,
    before_replace: Callable[[], object] | None = None,
) -> bool:
    """:func:`write_atomic` unless ``path`` already holds ``data``; True when it wrote.

    A re-run on unchanged articles then costs no disk writes, and the files keep their
    modification times, so tools that watch them see no change.
    """
    try:
        if path.stat().st_size == len(data) and read_regular(path) == data:
            return False
    except OSError:
        pass
    write_streamed(path, lambda handle: handle.write(data), durable, False, expect, before_replace)
    return True


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s lock for a run; a second run on the same folder is refused at once.

    The kernel releases the lock when the process ends, however it ends (even SIGKILL), so
    a crashed run never leaves the folder locked.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / LOCK_NAME).open("a+")
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write output: {exc.strerror or exc}") from exc
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise BusyError(
                f"{folder}: another dolmetsch run (pid {holder}) is writing here; wait for it "
                "to finish or choose another --out"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        # A run killed mid-write (SIGKILL, power loss) leaves its temporary files behind;
        # holding the lock, we know no one is writing them any more (a run's workers die
        # with it). Only dolmetsch's own: a person's .notes.tmp is theirs.
        for stale in folder.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):
            if stale.is_file():
                stale.unlink(missing_ok=True)
        yield
    finally:
        handle.close()


# Every temporary file dolmetsch makes is named .dolmetsch-tmp-<name>.<random>.tmp, so that
# it can be told from a person's files; <name> is cut to TMP_NAME_BYTES (whole characters)
# so that the temporary name stays within the 255 bytes a file name may have.
TMP_PREFIX = ".dolmetsch-tmp-"
TMP_SUFFIX = ".tmp"
TMP_NAME_BYTES = 200


def temporary_prefix(name: str) -> str:
    """The start of a temporary file's name for the file ``name``, what mkstemp adds
    (8 random characters, :data:`TMP_SUFFIX`) left to add."""
    raw = os.fsencode(name)
    if len(raw) > TMP_NAME_BYTES:
        cut = TMP_NAME_BYTES
        while cut > 0 and raw[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            cut -= 1
        raw = raw[:cut]
    return f"{TMP_PREFIX}{os.fsdecode(raw)}."
