"""Print DOCX as PDF: laid out by LibreOffice in headless mode (the `pdf` format is
printed from the `docx` one: jobdocs.formats).

LibreOffice is the one PDF engine: what it prints is what a lawyer who opens
the DOCX in LibreOffice sees, except that a heading or lead-in LibreOffice
leaves at the foot of a page is moved to the next one (render/keep.py). Many
documents go through one LibreOffice run (starting it costs more than
converting a document); a LibreOffice run uses one core, so with more cores and
enough documents they are shared out among as many runs at once (`runs`). Each
run gets a throw-away user profile, so parallel runs do not wait for or break
each other, and a time limit, so a stuck LibreOffice never hangs a build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import JobdocsError, MissingTool
from . import keep

#: Seconds one LibreOffice run may take: a start, plus time per document.
START_TIMEOUT = 120
PER_DOCUMENT = 10
#: The fewest documents a LibreOffice run is started for when several run at once: a
#: start costs about as much as converting ten documents, so a smaller share would
#: spend more on starting than running beside the others saves.
LEAST_PER_RUN = 8
INSTALL = ("PDF output needs LibreOffice: install it (Debian/Ubuntu: "
           "apt-get install libreoffice-writer-nogui; Windows, macOS: libreoffice.org), or "
           "name its soffice program in JOBDOCS_SOFFICE")
#: The environment variable that names LibreOffice's program wherever it is.
ENV = "JOBDOCS_SOFFICE"


def available() -> bool:
    """Whether LibreOffice is installed here (PDF can be printed)."""
    try:
        soffice()
    except MissingTool:
        return False
    return True


def soffice() -> str:
    """Return the path of LibreOffice's `soffice`: the one JOBDOCS_SOFFICE names, else
    the one on PATH, else where LibreOffice's installer puts it on Windows and macOS;
    or fail saying what to install."""
    named = os.environ.get(ENV, "").strip()
    if named:
        found = shutil.which(named)
        if found is None:
            raise MissingTool(f"{ENV}={named}: no such program; name LibreOffice's soffice "
                              "(soffice.exe on Windows), or unset it to look on PATH")
        return found
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for place in installed_places():
        if place.is_file():
            return str(place)
    raise MissingTool(INSTALL)


def installed_places(platform: str = sys.platform,
                     environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Return where LibreOffice's installers put `soffice` off PATH: Program Files on
    Windows, /Applications on macOS (Linux packages put it on PATH)."""
    if platform == "win32":
        roots = dict.fromkeys(environ.get(name, "") for name in
                              ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"))
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in roots if root]
    if platform == "darwin":
        app = Path("Applications") / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
        return [Path("/") / app, Path(environ.get("HOME", "~")).expanduser() / app]
    return []


def convert_each(sources: Sequence[Path], out_dir: Path,
                 timeout: float | None = None, jobs: int = 1) -> dict[Path, str]:
    """Convert .docx files to PDF: in one LibreOffice run, or shared out among up to
    `jobs` runs at once when there are enough documents (`runs`).

    Return, for each source, "" when `out_dir/<stem>.pdf` was written, else
    why not, in one line. Raise MissingTool when LibreOffice is not installed.
    """
    if not sources:
        return {}
    program = soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    shares = runs(sources, jobs)
    with tempfile.TemporaryDirectory(prefix="jobdocs-keep-") as work:
        def print_share(n: int) -> str:
            return keep.print_kept([Path(s) for s in shares[n]], out_dir,
                                   lambda docs, out: _run(program, docs, out, timeout),
                                   Path(work) / str(n))
        if len(shares) == 1:
            said = [print_share(0)]
        else:  # each share printed, checked and printed again beside the others
            with ThreadPoolExecutor(len(shares)) as pool:
                said = list(pool.map(print_share, range(len(shares))))
    why = {source: line for share, line in zip(shares, said, strict=True)
           for source in share}
    results = {}
    for source in sources:
        pdf = out_dir / f"{Path(source).stem}.pdf"
        if pdf.is_file() and pdf.stat().st_size > 0:
            results[source] = ""
        else:
            results[source] = "LibreOffice could not convert it to PDF" + (
                f": {why[source]}" if why[source] else "")
    return results


def runs(sources: Sequence[Path], jobs: int) -> list[list[Path]]:
    """Return `sources` shared out among the LibreOffice runs to start at once: up to
    `jobs`, each of at least LEAST_PER_RUN documents, dealt in turn (so that long and
    short documents mix)."""
    count = max(1, min(jobs, len(sources) // LEAST_PER_RUN))
    return [list(sources[n::count]) for n in range(count)]


def _run(program: str, sources: Sequence[Path], out_dir: Path,
         timeout: float | None = None) -> str:
    """Convert .docx files to PDF in one LibreOffice run; return the last line it said."""
    limit = timeout or START_TIMEOUT + PER_DOCUMENT * len(sources)
    said = ""
    with tempfile.TemporaryDirectory(prefix="jobdocs-soffice-",
                                     ignore_cleanup_errors=True) as profile:
        command = [program, f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
                   "--headless", "--norestore", "--nologo", "--convert-to", keep.PDF_FILTER,
                   "--outdir", str(out_dir), *map(str, sources)]
        try:
            with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) as run:
                try:
                    out, err = run.communicate(timeout=limit)
                    said = _last_line(err) or _last_line(out)
                except subprocess.TimeoutExpired:
                    run.kill()
                    run.communicate()
                    said = f"LibreOffice took longer than {limit:.0f} s and was stopped"
        except OSError as e:
            raise JobdocsError(f"{program}: cannot start LibreOffice: {e.strerror or e}") from e
    return said


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def convert(sources: Sequence[Path], out_dir: Path, jobs: int = 1) -> list[Path]:
    """Convert .docx files to PDF (`convert_each`); return the PDFs, in order."""
    results = convert_each(sources, out_dir, jobs=jobs)
    failed = [f"{source}: {why}" for source, why in results.items() if why]
    if failed:
        raise JobdocsError("; ".join(failed))
    return [out_dir / f"{Path(source).stem}.pdf" for source in sources]


def from_docx(data: bytes, stem: str = "document") -> bytes:
    """Return the PDF bytes LibreOffice prints from DOCX bytes."""
    with tempfile.TemporaryDirectory(prefix="jobdocs-pdf-") as tmp:
        source = Path(tmp) / f"{stem}.docx"
        source.write_bytes(data)
        [pdf] = convert([source], Path(tmp))
        return pdf.read_bytes()
