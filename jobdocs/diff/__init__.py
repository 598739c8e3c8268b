"""Compare two versions of a role: sides, word diff, one clause alignment, formats, redline.

    >>> from jobdocs.diff import diff_roles
    >>> changes = diff_roles(old_role, new_role)

The names load on first use, so that `jobdocs` starts without the resolver.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .align import diff_documents as diff_documents
    from .align import diff_roles as diff_roles
    from .changes import ClauseChange as ClauseChange
    from .changes import FieldChange as FieldChange
    from .changes import ItemChange as ItemChange
    from .changes import LangDiff as LangDiff
    from .changes import RoleDiff as RoleDiff
    from .changes import Row as Row
    from .changes import SectionRows as SectionRows
    from .words import Segment as Segment
    from .words import word_diff as word_diff

_WHERE = {"ClauseChange": "changes", "FieldChange": "changes", "ItemChange": "changes",
          "LangDiff": "changes", "RoleDiff": "changes", "Row": "changes",
          "SectionRows": "changes", "Segment": "words", "diff_documents": "align",
          "diff_roles": "align", "word_diff": "words"}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
