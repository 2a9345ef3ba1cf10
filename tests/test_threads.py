"""The argos engine's thread plan: pure decisions from usable cores and load, and the readings
of the machine they are made from."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dolmetsch.threads import (
    MAX_INTER_THREADS,
    ThreadPlan,
    _cpu_times,
    busy_between,
    default_plan,
    plan_threads,
    usable_cores,
)


@pytest.mark.parametrize(
    ("requested", "cores", "busy", "inter", "intra"),
    [
        (0, 2, 0.0, 2, 1),  # idle 2-core machine: a batch per core
        (0, 2, 0.3, 2, 1),  # a little background work does not take a core
        (0, 2, 0.6, 1, 1),  # most of a core taken by another process: one thread
        (0, 2, 1.0, 1, 1),  # the case: one core kept busy
        (0, 2, 2.0, 1, 1),
        (0, 2, 6.0, 1, 1),  # load beyond the cores (a shared machine): still one thread
        (0, 1, 0.0, 1, 1),  # affinity to a single core
        (0, 0, 0.0, 1, 1),
        (0, 4, 1.0, 3, 1),
        (0, 8, 0.0, 8, 1),
        (0, 12, 0.0, MAX_INTER_THREADS, 1),
        (0, 16, 0.0, MAX_INTER_THREADS, 2),  # the cores past MAX_INTER_THREADS go inside
        (0, 16, -1.0, MAX_INTER_THREADS, 2),  # a reading below zero counts as idle
        (1, 8, 0.0, 1, 1),  # an explicit count is kept, whatever the machine
        (2, 1, 5.0, 1, 2),
        (6, 2, 0.0, 1, 6),
    ],
)
def test_plan_threads(requested: int, cores: int, busy: float, inter: int, intra: int) -> None:
    plan = plan_threads(requested, cores, busy)
    assert (plan.inter, plan.intra) == (inter, intra)


def test_automatic_plan_never_oversubscribes() -> None:
    """Never more threads than usable cores, and more load never gives more threads."""
    for cores in range(1, 33):
        before = cores + 1
        for tenth in range(0, 10 * cores + 20):
            plan = plan_threads(0, cores, tenth / 10)
            assert 1 <= plan.inter * plan.intra <= cores
            assert plan.inter * plan.intra <= before
            before = plan.inter * plan.intra


def test_plan_reasons() -> None:
    assert plan_threads(0, 2, 1.0).describe() == (
        "1 inter x 1 intra (automatic: 1 of 2 usable cores free, others busy on 1.0)"
    )
    assert plan_threads(0, 2, 0.0).describe() == (
        "2 inter x 1 intra (automatic: 2 of 2 usable cores free, idle)"
    )
    assert plan_threads(3, 2, 0.0).describe() == "1 inter x 3 intra (as requested)"


def test_bad_requests() -> None:
    with pytest.raises(ValueError, match="threads must be 0"):
        plan_threads(-1, 2, 0.0)
    with pytest.raises(ValueError, match="at least 1"):
        ThreadPlan(0, 1, "")


STAT_1 = """\
cpu  200 0 100 1000 0 0 0 0 0 0
cpu0 100 0 50 500 0 0 0 0 0 0
cpu1 100 0 50 500 0 0 0 0 0 0
intr 12345 1 2 3
ctxt 999
"""
STAT_2 = """\
cpu  300 0 100 1100 0 0 0 0 0 0
cpu0 190 0 50 510 0 0 0 0 0 0
cpu1 110 0 50 590 0 0 0 0 0 0
intr 12400 1 2 3
ctxt 1000
"""


def test_cpu_times_and_busy_between() -> None:
    first, second = _cpu_times(STAT_1), _cpu_times(STAT_2)
    assert first == {0: (650, 500), 1: (650, 500)}
    # cpu0: 90 of 100 jiffies busy; cpu1: 10 of 100
    assert busy_between(first, second, {0, 1}) == pytest.approx(1.0)
    assert busy_between(first, second, {0}) == pytest.approx(0.9)
    assert busy_between(first, second, {1, 7}) == pytest.approx(0.1)  # 7 is not in the file
    assert busy_between(first, first, {0, 1}) == 0.0  # no time passed


def test_usable_cores_is_the_affinity() -> None:
    assert usable_cores() == len(os.sched_getaffinity(0))


def test_explicit_threads_do_not_measure() -> None:
    assert default_plan(3) == ThreadPlan(1, 3, "as requested")


def test_default_plan_fits_the_machine() -> None:
    plan = default_plan(0)
    assert 1 <= plan.inter * plan.intra <= usable_cores()


_PINNED = textwrap.dedent(
    """
    import os, sys
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from pathlib import Path
    from dolmetsch.argos import ArgosEngine
    from dolmetsch.engine import EngineOptions
    from dolmetsch.models import find_package

    engine = ArgosEngine(find_package("de", "en", Path(sys.argv[1])), EngineOptions())
    print(engine.threads.inter, engine.threads.intra, engine.translate(["Selenskyj traf."])[0])
    """
)


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="Linux only")
def test_engine_follows_cpu_affinity(installed_tiny: Path) -> None:
    """Pinned to one core (as taskset or a container would), the engine uses one thread."""
    result = subprocess.run(
        [sys.executable, "-c", _PINNED, str(installed_tiny)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 1 Zelensky met.\n"


def test_engine_takes_requested_threads(installed_tiny: Path) -> None:
    from dolmetsch.argos import ArgosEngine
    from dolmetsch.engine import EngineOptions
    from dolmetsch.models import find_package

    package = find_package("de", "en", installed_tiny)
    assert package is not None
    engine = ArgosEngine(package, EngineOptions(threads=2))
    assert (engine.threads.inter, engine.threads.intra) == (1, 2)
    assert engine.translate(["Selenskyj traf."]) == ["Zelensky met."]
