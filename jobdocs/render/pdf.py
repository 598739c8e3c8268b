"""Write a Document as PDF: its DOCX, laid out by LibreOffice in headless mode.

LibreOffice is the one PDF engine: what it prints is what a lawyer who opens
the DOCX in LibreOffice sees. Each run gets a throw-away user profile, so
parallel runs do not wait for or break each other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import JobdocsError, MissingTool
from ..model import Document

#: Seconds one LibreOffice run may take before jobdocs gives up on it.
TIMEOUT = 300
INSTALL = ("PDF output needs LibreOffice: install it (Debian/Ubuntu: "
           "apt-get install libreoffice-writer-nogui) so that `soffice` is on PATH")


def soffice() -> str:
    """Return the path of LibreOffice's `soffice`, or fail saying what to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise MissingTool(INSTALL)
    return found


def convert(sources: Sequence[Path], out_dir: Path) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run; return the PDFs, in order."""
    program = soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jobdocs-soffice-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
                   "--headless", "--norestore", "--nologo", "--convert-to", "pdf",
                   "--outdir", str(out_dir), *map(str, sources)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                    stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired:
            raise JobdocsError(f"LibreOffice took longer than {TIMEOUT} s to convert "
                               f"{', '.join(map(str, sources))}") from None
    pdfs = [out_dir / f"{Path(source).stem}.pdf" for source in sources]
    failed = [str(source) for source, pdf in zip(sources, pdfs, strict=True)
              if not pdf.is_file() or pdf.stat().st_size == 0]
    if failed:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise JobdocsError(f"LibreOffice could not convert {', '.join(failed)} to PDF"
                           + (f": {said[-1]}" if said else ""))
    return pdfs


def render(doc: Document, reference_doc: Path | None = None) -> bytes:
    """Return the PDF bytes of a document, laid out from its DOCX by LibreOffice."""
    from .docx import writer as docx

    soffice()  # fail before any work when LibreOffice is missing
    data = docx.render(doc, reference_doc)
    with tempfile.TemporaryDirectory(prefix="jobdocs-pdf-") as tmp:
        source = Path(tmp) / f"{doc.role_id}.{doc.lang}.docx"
        source.write_bytes(data)
        [pdf] = convert([source], Path(tmp))
        return pdf.read_bytes()
