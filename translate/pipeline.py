"""The batch run: read every article of a folder, translate pooled, write aligned outputs.

Articles are translated in windows of whole articles (``window_sentences``): each window's
sentences go to the engine in one pooled, token-batched call, and its articles are written
as soon as they are done, so memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .aligned import TranslatedArticle, align, translatable_texts
from .document import Document, parse_document
from .engine import Engine, EngineInfo
from .errors import DolmetschError, UsageError
from .files import read_article, write_atomic
from .po import dump_po
from .segment import sentence_spans
from .tsv import dump_tsv

WINDOW_SENTENCES = 2000
OUTPUT_WRITERS = {".po": dump_po, ".tsv": dump_tsv}


class Observer(Protocol):
    """What the caller (the CLI) hears of a run while it goes on."""

    def started(self, total_sentences: int) -> None: ...

    def advanced(self, sentences: int) -> None: ...

    def failed(self, message: str) -> None: ...


class _Silent:
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

    @property
    def ok(self) -> bool:
        return not self.failures

    def line(self) -> str:
        failed = f", {len(self.failures)} failed" if self.failures else ""
        return (
            f"translated {self.articles} articles ({self.sentences} sentences{failed}) "
            f"with {self.engine.describe()} in {self.seconds:.1f} s -> {self.out_dir}"
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


def translate_documents(
    articles: Sequence[LoadedArticle], engine: Engine, observer: Observer
) -> list[TranslatedArticle]:
    """Translate the articles' sentences in one pooled engine call and align them."""
    texts = [translatable_texts(a.document) for a in articles]
    targets = iter(engine.translate([t for ts in texts for t in ts], progress=observer.advanced))
    return [
        align(
            article.document,
            [next(targets) for _ in article_texts],
            source_name=article.path.name,
            encoding=article.encoding,
            engine=engine.info,
        )
        for article, article_texts in zip(articles, texts, strict=True)
    ]


def write_outputs(article: TranslatedArticle, out_dir: Path) -> list[Path]:
    paths = []
    for suffix, dump in OUTPUT_WRITERS.items():
        path = out_dir / f"{article.stem}{suffix}"
        write_atomic(path, dump(article).encode("utf-8"))
        paths.append(path)
    return paths


def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    engine: Engine,
    observer: Observer | None = None,
    window_sentences: int = WINDOW_SENTENCES,
) -> RunSummary:
    """Translate the articles at ``paths`` (see :func:`discover`) into ``out_dir``.

    A file that cannot be read is reported to the observer and counted as a failure; the
    other articles are still translated.
    """
    observer = observer or _Silent()
    started = time.perf_counter()
    failures: list[str] = []
    loaded: list[LoadedArticle] = []
    for path in paths:
        try:
            loaded.append(load_article(path))
        except DolmetschError as exc:
            failures.append(str(exc))
            observer.failed(str(exc))
    observer.started(sum(len(translatable_texts(a.document)) for a in loaded))
    written: list[Path] = []
    articles = sentences = 0
    for window in _windows(loaded, window_sentences):
        for article in translate_documents(window, engine, observer):
            written.extend(write_outputs(article, out_dir))
            articles += 1
            sentences += sum(1 for pair in article.pairs if pair.segment.translatable)
    return RunSummary(
        engine=engine.info,
        out_dir=out_dir,
        articles=articles,
        sentences=sentences,
        seconds=time.perf_counter() - started,
        failures=tuple(failures),
        written=tuple(written),
    )


def translate_lines(lines: Sequence[str], engine: Engine) -> list[str]:
    """Translate text line for line: one line in, one line out, empty lines kept."""
    spans = [sentence_spans(line) for line in lines]
    sentences = [
        line[a:b] for line, line_spans in zip(lines, spans, strict=True) for a, b in line_spans
    ]
    targets = iter(engine.translate(sentences))
    return [" ".join(next(targets) for _ in line_spans) for line_spans in spans]
