"""Write a Document in an output format: one registry, one writer module per format."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..errors import UsageError
from ..model import Document

#: Every output format and the module that writes it, with `render(doc, reference_doc)`
#: returning bytes; imported only when a format is asked for (python-docx is slow to load).
WRITERS = {
    "md": "jobdocs.render.markdown",
    "docx": "jobdocs.render.docx.writer",
    "pdf": "jobdocs.render.pdf",
}
#: The formats, in the order the CLI offers them.
FORMATS = tuple(WRITERS)


def render_document(doc: Document, fmt: str, reference_doc: Path | None = None) -> bytes:
    """Return a document as the bytes of one output format.

    `reference_doc` is a .docx whose styles, page and header/footer DOCX and
    PDF output take (default: the one jobdocs ships).
    """
    if fmt not in WRITERS:
        raise UsageError(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
    if fmt == "md":  # a text format: its writer returns str
        text: str = import_module(WRITERS[fmt]).render(doc)
        return text.encode("utf-8")
    data: bytes = import_module(WRITERS[fmt]).render(doc, reference_doc)
    return data
