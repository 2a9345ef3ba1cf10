"""Standard romanisations of Cyrillic names, for ``glossary suggest``'s English proposals.

- Russian: **BGN/PCGN 1947** (the US Board on Geographic Names and the UK Permanent
  Committee on Geographical Names), as written: ``е`` is ``ye`` at the start of a word and
  after a vowel, ``й``, ``ъ`` or ``ь``; ``ё`` is ``ë``/``yë`` likewise; ``ы`` is ``y``,
  ``й`` is ``y``, so ``-ий``/``-ый`` give ``-iy``/``-yy``; ``ь`` and ``ъ`` are the prime
  ``’`` and double prime ``”``.  The optional middle dot that BGN/PCGN puts between
  letters that would otherwise read as a digraph (``т·с``) is left out.
  Песков -> Peskov, Зеленский -> Zelenskiy, Сырский -> Syrskiy, Киев -> Kiyev.
- Ukrainian: the **national system of 2010** (Cabinet of Ministers resolution No. 55 of
  27 January 2010): ``г`` is ``h``, ``ґ`` ``g``, ``и`` ``y``, ``і`` ``i``; ``є ї й ю я``
  are ``ye yi y yu ya`` at the start of a word and ``ie i i iu ia`` elsewhere; ``зг`` is
  ``zgh``; the soft sign and the apostrophe are dropped.
  Зеленський -> Zelenskyi, Київ -> Kyiv, Запоріжжя -> Zaporizhzhia.

Letters outside the alphabet are kept as they are.  Case follows the source: a capital
becomes a capitalised Latin group (``Щ`` -> ``Shch``), an all-capital word stays all
capitals (``США`` -> ``SSHA``).
"""

from __future__ import annotations

SYSTEMS: dict[str, str] = {
    "ru": "BGN/PCGN (Russian, 1947)",
    "uk": "Ukrainian national system (2010)",
}

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_RU_VOWELS = set("аеёиоуыэюя")
_RU_Y_AFTER = _RU_VOWELS | set("йъь")

_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def _letter(lang: str, word: str, i: int) -> str:
    ch = word[i].lower()
    before = word[i - 1].lower() if i > 0 else ""
    if lang == "ru":
        if ch in "её" and (i == 0 or before in _RU_Y_AFTER):
            return "y" + _RU[ch]
        return _RU.get(ch, word[i])
    if i == 0 and ch in _UK_INITIAL:
        return _UK_INITIAL[ch]
    if ch == "г" and before == "з":
        return "gh"  # зг -> zgh: Згурівка -> Zghurivka
    return _UK.get(ch, word[i])


def _word(lang: str, word: str) -> str:
    upper = len(word) > 1 and word.isupper()
    out: list[str] = []
    for i, ch in enumerate(word):
        latin = _letter(lang, word, i)
        if ch.isupper() and not upper:
            latin = latin[:1].upper() + latin[1:]
        out.append(latin)
    text = "".join(out)
    return text.upper() if upper else text


def romanise(name: str, lang: str) -> str:
    """``name`` in Latin letters by the standard system of ``lang`` (module docstring).

    Words are romanised one by one (a word starts after a space or a hyphen), so that the
    word-initial rules hold in ``Орехово-Васильевка`` and ``Кривий Ріг`` alike.
    """
    if lang not in SYSTEMS:
        raise ValueError(f"no romanisation for {lang!r}; known: {', '.join(SYSTEMS)}")
    parts: list[str] = []
    word = ""
    for ch in name:
        if ch.isalpha() or ch in "'’ʼ":
            word += ch
            continue
        if word:
            parts.append(_word(lang, word))
            word = ""
        parts.append(ch)
    if word:
        parts.append(_word(lang, word))
    return "".join(parts)
