"""Which language a text is written in: a small detector for the articles of a mixed folder.

Pure: text in, a :class:`Detection` (an ISO 639-1 code as argos names it and a confidence
from 0 to 1) out.  No model and no dependency: news articles are long and their language is
seldom in doubt, so two kinds of evidence are enough.

1. The script.  Most scripts name one language here (Greek, Hebrew, Georgian, Armenian,
   Thai, Hangul, Devanagari as Hindi); Han with kana is Japanese, without it Chinese; Arabic
   letters with ``پ چ ژ گ`` are Persian.  Cyrillic is Russian or Ukrainian (or Belarusian,
   Bulgarian) by the letters only one of them writes (``і ї є ґ`` against ``ы э ъ ё``) and
   their commonest words.
2. For the Latin script, each language's commonest short words (stopwords) and its
   letters with diacritics (``ą ę ł`` Polish, ``ř ě ů`` Czech, ``ß ä`` German...), scored
   per word.

The confidence is how far the best language is ahead of the next one, and falls with short
texts; :data:`SURE` is the level below which a caller should ask for a tag rather than
guess.  A name tag (``name.ru.txt``, see :func:`tagged_language`) always wins over the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

from .languages import NAMES, check_code

SURE = 0.5  # below this a detection is a guess: the article is not translated
MIN_LETTERS = 20  # fewer letters than this say nothing reliable about a language
EVIDENCE = 3.0  # weighted common words (see _scores) at which a text is long enough to tell


@dataclass(frozen=True)
class Detection:
    """A text's language (``""`` when nothing could be told) and how sure the detector is."""

    lang: str
    confidence: float
    runner_up: str = ""  # the next likeliest language, for a message about a doubtful text

    @property
    def sure(self) -> bool:
        return bool(self.lang) and self.confidence >= SURE


# Letter ranges of the scripts that name a language (or a family decided below).
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("latin", ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))),
    ("cyrillic", ((0x400, 0x52F),)),
    ("greek", ((0x370, 0x3FF), (0x1F00, 0x1FFF))),
    ("arabic", ((0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("hebrew", ((0x590, 0x5FF),)),
    ("kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF))),
    ("han", ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))),
    ("hangul", ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("devanagari", ((0x900, 0x97F),)),
    ("thai", ((0xE00, 0xE7F),)),
    ("georgian", ((0x10A0, 0x10FF),)),
    ("armenian", ((0x530, 0x58F),)),
)
# A script that is one language's (as far as argos's languages go).
_ONE_LANGUAGE = {
    "greek": "el", "hebrew": "he", "hangul": "ko", "devanagari": "hi", "thai": "th",
    "georgian": "ka", "armenian": "hy",
}  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")

# Cyrillic: letters only one of the languages writes, and common words.
# ъ is shared (it counts half for each): Bulgarian writes it far more often, but Russian
# writes it too (съезд, объявил); Bulgarian is told from Russian by its words.
_CYRILLIC_LETTERS = {"uk": "іїєґ", "ru": "ыэъё", "bg": "ъ"}
_CYRILLIC_WORDS = {
    "uk": "і й та що не на як це від до його для але які у в з із про ще був була було "
    "вже також після тому щоб через під між україни україна році",
    "ru": "и что не на как это от до его для но которые у в с из о еще был была было "
    "уже также после того чтобы через под между россии году он она они",
    "bg": "и е са се от със към във които който която което това този тази тези беше "
    "бяха ще за на да не но след още също година години българия като при по си ли "
    "го ги му им тя той те вече има няма само трябва според срещу през когато защото обаче",
}
# Latin: the commonest short words of each language (news prose), and its own letters.
_LATIN_WORDS = {
    "de": "der die das und ist nicht ein eine einen dem den des mit von zu im auf für sich "
    "auch es sie er wir ich bei nach wie aus noch wird werden hat haben sind war über "
    "oder aber nur vor zum zur dass wenn so am um einem einer keine kein schon mehr sein "
    "seine ihre unter dann nun man",
    "en": "the and of to in is that for it with as was on by he are be this at from have "
    "an or not which has had were but they his their its been will would who said a i you we "
    "there more after about than one new also can up out if what when into our",
    "fr": "le la les et des est un une du en que qui dans pour pas sur au aux avec ce il "
    "elle sont ont été par plus ne se son sa ses cette mais comme leur",
    "es": "el la los las y de del en que es un una por para con no se su sus al lo como "
    "más pero fue ha han este esta sobre entre también sin muy",
    "it": "il la le gli lo e di del della che è un una per con non si da in al alla dei "
    "delle sono ha hanno come più ma anche questo questa nel nella",
    "pt": "o a os as e de do da dos das em no na que é um uma para com não se por ao mais "
    "como mas foi são tem pelo pela seu sua também",
    "nl": "de het een en van is dat in op te niet zijn met voor die er ook aan wordt door "
    "naar bij om als maar dan nog heeft hij zij was werd worden wel dit deze zich veel weer "
    "jaar hun ze uit tot zo kan moet",
    "pl": "i w na z że się nie do to jest o jak po od za przez ale dla co czy jego jej są "
    "był była było przy tym oraz także już który która które",
    "cs": "a v na se je že s z do to o k jak po od za ale pro co by jeho její jsou byl "
    "byla bylo při tak také již který která které nebo jsem ještě není mezi podle roce bude "
    "může mnoho letos jako",
}
_LATIN_LETTERS = {
    "de": "äöüß",
    "fr": "éèêàçœëîïûù",
    "es": "ñáíóúé¿¡",
    "it": "àèìòù",
    "pt": "ãõçâêáéíóú",
    "nl": "ëï",
    "pl": "ąęłńśźżó",
    "cs": "řěůčšžťďňáéíóúý",
}
# How much one letter of a language's own counts against one common word.
_LETTER_WEIGHT = 0.5


def _script_of(char: str) -> str:
    code = ord(char)
    for script, ranges in _SCRIPTS:
        if any(low <= code <= high for low, high in ranges):
            return script
    return ""


def _words(spec: dict[str, str]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(words.split()) for lang, words in spec.items()}


_CYRILLIC_SETS = _words(_CYRILLIC_WORDS)
_LATIN_SETS = _words(_LATIN_WORDS)


def detect(text: str) -> Detection:
    """The language ``text`` is written in, with a confidence (see the module's notes)."""
    text = unicodedata.normalize("NFC", text)
    scripts = Counter(s for s in map(_script_of, text) if s)
    letters = sum(scripts.values())
    if letters == 0:
        return Detection("", 0.0)
    script, count = scripts.most_common(1)[0]
    if script in ("han", "kana"):
        # Japanese writes Han with kana; a page of Han alone is Chinese.  A Han character
        # says about as much as a word, so a short line is already telling.
        cjk = scripts["han"] + scripts["kana"]
        lang = "ja" if scripts["kana"] >= 0.05 * cjk else "zh"
        return Detection(lang, _rounded(cjk / letters * min(1.0, cjk / (MIN_LETTERS / 2))))
    share = count / letters * min(1.0, letters / MIN_LETTERS)
    if script in _ONE_LANGUAGE:
        return Detection(_ONE_LANGUAGE[script], _rounded(share))
    if script == "arabic":
        persian = sum(text.count(c) for c in "پچژگکی")
        return Detection("fa" if persian >= 0.02 * count else "ar", _rounded(share))
    lower = text.lower()
    words = [w.replace("’", "'") for w in _WORD.findall(lower)]
    if script == "cyrillic":
        scores = _scores(words, lower, _CYRILLIC_SETS, _CYRILLIC_LETTERS, 1.0)
    else:
        scores = _scores(words, lower, _LATIN_SETS, _LATIN_LETTERS, _LETTER_WEIGHT)
    return _decide(scores, count / letters)


def detect_article(text: str, target: str = "") -> Detection:
    """The language of an article, which may quote another language at length: the one
    most of its telling paragraphs (lines the detector is sure of) are in, where a
    language other than ``target`` counts once it has :data:`QUOTED` of their letters.

    The whole text's scores alone fail both ways: one English quote among three German
    paragraphs leaves :func:`detect` unsure (the article was left out), a long one makes
    the article English (not translated).
    """
    whole = detect(text)
    letters: Counter[str] = Counter()
    for line in text.splitlines():
        found = detect(line)
        if found.sure:
            letters[found.lang] += sum(char.isalpha() for char in line)
    if not letters:
        return whole
    others = {lang: n for lang, n in letters.items() if lang != target}
    pool = others if sum(others.values()) >= QUOTED * sum(letters.values()) else letters
    ranked = sorted(pool.items(), key=lambda item: (-item[1], item[0]))
    best, count = ranked[0]
    if whole.sure and whole.lang == best:
        return whole
    runner_up = ranked[1][0] if len(ranked) > 1 else next(iter(set(letters) - {best}), "")
    return Detection(best, _rounded(count / sum(pool.values())), runner_up)


QUOTED = 0.3  # of a text's telling letters: below it, another language is only quoted


def _rounded(confidence: float) -> float:
    return round(max(0.0, min(1.0, confidence)), 3)


def _scores(
    words: list[str],
    lower: str,
    word_sets: dict[str, frozenset[str]],
    letters: dict[str, str],
    letter_weight: float,
) -> dict[str, float]:
    """Per language: its common words among ``words``, each counting 1/k when k of the
    languages share it (``de`` is Dutch, Spanish and Portuguese), plus its own letters
    (weighted, likewise shared)."""
    counts = Counter(words)
    sharing = Counter(word for common in word_sets.values() for word in common)
    letter_sharing = Counter(c for own in letters.values() for c in own)
    scores = {}
    for lang, common in word_sets.items():
        hits = sum(n / sharing[word] for word, n in counts.items() if word in common)
        own = sum(lower.count(c) / letter_sharing[c] for c in letters.get(lang, ""))
        scores[lang] = hits + letter_weight * own
    return scores


def _decide(scores: dict[str, float], script_share: float) -> Detection:
    """The best-scoring language; its confidence is its lead over the next one, scaled
    down when the evidence is thin (fewer than :data:`EVIDENCE` points)."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    (best, top), (second, next_score) = ranked[0], ranked[1]
    if top <= 0:
        return Detection("", 0.0)
    margin = (top - next_score) / top  # 1 when no other language scored at all
    evidence = min(1.0, top / EVIDENCE)
    return Detection(best, _rounded(margin * evidence * script_share), second)


# ``name.ru.txt``: the tag before the extension, a code argos knows.
_TAG = re.compile(r"\.([A-Za-z]{2})$")


def tagged_language(path: PurePath) -> str:
    """The language an article's file name gives (``report.ru.txt`` -> ``ru``), or ``""``:
    the tag is the last dotted part before the extension, an ISO 639-1 code."""
    match = _TAG.search(path.stem)
    if match is None or match.group(1).lower() not in NAMES:
        return ""
    return check_code(match.group(1))
