"""`jobdocs build` of a large library: one worker against two, a rebuild, memory.

A project of N roles shaped like the key account manager (600 lines, each
its own id, title and wording), Ромашка's profile with numbers from a
register, Russian DOCX. Each build is a fresh `jobdocs build` process from
an empty output folder; `-j 1` and `-j 2` take turns. Then the same build
with nothing changed, against the floor of what it must do at least: read
every role file and hash it, in a fresh Python process. The peak memory is
the largest sum of the resident memory of the build and its workers; it is
measured at N and at N/4 documents to show it does not grow with N.

What two cores give at most here: two `-j 1` builds of N/2 roles each, run at once
(they share nothing but the machine), against the `-j 1` build of N. A shared
machine's two cores run the same work slower together than one alone does, so
this is the ceiling of any two-worker build's speed-up on it.

Before each timed build its output folder is moved aside, not deleted; what was
moved aside is deleted once every build is timed. A file system may not reuse an
inode freed moments ago: ext4 without a journal (this machine's) skips, on every
file it creates, each inode freed in the last 5-10 seconds, and looks each one up.
A build started right after deleting 4,000 documents spent ~8 % of its CPU
scanning past them (perf), and `-j 2` more than `-j 1`: it is faster, so more of
it falls in those seconds, and its two workers scan the same inode group under
its lock.

The peak memory is measured in builds of their own, after the timed ones: sampling
it (psutil, every 50 ms) takes a few per cent of a core, which a `-j 2` build,
keeping both cores busy, would lose and the others would not.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from libraries import kam_project
from measure import command, interleave

from figures import JOBDOCS, Context, Figure, Ratio, Row, at_least, at_most

HASH_FLOOR = """\
import hashlib, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    hashlib.sha256(p.read_bytes()).hexdigest()
"""
PAIR = """\
import subprocess, sys
builds = [subprocess.Popen([sys.executable, "-m", "jobdocs", "build", "-q", "-f", "docx",
                            "-j", "1"], cwd=folder, stdout=subprocess.DEVNULL)
          for folder in sys.argv[1:]]
sys.exit(max(b.wait() for b in builds))
"""


class Aside:
    """Empty output folders by moving them into one folder, deleted at the end."""

    def __init__(self, trash: Path) -> None:
        self.trash, self.moved = trash, 0

    def clear(self, folder: Path) -> None:
        if folder.exists():
            self.trash.mkdir(exist_ok=True)
            self.moved += 1
            folder.rename(self.trash / str(self.moved))

    def delete(self) -> None:
        shutil.rmtree(self.trash, ignore_errors=True)


def measure(ctx: Context) -> Figure:
    aside = Aside(ctx.tmp / "aside")
    try:
        return _measure(ctx, aside)
    finally:
        aside.delete()


def _measure(ctx: Context, aside: Aside) -> Figure:
    n = ctx.size(4000)
    folder = kam_project(ctx.tmp / "big", n)
    out = folder / "documents"

    def clean() -> None:
        aside.clear(out)

    def build(jobs: int, where: Path = folder, memory: bool = False) -> object:
        return command([*JOBDOCS, "build", "-q", "-f", "docx", "-j", str(jobs)], where,
                       before=clean if where == folder else None, memory=memory)

    halves = [kam_project(ctx.tmp / f"half-{i}", n // 2) for i in (1, 2)]

    def clean_halves() -> None:
        for half in halves:
            aside.clear(half / "documents")

    pair = command([sys.executable, "-c", PAIR, *map(str, halves)], before=clean_halves)
    stats = interleave({"one": build(1), "two": build(2), "pair": pair}, ctx.runs)
    again = interleave({
        "again": command([*JOBDOCS, "build", "-q", "-f", "docx", "-j", "2"], folder),
        "floor": command([sys.executable, "-c", HASH_FLOOR, str(folder / "roles")], folder),
    }, ctx.runs)
    quarter = kam_project(ctx.tmp / "quarter", max(2, n // 4))
    peaks = interleave({"full": build(2, memory=True),
                        "quarter": build(2, quarter, memory=True)}, 1)
    small = peaks["quarter"]
    figure = Figure(f"`jobdocs build` of {n:,} DOCX",
                    f"{n:,} roles of 600 lines, Ромашка, Russian DOCX, from an empty output "
                    f"folder; median of {ctx.runs} interleaved runs, each a fresh process",
                    [Row("`-j 1`", stats["one"]), Row("`-j 2`", stats["two"]),
                     Row(f"two `-j 1` builds of {n // 2:,} roles at once", stats["pair"]),
                     Row(f"`-j 2`, {n:,} roles (memory)", peaks["full"]),
                     Row(f"`-j 2`, {n // 4:,} roles (memory)", small),
                     Row("`-j 2`, nothing changed", again["again"]),
                     Row("floor: read and hash every role file", again["floor"])])
    two = stats["two"]
    figure.ratios += [
        at_least("`-j 1` wall / `-j 2` wall", stats["one"].wall / two.wall, 1.8),
        at_most(f"`-j 2` wall, {n:,} documents (s)", two.wall, 40 * n / 4000, "s"),
        at_most(f"peak memory at {n:,} / at {n // 4:,} documents",
                peaks["full"].peak_mb / small.peak_mb,
                1.25),
        Ratio("nothing changed / hashing floor (wall)", again["again"].wall / again["floor"].wall),
        # What the wall ratio is made of: the cores each keeps busy (`-j 1` writes each
        # document on a thread while it builds the next), and what the same work costs
        # when both cores run at once.
        Ratio("cores busy with `-j 1` (CPU / wall)", stats["one"].cpu / stats["one"].wall),
        Ratio("cores busy with `-j 2` (CPU / wall)", two.cpu / two.wall),
        Ratio("`-j 2` CPU / `-j 1` CPU, the same documents", two.cpu / stats["one"].cpu),
        Ratio("the machine's ceiling: `-j 1` wall / two halves at once wall",
              stats["one"].wall / stats["pair"].wall),
    ]
    figure.notes.append(f"documents per second with `-j 2`: {n / two.wall:.0f}; CPU per "
                        f"document: {two.cpu / n * 1000:.1f} ms (`-j 1`: "
                        f"{stats['one'].cpu / n * 1000:.1f} ms)")
    return figure
