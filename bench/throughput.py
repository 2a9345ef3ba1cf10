#!/usr/bin/env python3
"""Throughput of dolmetsch's argos engine against argostranslate and a raw CTranslate2 floor.

The same sentences go through the same argos package three ways:

1. dolmetsch: ``ArgosEngine(package, EngineOptions(...)).translate(sentences)``;
2. argostranslate: ``argostranslate.translate.translate(text, "de", "en")`` with its stock
   settings (32-token batches, MiniSBD splitting), the beam size set to the same value;
3. the floor: one ``ctranslate2.Translator.translate_batch`` over every sentence, tokenized
   before the timer starts, with 4096-token batches, the same beam size and compute type
   (and without ``replace_unknowns``: see :class:`Floor`).

Model loading is timed apart from translation, every method is warmed up first, and each
measurement is the best of ``--repeat`` runs, the methods taking turns (so that a busy spell
of the machine does not fall on one method only). By default it builds the tiny test package of
``dolmetsch.testing`` (a copy model: its timings show the per-sentence overhead of each method,
not the speed of a real model); ``--package DIR`` measures an installed real package instead.

Run from the repository root: ``python bench/throughput.py [--sentences N] [--repeat K]``.
With ``--threads 0`` (the default) dolmetsch and the floor use dolmetsch's automatic thread
plan (:mod:`dolmetsch.threads`) and argostranslate its stock setting (CTranslate2's 4 intra
threads); ``bench/threads.py`` compares thread settings.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import sys
import tempfile
import time
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Research-use data (WMT news test set): read in place, never copied.
WMT_GERMAN = ROOT.parent / "shared" / "data" / "wmt-dev" / "newstest2018.de-en.de"
WARMUP_SENTENCES = 8
# Load time is opening a model plus translating this: CTranslate2 finishes loading (and
# argostranslate loads everything) lazily, at the first translation.
LOAD_PROBE = "Hallo."
TARGET_VS_ARGOS = 5.0
TARGET_VS_FLOOR = 1.3
FLOOR_BATCH_TOKENS = 4096


@dataclass
class Result:
    """One method's measurement."""

    name: str
    load_seconds: float
    seconds: float
    outputs: list[str]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=0, metavar="N", help="first N (0: all)")
    parser.add_argument("--repeat", type=int, default=3, metavar="K", help="best of K runs")
    parser.add_argument("--beam-size", type=int, default=4, help="beam size of all three")
    parser.add_argument(
        "--compute-type", default="auto", help="CTranslate2 compute type of all three"
    )
    parser.add_argument("--threads", type=int, default=0, help="intra threads (0: automatic)")
    parser.add_argument(
        "--package", type=Path, metavar="DIR", help="installed argos package (default: tiny)"
    )
    parser.add_argument("--skip-argos", action="store_true", help="do not run argostranslate")
    args = parser.parse_args(argv)
    if args.sentences < 0 or args.repeat < 1 or args.beam_size < 1 or args.threads < 0:
        parser.error("--sentences, --threads must be >= 0; --repeat, --beam-size >= 1")
    return args


def isolate_argos(home: Path, args: argparse.Namespace) -> Path:
    """Point argostranslate at a scratch folder; must run before any argostranslate import.

    ``argostranslate.settings`` reads these variables once, at import, and creates its
    directories, so setting them later would leave it writing under ``~``.
    """
    packages = home / "packages"
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_CACHE_HOME"] = str(home / "cache")
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    # Stock settings, except for the options the three methods must share.
    os.environ["ARGOS_BEAM_SIZE"] = str(args.beam_size)
    os.environ["ARGOS_COMPUTE_TYPE"] = args.compute_type
    os.environ["ARGOS_INTRA_THREADS"] = str(args.threads)
    for inherited in ("ARGOS_BATCH_SIZE", "ARGOS_CHUNK_TYPE", "ARGOS_INTER_THREADS"):
        os.environ.pop(inherited, None)
    return packages


def load_sentences(limit: int) -> tuple[list[str], str, int]:
    """The benchmark sentences (unique, in order), where they come from, duplicates dropped."""
    from dolmetsch.document import parse_document
    from dolmetsch.segment import split_sentences

    if WMT_GERMAN.is_file():
        lines = WMT_GERMAN.read_text(encoding="utf-8").splitlines()
        found = [s for line in lines for s in split_sentences(line)]
        source = f"{WMT_GERMAN.name} ({len(lines)} lines)"
    else:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        found = [
            segment.text
            for path in seeds
            for segment in parse_document(path.name, path.read_text(encoding="utf-8")).segments()
            if segment.translatable
        ]
        source = f"seeds/*.txt ({len(seeds)} files)"
    found = [s for s in found if s.strip()]
    # dolmetsch's engine translates each distinct sentence once; argos and the floor do not.
    # A list without duplicates gives every method the same work.
    unique = list(dict.fromkeys(found))
    duplicates = len(found) - len(unique)
    return (unique[:limit] if limit else unique), source, duplicates


class Floor:
    """Raw CTranslate2: every sentence in one ``translate_batch`` call, pre-tokenized.

    It decodes without ``replace_unknowns`` (CTranslate2's default): copying unknown source
    pieces back needs the attention of every step, which makes beam search 2-3 times slower.
    So the floor is the cheapest single call; its few ``<unk>`` outputs are redone with
    ``replace_unknowns``, untimed, only for the output check (:meth:`reference`).
    """

    def __init__(self, package: Any, args: argparse.Namespace, plan: Any) -> None:
        import ctranslate2
        import sentencepiece

        from dolmetsch.engine import EngineOptions

        self.prefix: str = package.target_prefix
        self.sp = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece_model))
        self.translator = ctranslate2.Translator(
            str(package.model_dir),
            device="cpu",
            compute_type=args.compute_type,
            inter_threads=plan.inter,  # the same threads as dolmetsch's engine
            intra_threads=plan.intra,
        )
        # dolmetsch's length penalty and output limit (2 x its input limit + 16), so that on
        # the same input both give the same output; neither costs time on its own.
        self.options: dict[str, Any] = {
            "max_batch_size": FLOOR_BATCH_TOKENS,
            "batch_type": "tokens",
            "beam_size": args.beam_size,
            "length_penalty": 0.2,
            "max_input_length": 0,
            "max_decoding_length": 2 * EngineOptions().max_input_tokens + 16,
        }

    def tokenize(self, sentences: Sequence[str]) -> list[list[str]]:
        return [self.sp.encode(s, out_type=str) for s in sentences]

    def translate(self, tokens: list[list[str]], replace_unknowns: bool = False) -> list[list[str]]:
        prefix = [[self.prefix]] * len(tokens) if self.prefix else None
        results = self.translator.translate_batch(
            tokens, target_prefix=prefix, replace_unknowns=replace_unknowns, **self.options
        )
        return [list(r.hypotheses[0]) for r in results]

    def reference(
        self, tokens: list[list[str]], hypotheses: list[list[str]]
    ) -> tuple[list[str], int]:
        """Detokenized outputs, sources with unknown pieces redone with replace_unknowns."""
        unk = self.sp.unk_id()
        rare = [i for i, t in enumerate(tokens) if any(self.sp.piece_to_id(p) == unk for p in t)]
        redone = dict(zip(rare, self.translate([tokens[i] for i in rare], True), strict=True))
        return self.detokenize([redone.get(i, h) for i, h in enumerate(hypotheses)]), len(rare)

    def detokenize(self, hypotheses: list[list[str]]) -> list[str]:
        from dolmetsch.argos import detokenize

        out = []
        for pieces in hypotheses:
            if self.prefix and pieces[:1] == [self.prefix]:
                pieces = pieces[1:]
            out.append(detokenize(pieces))
        return out


def stub_stanza() -> None:
    """Let ``argostranslate.translate`` import without Stanza.

    argostranslate.sbd does a bare ``import stanza`` at module level, but Stanza (which pulls
    torch) is only used for packages that ship a ``stanza/`` folder and no MiniSBD model.
    The tiny package ships ``minisbd/de.onnx``, so MiniSBD does the sentence splitting here
    and the stub is never called. This stub lives in this benchmark only, never in dolmetsch.
    """
    if importlib.util.find_spec("stanza") is None:
        sys.modules.setdefault("stanza", types.ModuleType("stanza"))


def clear_argos_cache(argos_translate: Any) -> None:
    """Empty argostranslate's paragraph cache.

    Its CachedTranslation keeps the paragraphs of the previous ``translate()`` call: a
    repeated run (or one after a warm-up on the same sentences) would be served from it.
    """
    for installed in argos_translate.installed_translates:
        installed.cached_translation.cache = {}


def setup_argos(
    sentences: list[str], package_path: Path, packages_dir: Path
) -> tuple[float, Callable[[], list[str]], Callable[[], int]] | str:
    """Load and warm up argostranslate: load time, a timed run, a MiniSBD count; or why not."""
    missing = [m for m in ("minisbd", "onnxruntime") if importlib.util.find_spec(m) is None]
    if missing:
        return f"{' and '.join(missing)} not installed (pip install 'dolmetsch[bench]')"
    if package_path.parent != packages_dir:  # --package: show argos the same package
        packages_dir.mkdir(parents=True, exist_ok=True)
        (packages_dir / package_path.name).symlink_to(package_path.resolve())
    stub_stanza()
    try:
        start = time.perf_counter()
        import argostranslate.translate as argos_translate

        # Its translator and MiniSBD load lazily, at the first call.
        argos_translate.translate(LOAD_PROBE, "de", "en")
        load = time.perf_counter() - start
        argos_translate.translate("\n".join(sentences[:WARMUP_SENTENCES]), "de", "en")
    except Exception as exc:  # offline MiniSBD/Stanza downloads fail with many exception types
        return f"argostranslate failed: {type(exc).__name__}: {exc}"

    # One text, one sentence a line: argos splits its input on "\n" and makes one
    # translate_batch call per paragraph, with 32-token batches, so it translates about one
    # sentence per CTranslate2 batch whatever the layout. One line per sentence is its best
    # case: a single translate() call (no per-call lookups), MiniSBD runs on one short
    # sentence at a time and cannot merge sentences into over-long inputs.
    text = "\n".join(sentences)

    def run() -> list[str]:
        clear_argos_cache(argos_translate)
        out: str = argos_translate.translate(text, "de", "en")
        return out.split("\n")

    def split_count() -> int:
        """How many sentences MiniSBD makes of the lines (argos may merge or split)."""
        translation = argos_translate.get_translation_from_codes("de", "en")
        sentencizer = translation.underlying.sentencizer
        return sum(len(sentencizer.split_sentences(s)) for s in sentences)

    return load, run, split_count


def expected_copy(sentence: str) -> str:
    """What the tiny copy model must output: the sentence with its lexicon words replaced."""
    from dolmetsch.testing import DEFAULT_LEXICON

    for german, english in DEFAULT_LEXICON.items():
        sentence = sentence.replace(german, english)
    return sentence.replace("▁", " ")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b > 0 else "-"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = tempfile.TemporaryDirectory(prefix="dolmetsch-bench-")
    with scratch:
        return benchmark(args, Path(scratch.name), argv)


def benchmark(args: argparse.Namespace, scratch: Path, argv: Sequence[str] | None) -> int:
    packages_dir = isolate_argos(scratch / "argos", args)  # before any argostranslate import

    # Import the shared libraries first, so that no method's load time includes them.
    import ctranslate2  # noqa: F401
    import sentencepiece  # noqa: F401

    from dolmetsch.argos import ArgosEngine
    from dolmetsch.engine import EngineOptions
    from dolmetsch.models import install_file, read_package

    tiny = args.package is None
    if tiny:
        from dolmetsch.testing import build_tiny_package

        package = install_file(build_tiny_package(scratch / "build"), packages_dir)
    else:
        package = read_package(args.package.resolve())

    sentences, source, duplicates = load_sentences(args.sentences)
    if not sentences:
        print("no sentences to translate", file=sys.stderr)
        return 1
    warmup = sentences[:WARMUP_SENTENCES]

    # Load and warm up each method.
    start = time.perf_counter()
    options = EngineOptions(
        beam_size=args.beam_size, compute_type=args.compute_type, threads=args.threads
    )
    engine = ArgosEngine(package, options)
    engine.translate([LOAD_PROBE])
    loads = {"dolmetsch": time.perf_counter() - start}
    engine.translate(warmup)

    start = time.perf_counter()
    floor = Floor(package, args, engine.threads)
    floor.translate(floor.tokenize([LOAD_PROBE]))
    loads["ctranslate2 floor"] = time.perf_counter() - start
    tokens = floor.tokenize(sentences)  # before the timer
    floor.translate(tokens[:WARMUP_SENTENCES])

    runs: dict[str, Callable[[], Any]] = {
        "dolmetsch": lambda: engine.translate(sentences),
        "ctranslate2 floor": lambda: floor.translate(tokens),
    }
    argos_note = "skipped (--skip-argos)"
    argos_split: Callable[[], int] | None = None
    if not args.skip_argos:
        setup = setup_argos(sentences, package.path, packages_dir)
        if isinstance(setup, str):
            argos_note = setup
        else:
            loads["argostranslate"], runs["argostranslate"], argos_split = setup

    # Time them, taking turns; keep each one's best time and last outputs.
    best = dict.fromkeys(runs, float("inf"))
    last: dict[str, Any] = {}
    for _ in range(args.repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            last[name] = run()
            best[name] = min(best[name], time.perf_counter() - start)

    ours = Result("dolmetsch", loads["dolmetsch"], best["dolmetsch"], last["dolmetsch"])
    reference, redone = floor.reference(tokens, last["ctranslate2 floor"])  # detokenize untimed
    raw_result = Result(
        "ctranslate2 floor", loads["ctranslate2 floor"], best["ctranslate2 floor"], reference
    )
    argos: Result | None = None
    if "argostranslate" in runs:
        name = "argostranslate"
        argos = Result(name, loads[name], best[name], last[name])

    report(args, argv, package, sentences, source, duplicates, tokens, ours, raw_result, argos)
    if argos is None:
        print(f"argostranslate: {argos_note}")

    pairs = list(zip(sentences, ours.outputs, raw_result.outputs, strict=True))
    differ = [(s, a, b) for s, a, b in pairs if a != b]
    print(
        f"check: dolmetsch vs floor outputs differ for {len(differ)} of {len(sentences)} "
        f"sentences (the {redone} with pieces outside the vocabulary redone with "
        "replace_unknowns, untimed)"
    )
    for source_text, mine, theirs in differ[:3]:
        print(f"  source:    {source_text[:160]}")
        print(f"  dolmetsch: {mine[:160]}")
        print(f"  floor:     {theirs[:160]}")
    if tiny:
        wrong = sum(o != expected_copy(s) for s, o in zip(sentences, ours.outputs, strict=True))
        print(f"check: dolmetsch outputs not the tiny model's exact copy: {wrong}")
    if argos is not None and argos_split is not None:
        lines = list(zip(argos.outputs, ours.outputs, strict=False))
        differ_argos = [(a, b) for a, b in lines if a != b]
        cut = sum(b.startswith(a.rstrip()) and len(a) < len(b) for a, b in differ_argos)
        print(
            f"check: argos output has {len(argos.outputs)} lines for {len(sentences)} input "
            f"sentences; MiniSBD made {argos_split()} sentences of them; "
            f"{len(differ_argos)} lines differ from dolmetsch's, {cut} of them cut short "
            "(argos stops decoding at 256 pieces)"
        )
    return 0


def report(
    args: argparse.Namespace,
    argv: Sequence[str] | None,
    package: Any,
    sentences: list[str],
    source: str,
    duplicates: int,
    tokens: list[list[str]],
    ours: Result,
    floor: Result,
    argos: Result | None,
) -> None:
    threads = str(args.threads) if args.threads else "auto: dolmetsch's plan"
    print(f"command: {command_line(argv)}")
    print(
        f"sentences: {len(sentences)} (unique: {duplicates} duplicates dropped so that "
        f"dolmetsch's deduplication gains nothing), from {source}"
    )
    print(
        f"tokens: {sum(map(len, tokens))}, package: {package.name} {package.package_version}, "
        f"beam {args.beam_size}, compute {args.compute_type}, threads {threads}, "
        f"best of {args.repeat}"
    )
    print(
        f"{'method':<18}{'seconds':>9}{'sent/s':>10}{'vs argos':>10}{'vs floor':>10}{'load s':>9}"
    )
    for result in (ours, argos, floor):
        if result is None:
            continue
        rate = len(sentences) / result.seconds
        vs_argos = ratio(argos.seconds, result.seconds) if argos else "-"
        print(
            f"{result.name:<18}{result.seconds:>9.3f}{rate:>10.1f}{vs_argos:>10}"
            f"{ratio(floor.seconds, result.seconds):>10}{result.load_seconds:>9.3f}"
        )
    print(
        "(vs X: throughput relative to X; load s: opening the model and a first one-word "
        "translation, not in seconds; argostranslate's includes its import; the first "
        "model opened, dolmetsch's, also pays CTranslate2's one-time start-up)"
    )
    if argos:
        speedup = argos.seconds / ours.seconds
        vs_argos = f"{'yes' if speedup >= TARGET_VS_ARGOS else 'no'} ({speedup:.1f}x)"
    else:
        vs_argos = "n/a"
    slowdown = ours.seconds / floor.seconds
    vs_floor = f"{'yes' if slowdown <= TARGET_VS_FLOOR else 'no'} ({slowdown:.2f}x its time)"
    print(f"targets: >=5x argos: {vs_argos}, within 1.3x of floor: {vs_floor}")


def command_line(argv: Sequence[str] | None) -> str:
    script = Path(__file__).resolve()
    try:
        shown = str(script.relative_to(Path.cwd()))
    except ValueError:
        shown = str(script)
    words = ["python", shown, *(sys.argv[1:] if argv is None else argv)]
    pythonpath = os.environ.get("PYTHONPATH")
    prefix = f"PYTHONPATH={shlex.quote(pythonpath)} " if pythonpath else ""
    return prefix + shlex.join(words)


if __name__ == "__main__":
    sys.exit(main())
