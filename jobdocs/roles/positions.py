"""Find a position inside a YAML string again, when a problem is reported there."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import InvalidInput
from ..model import Mark
from .loader import _Parser, _position, _Scalar, read_text


def locate(mark: Mark, pattern: re.Pattern[str]) -> Mark | None:
    """Return where `pattern` first matches inside the scalar that starts at `mark`.

    The position of its first group if it has one, else of the whole match;
    None when the file or the scalar is gone. Used only when reporting a
    problem, so that a name inside a multi-line string is pointed at exactly.
    """
    try:
        text, spans = _scalar_spans(mark.path, Path(mark.path).stat().st_mtime_ns)
    except (OSError, InvalidInput, yaml.YAMLError):
        return None
    span = spans.get((mark.line, mark.column))
    if span is None:
        return None
    found = pattern.search(text, *span)
    if found is None:
        return None
    # Count from the scalar's own start, not the file's: a file with thousands of
    # findings must not be read once per finding.
    offset = found.start(1 if pattern.groups else 0)
    inside = text[span[0]:offset]
    line, column = _position(inside, len(inside))
    if line == 1:
        return Mark(mark.path, mark.line, mark.column + column - 1)
    return Mark(mark.path, mark.line + line - 1, column)


@lru_cache(maxsize=8)
def _scalar_spans(path: str, mtime_ns: int) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    text = read_text(path)
    spans = {}
    parser = _Parser(text)
    try:
        while (event := parser.get_event()) is not None:
            if event.__class__ is _Scalar:
                m: Any = event.start_mark  # a scalar event always has both marks
                end: Any = event.end_mark
                spans[m.line + 1, m.column + 1] = (m.index, end.index)
    finally:
        parser.dispose()
    return text, spans
