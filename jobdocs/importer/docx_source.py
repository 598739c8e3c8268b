"""Read a Word document into lines, with Word's own list numbering spelt out.

The package is opened through the one door (jobdocs.intake): zip limits, safe
XML, and its images never unpacked. Every paragraph of the body is read, in
tables (nested ones too) and content controls; what cannot be imported (an
embedded document, a text box) is a note with its place, never dropped
without a word. Styles are looked up in a table made once, not by scanning the
styles part for every paragraph.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..intake import DOCUMENT
from ..intake.word import HEADINGS, OUTLINE, open_package, word_int
from .docx_numbering import Numbering, num_pr, w
from .lines import OLE, BadInput, Line, clean

#: (paragraph number, what could not be imported there)
Note = tuple[int, str]


def read_docx(path: Path, data: bytes) -> tuple[list[Line], list[Note]]:
    """Return the paragraphs of the body (wide tables row by row), numbered as Word shows
    them, and a note for each thing the import leaves out."""
    if data[:8] == OLE:
        raise BadInput(f"{path}: the document is password-protected or an old .doc file; "
                       "remove the password (or save it as .docx) in Word and import again")
    package = open_package(data, path, DOCUMENT, text_only=True)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(package.to_bytes(compress=False)))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise BadInput(f"{path}: not a Word document, or a damaged one ({e}); open and "
                       "save it again in Word") from None
    except Exception as e:  # python-docx has no one error for a part it cannot read
        raise BadInput(f"{path}: the Word document is damaged ({type(e).__name__}); open and "
                       "save it again in Word") from None
    try:
        numbering = Numbering(document.part.numbering_part.element)
    except (KeyError, NotImplementedError, AttributeError):
        numbering = Numbering(None)
    reader = _Reader(numbering, Styles(document))
    for n, block in enumerate(_blocks(document.element.body), start=1):
        reader.block(block, n)
    return reader.lines, reader.notes


class Styles:
    """Every style by id, read once (python-docx's `Paragraph.style` searches styles.xml
    with XPath each time: 20,000 styles took 23 s). As python-docx answers: the first
    style with the id; the default paragraph style when it is missing or of another
    type. Each with the list it numbers with."""

    def __init__(self, document: Any) -> None:
        from docx.styles import BabelFish

        root = document.styles.element
        self.names: dict[str, str | None] = {}
        self.numbers: dict[str, tuple[str, int]] = {}
        self.default = ""
        for style in root.iterchildren(w("style")):
            sid = str(style.get(w("styleId")) or "")
            if sid in self.names:
                continue
            paragraph = style.get(w("type")) in (None, "paragraph")
            element = style.find(w("name"))
            name = BabelFish.internal2ui(str(element.get(w("val")))) if element is not None \
                else ""
            self.names[sid] = name if paragraph else None
            found = num_pr(style.find(w("pPr")))
            if found and paragraph:
                self.numbers[name] = found
            if paragraph and style.get(w("default")) in ("1", "true", "on") and not self.default:
                self.default = name

    def name(self, paragraph: Any) -> str:
        """Return the name of a paragraph's style ("" when the document has none)."""
        p = getattr(paragraph, "_p", paragraph)  # python-docx's Paragraph, or its element
        ppr = p.find(w("pPr"))
        ref = ppr.find(w("pStyle")) if ppr is not None else None
        found = self.names.get(str(ref.get(w("val")))) if ref is not None else None
        return found or self.default


class _Reader:
    def __init__(self, numbering: Numbering, styles: Styles) -> None:
        self.numbering, self.styles = numbering, styles
        self.lines: list[Line] = []
        self.notes: list[Note] = []

    def block(self, block: Any, n: int) -> None:
        if isinstance(block, str):
            self.notes.append((n, block))
        elif isinstance(block, _Joined):  # a row of signature cells: one printed line
            text = "\t".join(self.text(p, n) for p in block.paragraphs)
            self.lines += self.paragraph(block.paragraphs[0], n, text)
        elif isinstance(block, list):  # a wide table (the acknowledgement sheet): a row a line
            for row in block:
                cells = [clean(" ".join(self.text(p, n) for p in _paragraphs(c))) for c in row]
                text = " | ".join(c for c in cells if c)
                if text and not all(c.isdigit() for c in text.replace(" | ", "")):
                    self.lines.append(Line(text, n, style="table"))
        else:
            self.lines += self.paragraph(block, n)

    def paragraph(self, p: Any, n: int, text: str | None = None) -> list[Line]:
        style = self.styles.name(p)
        found = num_pr(p.find(w("pPr"))) or self.styles.numbers.get(style)
        label, bullet = self.numbering.label(found)
        text = self.text(p, n) if text is None else text
        if bullet:
            return [Line(clean(text), n, bullet=bullet, style=style)]
        heading = _heading_level(style, p)
        if label:
            return [Line(f"{label} {clean(text)}", n, style=style, heading=heading)]
        # A line break inside a paragraph (Shift+Enter) separates lines of a block
        # such as «УТВЕРЖДАЮ / Генеральный директор / ...»: each is a line of its own.
        return [Line(clean(part), n, heading=heading, style=style) for part in text.split("\n")]

    def text(self, p: Any, n: int) -> str:
        """Return a paragraph's text as Word shows it with tracked changes accepted.

        python-docx's `Paragraph.text` leaves out runs inside <w:ins> (an inserted,
        not yet accepted change): their words would be lost. Deleted text and field
        codes are left out; a text box's text is a note."""
        out: list[str] = []

        def walk(element: Any) -> None:
            for child in element.iterchildren():
                tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
                if tag in _SKIP:
                    continue
                if tag == "txbxContent":
                    boxed = clean(" ".join(t.text or "" for t in child.iter(w("t"))))
                    if boxed:
                        self.notes.append((n, f"the text box «{_short(boxed)}» is not "
                                              "imported; move its text into the document"))
                elif tag == "t":
                    out.append(child.text or "")
                elif tag == "tab":
                    out.append("\t")
                elif tag in ("br", "cr"):
                    out.append("\n")
                elif tag == "noBreakHyphen":
                    out.append("-")
                else:
                    walk(child)

        walk(p)
        return "".join(out)


_SKIP = {"del", "moveFrom", "instrText", "delText", "fallback", "Fallback"}


def _blocks(body: Any) -> list[Any]:
    """Return the body's paragraphs and wide tables (as lists of rows of cells) in order,
    content controls opened, and a note (a str) for an embedded document.

    A table of one or two columns, or one that draws no lines, is a layout device
    (the approval block at the right, signature rows): its paragraphs count as the
    body's, row by row.
    """
    out: list[Any] = []
    for child in _content(body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(child)
        elif tag == "tbl":
            rows = [_cells(tr) for tr in child.iterchildren(w("tr"))]
            wide = max((len(r) for r in rows), default=0) > 2
            if wide and not _unruled(child):
                out.append(rows)
            elif wide:  # signature rows: a line of each cell's n-th paragraph, as printed
                for row in rows:
                    cells = [list(_paragraphs(c)) for c in row]
                    out += [_Joined([c[n] for c in cells if n < len(c)])
                            for n in range(max((len(c) for c in cells), default=0))]
            else:
                out += [p for row in rows for cell in row for p in _paragraphs(cell)]
        elif tag == "altChunk":
            out.append("an embedded document (altChunk) is not imported; open the document "
                       "in Word, save it again (Word merges it in) and import that")
    return out


class _Joined:
    """Paragraphs side by side in a row of cells, read as one printed line."""

    def __init__(self, paragraphs: list[Any]) -> None:
        self.paragraphs = paragraphs


def _unruled(tbl: Any) -> bool:
    """Whether a table draws no lines: no table style, every border off."""
    properties = tbl.find(w("tblPr"))
    if properties is None or properties.find(w("tblStyle")) is not None:
        return False
    borders = properties.find(w("tblBorders"))
    return borders is not None and len(borders) > 0 and all(
        edge.get(w("val")) in ("nil", "none") for edge in borders)


def _content(element: Any) -> Iterator[Any]:
    """Yield the block-level children of `element`, content controls and custom XML opened."""
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "sdt":
            for content in child.iterchildren(w("sdtContent")):
                yield from _content(content)
        elif tag in ("customXml", "ins", "moveTo"):
            yield from _content(child)
        elif tag:
            yield child


def _cells(tr: Any) -> list[Any]:
    """Return a row's cells (a cell merged across columns once)."""
    out = []
    for child in _content(tr):
        if child.tag == w("tc"):
            out.append(child)
    return out


def _paragraphs(cell: Any) -> Iterator[Any]:
    """Yield every paragraph of a table cell in order, nested tables' ones too."""
    for child in _content(cell):
        if child.tag == w("p"):
            yield child
        elif child.tag == w("tbl"):
            for tr in child.iterchildren(w("tr")):
                for tc in _cells(tr):
                    yield from _paragraphs(tc)


def _heading_level(style: str, p: Any) -> int:
    if style == "Title":
        return 1
    if style.startswith("Heading "):
        return word_int(style[8:], HEADINGS, 0) if style[8:].isdigit() else 0
    ppr = p.find(w("pPr"))
    outline = ppr.find(w("outlineLvl")) if ppr is not None else None
    if outline is not None:
        level = word_int(outline.get(w("val")), OUTLINE, OUTLINE[1])
        return level + 1 if level < OUTLINE[1] else 0  # 9: body text
    return 0


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
