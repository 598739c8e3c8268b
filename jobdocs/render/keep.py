"""Keep a heading, a lead-in and what they lead in on one printed page, where LibreOffice
falls short.

The DOCX says what keeps with what through paragraph properties (w:keepNext
on headings, lead-ins, and the body's last paragraph before the signatures),
and Word honours every chain. LibreOffice keeps a paragraph with the next one,
but not a chain of three (a heading, its lead-in, the first clause), and in
some positions on a page not even two. So a PDF is read back once printed: a
page whose last line ends a paragraph that keeps with the next has that chain
begin the next page (w:pageBreakBefore on its first paragraph) in a copy of
the DOCX that is printed again. The DOCX jobdocs writes never carries these
breaks: its structure is the same for every reader, and a margin changed in
Word moves the pages as Word lays them out.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _PPR, _TBL, _STYLE = f"{{{_W}}}p", f"{{{_W}}}pPr", f"{{{_W}}}tbl", f"{{{_W}}}style"
_VAL = f"{{{_W}}}val"
#: What may come before w:pageBreakBefore in a paragraph's properties (ECMA-376 order).
_BEFORE_BREAK = {f"{{{_W}}}{tag}" for tag in ("pStyle", "keepNext", "keepLines")}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_SPACE = re.compile(r"[\s\u00ad\u2010\u2011-]+")
#: How many times a document is printed again at most (each break moves what follows).
ROUNDS = 3


def _norm(text: str) -> str:
    """Return text without spaces and hyphens: a printed line and its paragraph compare
    equal whatever the line breaks and hyphenation."""
    return _SPACE.sub("", text)


class Body:
    """The body paragraphs of a DOCX and what keeps each with the next."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.names = package.namelist()
            self.parts = {name: package.read(name) for name in self.names}
            self.infos = {info.filename: info for info in package.infolist()}
        self.root = etree.fromstring(self.parts["word/document.xml"], _PARSER)
        self.keeping = _keeping_styles(self.parts.get("word/styles.xml"))
        body = self.root.find(f"{{{_W}}}body")
        self.blocks = [child for child in body if child.tag in (_P, _TBL)]
        self.texts = [_norm("".join(b.itertext())) if b.tag == _P else "" for b in self.blocks]
        self.margins = {_norm(text) for name, part in self.parts.items()
                        if re.match(r"word/(header|footer)\d*\.xml$", name)
                        for text in _paragraph_texts(part)}

    def keeps(self, n: int) -> bool:
        """Whether body block `n` is a paragraph that keeps with the next block."""
        block = self.blocks[n]
        if block.tag != _P:
            return False
        ppr = block.find(_PPR)
        own = None if ppr is None else ppr.find(f"{{{_W}}}keepNext")
        if own is not None:
            return own.get(_VAL, "1") not in ("0", "false", "off")
        style = None if ppr is None else ppr.find(f"{{{_W}}}pStyle")
        return style is not None and style.get(_VAL) in self.keeping

    def stranded(self, pages: Sequence[Sequence[str]]) -> list[int]:
        """Return the first block of every chain whose keeping paragraph ends a page
        (`pages`: the printed lines of each page, top to bottom)."""
        starts, cursor = [], 0
        for lines in pages[:-1]:
            body = [_norm(line) for line in lines if _norm(line)
                    and _norm(line) not in self.margins and not _norm(line).isdigit()]
            if not body:
                continue
            ends = self._ending(body, cursor)
            if ends is None:
                continue
            cursor = ends + 1
            if not self.keeps(ends):
                continue
            first = ends
            while first > 0 and self.keeps(first - 1):
                first -= 1
            if first > 0:
                starts.append(first)
        return sorted(set(starts))

    def _ending(self, lines: list[str], cursor: int) -> int | None:
        """Return the block whose text a page's last lines end, from `cursor` on."""
        for tail in ("".join(lines[-2:]), lines[-1]):
            if len(tail) < 4:
                continue
            for n in range(cursor, len(self.blocks)):
                if self.texts[n] and self.texts[n].endswith(tail):
                    return n
        return None

    def break_before(self, starts: Sequence[int]) -> bytes:
        """Return the DOCX with each of these blocks beginning a new page."""
        for n in starts:
            p = self.blocks[n]
            ppr = p.find(_PPR)
            if ppr is None:
                ppr = etree.SubElement(p, _PPR)
                p.insert(0, ppr)
            at = sum(1 for child in ppr if child.tag in _BEFORE_BREAK)
            ppr.insert(at, ppr.makeelement(f"{{{_W}}}pageBreakBefore", {}))
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name in self.names:
                package.writestr(self.infos[name], self.parts[name])
        return out.getvalue()


def _keeping_styles(xml: bytes | None) -> set[str]:
    """Return the ids of the paragraph styles that keep with the next (through their bases)."""
    if not xml:
        return set()
    root = etree.fromstring(xml, _PARSER)
    own, base = {}, {}
    for style in root.iter(_STYLE):
        sid = style.get(f"{{{_W}}}styleId")
        keep = style.find(f"{_PPR}/{{{_W}}}keepNext")
        if keep is not None:
            own[sid] = keep.get(_VAL, "1") not in ("0", "false", "off")
        based = style.find(f"{{{_W}}}basedOn")
        if based is not None:
            base[sid] = based.get(_VAL)

    def keeps(sid: str | None, depth: int = 0) -> bool:
        if sid is None or depth > 20:
            return False
        return own[sid] if sid in own else keeps(base.get(sid), depth + 1)

    return {sid for sid in {*own, *base} if keeps(sid)}


def _paragraph_texts(xml: bytes) -> list[str]:
    root = etree.fromstring(xml, _PARSER)
    return ["".join(p.itertext()) for p in root.iter(_P)]


def printed_lines(pdf: Path) -> list[list[str]]:
    """Return the lines of every page of a PDF, top to bottom."""
    from pypdf import PdfReader

    return [page.extract_text().splitlines() for page in PdfReader(str(pdf)).pages]


def settle(sources: Sequence[Path], out_dir: Path, convert: Any, work: Path) -> None:
    """Print again, with chains moved to the next page, every DOCX whose PDF in `out_dir`
    strands a paragraph that keeps with the next; `convert(sources, out_dir)` prints
    (one LibreOffice run), `work` holds the copies."""
    pending = list(sources)
    for _ in range(ROUNDS):
        again: list[Path] = []
        for source in pending:
            pdf = out_dir / f"{source.stem}.pdf"
            if not pdf.is_file():
                continue
            body = Body(source.read_bytes())
            starts = body.stranded(printed_lines(pdf))
            if starts:
                copy = work / f"{len(again)}" / source.name
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_bytes(body.break_before(starts))
                again.append(copy)
        if not again:
            return
        convert(again, out_dir)
        pending = again
