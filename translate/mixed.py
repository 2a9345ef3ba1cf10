"""A mixed folder: each article's language found, and the articles grouped by it.

``run --from auto`` translates a folder of articles in several languages in one run.  An
article's language is its file name's tag when it has one (``report.ru.txt`` is Russian,
whatever its text), else what :func:`dolmetsch.detect.detect_article` finds in its text.  An
article whose language the detector is not sure of is left out with one line saying how
to tag it; so is one already in the target language.  The groups then go to
:func:`dolmetsch.pipeline.run_groups`, each with the engine, glossary and memory of its
pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .detect import Detection, detect, detect_article, tagged_language
from .errors import DolmetschError
from .files import decode_article, legacy_encodings, read_input
from .languages import language_name


@dataclass(frozen=True)
class Sorted:
    """A folder's articles by source language (in the order given, languages in the order
    first met), and one line for each article left out."""

    groups: dict[str, list[Path]] = field(default_factory=dict)
    left_out: tuple[str, ...] = ()


def article_language(
    path: Path, text: str | None = None, target: str = ""
) -> tuple[str, Detection | None]:
    """An article's language: its name's tag (no detection then), else the detector's
    finding on ``text`` (read from ``path`` when not given; quotes in ``target`` do not
    make it a ``target`` article, see :func:`dolmetsch.detect.detect_article`)."""
    tag = tagged_language(path)
    if tag:
        return tag, None
    if text is not None:
        found = detect_article(text, target)
        return found.lang, found
    return data_language(read_input(path), str(path), target)


def data_language(data: bytes, where: str, target: str = "") -> tuple[str, Detection]:
    """The language of a text given as bytes (``where`` names it in errors): UTF-8 or
    Windows-1252 first, then each legacy code page family in turn."""
    decoded = decode_article(data, where)
    found = detect(decoded.text)
    if decoded.encoding.startswith("utf") or (
        found.sure and decoded.encoding in legacy_encodings(found.lang)
    ):
        found = detect_article(decoded.text, target)
        return found.lang, found
    # Not UTF-8, and Windows-1252 made no sense of it (Windows-1251 Russian read as
    # Windows-1252 is letters with diacritics the detector can take for Czech): each
    # family's code page in turn, the first whose reading the detector is sure is in a
    # language of that code page
    for family in LEGACY_FAMILIES:
        try:
            again = decode_article(data, where, lang=family)
        except DolmetschError:
            continue
        other = detect(again.text)
        if other.sure and again.encoding in legacy_encodings(other.lang) + _KOI8:
            return other.lang, other
    return found.lang, found


# One language of each legacy code page family, tried when a text is not UTF-8
LEGACY_FAMILIES = ("ru", "pl", "el", "tr", "he", "ar", "lt", "zh", "ja", "ko")
_KOI8 = ("koi8_r", "koi8_u")


def sort_by_language(paths: Sequence[Path], target: str) -> Sorted:
    """Group ``paths`` by their language (see :func:`article_language`)."""
    groups: dict[str, list[Path]] = {}
    left_out: list[str] = []
    for path in paths:
        try:
            lang, found = article_language(path, target=target)
        except DolmetschError as exc:
            left_out.append(str(exc))
            continue
        if found is not None and not found.sure:
            left_out.append(unsure_line(path, found))
        elif lang == target:
            left_out.append(
                f"{path}: written in {language_name(lang)}, the language translated into; "
                "it was not translated"
            )
        else:
            groups.setdefault(lang, []).append(path)
    return Sorted(groups, tuple(left_out))


def tagged_otherwise(paths: Sequence[Path], source: str) -> tuple[list[Path], tuple[str, ...]]:
    """For a run of one ``source`` language: the articles to translate, and a line for each
    whose name's tag and text both say another language (``moskva.ru.txt`` in Russian in a
    German run), which that language's model must translate, not this one.  A tag the text
    does not bear out is no tag (``sanktionen.eu.txt`` in German is German)."""
    kept: list[Path] = []
    lines: list[str] = []
    for path in paths:
        tag = tagged_language(path)
        if not tag or tag == source:
            kept.append(path)
            continue
        try:
            found = detect(decode_article(read_input(path), str(path), lang=tag).text)
        except DolmetschError:
            kept.append(path)  # the run reports what is wrong with it
            continue
        if found.sure and found.lang == tag:
            lines.append(
                f"{path}: its name and its text say {language_name(tag)}, this run translates "
                f"{language_name(source)}; it was not translated: run it with --from {tag} "
                "(or its folder with --from auto)"
            )
        else:
            kept.append(path)
    return kept, tuple(lines)


def unsure_line(path: Path, found: Detection) -> str:
    """What to do about an article whose language the detector could not tell."""
    guess = ""
    if found.lang:
        second = f" or {language_name(found.runner_up)}" if found.runner_up else ""
        guess = f" (perhaps {language_name(found.lang)}{second}, confidence {found.confidence:.2f})"
    example = path.with_name(f"{path.stem}.LANG{path.suffix}").name
    return (
        f"{path}: cannot tell its language{guess}; it was not translated: tag it in its "
        f"name ({example}, LANG a code such as {found.lang or 'ru'}) or run its folder "
        "with --from LANG"
    )
