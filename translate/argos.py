"""The argos engine: an argos package's CTranslate2 and SentencePiece models, run directly.

argostranslate's own ``translate()`` makes one CTranslate2 call per paragraph with 32-token
batches and silently truncates output at 256 tokens.  This engine pools every sentence it
is given into one token-batched stream, splits sentences longer than the input limit at
clause boundaries, decodes with a length limit derived from the input, and re-splits any
output that still reaches the limit, so nothing is ever cut off.

A pair without a direct package is translated through English by :class:`PivotEngine`,
two argos engines in a row.

ctranslate2 and sentencepiece are imported lazily, when the engine is opened.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .engine import EngineInfo, EngineOptions, Progress, Scored
from .errors import ModelError
from .models import ModelPackage, Route
from .threads import ThreadPlan, default_plan

# Preferred split points of an over-long sentence, best first.
_CLAUSE_BREAKS = (
    re.compile(r"(?<=[;:])\s+"),
    re.compile(r"\s+[–—-]\s+"),
    re.compile(r"(?<=,)\s+"),
    re.compile(r"\s+"),
)
_BYTE_PIECE = re.compile(r"<0x([0-9A-Fa-f]{2})>")
_CLUSTER = regex.compile(r"\X")  # one grapheme cluster: "é" as e + U+0301, "👩‍👩‍👧"
# Output may be this much longer than input, in tokens, before we call it runaway decoding.
DECODE_RATIO = 2.0
DECODE_MARGIN = 16
UNKNOWN = "<unk>"  # CTranslate2's unknown token in every argos model's vocabulary
LENGTH_PENALTY = 0.2


def detokenize(pieces: Sequence[str]) -> str:
    """Join SentencePiece pieces back into text, including byte-fallback pieces.

    Pieces copied from the source by ``replace_unknowns`` are not in the target vocabulary,
    so SentencePiece's own decoder would turn them into ``⁇``; joining by hand keeps them.
    """
    out: list[str] = []
    pending = bytearray()
    for piece in pieces:
        byte = _BYTE_PIECE.fullmatch(piece)
        if byte:
            pending.append(int(byte.group(1), 16))
            continue
        if pending:
            out.append(pending.decode("utf-8", errors="replace"))
            pending.clear()
        out.append(piece.replace("▁", " "))
    if pending:
        out.append(pending.decode("utf-8", errors="replace"))
    return "".join(out).strip()


def split_at_clause(text: str) -> tuple[str, str] | None:
    """Cut ``text`` in two at the clause break nearest its middle; None if it has none."""
    middle = len(text) / 2
    for pattern in _CLAUSE_BREAKS:
        cuts = [m for m in pattern.finditer(text) if m.start() > 0 and m.end() < len(text)]
        if cuts:
            best = min(cuts, key=lambda m: abs(m.start() - middle))
            head, tail = text[: best.start()], text[best.end() :]
            if pattern is _CLAUSE_BREAKS[1]:
                head = text[: best.start()] + " " + best.group().strip()
            return head, tail
    return None


def cut_in_middle(text: str) -> tuple[str, str] | None:
    """Cut ``text`` at the grapheme-cluster boundary nearest its middle, so that no accent
    or emoji sequence falls apart; None if it is a single cluster."""
    cuts = [m.end() for m in _CLUSTER.finditer(text)][:-1]
    if not cuts:
        return None
    middle = len(text) / 2
    at = min(cuts, key=lambda k: abs(k - middle))
    return text[:at], text[at:]


def suppress_sequences(
    spellings: Iterable[str], encode: Callable[[str], list[str]], vocabulary: set[str]
) -> list[list[str]]:
    """The target-token sequences that spell any of ``spellings``, for CTranslate2's
    ``suppress_sequences``.

    CTranslate2 forbids the last token of a sequence wherever the tokens before it were just
    generated, so each spelling is given as the model's tokenizer writes it: as typed,
    capitalised and in capitals, each after a space (SentencePiece's ``▁`` prefix) and
    directly after other text (a quote, a bracket, a hyphen), which is the same pieces with
    the leading ``▁`` dropped.  A sequence with a piece outside the target vocabulary is left
    out: CTranslate2 would read that piece as ``<unk>`` and forbid every unknown word.  So is
    a spelling of one character, which would be forbidden inside every word.
    """
    found: set[tuple[str, ...]] = set()
    for spelling in spellings:
        word = spelling.strip()
        if len(word) < 2:  # a lone letter or mark would be forbidden inside every word
            continue
        for form in dict.fromkeys((word, word[:1].upper() + word[1:], word.upper())):
            pieces = list(encode(form))
            if not pieces:
                continue
            found.add(tuple(pieces))
            head = pieces[0].removeprefix("▁")
            found.add(tuple(([head] if head else []) + pieces[1:]))
    return [list(seq) for seq in sorted(found) if seq and all(p in vocabulary for p in seq)]


def target_vocabulary(model_dir: Path) -> set[str]:
    """The target vocabulary of a CTranslate2 model folder (JSON list or one token a line)."""
    for name in ("target_vocabulary", "shared_vocabulary"):
        path = model_dir / f"{name}.json"
        if path.is_file():
            tokens = json.loads(path.read_text(encoding="utf-8"))
            return {str(token) for token in tokens}
        path = model_dir / f"{name}.txt"
        if path.is_file():
            return set(path.read_text(encoding="utf-8").split("\n")) - {""}
    raise ModelError(f"{model_dir}: no target vocabulary file")


class ArgosEngine:
    """Translate with an installed argos package, pooled and token-batched."""

    def __init__(self, package: ModelPackage, options: EngineOptions | None = None) -> None:
        self.package = package
        self.options = options or EngineOptions()
        self.threads: ThreadPlan = default_plan(self.options.threads)
        try:
            import ctranslate2
            import sentencepiece
        except ImportError as exc:  # pragma: no cover - both are hard dependencies
            raise ModelError(f"cannot load the argos engine: {exc}; run: make install") from exc
        try:
            self._sp = sentencepiece.SentencePieceProcessor(
                model_file=str(package.sentencepiece_model)
            )
            self._translator = ctranslate2.Translator(
                str(package.model_dir),
                device="cpu",
                compute_type=self.options.compute_type,
                inter_threads=self.threads.inter,
                intra_threads=self.threads.intra,
            )
            self._suppress = (
                suppress_sequences(
                    self.options.suppress, self._encode, target_vocabulary(package.model_dir)
                )
                if self.options.suppress
                else []
            )
        except ModelError:
            raise
        except Exception as exc:  # a broken model raises IndexError, RuntimeError, OSError...
            raise ModelError(f"{package.path}: cannot load the model: {exc}") from exc
        self._info = EngineInfo("argos", package.name, package.package_version)

    @property
    def info(self) -> EngineInfo:
        return self._info

    def _encode(self, text: str) -> list[str]:
        pieces: list[str] = self._sp.encode(text, out_type=str)
        return pieces

    def _chunks(self, sentence: str, join: str = "") -> list[tuple[str, str]]:
        """Pieces of ``sentence`` short enough for the model, cut at clause boundaries, each
        after what joins it to the piece before: a space, or nothing inside one enormous
        "word" (a run of CJK text has no spaces to cut at)."""
        if len(self._encode(sentence)) <= self.options.max_input_tokens:
            return [(join, sentence)]
        halves, inner = split_at_clause(sentence), " "
        if halves is None:
            halves, inner = cut_in_middle(sentence), ""
            if halves is None:
                return [(join, sentence)]
        return [*self._chunks(halves[0], join), *self._chunks(halves[1], inner)]

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        """Translate every sentence; identical sentences are translated once."""
        return [s.text for s in self.translate_scored(sentences, progress)]

    def translate_scored(
        self, sentences: Sequence[str], progress: Progress | None = None
    ) -> list[Scored]:
        """``translate``'s sentences, each with the model's confidence in it: its mean token
        probability, exp(log-probability / tokens) over every piece it was decoded in.  A
        sentence left as it was (nothing to decode) has none."""
        counts = Counter(s for s in sentences if s.strip())
        unique = list(counts)
        chunked = [self._chunks(s) for s in unique]
        outputs = self._translate_chunks([chunk for chunks in chunked for _, chunk in chunks])
        done: dict[str, Scored] = {}
        for sentence, chunks in zip(unique, chunked, strict=True):
            pieces = [next(outputs) for _ in chunks]
            text = "".join(
                join + piece.text for (join, _), piece in zip(chunks, pieces, strict=True)
            )
            done[sentence] = Scored(text, _Piece.confidence(pieces))
            if progress is not None:
                progress(counts[sentence])
        return [done.get(s, Scored(s)) for s in sentences]

    def _translate_chunks(self, chunks: list[str]) -> Iterator[_Piece]:
        """Translate in one token-batched stream; results come in order, as batches finish.

        Copying unknown pieces back (``replace_unknowns``) needs attention weights, which
        costs up to four times the decoding time at beam 4; so the stream decodes without it,
        and only the rare hypotheses that contain ``<unk>`` (a source piece outside the
        model's vocabulary, or one the model produced itself) are decoded again with it.
        """
        if not chunks:
            return
        tokens = [self._encode(c) for c in chunks]
        plain = self._decode(tokens, replace_unknowns=False)
        limit = self._decoding_limit()
        for chunk, source in zip(chunks, tokens, strict=True):
            hypothesis, piece = next(plain)
            if UNKNOWN in hypothesis:
                hypothesis, piece = next(self._decode([source], replace_unknowns=True))
            if len(hypothesis) >= min(limit, int(DECODE_RATIO * len(source)) + DECODE_MARGIN):
                yield self._retranslate_in_halves(chunk)
            else:
                yield piece

    def _decoding_limit(self) -> int:
        return int(DECODE_RATIO * self.options.max_input_tokens) + DECODE_MARGIN

    def _decode(
        self, tokens: list[list[str]], replace_unknowns: bool
    ) -> Iterator[tuple[list[str], _Piece]]:
        """The best hypothesis of each tokenized source, without the package's target prefix,
        and what it is as text with its score."""
        if not tokens:
            return
        kwargs: dict[str, Any] = {
            "max_batch_size": self.options.max_batch_tokens,
            "batch_type": "tokens",
            "beam_size": self.options.beam_size,
            "length_penalty": LENGTH_PENALTY,
            "replace_unknowns": replace_unknowns,
            "max_input_length": 0,
            "max_decoding_length": self._decoding_limit(),
            "return_scores": True,
        }
        if self._suppress:
            kwargs["suppress_sequences"] = self._suppress
        prefix = self.package.target_prefix
        if prefix:
            kwargs["target_prefix"] = [[prefix]] * len(tokens)
        results = self._translator.translate_iterable(tokens, **kwargs)
        for _ in tokens:
            try:
                result = next(results)
                hypothesis: list[str] = result.hypotheses[0]
                score = float(result.scores[0])
            except (RuntimeError, ValueError) as exc:
                raise ModelError(f"{self.package.path}: translation failed: {exc}") from exc
            # CTranslate2 divides the log-probability of the decoded tokens and the end token
            # by length ** length_penalty, the length counting the forced prefix too;
            # multiplied back, it is the log-probability of the tokens the model chose
            log_prob = score * (len(hypothesis) + 1) ** LENGTH_PENALTY
            if prefix and hypothesis[:1] == [prefix]:
                hypothesis = hypothesis[1:]
            yield hypothesis, _Piece(detokenize(hypothesis), log_prob, len(hypothesis) + 1)

    def _retranslate_in_halves(self, chunk: str) -> _Piece:
        """The model ran to the length limit: translate the halves rather than cut it off."""
        halves, join = split_at_clause(chunk), " "
        if halves is None:
            halves, join = cut_in_middle(chunk), ""
            if halves is None:
                return _Piece(chunk, None, 0)  # left as it is: no confidence in it
        first, second = self._translate_chunks(list(halves))
        return _Piece.joined(first, join, second)


@dataclass(frozen=True)
class _Piece:
    """A decoded chunk: its text, its whole log-probability (None when it was left as it
    was) and its length in tokens."""

    text: str
    log_prob: float | None
    length: int

    @staticmethod
    def joined(first: _Piece, join: str, second: _Piece) -> _Piece:
        log_prob = (
            None
            if first.log_prob is None or second.log_prob is None
            else first.log_prob + second.log_prob
        )
        return _Piece(first.text + join + second.text, log_prob, first.length + second.length)

    @staticmethod
    def confidence(pieces: Sequence[_Piece]) -> float:
        """The mean token probability over ``pieces``; 0 when one was not translated."""
        if any(p.log_prob is None for p in pieces):
            return 0.0
        length = sum(p.length for p in pieces)
        log_prob = sum(p.log_prob or 0.0 for p in pieces)
        # rounded to three decimals, as the lexicon gives it
        return round(math.exp(log_prob / length), 3) if length else 0.0


class PivotEngine:
    """Translate through a pivot language with two argos engines in a row (ru->en, en->de),
    as argostranslate does for a pair with no direct package.

    The provenance names both packages (``translate-ru_en-x+translate-en_de-y``, versions
    likewise joined by ``+``).  A sentence's confidence is the product of the two steps'
    confidences: the chance that neither step went wrong, if each is right with its own
    mean token probability.
    """

    def __init__(self, first: ArgosEngine, second: ArgosEngine) -> None:
        if first.package.to_code != second.package.from_code:
            raise ValueError(f"{first.package.pair} does not lead into {second.package.pair}")
        self.first, self.second = first, second
        self._info = EngineInfo(
            "argos",
            f"{first.package.name}+{second.package.name}",
            f"{first.package.package_version}+{second.package.package_version}",
        )

    @property
    def info(self) -> EngineInfo:
        return self._info

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        return [s.text for s in self.translate_scored(sentences, progress)]

    def translate_scored(
        self, sentences: Sequence[str], progress: Progress | None = None
    ) -> list[Scored]:
        """Both steps' output; progress is reported as the second step finishes sentences."""
        middle = self.first.translate_scored(sentences)
        final = self.second.translate_scored([m.text for m in middle], progress)
        return [
            Scored(last.text, combined_confidence(mid.confidence, last.confidence))
            for mid, last in zip(middle, final, strict=True)
        ]


def combined_confidence(first: float | None, second: float | None) -> float | None:
    """Two steps' confidences in a row: their product (rounded as every engine gives it);
    None when either step gave none (a sentence left as it was)."""
    if first is None or second is None:
        return None
    return round(first * second, 3)


def open_route(route: Route, options: EngineOptions | None = None) -> ArgosEngine | PivotEngine:
    """The engine of a route: its package, or its two packages through the pivot language.

    Forbidden spellings (``options.suppress``) are target-language spellings, so only the
    last step, which writes the target language, suppresses them.
    """
    options = options or EngineOptions()
    if len(route.steps) == 1:
        return ArgosEngine(route.steps[0], options)
    if len(route.steps) != 2:
        raise ValueError(f"a route of {len(route.steps)} steps")
    first = ArgosEngine(route.steps[0], dataclasses.replace(options, suppress=()))
    return PivotEngine(first, ArgosEngine(route.steps[1], options))
