"""Every preset on the printed page. LibreOffice prints (as `jobdocs render --format pdf`
does) the American and the German company's own roles, and the shipped role under the
British, German and Swedish frames, with each frame's paper and margins and on A4 and
Letter with a 20 and a 30 mm left margin; the text and each line's place are read back
(pdftotext). All documents are printed in one LibreOffice run, once for the module."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import docx
import pytest
from printed_pages import (
    MM,
    assert_no_heading_or_lead_in_ends_a_page,
    assert_nothing_beyond,
    read_pages,
    squeeze,
    widen,
)

from jobdocs import load_role, render_document, resolve
from jobdocs.config.profile import load_organization
from jobdocs.house_style import HouseStyle, Page
from jobdocs.render import pdf

pytestmark = pytest.mark.libreoffice
EXAMPLES = Path(__file__).parent.parent / "examples"
US = (str(EXAMPLES / "brightline" / "roles" / "customer-success-manager.yaml"), "en",
      "brightline")
DE = (str(EXAMPLES / "elbtal" / "roles" / "vertriebsinnendienst.yaml"), "de", "elbtal")
#: (role, language, example organization, page size, left margin in mm; None: the frame's)
CASES = [(*US, None, None), (*US, "letter", 30), (*US, "a4", 20),
         (*DE, None, None), (*DE, "letter", 30), (*DE, "a4", 30),
         ("key-account-manager", "en", "northwind", None, None),
         ("key-account-manager", "en", "northwind", "letter", 30),
         ("key-account-manager", "de", "nordhandel", None, None),
         ("key-account-manager", "de", "nordhandel", "a4", 30),
         ("key-account-manager", "sv", "nordhandel", None, None),
         ("key-account-manager", "sv", "nordhandel", "letter", 20)]
WIDENED = [(*US, None, None), (*DE, None, None)]


def ids(case) -> str:
    if case[0] == "widened":
        return "widened-" + ids(case[1:])
    role, lang, org, size, left = case
    return f"{Path(role).stem}-{lang}-{org}-{size or 'frame'}-{left or ''}".rstrip("-")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Render and print every case; return {case: (document, pages, (width, right) mm)}."""
    tmp = tmp_path_factory.mktemp("frame-pages")
    docs, sources = {}, []
    for case in CASES:
        role, lang, org, size, left = case
        profile = load_organization(EXAMPLES / org / "organization.yaml")
        if size:
            profile = dataclasses.replace(profile, house_style=HouseStyle(page=Page(
                size=size, left_mm=left)).over(profile.house_style))
        doc = resolve(load_role(role), lang, profile, notes=[])
        source = tmp / f"{ids(case)}.docx"
        source.write_bytes(render_document(doc, "docx"))
        section = docx.Document(str(source)).sections[0]
        docs[case] = (doc, (section.page_width.mm, section.right_margin.mm))
        sources.append(source)
    # A margin changed in Word after jobdocs wrote the document: 30 mm on the left.
    for case in WIDENED:
        widen(sources[CASES.index(case)], tmp / f"widened-{ids(case)}.docx")
        sources.append(tmp / f"widened-{ids(case)}.docx")
        docs[("widened", *case)] = docs[case]
    pdfs = pdf.convert(sources, tmp / "pdf")
    return {case: (docs[case][0], read_pages(path), docs[case][1])
            for case, path in zip([*CASES, *(("widened", *c) for c in WIDENED)], pdfs,
                                  strict=True)}


def text_of(pages) -> str:
    return "\n".join(line.text for page in pages for line in page.lines)


@pytest.mark.parametrize("case", [*CASES, *(("widened", *c) for c in WIDENED)], ids=ids)
def test_nothing_prints_beyond_the_right_margin(printed, case):
    doc, pages, (width, right) = printed[case]
    for page in pages:
        assert abs(page.width - width * MM) < 2  # the paper the DOCX names
    assert_nothing_beyond(pages, (width - right) * MM)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_no_heading_or_lead_in_ends_a_page(printed, case):
    doc, pages, _ = printed[case]
    frame = doc.frame
    assert_no_heading_or_lead_in_ends_a_page(doc, pages, [
        *(frame.section_heading(s) for s in doc.sections),
        *(s.heading for s in frame.statements if s.heading)])


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_the_signers_sign_on_one_page_after_their_statement(printed, case):
    doc, pages, _ = printed[case]
    assert doc.frame.signatures, "every preset but ГОСТ has lines to sign on"
    for block in doc.frame.signatures:
        where = set()
        for row in block.rows:
            [found] = [n for n, page in enumerate(pages) for line in page.lines
                       if squeeze(line.text).startswith(squeeze(row.title))][-1:]
            where.add(found)
        if block.statement:
            opening = squeeze(block.statement)[:30]
            where.add([n for n, page in enumerate(pages) for line in page.lines
                       if squeeze(line.text) and opening.startswith(squeeze(line.text)[:30])
                       ][-1])
        assert len(where) == 1, f"{[r.title for r in block.rows]} part across pages"


def test_what_an_american_hr_officer_signs(printed):
    doc, pages, (width, _) = printed[(*US, None, None)]
    text = text_of(pages)
    assert round(width, 1) == 215.9  # US Letter
    assert "APPROVED" not in text.upper().replace("APPROVED BY", "")
    assert not re.search(r"^\d+(\.\d+)*\.\s", text, flags=re.M), "a clause number printed"
    for words in ("Job Description", "Job Title Customer Success Manager",
                  "Reports To Director of Customer Success", "FLSA Status Exempt",
                  "Effective Date December 1, 2026", "Summary",
                  "Essential Duties and Responsibilities", "Qualifications", "Physical Demands",
                  "Work Environment", "Equal Employment Opportunity", "At-Will Employment",
                  "Employee", "Manager Dana Whitfield", "Signature Printed name Date"):
        assert words in text, words
    duties = [line.text for page in pages for line in page.lines if line.text.startswith("•")]
    assert len(duties) >= 10  # the essential duties, a bullet each


def test_what_a_german_reader_finds_native(printed):
    doc, pages, (width, _) = printed[(*DE, None, None)]
    text = text_of(pages)
    assert round(width) == 210  # A4
    for words in ("Elbtal Antriebstechnik GmbH", "Stellenbeschreibung",
                  "Stellenbezeichnung Sachbearbeiter Vertriebsinnendienst (m/w/d)",
                  "Abteilung Vertrieb", "Vorgesetzte/r Vertriebsleitung",
                  "Stellvertretung Sachbearbeiter Vertriebsinnendienst (Team Export)",
                  "Ziel der Stelle", "Aufgaben", "Befugnisse", "Anforderungen",
                  "Arbeitgeber", "Stelleninhaber/in", "Unterschrift Name Ort, Datum"):
        assert words in text, words
    assert text.count("(m/w/d)") == 1  # where the title stands, once
    for foreign in ("Genehmigt", "APPROVED", "des Sachbearbeiters Vertriebsinnendienst\n"):
        assert foreign not in text
