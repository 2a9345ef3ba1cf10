"""Merging entries into the person's glossary without losing anything already there.

Pure: :func:`merge` takes the person's glossary, the shipped defaults under it and the
incoming entries (an import, or one ``glossary add``) and returns the new glossary with a
line for every conflict.  What the glossary already says wins unless the caller asks to
replace conflicts:

- an incoming entry with the English form of an existing one adds its new German,
  forbidden and other-language spellings to it, and fills its empty fields (short,
  adjective, note); a spelling belongs to one entry per language;
- any other incoming entry is appended;
- a spelling that already belongs to another entry, a differing kind, and a differing
  short form, adjective or note are conflicts, left unchanged (or, with
  ``replace_conflicts``, taken from the incoming entry; an English form that is another
  entry's own target is never taken from it).

An entry of the shipped defaults that gains something is copied into the person's
glossary (where it then overrides the shipped one); the shipped file is never changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .layers import FormKey, LangKey, entry_forms, form_key, language_keys, layer
from .model import Entry, Glossary, with_entries

# The fields `glossary add --replace` must be given again to be dropped, in message order.
FIELDS = ("variants", "short", "adjective", "forbidden", "compounds", "note")


@dataclass(frozen=True)
class Merged:
    """The person's glossary after a merge, and what the merge did."""

    user: Glossary
    added: tuple[str, ...] = ()
    extended: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = [f"{len(self.added)} new entries", f"{len(self.extended)} entries extended"]
        if self.replaced:
            parts.append(f"{len(self.replaced)} conflicts replaced")
        if len(self.conflicts) > len(self.replaced):
            parts.append(f"{len(self.conflicts) - len(self.replaced)} conflicts left unchanged")
        return ", ".join(parts)


def lost_fields(old: Entry, new: Entry) -> tuple[str, ...]:
    """The non-empty fields of ``old`` that ``new`` leaves empty (``add --replace``)."""
    values = {
        "variants": (old.variants, new.variants),
        "short": (old.short, new.short),
        "adjective": (old.adjective, new.adjective),
        "forbidden": (old.forbidden, new.forbidden),
        "compounds": (old.closed_compounds, new.closed_compounds),
        "note": (old.note, new.note),
    }
    return tuple(name for name in FIELDS if values[name][0] and not values[name][1])


def describe_field(entry: Entry, name: str) -> str:
    value: object = {
        "variants": "; ".join(entry.variants),
        "short": entry.short,
        "adjective": entry.adjective,
        "forbidden": "; ".join(entry.forbidden),
        "compounds": "closed",
        "note": entry.note,
    }[name]
    return f"{name} ({value!r})"


class _State:
    """The effective entries while a merge proceeds, with who owns each spelling."""

    def __init__(self, user: Glossary, defaults: Glossary | None, names: tuple[str, str]):
        defaults_name, self.user_name = names
        effective = layer(defaults, user, defaults_name, self.user_name)
        self.entries: dict[str, Entry] = {e.target: e for e in effective.glossary.entries}
        self.origins: dict[str, str] = {e.target: o for e, o in effective}
        self.owner: dict[FormKey, str] = {}
        self.lang_owner: dict[LangKey, str] = {}
        for entry in self.entries.values():
            for key in entry_forms(entry):
                self.owner[key] = entry.target
            for lang_key in language_keys(entry):
                self.lang_owner[lang_key] = entry.target
        self.touched: dict[str, None] = {}  # targets to write into the person's file, ordered
        self.conflicts: list[str] = []
        self.replaced: list[str] = []

    def where(self, target: str) -> str:
        return self.origins.get(target, self.user_name)

    def releasable(self, owner: str, key: FormKey) -> bool:
        return key != (self.entries[owner].target, ())

    def release(self, owner: str, key: FormKey) -> None:
        entry = self.entries[owner]
        self.entries[owner] = replace(
            entry,
            variants=tuple(v for v in entry.variants if form_key(v) != key),
            forbidden=tuple(v for v in entry.forbidden if form_key(v) != key),
            short="" if (entry.short, ()) == key else entry.short,
        )
        if self.origins.get(owner) == self.user_name:
            self.touched[owner] = None  # else layering drops it from the shipped entry

    def claim(self, target: str, key: FormKey, what: str, replace_conflicts: bool) -> bool:
        """May ``target`` take the spelling ``key``?  Records a conflict when not freely."""
        owner = self.owner.get(key)
        if owner is None or owner == target:
            return True
        line = (
            f"{target!r}: {what} {key[0]!r} already belongs to {owner!r} (in {self.where(owner)})"
        )
        self.conflicts.append(line)
        if replace_conflicts and self.releasable(owner, key):
            self.release(owner, key)
            self.replaced.append(line)
            return True
        return False

    def claim_in(self, target: str, code: str, key: FormKey, replace_conflicts: bool) -> bool:
        """May ``target`` take the ``code`` spelling ``key``?  Like :meth:`claim`."""
        owner = self.lang_owner.get((code, key))
        if owner is None or owner == target:
            return True
        line = (
            f"{target!r}: {code} spelling {key[0]!r} already belongs to {owner!r} "
            f"(in {self.where(owner)})"
        )
        self.conflicts.append(line)
        if replace_conflicts:
            entry = self.entries[owner]
            names = [v for v in entry.spellings_in(code) if form_key(v) != key]
            self.entries[owner] = entry.with_spellings(code, names)
            if self.origins.get(owner) == self.user_name:
                self.touched[owner] = None
            self.replaced.append(line)
            return True
        return False

    def scalar(self, target: str, name: str, old: str, new: str, replace_all: bool) -> str:
        if not new or new == old:
            return old
        if not old:
            return new
        self.conflicts.append(
            f"{target!r}: {name} is {old!r} (in {self.where(target)}), the import says {new!r}"
        )
        if replace_all:
            self.replaced.append(self.conflicts[-1])
            return new
        return old


def _merge_one(state: _State, incoming: Entry, replace_conflicts: bool) -> bool:
    """Merge one entry into ``state``; True when it added or changed anything."""
    target = incoming.target
    existing = state.entries.get(target)
    if existing is None and not state.claim(
        target, (target, ()), "the English form", replace_conflicts
    ):
        state.conflicts[-1] += "; entry not added"
        return False
    base = existing or Entry(target, incoming.kind)
    kind = base.kind
    if incoming.kind != base.kind:
        state.conflicts.append(
            f"{target!r}: kind is {base.kind!r} (in {state.where(target)}), "
            f"the import says {incoming.kind!r}"
        )
        if replace_conflicts:
            state.replaced.append(state.conflicts[-1])
            kind = incoming.kind
    short = state.scalar(target, "short form", base.short, incoming.short, replace_conflicts)
    if short != base.short and not state.claim(target, (short, ()), "short form", False):
        short = base.short  # another entry's spelling: taking it would break that entry
    adjective = state.scalar(
        target, "adjective", base.adjective, incoming.adjective, replace_conflicts
    )
    note = state.scalar(target, "note", base.note, incoming.note, replace_conflicts)
    known = entry_forms(replace(base, short=short))
    listed = {form_key(v) for v in (*base.variants, *base.forbidden)}
    renderings = {target, short, adjective or target}
    variants, forbidden = list(base.variants), list(base.forbidden)
    for spelling, into, what in [
        *((v, variants, "variant") for v in incoming.variants),
        *((f, forbidden, "forbidden spelling") for f in incoming.forbidden),
    ]:
        key = form_key(spelling)
        if into is forbidden and key[0] in renderings:
            state.conflicts.append(f"{target!r}: forbidden {spelling!r} is its own English form")
            continue
        # A new entry keeps a variant that repeats its own English form, as it was given.
        if key in listed or (key in known and existing is not None):
            continue
        if state.claim(target, key, what, replace_conflicts):
            into.append(spelling)
            listed.add(key)
    merged = Entry(
        target, kind, tuple(variants), short, adjective, tuple(forbidden),
        base.closed_compounds or incoming.closed_compounds, note, base.leading,
        spellings=base.spellings,
    )  # fmt: skip
    for code, names in incoming.spellings:
        have = list(merged.spellings_in(code))
        listed_here = {form_key(v) for v in have}
        for spelling in names:
            key = form_key(spelling)
            if key in listed_here:
                continue
            if state.claim_in(target, code, key, replace_conflicts):
                have.append(spelling)
                listed_here.add(key)
        merged = merged.with_spellings(code, have)
    if existing is not None and merged == existing:
        return False
    state.entries[target] = merged
    state.origins[target] = state.user_name
    state.touched[target] = None
    for key in entry_forms(merged):
        state.owner[key] = target
    for lang_key in language_keys(merged):
        state.lang_owner[lang_key] = target
    return True


def merge(
    user: Glossary,
    defaults: Glossary | None,
    incoming: Sequence[Entry],
    *,
    replace_conflicts: bool = False,
    names: tuple[str, str] = ("<defaults>", "<glossary>"),
) -> Merged:
    """Merge ``incoming`` into ``user`` (layered over ``defaults``); see the module.

    ``names`` are the defaults' and the person's file names, for the conflict lines.
    Raises :class:`GlossaryError` only when the result would be invalid.
    """
    state = _State(user, defaults, names)
    had = {e.target for e in user.entries}
    known = set(state.entries)
    added: list[str] = []
    extended: list[str] = []
    for entry in incoming:
        if _merge_one(state, entry, replace_conflicts):
            (extended if entry.target in known else added).append(entry.target)
            known.add(entry.target)
    entries = [state.entries[e.target] if e.target in state.touched else e for e in user.entries]
    entries.extend(replace(state.entries[t], leading=()) for t in state.touched if t not in had)
    merged = with_entries(user, entries)
    layer(defaults, merged, *names)  # the result must still layer cleanly
    return Merged(
        merged,
        tuple(dict.fromkeys(added)),
        tuple(t for t in dict.fromkeys(extended) if t not in added),
        tuple(state.conflicts),
        tuple(state.replaced),
    )


def claimed_elsewhere(
    user: Glossary, defaults: Glossary | None, entry: Entry, names: tuple[str, str]
) -> list[str]:
    """The spellings of ``entry`` that other entries of the effective glossary own."""
    state = _State(user, defaults, names)
    lines: list[str] = []
    for key in sorted(entry_forms(entry)):
        owner = state.owner.get(key)
        if owner is not None and owner != entry.target:
            lines.append(f"{key[0]!r} already belongs to {owner!r} (in {state.where(owner)})")
    return lines
