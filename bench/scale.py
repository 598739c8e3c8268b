"""`jobdocs build` on a synthetic library: documents per second, peak memory, no-change rebuild.

    python bench/scale.py [--roles 4000] [--pdfs 20] [--jobs N]

Writes N roles shaped like the key account manager (its 600 lines, every
role a different id, title and wording, so no cache serves one from
another) into a project with the Ромашка profile (numbers from a register),
then times, each as a fresh `jobdocs build` process:

1. the Russian DOCX of every role, from nothing;
2. the same build again, with nothing changed;
3. the Russian Markdown of every role, from nothing;
4. the PDFs of the first `--pdfs` roles (one LibreOffice run);

and `jobdocs --help` (CPU seconds, best of 10). Peak memory is the largest
sum of the resident memory of the build and its worker processes, sampled
every 50 ms (psutil).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).parent.parent
KAM = ROOT / "roles" / "key-account-manager.yaml"
JOBDOCS = [sys.executable, "-m", "jobdocs"]


def library(folder: Path, count: int) -> None:
    """Write `count` roles, each the key account manager with its own id and words."""
    text = KAM.read_text(encoding="utf-8")
    folder.mkdir(parents=True)
    for n in range(1, count + 1):
        role = text.replace("id: key-account-manager", f"id: role-{n:04d}", 1)
        role = role.replace("en: Key Account Manager", f"en: Key Account Manager {n}", 1)
        role = re.sub(r"(ключевыми клиентами)(\n)", rf"\1 {n}\2", role)
        role = role.replace("experience_years: 2", f"experience_years: {1 + n % 5}", 1)
        (folder / f"role-{n:04d}.yaml").write_text(role, encoding="utf-8")


def project(folder: Path, count: int) -> Path:
    """Write a project of `count` roles for Ромашка, in Russian; return its folder."""
    library(folder / "roles", count)
    (folder / "org").mkdir()
    shutil.copy(ROOT / "examples" / "romashka" / "organization.yaml", folder / "org")
    (folder / "jobdocs.yaml").write_text(
        "format: 1\norganization: org/organization.yaml\nlanguages: [ru]\n"
        "output: documents\n", encoding="utf-8")
    return folder


def timed_build(folder: Path, *args: str) -> tuple[float, float, float]:
    """Run `jobdocs build`; return wall seconds, CPU seconds (the build and its
    workers) and peak MB of the process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    process = psutil.Popen([*JOBDOCS, "build", *args], cwd=folder, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
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
    _, err = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - began
    if process.returncode != 0:
        sys.exit(f"jobdocs build {' '.join(args)} failed:\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu, peak / 2**20


def help_cpu(runs: int = 10) -> float:
    """Return the best CPU seconds of `jobdocs --help` over `runs` runs."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([*JOBDOCS, "--help"], capture_output=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=4000)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    jobs = ["-j", str(args.jobs), "-q"]
    print(f"{args.roles} roles, {args.jobs} worker processes, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="jobdocs-scale-") as tmp:
        folder = project(Path(tmp) / "big", args.roles)
        for label, extra in (("DOCX, from nothing", ["-f", "docx"]),
                             ("DOCX, nothing changed", ["-f", "docx"]),
                             ("Markdown, from nothing", ["-f", "md"])):
            seconds, cpu, peak = timed_build(folder, *jobs, *extra)
            print(f"  {label:<24} {seconds:7.1f} s  {args.roles / seconds:7.0f} documents/s"
                  f"  CPU {cpu:6.1f} s  peak {peak:5.0f} MB")
        if args.pdfs and shutil.which("soffice"):
            small = project(Path(tmp) / "small", args.pdfs)
            seconds, cpu, peak = timed_build(small, *jobs, "-f", "pdf")
            print(f"  {f'{args.pdfs} PDFs':<24} {seconds:7.1f} s  {args.pdfs / seconds:7.1f} "
                  f"documents/s  CPU {cpu:6.1f} s  peak {peak:5.0f} MB")
    cpu = help_cpu()
    print(f"  jobdocs --help           {cpu:7.3f} s CPU (best of 10)")


if __name__ == "__main__":
    main()
