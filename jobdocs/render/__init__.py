"""Write a Document in an output format, by the registry of formats (jobdocs.formats)."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..formats import FORMATS, Format

if TYPE_CHECKING:
    from ..model import Document


def output_format(fmt: str) -> Format:
    """Return the registered format `fmt`; raise UsageError naming the others."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})") from None


def render_document(doc: Document, fmt: str, reference_doc: Path | None = None) -> bytes:
    """Return a document as the bytes of one output format.

    `reference_doc` is a .docx whose styles, page and header/footer DOCX and
    PDF output take (default: the one jobdocs ships). A printed format (PDF)
    is printed from the format it comes from, in a LibreOffice run of its own:
    to print many, the production engine gathers them into one run.
    """
    spec = output_format(fmt)
    writer = import_module(spec.writer)
    if spec.printed_from:  # its module prints: from_docx(one), convert_each(many)
        source = render_document(doc, spec.printed_from, reference_doc)
        printed: bytes = writer.from_docx(source, f"{doc.role_id}.{doc.lang}")
        return printed
    if spec.text:
        text: str = writer.render(doc)
        return text.encode("utf-8")
    data: bytes = writer.render(doc, reference_doc)
    return data
