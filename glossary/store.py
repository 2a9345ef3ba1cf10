"""Changing the person's glossary file safely: locked, validated, backed up, atomic.

Every change is one transaction: take the glossary's lock (:mod:`.lock`), read the file
under it, compute the new glossary with a pure function, validate it alone and layered over
the shipped defaults, keep a byte-for-byte backup before a bulk change, and replace the
file by an atomic rename.  Anything invalid raises :class:`GlossaryError` before a byte is
written.  ``glossary edit`` holds no lock while the editor is open: :func:`save_edit`
re-reads under the lock and refuses if the file changed meanwhile, keeping the edited text
in a file of its own so that it is not lost.  A glossary reached through a symbolic link
is changed where the link points (:func:`.location.real_path`), and every write keeps the
file's own line ends and byte order mark.
"""

from __future__ import annotations

import difflib
import itertools
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from dolmetsch.errors import InputError, OutputError
from dolmetsch.files import DecodedText, decode_text, read_regular, write_atomic

from .errors import GlossaryError
from .exchange import dump_exchange
from .fileformat import (
    BOM,
    HEADER,
    default_glossary_text,
    dump_glossary,
    load_glossary,
    parse_glossary,
)
from .layers import Layered, layer
from .location import GlossaryFiles, real_path, shipped_path
from .lock import LOCK_TIMEOUT, glossary_lock
from .merge import Merged, claimed_elsewhere, describe_field, lost_fields, merge
from .model import Entry, Glossary, make_glossary, with_entries

T = TypeVar("T")

USER_PREAMBLE = (
    "# Your dolmetsch glossary.  dolmetsch layers it over the glossary it ships with: an entry",
    "# here replaces the shipped entry with the same english form, and a spelling listed",
    "# here (German, or in a language column such as ru) belongs to your entry.",
    "# `dolmetsch glossary list` shows where each entry comes from.",
)
_FLAGS = {
    "variants": "--variant",
    "short": "--short",
    "adjective": "--adjective",
    "forbidden": "--forbidden",
    "compounds": "--closed-compounds",
    "note": "--note",
}


@dataclass(frozen=True)
class Change:
    """One change of a glossary file: its bytes before (None: it did not exist), its text
    after, the backup of the old bytes if one was made, and whether the file was written."""

    path: Path
    before: bytes | None
    after: str
    backup: Path | None = None
    written: bool = False

    def diff(self) -> str:
        """A unified diff from the file as it is to the file as the change makes it."""
        old = "" if self.before is None else self.before.decode("utf-8", "replace")
        old = old.replace("\r\n", "\n")  # a CRLF file keeps its line ends: not a change
        name = str(self.path)
        lines = difflib.unified_diff(
            old.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=name if self.before is not None else "/dev/null",
            tofile=name,
        )
        return "".join(lines)


def backup_path(path: Path) -> Path:
    """``terms.tsv`` -> ``terms.tsv.bak``: the previous bytes before a bulk change."""
    return path.with_name(f"{path.name}.bak")


def edited_copy_path(path: Path, number: int = 0) -> Path:
    """Where an edit that could not be saved is kept: ``terms.tsv.edited``, then
    ``terms.tsv.edited.1`` and so on, for the ``number``-th one still lying there."""
    return path.with_name(f"{path.name}.edited" + (f".{number}" if number else ""))


def user_template(source: str) -> Glossary:
    """An empty glossary with the documented header, for a person's first file."""
    shipped = parse_glossary(default_glossary_text())
    # the shipped preamble's first line introduces the shipped file; the rest documents the format
    text = "\n".join([*USER_PREAMBLE, *shipped.preamble[1:], HEADER]) + "\n"
    return parse_glossary(text, source)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return read_regular(path)  # a FIFO or device is refused, never waited on
    except FileNotFoundError:
        real_path(path)  # a link to nothing is refused, not read as an empty glossary
        return None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc.strerror or exc}") from exc


def _parse(data: bytes | None, path: Path) -> Glossary:
    if data is None:
        return user_template(str(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: cannot read glossary: not UTF-8 ({exc})") from exc
    return parse_glossary(text, str(path))


def load_defaults(files: GlossaryFiles) -> Glossary | None:
    return load_glossary(files.defaults) if files.defaults is not None else None


def _names(files: GlossaryFiles) -> tuple[str, str]:
    return str(files.defaults), str(files.user)


def load_user(files: GlossaryFiles, missing_ok: bool = False) -> Glossary:
    """The person's glossary for reading: empty while the default user file is missing.

    A file the person named must exist unless ``missing_ok`` (a change creates it)."""
    data = _read_bytes(files.user)
    if data is None and files.explicit and not missing_ok:
        raise GlossaryError(
            f"{files.user}: no such glossary file; create it with "
            f"dolmetsch glossary add ... --glossary {files.user}"
        )
    return _parse(data, files.user)


def load_effective(files: GlossaryFiles, missing_ok: bool = False) -> Layered:
    """The glossary dolmetsch uses: the defaults with the person's glossary over them."""
    return layer(load_defaults(files), load_user(files, missing_ok), *_names(files))


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OutputError as exc:
        raise GlossaryError(f"{path}: cannot write glossary: {exc.__cause__ or exc}") from exc


def _plain(text: str) -> str:
    """``text`` without a byte order mark and with LF line ends, ending in one: what an
    editor's change is compared and validated as (click.edit drops CRLF and the BOM)."""
    text = text.removeprefix(BOM).replace("\r\n", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def _encode(text: str, before: bytes | None) -> bytes:
    """UTF-8, with the line ends and byte order mark the file had: a Windows file keeps its
    CRLF lines and its BOM, whatever the editor or the change gave us."""
    if before is not None:
        if before.startswith(BOM.encode("utf-8")) and not text.startswith(BOM):
            text = BOM + text
        if b"\r\n" in before:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text.encode("utf-8")


def _transaction(
    files: GlossaryFiles,
    compute: Callable[[Glossary, Glossary | None], tuple[Glossary, T]],
    *,
    backup: bool = False,
    dry_run: bool = False,
    timeout: float = LOCK_TIMEOUT,
) -> tuple[Change, T]:
    """Read the person's glossary under its lock, ``compute`` the new one, write it."""
    defaults = load_defaults(files)
    path = files.user

    def run() -> tuple[Change, T]:
        real = real_path(path)  # through a symbolic link: the link stays, its file changes
        before = _read_bytes(path)
        current = _parse(before, path)
        new, info = compute(current, defaults)
        after = dump_glossary(new)
        if after == dump_glossary(current) or dry_run:
            # nothing to do: a file that does not round-trip exactly is not rewritten either
            return Change(path, before, after if dry_run else dump_glossary(current)), info
        saved = None
        if backup and before is not None:
            saved = backup_path(real)
            _write(saved, before)
        _write(real, _encode(after, before))
        return Change(path, before, after, saved, written=True), info

    if dry_run:
        return run()  # reads only: no lock, so a dry run creates no file at all
    with glossary_lock(path, timeout):
        return run()


def _with_entry(glossary: Glossary, entry: Entry) -> Glossary:
    """``glossary`` with ``entry`` in place of the one with its target, or appended."""
    existing = glossary.get(entry.target)
    if existing is None:
        entries = [*glossary.entries, replace(entry, leading=())]
    else:
        entries = [
            replace(entry, leading=e.leading) if e.target == entry.target else e
            for e in glossary.entries
        ]
    return with_entries(glossary, entries)


def add_to_glossary(
    files: GlossaryFiles,
    entry: Entry,
    *,
    kind_given: bool = True,
    replace_existing: bool = False,
    timeout: float = LOCK_TIMEOUT,
) -> tuple[Change, Merged]:
    """Add ``entry``, or its new spellings and fields to the entry with its target.

    Without ``replace_existing`` nothing already in the glossary changes: a spelling of
    another entry, a differing kind, short form, adjective or note is refused.  With it,
    the entry replaces the existing one, but only if every non-empty field of that one is
    given again; the spellings of a language other than German are replaced only when
    ``entry`` has spellings in that language, and kept otherwise.  ``kind_given`` False
    takes the kind of the existing entry.
    """
    make_glossary([entry], "command line")  # no tab, line break or ';' gets near the file
    names = _names(files)

    def compute(user: Glossary, defaults: Glossary | None) -> tuple[Glossary, Merged]:
        effective = layer(defaults, user, *names).glossary
        existing = effective.get(entry.target)
        if existing is None and not kind_given:
            raise GlossaryError(
                f"{entry.target!r} is not in the glossary yet: give its --kind "
                "(person, place, organisation or term)"
            )
        new = entry if kind_given or existing is None else replace(entry, kind=existing.kind)
        if replace_existing and existing is not None:
            # Another language's spellings are replaced only when given (--lang XX).
            for code, kept in existing.spellings:
                if not new.spellings_in(code):
                    new = new.with_spellings(code, kept)
            return _replace(user, defaults, existing, new, names)
        merged = merge(user, defaults, [new], names=names)
        if merged.conflicts:
            raise GlossaryError(
                f"{files.user}: nothing changed: {'; '.join(merged.conflicts)}; "
                "change an existing entry with --replace or dolmetsch glossary edit"
            )
        return merged.user, merged

    return _transaction(files, compute, timeout=timeout)


def _replace(
    user: Glossary,
    defaults: Glossary | None,
    existing: Entry,
    new: Entry,
    names: tuple[str, str],
) -> tuple[Glossary, Merged]:
    lost = lost_fields(existing, new)
    if lost:
        raise GlossaryError(
            f"{names[1]}: --replace would drop "
            f"{', '.join(describe_field(existing, f) for f in lost)} of {existing.target!r}; "
            f"nothing changed: give them again ({', '.join(_FLAGS[f] for f in lost)}) "
            "or change the entry with dolmetsch glossary edit"
        )
    others = claimed_elsewhere(user, defaults, new, names)
    if others:
        raise GlossaryError(f"{names[1]}: nothing changed: {'; '.join(others)}")
    replaced = _with_entry(user, new)
    layer(defaults, replaced, *names)
    return replaced, Merged(replaced, extended=(new.target,))


def remove_from_glossary(
    files: GlossaryFiles, target: str, *, timeout: float = LOCK_TIMEOUT
) -> tuple[Change, bool]:
    """Remove the person's entry ``target``; True when a shipped entry applies again.

    An entry only the shipped glossary has cannot be removed: that file is never changed.
    """

    def compute(user: Glossary, defaults: Glossary | None) -> tuple[Glossary, bool]:
        shipped = defaults.get(target) if defaults is not None else None
        if user.get(target) is None:
            if shipped is not None:
                raise GlossaryError(
                    f"{target!r} comes from the glossary shipped with dolmetsch "
                    f"({files.defaults}), which dolmetsch never changes; nothing removed: "
                    f"override it in {files.user} (dolmetsch glossary add {target!r} "
                    "--replace ..., or dolmetsch glossary edit), or use your glossary "
                    "alone with --glossary-only"
                )
            raise GlossaryError(f"{files.user}: no entry {target!r}; nothing removed")
        entries = [e for e in user.entries if e.target != target]
        new = with_entries(user, entries)
        layer(defaults, new, *_names(files))
        return new, shipped is not None

    return _transaction(files, compute, timeout=timeout)


def import_into_glossary(
    files: GlossaryFiles,
    incoming: Sequence[Entry],
    *,
    replace_conflicts: bool = False,
    replace_all: bool = False,
    dry_run: bool = False,
    timeout: float = LOCK_TIMEOUT,
) -> tuple[Change, Merged]:
    """Merge ``incoming`` into the person's glossary (see :mod:`.merge`), or with
    ``replace_all`` make them its only entries (its comment header stays).  A backup of the
    old bytes is written before the file changes; ``dry_run`` writes nothing."""
    names = _names(files)

    def compute(user: Glossary, defaults: Glossary | None) -> tuple[Glossary, Merged]:
        if not replace_all:
            merged = merge(
                user, defaults, incoming, replace_conflicts=replace_conflicts, names=names
            )
            return merged.user, merged
        entries = [replace(e, leading=()) for e in incoming]
        new = with_entries(user, entries)
        layer(defaults, new, *names)
        old = {e.target for e in user.entries}
        return new, Merged(
            new,
            added=tuple(e.target for e in entries if e.target not in old),
            extended=tuple(e.target for e in entries if e.target in old),
        )

    return _transaction(files, compute, backup=True, dry_run=dry_run, timeout=timeout)


@dataclass(frozen=True)
class EditSession:
    """What ``glossary edit`` opened: the file's bytes then, and the text shown."""

    path: Path
    before: bytes | None
    text: str

    def unchanged(self, edited: str) -> bool:
        """True when ``edited`` says what the file said: only line ends, a byte order mark or
        the final line end differ (an editor that merely saved, or click.edit's CRLF -> LF)."""
        return _plain(edited) == _plain(self.text)


def start_edit(files: GlossaryFiles) -> EditSession:
    """The person's glossary text to open in an editor (the documented header when new)."""
    before = _read_bytes(files.user)
    glossary = _parse(before, files.user)  # a broken file is reported before the editor opens
    text = dump_glossary(glossary) if before is None else before.decode("utf-8")
    return EditSession(files.user, before, text)


def keep_edit(path: Path, data: bytes) -> Path:
    """Save an edit that cannot go into ``path`` under a name no other kept edit has (an
    earlier failed edit's text is the person's work too); the copy's path, for the message."""
    for number in itertools.count():
        copy = edited_copy_path(path, number)
        try:
            # O_EXCL: the name is ours alone, even with another edit failing at this moment
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError:
            break
        try:
            with os.fdopen(fd, "wb") as kept:
                kept.write(data)
                kept.flush()
                os.fsync(kept.fileno())
            return copy
        except OSError:
            copy.unlink(missing_ok=True)
            break
    # the glossary's folder is not writable: the temporary folder still is
    with tempfile.NamedTemporaryFile(
        "wb", prefix=f"{path.name}.", suffix=".edited", delete=False
    ) as handle:
        handle.write(data)
    return Path(handle.name)


def decode_edit(path: Path, data: bytes) -> DecodedText:
    """The text an editor saved for the glossary at ``path``, and the encoding it was in.

    An editor set to Latin-1 or Windows-1252 (or to UTF-16 with a byte order mark) saves
    the person's edit in that encoding: it is read as such (the caller says so), the
    glossary is written in UTF-8 all the same.  Bytes that are none of these are refused
    (:class:`GlossaryError`) and kept as they are in a copy the message names: the edit
    is never lost.
    """
    try:
        return decode_text(data, "your edited text")
    except InputError as exc:
        copy = keep_edit(real_path(path), data)
        raise GlossaryError(
            f"{exc}; nothing saved, {path} is as it was: your edited text is in {copy}"
        ) from None


def _edit_problem(files: GlossaryFiles, text: str, name: str) -> str | None:
    """Why ``text`` cannot be the person's glossary, its lines named ``name:N``; or None."""
    try:
        layer(load_defaults(files), parse_glossary(text, name), str(files.defaults), name)
    except GlossaryError as exc:
        return str(exc)
    return None


def save_edit(
    files: GlossaryFiles, session: EditSession, edited: str, *, timeout: float = LOCK_TIMEOUT
) -> Change:
    """Save the edited text, if valid and if the file is still as the editor opened it.

    Refused (:class:`GlossaryError`, the file untouched, the edited text kept in a copy
    named in the message, with the line of the problem in that copy) when the text is not a
    valid glossary or does not layer over the shipped one, or when another command changed
    the file while the editor was open.  The old bytes go to the backup first.  A text that
    differs only in line ends writes nothing; a saved one keeps the file's line ends and BOM.
    """
    path = files.user
    if session.unchanged(edited):
        return Change(path, session.before, session.text)
    text = _plain(edited)
    real = real_path(path)
    if _edit_problem(files, text, str(path)) is not None:
        copy = keep_edit(real, _encode(text, session.before))
        # the same check again, so that the message names the line in the copy, where the
        # person's text now is, not in the glossary, which does not have it
        problem = _edit_problem(files, text, str(copy)) or _edit_problem(files, text, str(path))
        raise GlossaryError(
            f"{problem}; nothing saved, {path} is as it was: your edited text is in {copy}"
        )
    with glossary_lock(path, timeout):
        now = _read_bytes(path)
        if now != session.before:
            copy = keep_edit(real, _encode(text, session.before))
            raise GlossaryError(
                f"{path} changed while you were editing it (another command or person saved "
                f"it); nothing saved: your edited text is in {copy}; run dolmetsch glossary "
                "edit again and carry your changes over"
            )
        saved = None
        if now is not None:
            saved = backup_path(real)
            _write(saved, now)
        _write(real, _encode(text, now))
    return Change(path, session.before, text, saved, written=True)


def _same_file(a: Path, b: Path) -> bool:
    """Whether the paths name one file: links followed, hard links too."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and a.samefile(b)
    except (OSError, RuntimeError):
        return False


def export_glossary(
    files: GlossaryFiles,
    path: Path,
    *,
    force: bool = False,
    pair: tuple[str, str] = ("de", "en"),
) -> Glossary:
    """Write the effective glossary to the exchange file ``path`` (TBX or DeepL, see
    :func:`.exchange.dump_exchange`; a DeepL file holds the dictionary of ``pair``); the
    glossary written.

    Refused before anything is written: ``path`` is a glossary dolmetsch reads (an export
    keeps neither kinds, notes nor comments), its folder does not exist, or it exists and
    ``force`` is not given.
    """
    # the shipped file even with --glossary-only: an export there would break every install
    readers = [
        ("your glossary", files.user),
        ("the glossary shipped with dolmetsch", shipped_path()),
        *([] if files.defaults is None else [("the glossary under yours", files.defaults)]),
    ]
    for what, glossary_path in readers:
        if _same_file(path, glossary_path):
            raise GlossaryError(
                f"{path} is {what} ({glossary_path}); nothing exported: an export keeps no "
                "kinds, notes or comments, so write it to another file"
            )
    real = path.resolve()
    if not real.parent.is_dir():
        raise GlossaryError(
            f"{path.parent}: no such folder; nothing exported: create it, or export into a "
            "folder that exists"
        )
    exists = f"{path} already exists; nothing exported: give --force to overwrite it"
    if not force and (path.exists() or path.is_symlink()):
        raise GlossaryError(exists)
    glossary = load_effective(files).glossary
    data = dump_exchange(glossary, path, pair).encode("utf-8")
    if not force:
        try:
            # claim the name, so that a file made meanwhile is not overwritten either
            os.close(os.open(real, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            raise GlossaryError(exists) from None
        except OSError as exc:
            raise GlossaryError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    try:
        write_atomic(real, data)
    except OutputError as exc:
        if not force:
            real.unlink(missing_ok=True)
        raise GlossaryError(f"{path}: cannot write: {exc.__cause__ or exc}") from exc
    return glossary
