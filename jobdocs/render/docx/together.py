"""Keep a run of paragraphs on one page, in a way Word and LibreOffice both honour.

A chain of keep-with-next paragraphs is what Word offers, but LibreOffice
splits a long chain wherever the page ends. A table row that may not break
across pages moves to the next page whole in both; so the signatures, visas
and acknowledgement stand in one borderless, full-width row without cell
margins (their tab stops fall where they would in the body), and the body's
last paragraph keeps with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn


def _element(parent: Any, tag: str, **attrs: str) -> Any:
    element = parent.makeelement(qn(f"w:{tag}"), {qn(f"w:{k}"): v for k, v in attrs.items()})
    parent.append(element)
    return element


def keep_on_one_page(paragraphs: Sequence[Any], width_cm: float) -> Any:
    """Move paragraph elements (consecutive, in the body) into one unbreakable table row
    `width_cm` wide, where the first of them stood; return the table element."""
    first = paragraphs[0]
    twips = str(round(width_cm / 2.54 * 1440))
    table = first.makeelement(qn("w:tbl"), {})
    properties = _element(table, "tblPr")
    _element(properties, "tblW", w=twips, type="dxa")
    _element(properties, "tblInd", w="0", type="dxa")
    borders = _element(properties, "tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _element(borders, edge, val="nil")
    _element(properties, "tblLayout", type="fixed")
    margins = _element(properties, "tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        _element(margins, edge, w="0", type="dxa")
    _element(_element(table, "tblGrid"), "gridCol", w=twips)
    row = _element(table, "tr")
    _element(_element(row, "trPr"), "cantSplit")
    cell = _element(row, "tc")
    _element(_element(cell, "tcPr"), "tcW", w=twips, type="dxa")
    first.addprevious(table)
    for paragraph in paragraphs:
        cell.append(paragraph)  # moves it
    return table
