"""Page layout rules a DOCX carries: what keeps with what, and hyphenation."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from test_docx import body_paragraphs

from jobdocs import load_role, render_document, resolve


def test_lead_ins_keep_with_what_follows_through_paragraph_properties():
    doc = resolve(load_role("key-account-manager"), "ru")
    d = docx.Document(io.BytesIO(render_document(doc, "docx")))
    paragraphs = body_paragraphs(d)

    def keeps(p) -> bool:
        own = p.paragraph_format.keep_with_next
        return own if own is not None else bool(p.style.paragraph_format.keep_with_next)

    for n, p in enumerate(paragraphs[:-1]):
        following = paragraphs[n + 1].style.name
        if p.style.name in ("Heading 1", "Body Text"):
            assert keeps(p), p.text
        if p.style.name.startswith("Clause") and p.style.name != "Clause Item" \
                and following == "Clause Item":
            assert keeps(p), p.text  # a lead-in and its first item
    # No table holds a heading or a clause: every one is a paragraph of the body.
    tables = d.element.body.xpath("./w:tbl")
    assert not any(t.xpath(".//w:pStyle[starts-with(@w:val, 'Heading') or "
                           "starts-with(@w:val, 'Clause')]") for t in tables)
    # The body's last paragraph keeps with the signatures, which stand in rows that
    # never break across pages (a long list of visas may go on to the next page).
    [signatures] = [t for t in tables if "Руководитель структурного" in "".join(t.itertext())]
    assert signatures.getprevious().xpath("./w:pPr/w:keepNext")
    assert all(row.xpath("./w:trPr/w:cantSplit") for row in signatures.xpath("./w:tr"))


def test_justified_text_is_hyphenated_in_the_documents_language():
    doc = resolve(load_role("key-account-manager"), "en")
    d = docx.Document(io.BytesIO(render_document(doc, "docx")))
    assert d.settings.element.find(qn("w:autoHyphenation")) is not None
    assert '<w:lang w:val="en-GB"' in d.styles.element.xml

    def suppressed(name: str) -> str | None:
        found = d.styles[name].element.pPr.find(qn("w:suppressAutoHyphens"))
        return None if found is None else found.get(qn("w:val"))

    assert suppressed("Normal") == "1"  # headings, blocks, captions: no hyphens
    assert suppressed("Clause") == suppressed("Clause Item") == suppressed("Body Text") == "0"


def test_a_chain_left_at_the_foot_of_a_page_begins_the_next_in_the_printed_copy_only():
    from jobdocs.render.keep import Body

    doc = resolve(load_role("key-account-manager"), "ru")
    data = render_document(doc, "docx")
    body = Body(data)
    heading = next(n for n, text in enumerate(body.texts) if text == "2.Должностныеобязанности")
    intro = body.texts[heading + 1]
    # Page 1 ends with the heading of section 2 and its lead-in, as LibreOffice may print it.
    pages = [["1.1. Настоящая должностная инструкция", "2. Должностные обязанности",
              intro[:30], intro[30:], doc.frame.trace], ["2", "2.1. Принимает", "..."]]
    assert body.stranded(pages) == [heading]  # the chain begins with the heading
    printed = docx.Document(io.BytesIO(body.break_before([heading])))
    [moved] = [p for p in printed.paragraphs if p.paragraph_format.page_break_before]
    assert moved.text == "2. Должностные обязанности"
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:  # the document itself keeps no break
        assert b"pageBreakBefore" not in package.read("word/document.xml")
    # A page that ends inside a clause, or with one that keeps with nothing, is left alone.
    assert body.stranded([["2.1. Принимает от клиентов заказы"], ["..."]]) == []


def test_the_printed_copy_marks_where_a_keeping_paragraph_ends_and_what_follows_begins():
    """The copy LibreOffice prints carries a bookmark at the end of every paragraph that keeps
    with the next and at the start of the block after it: the PDF's named destinations then
    say on which page each lies, and a chain is moved only when they differ."""
    from lxml import etree

    from jobdocs.render.keep import Body

    body = Body(render_document(resolve(load_role("key-account-manager"), "ru"), "docx"))
    heading = next(n for n, text in enumerate(body.texts) if text == "2.Должностныеобязанности")
    assert body.keeps(heading) and body.keeps(heading + 1) and not body.keeps(heading + 2)
    marked = body.marked()
    copy = Body(marked)
    assert copy.texts == body.texts  # the marks print nothing
    names = {e.get(qn("w:name")) for e in copy.root.iter(qn("w:bookmarkStart"))}
    assert {f"jdkeepe{heading}", f"jdkeeps{heading + 1}", f"jdkeepe{heading + 1}",
            f"jdkeeps{heading + 2}"} <= names
    assert f"jdkeepe{heading + 2}" not in names
    # The heading and its lead-in end page 1 (page 0), the first duty begins page 2.
    ends_page = {f"jdkeepe{heading}": 0, f"jdkeeps{heading + 1}": 0,
                 f"jdkeepe{heading + 1}": 0, f"jdkeeps{heading + 2}": 1}
    assert body.stranded_on(ends_page) == [heading]
    # The lead-in runs onto page 2 with the first duty: still stranded (the heading ends page 1).
    assert body.stranded_on({**ends_page, f"jdkeeps{heading + 1}": 1,
                             f"jdkeepe{heading + 1}": 1}) == [heading]
    assert body.stranded_on({name: 1 for name in ends_page}) == []
    # The document itself keeps no mark.
    assert b"jdkeep" not in etree.tostring(body.root)
