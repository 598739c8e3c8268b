"""Page layout rules a DOCX carries: what keeps with what, and hyphenation."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from jobdocs import load_role, render_document, resolve


def test_lead_ins_list_items_and_signatures_keep_with_what_follows():
    doc = resolve(load_role("key-account-manager"), "ru")
    d = docx.Document(io.BytesIO(render_document(doc, "docx")))
    paragraphs = d.paragraphs

    def keeps(p) -> bool:
        own = p.paragraph_format.keep_with_next
        return own if own is not None else bool(p.style.paragraph_format.keep_with_next)

    for n, p in enumerate(paragraphs[:-1]):
        following = paragraphs[n + 1].style.name
        if p.style.name in ("Heading 1", "Body Text"):
            assert keeps(p), p.text
        if p.style.name.startswith("Clause") and following == "Clause Item":
            assert keeps(p), p.text  # a lead-in and its items
    last_clause = max(i for i, p in enumerate(paragraphs) if p.style.name.startswith("Clause"))
    sheet = next(i for i, p in enumerate(paragraphs) if p.style.name == "Sheet Title")
    assert all(keeps(p) for p in paragraphs[last_clause:sheet - 1])  # body, signatures, ...
    assert not keeps(paragraphs[sheet - 1])  # ... up to the acknowledgement's date


def test_justified_text_is_hyphenated_in_the_documents_language():
    doc = resolve(load_role("key-account-manager"), "en")
    d = docx.Document(io.BytesIO(render_document(doc, "docx")))
    assert d.settings.element.find(qn("w:autoHyphenation")) is not None
    assert '<w:lang w:val="en-US"' in d.styles.element.xml

    def suppressed(name: str) -> str | None:
        found = d.styles[name].element.pPr.find(qn("w:suppressAutoHyphens"))
        return None if found is None else found.get(qn("w:val"))

    assert suppressed("Normal") == "1"  # headings, blocks, captions: no hyphens
    assert suppressed("Clause") == suppressed("Clause Item") == suppressed("Body Text") == "0"
