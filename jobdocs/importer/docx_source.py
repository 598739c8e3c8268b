"""Read a Word document into lines, with Word's own list numbering spelt out.

A paragraph in a numbered list carries no number in its text: Word computes
it from the paragraph's list (numPr: numId, ilvl) and the list's abstract
definition (numFmt, lvlText "%1.%2.", start). We compute it the same way, so
"1.6.1." reads the same whether it was typed or numbered by Word.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .source import _OLE, BadInput, Line, clean


def read_docx(path: Path, data: bytes) -> list[Line]:
    """Return the paragraphs of the body (tables row by row), numbered as Word shows them."""
    if data[:8] == _OLE:
        raise BadInput(f"{path}: the document is password-protected or an old .doc file; "
                       "remove the password (or save it as .docx) in Word and import again")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadInput(f"{path}: not a DOCX file (it is not a ZIP package); save it as .docx")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise BadInput(f"{path}: not a Word document, or a damaged one ({e}); open and "
                       "save it again in Word") from None
    except Exception as e:  # lxml's XMLSyntaxError and friends: a corrupt part
        raise BadInput(f"{path}: the Word document is damaged ({type(e).__name__}); open and "
                       "save it again in Word") from None
    numbering = _Numbering(document)
    styles = Styles(document)
    lines: list[Line] = []
    for n, block in enumerate(_blocks(document), start=1):
        if isinstance(block, list):  # a wide table (the acknowledgement sheet): a line a row
            for row in block:
                cells = [clean(" ".join(_text(p) for p in c.paragraphs)) for c in row]
                text = " | ".join(c for c in cells if c)
                if text and not all(c.isdigit() for c in text.replace(" | ", "")):
                    lines.append(Line(text, n, style="table"))
        else:
            lines += _paragraph(block, n, numbering, styles.name(block))
    return lines


class Styles:
    """The name of a paragraph's style, looked up by its id in a table made once per
    document: python-docx's `Paragraph.style` searches styles.xml with XPath each time
    (four times a paragraph, half of reading a document). Same answer: the first style
    with the id, the default paragraph style when it is missing or of another type."""

    def __init__(self, document: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        paragraph = WD_STYLE_TYPE.PARAGRAPH
        self.names: dict[str, str | None] = {}
        for style in document.styles:
            self.names.setdefault(style.style_id, style.name if style.type == paragraph
                                  else None)
        default = document.styles.default(paragraph)
        self.default = (default.name or "") if default is not None else ""

    def name(self, paragraph: Any) -> str:
        """Return the name of the paragraph's style ("" when the document has none)."""
        found = self.names.get(paragraph._p.style) if paragraph._p.style is not None else None
        return found or self.default


def _paragraph(paragraph: Any, n: int, numbering: _Numbering, style: str) -> list[Line]:
    label, bullet = numbering.label(paragraph, style)
    if bullet:
        return [Line(clean(_text(paragraph)), n, bullet=bullet, style=style)]
    if label:
        return [Line(f"{label} {clean(_text(paragraph))}", n, style=style,
                     heading=_heading_level(style, paragraph))]
    # A line break inside a paragraph (Shift+Enter) separates lines of a block
    # such as «УТВЕРЖДАЮ / Генеральный директор / ...»: each is a line of its own.
    return [Line(clean(part), n, heading=_heading_level(style, paragraph), style=style)
            for part in _text(paragraph).split("\n")]


_SKIP = {"del", "moveFrom", "txbxContent", "instrText", "delText"}


def _text(paragraph: Any) -> str:
    """Return a paragraph's text as Word shows it with tracked changes accepted.

    python-docx's `Paragraph.text` leaves out runs inside <w:ins> (an inserted,
    not yet accepted change): their words would be lost. Deleted text is left
    out, and so are text boxes and field codes.
    """
    if isinstance(paragraph, _Joined):
        return "\t".join(_text(p) for p in paragraph.paragraphs)
    out: list[str] = []

    def walk(element: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag in _SKIP:
                continue
            if tag == "t":
                out.append(child.text or "")
            elif tag == "tab":
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append("\n")
            elif tag == "noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(paragraph._p)
    return "".join(out)


def _blocks(document: Any) -> list[Any]:
    """Return the body's paragraphs and wide tables (as lists of rows of cells) in order.

    A table of one or two columns, or one that draws no lines, is a layout device
    (the approval block at the right, signature rows): its paragraphs count as the
    body's, row by row.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[Any] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document))
        elif tag == "tbl":
            rows = [_unique(row.cells) for row in Table(child, document).rows]
            wide = max((len(r) for r in rows), default=0) > 2
            if wide and not _unruled(child):
                out.append(rows)
            elif wide:  # signature rows: a line of each cell's n-th paragraph, as printed
                out += [_Joined([c.paragraphs[n] for c in row if n < len(c.paragraphs)])
                        for row in rows
                        for n in range(max(len(c.paragraphs) for c in row))]
            else:
                out += [p for row in rows for cell in row for p in cell.paragraphs]
    return out


class _Joined:
    """Paragraphs side by side in a row of cells, read as one printed line."""

    def __init__(self, paragraphs: list[Any]) -> None:
        self.paragraphs = paragraphs
        self.style = paragraphs[0].style if paragraphs else None
        self._p = paragraphs[0]._p


def _unruled(tbl: Any) -> bool:
    """Whether a table draws no lines: no table style, every border off."""
    properties = tbl.find(_w("tblPr"))
    if properties is None or properties.find(_w("tblStyle")) is not None:
        return False
    borders = properties.find(_w("tblBorders"))
    return borders is not None and len(borders) > 0 and all(
        edge.get(_w("val")) in ("nil", "none") for edge in borders)


def _unique(cells: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for c in cells:  # merged cells repeat
        if not any(c._tc is s._tc for s in seen):
            seen.append(c)
    return seen


def _heading_level(style: str, paragraph: Any) -> int:
    if style == "Title":
        return 1
    if style.startswith("Heading ") and style[8:].isdigit():
        return int(style[8:])
    ppr = paragraph._p.pPr
    outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
    if outline is not None and outline.get(_w("val"), "").isdigit():
        return int(outline.get(_w("val"))) + 1
    return 0


_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_NS}}}{tag}"


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _List:
    levels: dict[int, _Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


class _Numbering:
    """Word's list numbering: definitions from numbering.xml, counters as Word keeps them."""

    def __init__(self, document: Any) -> None:
        self.lists: dict[str, _List] = {}
        self.abstract_of: dict[str, str] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        abstracts: dict[str, dict[int, _Level]] = {}
        if root is not None:
            for a in root.iterchildren(_w("abstractNum")):
                abstracts[a.get(_w("abstractNumId"))] = {
                    int(lvl.get(_w("ilvl"), "0")): _level(lvl) for lvl in a.iter(_w("lvl"))}
            for num in root.iterchildren(_w("num")):
                ref = num.find(_w("abstractNumId"))
                levels = dict(abstracts.get(ref.get(_w("val")) if ref is not None else "", {}))
                for override in num.iterchildren(_w("lvlOverride")):
                    ilvl = int(override.get(_w("ilvl"), "0"))
                    start = override.find(_w("startOverride"))
                    if start is not None and ilvl in levels:
                        levels[ilvl] = _Level(levels[ilvl].fmt, levels[ilvl].text,
                                              int(start.get(_w("val"), "1")))
                self.lists[num.get(_w("numId"))] = _List(levels)
        for style in document.styles:
            ppr = getattr(style.element, "pPr", None)
            found = _num_pr(ppr)
            if found:
                self.style_num[style.name] = found

    def label(self, paragraph: Any, style: str) -> tuple[str, int]:
        """Return the paragraph's list number ("1.6.1.") or its bullet level (1-based);
        `style` is the name of its style."""
        found = _num_pr(paragraph._p.pPr)
        if found is None and style:
            found = self.style_num.get(style)
        if found is None or found[0] not in self.lists:
            return "", 0
        num_id, ilvl = found
        lst = self.lists[num_id]
        level = lst.levels.get(ilvl, _Level())
        if level.fmt in ("bullet", "none"):
            return "", ilvl + 1
        lst.counters[ilvl] = lst.counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in lst.counters if k > ilvl]:
            del lst.counters[deeper]
        text = level.text
        for k in range(ilvl + 1):
            lvl = lst.levels.get(k, _Level())
            value = lst.counters.get(k, lvl.start)
            text = text.replace(f"%{k + 1}", _format(value, lvl.fmt))
        return text, 0


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num_pr = ppr.find(_w("numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(_w("numId"))
    ilvl = num_pr.find(_w("ilvl"))
    if num_id is None or num_id.get(_w("val")) == "0":
        return None
    return num_id.get(_w("val")), int(ilvl.get(_w("val"), "0")) if ilvl is not None else 0


def _level(lvl: Any) -> _Level:
    def val(tag: str, default: str) -> str:
        e = lvl.find(_w(tag))
        return e.get(_w("val"), default) if e is not None else default

    start = val("start", "1")
    return _Level(val("numFmt", "decimal"), val("lvlText", "%1."),
                  int(start) if start.lstrip("-").isdigit() else 1)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out, n = out + numeral, n - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "russianLower":
        return _RU_LETTERS[(n - 1) % len(_RU_LETTERS)]
    if fmt == "russianUpper":
        return _RU_LETTERS[(n - 1) % len(_RU_LETTERS)].upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
