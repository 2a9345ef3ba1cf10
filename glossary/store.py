"""Changing the person's glossary file safely: locked, validated, backed up, atomic.

Every change is one transaction: take the glossary's lock (:mod:`.lock`), read the file
under it, compute the new glossary with a pure function, validate it alone and layered over
the shipped defaults, keep a byte-for-byte backup before a bulk change, and replace the
file by an atomic rename.  Anything invalid raises :class:`GlossaryError` before a byte is
written.  ``glossary edit`` holds no lock while the editor is open: :func:`save_edit`
re-reads under the lock and refuses if the file changed meanwhile, keeping the edited text
in a file of its own so that it is not lost.
"""

from __future__ import annotations

import difflib
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from dolmetsch.errors import OutputError
from dolmetsch.files import write_atomic

from .errors import GlossaryError
from .fileformat import (
    HEADER,
    default_glossary_text,
    dump_glossary,
    load_glossary,
    parse_glossary,
)
from .layers import Layered, layer
from .location import GlossaryFiles
from .lock import LOCK_TIMEOUT, glossary_lock
from .merge import Merged, claimed_elsewhere, describe_field, lost_fields, merge
from .model import Entry, Glossary, make_glossary, with_entries

T = TypeVar("T")

USER_PREAMBLE = (
    "# Your dolmetsch glossary.  dolmetsch layers it over the glossary it ships with: an entry",
    "# here replaces the shipped entry with the same english form, and a German spelling",
    "# listed here belongs to your entry.  `dolmetsch glossary list` shows where each entry",
    "# comes from.",
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


def edited_copy_path(path: Path) -> Path:
    """Where an edit that could not be saved is kept: ``terms.tsv.edited``."""
    return path.with_name(f"{path.name}.edited")


def user_template(source: str) -> Glossary:
    """An empty glossary with the documented header, for a person's first file."""
    shipped = parse_glossary(default_glossary_text())
    # the shipped preamble's first line introduces the shipped file; the rest documents the format
    text = "\n".join([*USER_PREAMBLE, *shipped.preamble[1:], HEADER]) + "\n"
    return parse_glossary(text, source)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
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


def _encode(text: str, before: bytes | None) -> bytes:
    """UTF-8, with the line endings the file had: a Windows file keeps its CRLF lines."""
    if before is not None and b"\r\n" in before:
        text = text.replace("\n", "\r\n")
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
        before = _read_bytes(path)
        current = _parse(before, path)
        new, info = compute(current, defaults)
        after = dump_glossary(new)
        if after == dump_glossary(current) or dry_run:
            # nothing to do: a file that does not round-trip exactly is not rewritten either
            return Change(path, before, after if dry_run else dump_glossary(current)), info
        saved = None
        if backup and before is not None:
            saved = backup_path(path)
            _write(saved, before)
        _write(path, _encode(after, before))
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
    given again.  ``kind_given`` False takes the kind of the existing entry.
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


def start_edit(files: GlossaryFiles) -> EditSession:
    """The person's glossary text to open in an editor (the documented header when new)."""
    before = _read_bytes(files.user)
    glossary = _parse(before, files.user)  # a broken file is reported before the editor opens
    text = dump_glossary(glossary) if before is None else before.decode("utf-8")
    return EditSession(files.user, before, text)


def keep_edit(path: Path, text: str) -> Path:
    """Save an edit that cannot go into ``path``; the copy's path, for the message."""
    copy = edited_copy_path(path)
    try:
        write_atomic(copy, text.encode("utf-8"))
    except OutputError:
        # the glossary's folder is not writable: the temporary folder still is
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", prefix=f"{path.name}.", suffix=".edited", delete=False
        ) as handle:
            handle.write(text)
        copy = Path(handle.name)
    return copy


def save_edit(
    files: GlossaryFiles, session: EditSession, edited: str, *, timeout: float = LOCK_TIMEOUT
) -> Change:
    """Save the edited text, if valid and if the file is still as the editor opened it.

    Refused (:class:`GlossaryError`, the file untouched, the edited text kept in a copy
    named in the message) when the text is not a valid glossary or does not layer over the
    shipped one, or when another command changed the file while the editor was open.  The
    old bytes go to the backup first.
    """
    path = files.user
    try:
        layer(load_defaults(files), parse_glossary(edited, str(path)), *_names(files))
    except GlossaryError as exc:
        copy = keep_edit(path, edited)
        raise GlossaryError(f"{exc}; nothing saved: your edited text is in {copy}") from None
    with glossary_lock(path, timeout):
        now = _read_bytes(path)
        if now != session.before:
            copy = keep_edit(path, edited)
            raise GlossaryError(
                f"{path} changed while you were editing it (another command or person saved "
                f"it); nothing saved: your edited text is in {copy}; run dolmetsch glossary "
                "edit again and carry your changes over"
            )
        saved = None
        if now is not None:
            saved = backup_path(path)
            _write(saved, now)
        _write(path, edited.encode("utf-8"))
    return Change(path, session.before, edited, saved, written=True)
