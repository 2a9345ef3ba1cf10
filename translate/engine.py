"""The engine interface every translation engine implements, and engine selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .errors import NoModelError, UsageError

if TYPE_CHECKING:  # the lexicon package is imported only when that engine is opened
    from .lexicon import BuildStep

Progress = Callable[[int], None]
ENGINE_CHOICES = ("auto", "argos", "lexicon")
LEXICON_PAIR = ("de", "en")  # the embedded dictionary engine knows German->English only
# Below this confidence (as shown, to two decimals) a sentence is marked for the reader to
# check against the German.  The lexicon's confidence estimates sentence chrF / 100; argos's
# is the model's mean token probability, so few of its sentences fall below.  Measured with
# bench/confidence.py: the lexicon marks 16.3 % of newstest2017, whose chrF is 42.1 against
# 50.5 for the rest (newstest2018: 18.1 %, 46.1 against 53.9).
LOW_CONFIDENCE = 0.45

# What a reader of the dictionary engine's text must know first (in the run summary, the
# terminal reader and the HTML): it gives the gist of a sentence, not a translation to trust.
GIST_ONLY = (
    "dictionary translation, for gist only; install a neural model with `dolmetsch model install`"
)


@dataclass(frozen=True)
class EngineInfo:
    """What produced a translation; stamped into every output header and the run summary."""

    name: str
    model: str = ""
    model_version: str = ""

    def describe(self) -> str:
        if not self.model:
            return self.name
        version = f" {self.model_version}" if self.model_version else ""
        return f"{self.name} ({self.model}{version})"

    @property
    def caution(self) -> str:
        """:data:`GIST_ONLY` for the dictionary engine, else nothing."""
        return GIST_ONLY if self.name == "lexicon" else ""


@dataclass(frozen=True)
class EngineOptions:
    """Decoding options shared by the engines that have a use for them.

    ``threads`` 0 lets :mod:`dolmetsch.threads` choose from the free cores.  ``suppress`` holds
    target-language spellings the engine must never generate (a glossary's forbidden
    variants, such as "Kiev"): argos forbids their SentencePiece pieces while decoding; the
    lexicon engine, whose output words come from its dictionary, ignores it.
    """

    beam_size: int = 4
    compute_type: str = "auto"
    threads: int = 0
    max_batch_tokens: int = 4096
    max_input_tokens: int = 256
    suppress: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.beam_size < 1:
            raise UsageError(f"beam size must be at least 1, not {self.beam_size}")
        if self.threads < 0:
            raise UsageError(f"threads must be 0 (automatic) or more, not {self.threads}")
        if self.max_batch_tokens < self.max_input_tokens:
            raise UsageError("max batch tokens must be at least max input tokens")
        if self.max_input_tokens < 8:
            raise UsageError(f"max input tokens must be at least 8, not {self.max_input_tokens}")
        if not isinstance(self.suppress, tuple) or any(
            not isinstance(s, str) or not s.strip() for s in self.suppress
        ):
            raise UsageError("suppress must be a tuple of non-blank spellings")


@dataclass(frozen=True)
class Scored:
    """One sentence's English and the engine's confidence in it: in [0, 1], higher is surer;
    None when the engine gives none."""

    text: str
    confidence: float | None = None

    @property
    def low(self) -> bool:
        """Whether a reader should check this sentence against the German."""
        return is_low(self.confidence)


def shown(confidence: float) -> str:
    """A confidence as every output shows it: ``0.62``."""
    return f"{confidence:.2f}"


def is_low(confidence: float | None) -> bool:
    """Whether a confidence is below :data:`LOW_CONFIDENCE` as shown (0.449 shows as 0.45
    and is not marked)."""
    return confidence is not None and float(shown(confidence)) < LOW_CONFIDENCE


class Engine(Protocol):
    """Translates German sentences to English, one target per source, in order.

    An engine that can say how sure it is also implements :class:`ScoringEngine`; callers
    go through :func:`translate_scored`, which takes either kind.
    """

    @property
    def info(self) -> EngineInfo: ...

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        """Translate ``sentences``; ``progress(n)`` is called as ``n`` more are done."""
        ...


class ScoringEngine(Engine, Protocol):
    """An engine that also says how sure it is of each sentence."""

    def translate_scored(
        self, sentences: Sequence[str], progress: Progress | None = None
    ) -> Sequence[Scored]:
        """What ``translate`` gives, each text with its confidence."""
        ...


def translate_scored(
    engine: Engine, sentences: Sequence[str], progress: Progress | None = None
) -> list[Scored]:
    """``engine``'s translations with its confidence when it gives one (else None): an
    engine need not score, so wrappers and small test engines keep working unchanged."""
    scoring = getattr(engine, "translate_scored", None)
    if scoring is None:
        return [Scored(text) for text in engine.translate(sentences, progress)]
    scored: Sequence[Scored] = scoring(sentences, progress)
    if len(scored) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(scored)} translations")
    return list(scored)


def load_engine(
    name: str = "auto",
    options: EngineOptions | None = None,
    packages_dir: Path | None = None,
    data_dir: Path | None = None,
    before_build: Callable[[Path], None] | None = None,
    build_progress: Callable[[BuildStep], None] | None = None,
    *,
    source: str = "de",
    target: str = "en",
) -> Engine:
    """Open the engine ``name`` for the pair ``source``->``target`` (ISO 639-1 codes).

    ``argos`` takes the installed package for the pair, or pivots through English when only
    the two halves are installed (the provenance names both packages).  ``lexicon`` is the
    embedded German->English dictionary engine and is refused for any other pair.  ``auto``
    takes argos when it can translate the pair, else the lexicon for German->English (so a
    machine without a model still works), else says what to install.
    ``data_dir`` is where the lexicon keeps its store; ``before_build(path)`` is called when
    it must be built first (on first use), and ``build_progress`` gets the build's steps.
    """
    options = options or EngineOptions()
    if name not in ENGINE_CHOICES:
        raise UsageError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINE_CHOICES)}")
    from .languages import check_code, language_name
    from .models import find_route, install_hint

    source, target = check_code(source, "source language"), check_code(target, "target language")
    pair = (source, target)
    if name == "lexicon" and pair != LEXICON_PAIR:
        raise UsageError(
            f"the lexicon engine translates German->English only, not {source}->{target} "
            f"({language_name(source)}->{language_name(target)}); "
            f"use --engine argos with a model: {install_hint(source, target)}"
        )
    if name in ("auto", "argos"):
        route = find_route(source, target, packages_dir)
        if route is not None:
            from .argos import open_route

            return open_route(route, options)
        if pair == LEXICON_PAIR and name == "argos":
            raise NoModelError(
                "no German->English model is installed; run: dolmetsch model install "
                "FILE.argosmodel (or, with internet: dolmetsch model install --online)"
            )
        if pair != LEXICON_PAIR:
            raise NoModelError(
                f"no {language_name(source)}->{language_name(target)} model is installed "
                f"(the lexicon engine knows German->English only); run: "
                f"{install_hint(source, target)}"
            )
    from .lexicon import open_lexicon

    return open_lexicon(data_dir, before_build=before_build, build_progress=build_progress)
