"""How many CPU threads the argos engine uses: chosen from the cores this process may use and
how busy they are, so that the automatic setting never loses much to one thread.

CTranslate2 has two kinds of threads (its docs, "Multithreading and parallelism"):
``intra_threads`` OpenMP threads inside each operation of one batch (default 4), and
``inter_threads`` workers that translate whole batches side by side.  Measured on a 2-core
machine, its default (4 intra threads) translated 600 sentences in 18-61 s when another
process kept one core busy, against 7.7-8.2 s with one thread: OpenMP threads wait for each
other at every operation, and one of them waiting for a core another process holds stalls
them all.  Inter threads never wait for each other, so the automatic plan uses them, one per
free core, each batch on one core; a core that becomes busy later then slows one worker down
instead of all of them.  The engine translates thousands of tokens in many batches at once,
which is what inter threads need to be useful.  With one intra thread OpenMP never starts a
parallel region, so its settings (``OMP_WAIT_POLICY``, which GNU OpenMP reads once when
CTranslate2 is loaded) do not matter for the automatic plan; only a machine with more than
:data:`MAX_INTER_THREADS` free cores, or an explicit ``--threads N``, uses intra threads.

The decision is pure (:func:`plan_threads`); :func:`usable_cores` and :func:`busy_cores`
read the machine.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Past this many parallel batches the activations of every worker cost more memory than the
# throughput they add on a CPU; a machine with more free cores gives the rest to intra threads.
MAX_INTER_THREADS = 8
# A core counts as free when others use less than this fraction of it.
FREE_THRESHOLD = 0.5
SAMPLE_SECONDS = 0.1


@dataclass(frozen=True)
class ThreadPlan:
    """CTranslate2's ``inter_threads`` and ``intra_threads``, and why."""

    inter: int
    intra: int
    reason: str

    def __post_init__(self) -> None:
        if self.inter < 1 or self.intra < 1:
            raise ValueError(f"thread counts must be at least 1, not {self.inter}x{self.intra}")

    def describe(self) -> str:
        return f"{self.inter} inter x {self.intra} intra ({self.reason})"


def plan_threads(requested: int, cores: int, busy: float) -> ThreadPlan:
    """The thread plan for ``--threads requested`` (0: automatic).

    ``cores`` is how many cores this process may run on (its CPU affinity), ``busy`` how many
    of them other processes keep busy (0.0 to ``cores``).  An explicit count is kept as it
    always was: that many OpenMP threads in each batch.  The automatic plan runs one batch per
    free core (a core others use less than half), at least one and at most
    :data:`MAX_INTER_THREADS`; cores beyond that become intra threads.
    """
    if requested < 0:
        raise ValueError(f"threads must be 0 (automatic) or more, not {requested}")
    if requested:
        return ThreadPlan(1, requested, "as requested")
    cores = max(1, cores)
    busy = min(max(busy, 0.0), float(cores))
    free = max(1, math.floor(cores - busy + FREE_THRESHOLD))
    inter = min(free, MAX_INTER_THREADS)
    intra = max(1, free // inter)
    others = f"others busy on {busy:.1f}" if busy >= 0.05 else "idle"
    return ThreadPlan(inter, intra, f"automatic: {free} of {cores} usable cores free, {others}")


def usable_cores() -> int:
    """How many cores this process may run on: its CPU affinity, else every core."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def busy_cores(seconds: float = SAMPLE_SECONDS) -> float:
    """How many of this process's cores others keep busy, measured over ``seconds``.

    Linux: the busy share of each allowed core in ``/proc/stat``, summed (this process sleeps
    while it measures, so what is busy is someone else).  Elsewhere, the one-minute load
    average, which lags behind a change in load.
    """
    try:
        allowed = os.sched_getaffinity(0)
        first = _cpu_times(Path("/proc/stat").read_text())
        time.sleep(seconds)
        second = _cpu_times(Path("/proc/stat").read_text())
    except (AttributeError, OSError, ValueError):
        try:
            return os.getloadavg()[0]
        except OSError:
            return 0.0
    return busy_between(first, second, allowed)


def busy_between(
    first: Mapping[int, tuple[int, int]], second: Mapping[int, tuple[int, int]], cpus: set[int]
) -> float:
    """Busy cores between two :func:`_cpu_times` readings, over ``cpus``."""
    busy = 0.0
    for cpu in cpus:
        if cpu not in first or cpu not in second:
            continue
        total = second[cpu][0] - first[cpu][0]
        idle = second[cpu][1] - first[cpu][1]
        if total > 0:
            busy += 1.0 - idle / total
    return busy


def _cpu_times(stat: str) -> dict[int, tuple[int, int]]:
    """Per CPU of a ``/proc/stat`` text: (all jiffies, idle + iowait jiffies)."""
    times: dict[int, tuple[int, int]] = {}
    for line in stat.splitlines():
        name, *fields = line.split()
        if not name.startswith("cpu") or name == "cpu":
            continue
        values = [int(v) for v in fields[:8]]  # user nice system idle iowait irq softirq steal
        times[int(name[3:])] = (sum(values), values[3] + values[4])
    return times


def default_plan(requested: int) -> ThreadPlan:
    """:func:`plan_threads` for this process on this machine, now."""
    if requested:
        return plan_threads(requested, 1, 0.0)
    return plan_threads(0, usable_cores(), busy_cores())
