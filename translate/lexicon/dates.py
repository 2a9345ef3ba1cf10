"""The part of a month or a year: "Anfang September", "Ende 2015", "Mitte Juli".

German names the part with a bare noun before the month or year; English news writes
"early September", "at the end of 2015", "mid-July", where word by word gives "beginning
September", "end 2015", "middle July".  Pure functions on strings.
"""

from __future__ import annotations

import re

# A year a news text names: 1900 to 2099.
_YEAR = re.compile(r"^(19|20)\d\d$")
# Prepositions before the part that English keeps ("bis Ende 2014" -> "until the end of
# 2014"); with none English needs its own "at".
_PREPOSITIONS = frozenset("bis seit ab für vor nach zu gegen von".split())
# The parts ``period_part`` knows.
PARTS = frozenset(["Anfang", "Mitte", "Ende"])


def is_year(token: str) -> bool:
    return _YEAR.match(token) is not None


def period_part(part: str, when: str, previous: str) -> str | None:
    """English for ``part`` ("Anfang", "Ende", "Mitte") before ``when``, the English of a
    month or a year ("September", "2015"), after the German word ``previous``; None for
    any other word."""
    after_preposition = previous.lower() in _PREPOSITIONS
    if part == "Anfang":
        return f"early {when}"
    if part == "Mitte":
        return f"mid-{when}"
    if part == "Ende":
        return f"{'' if after_preposition else 'at '}the end of {when}"
    return None
