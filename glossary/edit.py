"""Editing a glossary as values: add, remove, filter, and a JSON-serialisable form."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .errors import GlossaryError
from .model import KINDS, Entry, Glossary, Kind, make_glossary, with_entries


def add_entry(glossary: Glossary, entry: Entry, *, replace_existing: bool = False) -> Glossary:
    """A new glossary with ``entry`` appended (or replacing the entry with its target)."""
    existing = glossary.get(entry.target)
    if existing is not None and not replace_existing:
        raise GlossaryError(f"{glossary.source}: entry {entry.target!r} is already defined")
    if existing is not None:
        entries = [
            replace(entry, leading=e.leading) if e.target == entry.target else e
            for e in glossary.entries
        ]
    else:
        entries = [*glossary.entries, entry]
    return with_entries(glossary, entries)


def remove_entry(glossary: Glossary, target: str) -> Glossary:
    """A new glossary without the entry whose English form is ``target``."""
    if glossary.get(target) is None:
        raise GlossaryError(f"{glossary.source}: no entry {target!r}")
    entries = [e for e in glossary.entries if e.target != target]
    return with_entries(glossary, entries)


def filter_entries(glossary: Glossary, kind: str | None = None) -> list[Entry]:
    """The entries of ``kind`` (all when None), in file order."""
    if kind is not None and kind not in KINDS:
        raise GlossaryError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    return [e for e in glossary.entries if kind is None or e.kind == kind]


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """JSON-serialisable form of one entry (lists, strings, a bool; ``spellings`` maps a
    language code to that language's spellings, German being ``variants``)."""
    return {
        "target": entry.target,
        "kind": entry.kind,
        "variants": list(entry.variants),
        "short": entry.short,
        "adjective": entry.adjective,
        "forbidden": list(entry.forbidden),
        "closed_compounds": entry.closed_compounds,
        "note": entry.note,
        "spellings": {code: list(names) for code, names in entry.spellings},
    }


def entry_from_dict(data: dict[str, Any]) -> Entry:
    try:
        kind: Kind = data["kind"]
        return Entry(
            target=str(data["target"]),
            kind=kind,
            variants=tuple(str(v) for v in data.get("variants", ())),
            short=str(data.get("short", "")),
            adjective=str(data.get("adjective", "")),
            forbidden=tuple(str(v) for v in data.get("forbidden", ())),
            closed_compounds=bool(data.get("closed_compounds", False)),
            note=str(data.get("note", "")),
            spellings=tuple(
                (str(code), tuple(str(n) for n in names))
                for code, names in dict(data.get("spellings", {})).items()
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise GlossaryError(f"malformed glossary entry {data!r}: missing {exc}") from exc


def glossary_to_dict(glossary: Glossary) -> dict[str, Any]:
    return {"source": glossary.source, "entries": [entry_to_dict(e) for e in glossary.entries]}


def glossary_from_dict(data: dict[str, Any]) -> Glossary:
    source = str(data.get("source", "<glossary>"))
    return make_glossary([entry_from_dict(e) for e in data.get("entries", [])], source)
