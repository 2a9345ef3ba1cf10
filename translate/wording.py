"""Counts in messages: ``1 article``, ``2 articles``, never ``1 articles``.

Every line dolmetsch writes for a person (the run summary, the reader's title, command
messages) counts things through :func:`counted`, so that the number and the noun agree.
"""

from __future__ import annotations


def counted(number: int, singular: str, plural: str = "") -> str:
    """``counted(1, "article")`` -> ``"1 article"``; ``counted(2, "entry", "entries")`` ->
    ``"2 entries"``.  The plural is ``singular + "s"`` unless given."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
