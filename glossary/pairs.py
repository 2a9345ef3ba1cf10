"""One multilingual glossary seen from one language pair: :meth:`.Glossary.for_pair`.

Enforcement (:mod:`.enforce`, :mod:`.matching`) knows one shape: ``variants`` are the
spellings matched in the source text, ``target``/``short``/``adjective`` what stands for
them in the translation, ``forbidden`` what must not survive in it.  The projection fills
that shape from the entry's languages:

- spellings matched in a text in ``source``: the entry's spellings in that language, and
  as before the English forms (``english``, ``short``) and the forbidden English spellings,
  which the press of every language prints.  Other languages' spellings are not matched: a
  Polish ``Zełenski`` in a German text is rare, and one language's spelling may be another
  language's word.
- canonical forms in ``target``: English -- the ``english``, ``short``, ``adjective`` and
  ``forbidden`` fields, exactly as before.  Any other language -- its first listed
  spelling (context dropped) is the full form, its last word the short form when the entry
  has an English short form; no adjective; the forbidden English spellings stay forbidden
  and the English forms become wrong in the output, so that ``Zelensky`` in a German
  translation becomes ``Selenskyj``.  An entry without a spelling in ``target`` is written
  as in English when ``target`` is written in Latin letters (``Trump``), and left out of
  the projection otherwise (a Russian translation is not given ``Trump``).

Wrong in the output, beyond ``forbidden``: every spelling the entity has in any other
language column that is not a rendering in ``target`` (``elsewhere``): a model
translating Russian writes its own ``Zelenskyy`` (listed in the German column), or
romanises what it read (``Zelenskogo``, ``Putinym``, ``Kieve``).  Enforcement replaces
the listed spellings wherever they stand and the forms :func:`output_forms` generates
from them (inflections, romanisations, Polish without diacritics) where the engine wrote
them instead of a placeholder; :func:`wrong_in_target` gives the listed ones to the
engine to suppress.  A German source keeps the glossary as it was (no ``elsewhere``): the
German column holds the spellings a model trained on German writes, and
``for_pair("de", "en")`` is the glossary without its other languages: equal to it as
read from a file without them, with the same :func:`.enforce.glossary_hash`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace

from .errors import GlossaryError
from .inflect import INFLECTED, declines, inflections
from .model import Entry, Glossary, is_language_code, make_glossary, split_context
from .romanise import SYSTEMS, romanise

# Target languages written in Latin letters: an entry they have no spelling for keeps its
# English form there.  Others (Cyrillic, Greek, CJK, Arabic...) leave such an entry out.
LATIN_SCRIPT = frozenset(
    "af az bs ca cs cy da de en eo es et eu fi fr ga gl hr hu id is it lt lv ms mt nb nl nn "
    "no pl pt ro sk sl sq sv sw tl tr uz vi".split()
)


def canonical_in(entry: Entry, lang: str) -> str | None:
    """The entity's canonical form in ``lang``, or None when it has none there."""
    if lang == "en":
        return entry.target
    listed = entry.spellings_in(lang)
    if listed:
        return split_context(listed[0])[1]
    return entry.target if lang in LATIN_SCRIPT else None


def _elsewhere(
    entry: Entry, source: str, renderings: set[str], matched: set[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The entry's spellings in every language but ``source``, without context (a guarded
    spelling is a word elsewhere), renderings or spellings matched in the source."""
    if source == "de":
        return ()  # German->English as it always was; see the module docstring
    found: list[tuple[str, tuple[str, ...]]] = []
    for lang in entry.languages:
        if lang == source:
            continue
        names = [
            name
            for context, name in map(split_context, entry.spellings_in(lang))
            if not context and name not in renderings and name not in matched
        ]
        if names:
            found.append((lang, tuple(dict.fromkeys(names))))
    return tuple(found)


def _project(entry: Entry, source: str, target: str) -> Entry | None:
    own = () if source == "en" else entry.spellings_in(source)
    if target == "en":
        matched = {split_context(v)[1] for v in own} | set(entry.forbidden)
        elsewhere = _elsewhere(entry, source, set(entry.renderings), matched)
        return replace(entry, variants=own, spellings=(), raw=None, leading=(), elsewhere=elsewhere)
    full = canonical_in(entry, target)
    if full is None:
        return None
    if full == entry.target:
        short = entry.short
    else:
        words = full.split()
        short = words[-1] if entry.short and len(words) > 1 else ""
    renderings = {full, short}
    variants = [*own]
    # The English forms are matched in every source text, and are wrong in the output.
    variants += [name for name in (entry.target, entry.short) if name and name not in variants]
    variants = [v for v in variants if split_context(v)[1] not in renderings or v in own]
    forbidden = tuple(f for f in entry.forbidden if f not in renderings and f not in variants)
    matched = {split_context(v)[1] for v in variants} | set(forbidden)
    return Entry(
        target=full,
        kind=entry.kind,
        variants=tuple(dict.fromkeys(variants)),
        short=short,
        forbidden=forbidden,
        closed_compounds=entry.closed_compounds,
        note=entry.note,
        elsewhere=_elsewhere(entry, source, {r for r in renderings if r}, matched),
    )


def project(glossary: Glossary, source: str, target: str) -> Glossary:
    """See the module docstring; raises :class:`GlossaryError` for a bad pair, or when two
    entries share a canonical form in ``target`` (the message names both)."""
    for code in (source, target):
        if not is_language_code(code):
            raise GlossaryError(f"{code!r} is not a two-letter ISO 639-1 language code")
    if source == target:
        raise GlossaryError(f"a glossary translates between two languages, not {source}->{target}")
    if glossary.pair != ("de", "en"):
        if glossary.pair == (source, target):
            return glossary
        raise GlossaryError(
            f"this glossary is already the one for {'->'.join(glossary.pair)}; project the "
            f"glossary as read from its file for {source}->{target}"
        )
    if (source, target) == ("de", "en") and not any(e.spellings for e in glossary.entries):
        return replace(glossary, pair=("de", "en"))
    entries = [p for p in (_project(e, source, target) for e in glossary.entries) if p]
    try:
        projected = make_glossary(
            entries, glossary.source, None, glossary.preamble, glossary.trailer,
            header=glossary.header, bom=glossary.bom,
        )  # fmt: skip
    except GlossaryError as exc:
        raise GlossaryError(f"{exc} (in the glossary for {source}->{target})") from None
    return replace(projected, strict=glossary.strict, pair=(source, target))


def wrong_in_target(
    glossary: Glossary, is_word: Callable[[str], bool] | None = None
) -> tuple[str, ...]:
    """The spellings a translation into ``glossary.pair[1]`` must not contain, for an
    engine that can keep them from being generated (``EngineOptions(suppress=...)``): the
    forbidden ones, the source spellings that are wrong in the target and the other
    languages' (``elsewhere``), written in the target's alphabet (Latin for a Latin-script
    target); not the forms :func:`output_forms` generates (thousands of sequences).

    Left out, because the engine must stay free to write them: a rendering of any entry in
    any letter case (the engine suppresses "Tass" in capitals too, which is "TASS"), a
    spelling guarded by a context (``(von) Blick``), a spelling of the target language's
    own column (German "Weißen Haus" is right German when the target is German), and,
    unless the glossary forbids it by name, a spelling ``is_word`` says is a word of the
    target ("Luck", "USA", "Europa" in English)."""
    target = glossary.pair[1]
    renderings = {r.casefold() for entry in glossary.entries for r in entry.renderings}
    latin = target in LATIN_SCRIPT
    found: dict[str, None] = {}
    for entry in glossary.entries:
        listed = [
            (name, (), True) for lang, names in entry.elsewhere if lang != target for name in names
        ]
        own = {n for lang, names in entry.elsewhere if lang == target for n in names}
        for name, context, wrong in [*entry.source_forms(), *listed]:
            if not wrong or context or name.casefold() in renderings or len(name) < 3:
                continue
            if name in own or (
                name not in entry.forbidden and is_word is not None and is_word(name)
            ):
                continue
            if latin != all(ch.isascii() or "LATIN" in _name(ch) for ch in name if ch.isalpha()):
                continue
            found[name] = None
    return tuple(found)


def _name(char: str) -> str:
    return unicodedata.name(char, "")


# A plain romanisation of both Cyrillic alphabets as models and wire copy write it, beside
# the standard ones of :mod:`.romanise`: ``е`` is always ``e`` (Киеве -> Kieve, where
# BGN/PCGN gives Kiyeve), ``г`` is ``g``, the soft and hard signs are dropped.
_PLAIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "’": "", "ʼ": "",
})  # fmt: skip


def _plain(name: str) -> str:
    out: list[str] = []
    for ch in name:
        latin = ch.lower().translate(_PLAIN)
        out.append(latin[:1].upper() + latin[1:] if ch.isupper() else latin)
    return "".join(out)


def _unaccented(name: str) -> str:
    """Latin letters without their diacritics (Zełenskiego -> Zelenskiego)."""
    name = name.replace("ł", "l").replace("Ł", "L")
    bare = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in bare if not unicodedata.combining(c)))


def _cyrillic(name: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def output_forms(entry: Entry, source: str) -> tuple[str, ...]:
    """Forms of a projected ``entry`` a model may write in its output instead of the
    placeholder, that no spelling lists: the inflections of its Russian, Ukrainian and
    Polish spellings (the source's and ``elsewhere``), those of Cyrillic spellings
    romanised (by the standard system of :mod:`.romanise` and plainly: Зеленского ->
    Zelenskogo, Киеве -> Kieve), Latin ones without diacritics (Kijowie -> Kijowie,
    Zełenski -> Zelenski).  Names of more than two words are left out (their forms
    multiply); what is not capitalised too (a name is)."""
    spellings = [(source, split_context(v)[1]) for v in entry.variants]
    spellings += [(lang, name) for lang, names in entry.elsewhere for name in names]
    found: dict[str, None] = {}
    for lang, name in spellings:
        if len(name.split()) > 2:
            continue
        forms = [name]
        if lang in INFLECTED and declines(lang, name):
            forms += inflections(lang, name)
        for form in forms:
            found[form] = None
            if _cyrillic(form):
                if lang in SYSTEMS:
                    found[romanise(form, lang)] = None
                found[_plain(form)] = None
            else:
                found[_unaccented(form)] = None
    for _, names in entry.elsewhere:
        for name in names:
            found.pop(name, None)  # listed: replaced wherever it stands
    return tuple(f for f in found if f[:1].isupper() and len(f) > 3)
