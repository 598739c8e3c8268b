"""PDF: `jobdocs build -f pdf` against one bare LibreOffice run over the same DOCX.

Twenty roles of the key account manager's shape; jobdocs builds their PDFs
from nothing (its own DOCX, then LibreOffice); the bare run is the one
LibreOffice command that converts the same twenty DOCX files, with a fresh
user profile as jobdocs uses (so that parallel runs never share one).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from libraries import kam_project
from measure import Run, Timing, command, interleave

from figures import JOBDOCS, Context, Figure, Row, at_most


def bare(docx: list[Path], out: Path) -> Run:
    """Return a run of LibreOffice alone over `docx`, as a person would type it."""
    program = shutil.which("soffice") or "soffice"

    def run() -> Timing:
        shutil.rmtree(out, ignore_errors=True)
        with tempfile.TemporaryDirectory(prefix="bench-soffice-") as profile:
            return command([program, f"-env:UserInstallation={Path(profile).as_uri()}",
                            "--headless", "--norestore", "--nologo", "--convert-to", "pdf",
                            "--outdir", str(out), *map(str, docx)])()
    return run


def measure(ctx: Context) -> Figure:
    n = 20
    source = kam_project(ctx.tmp / "pdf-docx", n)
    command([*JOBDOCS, "build", "-q", "-f", "docx"], source)()
    docx = sorted((source / "documents").glob("*.docx"))
    folder = kam_project(ctx.tmp / "pdf", n)
    build = command([*JOBDOCS, "build", "-q", "-f", "pdf"], folder,
                    before=lambda: shutil.rmtree(folder / "documents", ignore_errors=True))
    stats = interleave({"jobdocs": build, "bare": bare(docx, ctx.tmp / "bare-pdf")},
                       ctx.runs, warmup=1)
    figure = Figure(f"{n} PDFs", f"{n} roles, Russian, from nothing; median of {ctx.runs} "
                    "interleaved runs",
                    [Row("`jobdocs build -f pdf`", stats["jobdocs"]),
                     Row("one bare LibreOffice run over the same DOCX", stats["bare"])])
    figure.ratios.append(at_most("`build -f pdf` wall / bare LibreOffice wall",
                                 stats["jobdocs"].wall / stats["bare"].wall, 1.1))
    return figure
