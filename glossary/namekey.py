"""The transliteration key of a name: one key for the German, English and Slavic spellings.

``Selenskyj``, ``Selenski`` and ``Zelensky`` all give ``selenski``; ``glossary suggest``
clusters spellings with it and :mod:`.variants` recognises unlisted spellings with it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Ordered: longer German clusters first (dsch before sch, tsch before sch before ch).
_TRANSLIT = (
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("x", "ks"),
    ("w", "v"),
    ("z", "s"),
    ("ij", "i"),
    ("iy", "i"),
    ("yi", "i"),
    ("yj", "i"),
    ("y", "i"),
    ("j", "i"),
    ("ß", "ss"),
    ("ä", "ae"),
    ("ö", "oe"),
    ("ü", "ue"),
)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Transliteration-normalised key: ``Saporischschja`` and ``Zaporizhzhia`` agree."""
    key = name.lower().replace("-", " ")
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)  # doubled letters: Wassyliwka/Vasylivka


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similar(a: str, b: str) -> bool:
    """Same name under transliteration, allowing one edit per six letters."""
    ka, kb = name_key(a), name_key(b)
    allowed = max(len(ka), len(kb)) // 6
    if abs(len(ka) - len(kb)) > allowed:  # each edit changes the length by one at most
        return False
    return ka == kb or (allowed > 0 and edit_distance(ka, kb) <= allowed)


# Polish spelling of Slavic names, into the German-English clusters name_key knows.
_POLISH = (
    ("szcz", "shch"),
    ("sz", "sh"),
    ("cz", "ch"),
    ("rz", "zh"),
    ("ż", "zh"),
    ("ź", "z"),
    ("ł", "l"),
    ("ś", "s"),
    ("ć", "ch"),
    ("ń", "n"),
    ("ó", "o"),
    ("ą", "on"),
    ("ę", "en"),
    ("ie", "e"),  # Pieskow, Giennadij: Polish marks the soft consonant
)


def cross_key(name: str, lang: str) -> str:
    """The :func:`name_key` of ``name`` written in ``lang``: Russian and Ukrainian are
    romanised first (:mod:`.romanise`), Polish digraphs spelled out, so that ``Зеленский``,
    ``Зеленський``, ``Zełenski``, ``Selenskyj`` and ``Zelensky`` share one key."""
    from .romanise import romanise  # a leaf module; imported here to keep namekey light

    if lang in ("ru", "uk"):
        name = romanise(name, lang).replace("’", "").replace("”", "").replace("ë", "e")
    elif lang == "pl":
        name = name.lower()
        for old, new in _POLISH:
            name = name.replace(old, new)
    return name_key(name)
