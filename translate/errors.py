"""One error base class; the CLI turns each into one clear line and an exit code."""

from __future__ import annotations


class DolmetschError(Exception):
    """Base class of every foreseeable fault; its message is shown to the user as is."""

    exit_code = 1


class UsageError(DolmetschError):
    """The command line asked for something that cannot be done."""

    exit_code = 2


class InputError(DolmetschError):
    """An input file or folder cannot be read as a German article."""


class NoModelError(DolmetschError):
    """No German->English argos package is installed."""

    exit_code = 2


class ModelError(DolmetschError):
    """A model package is broken, or installing or removing one failed."""


class NetworkError(DolmetschError):
    """The argos package index or a package download could not be reached."""


class OutputError(DolmetschError):
    """An output file could not be written."""
