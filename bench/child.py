"""A command run as a child process, measured: wall time and peak resident memory."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Finished:
    seconds: float
    peak_mib: float  # ru_maxrss: the largest of the child and the children it waited for
    stdout: str


def run_child(argv: list[str], work: Path, timeout: float | None = None) -> Finished | None:
    """Run ``argv`` to the end; None when it takes longer than ``timeout`` seconds (it is
    killed).  A failing command stops the benchmark with its stderr."""
    # to files, not pipes: a full pipe would stall the child while we wait for it
    with (work / "stdout").open("w+b") as out_file, (work / "stderr").open("w+b") as err_file:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out_file, stderr=err_file)
        while True:
            pid, status, usage = os.wait4(child.pid, 0 if timeout is None else os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() > started + timeout:
                child.kill()
                os.wait4(child.pid, 0)
                return None
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        out_file.seek(0)
        err_file.seek(0)
        stdout, stderr = out_file.read().decode(), err_file.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"run failed: {' '.join(argv)}\n{stderr}")
    return Finished(seconds, usage.ru_maxrss / 1024, stdout)  # ru_maxrss: KiB on Linux
