"""The Word round trip: a reviewed job description back into its role's YAML.

    >>> from jobdocs.roundtrip import import_into
    >>> result = import_into("roles/kam.yaml", Path("kam.ru.reviewed.docx"), library=Library())

The stages, one module each (`into` runs them): `wordml` reads the document
(`edited`) with its tracked changes, marks and comments; `regions` finds the
clauses and the frame around them; `placing` tells which clause each paragraph
is and where it stands (`kinds`: what its number and style say); `changes`
plans the edits, `untemplate` giving each changed text back its template;
`writeback` (and `derived`) write them with the round-trip YAML editor;
`verify` checks the result before it is written;
`review` puts comments and tracked changes at their clauses; `report` says it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RoundTrip", "import_into"]


def __getattr__(name: str) -> Any:
    if name in __all__:  # loaded on first use: `jobdocs --help` needs none of it
        from . import into

        return getattr(into, name)
    raise AttributeError(name)
