"""Print the figures as they are measured, and write them as bench/RESULTS.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Sequence

from figures import Figure

HEADER = ("", "wall", "CPU", "peak memory", "wall min–max")


def machine() -> str:
    """Return the machine in one line: cores, memory, CPU model, OS, Python."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f
                        if line.startswith("model name")), cpu)
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
        memory = f", {kb / 2**20:.0f} GB memory"
    except (OSError, ValueError, StopIteration):
        pass
    # Without bytecode files every fresh process compiles jobdocs again: start-up
    # figures (and each worker) cost more than a user's would.
    pyc = "off (PYTHONDONTWRITEBYTECODE)" if os.environ.get("PYTHONDONTWRITEBYTECODE") \
        else "on"
    return (f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, bytecode files {pyc}")


def text(figure: Figure) -> str:
    """Return a figure as the console shows it."""
    rows = [HEADER, *((r.label, *r.cells()) for r in figure.rows)]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(HEADER))]
    out = [figure.title, f"  ({figure.setup})"]
    out += ["  " + "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                             for i, (c, w) in enumerate(zip(row, widths, strict=True)))
            for row in rows]
    out += [f"  {r.label}: {r.value:.2f}" + (f"  target {r.target}: "
                                                f"{'met' if r.met else 'NOT MET'}"
                                                if r.target else "") for r in figure.ratios]
    out += [f"  {note}" for note in figure.notes]
    return "\n".join(out)


def markdown(figures: Sequence[Figure], *, versions: dict[str, str], started: dt.datetime,
             loads: Sequence[str], command: str) -> str:
    """Return RESULTS.md: the machine, the summary of targets, each figure's table."""
    out = ["# Benchmark results", "",
           f"Written by `{command}` (bench/speed.py) on "
           f"{started:%Y-%m-%d}, {started:%H:%M}–{dt.datetime.now(dt.UTC):%H:%M} UTC.", "",
           f"**Machine**: {machine()}. Load average (1, 5, 15 min) at the start and end: "
           f"{' / '.join(loads)}: the machine is shared, so wall times include waiting for "
           "a core; CPU times (user + system, of the process and the processes it waited "
           "for) are what the work costs. Every figure takes turns with its peer or floor "
           "(A, B, A, B ...) and shows medians.", "",
           "**Peers**, installed by the benchmark in an environment of its own: "
           + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".", "",
           "## Targets", "", "| figure | ratio | measured | target | met |",
           "|---|---|---|---|---|"]
    for figure in figures:
        for r in figure.ratios:
            if r.target:
                out.append(f"| {figure.title} | {r.label} | {r.value:.2f} | {r.target} | "
                           f"{'yes' if r.met else '**no**'} |")
    for figure in figures:
        out += ["", f"## {figure.title}", "", figure.setup + ".", "",
                "| " + " | ".join(HEADER) + " |", "|---|---:|---:|---:|---:|"]
        out += ["| " + " | ".join((r.label, *r.cells())) + " |" for r in figure.rows]
        out += [""] + [f"- {r.label}: **{r.value:.2f}**" + (f" (target {r.target})"
                                                            if r.target else "")
                       for r in figure.ratios]
        out += [f"- {note}" for note in figure.notes]
    return "\n".join(out) + "\n"
