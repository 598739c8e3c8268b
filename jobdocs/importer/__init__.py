"""`jobdocs import`: read existing job descriptions (DOCX, Markdown, text) into role files.

    >>> from jobdocs.importer import import_document
    >>> result = import_document(Path("kam.docx"), translation=Path("kam.en.docx"))
    >>> print(result.role_yaml)

The stages, one module each (`document` runs them): `source` and `docx_source` read lines,
`structure` finds sections and clauses (`frame` the blocks around them),
`refs` the cross-references, `pair` aligns a translation, `ids` names the
clauses, `title` gives the title's cases, `yaml_out` writes the files, and
`report` says what could not be placed.
"""

from __future__ import annotations

from typing import Any

__all__ = ["BadInput", "Imported", "import_document"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so that `jobdocs --help` does not load python-docx and friends.
    if name in ("Imported", "import_document"):
        from . import document

        return getattr(document, name)
    if name == "BadInput":
        from .lines import BadInput

        return BadInput
    raise AttributeError(name)
