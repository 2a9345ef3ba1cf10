"""Taking a person's corrections out of ``out/<stem>.po`` into the translation memory.

The first step of every run, before anything is planned or written.  A PO whose bytes are
those dolmetsch last wrote (its SHA-256 in the output ledger) has no edits and is not read.
Any other PO is read strictly; its edited entries become human translations made for their
own segment (``stem#msgctxt``), and the run may then replace the file, but only while it
still holds the bytes that were read.  A PO that cannot be read whole, or whose German
(``msgid``) a person changed, is reported and never replaced.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .aligned import translatable_segments
from .articles import load_article
from .errors import DolmetschError, InputError
from .ledger import Ledger, sha256_bytes
from .memory import TranslationMemory, context
from .po import KIND_NOTES, PoError, decode_po, parse_po_strict

# Expected SHA-256s that never match: the file may be written only where there is none.
NEVER = ""
REPORTED = "-"  # a PO this step refused, and said so: the writer need not say it again


@dataclass(frozen=True)
class Edits:
    """What the first step found in the output folder's PO files."""

    imported: int = 0  # human translations taken into the memory
    # stem -> SHA-256 of the PO whose edits are all in the memory now: the run may replace
    # a PO with exactly these bytes.  REPORTED for a PO that must not be replaced at all.
    replaceable: Mapping[str, str] = field(default_factory=dict)
    refusals: tuple[str, ...] = ()  # one line per PO left alone, with what to do

    def expected(self, stem: str, recorded: Mapping[str, str]) -> dict[str, str]:
        """The bytes (SHA-256 by file name) each of the article's outputs may have for the
        run to replace it: what the ledger ``recorded``, or the PO whose edits it took."""
        expected = dict(recorded)
        if stem in self.replaceable:
            expected[f"{stem}.po"] = self.replaceable[stem]
        return expected


_ATTRIBUTION = KIND_NOTES["attribution"]


def take_edits(
    paths: Sequence[Path],
    out_dir: Path,
    memory: TranslationMemory | None,
    ledger: Ledger | None,
) -> Edits:
    """Read every article's PO that differs from what dolmetsch last wrote, and take its
    edits into ``memory``.  Without a memory nothing can be taken: such a PO is left for the
    writer to refuse."""
    imported = 0
    replaceable: dict[str, str] = {}
    refusals: list[str] = []
    for path in paths:
        stem = path.stem
        po = out_dir / f"{stem}.po"
        try:
            data = po.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as exc:
            refusals.append(f"{po}: cannot read it to keep its edits ({exc.strerror or exc})")
            replaceable[stem] = REPORTED
            continue
        sha = sha256_bytes(data)
        entry = ledger.get(stem) if ledger is not None else None
        if entry is not None and entry.outputs.get(po.name) == sha:
            continue  # dolmetsch's own bytes: nothing a person wrote
        if memory is None:
            continue  # the writer refuses it, saying how to keep its edits
        try:
            imported += _take(po, data, stem, path, memory)
        except DolmetschError as exc:
            refusals.append(str(exc))
            replaceable[stem] = REPORTED
            continue
        replaceable[stem] = sha
    return Edits(imported, replaceable, tuple(refusals))


def _take(po_path: Path, data: bytes, stem: str, article: Path, memory: TranslationMemory) -> int:
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
    _check_sources(po_path, entries, active, article)
    edits = []
    for entry in active:
        source, target = entry.msgid, entry.msgstr
        reviewed = "fuzzy" not in entry.flags
        if not target or (target == source and (not reviewed or _ATTRIBUTION in entry.comment)):
            continue  # untranslated, or the engine's (or an attribution's) copy of the German
        where = context(stem, entry.msgctxt or "")
        if memory.human_target(source, where) == target:
            continue
        machine = memory.machine_targets(source)
        if reviewed or (machine and target not in machine):
            edits.append((source, target, where))
    return memory.store_human(edits)


def _check_sources(
    po_path: Path, po: polib.POFile, active: list[polib.POEntry], article: Path
) -> None:
    """Refuse a PO whose German a person changed: dolmetsch translates the article, so the
    changed entry would vanish from the next PO."""
    try:
        loaded = load_article(article)
    except DolmetschError:
        return  # the run reports the article itself
    if po.metadata.get("X-Dolmetsch-Source-SHA256") != sha256_bytes(
        loaded.document.text.encode("utf-8")
    ):
        return  # the article changed since: its old sentences are no longer in it
    german = {s.id: s.text for s in translatable_segments(loaded.document)}
    for entry in active:
        expected = german.get(entry.msgctxt or "")
        if expected is not None and entry.msgid != expected:
            raise InputError(
                f"{po_path}:{entry.linenum}: the German (msgid) of {entry.msgctxt} was changed; "
                f"dolmetsch translates {article.name}, not the PO: correct the article or put "
                "the msgid back; the PO was left as it is"
            )
