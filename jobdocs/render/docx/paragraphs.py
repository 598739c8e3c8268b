"""Paragraphs and runs made straight in the document's XML, the way python-docx makes them.

python-docx looks a paragraph's style up by name on every call, scanning
every style of the document twice (the lookup, then the default style to
compare with): more than half of the time of a job description's ~160
paragraphs. Here each style's id is looked up once per document and the
elements are made with lxml; the XML is element for element what
`document.add_paragraph(style=...)` and `paragraph.add_run(text)` write, so
the bytes stay the same.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph

from .clauses import hang
from .marks import bookmark, rename

_P, _PPR, _PSTYLE, _R, _T, _TAB, _BR = (qn(f"w:{tag}") for tag in
                                        ("p", "pPr", "pStyle", "r", "t", "tab", "br"))
_STYLE, _NAME, _VAL, _TYPE, _ID, _DEFAULT = (qn(f"w:{tag}") for tag in
                                             ("style", "name", "val", "type", "styleId",
                                              "default"))
_SPACE = qn("xml:space")
_KEEP_NEXT = qn("w:keepNext")
_TRUE = ("1", "true", "on")
#: An element of python-docx's parser: what it makes has python-docx's element classes.
_MAKER = OxmlElement("w:body")


class Body:
    """Add paragraphs at the end of a document's body, with style ids looked up once."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.parent = document._body
        self.body = document.element.body
        self.end = self.body.sectPr
        self.ids: dict[str, str | None] = {}
        self.styles = document.styles.element  # the styles part's
        self._by_name, self._default = _index(self.styles)

    def style_id(self, name: str) -> str | None:
        """Return the id of the paragraph style `name` (None for the default style, which
        a paragraph names by naming none), as python-docx's `paragraph.style = name`."""
        if name not in self.ids:
            style = self._by_name.get(BabelFish.ui2internal(name))
            if style is None:
                raise KeyError(f"no style with name '{name}'")
            if style.get(_TYPE, "paragraph") != "paragraph":
                raise ValueError(f"style '{name}' is not a paragraph style")
            self.ids[name] = None if style is self._default else style.get(_ID)
        return self.ids[name]

    def any_style_id(self, name: str) -> str | None:
        """Return the id of the style `name` of any type (a table style, say), or None."""
        style = self._by_name.get(BabelFish.ui2internal(name))
        return None if style is None else style.get(_ID)

    def last_paragraph(self) -> Any | None:
        """Return the body's last paragraph element (of python-docx's `document.paragraphs`),
        or None."""
        for child in reversed(self.body):
            if child.tag == _P:
                return child
        return None

    def add(self, style: str, *parts: str, into: Any = None,
            mark: tuple[str, int] | None = None,
            hanging: tuple[float, float, float] | None = None) -> Paragraph:
        """Add a paragraph in `style` with a run for each non-empty part ("\\t": a tab), at
        the end of the body or, `into` a table cell, at the end of that cell; `mark` (a
        bookmark's name and id, `Marks.take`) wraps its content in a bookmark; `hanging`
        (at, indent, style tab) hangs it as `clauses.hang` does."""
        style_id = self.style_id(style)
        texts = [part for part in parts if part]
        shape = tuple(map(_run_shape, texts))
        if None in shape:  # a line break or a tab inside a text: built run by run
            p = _paragraph(style_id, texts)
            if mark:
                bookmark(p, *mark)
            if hanging:
                _hang(p, hanging, self.parent)
        else:  # most paragraphs: a copy of one made before (hung too), its texts filled in
            key = (style_id, shape, mark is not None, hanging)
            found = _SHAPES.get(key)
            if found is None:
                made = _paragraph(style_id, ["\t" if s == _TAB else "x" for s in shape])
                if mark:
                    bookmark(made, "x", 0)
                if hanging:
                    _hang(made, hanging, self.parent)
                found = _SHAPES[key] = made, int(len(made) > 0 and made[0].tag == _PPR)
                if len(_SHAPES) > 256:
                    _SHAPES.pop(next(iter(_SHAPES)))
            made, first = found  # first: after the properties, the mark, then the runs
            p = made.__copy__()  # (lxml copies the whole element)
            if mark:
                rename(p, *mark, first)
                first += 1
            for at, text in enumerate(texts, first):  # (by place: a search costs more)
                if text != "\t":
                    t = p[at][0]
                    t.text = text
                    if text[0].isspace() or text[-1].isspace():
                        t.set(_SPACE, "preserve")
        if into is not None:
            into.append(p)
        elif self.end is not None:
            self.end.addprevious(p)
        else:
            self.body.append(p)
        return Paragraph(p, self.parent)


def _index(styles: Any) -> tuple[dict[str, Any], Any]:
    """Return the styles of a styles part by name, and the default paragraph style: made
    once for the styles every document written on one page shares (and again when a
    style was added)."""
    key = (styles, len(styles))
    found = _INDEXES.get(key)
    if found is None:
        by_name: dict[str, Any] = {}
        defaults = []
        for style in styles.iterchildren(_STYLE):
            name = style.find(_NAME)
            if name is not None:
                by_name.setdefault(name.get(_VAL), style)
            if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in _TRUE:
                defaults.append(style)
        found = by_name, defaults[-1] if defaults else None
        if len(_INDEXES) >= 8:
            _INDEXES.pop(next(iter(_INDEXES)))
        _INDEXES[key] = found
    return found


_INDEXES: dict[tuple[Any, int], tuple[dict[str, Any], Any]] = {}


#: Paragraphs by (style id, the kinds of their runs, marked, hung), to copy, with the place
#: of their first child after the properties: a copy costs a quarter of making its
#: elements one by one, and a fifth of hanging it.
_SHAPES: dict[tuple[str | None, tuple[str | None, ...], bool, tuple[float, float, float] | None],
              tuple[Any, int]] = {}


def _hang(p: Any, hanging: tuple[float, float, float], parent: Any) -> None:
    hang(Paragraph(p, parent), *hanging)


def _run_shape(text: str) -> str | None:
    """Return the kind of run a text makes: a tab, a text, or None (breaks and tabs
    inside: more than one element)."""
    if text == "\t":
        return _TAB
    return None if "\t" in text or "\n" in text or "\r" in text else _T


def _paragraph(style_id: str | None, texts: list[str]) -> Any:
    """Make a paragraph element with the style of that id and a run for each text."""
    p = _MAKER.makeelement(_P, {})
    for text in texts:
        add_run(p, text)
    if style_id is not None:
        ppr = p.makeelement(_PPR, {})
        p.insert(0, ppr)
        ppr.append(ppr.makeelement(_PSTYLE, {_VAL: style_id}))
    return p


def add_run(p: Any, text: str) -> Any:
    """Append a run of `text` to a paragraph element: tabs become w:tab, line ends w:br,
    the rest w:t (keeping its spaces where it starts or ends with one)."""
    r = p.makeelement(_R, {})
    p.append(r)
    if not _LAYOUT.search(text):  # most runs: one w:t (or none)
        if text:
            _text(r, text)
        return r
    for piece in _LAYOUT.split(text):
        if piece in _BREAKS:
            r.append(r.makeelement(_BREAKS[piece], {}))
        elif piece:
            _text(r, piece)
    return r


_LAYOUT = re.compile(r"([\t\r\n])")
_BREAKS = {"\t": _TAB, "\r": _BR, "\n": _BR}


def _text(r: Any, text: str) -> None:
    t = r.makeelement(_T, {})
    t.text = text
    if text[0].isspace() or text[-1].isspace():
        t.set(_SPACE, "preserve")
    r.append(t)


def refill(cell: Any, text: str) -> None:
    """Put `text` in place of the text of a cell's paragraph of one run (a copied row's),
    as `Body.add` writes it: `text` is plain text of one line."""
    t = next(cell[-1].iter(_T))
    t.text = text
    if text[0].isspace() or text[-1].isspace():
        t.set(_SPACE, "preserve")
    else:
        t.attrib.pop(_SPACE, None)


def keep_next(p: Any) -> None:
    """Give a paragraph element w:keepNext, where the schema puts it (after w:pStyle), as
    python-docx's `paragraph_format.keep_with_next = True` does."""
    ppr = p.find(_PPR)
    if ppr is None:
        ppr = p.makeelement(_PPR, {})
        p.insert(0, ppr)
    found = ppr.find(_KEEP_NEXT)
    if found is not None:
        found.attrib.pop(_VAL, None)
        return
    element = ppr.makeelement(_KEEP_NEXT, {})
    if len(ppr) and ppr[0].tag == _PSTYLE:
        ppr[0].addnext(element)
    else:
        ppr.insert(0, element)
