"""The lock every change of a glossary file is made under.

A change is read, modify, write: two commands doing it at once would each write the file
they read, and the second would silently drop the first one's entry.  The lock is an
``fcntl.flock`` on a hidden sidecar file next to the glossary (``.terms.tsv.lock``), not on
the glossary itself: the glossary is replaced by an atomic rename, which gives it a new
inode, while the sidecar keeps one for as long as anyone uses it.  It sits next to the real
file (symbolic links followed), so that every path to one glossary takes the same lock.
The kernel releases the lock when its process ends, however it ends, so a killed command
never leaves it held.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import GlossaryError
from .location import real_path

# Long enough for any number of `glossary add` in a loop or in parallel to take turns (each
# holds the lock for milliseconds), short enough that a stuck one is reported, not waited on.
LOCK_TIMEOUT = 10.0
_POLL = 0.02


class GlossaryBusyError(GlossaryError):
    """Another command kept the glossary locked for longer than we would wait."""


def lock_path(path: Path) -> Path:
    """The sidecar lock file of the glossary ``path``."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def glossary_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the glossary's lock; wait up to ``timeout`` seconds for another holder.

    Raises :class:`GlossaryBusyError` when the lock stays taken: nothing has been read or
    written then, so the caller's change is refused whole.
    """
    lock = lock_path(real_path(path))
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a+", encoding="utf-8")
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot lock the glossary: {exc.strerror or exc}") from exc
    with handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise GlossaryBusyError(
                        f"{path}: another dolmetsch command (pid {holder}) is still changing "
                        f"this glossary after {timeout:g} s; nothing was changed: run yours "
                        "again when it has finished"
                    ) from None
                time.sleep(_POLL)
        # the holder's pid, for the message of whoever waits on us
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
