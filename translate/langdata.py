"""What sentence splitting and the document model need to know about a language, as data.

One :class:`LanguageData` per source language: the punctuation that ends a sentence, the
quotes and brackets around it, the abbreviations (on top of sacremoses' Moses lists) and
the ordinal and month rules that veto a full stop, the agencies that sign a paragraph, and
what a heading may not end with.  :mod:`dolmetsch.segment` and :mod:`dolmetsch.document`
read these fields and have no branch on a language code: adding a language is adding an
entry here.  A language without an entry gets :func:`generic` rules (and sacremoses' list
for its code when it ships one).

German comes first and reproduces exactly the rules dolmetsch had when it read German only.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import UsageError

# Opening and closing marks of the German rules (German „“ and »«, French «», straight).
_DE_OPEN = "„\"'‚«»‹›‘“(["
_DE_CLOSE = "“”\"'’‘«»‹›)]"
# Every language's: the German ones, Spanish inverted marks, CJK corner and lenticular
# brackets, full-width parentheses.
OPEN = _DE_OPEN + "¿¡「『（【〔〈《［｛"
CLOSE = _DE_CLOSE + "」』）】〕〉》］｝"
# Full stops that end a sentence with no space after them (CJK writes none).
CJK_STOPS = "。！？｡．"

# The German ordinal rules (dolmetsch's first language; see segment.py).
_DE_MONTHS = frozenset(
    "Januar Jänner Februar März Maerz April Mai Juni Juli August September Oktober November "
    "Dezember".split()
)
# Words that precede a number used as an ordinal: "am 5.", "die 47.", "bis zum 1.".
_DE_ORDINAL_CUES = frozenset(
    "am an ab bis zum zur vom beim im seit dem den der die das des ein eine einem einen einer "
    "sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer jeder jedem jeden jede "
    "jährlich".split()
)
# Function words that typically open a German sentence; after a small number and a period,
# such a word means the number ended the sentence ("... knapp 300. Im Dezember ...").
_DE_SENTENCE_STARTERS = frozenset(
    "der die das den dem des ein eine einer einem einen er sie es wir ich ihr man im in am an "
    "auf aus auch aber als bei bis da dabei damit danach dann darauf darum daher das dass dem "
    "denn deshalb dies diese dieser dieses doch dort durch für gegen heute hier immer "
    "inzwischen ja jedoch jetzt kein keine laut mit nach nun nur ob obwohl oder seit so "
    "sondern trotz um und unter viele von vor während was weil wenn wer wie wo zudem zuvor "
    "zwar zwischen allerdings außerdem ausserdem bereits zuletzt später".split()
)

# Abbreviations that news in any language borrows: Latin ones and titles ("ca.", "Dr."),
# and those before a number ("No. 5", "p. 12").
_LATIN_ABBREVIATIONS = frozenset(
    "ca cf vs viz approx ibid al e.g i.e Dr Prof Mr Mrs Ms St Jr Sr".split()
)
_NUMERIC_ABBREVIATIONS = frozenset("No no Nr nr Art art p pp vol Vol fig Fig".split())


@dataclass(frozen=True)
class LanguageData:
    """The rules of one source language; see the module docstring."""

    code: str
    # Moses' nonbreaking prefixes: sacremoses' ``nonbreaking_prefix.<moses>``
    # ("" when sacremoses has none for this language).
    moses: str = ""
    # Abbreviations that never end a sentence, on top of Moses' list (without the full stop).
    abbreviations: frozenset[str] = frozenset()
    # Abbreviations that end no sentence when a number follows ("Nr. 5").
    numeric_abbreviations: frozenset[str] = frozenset()
    # A sentence may open with an abbreviation ("Ul. Marszałkowska"): Moses' lower-case ones
    # count capitalised too.  German keeps Moses' list as it is.
    capitalised_abbreviations: bool = True
    # Units after an amount ("$5 млрд.", "90,5 руб.", "5 тис. грн."): before a capital they
    # end a sentence, although the abbreviation list says otherwise.
    unit_abbreviations: frozenset[str] = frozenset()
    # Dashes that open a line of dialogue ("— Но не сейчас."): one after the whitespace
    # that follows a sentence's end, then a space, starts the next sentence.
    dialogue_dashes: str = ""
    # A single upper-case letter before a full stop is an initial ("В. В. Путин").  German
    # leaves this to Moses' list (A-Z), which is what it always did.
    initials: bool = True
    # Punctuation ending a sentence when whitespace follows it.
    enders: str = ".!?…"
    # Punctuation ending a sentence with or without a space after it (CJK).
    tight_enders: str = CJK_STOPS
    openers: str = OPEN
    closers: str = CLOSE
    # Closing quotes may stand after a space (French « Non. »), opening ones before one.
    spaced_closers: bool = False
    # After a closing CJK bracket or quote with no space ("」と言った"), what continues the
    # sentence (a ``re`` character-class body: Japanese particles in hiragana, commas);
    # anything else starts the next one ("「好。」她也同意。").
    cjk_continues: str = "\u3041-\u309f、，,"
    # Letters that continue a sentence after a full stop and a space (a ``re`` character-class
    # body); "" stands for every lower-case letter of Unicode.
    lower: str = ""
    # The language writes ordinals as "5." and capitalises what follows them (German: "am 5.
    # Februar", "die 47. Brigade"): a small number before a full stop then ends a sentence
    # only when the next word is no month and, where the language lists them, when the word
    # before is no ordinal cue and the next a sentence starter.
    ordinal_dot: bool = False
    months: frozenset[str] = frozenset()
    ordinal_cues: frozenset[str] = frozenset()
    sentence_starters: frozenset[str] = frozenset()
    # Capitalised articles that mark where a scraper ran a heading into a sentence (German).
    run_on_articles: tuple[str, ...] = ()
    # Abbreviations that close a list and so may end a sentence ("и т. д."): with a capital
    # after them they are a boundary although the abbreviation list says otherwise.
    list_endings: tuple[str, ...] = ()
    # Abbreviations of "year" ("в 2020 г.", "у 2022 р."): after a year and before a capital
    # they end a sentence; elsewhere ("г. Москва", the city) they end none.
    year_abbreviations: frozenset[str] = frozenset()
    # A news agency's tag in parentheses closing a paragraph: "(dpa)", "(ТАСС)": letters of
    # this ``re`` class, or one of the named agencies (names with spaces or hyphens).
    agency_letters: str = r"[^\W\d_]"
    agencies: tuple[str, ...] = ()
    # What a finished sentence ends with before such a tag.
    attribution_after: str = ""
    # A line ending with one of these (before closing marks) is a sentence, not a heading.
    heading_final: str = ""
    # A ``re`` class of a script that marks sentences by spaces alone (Thai): whitespace
    # between two of its letters is a boundary.
    space_separated: str = ""

    def __post_init__(self) -> None:
        # Unless an entry says otherwise, both follow from the language's own punctuation.
        if not self.attribution_after:
            quotes = "".join(c for c in self.closers if c not in ")]）］｝")
            object.__setattr__(self, "attribution_after", self.enders + self.tight_enders + quotes)
        if not self.heading_final:
            object.__setattr__(
                self, "heading_final", self.enders + self.tight_enders + ":;,：；，、،؛"
            )


class LanguageCodeError(UsageError):
    """A source language is not given as an ISO 639 code."""


def language_code(lang: str) -> str:
    """The primary subtag of a language tag, lower case: ``de``, ``pt-BR`` -> ``pt``."""
    code = re.split(r"[-_]", lang.strip(), maxsplit=1)[0].lower()
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise LanguageCodeError(
            f"{lang!r} is not a language code; give an ISO 639 code such as de, en, ru, zh"
        )
    return code


GERMAN = LanguageData(
    code="de",
    moses="de",
    capitalised_abbreviations=False,
    initials=False,
    enders=".!?…",
    tight_enders="",
    openers=_DE_OPEN,
    closers=_DE_CLOSE,
    lower="a-zäöüß",
    ordinal_dot=True,
    months=_DE_MONTHS,
    ordinal_cues=_DE_ORDINAL_CUES,
    sentence_starters=_DE_SENTENCE_STARTERS,
    run_on_articles=("Der", "Die", "Das"),
    agency_letters="[A-Za-z]",
    attribution_after='.!?…“”"»«',
    heading_final=".!?…:;,",
)


def generic(code: str, abbreviations: Iterable[str] = (), **fields: Any) -> LanguageData:
    """Rules for a language without an entry: Moses' list for ``code`` when sacremoses ships
    one, Latin abbreviations, initials, numbers before "No."-like words, CJK full stops.

    The entries below are these rules with ``fields`` set and ``abbreviations`` (and the
    language's abbreviated month names) added."""
    months = _MONTH_ABBREVIATIONS.get(code, "").split()
    return LanguageData(
        code=code,
        moses=code if code in MOSES_LISTS else "",
        abbreviations=_LATIN_ABBREVIATIONS | frozenset(abbreviations) | frozenset(months),
        numeric_abbreviations=_NUMERIC_ABBREVIATIONS,
        **fields,
    )


# The languages sacremoses 0.1 ships nonbreaking prefixes for.
MOSES_LISTS = frozenset(
    "as bn ca cs de el en es et fi fr ga gu hi hu is it kn lt lv ml mni mr nl or pa pl pt ro "
    "ru sk sl sv ta tdt te yue zh".split()
)

_EN_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
_FR_MONTHS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
# Russian, Ukrainian and Polish dates use the genitive: "5 января", "5 січня", "5 stycznia".
_RU_MONTHS = frozenset(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
)
_UK_MONTHS = frozenset(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня "
    "січень лютий березень квітень травень червень липень серпень вересень жовтень "
    "листопад грудень".split()
)
_PL_MONTHS = frozenset(
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień "
    "październik listopad grudzień".split()
)
# Abbreviated months ("5 янв. 2020", "12 janv. 2024") never end a sentence.
_MONTH_ABBREVIATIONS = {
    "en": "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
    "fr": "janv févr avr juil sept oct nov déc",
    "ru": "янв фев февр мар апр авг сен сент окт ноя нояб дек",
    "uk": "січ лют бер квіт трав черв лип серп вер жовт лист груд",
    "pl": "sty lut mar kwi cze lip sie wrz paź lis gru",
}

# Every letter of the Arabic script alone: no case tells an initial from a word there.
_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B) if chr(c).isalpha())

_CYRILLIC_LIST_ENDINGS = ("т. д.", "т.д.", "т. п.", "т.п.")
# Dialogue and quotation dashes: em dash, en dash, horizontal bar.
_DASHES = "—–―"


def _entries() -> dict[str, LanguageData]:
    entry = generic
    return {
        "de": GERMAN,
        "en": entry("en", months=_EN_MONTHS),
        "fr": entry(
            "fr",
            months=_FR_MONTHS,
            spaced_closers=True,  # « Non. » Puis...; "Vraiment ?" needs nothing: ? ends it
            # « opens a quotation in French, never closes one: after "d'accord. " it starts
            # the next sentence
            closers=CLOSE.replace("«", "").replace("‹", ""),
            dialogue_dashes=_DASHES,
            abbreviations={"M", "MM", "Mme", "Mmes", "Mlle", "Me", "Dr", "Pr", "St", "Ste"},
        ),
        "es": entry("es", abbreviations={"Sr", "Sra", "Srta", "Dña", "Dª", "D", "Ud", "Uds"}),
        "ru": entry(
            "ru",
            months=_RU_MONTHS,
            # Moses' Russian list lacks these: "им. Пушкина", "акад. Сахаров", "ген. Герасимов"
            abbreviations={
                "им",
                "акад",
                "ген",
                "генерал-лейт",
                "полк",
                "подп",
                "тов",
                "напр",
                "рис",
                "корр",
                "чл",
                "пп",
                "гг",
                "вв",
                "ул",
                "пр-т",
                "пер",
                "р-н",
                "пгт",
                "дер",
                "Им",
                "Ген",
                "Акад",
                "Тов",
                "Св",
                "св",
                "ин",
                "иноаг",
            },
            list_endings=(*_CYRILLIC_LIST_ENDINGS, "и др.", "и пр."),
            year_abbreviations=frozenset({"г", "гг"}),
            unit_abbreviations=frozenset(
                "тыс млн млрд трлн руб коп долл дол евро км кг га шт чел".split()
            ),
            dialogue_dashes=_DASHES,
            agencies=("РИА Новости", "Интерфакс", "ИТАР-ТАСС"),
        ),
        "uk": entry(
            "uk",
            months=_UK_MONTHS,
            # sacremoses has no Ukrainian list: the usual abbreviations of news text
            abbreviations={
                "р",
                "рр",
                "ім",
                "вул",
                "просп",
                "пров",
                "пл",
                "буд",
                "кв",
                "м",
                "с",
                "смт",
                "обл",
                "р-н",
                "див",
                "напр",
                "ін",
                "пор",
                "проф",
                "акад",
                "доц",
                "д-р",
                "ген",
                "полк",
                "підполк",
                "ст",
                "т",
                "зв",
                "п",
                "пп",
                "тис",
                "млн",
                "млрд",
                "грн",
                "км",
                "кг",
                "год",
                "хв",
                "св",
                "тов",
                "заст",
                "сек",
                "гр",
                "Ім",
                "Ген",
                "Св",
            },
            list_endings=(*_CYRILLIC_LIST_ENDINGS, "т. ін.", "т.ін.", "та ін."),
            year_abbreviations=frozenset({"р", "рр"}),
            unit_abbreviations=frozenset(
                "тис млн млрд трлн грн коп дол долл євро км кг га шт ос".split()
            ),
            dialogue_dashes=_DASHES,
            agencies=("Інтерфакс-Україна", "Укрінформ", "УНІАН", "Суспільне"),
        ),
        "be": entry(
            "be",
            abbreviations={"г", "гг", "ім", "вул", "т", "зн", "напр"},
            year_abbreviations=frozenset({"г", "гг"}),
        ),
        "pl": entry(
            "pl",
            months=_PL_MONTHS,
            # Titles before a name that Moses' Polish list lacks: "prez. Duda"; not those that
            # are words too ("min." mines, "marsz." a march, "rzecz." a thing)
            abbreviations={
                "prez",
                "wiceprez",
                "wicemin",
                "pos",
                "mjr",
                "ppłk",
                "abp",
                "wicemarsz",
                "przew",
                "sekr",
                "amb",
            },
            list_endings=("itd.", "itp.", "etc."),
            unit_abbreviations=frozenset("tys mln mld bln zł gr km kg ha szt min godz".split()),
            dialogue_dashes=_DASHES,
        ),
        # Moses' Italian list has titles capitalised only: "il sig. Rossi", "la dott.ssa".
        "it": entry(
            "it",
            abbreviations={
                "sig",
                "sigg",
                "sig.ra",
                "sig.na",
                "sig.ri",
                "dott",
                "dott.ssa",
                "prof",
                "prof.ssa",
                "avv",
                "ing",
                "arch",
                "geom",
                "rag",
                "mons",
                "gen",
                "col",
                "sen",
                "on",
                "egr",
                "gent",
                "gent.mo",
                "gent.ma",
                "spett",
            },
        ),
        # Czech, Slovak and Polish write ordinals with a full stop too ("5. ledna"), but their
        # months are lower case, so no split is ever considered there: no ordinal rules needed.
        "cs": entry("cs", list_endings=("atd.", "apod.")),
        "sk": entry("sk", list_endings=("atď.", "apod.")),
        "el": entry(
            "el",
            # ";" (and U+037E) is the Greek question mark; "·" is a semicolon, no end.
            enders=".!?…;\u037e",
            agencies=("ΑΠΕ-ΜΠΕ",),
        ),
        **{
            # Arabic question mark, Urdu full stop; a letter alone before a full stop is a
            # title ("د. أحمد": Dr Ahmed; "م." engineer, "أ." professor) or an initial.
            code: entry(code, enders=".!?…؟۔", abbreviations=_ARABIC_LETTERS)
            for code in ("ar", "fa", "ur", "ps")
        },
        **{
            code: entry(code, enders=".!?…।॥")  # danda and double danda
            for code in ("hi", "mr", "ne", "sa", "bn", "as", "pa", "or")
        },
        "hy": entry("hy", enders=".!?…։"),  # Armenian full stop (U+0589)
        "my": entry("my", enders=".!?…။"),  # Burmese section mark ends a sentence
        "am": entry("am", enders=".!?…።፧"),  # Ethiopic full stop and question mark
        **{code: entry(code) for code in ("zh", "ja", "yue", "ko")},
        # Thai and Lao have no sentence punctuation: a space between two of their letters
        # is where a sentence (or clause) ends, the only boundary the text shows without a
        # model of the language; line breaks already separate blocks.
        "th": entry("th", space_separated="\u0e00-\u0e7f"),
        "lo": entry("lo", space_separated="\u0e80-\u0eff"),
    }


LANGUAGES: dict[str, LanguageData] = _entries()


@functools.cache
def language_data(lang: str) -> LanguageData:
    """The rules for ``lang`` (a language tag such as ``de`` or ``pt-BR``)."""
    code = language_code(lang)
    return LANGUAGES.get(code) or generic(code)


# Unicode has no lower-case letter above plane 1; scanning the other planes took 0.2 s.
_LAST_LOWER = 0x1FFFF


@functools.cache
def lowercase_class() -> str:
    """A ``re`` character-class body of every lower-case letter (category Ll) of Unicode:
    the stdlib ``re`` has no ``\\p{Ll}``, and the ``regex`` module's ``\\w`` differs from
    ``re``'s, which the German rules were written with."""
    ranges: list[tuple[int, int]] = []
    for point in range(_LAST_LOWER + 1):
        if unicodedata.category(chr(point)) == "Ll":
            if ranges and ranges[-1][1] == point - 1:
                ranges[-1] = (ranges[-1][0], point)
            else:
                ranges.append((point, point))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
