"""Compare two versions of a role: sides, word diff, one clause alignment, formats, redline.

    >>> from jobdocs.diff import diff_roles
    >>> changes = diff_roles(old_role, new_role)
"""

from __future__ import annotations

from .align import ClauseChange as ClauseChange
from .align import FieldChange as FieldChange
from .align import ItemChange as ItemChange
from .align import LangDiff as LangDiff
from .align import RoleDiff as RoleDiff
from .align import diff_documents as diff_documents
from .align import diff_roles as diff_roles
from .words import Segment as Segment
from .words import word_diff as word_diff

__all__ = ["ClauseChange", "FieldChange", "ItemChange", "LangDiff", "RoleDiff", "Segment",
           "diff_documents", "diff_roles", "word_diff"]
