"""What a step of resolving answered for the last role it was asked about.

A role's documents, one per language (and law), are resolved one after the other
and ask the same of the role: which of its clauses hold, what they are numbered.
Each such step keeps its last answer here and gives it again to the next document
of the same role.
"""

from __future__ import annotations

from typing import Any

from ..model import Role


class LastAnswer:
    """One answer, kept with its question: the role (held, so while it is kept no other
    role can take its id) and the rest of what was asked."""

    __slots__ = ("_kept",)

    def __init__(self) -> None:
        self._kept: tuple[Role | None, Any, Any] = (None, None, None)

    def get(self, role: Role, asked: Any = None) -> Any:
        """Return the answer kept for `role` and `asked`, or None."""
        kept, question, answer = self._kept  # one read: a thread sees one whole answer
        return answer if kept is role and question == asked else None

    def keep(self, role: Role, answer: Any, asked: Any = None) -> None:
        """Keep `answer` for `role` and `asked`, in place of the last one."""
        self._kept = (role, asked, answer)  # one assignment: the old whole or the new
