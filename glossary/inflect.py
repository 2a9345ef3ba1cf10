"""Inflected forms of a listed name in Russian, Ukrainian and Polish, by rule.

Slavic languages decline names: Зеленский, Зеленского, Зеленскому, Зеленским, Зеленском;
Песков, Пескова, Песковым; Київ, Києва, Києві; Zełenski, Zełenskiego, Zełenskiemu.  The
glossary lists the nominative; :func:`inflections` gives the forms of the other cases
(genitive, dative, accusative, instrumental, locative; singular, and the plural cases of
plural names such as Сумы, Stany Zjednoczone).  Each word of a multi-word name is
declined (Белого дома, Владимира Зеленского); in a hyphenated word only the last part
declines (Орехово-Васильевки).  A word is declined by its ending alone:

- adjectives and adjectival surnames (-ский, -ый, -ой, -ий (uk), -ski, -ny, -y, -e...);
- nouns by their last letter: a consonant, -а/-я, -ь, -й, -ий (ru first names), -о/-е
  (uk; Russian loans in -о/-е/-и/-у such as Рубио, Абу-Даби are indeclinable), -ы/-и
  plurals; Polish consonant, -a, -o, -e, -y plurals;
- abbreviations (США, ООН, ONZ) not at all;
- with the alternations that names meet most: Ukrainian і->о/є in a last syllable in
  -ів/-їв/-іг (Київ -> Києва, Харків -> Харкова; not in surnames: Путін -> Путіна),
  г/к/х -> з/ц/с before і (Сибіга -> Сибізі); Polish ó -> o (Kijów -> Kijowa),
  k/g + -em -> -kiem/-giem, the fleeting e of Павел/Paweł.

The rules over-generate (a form some other paradigm would take) rather than miss a case:
a form that is no word of the language does not occur in text, and matching stays
case-sensitive and whole-word.  Which spellings a language declines: those in its script
(Cyrillic for ru and uk, Latin for pl, so Polish declines the English forms too: Trumpa,
Trumpowi).  Other languages get no inflected forms.
"""

from __future__ import annotations

from functools import lru_cache

INFLECTED = ("ru", "uk", "pl")
_MAX_FORMS = 1000


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _is_latin(text: str) -> bool:
    return any(ch.isalpha() and ch < "\u0250" for ch in text) and not _is_cyrillic(text)


def declines(lang: str, name: str) -> bool:
    """Whether a ``lang`` text declines ``name`` (by its script)."""
    if lang in ("ru", "uk"):
        return _is_cyrillic(name)
    if lang == "pl":
        return _is_latin(name)
    return False


_RU_VELAR_SIBILANT = "кгхжшчщ"
_UK_VELAR_SHIFT = {"г": "з", "к": "ц", "х": "с"}
_VOWELS_CYR = "аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ"


def _ru_word(w: str) -> tuple[str, ...]:
    """The oblique forms of one Russian word (nominative given)."""
    low = w.lower()
    if low.endswith(("ый", "ой")):
        s = w[:-2]
        return (s + "ого", s + "ому", s + "ым", s + "ом")
    if low.endswith(("кий", "гий", "хий")):
        s = w[:-2]
        return (s + "ого", s + "ому", s + "им", s + "ом")
    if low.endswith(("жий", "ший", "чий", "щий")):
        s = w[:-2]
        return (s + "его", s + "ему", s + "им", s + "ем")
    if low.endswith("ий"):  # Юрий, Дмитрий, Геннадий: nouns
        s = w[:-1]
        return (s + "я", s + "ю", s + "ем", s + "и")
    if low.endswith("ая"):
        s = w[:-2]
        return (s + "ой", s + "ую", s + "ою")
    if low.endswith("ое"):
        s = w[:-2]
        return (s + "ого", s + "ому", s + "ым", s + "ом")
    if low.endswith("ые"):
        s = w[:-2]
        return (s + "ых", s + "ым", s + "ыми")
    if low.endswith("ие"):
        s = w[:-2]
        return (s + "их", s + "им", s + "ими")
    if low.endswith(("ье", "ьё")):
        s = w[:-1]
        return (s + "я", s + "ю", s + "ем")
    if low.endswith("й"):
        s = w[:-1]
        return (s + "я", s + "ю", s + "ем", s + "е")
    if low.endswith("ь"):
        s = w[:-1]
        return (s + "я", s + "ю", s + "ем", s + "ём", s + "е", s + "и")
    if low.endswith("а"):
        s = w[:-1]
        i = "и" if s[-1:].lower() in _RU_VELAR_SIBILANT else "ы"
        return (s + i, s + "е", s + "у", s + "ой", s + "ою")
    if low.endswith("я"):
        s = w[:-1]
        return (s + "и", s + "е", s + "ю", s + "ей", s + "ею")
    if low.endswith("ы"):  # plurals: Сумы, Штаты
        s = w[:-1]
        return (s, s + "ов", s + "ам", s + "ами", s + "ах")
    if low.endswith("е") and w.islower():  # море
        s = w[:-1]
        return (s + "я", s + "ю", s + "ем")
    if not low or low[-1] in _VOWELS_CYR:
        return ()  # Рубио, Абу-Даби, Токио: indeclinable
    s = w[:-2] + w[-1] if low.endswith("вел") else w  # Павел -> Павла
    forms = [s + "а", s + "у", s + "ом", s + "е"]
    if low[-1] in "жшчщц":
        forms.append(s + "ем")
    if low.endswith(("ов", "ев", "ин", "ын", "ёв")):
        forms.append(s + "ым")  # Песковым, Путиным
    return tuple(forms)


# The consonants after which the і of a last closed syllable alternates in a name: the
# place-name suffix -ів/-їв (Харків, Львів, Київ) and Ріг (Кривий Ріг -> Кривого Рогу).
# Surnames in -ін, -ір, -іс... keep their і (Путін -> Путіна, Зарубін -> Зарубіна).
_UK_ALTERNATING = "вг"


def _uk_stem_alternation(w: str) -> str:
    """Київ -> Києв, Харків -> Харков, Львів -> Львов: і in the last closed syllable."""
    if len(w) >= 3 and w[-1].lower() in _UK_ALTERNATING:
        if w[-2] == "ї":
            return w[:-2] + "є" + w[-1]
        if w[-2] == "і" and w[-3].lower() not in _VOWELS_CYR:
            return w[:-2] + "о" + w[-1]
    return w


# Neuter adjective endings (Суспільне, Чорне, Рівне, Луганське, Донецьке): names in them
# decline as adjectives.  A noun in -е (море, поле) ends otherwise.
_UK_NEUTER_ADJECTIVE = ("не", "ське", "цьке", "зьке", "ове", "еве", "єве", "ине", "іне")


def _uk_word(w: str) -> tuple[str, ...]:
    low = w.lower()
    if low.endswith("ий"):  # Зеленський, Залужний, Білий
        s = w[:-2]
        return (s + "ого", s + "ому", s + "им", s + "ім")
    if low.endswith("ій") and len(w) > 3:  # Андрій, Валерій, Юрій; also соft adjectives
        s = w[:-2]
        return (s + "ія", s + "ію", s + "ієм", s + "ії", s + "ього", s + "ьому", s + "ім")
    if low.endswith("ї") or low.endswith("і"):  # plural adjectives: Сполучені
        s = w[:-1]
        return (s + "их", s + "им", s + "ими", s + "іх", s + "ім", s + "іми")
    if low.endswith("и"):  # plural nouns: Суми, Штати
        s = w[:-1]
        return (s, s + "ів", s + "ам", s + "ами", s + "ах")
    if low.endswith("а"):
        s = w[:-1]
        shifted = s[:-1] + _UK_VELAR_SHIFT.get(s[-1:], s[-1:])
        return (s + "и", shifted + "і", s + "у", s + "ою", s + "ої", s + "ій", s + "і")
    if low.endswith("я"):
        s = w[:-1]
        return (s + "ї", s + "і", s + "ю", s + "єю", s + "ею", s + "ям", s + "ей")
    if low.endswith(_UK_NEUTER_ADJECTIVE):  # Чорне, Суспільне, Рівне: an adjective declines
        s = w[:-1]  # as one; "Суспільні" (plural, or a noun's locative) is no form of it
        return (s + "ого", s + "ому", s + "им", s + "ім")
    if low.endswith("е"):  # море, поле (nouns)
        s = w[:-1]
        return (s + "ого", s + "ому", s + "им", s + "ім", s + "я", s + "ю", s + "ем", s + "і")
    if low.endswith("о"):  # Дмитро, Павло, Дніпро
        s = w[:-1]
        return (s + "а", s + "у", s + "ом", s + "ові", s + "і")
    if low.endswith("ь"):  # Кремль
        s = w[:-1]
        return (s + "я", s + "ю", s + "ем", s + "і", s + "еві")
    if low.endswith("й"):  # Сергій handled above; Гатілов no; Китай
        s = w[:-1]
        return (s + "ю", s + "я", s + "єм", s + "ї", s + "єві")
    if not low or low[-1] in _VOWELS_CYR:
        return ()
    s = _uk_stem_alternation(w)
    forms = [s + "а", s + "у", s + "ові", s + "ом", s + "і", s + "еві", s + "ем"]
    if low.endswith(("ов", "ев", "ін", "ин", "їв")):
        forms.append(s + "им")  # Пєсковим, Путіним
    return tuple(forms)


_PL_VOWELS = "aeiouyąęóAEIOUYĄĘÓ"
_PL_DATIVE = {"k": "ce", "g": "dze", "h": "sze", "r": "rze", "ch": "sze"}


def _pl_word(w: str) -> tuple[str, ...]:
    low = w.lower()
    if low.endswith(("ski", "cki", "dzki", "gi", "ki")):  # Zełenski, Syrski
        return (w + "ego", w + "emu", w + "m")
    if low.endswith("y") and len(w) > 3 and w[0].isupper() and low[-2] not in _PL_VOWELS:
        # adjectival (Załużny, Biały) or plural noun (Sumy, Stany): both paradigms
        s = w[:-1]
        return (s + "ego", s + "emu", s + "ym", s, s + "ów", s + "om", s + "ami", s + "ach")
    if low.endswith("y") and not w[0].isupper():
        s = w[:-1]
        return (s + "ego", s + "emu", s + "ym")
    if low.endswith("e"):  # Zjednoczone, Czarne (adjectives), Morze, Zaporoże (nouns)
        s = w[:-1]
        return (s + "ych", s + "ym", s + "ymi", s + "ego", s + "emu", s + "a", s + "u", s + "em")
    if low.endswith("a"):
        s = w[:-1]
        tail = "ch" if low.endswith("cha") else s[-1:].lower()
        dative = s[: -len(tail)] + _PL_DATIVE[tail] if tail in _PL_DATIVE else s + "ie"
        forms = [s + "y", s + "i", dative, s + "ę", s + "ą", s + "ej"]  # ...ej: wschodniej
        if low.endswith("ia"):
            forms.append(s + "i")  # Arabia -> Arabii
        return tuple(dict.fromkeys(forms))
    if low.endswith("o") and len(low) > 1 and low[-2] not in _PL_VOWELS:  # Dnipro
        s = w[:-1]
        return (s + "a", s + "u", s + "em", s + "ze", s + "ie")
    if not low or low[-1] in _PL_VOWELS:
        return ()  # Rubio, Sumy handled above
    s = w
    if len(w) >= 2 and w[-2] == "ó":
        s = w[:-2] + "o" + w[-1]  # Kijów -> Kijowa
    if low.endswith("weł"):
        s = w[:-2] + "ł"  # Paweł -> Pawła
    forms = [s + "a", s + "u", s + "owi", s + "em", s + "ie", s + "e"]
    if low[-1] in "kg":
        forms.append(s + "iem")  # Kursk -> Kurskiem
    if low.endswith("r"):
        forms.append(s[:-1] + "rze")  # Dniepr -> Dnieprze
    return tuple(forms)


_WORD_RULES = {"ru": _ru_word, "uk": _uk_word, "pl": _pl_word}


def _word_forms(lang: str, word: str) -> tuple[str, ...]:
    """The oblique forms of one word; a hyphenated word declines its last part only."""
    head, hyphen, last = word.rpartition("-")
    if not last or not last[:1].isalpha() or (lang != "pl" and not _is_cyrillic(last)):
        return ()
    if len(last) > 1 and last.isupper():
        return ()  # abbreviations do not decline: США, ООН, ТАСС, ONZ
    forms = _WORD_RULES[lang](last)
    return tuple(head + hyphen + form for form in forms)


_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "єв", "ин", "ын", "ін", "їн")


def feminine_forms(lang: str, name: str) -> frozenset[str]:
    """The generated forms of ``name`` that are also a woman's surname in the nominative:
    the genitive ``Ушакова`` of ``Ушаков`` is ``Ушакова`` the woman too (Russian and
    Ukrainian surnames in -ов/-ев/-ин).  Matching takes them for the man only where no
    other name stands beside them (:mod:`.matching`)."""
    if lang not in ("ru", "uk") or not _is_cyrillic(name) or " " in name:
        return frozenset()  # a first name beside the surname says who it is
    last = name
    if len(last) < 4 or not last.lower().endswith(_SURNAME_SUFFIXES):
        return frozenset()
    return frozenset(f for f in inflections(lang, name) if f == last + "а")


@lru_cache(maxsize=65536)
def inflections(lang: str, name: str) -> tuple[str, ...]:
    """The inflected forms of the nominative ``name`` in ``lang`` (not ``name`` itself).

    A multi-word name declines every word in the same slot of its paradigm; a word that
    does not decline (Ким, Абу-Даби) stays as it is.
    """
    if lang not in _WORD_RULES or not declines(lang, name):
        return ()
    words = name.split(" ")
    options = [[w, *_word_forms(lang, w)] for w in words]
    size = 1
    for option in options:
        size *= len(option)
    if size > _MAX_FORMS:  # a long name: its last word declines, the others stay
        options = [[w] for w in words[:-1]] + [options[-1]]
    # Every combination, not one case at a time: the press mixes them (Владимиру Путину,
    # but also "Владимир Путина" in a headline), and paradigms do not line up by case.
    found = dict.fromkeys(" ".join(combo) for combo in _product(options))
    found.pop(name, None)
    return tuple(found)


def _product(lists: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for options in lists:
        out = [[*prefix, option] for prefix in out for option in options]
    return out
