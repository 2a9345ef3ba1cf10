"""Where the glossaries live: the shipped defaults and the person's own file.

The glossary shipped in the package (``glossary/terms.tsv``) holds read-only defaults:
in a normal install it sits in site-packages, where an update would overwrite any change.
The person's glossary is a file of their own, chosen in this order:

1. ``--glossary FILE`` (or ``DOLMETSCH_GLOSSARY``);
2. the project's ``glossary/terms.tsv`` when dolmetsch runs from its source checkout (an
   editable install: the package's file resolves into a folder with ``pyproject.toml``
   beside ``glossary/``).  There the person's file *is* the shipped one, and nothing is
   layered;
3. ``$XDG_CONFIG_HOME/dolmetsch/glossary.tsv`` (``~/.config/dolmetsch/glossary.tsv``),
   created on the first change and read as empty while it does not exist.

Every command uses the defaults layered with the person's file (see :mod:`.layers`);
``--glossary-only`` uses the person's file alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import fileformat
from .errors import GlossaryError

USER_NAME = "glossary.tsv"


@dataclass(frozen=True)
class GlossaryFiles:
    """The files one command works with.

    ``user`` is the person's glossary, the only file a change is ever written to;
    ``defaults`` the shipped glossary layered under it, None when there is nothing to layer
    (``user`` is the shipped file itself, or ``--glossary-only``).  ``explicit`` is True
    when the person named ``user``: then a missing file is an error for reading, while
    the default user file is simply empty until the first change.
    """

    user: Path
    defaults: Path | None = None
    explicit: bool = False


def shipped_path() -> Path:
    """The glossary in the installed package, symlinks resolved."""
    return (Path(fileformat.__file__).resolve().parent / fileformat.DEFAULT_NAME).resolve()


def source_checkout_glossary(shipped: Path | None = None) -> Path | None:
    """The project's ``glossary/terms.tsv`` when dolmetsch runs from its source checkout."""
    path = shipped or shipped_path()
    if path.parent.name == "glossary" and (path.parent.parent / "pyproject.toml").is_file():
        return path
    return None


def user_config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/dolmetsch/glossary.tsv``, by default under ``~/.config``."""
    from dolmetsch.settings import config_home  # the one place that reads the environment

    return config_home(environ) / "dolmetsch" / USER_NAME


def real_path(path: Path) -> Path:
    """The file a glossary path names, symbolic links followed.

    A change is written next to the real file and renamed over it, so that a link the person
    made (``~/.config/dolmetsch/glossary.tsv -> ~/sync/glossary.tsv``) stays a link and the
    file it points to gets the change.  A link to nothing is refused: writing there would
    replace the link with a new file, and reading it as empty would drop the person's entries.
    """
    try:
        real = path.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise GlossaryError(f"{path}: cannot follow the symbolic link: {exc}") from exc
    if path.is_symlink() and not real.exists():
        raise GlossaryError(
            f"{path} is a symbolic link to {real}, which does not exist; nothing read or "
            f"written: restore {real}, or remove the link"
        )
    return real


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def locate(
    explicit: Path | None = None,
    only: bool = False,
    environ: Mapping[str, str] | None = None,
) -> GlossaryFiles:
    """The person's glossary and the defaults under it (see the module's docstring)."""
    shipped = shipped_path()
    if explicit is not None:
        layered = not only and not _same_file(explicit, shipped)
        return GlossaryFiles(explicit, shipped if layered else None, explicit=True)
    checkout = source_checkout_glossary(shipped)
    if checkout is not None:
        return GlossaryFiles(checkout)
    return GlossaryFiles(user_config_path(environ), None if only else shipped)
