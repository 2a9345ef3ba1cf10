"""Languages: a translation's source and target as ISO 639-1 codes, checked once.

Codes are those argos packages use: ISO 639-1 (``de``, ``en``, ``ru``, ``uk``), plus the two
argos adds where one code names two written standards (``zt`` Chinese in traditional
characters, ``pb`` Brazilian Portuguese).  A code is checked when a :class:`LanguagePair` is
made, so that every output can name its languages without checking again.  Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .errors import UsageError

# ISO 639-1 (the 183 codes in use; "sh" and the withdrawn ones left out), English names as the
# standard gives them, shortened where it lists several ("Spanish; Castilian" -> "Spanish").
NAMES: dict[str, str] = {
    "aa": "Afar", "ab": "Abkhazian", "ae": "Avestan", "af": "Afrikaans", "ak": "Akan",
    "am": "Amharic", "an": "Aragonese", "ar": "Arabic", "as": "Assamese", "av": "Avaric",
    "ay": "Aymara", "az": "Azerbaijani", "ba": "Bashkir", "be": "Belarusian",
    "bg": "Bulgarian", "bi": "Bislama", "bm": "Bambara", "bn": "Bengali", "bo": "Tibetan",
    "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "ce": "Chechen", "ch": "Chamorro",
    "co": "Corsican", "cr": "Cree", "cs": "Czech", "cu": "Church Slavonic", "cv": "Chuvash",
    "cy": "Welsh", "da": "Danish", "de": "German", "dv": "Divehi", "dz": "Dzongkha",
    "ee": "Ewe", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "ff": "Fulah", "fi": "Finnish",
    "fj": "Fijian", "fo": "Faroese", "fr": "French", "fy": "Western Frisian", "ga": "Irish",
    "gd": "Scottish Gaelic", "gl": "Galician", "gn": "Guarani", "gu": "Gujarati",
    "gv": "Manx", "ha": "Hausa", "he": "Hebrew", "hi": "Hindi", "ho": "Hiri Motu",
    "hr": "Croatian", "ht": "Haitian Creole", "hu": "Hungarian", "hy": "Armenian",
    "hz": "Herero", "ia": "Interlingua", "id": "Indonesian", "ie": "Interlingue",
    "ig": "Igbo", "ii": "Sichuan Yi", "ik": "Inupiaq", "io": "Ido", "is": "Icelandic",
    "it": "Italian", "iu": "Inuktitut", "ja": "Japanese", "jv": "Javanese", "ka": "Georgian",
    "kg": "Kongo", "ki": "Kikuyu", "kj": "Kuanyama", "kk": "Kazakh", "kl": "Greenlandic",
    "km": "Khmer", "kn": "Kannada", "ko": "Korean", "kr": "Kanuri", "ks": "Kashmiri",
    "ku": "Kurdish", "kv": "Komi", "kw": "Cornish", "ky": "Kyrgyz", "la": "Latin",
    "lb": "Luxembourgish", "lg": "Ganda", "li": "Limburgish", "ln": "Lingala", "lo": "Lao",
    "lt": "Lithuanian", "lu": "Luba-Katanga", "lv": "Latvian", "mg": "Malagasy",
    "mh": "Marshallese", "mi": "Maori", "mk": "Macedonian", "ml": "Malayalam",
    "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese", "my": "Burmese",
    "na": "Nauru", "nb": "Norwegian Bokmål", "nd": "North Ndebele", "ne": "Nepali",
    "ng": "Ndonga", "nl": "Dutch", "nn": "Norwegian Nynorsk", "no": "Norwegian",
    "nr": "South Ndebele", "nv": "Navajo", "ny": "Chichewa", "oc": "Occitan", "oj": "Ojibwa",
    "om": "Oromo", "or": "Oriya", "os": "Ossetian", "pa": "Punjabi", "pi": "Pali",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "qu": "Quechua", "rm": "Romansh",
    "rn": "Rundi", "ro": "Romanian", "ru": "Russian", "rw": "Kinyarwanda", "sa": "Sanskrit",
    "sc": "Sardinian", "sd": "Sindhi", "se": "Northern Sami", "sg": "Sango", "si": "Sinhala",
    "sk": "Slovak", "sl": "Slovenian", "sm": "Samoan", "sn": "Shona", "so": "Somali",
    "sq": "Albanian", "sr": "Serbian", "ss": "Swati", "st": "Southern Sotho",
    "su": "Sundanese", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "tg": "Tajik", "th": "Thai", "ti": "Tigrinya", "tk": "Turkmen", "tl": "Tagalog",
    "tn": "Tswana", "to": "Tonga", "tr": "Turkish", "ts": "Tsonga", "tt": "Tatar",
    "tw": "Twi", "ty": "Tahitian", "ug": "Uyghur", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "ve": "Venda", "vi": "Vietnamese", "vo": "Volapük", "wa": "Walloon",
    "wo": "Wolof", "xh": "Xhosa", "yi": "Yiddish", "yo": "Yoruba", "za": "Zhuang",
    "zh": "Chinese", "zu": "Zulu",
    # argos's own, where ISO 639-1 has one code for two written standards
    "pb": "Portuguese (Brazil)", "zt": "Chinese (traditional)",
}  # fmt: skip

# The three-letter codes (ISO 639-2/3) people type most, with the code argos wants instead.
_THREE_LETTER = {
    "deu": "de", "ger": "de", "eng": "en", "rus": "ru", "ukr": "uk", "pol": "pl",
    "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "nld": "nl", "dut": "nl",
    "por": "pt", "ces": "cs", "cze": "cs", "tur": "tr", "zho": "zh", "chi": "zh",
    "jpn": "ja", "ara": "ar", "bel": "be", "bul": "bg", "swe": "sv", "fin": "fi",
}  # fmt: skip
# Country codes and withdrawn codes often typed for a language (ua is Ukraine, not Ukrainian).
_MISTAKEN = {"ua": "uk", "cz": "cs", "gr": "el", "dk": "da", "jp": "ja", "cn": "zh", "iw": "he",
             "in": "id", "ji": "yi"}  # fmt: skip
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*")


class LanguageError(UsageError):
    """A language code that is not one dolmetsch knows, or a pair it cannot translate."""


# argos's private codes as the standards write them: BCP 47 (HTML lang, TMX xml:lang, TSV)
# and gettext's locale (PO Language), which tools, CAT tools and screen readers know.
_STANDARD_TAGS: dict[str, tuple[str, str]] = {
    "pb": ("pt-BR", "pt_BR"),
    "zt": ("zh-Hant", "zh_TW"),
}
# and back: the tags other tools write for those two written standards
_PRIVATE_CODES = {
    "pt-br": "pb",
    "zh-hant": "zt",
    "zh-tw": "zt",
    "zh-hk": "zt",
    "zh-mo": "zt",
    "zh-hant-tw": "zt",
    "zh-hant-hk": "zt",
}


def language_tag(code: str, style: Literal["bcp47", "gettext"] = "bcp47") -> str:
    """The tag an output writes for the language ``code`` (as :func:`check_code` gives it):
    the code itself, but for argos's private ``pb`` and ``zt``, which are ``pt-BR`` and
    ``zh-Hant`` in BCP 47 (``style="bcp47"``) and ``pt_BR`` and ``zh_TW`` as gettext names
    locales (``style="gettext"``).  :func:`check_code` reads every one of them back."""
    tags = _STANDARD_TAGS.get(code)
    if tags is None:
        return code
    return tags[0] if style == "bcp47" else tags[1]


# Languages written right to left (in the scripts argos translates them in): an HTML cell
# of theirs needs dir="rtl", or its punctuation lands at the wrong end of the line.
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv", "sd", "ug"})


def is_right_to_left(code: str) -> bool:
    return code in RIGHT_TO_LEFT


def check_code(code: str, what: str = "language") -> str:
    """``code`` as argos names the language (lower case), or :class:`LanguageError` saying
    what was wrong and what to give instead (``deu`` -> ``de``; ``de-AT`` -> ``de``).  The
    standard tags of argos's private codes are taken for them (``pt-BR``, ``pt_BR`` ->
    ``pb``; ``zh-Hant``, ``zh_TW`` -> ``zt``): the outputs write those (:func:`language_tag`)."""
    given = code.strip()
    lower = given.lower()
    if lower in NAMES:
        return lower
    private = _PRIVATE_CODES.get(lower.replace("_", "-"))
    if private is not None:
        return private
    match = _TAG.fullmatch(given)
    hint = ""
    if match is not None:
        primary = match.group(1).lower()
        better = _THREE_LETTER.get(primary, primary if primary in NAMES else "")
        better = better or _MISTAKEN.get(primary, "")
        if better:
            hint = f": did you mean {better} ({NAMES[better]})?"
    shown = repr(given) if given else "an empty code"
    return _refuse(f"{what} {shown} is not an ISO 639-1 code such as de, en, ru, uk{hint}")


# Region and script subtags that argos gives a code of its own.
_ARGOS_VARIANTS = {("pt", "br"): "pb", ("zh", "tw"): "zt", ("zh", "hk"): "zt", ("zh", "hant"): "zt"}


def from_tag(tag: str) -> str | None:
    """The code argos uses for a language tag as files write them (BCP 47 or ISO 639-2:
    ``en-GB`` -> ``en``, ``ger``/``deu`` -> ``de``, ``pol`` -> ``pl``, ``pt-BR`` -> ``pb``,
    ``zh-Hant`` -> ``zt``), or None for a tag of no language dolmetsch knows."""
    parts = [p.lower() for p in re.split(r"[-_]", tag.strip())]
    primary = _THREE_LETTER.get(parts[0], parts[0])
    for sub in parts[1:]:
        if (primary, sub) in _ARGOS_VARIANTS:
            return _ARGOS_VARIANTS[(primary, sub)]
    return primary if primary in NAMES else None


def _refuse(message: str) -> str:
    raise LanguageError(message)


# Each language's own name, for column headings a reader of that language finds at a glance
# (Deutsch | English); the English name where none is listed here.
_OWN_NAMES = {
    "ar": "العربية", "be": "Беларуская", "bg": "Български", "cs": "Čeština", "da": "Dansk",
    "de": "Deutsch", "el": "Ελληνικά", "en": "English", "es": "Español", "et": "Eesti",
    "fa": "فارسی", "fi": "Suomi", "fr": "Français", "he": "עברית", "hi": "हिन्दी",
    "hu": "Magyar", "id": "Bahasa Indonesia", "it": "Italiano", "ja": "日本語", "ka": "ქართული",
    "kk": "Қазақ тілі", "ko": "한국어", "lt": "Lietuvių", "lv": "Latviešu", "nl": "Nederlands",
    "nb": "Norsk bokmål", "pl": "Polski", "pt": "Português", "pb": "Português (Brasil)",
    "ro": "Română", "ru": "Русский", "sk": "Slovenčina", "sl": "Slovenščina", "sq": "Shqip",
    "sr": "Српски", "sv": "Svenska", "tr": "Türkçe", "uk": "Українська", "zh": "中文",
    "zt": "中文（繁體）",
}  # fmt: skip


def native_name(code: str) -> str:
    """A language's own name (``ru`` -> ``Русский``), else its English name."""
    return _OWN_NAMES.get(code.lower()) or language_name(code)


def language_name(code: str) -> str:
    """The English name of a language (``ru`` -> ``Russian``); the code itself for one
    dolmetsch does not know, so a heading never fails."""
    return NAMES.get(code.lower(), code)


@dataclass(frozen=True)
class LanguagePair:
    """A translation's direction: ``source`` into ``target``, ISO 639-1 codes as argos
    uses them.  Made only from valid, distinct codes (lower-cased)."""

    source: str = "de"
    target: str = "en"

    def __post_init__(self) -> None:
        source = check_code(self.source, "source language")
        target = check_code(self.target, "target language")
        if source == target:
            raise LanguageError(
                f"source and target language are both {source} ({language_name(source)}): "
                "give two different languages with --from and --to"
            )
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "target", target)

    @property
    def code(self) -> str:
        """``de-en``: the pair as the memory, the ledger and argos's package names write it."""
        return f"{self.source}-{self.target}"

    @property
    def source_name(self) -> str:
        return language_name(self.source)

    @property
    def target_name(self) -> str:
        return language_name(self.target)

    def describe(self) -> str:
        """``German->English``, for messages and headings."""
        return f"{self.source_name}->{self.target_name}"

    @classmethod
    def parse(cls, code: str) -> LanguagePair:
        """The pair of ``de-en`` (as :attr:`code` writes it); :class:`LanguageError` else."""
        source, sep, target = code.partition("-")
        if not sep or "-" in target:
            raise LanguageError(f"{code!r} is not a language pair such as de-en")
        return cls(source, target)


DEFAULT_PAIR = LanguagePair()
