"""How a run's processes end together: its workers die with it, and SIGTERM stops it as
Ctrl-C does.

A worker writes outputs into the run's folder, which only the run's lock makes safe.  Once
the run is gone (even by SIGKILL, which no cleanup sees) the lock is free: a person may be
editing the outputs and another run may start.  So a worker must not outlive its run:

* on Linux the kernel kills it when the parent dies (``prctl(PR_SET_PDEATHSIG)``);
* everywhere, a daemon thread waits on multiprocessing's pipe from the parent, which reaches
  end-of-file when the parent dies, and ends the process;
* and a worker checks that its parent is still there before it writes (:func:`check`).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
ORPHANED = 75  # a worker's exit status when its run was gone (EX_TEMPFAIL: run again)
_POLL = 0.1  # seconds between looks at the parent where there is no pipe to wait on

# In a worker: the pid of the run it belongs to; None in the run itself.
_parent: int | None = None


def bind_to_parent(parent: int) -> None:
    """Make this process (a worker just started by ``parent``) end when ``parent`` does."""
    global _parent
    _parent = parent
    _kill_with_parent()
    # the parent may have died before the kernel was asked: then no signal will ever come
    check()
    threading.Thread(target=_watch, name="dolmetsch-lifeline", daemon=True).start()


def check() -> None:
    """End this process at once if it is a worker whose run is gone, so that it writes
    nothing more; in the run itself (or a process never bound) it does nothing."""
    if _parent is not None and os.getppid() != _parent:
        _end()


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM raises KeyboardInterrupt as Ctrl-C does, so that a run stopped
    by ``kill`` or a service manager cleans up (its workers end, outputs stay whole) instead
    of dying at once.  Signal handlers belong to the main thread; elsewhere nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _kill_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # no libc to ask: the watching thread still ends us
        return
    # PR_SET_PDEATHSIG fires when the *thread* that started this process ends; the pool's
    # processes are started by the thread that runs the whole batch (see pipeline._Workers).
    prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)  # if refused, the thread does it


def _watch() -> None:
    from multiprocessing import parent_process

    parent = parent_process()
    if parent is not None:
        parent.join()  # the parent's end of the pipe closes only when the parent dies
    else:
        while os.getppid() == _parent:
            time.sleep(_POLL)
    _end()


def _end() -> NoReturn:
    # No cleanup: exit handlers could flush or write; every output is written atomically,
    # so stopping here leaves at most a temporary file, which the next run removes.
    os._exit(ORPHANED)
