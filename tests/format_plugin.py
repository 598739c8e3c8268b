"""An output format jobdocs does not ship, added in one place: one registry entry.

Importing this module registers `txt` (the title, then every clause's number and
text, one per line); test_formats.py shows every front end offers it.
"""

from __future__ import annotations

from jobdocs.formats import Format, register
from jobdocs.model import Document

FORMAT = Format("txt", __name__, "text/plain; charset=utf-8", text=True)


def render(doc: Document) -> str:
    """Return a document as plain lines."""
    lines = [doc.frame.heading.full_title]
    lines += [f"{clause.number} {clause.text}".strip() for clause in doc.all_clauses()]
    return "\n".join(lines) + "\n"


register(FORMAT)
