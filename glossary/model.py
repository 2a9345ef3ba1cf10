"""The glossary data model: entries, the glossary, and validation.

An entry is one named entity (or term): its canonical English form and the spellings it
has in each source language -- German in ``variants`` (the field predates the other
languages), every other language in ``spellings``.  A language's first spelling is also
the entity's canonical form in that language, used when translating into it
(:meth:`Glossary.for_pair`).  Everything here is pure: files are read and written in
:mod:`.fileformat`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

from .errors import GlossaryError

Kind = Literal["person", "place", "organisation", "term"]
KINDS: tuple[Kind, ...] = get_args(Kind)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def split_context(variant: str) -> tuple[tuple[str, ...], str]:
    """``"(von|laut) Blick"`` -> ``(("von", "laut"), "Blick")``; plain variants have no context.

    A context restricts an ambiguous variant (``Blick`` is also the noun "view") to
    occurrences right after one of the given words; only the name itself is matched.
    """
    if variant.startswith("(") and ")" in variant:
        inner, _, rest = variant[1:].partition(")")
        words = tuple(w.strip() for w in inner.split("|") if w.strip())
        return words, rest.strip()
    return (), variant


@dataclass(frozen=True)
class Entry:
    """One glossary entry.

    ``target`` is the canonical English form, ``short`` the form used for surname-only
    mentions (``Zelensky``), ``adjective`` the English attributive form for German place
    adjectives (``Kiewer`` -> ``Kyiv``, ``Schweizer`` -> ``Swiss``; defaults to the target).
    ``forbidden`` are known wrong English spellings; they and every German variant are
    replaced when they survive in English output.  ``closed_compounds`` allows matching
    inside closed compounds (``Kremlchef``); hyphenated compounds always match.
    ``leading`` keeps the comment and blank lines above the entry in its file, and ``raw``
    the entry's own line as it was read, so that a load/save round trip is byte-identical
    and a change leaves the lines it does not touch as the person wrote them (stray
    spaces, ``a ;b``, trailing tabs); neither takes part in equality.
    """

    target: str
    kind: Kind
    variants: tuple[str, ...] = ()
    short: str = ""
    adjective: str = ""
    forbidden: tuple[str, ...] = ()
    closed_compounds: bool = False
    note: str = ""
    leading: tuple[str, ...] = field(default=(), compare=False, repr=False)
    raw: str | None = field(default=None, compare=False, repr=False)
    spellings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Set by a projection (:mod:`.pairs`) only: the entity's spellings in the languages
    # other than the pair's source, by language; never matched in the source text, wrong
    # in the translation (a model's ``Zelenskyy`` from Russian).  Empty for German->English.
    elsewhere: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def spellings_in(self, lang: str) -> tuple[str, ...]:
        """The spellings listed for source language ``lang`` (German: ``variants``)."""
        if lang == "de":
            return self.variants
        for code, names in self.spellings:
            if code == lang:
                return names
        return ()

    @property
    def languages(self) -> tuple[str, ...]:
        """The source languages this entry lists spellings for, German first."""
        return (*(("de",) if self.variants else ()), *(code for code, _ in self.spellings))

    def with_spellings(self, lang: str, names: Sequence[str]) -> Entry:
        """This entry with ``names`` as its spellings in ``lang`` (none: the language dropped)."""
        if lang == "de":
            return replace(self, variants=tuple(names))
        rest = dict(self.spellings)
        rest[lang] = tuple(names)
        return replace(self, spellings=_sorted_spellings(rest.items()))

    @property
    def renderings(self) -> frozenset[str]:
        """The English forms this entry may legitimately produce."""
        return frozenset(x for x in (self.target, self.short, self.adjective) if x)

    def source_forms(self) -> Iterator[tuple[str, tuple[str, ...], bool]]:
        """Every spelling matched in German text: ``(name, context, is_wrong_in_english)``.

        The English forms are matched too (German press sometimes writes ``Zelensky``), and
        the forbidden ones (``Kiev`` in a German text still means Kyiv).
        """
        renderings = self.renderings
        seen: set[tuple[str, tuple[str, ...]]] = set()
        # A guarded variant ("(von) Blick") also guards the identical English form.
        guarded = {split_context(v)[1] for v in self.variants if split_context(v)[0]}
        for name in (self.target, self.short):
            if name and name not in guarded and (name, ()) not in seen:
                seen.add((name, ()))
                yield name, (), False
        for variant in (*self.variants, *self.forbidden):
            context, name = split_context(variant)
            if (name, context) not in seen:
                seen.add((name, context))
                yield name, context, name not in renderings


@dataclass(frozen=True)
class Glossary:
    """An ordered, validated collection of entries.

    ``source`` names the file for error messages; ``preamble`` is the documentation comment
    block above the column header and ``trailer`` the comment lines after the last entry.
    ``header`` is the column header row as the file has it (None: the standard one) and
    ``bom`` whether the file began with a UTF-8 byte order mark, both kept for the round
    trip.  Construct it with :func:`make_glossary` (or a loader), which validates, and
    change it with :func:`with_entries`, which keeps the file's layout.

    ``strict`` is how it is applied, not what it lists: a strict glossary enforces its
    listed spellings only; otherwise unlisted spellings of its people and places are
    recognised too (:mod:`.variants`).  It takes part in equality and in the glossary's
    hash, as the two give different translations.  ``pair`` is the language pair its
    ``variants`` and targets are in: German->English for a glossary as read from a file,
    the projected pair after :meth:`for_pair`; it takes part in equality and in the hash
    when it is not German->English.
    """

    entries: tuple[Entry, ...]
    source: str = field(default="<glossary>", compare=False)
    preamble: tuple[str, ...] = field(default=(), compare=False, repr=False)
    trailer: tuple[str, ...] = field(default=(), compare=False, repr=False)
    header: str | None = field(default=None, compare=False, repr=False)
    bom: bool = field(default=False, compare=False, repr=False)
    strict: bool = False
    pair: tuple[str, str] = ("de", "en")

    def __hash__(self) -> int:
        # The caches keyed by a glossary (its matcher, its recogniser) are asked for every
        # sentence: the fields that take part in equality (every entry) are hashed once.
        found: int | None = self.__dict__.get("_hash")
        if found is None:
            found = hash((self.entries, self.strict, self.pair))
            object.__setattr__(self, "_hash", found)
        return found

    def __getstate__(self) -> dict[str, object]:
        # A string's hash differs between processes: a copy or an unpickled glossary
        # computes its own.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def get(self, target: str) -> Entry | None:
        for entry in self.entries:
            if entry.target == target:
                return entry
        return None

    @property
    def languages(self) -> tuple[str, ...]:
        """Every source language some entry lists spellings for, German first, then by code."""
        found = {code for entry in self.entries for code in entry.languages}
        return tuple(sorted(found, key=lambda code: (code != "de", code)))

    def for_pair(self, source: str, target: str) -> Glossary:
        """This glossary as seen by a translation from ``source`` into ``target``.

        The projection has the single-pair shape enforcement knows: ``variants`` are the
        spellings matched in a ``source`` text, ``target``/``short``/``adjective`` the
        canonical forms in ``target`` (see :mod:`.pairs`).  ``for_pair("de", "en")`` equals
        the glossary without its other languages, and has the same hash.
        """
        from .pairs import project  # the projection rules live with their documentation

        return project(self, source, target)


def _control(text: str) -> str | None:
    """The first character that would break the one-line, tab-separated file, if any."""
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            return {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(
                ch, f"the control character U+{ord(ch):04X}"
            )
    return None


def _check_text(entry: Entry, field_name: str, text: str, where: str, *, item: bool) -> None:
    """One field: a single line without tabs, and no ';' inside one item of a list."""
    of = f"{field_name} {text!r} of {entry.target!r}" if field_name != "english" else repr(text)
    bad = _control(text)
    if bad is not None:
        raise GlossaryError(
            f"{where}: {of} contains {bad}; every glossary field is one line of text "
            "without tabs or control characters"
        )
    if text != text.strip():
        raise GlossaryError(f"{where}: {of} begins or ends with whitespace")
    if item and ";" in text:
        hint = (
            ""
            if field_name in ("english", "short", "adjective")
            else (": give each spelling on its own (one --variant or --forbidden each)")
        )
        raise GlossaryError(
            f"{where}: {of} contains ';', which separates the items of a list in the "
            f"glossary file{hint}"
        )


def _check_entry(entry: Entry, where: str) -> None:
    if not entry.target.strip():
        raise GlossaryError(f"{where}: empty English target")
    if entry.kind not in KINDS:
        raise GlossaryError(f"{where}: unknown kind {entry.kind!r}; use one of: {', '.join(KINDS)}")
    # The file stores lists as "a; b", so a ';' in a single form would split it on reload.
    for name, text in (("english", entry.target), ("short", entry.short),
                       ("adjective", entry.adjective)):  # fmt: skip
        _check_text(entry, name, text, where, item=True)
    for variant in entry.variants:
        _check_text(entry, "variant", variant, where, item=True)
    for wrong in entry.forbidden:
        _check_text(entry, "forbidden spelling", wrong, where, item=True)
    _check_text(entry, "note", entry.note, where, item=False)
    for variant in (*entry.variants, *entry.forbidden):
        context, name = split_context(variant)
        if not name or (variant.startswith("(") and not context):
            raise GlossaryError(f"{where}: malformed variant {variant!r}")
    listed = [*entry.variants, *entry.forbidden]
    for i, variant in enumerate(listed):
        if variant in listed[:i]:
            raise GlossaryError(f"{where}: variant {variant!r} listed twice for {entry.target!r}")
    for wrong in entry.forbidden:
        if wrong in entry.renderings:
            raise GlossaryError(f"{where}: {wrong!r} is both forbidden and a target")
    for code, names in entry.spellings:
        if not is_language_code(code) or code in ("de", "en"):
            raise GlossaryError(
                f"{where}: {code!r} is not a language for spellings; use a two-letter "
                "ISO 639-1 code such as ru, uk or pl (German: the german column, English: "
                "english, short and forbidden)"
            )
        for i, name in enumerate(names):
            _check_text(entry, f"{code} spelling", name, where, item=True)
            context, bare = split_context(name)
            if not bare or (name.startswith("(") and not context):
                raise GlossaryError(f"{where}: malformed {code} spelling {name!r}")
            if name in names[:i]:
                raise GlossaryError(
                    f"{where}: {code} spelling {name!r} listed twice for {entry.target!r}"
                )


def is_language_code(code: str) -> bool:
    """An ISO 639-1 code as argos uses them, in lower case (``ru``; argos's ``pb``, ``zt``):
    the codes ``--from`` takes (:func:`dolmetsch.languages.check_code`), not any two letters
    (``ua`` is Ukraine; Ukrainian is ``uk``)."""
    from dolmetsch.languages import NAMES

    return code in NAMES


def _sorted_spellings(
    items: Iterable[tuple[str, Sequence[str]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """One ``(code, names)`` per language with spellings, by code: the order of the
    columns in a file is the file's business, not the entry's."""
    return tuple(sorted((code, tuple(names)) for code, names in items if names))


def language_forms(entry: Entry, lang: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The spellings matched for ``entry`` in a ``lang`` text besides German: the
    language's own and the English ones (target, short, forbidden), as ``(name, context)``."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for spelling in (entry.target, entry.short, *entry.forbidden, *entry.spellings_in(lang)):
        if not spelling:
            continue
        context, name = split_context(spelling)
        if (name, context) not in seen:
            seen.add((name, context))
            yield name, context


def make_glossary(
    entries: Iterable[Entry],
    source: str = "<glossary>",
    lines: Sequence[int] | None = None,
    preamble: Sequence[str] = (),
    trailer: Sequence[str] = (),
    *,
    header: str | None = None,
    bom: bool = False,
) -> Glossary:
    """Validate ``entries`` and build a glossary; ``lines`` gives each entry's line number.

    Raises :class:`GlossaryError` naming ``source:line`` for an empty target, an unknown
    kind, or a German spelling claimed by two entries.
    """
    items = tuple(_normalised(e) for e in entries)
    owner: dict[tuple[str, tuple[str, ...]], Entry] = {}
    targets: dict[str, int] = {}
    for i, entry in enumerate(items):
        line = lines[i] if lines is not None else None
        where = f"{source}:{line}" if line is not None else source
        _check_entry(entry, where)
        if entry.target in targets:
            first = targets[entry.target]
            at = f" on line {lines[first]}" if lines is not None else ""
            raise GlossaryError(f"{where}: entry {entry.target!r} is already defined{at}")
        targets[entry.target] = i
        for name, context, _ in entry.source_forms():
            other = owner.get((name, context))
            if other is not None and other is not entry:
                raise GlossaryError(
                    f"{where}: variant {name!r} already belongs to {other.target!r}"
                )
            owner[(name, context)] = entry
    _check_languages(items, source, lines)
    return Glossary(items, source, tuple(preamble), tuple(trailer), header, bom)


def _check_languages(items: Sequence[Entry], source: str, lines: Sequence[int] | None) -> None:
    """A spelling belongs to one entry per language (the English forms, matched in every
    language, count as that language's too)."""
    codes = sorted({code for entry in items for code, _ in entry.spellings})
    for code in codes:
        owner: dict[tuple[str, tuple[str, ...]], Entry] = {}
        for i, entry in enumerate(items):
            if not entry.spellings_in(code):
                listed: set[tuple[str, tuple[str, ...]]] = set()
            else:
                listed = {(n, c) for c, n in map(split_context, entry.spellings_in(code))}
            for key in language_forms(entry, code):
                other = owner.get(key)
                if (
                    other is not None
                    and other is not entry
                    and (key in listed or key in _listed(other, code))
                ):
                    line = lines[i] if lines is not None else None
                    where = f"{source}:{line}" if line is not None else source
                    raise GlossaryError(
                        f"{where}: {code} spelling {key[0]!r} already belongs to {other.target!r}"
                    )
                owner.setdefault(key, entry)


def _listed(entry: Entry, code: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(n, c) for c, n in map(split_context, entry.spellings_in(code))}


def with_entries(
    glossary: Glossary, entries: Iterable[Entry], source: str | None = None
) -> Glossary:
    """``glossary`` with ``entries`` instead of its own, validated, in the same file layout
    (comments, header row, byte order mark), so that a change rewrites only what it changes."""
    return make_glossary(
        entries, glossary.source if source is None else source, None, glossary.preamble,
        glossary.trailer, header=glossary.header, bom=glossary.bom,
    )  # fmt: skip


def _normalised(entry: Entry) -> Entry:
    """NFC everywhere, so that a glossary typed on any system matches NFC-normalised text."""
    return replace(
        entry,
        target=nfc(entry.target),
        short=nfc(entry.short),
        adjective=nfc(entry.adjective),
        variants=tuple(nfc(v) for v in entry.variants),
        forbidden=tuple(nfc(v) for v in entry.forbidden),
        note=nfc(entry.note),
        spellings=_sorted_spellings(
            (code, [nfc(v) for v in names]) for code, names in entry.spellings
        ),
    )
