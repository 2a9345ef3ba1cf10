#!/usr/bin/env python3
"""Argos engine throughput with the automatic thread setting against ``--threads 1`` and 2,
once on the machine as it is and once with one core kept busy by a spinning process that
this benchmark starts (and kills).

Each measurement runs in a fresh process, as ``dolmetsch run`` would: it opens the engine
(the automatic plan looks at the cores and the load at that moment, and OpenMP reads its
settings when CTranslate2 is first loaded), translates a few sentences to warm up, then times
the translation of all of them.  The configurations take turns within each round, so that a
busy spell of a shared machine does not fall on one of them only; each is reported as the
median of ``--runs`` rounds.

The model is built by ``dolmetsch.testing`` (a copy model, so every configuration must give
the same output): by default 192 wide with 2 encoder and 2 decoder layers, so that the time
goes into matrix products as in a real model rather than into per-call overhead.  A real
model's numbers need a real model: ``--package DIR``.

Run from the repository root: ``python bench/threads.py [--sentences N] [--runs K]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_sentences  # bench scripts share code by path

CONFIGS = (0, 1, 2)  # --threads: 0 is the automatic plan
WARMUP_SENTENCES = 8
TOLERANCE = 0.10  # the default must be the best or within 10 % of it


@dataclass(frozen=True)
class Sample:
    threads: int
    seconds: float
    cpu_seconds: float
    plan: str
    digest: str


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=600, metavar="N", help="first N")
    parser.add_argument("--runs", type=int, default=3, metavar="K", help="median of K rounds")
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--width", type=int, default=192, help="width of the built model")
    parser.add_argument("--layers", type=int, default=2, help="layers of the built model")
    parser.add_argument("--package", type=Path, metavar="DIR", help="an installed package")
    parser.add_argument(
        "--scenario",
        choices=["both", "idle", "busy"],
        default="both",
        help="as the machine is, with one core kept busy, or both",
    )
    parser.add_argument("--child", type=int, metavar="THREADS", help=argparse.SUPPRESS)
    parser.add_argument("--sentences-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.sentences < 1 or args.runs < 1 or args.beam_size < 1:
        parser.error("--sentences, --runs and --beam-size must be at least 1")
    return args


def child(args: argparse.Namespace) -> None:
    """One measurement: open the engine, warm up, time; print JSON on stdout."""
    import hashlib

    from dolmetsch.argos import ArgosEngine
    from dolmetsch.engine import EngineOptions
    from dolmetsch.models import read_package

    sentences = json.loads(args.sentences_file.read_text(encoding="utf-8"))
    engine = ArgosEngine(
        read_package(args.package), EngineOptions(beam_size=args.beam_size, threads=args.child)
    )
    engine.translate([f"{s} ({i})" for i, s in enumerate(sentences[:WARMUP_SENTENCES])])
    start, cpu_start = time.perf_counter(), time.process_time()
    outputs = engine.translate(sentences)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    digest = hashlib.sha256("\n".join(outputs).encode()).hexdigest()[:12]
    plan = engine.threads.describe()
    print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "plan": plan, "digest": digest}))


def measure(args: argparse.Namespace, package: Path, sentences_file: Path, threads: int) -> Sample:
    command = [
        sys.executable,
        __file__,
        "--child",
        str(threads),
        "--package",
        str(package),
        "--sentences-file",
        str(sentences_file),
        "--beam-size",
        str(args.beam_size),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"measurement failed:\n{done.stderr}")
    result = json.loads(done.stdout)
    return Sample(threads, result["seconds"], result["cpu"], result["plan"], result["digest"])


def scenario(
    args: argparse.Namespace, package: Path, sentences_file: Path, busy: bool, count: int
) -> bool:
    """Run every configuration ``--runs`` times; print the medians; whether the default held."""
    load_before = uptime()
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    try:
        time.sleep(1.0 if busy else 0.0)  # let the spinner be seen as load
        samples: dict[int, list[Sample]] = {t: [] for t in CONFIGS}
        for _ in range(args.runs):
            for threads in CONFIGS:
                samples[threads].append(measure(args, package, sentences_file, threads))
    finally:
        if spinner is not None:
            spinner.kill()
            spinner.wait()
    title = "one core kept busy by a spinning process" if busy else "machine as it is"
    print(f"\n{title}; before: {load_before}; after: {uptime()}")
    print("threads      median s   sent/s  cpu s   runs (s)                 plan chosen")
    medians = {t: statistics.median(s.seconds for s in found) for t, found in samples.items()}
    for threads, found in samples.items():
        label = "default" if threads == 0 else f"--threads {threads}"
        runs = " ".join(f"{s.seconds:.2f}" for s in found)
        plans = sorted({s.plan for s in found})
        cpu = statistics.median(s.cpu_seconds for s in found)
        print(
            f"{label:<12} {medians[threads]:8.2f} {count / medians[threads]:8.1f} {cpu:6.1f}   "
            f"{runs:<24} {'; '.join(plans)}"
        )
    digests = {s.digest for found in samples.values() for s in found}
    if len(digests) != 1:
        print(f"OUTPUTS DIFFER between configurations: {sorted(digests)}")
    best = min(medians.values())
    held = medians[0] <= best * (1 + TOLERANCE)
    verdict = "yes" if held else "NO"
    print(
        f"default within {TOLERANCE:.0%} of the best: {verdict} "
        f"({medians[0] / best:.2f}x the best median)"
    )
    return held and len(digests) == 1


def uptime() -> str:
    try:
        load = os.getloadavg()
    except OSError:
        return "unknown"
    return f"load average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress in a log
    if args.child is not None:
        child(args)
        return 0
    from dolmetsch.threads import usable_cores

    print("command: python bench/threads.py " + shlex.join(sys.argv[1:]))
    sentences, source, _ = load_sentences(args.sentences)
    with tempfile.TemporaryDirectory(prefix="dolmetsch-threads-") as tmp:
        scratch = Path(tmp)
        package = args.package
        if package is None:
            from dolmetsch.testing import build_tiny_package, install_tiny_package

            archive = build_tiny_package(scratch / "build", width=args.width, layers=args.layers)
            package = install_tiny_package(archive, scratch / "packages")
            model = (
                f"dolmetsch.testing copy model, width {args.width}, {args.layers}+{args.layers}"
                " layers (not a real model)"
            )
        else:
            model = str(package)
        sentences_file = scratch / "sentences.json"
        sentences_file.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
        print(f"sentences: {len(sentences)} from {source}; model: {model}")
        print(
            f"beam {args.beam_size}, cores usable: {usable_cores()} of {os.cpu_count()}, "
            f"median of {args.runs} runs"
        )
        held = True
        if args.scenario in ("both", "idle"):
            held &= scenario(args, package, sentences_file, False, len(sentences))
        if args.scenario in ("both", "busy"):
            held &= scenario(args, package, sentences_file, True, len(sentences))
    return 0 if held else 1


if __name__ == "__main__":
    raise SystemExit(main())
