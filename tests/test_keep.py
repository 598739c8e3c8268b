"""Page layout rules a DOCX carries: what keeps with what, and hyphenation."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from test_docx import body_paragraphs

from jobdocs import load_role, render_document, resolve


def test_lead_ins_keep_with_what_follows_and_signatures_stand_in_one_row():
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
    # LibreOffice keeps no longer chains: a section's heading, lead-in and first clause,
    # and the signatures with the acknowledgement, each stand in a row that cannot break.
    rows = d.element.body.xpath("./w:tbl[not(w:tblPr/w:tblStyle)]/w:tr")
    assert all(row.xpath("./w:trPr/w:cantSplit") for row in rows)
    texts = [" ".join(t.text for t in row.iter(qn("w:t"))) for row in rows]
    assert sum(text.startswith("2. Должностные обязанности") for text in texts) == 1
    [signatures] = [t for t in texts if t.startswith("Руководитель структурного")]
    assert "С должностной инструкцией ознакомлен(а)" in signatures
    before = d.element.body.xpath("./w:tbl[not(w:tblPr/w:tblStyle)]")[-1].getprevious()
    assert before.xpath("./w:pPr/w:keepNext")  # the body's last paragraph keeps with them


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
