"""The batch run: read every article of a folder, translate pooled, write aligned outputs.

Articles are translated in windows of whole articles (``window_sentences``): each window's
sentences go to the engine in one pooled, token-batched call, and its articles are written
as soon as they are done, so memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import tempfile
import time
from collections import deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Protocol

from . import __version__, lifeline
from .aligned import (
    TranslatedArticle,
    Translation,
    align,
    translatable_segments,
    translatable_texts,
)
from .articles import LoadedArticle, load_article, output_stem
from .edits import REPORTED, Edits, Unsure, take_edits
from .engine import LOW_CONFIDENCE, Engine, EngineInfo, Progress, translate_scored
from .errors import DolmetschError, OutputError, UsageError
from .files import (
    NotOursError,
    find_articles,
    legacy_note,
    no_articles,
    read_input,
    read_regular,
    write_if_changed,
    write_streamed,
)
from .glossary import (
    Counts,
    Glossary,
    check_pairs,
    glossary_hash,
    translate_with_glossary,
)
from .html import IndexRow, IndexTotals, dump_html, index_frame, index_row
from .languages import DEFAULT_PAIR, LanguagePair
from .ledger import Entry as LedgerEntry
from .ledger import Ledger, note_pending, sha256_bytes
from .memory import (
    CONFIDENCE_MARK,
    Hit,
    TranslationMemory,
    TranslationMemoryError,
    confidence_note,
    context,
    read_confidence,
)
from .po import (
    HEADER_COMMENT,
    PoError,
    build_po_header_lines,
    decode_po,
    dump_po,
    parse_po_strict,
    po_pair,
)
from .provenance import Provenance
from .segment import sentence_spans
from .tmx import TMX_TAIL, dump_tmx_units, tmx_head
from .tsv import dump_tsv
from .wording import counted

WINDOW_SENTENCES = 2000
WORKER_WINDOW = 500  # enough for full engine batches, small enough to share work evenly
ARTICLE_WRITERS: dict[str, Callable[[TranslatedArticle, Glossary | None], str]] = {
    ".tsv": lambda article, _: dump_tsv(article),
    ".html": dump_html,
}


class Observer(Protocol):
    """What the caller (the CLI) hears of a run while it goes on."""

    def started(self, total_sentences: int) -> None: ...

    def advanced(self, sentences: int) -> None: ...

    def failed(self, message: str) -> None: ...

    def noted(self, message: str) -> None: ...


class Silent:
    """An observer that hears nothing: for library callers without a user interface."""

    def started(self, total_sentences: int) -> None:
        pass

    def advanced(self, sentences: int) -> None:
        pass

    def failed(self, message: str) -> None:
        pass

    def noted(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class RunSummary:
    engine: EngineInfo
    out_dir: Path
    articles: int = 0
    sentences: int = 0
    remembered: int = 0  # of the sentences, those the translation memory gave
    seconds: float = 0.0
    failures: tuple[str, ...] = ()
    glossary: Counts | None = None
    human_edits: int = 0
    withdrawn: int = 0  # human translations people took back in their PO files
    kept: int = 0  # articles whose outputs were current and kept as they were
    conflicts: int = 0  # sentences people translated differently in different segments
    memory_note: str = ""  # the memory is read-only: what the run could not store
    stopped: bool = False  # the memory failed during the run, which stopped there
    confidence: tuple[int, int] = (0, 0)  # machine sentences (low, with a confidence) translated
    given: int = 0  # articles asked for: translated, kept, or failed (each named on stderr)
    other_engines: tuple[EngineInfo, ...] = ()  # a run over several languages: the others'

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def failed_articles(self) -> int:
        """Articles given that were neither translated nor kept (each named on stderr)."""
        return max(0, self.given - self.articles - self.kept)

    def line(self) -> str:
        """The run in one line: what was translated and kept, with which engine, in how long,
        where to, what failed (each was named on stderr) and the glossary's counts."""
        articles, sentences = counted(self.articles, "article"), counted(self.sentences, "sentence")
        line = f"translated {articles} ({sentences}{self._remembered()})"
        if self.kept:
            line += f" and kept {self.kept} unchanged"
        engines = dict.fromkeys(e.describe() for e in (self.engine, *self.other_engines))
        line += f" with {', '.join(engines)} in {self.seconds:.1f} s -> {self.out_dir}"
        line += self._failed()
        line += describe_confidence(*self.confidence)
        if self.glossary is not None and self.articles:
            line += "; " + describe_counts(self.glossary)
            line += describe_unlisted(self.glossary, self.out_dir)
        if self.human_edits:
            line += f"; {counted(self.human_edits, 'human edit')} kept"
        if self.withdrawn:
            line += f"; {counted(self.withdrawn, 'human translation')} withdrawn"
        if self.conflicts:
            have = "has" if self.conflicts == 1 else "have"  # each has two or more
            line += (
                f"; {counted(self.conflicts, 'sentence')} {have} differing human translations, "
                "each used for its own "
                "segment (dolmetsch tm stats lists them)"
            )
        if self.memory_note:
            line += f"; {self.memory_note}"
        return line

    def _remembered(self) -> str:
        """``, all from the translation memory``: a rerun after one PO edit remakes every
        article (the memory is part of each one's stamp) but translates nothing again."""
        if not self.remembered:
            return ""
        if self.remembered >= self.sentences:
            return ", all from the translation memory"
        return f", {self.remembered} from the translation memory"

    def _failed(self) -> str:
        """``; 2 articles failed, each named on stderr``; a problem that stopped no article
        (an output refused, the memory) is a ``problem``."""
        problems = len(self.failures)
        if not self.failed_articles:
            return f"; {counted(problems, 'problem')}, named on stderr" if problems else ""
        failed = f"; {counted(self.failed_articles, 'article')} failed"
        if problems <= self.failed_articles:
            return failed + (", named on stderr" if problems == 1 else ", each named on stderr")
        return failed + f" ({counted(problems, 'problem')} in all, each named on stderr)"


def describe_counts(counts: Counts) -> str:
    """``glossary: 300 terms, 298 enforced, 2 repaired, 0 failed (term accuracy 100.0 %)``."""
    accuracy = 100.0 * (counts.enforced + counts.repaired) / counts.found if counts.found else 100.0
    line = (
        f"glossary: {counted(counts.found, 'term')}, {counts.enforced} enforced, "
        f"{counts.repaired} repaired, {counts.failed} failed (term accuracy {accuracy:.1f} %)"
    )
    if counts.human:
        line += (
            f", {counted(counts.human, 'term')} in human translations spelled otherwise "
            "(flagged in their PO files, left as the person wrote them)"
        )
    return line


def describe_confidence(low: int, scored: int) -> str:
    """``; 3 of 40 sentences low-confidence (below 0.45, marked in the HTML)``, or nothing
    when the engine gave no confidence."""
    if not scored:
        return ""
    return (
        f"; {low} of {counted(scored, 'sentence')} low-confidence (below {LOW_CONFIDENCE:.2f}, "
        "marked "
        "in the HTML)"
    )


def describe_unlisted(counts: Counts, out_dir: Path) -> str:
    """``; 3 unlisted spellings recognised, 1 candidate left as it is (dolmetsch glossary
    suggest --from-run out)``, or nothing when there were none."""
    if not counts.unlisted and not counts.candidates:
        return ""
    parts = []
    if counts.unlisted:
        parts.append(f"{counted(counts.unlisted, 'unlisted spelling')} recognised")
    if counts.candidates:
        left = "left as it is" if counts.candidates == 1 else "left as they are"
        parts.append(f"{counted(counts.candidates, 'candidate')} {left}")
    return f"; {', '.join(parts)} (dolmetsch glossary suggest --from-run {out_dir})"


def discover(input_dir: Path) -> list[Path]:
    """The articles of :func:`find_articles` (at least one), without the names it skipped."""
    found = find_articles(input_dir)
    if not found.paths:
        raise no_articles(input_dir, found)
    return list(found.paths)


def distinct_stems(
    paths: Sequence[Path], *, folds_case: bool = False
) -> tuple[list[Path], list[str]]:
    """The articles whose outputs have names of their own, and one line for each other.

    :func:`output_stem` gives different names different stems; two can only meet through
    its short hash, a name made like one of its own (``x-1a2b3c4d.txt`` beside the long
    name it stands for), or, in a folder whose file system ``folds_case`` (macOS, Windows,
    a USB stick), ``A.txt`` beside ``a.txt``.  The first keeps the stem; the others would
    write over its outputs, so they are left out, each with what to do.
    """
    kept: list[Path] = []
    clashes: list[str] = []
    owners: dict[str, Path] = {}
    for path in paths:
        stem = output_stem(path)
        key = stem.casefold() if folds_case else stem
        owner = owners.setdefault(key, path)
        if owner is path:
            kept.append(path)
        else:
            clashes.append(
                f"{path}: its outputs would be named {stem}.* like those of {owner.name}; "
                "it was not translated: rename one of the two"
            )
    return kept, clashes


def _folds_case(probe: Path) -> bool:
    """Whether the file system of ``probe`` (an existing file) takes ``A`` and ``a`` for
    one name."""
    try:
        return probe.exists() and probe.with_name(probe.name.swapcase()).exists()
    except OSError:
        return False


def translate_sentences(
    sentences: Sequence[str],
    engine: Engine,
    glossary: Glossary | None = None,
    progress: Progress | None = None,
) -> tuple[list[Translation], list[Counts] | None]:
    """Translate in one pooled engine call, with the glossary enforced when there is one.

    Each glossary occurrence is protected before the engine sees the sentence and restored
    in its canonical English form after; the counts say, sentence by sentence, how many
    were found, enforced, repaired and failed.  Each translation keeps the engine's
    confidence in its sentence when the engine gives one.
    """
    if glossary is None:
        scored = translate_scored(engine, sentences, progress)
        return [Translation(s.text, confidence=s.confidence) for s in scored], None
    restored = translate_with_glossary(
        lambda texts: translate_scored(engine, texts, progress), sentences, glossary
    )
    translations = [
        Translation(
            r.text,
            tuple(r.applied),
            tuple(f"{t.source} -> {t.rendering}" for t in r.terms if t.status == "failed"),
            unlisted=tuple(r.unlisted),
            candidates=r.candidates,
            confidence=r.confidence,
        )
        for r in restored
    ]
    return translations, [r.counts for r in restored]


def translate_documents(
    articles: Sequence[LoadedArticle],
    engine: Engine,
    observer: Observer,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
    folder: str = "",
    pair: LanguagePair | None = None,
) -> tuple[list[TranslatedArticle], Counts | None]:
    """Translate the articles' sentences in one pooled engine call and align them.

    Sentences the translation memory knows (a human translation, or a machine one by the
    same engine, model and glossary, of the same language ``pair``) are not sent to the
    engine.  ``pair`` is the memory's when not given (German->English without one).  The
    glossary counts are per occurrence, so they do not depend on how articles are grouped
    into calls.
    """
    pair = _pair_of(pair, memory)
    segments = [translatable_segments(a.document) for a in articles]
    flat = [s.text for ss in segments for s in ss]
    contexts = [
        context(a.document.name, s.id, folder)
        for a, ss in zip(articles, segments, strict=True)
        for s in ss
    ]
    info = engine.info
    stamp = memory_stamp(info, glossary)
    ghash = stamp.glossary
    hits = (
        memory.lookup_segments(flat, contexts, stamp) if memory is not None else [None] * len(flat)
    )
    misses = list(dict.fromkeys(t for t, hit in zip(flat, hits, strict=True) if hit is None))
    fresh, fresh_counts = translate_sentences(misses, engine, glossary, observer.advanced)
    if memory is not None and misses:
        memory.store(
            ((s, t.text, _memory_terms(t)) for s, t in zip(misses, fresh, strict=True)),
            "machine",
            stamp,
        )
    by_source = dict(zip(misses, fresh, strict=True))
    each = dict(zip(misses, fresh_counts, strict=True)) if fresh_counts is not None else {}
    targets = [
        by_source[t] if hit is None else _remembered(t, hit, glossary, here)
        for t, hit, here in zip(flat, hits, contexts, strict=True)
    ]
    observer.advanced(sum(1 for hit in hits if hit is not None))
    counts = None
    if glossary is not None:
        counts = sum(
            (
                each[t] if hit is None else _hit_counts(target)
                for t, hit, target in zip(flat, hits, targets, strict=True)
            ),
            Counts(),
        )
    remaining = iter(zip(targets, hits, strict=True))
    articles_out = []
    for article, article_segments in zip(articles, segments, strict=True):
        own = [next(remaining) for _ in article_segments]
        aligned = align(
            article.document,
            [target for target, _ in own],
            source_name=article.path.name,
            encoding=article.encoding,
            engine=info,
            glossary_hash=ghash,
            pair=pair,
        )
        articles_out.append(replace(aligned, remembered=sum(hit is not None for _, hit in own)))
    return articles_out, counts


def _pair_of(pair: LanguagePair | None, memory: TranslationMemory | None) -> LanguagePair:
    """The run's language pair, which the memory must serve: one pair's units are never
    another's translations."""
    if memory is not None and pair is not None and memory.pair != pair:
        raise UsageError(
            f"the memory was opened for {memory.pair.describe()}, the run is {pair.describe()}"
        )
    return pair or (memory.pair if memory is not None else DEFAULT_PAIR)


FAILED = "! "  # marks a failed glossary term among a memory unit's terms
UNLISTED = "~ "  # an unlisted spelling recognised ("~ Selenskyi -> Zelensky")
CANDIDATE = "? "  # a spelling like an entry's, left to the engine


def _memory_terms(translation: Translation) -> list[str]:
    """What the memory keeps of a machine translation's glossary notes and confidence, one
    string each."""
    return [
        *translation.terms,
        *(FAILED + f for f in translation.failed),
        *(UNLISTED + u for u in translation.unlisted),
        *(CANDIDATE + c for c in translation.candidates),
        *([confidence_note(translation.confidence)] if translation.confidence is not None else []),
    ]


def memory_stamp(info: EngineInfo, glossary: Glossary | None) -> Provenance:
    """The key under which the memory keeps this engine's translations with this glossary."""
    ghash = glossary_hash(glossary) if glossary is not None else ""
    return Provenance.of_engine(info, ghash)


def needing_engine(
    paths: Sequence[Path], info: EngineInfo, glossary: Glossary | None, memory: TranslationMemory
) -> list[Path]:
    """The readable articles with a sentence ``memory`` cannot translate for this engine and
    glossary: what is left to send to an engine (unreadable ones are the run's to report)."""
    stamp = memory_stamp(info, glossary)
    left = []
    for path in paths:
        try:
            texts = translatable_texts(load_article(path, lang=memory.pair.source).document)
        except DolmetschError:
            continue
        if len(memory.lookup(texts, stamp)) < len(set(texts)):
            left.append(path)
    return left


def _remembered(source: str, hit: Hit, glossary: Glossary | None, here: str = "") -> Translation:
    if hit.origin == "human":
        # A person's translation is never rewritten; the glossary only flags it.  One made
        # for another segment is offered for review, not passed off as this one's.
        findings = check_pairs([(source, hit.target)], glossary) if glossary is not None else []
        failed = tuple(f"{f.target}: {f.describe()}" for f in findings)
        reused = hit.context if _article(hit.context) not in ("", _article(here)) else ""
        return Translation(hit.target, (), failed, "human", reused)
    marks = (FAILED, UNLISTED, CANDIDATE)
    terms = tuple(t for t in hit.terms if not t.startswith((*marks, CONFIDENCE_MARK)))
    failed, unlisted, candidates = (
        tuple(t[len(mark) :] for t in hit.terms if t.startswith(mark)) for mark in marks
    )
    # a unit stored before confidences were kept has none: none is shown
    confidence = next((c for t in hit.terms if (c := read_confidence(t)) is not None), None)
    return Translation(hit.target, terms, failed, "machine", "", unlisted, candidates, confidence)


def _article(where: str) -> str:
    """The article of a segment's context (``/x/out/004#p1.s2`` -> ``004``): a translation
    made for the same article (before a paragraph moved it, or in the folder before it was
    moved) is still that article's own."""
    return where.rsplit("/", 1)[-1].rpartition("#")[0]


def _hit_counts(translation: Translation) -> Counts:
    if translation.origin == "human":
        return Counts(human=len(translation.failed))
    found = len(translation.terms)
    failed = len(translation.failed)
    return Counts(
        found=found,
        enforced=found - failed,
        failed=failed,
        unlisted=len(translation.unlisted),
        candidates=len(translation.candidates),
    )


@dataclass(frozen=True)
class Job:
    """An article to translate, and what the run knows of its outputs on disk."""

    path: Path
    expected: Mapping[str, frozenset[str]]  # by name: the bytes (SHA-256s) it may replace
    refused: frozenset[str] = frozenset()  # outputs the first step reported: left alone
    unsure: tuple[Unsure, ...] = ()  # PO entries this run must write unchanged
    neighbours: tuple[str, str] = ("", "")  # stems before and after it in the index


@dataclass(frozen=True)
class Written:
    """What writing one article's outputs did."""

    units: str  # its TMX units, which the corpus TMX reuses
    shas: dict[str, str]  # SHA-256 of each output by name, '' for one left alone
    refusals: tuple[str, ...]  # one line per output left alone, with what to do


def write_outputs(
    article: TranslatedArticle,
    out_dir: Path,
    glossary: Glossary | None = None,
    job: Job | None = None,
    memory: bool = True,
) -> Written:
    """Write the article's PO, TSV, side-by-side HTML and TMX, each atomically.

    With a ``job`` an output is replaced only if it still holds bytes dolmetsch wrote
    (``job.expected``), checked immediately before the rename; any other file there is a
    person's and is left alone, with one line saying what to do (unless the first step
    said it already).  ``memory`` tells the advice for a PO left alone.  A PO's translator
    comments (``# ...``) are carried over into the new one.
    """
    stem = article.stem
    po_name = f"{stem}.po"
    outputs = {
        po_name: dump_po(article, _translator_comments(out_dir / po_name)),
        **{f"{stem}{ext}": dump(article, glossary) for ext, dump in ARTICLE_WRITERS.items()},
    }
    units = dump_tmx_units(article)
    outputs[f"{stem}.tmx"] = tmx_head(article.pair.source) + units + TMX_TAIL
    shas, refusals = {}, []
    for name, text in outputs.items():
        data = text.encode("utf-8")
        sha = sha256_bytes(data)
        path = out_dir / name
        expect = None if job is None else job.expected.get(name, frozenset())
        try:
            if job is not None and name == po_name and job.unsure:
                _check_unsure(path, article, job.unsure)
            # Not flushed to disk one by one: made again from the memory if a power cut tore
            # one.  The new bytes are noted as dolmetsch's before the rename, so that a run
            # killed right after it does not take its own file for a person's.
            write_if_changed(
                path, data, durable=False, expect=expect,
                before_replace=functools.partial(note_pending, out_dir, {name: sha}),
            )  # fmt: skip
        except NotOursError as exc:
            shas[name] = ""
            if isinstance(exc, _UnsureError):
                refusals.append(str(exc))
            elif job is None or name not in job.refused:
                refusals.append(f"{exc}: {_advice(name, memory, bool(expect))}")
            continue
        except OutputError as exc:  # this file only: the article's others are still written
            shas[name] = ""
            refusals.append(str(exc))
            continue
        shas[name] = sha
    return Written(units, shas, tuple(refusals))


def _translator_comments(po: Path) -> dict[str, str]:
    """The ``# ...`` comments a person wrote in the PO, by German sentence."""
    try:
        data = read_regular(po)
    except OSError:
        return {}
    if data.count(b"\n# ") < 2 and b"\n#\n" not in data:
        return {}  # the common case, without parsing: only dolmetsch's two header lines
    try:
        parsed = parse_po_strict(decode_po(data, str(po)), str(po))
    except PoError:
        return {}  # a damaged PO is never replaced anyway
    # by position and sentence, else by sentence, else by position when the sentence is gone
    # from the article: a paragraph added above must not move a note, two notes on one
    # sentence in two places must both stay, and a corrected sentence keeps its note
    comments: dict[str, str] = {}
    for e in parsed:
        if e.tcomment and e.msgid:
            comments[f"{e.msgctxt}\x00{e.msgid}"] = e.tcomment
            comments.setdefault(e.msgid, e.tcomment)
            comments[f"@{e.msgctxt}"] = f"{e.msgid}\x00{e.tcomment}"
    try:  # the lines dolmetsch wrote name the languages that PO was made for
        made_for = po_pair(parsed.metadata)
    except DolmetschError:
        made_for = DEFAULT_PAIR
    ours = build_po_header_lines(parsed.metadata.get("X-Dolmetsch-Source", ""), made_for)
    extra = [line for line in parsed.header.split("\n") if not line.startswith(ours)]
    if any(extra):
        comments[HEADER_COMMENT] = "\n".join(extra)
    return comments


class _UnsureError(NotOursError):
    """An unreviewed PO entry that may be a person's change: its message says what to do."""


def _check_unsure(path: Path, article: TranslatedArticle, unsure: Sequence[Unsure]) -> None:
    targets = {pair.segment.id: pair.target for pair in article.pairs}
    for entry in unsure:
        if targets.get(entry.msgctxt) != entry.msgstr:
            raise _UnsureError(
                f"{path}:{entry.line}: an unreviewed (fuzzy) entry differs from this engine's "
                "translation and the memory cannot tell it from machine output: clear its fuzzy "
                "flag if it is your translation, or move the file away; it was left as it is"
            )


def _advice(name: str, memory: bool, recorded: bool) -> str:
    if not name.endswith(".po"):
        return "move it away to have it written again" + (
            " (corrections belong in the .po file)" if recorded else ""
        )
    if memory:
        return "it was saved during this run: run again to take its edits into the memory"
    return (
        "--no-memory cannot keep its edits: run without --no-memory to take them into "
        "the memory, or move it away"
    )


class _Spool:
    """A whole-corpus output (``corpus.tmx``, ``index.html``) streamed to disk piece by
    piece, then framed and written into place at the end (:func:`write_streamed`).

    Memory does not grow with the corpus, a reader never sees a half-written file, and an
    unchanged file is left as it was (with its modification time).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._body: IO[bytes] | None = None
        self._failed = ""

    def add(self, text: str) -> None:
        """Add a piece; a failure (a full disk) is kept for :meth:`finish` to report, so
        that the articles are still written."""
        if self._failed:
            return
        try:
            if self._body is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # open across calls until finish(); unnamed, so a killed run leaves nothing
                self._body = tempfile.TemporaryFile(dir=self.path.parent)  # noqa: SIM115
            self._body.write(text.encode("utf-8"))
        except OSError as exc:
            self._failed = f"{self.path}: cannot write output: {exc.strerror or exc}"
            self.abandon()

    def finish(self, before: str, after: str, expect: Collection[str] | None = None) -> str:
        """Write the file (see :func:`write_streamed` for ``expect``); its SHA-256.  The new
        bytes are noted in the ledger as dolmetsch's just before the rename."""
        if self._failed:
            raise OutputError(self._failed)
        body = self._body
        digest = hashlib.sha256()

        def put(out: IO[bytes], data: bytes) -> None:
            out.write(data)
            digest.update(data)

        def write(out: IO[bytes]) -> None:
            put(out, before.encode("utf-8"))
            if body is not None:
                body.seek(0)
                while chunk := body.read(1 << 20):
                    put(out, chunk)
            put(out, after.encode("utf-8"))

        try:
            write_streamed(
                self.path, write, durable=False, expect=expect,
                before_replace=lambda: note_pending(
                    self.path.parent, {self.path.name: digest.hexdigest()}
                ),
            )  # fmt: skip
        finally:
            self.abandon()
        return digest.hexdigest()

    def abandon(self) -> None:
        if self._body is not None:
            with contextlib.suppress(OSError):  # its last buffer on a full disk: gone anyway
                self._body.close()  # an unnamed temporary file: gone with its handle
            self._body = None


class _Whole:
    """The run's ``corpus.tmx`` and ``index.html``, filled group by group and written once
    at the end.  ``srclang`` is the articles' one source language, ``""`` when they have
    several: the corpus then says ``*all*`` and each unit names its own."""

    def __init__(self, out_dir: Path, srclang: str) -> None:
        self.corpus = _Spool(out_dir / "corpus.tmx")
        self.index = _Spool(out_dir / "index.html")
        self.srclang = srclang
        self.totals = IndexTotals()
        self.pair: LanguagePair | None = None  # the first group's, for a one-pair index

    def add(self, units: str, row: IndexRow, pair: LanguagePair) -> None:
        self.pair = self.pair or pair
        if not self.srclang:
            units = units.replace("    <tu tuid=", f'    <tu srclang="{pair.source}" tuid=')
        self.corpus.add(units)
        self.index.add(index_row(row))
        self.totals = self.totals.plus(row)

    def finish(self, ledger: Ledger, observer: Observer) -> list[str]:
        """Write both (when any article was translated or kept); the failures, each told
        to the observer."""
        failures: list[str] = []
        if not self.totals.articles:  # corpus and index of the whole run, or none
            return failures
        pair = self.pair or DEFAULT_PAIR
        frames = (
            (self.corpus, (tmx_head(self.srclang or "*all*"), TMX_TAIL)),
            (self.index, index_frame(self.totals, pair=pair if self.srclang else None)),
        )
        for spool, frame in frames:
            name = spool.path.name
            ours = {ledger.written(name) or "", *ledger.pending([name]).get(name, set())}
            try:
                ledger.record_written(name, spool.finish(*frame, ours - {""}))
            except NotOursError as exc:
                failures.append(f"{exc}: {_advice(name, True, bool(ours - {''}))}")
                observer.failed(failures[-1])
            except OutputError as exc:
                failures.append(str(exc))
                observer.failed(failures[-1])
        return failures

    def abandon(self) -> None:
        self.corpus.abandon()
        self.index.abandon()


@dataclass(frozen=True, slots=True)  # one per article for the whole run: keep it small
class _Planned:
    """An article as the first pass left it: only what the second pass needs."""

    path: Path
    sentences: int  # sentences to translate; 0 when kept
    kept: bool  # its outputs are current: nothing to do but reuse them
    neighbours: tuple[str, str] = ("", "")  # stems before and after it in the index


@dataclass(frozen=True)
class ArticleResult:
    """What translating one article produced, as much as the run needs to go on."""

    units: str
    entry: LedgerEntry
    sentences: int
    refusals: tuple[str, ...] = ()  # outputs left alone: a person's
    notes: tuple[str, ...] = ()  # what a person should know: a legacy code page guessed
    remembered: int = 0  # sentences the translation memory gave, not the engine


@dataclass(frozen=True)
class WindowResult:
    """A window's articles in order: a result, or the one-line message of its failure."""

    articles: tuple[ArticleResult | str, ...]
    counts: Counts | None
    sentences: int
    stopped: str = ""  # the memory failed: nothing of the window was written, the run stops


class WindowTranslator:
    """Translates windows of articles and writes their outputs: in the run's own process
    (``--jobs 1``) or in each worker process."""

    def __init__(
        self,
        out_dir: Path,
        engine: Engine,
        glossary: Glossary | None,
        memory: TranslationMemory | None,
        pair: LanguagePair = DEFAULT_PAIR,
    ) -> None:
        self.out_dir = out_dir
        self.engine = engine
        self.glossary = glossary
        self.memory = memory
        self.pair = pair

    def translate(
        self, jobs: Sequence[Job], stamp: str, observer: Observer | None = None
    ) -> WindowResult:
        loaded: list[LoadedArticle] = []
        outcome: dict[Path, ArticleResult | str] = {}
        by_path = {job.path: job for job in jobs}
        paths = [job.path for job in jobs]
        for path in paths:
            try:
                loaded.append(load_article(path, lang=self.pair.source))
            except DolmetschError as exc:  # changed since the first pass
                outcome[path] = str(exc)
        try:
            translated, counts = translate_documents(
                loaded, self.engine, observer or Silent(), self.glossary, self.memory,
                str(self.out_dir.resolve()), self.pair,
            )  # fmt: skip
        except TranslationMemoryError as exc:  # before any of the window's outputs
            return WindowResult(tuple(str(exc) for _ in paths), None, 0, stopped=str(exc))
        sentences = 0
        for source, article in zip(loaded, translated, strict=True):
            lifeline.check()  # a worker whose run is gone writes nothing more
            job = by_path[source.path]
            article = replace(article, neighbours=job.neighbours)
            written = write_outputs(
                article, self.out_dir, self.glossary, job, memory=self.memory is not None
            )
            row = IndexRow.from_article(article)
            entry = LedgerEntry(
                article.stem, source.sha256, article_stamp(stamp, job.neighbours), written.shas,
                row,
            )  # fmt: skip
            note = legacy_note(str(source.path), source.encoding, self.pair.source)
            outcome[source.path] = ArticleResult(
                written.units, entry, row.sentences, written.refusals, (note,) if note else (),
                article.remembered,
            )  # fmt: skip
            sentences += row.sentences
        return WindowResult(tuple(outcome[p] for p in paths), counts, sentences)


# In a worker process: its translator, or the error that kept it from opening one.
_WORKER: WindowTranslator | DolmetschError | None = None
_WorkerStart = tuple[
    Callable[[], Engine], EngineInfo, Path, "Glossary | None", "Path | None", LanguagePair
]


def _start_worker(
    spawn_engine: Callable[[], Engine],
    expected: EngineInfo,
    out_dir: Path,
    glossary: Glossary | None,
    memory_path: Path | None,
    pair: LanguagePair,
    parent: int,
) -> None:
    global _WORKER
    # first, before the engine's slow start: a worker never outlives the run that holds
    # the output folder's lock
    lifeline.bind_to_parent(parent)
    try:
        engine = spawn_engine()
        if engine.info != expected:
            raise UsageError(f"a worker opened {engine.info.describe()}, not {expected.describe()}")
        # not checked again: the run checked it before starting the workers
        memory = (
            TranslationMemory(memory_path, check=False, pair=pair)
            if memory_path is not None
            else None
        )
        _WORKER = WindowTranslator(out_dir, engine, glossary, memory, pair)
    except DolmetschError as exc:
        _WORKER = exc  # raised by the first task, so the run reports it in one line


def _worker() -> WindowTranslator:
    if isinstance(_WORKER, DolmetschError):
        raise _WORKER
    if _WORKER is None:
        raise RuntimeError("worker process was not started")
    return _WORKER


def _ready() -> None:
    _worker()


def _work(jobs: Sequence[Job], stamp: str) -> WindowResult:
    lifeline.check()  # a window queued before the run died is not started
    return _worker().translate(jobs, stamp)


class _Workers:
    """``jobs`` worker processes, started before the first pass so that their start-up
    (imports, opening the engine) overlaps it."""

    def __init__(self, jobs: int, start: _WorkerStart) -> None:
        import multiprocessing
        import os
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        # spawn, not fork: a forked copy of a process with CTranslate2 threads can deadlock
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_start_worker, initargs=(*start, os.getpid())
        )
        # submit() starts the processes (CPython since 3.9), so the thread running the batch
        # does, and none is replaced later (no max_tasks_per_child). A worker dies with the
        # thread that started it (Linux's PR_SET_PDEATHSIG): this one outlives the pool,
        # waiting for it in close().
        self._ready = [self._pool.submit(_ready) for _ in range(jobs)]

    def results(self, windows: Iterator[list[Job]], stamp: str) -> Iterator[WindowResult]:
        """The windows' results in window order, at most two windows per worker under
        way, so memory stays flat however long the corpus is."""
        # Imported here: concurrent.futures.process imports multiprocessing, which a
        # run without workers (most runs) does not need at start-up.
        from concurrent.futures.process import BrokenProcessPool

        pending: deque[Future[WindowResult]] = deque()
        try:
            for ready in self._ready:
                ready.result()
            for window in windows:
                pending.append(self._pool.submit(_work, window, stamp))
                if len(pending) >= 2 * self.jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise DolmetschError(f"a worker process died ({exc}); run again to finish") from exc

    def map(
        self, function: Callable[[list[Path]], list[int | str]], chunks: list[list[Path]]
    ) -> Iterator[list[int | str]]:
        """``function`` over ``chunks`` in the workers, results in order."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            yield from self._pool.map(function, chunks)
        except BrokenProcessPool as exc:
            raise DolmetschError(f"a worker process died ({exc}); run again to finish") from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _windows(planned: Sequence[_Planned], size: int) -> Iterator[list[Path]]:
    window: list[Path] = []
    count = 0
    for article in planned:
        if article.kept:
            continue
        window.append(article.path)
        count += article.sentences
        if count >= size:
            yield window
            window, count = [], 0
    if window:
        yield window


def _kept_units(out_dir: Path, stem: str, pair: LanguagePair = DEFAULT_PAIR) -> str:
    # kept outputs were made for this pair (it is in their stamp), so their head is this one
    text = (out_dir / f"{stem}.tmx").read_text(encoding="utf-8")
    return text[len(tmx_head(pair.source)) : len(text) - len(TMX_TAIL)]


def _stranded_units(
    out_dir: Path, stem: str, pair: LanguagePair, entry: LedgerEntry | None
) -> str | None:
    """The TMX units of an article this run cannot translate, when its TMX is the one
    dolmetsch wrote (its bytes in the ledger) for ``pair``; else None: left out."""
    path = out_dir / f"{stem}.tmx"
    if entry is None:
        return None
    try:
        data = read_regular(path)
    except OSError:
        return None
    text = data.decode("utf-8", "replace")
    head = tmx_head(pair.source)
    if entry.outputs.get(path.name) != sha256_bytes(data) or not text.startswith(head):
        return None
    return text[len(head) : len(text) - len(TMX_TAIL)]


def run_stamp(
    engine: EngineInfo,
    glossary: Glossary | None,
    memory: TranslationMemory | None,
    pair: LanguagePair = DEFAULT_PAIR,
) -> str:
    """What every article's outputs depend on besides its source: outputs made for another
    language pair are made again, never kept."""
    ghash = glossary_hash(glossary) if glossary is not None else ""
    state = memory.state() if memory is not None else ""
    return json.dumps(
        [__version__, engine.name, engine.model, engine.model_version, ghash, pair.code, state]
    )


def article_stamp(stamp: str, neighbours: tuple[str, str]) -> str:
    """The ledger's stamp of one article's outputs: the articles its page links to as
    previous and next, then the run's stamp (a JSON list still ending in the memory's
    state, which :mod:`.edits` reads)."""
    return json.dumps([*neighbours, *json.loads(stamp)])


def _run_part(recorded: str) -> str:
    """The run's stamp in an article's (see :func:`article_stamp`); '' for a stamp of an
    older version, whose pages had no such links."""
    try:
        parts = json.loads(recorded)
    except ValueError:
        return ""
    return json.dumps(parts[2:]) if isinstance(parts, list) and len(parts) > 2 else ""


COUNT_CHUNK = 100  # articles counted per task


def count_sentences(paths: Sequence[Path], lang: str = "de") -> list[int | str]:
    """Each article's number of sentences to translate, or why it cannot be read."""
    counts: list[int | str] = []
    for path in paths:
        try:
            counts.append(len(translatable_texts(load_article(path, lang=lang).document)))
        except DolmetschError as exc:
            counts.append(str(exc))
    return counts


class _Planner:
    """The first pass, after people's edits are in the memory: find the articles whose
    outputs are current, and count the sentences of the others for the progress total (in
    the workers when there are any: parsing is most of this pass's time)."""

    def __init__(
        self,
        out_dir: Path,
        memory: TranslationMemory | None,
        ledger: Ledger,
        workers: _Workers | None = None,
        pair: LanguagePair = DEFAULT_PAIR,
    ) -> None:
        self.out_dir = out_dir
        self.memory = memory
        self.ledger = ledger
        self.workers = workers
        self.pair = pair
        self.failures: list[str] = []

    def plan(self, paths: Sequence[Path], engine: EngineInfo, glossary: Glossary | None
             ) -> list[_Planned]:  # fmt: skip
        stamp = run_stamp(engine, glossary, self.memory, self.pair)
        read = [(path, self._read(path)) for path in paths]
        # outputs made from this source with this stamp are current unless the articles
        # around it in the index changed (their pages link to them): known once all is read
        maybe = {
            path: (sha, entry)
            for path, (sha, entry) in ((p, r) for p, r in read if r is not None)
            if entry is not None and entry.source_sha256 == sha and _run_part(entry.stamp) == stamp
        }
        to_count = [path for path, found in read if found is not None and path not in maybe]
        counts = dict(zip(to_count, self._count(to_count), strict=True))
        for count in counts.values():
            if isinstance(count, str):
                self.failures.append(count)
        listed = [p for p, _ in read if p in maybe or isinstance(counts.get(p), int)]
        stems = ["", *(output_stem(p) for p in listed), ""]
        around = {p: (stems[k], stems[k + 2]) for k, p in enumerate(listed)}
        stale = [
            path
            for path, (sha, entry) in maybe.items()
            if not entry.current(self.out_dir, sha, article_stamp(stamp, around[path]))
        ]
        # a page whose neighbours changed is made again (from the memory); its source was
        # read and parsed when its outputs were made, but may fail now like any other
        for path, count in zip(stale, self._count(stale), strict=True):
            counts[path] = count
            if isinstance(count, str):
                self.failures.append(count)
        planned = []
        for path in listed:
            sentences = counts.get(path)
            if path in maybe and path not in counts:
                planned.append(_Planned(path, 0, kept=True, neighbours=around[path]))
            elif isinstance(sentences, int):
                planned.append(_Planned(path, sentences, kept=False, neighbours=around[path]))
        return planned

    def _read(self, path: Path) -> tuple[str, LedgerEntry | None] | None:
        """The article's SHA-256 and the ledger's entry for its outputs (none without a
        memory: every sentence is translated afresh); None when it cannot be read."""
        try:
            data = read_input(path)
        except DolmetschError as exc:
            self.failures.append(str(exc))
            return None
        entry = self.ledger.get(output_stem(path)) if self.memory is not None else None
        return sha256_bytes(data), entry

    def _count(self, paths: list[Path]) -> Iterator[int | str]:
        chunks = [paths[i : i + COUNT_CHUNK] for i in range(0, len(paths), COUNT_CHUNK)]
        count = functools.partial(count_sentences, lang=self.pair.source)
        counted = self.workers.map(count, chunks) if self.workers else map(count, chunks)
        for chunk in counted:
            yield from chunk


def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    engine: Engine,
    observer: Observer | None = None,
    window_sentences: int = WINDOW_SENTENCES,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
    jobs: int = 1,
    spawn_engine: Callable[[], Engine] | None = None,
    pair: LanguagePair | None = None,
) -> RunSummary:
    """Translate the articles at ``paths`` (see :func:`discover`) into ``out_dir``.

    First people's edits in the output folder's PO files are taken into the memory
    (:func:`take_edits`).  Then two passes, each holding one window of articles at a time:
    the first counts; the second translates window by window and writes.  An output is
    replaced only while it holds the bytes dolmetsch last wrote (or those whose edits were
    taken): anything else there is a person's, reported and left alone.
    An article whose outputs the ledger shows current (same source, engine, glossary and
    memory) is kept as it is.  With ``jobs`` > 1 the windows are translated in that many
    worker processes, each opening its engine with ``spawn_engine()``; outputs do not depend
    on the number of jobs.  A file that cannot be read is reported to the observer and
    counted as a failure; the other articles are still translated.  ``pair`` is the
    articles' languages (the memory's when not given, else German->English): every output
    names them, and the memory serves only that pair's translations.
    """
    group = Group(paths, engine, _pair_of(pair, memory), glossary, memory, spawn_engine)
    return run_groups([group], out_dir, observer, window_sentences, jobs)


@dataclass(frozen=True)
class Group:
    """The articles of one language pair in a run, with what translates them: the pair's
    engine, the glossary as the pair sees it (:meth:`Glossary.for_pair`) and the memory
    opened for the pair (one object per pair on the same file)."""

    paths: Sequence[Path]
    engine: Engine
    pair: LanguagePair = DEFAULT_PAIR
    glossary: Glossary | None = None
    memory: TranslationMemory | None = None
    spawn_engine: Callable[[], Engine] | None = None


def run_groups(
    groups: Sequence[Group],
    out_dir: Path,
    observer: Observer | None = None,
    window_sentences: int = WINDOW_SENTENCES,
    jobs: int = 1,
    stranded: Sequence[tuple[Path, LanguagePair]] = (),
) -> RunSummary:
    """Translate each group of articles (see :class:`Group`) into the one folder
    ``out_dir``, as :func:`run_batch` does one: each group with its own engine, glossary
    and memory, one after the other, with one ledger, one ``index.html`` and one
    ``corpus.tmx`` for all of them.  A corpus of several source languages says
    ``srclang="*all*"`` in its header and each unit names its own (TMX 1.4b).  The summary
    counts every group; its engine is the first group's (each article's outputs name its
    own).  A group whose memory fails stops the run there, as in :func:`run_batch`.
    ``stranded`` are articles of a language this run cannot translate (no engine for it):
    outputs an earlier run wrote for them stay in the index and the corpus as they are.
    """
    if not groups:
        raise UsageError("a run needs at least one group of articles")
    for group in groups:
        _pair_of(group.pair, group.memory)
    if jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    if jobs > 1 and any(g.spawn_engine is None for g in groups):
        raise UsageError("more than one job needs a way to open the engine in each worker")
    observer = observer or Silent()
    started = time.perf_counter()
    given = sum(len(g.paths) for g in groups)
    sources = {g.pair.source for g in groups} | {pair.source for _, pair in stranded}
    whole = _Whole(out_dir, next(iter(sources)) if len(sources) == 1 else "")
    # The ledger says which outputs dolmetsch wrote, so it is kept even without a memory.
    ledger = Ledger(out_dir)
    done: list[tuple[Group, RunSummary, Edits]] = []
    early: list[str] = []
    finished: list[str] = []
    try:
        if ledger.problem:
            observer.failed(ledger.problem)
            early.append(ledger.problem)
        if ledger.note:
            observer.noted(ledger.note)
        every = [path for group in groups for path in group.paths]
        distinct, clashes = distinct_stems(every, folds_case=_folds_case(ledger.path))
        for failure in clashes:
            observer.failed(failure)
        early.extend(clashes)
        keep = set(distinct)
        for group in groups:
            # another language's articles: their POs are that group's to read, not orphans
            others = frozenset(
                output_stem(p) for g in groups if g is not group for p in g.paths if p in keep
            )
            summary, edits, failures = _run_group(
                group, [p for p in group.paths if p in keep], out_dir, observer,
                window_sentences, jobs, ledger, whole, others,
            )  # fmt: skip
            early.extend(failures)
            done.append((group, summary, edits))
            if summary.stopped:
                break
        if not any(summary.stopped for _, summary, _ in done):
            for path, pair in stranded:
                entry = ledger.get(output_stem(path))
                units = _stranded_units(out_dir, output_stem(path), pair, entry)
                if entry is not None and units is not None:
                    whole.add(units, entry.index_row, pair)
            finished = whole.finish(ledger, observer)
    finally:
        ledger.close()
        whole.abandon()
    late: list[str] = [ledger.trouble] if ledger.trouble else []
    conflicts = 0
    for group, summary, _ in done:
        memory = group.memory
        if memory is not None and not summary.stopped:  # a memory that failed said so once
            try:
                conflicts += memory.conflict_count()
            except TranslationMemoryError as exc:  # the outputs are written: say it, once
                late.append(str(exc))
    for failure in late:
        observer.failed(failure)
    summaries = [summary for _, summary, _ in done]
    counts = [s.glossary for s in summaries if s.glossary is not None]
    notes = dict.fromkeys(
        g.memory.read_only_note
        for g, _, _ in done
        if g.memory is not None and g.memory.read_only_note
    )
    return RunSummary(
        engine=groups[0].engine.info,
        out_dir=out_dir,
        articles=sum(s.articles for s in summaries),
        sentences=sum(s.sentences for s in summaries),
        remembered=sum(s.remembered for s in summaries),
        seconds=time.perf_counter() - started,
        failures=(*early, *(f for s in summaries for f in s.failures), *finished, *late),
        glossary=sum(counts, Counts()) if counts else None,
        human_edits=sum(e.imported for _, _, e in done),
        withdrawn=sum(e.withdrawn for _, _, e in done),
        kept=sum(s.kept for s in summaries),
        conflicts=conflicts,
        memory_note="; ".join(n for n in notes if n),
        stopped=any(s.stopped for s in summaries),
        confidence=(
            sum(s.confidence[0] for s in summaries),
            sum(s.confidence[1] for s in summaries),
        ),
        given=given,
        other_engines=tuple(g.engine.info for g in groups[1:]),
    )


def _run_group(
    group: Group,
    paths: list[Path],
    out_dir: Path,
    observer: Observer,
    window_sentences: int,
    jobs: int,
    ledger: Ledger,
    whole: _Whole,
    others: frozenset[str] = frozenset(),
) -> tuple[RunSummary, Edits, list[str]]:
    """One group's part of :func:`run_groups`: people's edits taken into its memory, its
    articles planned and translated; its summary, the edits, and the failures before
    translating (each told to the observer)."""
    engine, glossary, memory, pair = group.engine, group.glossary, group.memory, group.pair
    workers = None
    if jobs > 1 and group.spawn_engine is not None:
        memory_path = memory.path if memory is not None else None
        start = (group.spawn_engine, engine.info, out_dir, glossary, memory_path, pair)
        workers = _Workers(jobs, start)
    try:
        edits = take_edits(paths, out_dir, memory, ledger, others)
        for failure in edits.refusals:
            observer.failed(failure)
        for note in edits.notes:
            observer.noted(note)
        planner = _Planner(out_dir, memory, ledger, workers, pair)
        planned = planner.plan(paths, engine.info, glossary)
        for failure in planner.failures:
            observer.failed(failure)
        summary = _translate_planned(
            planned, out_dir, engine, observer, window_sentences, glossary, memory, ledger,
            workers, edits, pair, whole,
        )  # fmt: skip
    finally:
        if workers is not None:
            workers.close()
    return summary, edits, [*edits.refusals, *planner.failures]


def _translate_planned(
    planned: Sequence[_Planned],
    out_dir: Path,
    engine: Engine,
    observer: Observer,
    window_sentences: int,
    glossary: Glossary | None,
    memory: TranslationMemory | None,
    ledger: Ledger,
    workers: _Workers | None,
    edits: Edits,
    pair: LanguagePair,
    whole: _Whole,
) -> RunSummary:
    failures: list[str] = []
    if memory is None:  # outputs showing people's translations cannot be made again: kept
        planned = [
            replace(p, sentences=0, kept=True)
            if not p.kept and _holds_human(p, ledger, out_dir, failures, observer)
            else p
            for p in planned
        ]
    total = sum(p.sentences for p in planned)
    observer.started(total)
    stamp = run_stamp(engine.info, glossary, memory, pair)
    neighbours = {p.path: p.neighbours for p in planned}

    def jobs(window: list[Path]) -> list[Job]:
        made = []
        for path in window:
            stem = output_stem(path)
            entry = ledger.get(stem)
            recorded = edits.expected(stem, entry.outputs if entry is not None else {})
            names = [f"{stem}{ext}" for ext in (".po", *ARTICLE_WRITERS, ".tmx")]
            pending = ledger.pending(names)
            expected = {
                name: frozenset(filter(None, {recorded.get(name, "")} | pending.get(name, set())))
                for name in names
            }
            refused = frozenset(n for n in names if recorded.get(n) == REPORTED)
            unsure = tuple(edits.unsure.get(stem, ()))
            made.append(Job(path, expected, refused, unsure, neighbours[path]))
        return made

    # A window the memory failed in stops the run: no window is started after it (a damaged
    # memory could give wrong text, or lose a person's); those under way end as they do.
    halt = False

    def windows(size: int) -> Iterator[list[Path]]:
        return itertools.takewhile(lambda _: not halt, _windows(planned, size))

    results: Iterator[WindowResult]
    if workers is not None:
        # small windows, so that every worker has work and none waits long for the last
        size = max(1, min(window_sentences, WORKER_WINDOW, -(-total // (8 * workers.jobs))))
        results = workers.results(map(jobs, windows(size)), stamp)
    else:
        here = WindowTranslator(out_dir, engine, glossary, memory, pair)
        results = (here.translate(jobs(w), stamp, observer) for w in windows(window_sentences))
    entries: list[LedgerEntry] = []
    articles = sentences = remembered = kept = low = scored = 0
    counts = Counts() if glossary is not None else None
    window_articles: Sequence[ArticleResult | str] = ()
    position = 0
    stopped, skipped = "", 0  # why the run stopped; articles it did not translate then
    dropped = False  # the window under way is one the memory failed in
    for number, article in enumerate(planned):
        stem = output_stem(article.path)
        if article.kept:
            entry = ledger.get(stem)
            if entry is not None:
                whole.add(_kept_units(out_dir, stem, pair), entry.index_row, pair)
                kept += 1
                continue
        if position == len(window_articles):
            window = next(results, None)
            if window is None:  # no window was started after the memory failed
                if not stopped:
                    raise RuntimeError("the windows ended before the articles")
                skipped += sum(1 for p in planned[number:] if not p.kept)
                break
            if window.stopped:
                stopped, halt = stopped or window.stopped, True
            elif workers is not None:
                observer.advanced(window.sentences)
            if counts is not None and window.counts is not None:
                counts = counts + window.counts
            window_articles, position, dropped = window.articles, 0, bool(window.stopped)
        result = window_articles[position]
        position += 1
        if dropped:  # nothing of this window was written
            skipped += 1
        elif isinstance(result, str):
            failures.append(result)
            observer.failed(result)
        else:
            for refusal in result.refusals:
                failures.append(refusal)
                observer.failed(refusal)
            for note in result.notes:
                observer.noted(note)
            whole.add(result.units, result.entry.index_row, pair)
            entries.append(result.entry)
            articles += 1
            sentences += result.sentences
            remembered += result.remembered
            low += result.entry.index_row.low
            scored += result.entry.index_row.scored
        if position == len(window_articles):
            ledger.record(entries)  # the window's outputs are all on disk now
            entries = []
    if stopped:
        failures.append(
            f"{stopped}; the run stopped: {skipped} "
            + ("article was" if skipped == 1 else "articles were")
            + " not translated (their outputs were left as they were)"
        )
        observer.failed(failures[-1])
    return RunSummary(
        engine=engine.info,
        out_dir=out_dir,
        articles=articles,
        sentences=sentences,
        remembered=remembered,
        failures=tuple(failures),
        glossary=counts,
        kept=kept,
        stopped=bool(stopped),
        confidence=(low, scored),
    )


def _holds_human(
    article: _Planned, ledger: Ledger, out_dir: Path, failures: list[str], observer: Observer
) -> bool:
    """Whether the article's outputs show human translations (so a run without the memory,
    which cannot reproduce them, must leave them alone); reported when they do."""
    entry = ledger.get(output_stem(article.path))
    if entry is None or not entry.index_row.human:
        return False
    po = out_dir / f"{output_stem(article.path)}.po"
    count = entry.index_row.human
    failures.append(
        f"{po}: shows {count} human translation{'s' if count != 1 else ''}, which --no-memory "
        "cannot reproduce; the article's outputs were left as they are: run without "
        "--no-memory"
    )
    observer.failed(failures[-1])
    return True


@dataclass(frozen=True)
class FillSummary:
    articles: int
    sentences: int
    failures: tuple[str, ...]


def fill_memory(
    paths: Sequence[Path],
    engine: Engine,
    memory: TranslationMemory,
    glossary: Glossary | None = None,
    window_sentences: int = WINDOW_SENTENCES,
) -> FillSummary:
    """Translate the articles' sentences into ``memory`` only, writing no outputs.

    One shard of a corpus too large for one machine: each machine fills a memory of its
    own, the memories are merged (:meth:`TranslationMemory.merge`), and one
    :func:`run_batch` with the merged memory writes every output without calling the
    engine.  The outputs are then exactly those of a run on one machine.
    """
    memory.require_writable("fill it")
    lang = memory.pair.source
    counted = count_sentences(paths, lang)  # a count per readable article, else its error line
    readable = [(p, n) for p, n in zip(paths, counted, strict=True) if isinstance(n, int)]
    planned = [_Planned(p, n, kept=False) for p, n in readable]
    failures = [c for c in counted if isinstance(c, str)]
    articles = sentences = 0
    for window in _windows(planned, window_sentences):
        loaded = []
        for path in window:
            try:
                loaded.append(load_article(path, lang=lang))
            except DolmetschError as exc:  # changed since it was counted
                failures.append(str(exc))
        translated, _ = translate_documents(loaded, engine, Silent(), glossary, memory)
        articles += len(translated)
        sentences += sum(len(translatable_texts(a.document)) for a in translated)
    return FillSummary(articles, sentences, tuple(failures))


def translate_lines(
    lines: Sequence[str], engine: Engine, glossary: Glossary | None = None, lang: str = "de"
) -> list[str]:
    """Translate text line for line: one line in, one line out, empty lines kept; ``lang``
    is the lines' language (its sentence rules)."""
    spans = [sentence_spans(line, lang=lang) for line in lines]
    sentences = [
        line[a:b] for line, line_spans in zip(lines, spans, strict=True) for a, b in line_spans
    ]
    targets = iter(t.text for t in translate_sentences(sentences, engine, glossary)[0])
    return [" ".join(next(targets) for _ in line_spans) for line_spans in spans]
