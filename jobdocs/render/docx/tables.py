"""Tables where a table is the right tool: signature rows, header fields, the sheet.

Every width is a share of the text area (OOXML's `pct` widths), so a table
follows the page and its margins: a legal assistant who sets a 30 mm margin
in Word, or a company's Letter-sized letterhead, gets a table that still
ends at the right margin. The grid is given in twips too (LibreOffice lays a
fixed table out by it when it opens a document), computed from the section
the table is written into.

Headings and clauses never stand in a table: they are body paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: OOXML counts a `pct` width in fiftieths of a percent: 5000 is the whole text width.
WHOLE = 5000
_TWIPS_PER_CM = 1440 / 2.54
_TC = qn("w:tc")
#: An element of python-docx's parser: what it makes has python-docx's element classes.
_MAKER = OxmlElement("w:tbl")


@lru_cache(maxsize=64)  # tag and attribute names: a few dozen
def _w(name: str) -> str:
    return qn(f"w:{name}")


def _element(parent: Any, tag: str, **attrs: str) -> Any:
    element = parent.makeelement(_w(tag), {_w(k): v for k, v in attrs.items()})
    parent.append(element)
    return element


def _pct(share: float) -> str:
    return str(round(share * WHOLE))


#: Tables and rows made once, by what they are made of: a copy costs a fraction of making
#: their elements one by one (the acknowledgement sheet alone has hundreds).
_MADE: dict[tuple[Any, ...], Any] = {}
_KEPT = 256


def _copy(key: tuple[Any, ...], make: Callable[..., Any]) -> Any:
    made = _MADE.get(key)
    if made is None:
        if len(_MADE) >= _KEPT:
            _MADE.pop(next(iter(_MADE)))
        made = _MADE[key] = make(*key)
    return made.__copy__()  # (lxml copies the whole element)


class Table:
    """A table being written: its element and its columns' shares of the text width."""

    def __init__(self, before: Any, shares: Sequence[float], text_width_cm: float, *,
                 share: float = 1.0, align: str = "left", borders: bool = False,
                 style_id: str | None = None, gap: float = 0.2, row_space: float = 0) -> None:
        """Insert an empty table before the element `before`.

        `shares` are the columns' parts of the table (they add up to 1), `share`
        the table's part of the text width; `align` places a narrower table (left,
        right, center). Without `borders` the table draws nothing. `gap` (cm) is
        the room between the texts of two cells, `row_space` (pt) the room above
        each row's text.
        """
        self.shares = list(shares)  # of the table: a cell's pct width is a part of the table's
        key = (tuple(self.shares), text_width_cm, share, align, borders, style_id, gap,
               row_space)
        self.element = _copy(key, _table)
        before.addprevious(self.element)

    def row(self, *, header: bool = False, height_cm: float | None = None,
            spans: Sequence[int] | None = None, valign: Sequence[str] | None = None
            ) -> list[Any]:
        """Append a row that never breaks across pages; return its cells (w:tc elements),
        empty: write at least one paragraph into each, as OOXML requires.

        `spans` merges columns (one number per cell: how many grid columns it covers);
        `valign` places each cell's text (top, center, bottom). A `header` row repeats
        at the top of every page the table runs onto.
        """
        tr = _copy((tuple(self.shares), header, height_cm, tuple(spans or ()),
                    tuple(valign or ())), _row)
        self.element.append(tr)
        return list(tr.iterchildren(_TC))

    def repeat(self) -> list[Any]:
        """Append a copy of the last row, with what its cells hold; return its cells."""
        tr = self.element[-1].__copy__()  # (lxml copies the whole element)
        self.element.append(tr)
        return list(tr.iterchildren(_TC))


def _table(shares: tuple[float, ...], text_width_cm: float, share: float, align: str,
           borders: bool, style_id: str | None, gap: float, row_space: float) -> Any:
    """Make an empty table element (see `Table`)."""
    tbl = _MAKER.makeelement(qn("w:tbl"), {})
    properties = _element(tbl, "tblPr")
    if style_id:
        _element(properties, "tblStyle", val=style_id)
    _element(properties, "tblW", w=_pct(share), type="pct")
    if align != "left":
        _element(properties, "jc", val=align)
    if not borders:
        edges = _element(properties, "tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            _element(edges, edge, val="nil")
    _element(properties, "tblLayout", type="fixed")
    margins = _element(properties, "tblCellMar")
    side, top = str(round(gap / 2 * _TWIPS_PER_CM)), str(round(row_space * 20))
    for edge, width in (("top", top), ("left", side), ("bottom", "0"), ("right", side)):
        _element(margins, edge, w=width, type="dxa")
    _element(properties, "tblLook", val="0000", firstRow="0", lastRow="0",
             firstColumn="0", lastColumn="0", noHBand="1", noVBand="1")
    grid = _element(tbl, "tblGrid")
    total = text_width_cm * share * _TWIPS_PER_CM
    for column in shares:
        _element(grid, "gridCol", w=str(round(total * column)))
    return tbl


def _row(shares: tuple[float, ...], header: bool, height_cm: float | None,
         spans: tuple[int, ...], valign: tuple[str, ...]) -> Any:
    """Make a row element of empty cells (see `Table.row`)."""
    spans = spans or (1,) * len(shares)
    tr = _MAKER.makeelement(_w("tr"), {})
    properties = _element(tr, "trPr")
    _element(properties, "cantSplit")
    if height_cm is not None:
        _element(properties, "trHeight", val=str(round(height_cm * _TWIPS_PER_CM)),
                 hRule="atLeast")
    if header:
        _element(properties, "tblHeader")
    column = 0
    for n, span in enumerate(spans):
        tc = _element(tr, "tc")
        tc_pr = _element(tc, "tcPr")
        _element(tc_pr, "tcW", w=_pct(sum(shares[column:column + span])), type="pct")
        if span > 1:
            _element(tc_pr, "gridSpan", val=str(span))
        if valign and valign[n] != "top":
            _element(tc_pr, "vAlign", val=valign[n])
        column += span
    return tr
