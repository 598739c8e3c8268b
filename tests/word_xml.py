"""Edit a rendered DOCX the way Word writes an edited document, for the round-trip tests.

Word saves a reviewed document differently from how jobdocs wrote it: a
paragraph's text in many runs (one per editing session, each with its w:rsidR),
w:proofErr around words its spell-checker flagged, w:smartTag around names and
dates, bookmarks moved to stand between paragraphs, tracked changes as
w:ins/w:del (and w:moveFrom/w:moveTo) with author and date, a deleted
paragraph's mark in w:pPr/w:rPr/w:del, comments in word/comments.xml anchored
by w:commentRangeStart/End and a w:commentReference run. These helpers make
each of those by hand on a document jobdocs rendered.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from copy import deepcopy

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_COMMENTS_TYPE = ("application/vnd.openxmlformats-officedocument.wordprocessingml."
                  "comments+xml")
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class WordDoc:
    """A DOCX opened for editing its XML."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.root.find(w("body"))
        self.ids = itertools.count(900)
        self.comments: list[etree._Element] = []

    # -- finding ---------------------------------------------------------------------

    def paragraph(self, clause_id: str) -> etree._Element:
        """Return the paragraph that carries a clause's mark."""
        name = "_jd_" + clause_id.replace("-", "_")
        for start in self.root.iter(w("bookmarkStart")):
            if start.get(w("name")) == name:
                p = start.getparent()
                return p if p.tag == w("p") else start.getnext()
        raise KeyError(clause_id)

    def starting(self, text: str) -> etree._Element:
        for p in self.root.iter(w("p")):
            if "".join(t.text or "" for t in p.iter(w("t"))).startswith(text):
                return p
        raise KeyError(text)

    # -- the way Word stores text ------------------------------------------------------

    def word_runs(self, p: etree._Element) -> None:
        """Split every run of `p` into runs of a word or two, with rsids, a proofErr
        around one word and a smartTag around another, as Word leaves a typed paragraph."""
        rsid = itertools.cycle(["00A1B2C3", "00D4E5F6", "007A8B9C"])
        for run in list(p.iter(w("r"))):
            t = run.find(w("t"))
            if t is None or not t.text or " " not in t.text:
                continue
            words = t.text.split(" ")
            pieces = [" ".join(words[i:i + 2]) + (" " if i + 2 < len(words) else "")
                      for i in range(0, len(words), 2)]
            parent, at = run.getparent(), run.getparent().index(run)
            parent.remove(run)
            for n, piece in enumerate(pieces):
                new = etree.Element(w("r"))
                new.set(w("rsidR"), next(rsid))
                props = run.find(w("rPr"))
                if props is not None:
                    new.append(deepcopy(props))
                text = etree.SubElement(new, w("t"))
                text.text = piece
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                if n == 1:  # the spell-checker flagged this one
                    start = etree.Element(w("proofErr"))
                    start.set(w("type"), "spellStart")
                    end = etree.Element(w("proofErr"))
                    end.set(w("type"), "spellEnd")
                    for x in (start, new, end):
                        parent.insert(at, x)
                        at += 1
                elif n == 2:  # and this one is a smart tag (a name, a date)
                    tag = etree.Element(w("smartTag"))
                    tag.set(w("uri"), "urn:schemas-microsoft-com:office:smarttags")
                    tag.set(w("element"), "metricconverter")
                    tag.append(new)
                    parent.insert(at, tag)
                    at += 1
                else:
                    parent.insert(at, new)
                    at += 1

    def move_mark_out(self, p: etree._Element) -> None:
        """Move the paragraph's bookmark start in front of it, between paragraphs."""
        start = p.find(w("bookmarkStart"))
        p.remove(start)
        p.addprevious(start)

    # -- tracked changes -------------------------------------------------------------

    def _mark(self, tag: str, author: str, date: str) -> etree._Element:
        e = etree.Element(w(tag))
        e.set(w("id"), str(next(self.ids)))
        e.set(w("author"), author)
        e.set(w("date"), date)
        return e

    def replace(self, p: etree._Element, old: str, new: str, author: str = "",
                date: str = "2026-11-30T10:15:00Z") -> None:
        """Replace words in a paragraph: tracked (w:del + w:ins) when `author` is given."""
        for t in p.iter(w("t")):
            if t.text and old in t.text:
                break
        else:
            raise KeyError(old)
        run = t.getparent()
        before, after = t.text.split(old, 1)
        parent, at = run.getparent(), run.getparent().index(run)
        parent.remove(run)
        out = []
        for text, kind in ((before, ""), (old, "del"), (new, "ins"), (after, "")):
            if not text or (kind and not author and kind == "del"):
                continue
            r = etree.Element(w("r"))
            if kind == "del":
                t2 = etree.SubElement(r, w("delText"))
            else:
                t2 = etree.SubElement(r, w("t"))
            t2.text = text
            t2.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if kind and author:
                wrap = self._mark(kind, author, date)
                wrap.append(r)
                r = wrap
            out.append(r)
        for n, e in enumerate(out):
            parent.insert(at + n, e)

    def delete(self, p: etree._Element, author: str, date: str = "2026-11-30T10:16:00Z"
               ) -> None:
        """Delete a whole paragraph with track changes on: its runs and its mark."""
        for run in list(p.iterchildren(w("r"))):
            for t in run.iter(w("t")):
                t.tag = w("delText")
            wrap = self._mark("del", author, date)
            run.addprevious(wrap)
            wrap.append(run)
        ppr = p.find(w("pPr"))
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, w("rPr"))
        rpr.insert(0, self._mark("del", author, date))

    def insert_after(self, p: etree._Element, text: str, style: str = "Clause",
                     author: str = "", date: str = "2026-11-30T10:17:00Z") -> etree._Element:
        """Insert a paragraph after `p` (tracked when `author` is given), style by id."""
        new = etree.Element(w("p"))
        ppr = etree.SubElement(new, w("pPr"))
        etree.SubElement(ppr, w("pStyle")).set(w("val"), style)
        run = etree.Element(w("r"))
        parts = text.split("\t")
        for n, part in enumerate(parts):
            if n:
                etree.SubElement(run, w("tab"))
            t = etree.SubElement(run, w("t"))
            t.text = part
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if author:
            etree.SubElement(ppr, w("rPr")).append(self._mark("ins", author, date))
            wrap = self._mark("ins", author, date)
            wrap.append(run)
            new.append(wrap)
        else:
            new.append(run)
        p.addnext(new)
        return new

    def move_after(self, p: etree._Element, target: etree._Element, author: str,
                   date: str = "2026-11-30T10:18:00Z") -> None:
        """Move `p` after `target` with track changes on, as Word records a move: the old
        place in w:moveFrom, the new in w:moveTo; the bookmark stays at the old place."""
        copy = deepcopy(p)
        for start in copy.iter(w("bookmarkStart"), w("bookmarkEnd")):
            start.getparent().remove(start)
        for old, kind in ((p, "moveFrom"), (copy, "moveTo")):
            for run in list(old.iterchildren(w("r"))):
                wrap = self._mark(kind, author, date)
                run.addprevious(wrap)
                wrap.append(run)
            ppr = old.find(w("pPr"))
            rpr = ppr.find(w("rPr"))
            if rpr is None:
                rpr = etree.SubElement(ppr, w("rPr"))
            rpr.insert(0, self._mark(kind, author, date))
        target.addnext(copy)

    def add_table_after(self, p: etree._Element, text: str) -> None:
        """Put a one-cell table with `text` after `p` (a reviewer's table in the body)."""
        tbl = etree.Element(w("tbl"))
        tr = etree.SubElement(tbl, w("tr"))
        tc = etree.SubElement(tr, w("tc"))
        cp = etree.SubElement(tc, w("p"))
        etree.SubElement(etree.SubElement(cp, w("r")), w("t")).text = text
        p.addnext(tbl)

    # -- comments --------------------------------------------------------------------

    def comment(self, p: etree._Element, text: str, author: str,
                date: str = "2026-11-30T10:20:00Z") -> None:
        """Anchor a comment on the whole text of `p`."""
        cid = str(len(self.comments))
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), cid)
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), cid)
        ppr = p.find(w("pPr"))
        (ppr.addnext if ppr is not None else lambda e: p.insert(0, e))(start)
        p.append(end)
        ref = etree.SubElement(p, w("r"))
        etree.SubElement(ref, w("commentReference")).set(w("id"), cid)
        c = etree.Element(w("comment"))
        c.set(w("id"), cid)
        c.set(w("author"), author)
        c.set(w("date"), date)
        c.set(w("initials"), "".join(x[0] for x in author.split()))
        cp = etree.SubElement(c, w("p"))
        etree.SubElement(etree.SubElement(cp, w("r")), w("annotationRef"))
        etree.SubElement(etree.SubElement(cp, w("r")), w("t")).text = text
        self.comments.append(c)

    # -- saving ----------------------------------------------------------------------

    def save(self) -> bytes:
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True,
                                                    encoding="UTF-8", standalone=True)
        if self.comments:
            root = etree.Element(w("comments"), nsmap={"w": W})
            root.extend(self.comments)
            parts["word/comments.xml"] = etree.tostring(root, xml_declaration=True,
                                                        encoding="UTF-8", standalone=True)
            types = parts["[Content_Types].xml"].decode()
            if "comments.xml" not in types:
                types = types.replace("</Types>", '<Override PartName="/word/comments.xml" '
                                      f'ContentType="{_COMMENTS_TYPE}"/></Types>')
            parts["[Content_Types].xml"] = types.encode()
            rels = parts["word/_rels/document.xml.rels"].decode()
            rels = rels.replace("</Relationships>", f'<Relationship Id="rIdComments" Type='
                                f'"{_COMMENTS_REL}" Target="comments.xml"/></Relationships>')
            parts["word/_rels/document.xml.rels"] = rels.encode()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return out.getvalue()
