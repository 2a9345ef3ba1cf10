"""Writing to a terminal: whether to colour, and through which pager.

:func:`wants_colour` settles ``--color auto|always|never`` with the ``NO_COLOR`` convention
(https://no-color.org: set and not empty, it turns colour off unless ``always`` is asked
for).  :func:`pager_plan` decides how to run the pager (``$PAGER``, else ``less``) so that
colour is shown as colour, never as ``ESC[1;33m``: Debian's ``less`` prints escape
sequences as text unless it is told ``-R``.  Both are pure; :func:`page` runs the plan.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

COLOR_CHOICES = ("auto", "always", "never")
# ``less`` when $PAGER is not set or empty, as git and click do; ``LESS`` as git sets it
# when the person has not: quit when the text fits one screen (F), keep it on the screen
# after quitting (X), and R (raw colour sequences) only when colour is written.
DEFAULT_PAGER = "less"
# Pagers that pass colour sequences to the terminal as they are; any other pager gets
# plain text unless colour is asked for with ``--color always``.
_SHOWS_COLOUR = frozenset({"more", "cat"})


def wants_colour(choice: str, tty: bool, environ: Mapping[str, str]) -> bool:
    """Whether to write colour: ``always``, ``never``, or for ``auto`` on a terminal
    (``tty``) that is not ``TERM=dumb`` when ``NO_COLOR`` is unset or empty."""
    if choice not in COLOR_CHOICES:
        raise ValueError(f"unknown colour choice {choice!r}")
    if choice != "auto":
        return choice == "always"
    return tty and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


@dataclass(frozen=True)
class PagerPlan:
    """How to run the pager: its argument vector, variables to set for it, and whether
    it will show colour sequences as colour."""

    argv: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)
    colour: bool = False


def pager_plan(environ: Mapping[str, str], colour: bool) -> PagerPlan | None:
    """How to page text, colour included when ``colour``; None for no pager (``$PAGER``
    unset on a ``TERM=dumb`` or ``emacs`` terminal, which cannot run one).

    ``less`` (the default) gets ``LESS=FRX`` when ``LESS`` is unset (``FX`` without
    colour); otherwise the person's ``LESS`` is kept and, for colour, ``-R`` is added on
    the command line, where it overrides ``LESS`` (``-r`` too, which would also let
    through sequences that move the cursor).  A pager known to pass colour through
    (``more``, ``cat``) is run as it is; any other is run as it is and shows colour only
    if the person's options tell it to (the plan says ``colour=False``: the caller writes
    plain text unless asked).
    """
    try:
        argv = shlex.split(environ.get("PAGER", ""))
    except ValueError:  # unbalanced quotes: the person's PAGER cannot be run as meant
        argv = []
    if not argv and environ.get("TERM") in ("dumb", "emacs"):
        return None
    argv = argv or [DEFAULT_PAGER]
    name = Path(argv[0]).name
    if name != "less":
        return PagerPlan(tuple(argv), {}, colour and name in _SHOWS_COLOUR)
    if "LESS" not in environ:
        return PagerPlan(tuple(argv), {"LESS": "FRX" if colour else "FX"}, colour)
    return PagerPlan((*argv, "-R") if colour else tuple(argv), {}, colour)


def page(text: str, plan: PagerPlan, encoding: str) -> bool:
    """Show ``text`` through the pager of ``plan``; False (nothing shown) when it cannot be
    started, so that the caller writes the text itself.

    The pager reads the keyboard from the terminal; Ctrl-C belongs to it while it runs
    (``less`` uses it to stop a search), so this process ignores it until the pager ends:
    the article is fed whole and nothing is left half-drawn behind a message.
    """
    program = shutil.which(plan.argv[0])
    if program is None:
        return False
    try:
        process = subprocess.Popen(
            [program, *plan.argv[1:]], stdin=subprocess.PIPE, env={**os.environ, **plan.env}
        )
    except OSError:
        return False
    stdin = process.stdin
    if stdin is None:  # cannot be with stdin=PIPE; it narrows the type
        return False
    # after the pager started, which so keeps Ctrl-C's default (cat stops at it); only the
    # main thread may change handlers
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        try:
            stdin.write(text.encode(encoding, "replace"))
            stdin.close()
        except OSError:  # the person quit before the end (EPIPE): nothing to do
            pass
        process.wait()
    finally:
        if main:  # None: a handler installed outside Python, unknown here: the default
            signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
    return True
