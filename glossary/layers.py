"""The effective glossary: the shipped defaults with the person's glossary over them.

Pure: both glossaries come in as values.  The person's entries win: an entry with the same
English form replaces the shipped one, and a spelling the person's glossary lists (as a
German variant, a forbidden or a short form, or in another language's column: there, for
that language) belongs to the person's entry, so the shipped
entry that also lists it loses it in the layered result.  A shipped entry whose English
form itself is one of the person's spellings gives way whole.  Nothing is written: a
dolmetsch update that adds a spelling the person already has never breaks their file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from .errors import GlossaryError
from .model import Entry, Glossary, split_context, with_entries

FormKey = tuple[str, tuple[str, ...]]


def form_key(spelling: str) -> FormKey:
    """``"(von) Blick"`` -> ``("Blick", ("von",))``: how spellings are owned."""
    context, name = split_context(spelling)
    return name, context


def entry_forms(entry: Entry) -> set[FormKey]:
    return {(name, context) for name, context, _ in entry.source_forms()}


LangKey = tuple[str, FormKey]


def language_keys(entry: Entry) -> set[LangKey]:
    """The spellings ``entry`` lists in languages other than German, with their language."""
    return {(code, form_key(v)) for code, names in entry.spellings for v in names}


@dataclass(frozen=True)
class Layered:
    """The effective glossary and, for each of its entries, the file it comes from."""

    glossary: Glossary
    origins: tuple[str, ...]

    def __iter__(self) -> Iterator[tuple[Entry, str]]:
        return iter(zip(self.glossary.entries, self.origins, strict=True))

    def origin(self, target: str) -> str | None:
        for entry, origin in self:
            if entry.target == target:
                return origin
        return None


def _without(entry: Entry, owned: set[FormKey], owned_lang: set[LangKey]) -> Entry | None:
    """``entry`` less the spellings in ``owned`` (and, per language, ``owned_lang``); None
    when its English form is one."""
    if (entry.target, ()) in owned:
        return None
    kept = replace(
        entry,
        variants=tuple(v for v in entry.variants if form_key(v) not in owned),
        forbidden=tuple(v for v in entry.forbidden if form_key(v) not in owned),
        short="" if (entry.short, ()) in owned else entry.short,
    )
    for code, names in entry.spellings:
        kept = kept.with_spellings(
            code, [v for v in names if (code, form_key(v)) not in owned_lang]
        )
    return kept


def layer(defaults: Glossary | None, user: Glossary, defaults_name: str, user_name: str) -> Layered:
    """``user`` over ``defaults`` (module docstring); raises :class:`GlossaryError` naming
    the person's file in the rare case the two still contradict each other."""
    if defaults is None:
        return Layered(user, (user_name,) * len(user.entries))
    mine = {entry.target: entry for entry in user.entries}
    owned: set[FormKey] = set().union(*(entry_forms(e) for e in user.entries))
    owned_lang: set[LangKey] = set().union(*(language_keys(e) for e in user.entries))
    entries: list[Entry] = []
    origins: list[str] = []
    for entry in defaults.entries:
        if entry.target in mine:
            entries.append(mine.pop(entry.target))
            origins.append(user_name)
            continue
        kept = _without(entry, owned, owned_lang)
        if kept is not None:
            entries.append(kept)
            origins.append(defaults_name)
    entries.extend(mine.values())
    origins.extend([user_name] * len(mine))
    try:
        glossary = with_entries(user, entries, user_name)
    except GlossaryError as exc:
        raise GlossaryError(
            f"{exc} (after layering {user_name} over the shipped {defaults_name}; "
            f"change the entry in {user_name}, or use it alone with --glossary-only)"
        ) from None
    return Layered(glossary, tuple(origins))
