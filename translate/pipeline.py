"""The batch run: read every article of a folder, translate pooled, write aligned outputs.

Articles are translated in windows of whole articles (``window_sentences``): each window's
sentences go to the engine in one pooled, token-batched call, and its articles are written
as soon as they are done, so memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from .aligned import TranslatedArticle, Translation, align, translatable_texts
from .document import Document, parse_document
from .engine import Engine, EngineInfo, Progress
from .errors import DolmetschError, InputError, UsageError
from .files import read_article, write_if_changed
from .glossary import (
    Counts,
    Glossary,
    check_pairs,
    glossary_hash,
    total_counts,
    translate_with_glossary,
)
from .html import IndexRow, dump_html, dump_index
from .memory import Hit, Stamp, TranslationMemory
from .po import dump_po
from .segment import sentence_spans
from .tmx import TMX_HEAD, TMX_TAIL, dump_tmx_units
from .tsv import dump_tsv

WINDOW_SENTENCES = 2000
ARTICLE_WRITERS: dict[str, Callable[[TranslatedArticle, Glossary | None], str]] = {
    ".po": lambda article, _: dump_po(article),
    ".tsv": lambda article, _: dump_tsv(article),
    ".html": dump_html,
}


class Observer(Protocol):
    """What the caller (the CLI) hears of a run while it goes on."""

    def started(self, total_sentences: int) -> None: ...

    def advanced(self, sentences: int) -> None: ...

    def failed(self, message: str) -> None: ...


class Silent:
    """An observer that hears nothing: for library callers without a user interface."""

    def started(self, total_sentences: int) -> None:
        pass

    def advanced(self, sentences: int) -> None:
        pass

    def failed(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class LoadedArticle:
    path: Path
    document: Document
    encoding: str


@dataclass(frozen=True)
class RunSummary:
    engine: EngineInfo
    out_dir: Path
    articles: int = 0
    sentences: int = 0
    seconds: float = 0.0
    failures: tuple[str, ...] = ()
    written: tuple[Path, ...] = field(default=())
    glossary: Counts | None = None
    human_edits: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures

    def line(self) -> str:
        failed = f", {len(self.failures)} failed" if self.failures else ""
        line = (
            f"translated {self.articles} articles ({self.sentences} sentences{failed}) "
            f"with {self.engine.describe()} in {self.seconds:.1f} s -> {self.out_dir}"
        )
        if self.glossary is not None:
            line += "; " + describe_counts(self.glossary)
        if self.human_edits:
            line += f"; {self.human_edits} human edits kept"
        return line


def describe_counts(counts: Counts) -> str:
    """``glossary: 300 terms, 298 enforced, 2 repaired, 0 failed (term accuracy 100.0 %)``."""
    accuracy = 100.0 * (counts.enforced + counts.repaired) / counts.found if counts.found else 100.0
    return (
        f"glossary: {counts.found} terms, {counts.enforced} enforced, {counts.repaired} "
        f"repaired, {counts.failed} failed (term accuracy {accuracy:.1f} %)"
    )


def discover(input_dir: Path) -> list[Path]:
    """The ``*.txt`` articles of ``input_dir``, in name order."""
    if not input_dir.exists():
        raise UsageError(f"{input_dir}: no such folder")
    if not input_dir.is_dir():
        raise UsageError(f"{input_dir}: not a folder")
    paths = sorted(p for p in input_dir.glob("*.txt") if p.is_file())
    if not paths:
        raise UsageError(f"{input_dir}: no *.txt articles to translate")
    return paths


def load_article(path: Path) -> LoadedArticle:
    decoded = read_article(path)
    return LoadedArticle(path, parse_document(path.stem, decoded.text), decoded.encoding)


def _windows(articles: Sequence[LoadedArticle], size: int) -> Iterator[list[LoadedArticle]]:
    window: list[LoadedArticle] = []
    count = 0
    for article in articles:
        window.append(article)
        count += len(translatable_texts(article.document))
        if count >= size:
            yield window
            window, count = [], 0
    if window:
        yield window


def translate_sentences(
    sentences: Sequence[str],
    engine: Engine,
    glossary: Glossary | None = None,
    progress: Progress | None = None,
) -> tuple[list[Translation], Counts | None]:
    """Translate in one pooled engine call, with the glossary enforced when there is one.

    Each glossary occurrence is protected before the engine sees the sentence and restored
    in its canonical English form after; the counts say how many were found, enforced,
    repaired and failed.
    """
    if glossary is None:
        return [Translation(t) for t in engine.translate(sentences, progress)], None
    restored = translate_with_glossary(
        lambda texts: engine.translate(texts, progress), sentences, glossary
    )
    translations = [
        Translation(
            r.text,
            tuple(r.applied),
            tuple(f"{t.source} -> {t.rendering}" for t in r.terms if t.status == "failed"),
        )
        for r in restored
    ]
    return translations, total_counts(restored)


def translate_documents(
    articles: Sequence[LoadedArticle],
    engine: Engine,
    observer: Observer,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
) -> tuple[list[TranslatedArticle], Counts | None]:
    """Translate the articles' sentences in one pooled engine call and align them.

    Sentences the translation memory knows (a human translation, or a machine one by the
    same engine, model and glossary) are not sent to the engine.
    """
    texts = [translatable_texts(a.document) for a in articles]
    flat = [t for ts in texts for t in ts]
    ghash = glossary_hash(glossary) if glossary is not None else ""
    info = engine.info
    stamp = Stamp(info.name, info.model, info.model_version, ghash)
    known = memory.lookup(flat, stamp) if memory is not None else {}
    misses = list(dict.fromkeys(t for t in flat if t not in known))
    fresh, counts = translate_sentences(misses, engine, glossary, observer.advanced)
    if memory is not None and misses:
        memory.store(
            (
                (s, t.text, [*t.terms, *(FAILED + f for f in t.failed)])
                for s, t in zip(misses, fresh, strict=True)
            ),
            "machine",
            stamp,
        )
    by_source = dict(zip(misses, fresh, strict=True))
    for source, hit in known.items():
        by_source[source] = _remembered(source, hit, glossary)
        if counts is not None:
            counts = counts + _hit_counts(by_source[source])
    observer.advanced(sum(1 for t in flat if t in known))
    targets = iter(by_source[t] for t in flat)
    articles_out = [
        align(
            article.document,
            [next(targets) for _ in article_texts],
            source_name=article.path.name,
            encoding=article.encoding,
            engine=info,
            glossary_hash=ghash,
        )
        for article, article_texts in zip(articles, texts, strict=True)
    ]
    return articles_out, counts


FAILED = "! "  # marks a failed glossary term among a memory unit's terms


def _remembered(source: str, hit: Hit, glossary: Glossary | None) -> Translation:
    if hit.origin == "human":
        # A person's translation is never rewritten; the glossary only flags it.
        findings = check_pairs([(source, hit.target)], glossary) if glossary is not None else []
        failed = tuple(f"{f.target}: {f.describe()}" for f in findings)
        return Translation(hit.target, (), failed, "human")
    terms = tuple(t for t in hit.terms if not t.startswith(FAILED))
    failed = tuple(t[len(FAILED) :] for t in hit.terms if t.startswith(FAILED))
    return Translation(hit.target, terms, failed, "machine")


def _hit_counts(translation: Translation) -> Counts:
    found = len(translation.terms) if translation.origin == "machine" else len(translation.failed)
    failed = len(translation.failed)
    return Counts(found=found, enforced=found - failed, failed=failed)


def import_edits(article: LoadedArticle, out_dir: Path, memory: TranslationMemory) -> int:
    """Take a person's corrections from ``out_dir/<stem>.po`` into the memory as human.

    An entry counts as edited when its fuzzy flag was cleared (reviewed), or when its text
    differs from every machine translation the memory holds for the sentence.  An entry
    still fuzzy whose machine translation the memory does not know is left alone: it cannot
    be told apart from an unreviewed machine translation.
    """
    path = out_dir / f"{article.document.name}.po"
    if not path.exists():
        return 0
    import polib

    refusal = "fix it or move it away: it was not overwritten"
    try:
        raw = path.read_text(encoding="utf-8")
        entries = polib.pofile(raw)
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: cannot read the PO file to keep its edits ({exc}); {refusal}"
        ) from exc
    # polib skips what it cannot parse without a word; count the entries ourselves so that a
    # damaged file is never mistaken for one without edits and overwritten.
    declared = sum(1 for line in raw.splitlines() if line.startswith("msgid "))
    active = [e for e in entries if not e.obsolete]
    if "X-Dolmetsch-Source" not in entries.metadata or declared != len(active) + 1:
        raise InputError(f"{path}: cannot read the PO file to keep its edits (damaged); {refusal}")
    edits = []
    for entry in active:
        source, target = entry.msgid, entry.msgstr
        if not target or target == source or memory.human_target(source) == target:
            continue
        machine = memory.machine_targets(source)
        if "fuzzy" not in entry.flags or (machine and target not in machine):
            edits.append((source, target, ()))
    return memory.store(edits, "human", Stamp("human", "", "", "")) if edits else 0


def write_outputs(
    article: TranslatedArticle, out_dir: Path, glossary: Glossary | None = None
) -> tuple[list[Path], str]:
    """Write the article's PO, TSV, side-by-side HTML and TMX, each atomically.

    Returns the paths and the article's TMX units, which the corpus TMX reuses.
    """
    paths = []
    for suffix, dump in ARTICLE_WRITERS.items():
        path = out_dir / f"{article.stem}{suffix}"
        write_if_changed(path, dump(article, glossary).encode("utf-8"))
        paths.append(path)
    units = dump_tmx_units(article)
    path = out_dir / f"{article.stem}.tmx"
    write_if_changed(path, (TMX_HEAD + units + TMX_TAIL).encode("utf-8"))
    return [*paths, path], units


def _same_file_content(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


class _CorpusTmx:
    """out/corpus.tmx, streamed article by article into a temporary file, renamed at the end.

    Memory does not grow with the corpus, and a reader never sees a half-written file.
    """

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / "corpus.tmx"
        self._tmp: Path | None = None
        self._handle: IO[str] | None = None

    def add(self, units: str) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".corpus.tmx.", suffix=".tmp", dir=self.path.parent)
            self._tmp = Path(name)
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
            self._handle.write(TMX_HEAD)
        self._handle.write(units)

    def finish(self) -> Path | None:
        if self._handle is None or self._tmp is None:
            return None
        self._handle.write(TMX_TAIL)
        self._handle.close()
        if self.path.exists() and _same_file_content(self._tmp, self.path):
            self._tmp.unlink()  # unchanged: keep the old file and its modification time
            return self.path
        with self._tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        self._tmp.chmod(0o644)
        self._tmp.replace(self.path)
        return self.path

    def abandon(self) -> None:
        if self._handle is not None and self._tmp is not None:
            self._handle.close()
            self._tmp.unlink(missing_ok=True)


def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    engine: Engine,
    observer: Observer | None = None,
    window_sentences: int = WINDOW_SENTENCES,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
) -> RunSummary:
    """Translate the articles at ``paths`` (see :func:`discover`) into ``out_dir``.

    A file that cannot be read is reported to the observer and counted as a failure; the
    other articles are still translated.
    """
    observer = observer or Silent()
    started = time.perf_counter()
    failures: list[str] = []
    loaded: list[LoadedArticle] = []
    human = 0
    for path in paths:
        try:
            loading = load_article(path)
            if memory is not None:
                human += import_edits(loading, out_dir, memory)
            loaded.append(loading)
        except DolmetschError as exc:
            failures.append(str(exc))
            observer.failed(str(exc))
    observer.started(sum(len(translatable_texts(a.document)) for a in loaded))
    written: list[Path] = []
    articles = sentences = 0
    counts = Counts() if glossary is not None else None
    corpus = _CorpusTmx(out_dir)
    index: list[IndexRow] = []
    try:
        for window in _windows(loaded, window_sentences):
            translated, window_counts = translate_documents(
                window, engine, observer, glossary, memory
            )
            if counts is not None and window_counts is not None:
                counts = counts + window_counts
            for article in translated:
                paths_written, units = write_outputs(article, out_dir, glossary)
                written.extend(paths_written)
                corpus.add(units)
                index.append(IndexRow.from_article(article))
                articles += 1
                sentences += sum(1 for pair in article.pairs if pair.segment.translatable)
    except BaseException:
        corpus.abandon()
        raise
    corpus_path = corpus.finish()
    if corpus_path is not None:
        written.append(corpus_path)
        write_if_changed(out_dir / "index.html", dump_index(index).encode("utf-8"))
        written.append(out_dir / "index.html")
    return RunSummary(
        engine=engine.info,
        out_dir=out_dir,
        articles=articles,
        sentences=sentences,
        seconds=time.perf_counter() - started,
        failures=tuple(failures),
        written=tuple(written),
        glossary=counts,
        human_edits=human,
    )


def translate_lines(
    lines: Sequence[str], engine: Engine, glossary: Glossary | None = None
) -> list[str]:
    """Translate text line for line: one line in, one line out, empty lines kept."""
    spans = [sentence_spans(line) for line in lines]
    sentences = [
        line[a:b] for line, line_spans in zip(lines, spans, strict=True) for a, b in line_spans
    ]
    targets = iter(t.text for t in translate_sentences(sentences, engine, glossary)[0])
    return [" ".join(next(targets) for _ in line_spans) for line_spans in spans]
