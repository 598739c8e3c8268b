"""Write a Document in an output format: one registry, one writer module per format."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..model import Document

#: Every output format, in the order the CLI offers them.
FORMATS = ("md", "docx", "pdf")


def render_document(doc: Document, fmt: str, reference_doc: Path | None = None) -> bytes:
    """Return a document as the bytes of one output format.

    `reference_doc` is a .docx whose styles, page and header/footer DOCX and
    PDF output take (default: the one jobdocs ships).
    """
    if fmt == "md":
        from . import markdown

        return markdown.render(doc).encode("utf-8")
    if fmt == "docx":
        from .docx import writer as docx

        return docx.render(doc, reference_doc)
    if fmt == "pdf":
        from . import pdf

        return pdf.render(doc, reference_doc)
    raise UsageError(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
