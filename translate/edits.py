"""Taking a person's corrections out of ``out/<stem>.po`` into the translation memory.

The first step of every run, before anything is planned or written.  A PO whose bytes are
those dolmetsch last wrote (its SHA-256 in the output ledger) has no new edits; it is read
only when it shows human translations and the memory is not the one they were rendered
from (a new or other memory must not lose them).  Any other PO is read strictly; its edited
entries become human translations made for their own segment, and the run may then replace
the file, but only while it still holds the bytes that were read.  A PO that cannot be read
whole, whose German (``msgid``) or agency attribution a person changed, is reported and
never replaced.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .aligned import translatable_segments
from .articles import load_article, output_stem
from .errors import DolmetschError, InputError
from .files import read_regular
from .ledger import Entry, Ledger, sha256_bytes
from .memory import TranslationMemory, TranslationMemoryError, context
from .po import KIND_NOTES, PoError, decode_po, parse_po_strict, po_pair, written_for
from .provenance import Provenance

# The expected bytes of a PO this step refused, and said so: never matched, and the writer
# need not say it again.
REPORTED = "-"
HUMAN_NOTE = "human translation"  # the note dolmetsch writes on a human translation
REUSED_NOTE = "human translation of "  # ... on another article's, offered for review
_ATTRIBUTION = KIND_NOTES["attribution"]


@dataclass(frozen=True)
class Unsure:
    """An unreviewed (fuzzy) entry of an edited PO that the memory cannot tell from machine
    output: the PO may be replaced only if this run writes the same English there."""

    msgctxt: str
    msgstr: str
    line: int


@dataclass(frozen=True)
class Edits:
    """What the first step found in the output folder's PO files."""

    imported: int = 0  # human translations taken into the memory
    withdrawn: int = 0  # human translations a person took back
    # stem -> SHA-256 of the PO whose edits are all in the memory now: the run may replace
    # a PO with exactly these bytes.  REPORTED for a PO that must not be replaced at all.
    replaceable: Mapping[str, str] = field(default_factory=dict)
    unsure: Mapping[str, tuple[Unsure, ...]] = field(default_factory=dict)
    refusals: tuple[str, ...] = ()  # one line per PO left alone, with what to do
    notes: tuple[str, ...] = ()  # what a person should know, though nothing failed

    def expected(self, stem: str, recorded: Mapping[str, str]) -> dict[str, str]:
        """The bytes (SHA-256 by file name) each of the article's outputs may have for the
        run to replace it: what the ledger ``recorded``, or the PO whose edits it took."""
        expected = dict(recorded)
        if stem in self.replaceable:
            expected[f"{stem}.po"] = self.replaceable[stem]
        return expected


@dataclass
class _Found:
    # gathered from every PO first, stored after: each PO is judged against the memory as
    # the run found it, not as the POs read before it left it
    edits: list[tuple[str, str, str]] = field(default_factory=list)
    withdrawals: list[tuple[str, str]] = field(default_factory=list)
    refused_fallbacks: list[tuple[str, str]] = field(default_factory=list)
    replaceable: dict[str, str] = field(default_factory=dict)
    unsure: dict[str, tuple[Unsure, ...]] = field(default_factory=dict)
    refusals: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def take_edits(
    paths: Sequence[Path],
    out_dir: Path,
    memory: TranslationMemory | None,
    ledger: Ledger | None,
    others: frozenset[str] = frozenset(),
) -> Edits:
    """Read every PO of ``out_dir`` that holds a person's work the memory may lack, and take
    it into ``memory``.  Without a memory nothing can be taken: such a PO is left for the
    writer to refuse.  POs of articles no longer in ``paths`` are read too, so the edits
    of a renamed or removed article are kept (and said so), but not those of ``others``
    (the stems of another language's articles in the same run, which that language reads)."""
    found = _Found()
    articles = {output_stem(path): path for path in paths}
    orphans = sorted(
        p.stem for p in out_dir.glob("*.po") if p.stem not in articles and p.stem not in others
    )
    folder = str(out_dir.resolve())
    for stem in [*articles, *orphans]:
        po = out_dir / f"{stem}.po"
        try:
            data = read_regular(po)  # a FIFO named *.po would block the run
        except FileNotFoundError:
            continue
        except OSError as exc:
            found.refusals.append(f"{po}: cannot read it to keep its edits ({exc.strerror or exc})")
            found.replaceable[stem] = REPORTED
            continue
        sha = sha256_bytes(data)
        entry = ledger.get(stem) if ledger is not None else None
        ours = entry is not None and entry.outputs.get(po.name) == sha
        if memory is None or (ours and not _from_another_memory(entry, memory)):
            continue  # dolmetsch's own bytes, rendered from this memory: nothing to take
        article = articles.get(stem)
        if article is None and not written_for(data, stem):
            continue  # not a PO dolmetsch wrote for this name (a person's copy): theirs
        before = len(found.edits)
        marks = (before, len(found.withdrawals), len(found.refused_fallbacks))
        try:
            _take(po, data, stem, article, memory, folder, found, added_only=ours)
        except TranslationMemoryError:
            raise  # the memory's fault, not this PO's: the run stops with its one line
        except DolmetschError as exc:
            found.refusals.append(str(exc))
            found.replaceable[stem] = REPORTED
            continue
        if memory.read_only and _drop_since(found, marks):
            found.refusals.append(
                f"{po}: its edits cannot be kept, the translation memory {memory.path} is "
                "read-only; the file was left as it is: make the memory writable (or pass "
                "--memory with another), then run again"
            )
            found.replaceable[stem] = REPORTED
            continue
        found.replaceable[stem] = sha
        if article is None and len(found.edits) > before:
            found.notes.append(
                f"{po}: its article {stem}.* is not among the articles of this run; its edits "
                "were taken into the memory (the file was left as it is)"
            )
    imported = withdrawn = 0
    if memory is not None:
        imported = memory.store_human(found.edits)
        withdrawn = memory.withdraw_human(found.withdrawals)
        withdrawn += memory.withdraw_human(found.refused_fallbacks, mark=True)
    return Edits(
        imported,
        withdrawn,
        found.replaceable,
        found.unsure,
        tuple(found.refusals),
        tuple(found.notes),
    )


def _drop_since(found: _Found, marks: tuple[int, int, int]) -> bool:
    """Drop what one PO added to ``found`` (its lengths were ``marks``); whether it added any."""
    added = (len(found.edits), len(found.withdrawals), len(found.refused_fallbacks)) != marks
    del found.edits[marks[0] :], found.withdrawals[marks[1] :]
    del found.refused_fallbacks[marks[2] :]
    return added


def _from_another_memory(entry: Entry | None, memory: TranslationMemory) -> bool:
    """Whether the outputs show human translations rendered from another memory (or from
    this file before it was started again): this memory may lack them, so they are read
    back, never replaced by machine text."""
    if entry is None or not entry.index_row.human:
        return False
    try:
        identity, _, count = str(json.loads(entry.stamp)[-1]).rpartition("#")
        now, _, count_now = memory.state().rpartition("#")
        # another memory, or this one put back from a copy made before those outputs
        return identity != now or int(count_now) < int(count)
    except (ValueError, IndexError, TypeError):
        return True


def _take(
    po_path: Path,
    data: bytes,
    stem: str,
    article: Path | None,
    memory: TranslationMemory,
    folder: str,
    found: _Found,
    *,
    added_only: bool,
) -> None:
    where = str(po_path)
    try:
        entries = parse_po_strict(decode_po(data, where), where)
    except PoError as exc:
        raise InputError(
            f"{where}:{exc.line}: cannot read the PO file to keep its edits ({exc.problem}); "
            "fix it or move it away: it was left as it is"
        ) from exc
    active = [e for e in entries if not e.obsolete]
    if "X-Dolmetsch-Source" not in entries.metadata:
        raise InputError(
            f"{where}: not a PO file dolmetsch wrote (no X-Dolmetsch-Source header), so its "
            "edits cannot be placed: move it away; it was left as it is"
        )
    made_for = po_pair(entries.metadata, where)
    if made_for != memory.pair:  # its edits are that pair's: never another's translations
        raise InputError(
            f"{where}: made for {made_for.describe()}, this run translates "
            f"{memory.pair.describe()}: its edits cannot be kept in this pair; it was left as "
            f"it is: run with --from {made_for.source} --to {made_for.target} first, or move "
            "it away"
        )
    canonical = (
        _check_sources(po_path, entries, active, article, found, memory.pair.source)
        if article
        else {}
    )
    made_with = _made_with(entries.metadata)
    unsure, conflicts = [], []
    for entry in active:
        segment = entry.msgctxt or ""
        source, target = entry.msgid, entry.msgstr
        if segment in canonical and _nfc(source) == _nfc(canonical[segment]):
            source = canonical[segment]  # the same German, saved in another normal form
        here = context(stem, segment, folder)
        reviewed = "fuzzy" not in entry.flags
        notes = entry.comment.split("\n")
        if _ATTRIBUTION in notes:
            if target and target != source:
                raise InputError(
                    f"{where}:{entry.linenum}: the agency attribution {source!r} is carried "
                    "over as in the source, its msgstr cannot be changed: put it back; the PO "
                    "was left as it is"
                )
            continue
        known = memory.human_target(source, here)
        taken_back = memory.withdrawn(source, here)
        if added_only:  # what the outputs show, read back into another memory
            if HUMAN_NOTE not in notes or not reviewed or not target or known == target:
                continue
            if known is not None:
                conflicts.append(
                    f"{where}:{entry.linenum}: shows {target!r} for {segment}, but this memory "
                    f"has {known!r} for it (the file was made with another memory): to keep "
                    f"the file's, dolmetsch tm import {po_path} --replace-human; to take the "
                    "memory's, move the file away; it was left as it is"
                )
            elif taken_back is None:
                found.edits.append((source, target, here))
            continue
        machine = memory.machine_target(source, made_with)
        machine_text = not reviewed and (
            target == machine or target in memory.machine_targets(source)
        )
        if HUMAN_NOTE in notes and (not target or machine_text):
            # the PO showed this segment a human translation: emptied, or flagged unreviewed
            # with the machine's text back, the person takes it back (also one made for no
            # segment in particular: this segment then refuses it)
            if known is not None:
                found.withdrawals.append((source, here))
            elif taken_back is None:
                found.refused_fallbacks.append((source, here))
            continue
        if not target or known == target or (HUMAN_NOTE in notes and target == taken_back):
            continue  # nothing new (an older PO put back does not undo a withdrawal)
        if reviewed:
            found.edits.append((source, target, here))
        elif any(note.startswith(REUSED_NOTE) for note in notes):
            # another article's translation offered for review: untouched it stays a
            # suggestion; changed (the flag left on, as a text editor leaves it), it is theirs
            if target not in memory.human_targets(source):
                found.edits.append((source, target, here))
        elif machine is not None:
            if target != machine:
                found.edits.append((source, target, here))  # changed, though still flagged
        elif target != source and target not in memory.machine_targets(source):
            unsure.append(Unsure(segment, target, entry.linenum))
    if unsure:
        found.unsure[stem] = tuple(unsure)
    if conflicts:  # the others are taken; this PO waits for the person's choice
        more = f" (and {len(conflicts) - 1} more like it)" if len(conflicts) > 1 else ""
        raise InputError(conflicts[0] + more)


def _check_sources(
    po_path: Path,
    po: polib.POFile,
    active: list[polib.POEntry],
    article: Path,
    found: _Found,
    lang: str,
) -> dict[str, str]:
    """Refuse a PO whose German a person changed: dolmetsch translates the article, so the
    changed entry would vanish from the next PO.  When the article itself changed, say which
    translations now belong to sentences it no longer has.  Returns the article's German by
    segment id when the PO was made from the article as it is."""
    try:
        loaded = load_article(article, lang=lang)
    except DolmetschError:
        return {}  # the run reports the article itself
    german = {s.id: s.text for s in translatable_segments(loaded.document)}
    sentences = {_nfc(text) for text in german.values()}
    if po.metadata.get("X-Dolmetsch-Source-SHA256") != sha256_bytes(
        loaded.document.text.encode("utf-8")
    ):
        for entry in active:
            edited = entry.msgstr and "fuzzy" not in entry.flags and entry.msgid != entry.msgstr
            lost = _nfc(entry.msgid) not in sentences
            if edited and lost and _ATTRIBUTION not in entry.comment.split("\n"):
                found.notes.append(
                    f"{po_path}:{entry.linenum}: your translation of {entry.msgctxt} is of a "
                    f"sentence {article.name} no longer has; it is kept in the memory for "
                    "that sentence"
                )
        return {}
    for entry in active:
        expected = german.get(entry.msgctxt or "")
        if expected is None or _nfc(entry.msgid) == _nfc(expected):
            continue
        if _nfc(entry.msgid) in sentences:
            raise InputError(
                f"{po_path}:{entry.linenum}: the msgctxt of the entry for {entry.msgid[:40]!r} "
                f"was changed to {entry.msgctxt}: put it back; the PO was left as it is"
            )
        raise InputError(
            f"{po_path}:{entry.linenum}: the German (msgid) of {entry.msgctxt} was changed; "
            f"dolmetsch translates {article.name}, not the PO: correct the article or put "
            "the msgid back; the PO was left as it is"
        )
    return german


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _made_with(metadata: Mapping[str, str]) -> Provenance:
    """What made the PO's machine translations, as its header says."""
    return Provenance(
        metadata.get("X-Dolmetsch-Engine", ""),
        metadata.get("X-Dolmetsch-Model", ""),
        metadata.get("X-Dolmetsch-Model-Version", ""),
        metadata.get("X-Dolmetsch-Glossary", ""),
    )
