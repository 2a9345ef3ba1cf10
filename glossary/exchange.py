"""Import and export: DeepL's glossary CSV/TSV layout and TBX (ISO 30042, TBX-Basic-like).

DeepL: one ``source,target`` pair a line (UTF-8; a third and fourth column with the
language codes are accepted and ignored; a header row such as ``source,target``, ``de,en``
or ``source,target,source_lang,target_lang`` is recognised and skipped).  Every German
spelling becomes a pair with its rendering (``Selenskyj,Zelensky``); an entry without
German spellings exports ``target,target`` so that it survives the round trip.  DeepL has
no kinds or notes: import takes them from ``base`` (the glossary being updated) or uses
``kind``.

DeepL multilingual glossaries (API v3) hold one dictionary per language pair, each in the
same CSV/TSV layout.  A dictionary is the glossary seen from its pair
(:meth:`.Glossary.for_pair`): every spelling matched in the source language beside its
rendering in the target.  :func:`dump_deepl` writes one pair (German->English unless told),
:func:`dictionary_paths` names one file per pair for ``glossary export --every-pair``
(``name.de-en.csv``, ``name.ru-en.csv``...).  Importing a pair ``X->en`` adds the X
spellings to the entry of their English form; a pair into another language finds each
entity by its form in that language (or by its English form when X is English), since
only the glossary knows the English form of ``Wolodymyr Selenskyj``.

TBX (TBX-Basic, the TBX 2 layout translate-toolkit and CAT tools read): ``martif`` /
``termEntry`` with ``descrip type="subjectField"`` (the kind), ``note``, and one
``langSet`` per language -- English first, then German, then every other language of the
entry -- each holding ``tig/term``; ``termNote`` marks the short form, the adjective and
the forbidden (deprecated) spellings.  Reading also accepts TBX 3's ``langSec/termSec``.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from dolmetsch.languages import from_tag

from .errors import GlossaryError
from .fileformat import read_text, write_text
from .model import (
    KINDS,
    Entry,
    Glossary,
    Kind,
    is_language_code,
    make_glossary,
    split_context,
)

Pair = tuple[str, str]


def _rendering_for(entry: Entry, name: str) -> str:
    short = bool(entry.short) and len(name.split()) < len(entry.target.split())
    return entry.short if short else entry.target


def glossary_pairs(glossary: Glossary, source: str = "de", target: str = "en") -> list[Pair]:
    """The (source, target) pairs of ``glossary`` for one language pair, in entry order."""
    pairs: list[Pair] = []
    for entry in glossary.for_pair(source, target).entries:
        names = [split_context(v)[1] for v in entry.variants]
        if not names:
            pairs.append((entry.target, entry.target))
        pairs.extend((name, _rendering_for(entry, name)) for name in dict.fromkeys(names))
    return pairs


def dump_pairs(pairs: Iterable[Pair], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerows(pairs)
    return out.getvalue()


# Header rows that DeepL's own exports and common spreadsheet templates put first; a real
# pair never looks like one (no German name is spelled "source" or "de").
_HEADER_PAIRS = frozenset(
    {("source", "target"), ("de", "en"), ("german", "english"), ("deutsch", "englisch"),
     ("sourceterm", "targetterm"), ("sourcetext", "targettext")}
)  # fmt: skip
_HEADER_LANGS = frozenset({"sourcelang", "sourcelanguage", "targetlang", "targetlanguage"})


def _header_key(cell: str) -> str:
    return "".join(ch for ch in cell.strip().lower() if ch.isalnum())


# DeepL's glossary languages: a first row of two of them is a header ("ru,en"), never an entry.
_DEEPL_LANGS = frozenset(
    "ar bg cs da de el en es et fi fr he hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv th "
    "tr uk vi zh".split()
)


def _code(cell: str) -> str:
    """``EN-GB`` -> ``en``: DeepL's codes name variants the glossary does not tell apart."""
    return cell.strip().lower().split("-")[0]


def header_pair(row: list[str]) -> tuple[str, str] | None:
    """The language pair a header row names (``ru,en``), if it names one."""
    if len(row) == 2:
        codes = (_code(row[0]), _code(row[1]))
        if codes[0] != codes[1] and set(codes) <= _DEEPL_LANGS:
            return codes
    return None


def is_header_row(row: list[str]) -> bool:
    """``source,target``, ``Source,Target``, ``de,en`` (any two of DeepL's languages) or a
    4-column header naming the language columns (``source,target,source_lang,target_lang``)."""
    keys = [_header_key(c) for c in row]
    if len(keys) == 4 and {keys[2], keys[3]} <= _HEADER_LANGS:
        return True
    return (len(keys) in (2, 4) and (keys[0], keys[1]) in _HEADER_PAIRS) or bool(header_pair(row))


def parse_pairs(
    text: str,
    delimiter: str = ",",
    source: str = "<glossary>",
    pair: tuple[str, str] | None = None,
) -> list[Pair]:
    """The pairs of a DeepL file; a header row as the first row is recognised and skipped.

    With ``pair``, a header row or a row's language columns that name another pair are
    refused (the file is another dictionary than the one being imported).
    """
    pairs: list[Pair] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    first = True
    for row in reader:
        if not row or all(not c.strip() for c in row):
            continue
        named = header_pair(row) if first else None
        if len(row) == 4 and not is_header_row(row):
            named = (_code(row[2]), _code(row[3]))
        if pair is not None and named is not None and named != pair:
            raise GlossaryError(
                f"{source}:{reader.line_num}: this is a {named[0]}->{named[1]} dictionary, "
                f"not {pair[0]}->{pair[1]}; nothing imported: give --from {named[0]} "
                f"--to {named[1]}"
            )
        if first and is_header_row(row):
            first = False
            continue
        first = False
        if len(row) not in (2, 4) or not row[0].strip() or not row[1].strip():
            raise GlossaryError(
                f"{source}:{reader.line_num}: expected source{delimiter}target"
                f" (optionally{delimiter}source_lang{delimiter}target_lang), found {row!r}"
            )
        pairs.append((row[0].strip(), row[1].strip()))
    return pairs


def glossary_from_pairs(
    pairs: Iterable[Pair],
    base: Glossary | None = None,
    kind: Kind = "term",
    source: str = "<glossary>",
    pair: tuple[str, str] = ("de", "en"),
) -> Glossary:
    """Group pairs by target into entries (see the module docstring for other pairs).

    Into English: a target that is the last word of another target is that entry's short
    form (``Selenskyj,Zelensky`` joins ``Wolodymyr Selenskyj,Volodymyr Zelensky``).  Kind,
    note and the other fields come from ``base`` when it has an entry with the same target.
    """
    if pair[1] != "en":
        return _pairs_into(list(pairs), base, source, pair)
    lang = pair[0]
    groups: dict[str, list[str]] = {}
    for spelling, english in pairs:
        groups.setdefault(english, []).append(spelling)
    shorts: dict[str, str] = {}
    for target in groups:
        for other in groups:
            if base is not None and base.get(target) is not None:
                break  # a target of its own in the glossary being updated ("Ukraine")
            if other != target and len(other.split()) > 1 and other.split()[-1] == target:
                shorts[target] = other
    entries: list[Entry] = []
    for target, spellings in groups.items():
        if target in shorts:
            continue
        # A lone "Trump,Trump"-style pair only carries an entry without spellings; with a
        # short form's pairs beside it ("Kushner,Kushner") it is a spelling of its own.
        known = base.get(target) if base is not None else None
        listed = known.spellings_in(lang) if known is not None else ()
        short = next((s for s, full in shorts.items() if full == target), "")
        lone = (
            spellings == [target]
            and not short
            and target not in {split_context(v)[1] for v in listed}
        )
        names = [] if lone or lang == "en" else list(spellings)
        if short and lang != "en":
            names += groups[short]
        if known is not None:
            guarded = {split_context(v)[1]: v for v in listed}
            entry = Entry(
                target, known.kind, known.variants, short or known.short, known.adjective,
                known.forbidden, known.closed_compounds, known.note,
                spellings=known.spellings,  # the other languages, as DeepL has no column
            )  # fmt: skip
        else:
            guarded = {}
            entry = Entry(target, kind, (), short)
        entries.append(entry.with_spellings(lang, [guarded.get(v, v) for v in names]))
    return make_glossary(entries, source)


def _pairs_into(
    pairs: list[Pair], base: Glossary | None, source: str, pair: tuple[str, str]
) -> Glossary:
    """Pairs into a language other than English: each entity found in ``base``."""
    lang, into = pair
    found: dict[str, Entry] = {}
    unknown: list[str] = []
    for spelling, form in pairs:
        entry = _entity(base, into, form) or (
            _entity(base, "en", spelling) if lang == "en" else None
        )
        if entry is None:
            unknown.append(form)
            continue
        new = found.get(entry.target) or Entry(entry.target, entry.kind)
        for code, name in ((lang, spelling), (into, form)):
            if code != "en" and name not in new.spellings_in(code):
                new = new.with_spellings(code, [*new.spellings_in(code), name])
        found[entry.target] = new
    if unknown:
        names = ", ".join(repr(u) for u in dict.fromkeys(unknown))
        first = "the English entries" if lang == "en" else f"the {lang}->en dictionary"
        raise GlossaryError(
            f"{source}: no glossary entry has the {into} form {names}; nothing imported: "
            f"import {first} first, or add them (dolmetsch glossary add ENGLISH --lang "
            f"{into} --variant FORM)"
        )
    return make_glossary(found.values(), source)


def _entity(base: Glossary | None, lang: str, name: str) -> Entry | None:
    """The entry of ``base`` that spells ``name`` in ``lang`` (English: its own forms)."""
    if base is None:
        return None
    for entry in base.entries:
        forms = (
            (entry.target, entry.short)
            if lang == "en"
            else [split_context(v)[1] for v in entry.spellings_in(lang)]
        )
        if name in forms:
            return entry
    return None


def dump_deepl(
    glossary: Glossary, delimiter: str = ",", pair: tuple[str, str] = ("de", "en")
) -> str:
    """One DeepL dictionary: the glossary's pairs for ``pair``."""
    return dump_pairs(glossary_pairs(glossary, *pair), delimiter)


def parse_deepl(
    text: str,
    delimiter: str = ",",
    base: Glossary | None = None,
    source: str = "<glossary>",
    kind: Kind = "term",
    pair: tuple[str, str] = ("de", "en"),
) -> Glossary:
    """A DeepL dictionary of ``pair`` as entries; a target ``base`` does not know gets
    ``kind`` (into English; into another language every entity must be in ``base``)."""
    pairs = parse_pairs(text, delimiter, source, pair)
    return glossary_from_pairs(pairs, base, kind, source, pair)


def dictionary_pairs(glossary: Glossary) -> list[tuple[str, str]]:
    """The DeepL dictionaries a multilingual export writes: every language of the
    glossary into English (German first)."""
    return [(lang, "en") for lang in glossary.languages or ("de",)]


def dictionary_path(path: Path, pair: tuple[str, str]) -> Path:
    """``glossary.csv`` -> ``glossary.ru-en.csv``: the file of one dictionary."""
    return path.with_name(f"{path.stem}.{pair[0]}-{pair[1]}{path.suffix}")


def _delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() in (".tsv", ".tab", ".txt") else ","


def load_deepl(
    path: Path,
    base: Glossary | None = None,
    kind: Kind = "term",
    pair: tuple[str, str] = ("de", "en"),
) -> Glossary:
    """A DeepL glossary file: tab-separated for .tsv/.tab/.txt, comma-separated otherwise."""
    text = read_text(path, "utf-8-sig")
    return parse_deepl(text, _delimiter(path), base, str(path), kind, pair)


def dump_exchange(glossary: Glossary, path: Path, pair: tuple[str, str] = ("de", "en")) -> str:
    """The text of an exchange file named ``path``: TBX for .tbx/.xml (every language),
    else the DeepL CSV or TSV dictionary of ``pair``."""
    if path.suffix.lower() in (".tbx", ".xml"):
        return dump_tbx(glossary)
    return dump_deepl(glossary, _delimiter(path), pair)


def save_deepl(glossary: Glossary, path: Path, pair: tuple[str, str] = ("de", "en")) -> None:
    write_text(path, dump_deepl(glossary, _delimiter(path), pair))


# --- TBX ---------------------------------------------------------------------------------

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _term(parent: ET.Element, text: str, note: tuple[str, str] | None = None) -> None:
    tig = ET.SubElement(parent, "tig")
    ET.SubElement(tig, "term").text = text
    if note is not None:
        ET.SubElement(tig, "termNote", type=note[0]).text = note[1]


def dump_tbx(glossary: Glossary) -> str:
    root = ET.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = ET.SubElement(root, "martifHeader")
    desc = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(desc, "p").text = "dolmetsch glossary"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, entry in enumerate(glossary.entries, start=1):
        item = ET.SubElement(body, "termEntry", id=f"c{number}")
        ET.SubElement(item, "descrip", type="subjectField").text = entry.kind
        if entry.closed_compounds:
            ET.SubElement(item, "descrip", type="closedCompounds").text = "yes"
        if entry.note:
            ET.SubElement(item, "note").text = entry.note
        en = ET.SubElement(item, "langSet", {_XML_LANG: "en"})
        _term(en, entry.target, ("termType", "fullForm"))
        if entry.short:
            _term(en, entry.short, ("termType", "shortForm"))
        if entry.adjective:
            _term(en, entry.adjective, ("partOfSpeech", "adjective"))
        for wrong in entry.forbidden:
            _term(en, wrong, ("administrativeStatus", "deprecatedTerm-admn-sts"))
        for lang in entry.languages:
            lang_set = ET.SubElement(item, "langSet", {_XML_LANG: lang})
            for spelling in entry.spellings_in(lang):
                _term(lang_set, spelling)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) in names]


def parse_tbx(text: str, source: str = "<glossary>", kind: Kind = "term") -> Glossary:
    """Parse TBX; ``termSec``/``tig`` and ``langSec``/``langSet`` are both accepted."""
    return read_tbx(text, source, kind)[0]


def read_tbx(
    text: str, source: str = "<glossary>", kind: Kind = "term"
) -> tuple[Glossary, tuple[str, ...]]:
    """The glossary of a TBX text, and a note for each term kept otherwise than as written.

    Language tags are read as files write them (``en-GB``, ``ger``, ``pol``; see
    :func:`dolmetsch.languages.from_tag`); a tag of no known language is refused.  An entry
    has one English form: a further English term that is neither short form, adjective nor
    deprecated (an ``en-GB`` spelling beside the ``en-US`` one) is kept as a forbidden
    spelling, which the output replaces by the English form, and noted."""
    said: list[str] = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise GlossaryError(f"{source}:{exc.position[0]}: malformed TBX: {exc}") from exc
    entries: list[Entry] = []
    for item in root.iter():
        if _local(item.tag) not in ("termEntry", "conceptEntry"):
            continue
        found_kind: str = kind
        closed = False
        note = ""
        for d in _children(item, "descrip"):
            if d.get("type") == "subjectField" and (d.text or "").strip() in KINDS:
                found_kind = (d.text or "").strip()
            if d.get("type") == "closedCompounds":
                closed = (d.text or "").strip() == "yes"
        for n in _children(item, "note"):
            note = (n.text or "").strip()
        german: list[str] = []
        others: dict[str, list[str]] = {}
        target = short = adjective = ""
        forbidden: list[str] = []
        for lang in _children(item, "langSec", "langSet"):
            tag = lang.get(_XML_LANG) or lang.get("lang") or ""
            found = from_tag(tag)
            if found is None:
                raise GlossaryError(
                    f"{source}: entry {_first_term(item)!r}: language tag {tag!r} is no "
                    "language dolmetsch knows (an ISO 639-1 code such as de, en-GB, or an "
                    "ISO 639-2 one such as ger); nothing imported"
                )
            code = found
            for sec in _children(lang, "termSec", "tig"):
                terms = _children(sec, "term")
                if not terms or not (terms[0].text or "").strip():
                    continue
                term = (terms[0].text or "").strip()
                notes = {n.get("type"): (n.text or "").strip() for n in _children(sec, "termNote")}
                if code == "de":
                    german.append(term)
                elif is_language_code(code) and code != "en":
                    others.setdefault(code, []).append(term)
                elif code == "en":
                    if notes.get("administrativeStatus", "").startswith("deprecated"):
                        forbidden.append(term)
                    elif notes.get("termType") == "shortForm":
                        short = term
                    elif notes.get("partOfSpeech") == "adjective":
                        adjective = term
                    elif not target:
                        target = term
                    elif term not in (target, short, adjective, *forbidden):
                        forbidden.append(term)
                        said.append(
                            f"{source}: {target!r}: the further English term {term!r} ({tag}) "
                            "is kept as a forbidden spelling: the output writes "
                            f"{target!r} for it"
                        )
        kind_: Kind = found_kind  # type: ignore[assignment]  # checked against KINDS above
        entry = Entry(
            target, kind_, tuple(german), short, adjective, tuple(forbidden), closed, note
        )
        for code, names in others.items():
            entry = entry.with_spellings(code, names)
        entries.append(entry)
    return make_glossary(entries, source), tuple(said)


def _first_term(item: ET.Element) -> str:
    for term in item.iter():
        if _local(term.tag) == "term" and (term.text or "").strip():
            return (term.text or "").strip()
    return item.get("id", "")


def load_tbx(path: Path, kind: Kind = "term") -> Glossary:
    """A TBX file; an entry without a subject field gets ``kind``."""
    return parse_tbx(read_text(path), str(path), kind)


def load_tbx_noted(path: Path, kind: Kind = "term") -> tuple[Glossary, tuple[str, ...]]:
    """:func:`load_tbx` with the notes of :func:`read_tbx`."""
    return read_tbx(read_text(path), str(path), kind)


def save_tbx(glossary: Glossary, path: Path) -> None:
    write_text(path, dump_tbx(glossary))
