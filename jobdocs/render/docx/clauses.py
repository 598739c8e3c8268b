"""Where a clause's text starts: the hanging indent that fits its number or its bullet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm
from lxml import etree

from ...model import DocClause
from . import styles as s
from .stamp import Stamp

#: What python-docx made once, copied for the next document that asks the same.
_INDENTS = Stamp(256)


def number_indents(document: Any, clauses: Sequence[DocClause]) -> dict[int, float]:
    """Return the hanging indent of each level, fitting the longest number of that level
    among `clauses` (2.10.12 and 2.9.1 put their text at one place)."""
    numbers: dict[int, list[str]] = {}
    for clause in clauses:
        numbers.setdefault(clause.level, []).append(f"{clause.number}.")
    size = _clause_size(document)
    return {level: s.number_indent(found, size) for level, found in numbers.items()}


def _clause_size(document: Any) -> float:
    """Return the font size of a clause: looked up once for the styles every document
    written on one page shares (python-docx's lookup by name scans every style)."""
    styles = document.styles.element
    key = (styles, len(styles))
    size = _SIZES.get(key)
    if size is None:
        if len(_SIZES) >= 8:
            _SIZES.pop(next(iter(_SIZES)))
        size = _SIZES[key] = s.font_size(document, s.CLAUSE)
    return size


_SIZES: dict[tuple[Any, int], float] = {}


def hang(paragraph: Any, at: float, indent: float, style_tab: float) -> None:
    """Hang a paragraph's mark at `at` cm and its text `indent` cm further, where that
    differs from its style, whose tab stop (at `style_tab` cm) is then cleared: a short
    number must not stop at it while a long one goes past."""
    if at + indent == style_tab:
        return
    ppr = paragraph._p.pPr
    key = (None if ppr is None else etree.tostring(ppr), at, indent, style_tab)
    made = _INDENTS.get(key)
    if made is not None:
        if ppr is not None:
            paragraph._p.remove(ppr)
        paragraph._p.insert(0, made)
        return
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(at + indent)
    fmt.first_line_indent = Cm(-indent)
    fmt.tab_stops.add_tab_stop(Cm(style_tab), WD_TAB_ALIGNMENT.CLEAR)
    if indent:
        fmt.tab_stops.add_tab_stop(Cm(at + indent))
    _INDENTS.keep(key, paragraph._p.pPr)
