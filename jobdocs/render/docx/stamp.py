"""Copies of XML made once by python-docx, to copy again for the same key."""

from __future__ import annotations

from copy import deepcopy
from typing import Any


class Stamp:
    """Copies of XML made once by python-docx: for the same key, the same element.

    Setting a paragraph's indents and tab stops, or building the acknowledgement
    table, through python-docx costs far more than copying the result; a library
    of documents asks for the same few again and again.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.made: dict[Any, Any] = {}

    def get(self, key: Any) -> Any | None:
        found = self.made.get(key)
        return None if found is None else deepcopy(found)

    def keep(self, key: Any, element: Any) -> None:
        if len(self.made) >= self.size:
            self.made.pop(next(iter(self.made)))
        self.made[key] = deepcopy(element)
