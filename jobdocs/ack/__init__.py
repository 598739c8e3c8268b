"""The acknowledgement register: who signed which version of their job description,
and who must sign again after a change.

    >>> from jobdocs.ack import Register, Versions, Due
    >>> register = Register.open("acknowledgements.db", organization="ООО «Ромашка»")
    >>> due = Due("staff.csv", Versions(library, org, register), register)
    >>> [s for s in due.states() if s.due]

Modules: `database` (SQLite or PostgreSQL), `schema` (tables and migrations),
`register` (reading and writing), `snapshot` (a version's role, kept to compare
with), `versions` (a version label or hash to its content), `sheet` and
`recording` (filled-in sheets), `due` (who must sign), `summary` (what changed),
`output` and `export` (text, JSON, CSV, XLSX), `sheets` (the copies to sign),
and `context` (what a command or page opens); the command is `jobdocs.cli.ack`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .due import Due as Due
    from .due import State as State
    from .register import Acknowledgement as Acknowledgement
    from .register import Register as Register
    from .versions import Versions as Versions
    from .versions import version_hash as version_hash

_WHERE = {"Due": "due", "State": "due", "Acknowledgement": "register", "Register": "register",
          "Versions": "versions", "version_hash": "versions"}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:  # the names load on first use: `jobdocs` starts fast
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
