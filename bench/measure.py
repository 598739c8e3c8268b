"""How the benchmark times things: interleaved runs, wall and CPU, medians.

The machine is shared, so a figure is never one run: the contenders of a
figure take turns (A, B, C, A, B, C, ...), so that a busy minute costs each
of them alike, and each is reported by its median wall time and its median
CPU time (what the work costs, whoever else is on the machine). A ratio is
always of two medians measured in the same turns.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Timing:
    """One run: wall seconds, CPU seconds (user + system, children included), peak MB."""

    wall: float
    cpu: float
    peak_mb: float = 0.0


@dataclass
class Stats:
    """Every run of one contender, and their medians."""

    runs: list[Timing] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(t.wall for t in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(t.cpu for t in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(t.peak_mb for t in self.runs)

    def spread(self, scale: float = 1.0) -> str:
        """The lowest and highest wall time, times `scale`, as `min–max`."""
        walls = [t.wall * scale for t in self.runs]
        return f"{min(walls):.3g}–{max(walls):.3g}"


Run = Callable[[], Timing]


def interleave(contenders: dict[str, Run], runs: int, warmup: int = 0) -> dict[str, Stats]:
    """Run every contender `runs` times, taking turns; return their statistics."""
    for _ in range(warmup):
        for run in contenders.values():
            run()
    out = {name: Stats() for name in contenders}
    for _ in range(runs):
        for name, run in contenders.items():
            out[name].runs.append(run())
    return out


def sequence(runs: Sequence[Run]) -> Run:
    """Return one run of several, one after another: their times added."""
    def run() -> Timing:
        timings = [r() for r in runs]
        return Timing(sum(t.wall for t in timings), sum(t.cpu for t in timings),
                      max(t.peak_mb for t in timings))
    return run


def in_process(work: Callable[[], object]) -> Run:
    """Return a run of `work` in this process."""
    def run() -> Timing:
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        return Timing(time.perf_counter() - began, time.process_time() - began_cpu)
    return run


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def command(argv: Sequence[str], cwd: Path | None = None, *, before: Callable[[], object]
            | None = None, env: dict[str, str] | None = None, ok: Sequence[int] = (0,),
            memory: bool = False) -> Run:
    """Return a run of a command: a fresh process (and the processes it waits for).

    `before` runs first, untimed (to clear an output folder, say). With
    `memory`, the peak of the resident memory of the process and of its
    children is sampled every 50 ms (psutil).
    """
    def run() -> Timing:
        if before is not None:
            before()
        cpu0, began = _children_cpu(), time.perf_counter()
        full_env = {**os.environ, **(env or {})}
        if memory:
            code, peak = _with_peak(argv, cwd, full_env)
        else:
            code = subprocess.run(argv, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE).returncode
            peak = 0.0
        wall, cpu = time.perf_counter() - began, _children_cpu() - cpu0
        if code not in ok:
            raise SystemExit(f"{' '.join(map(str, argv))} exited {code}")
        return Timing(wall, cpu, peak)
    return run


def snippet(python: str, code: str, *args: str, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> Run:
    """Return a run of Python code in a fresh process that prints its own wall and CPU
    (of the work it times, after its imports)."""
    def run() -> Timing:
        out = subprocess.run([python, "-c", code, *args], capture_output=True, text=True,
                             cwd=cwd, env={**os.environ, **(env or {})})
        if out.returncode:
            raise SystemExit(f"benchmark snippet failed:\n{out.stderr}")
        wall, cpu = map(float, out.stdout.split()[:2])
        return Timing(wall, cpu)
    return run


def _with_peak(argv: Sequence[str], cwd: Path | None, env: dict[str, str]) -> tuple[int, float]:
    import psutil

    process = psutil.Popen(list(argv), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    code = process.wait()
    done.set()
    sampler.join()
    return code, peak / 2**20


def load_average() -> str:
    """Return the load average of the last minute, five and fifteen, as `1.2 1.0 0.8`."""
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"
