"""Glossary errors; each message names the file and line where that makes sense."""

from __future__ import annotations

from dolmetsch.errors import DolmetschError


class GlossaryError(DolmetschError):
    """A glossary file or entry is malformed or contradicts itself."""
