"""Layout rules, read off the printed pages: LibreOffice prints the ru and en documents of
every shipped role, with and without an organization, and a few of them on A4 and Letter
with a 20 and a 30 mm left margin; each page's lines are read back with their positions
(pdftotext -bbox-layout).

All documents are printed in one LibreOffice run, once for the module.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from printed_pages import (
    MM,
    assert_no_heading_or_lead_in_ends_a_page,
    assert_nothing_beyond,
    body_lines,
    read_pages,
    squeeze,
    widen,
)

from jobdocs import list_roles, load_role, render_document, resolve
from jobdocs.config.organization import Organization
from jobdocs.config.profile import load_organization
from jobdocs.house_style import SIZES, HouseStyle, Page
from jobdocs.render import pdf

ROOT = Path(__file__).parent.parent
# Skipped without LibreOffice, failed under CI without it; slow (tests/clients.py).
pytestmark = pytest.mark.libreoffice
ORGS = {"blank": None, "romashka": ROOT / "examples" / "romashka" / "organization.yaml"}
#: (role, language, organization, page size, left margin in mm)
CASES = [(entry.id, lang, org, "a4", 20) for entry in list_roles() for lang in entry.languages
         if lang in ("ru", "en") for org in ORGS]
CASES += [(role, lang, "romashka", size, left) for role in ("key-account-manager",
                                                              "purchasing-manager")
          for lang in ("ru", "en") for size in SIZES for left in (20, 30)
          if (size, left) != ("a4", 20)]
RIGHT_MM = 10  # the shipped reference document's right margin
@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Print every case in one LibreOffice run; return {case: (document, pages)}."""
    tmp = tmp_path_factory.mktemp("layout")
    docs, sources = {}, []
    for case in CASES:
        role, lang, org, size, left = case
        profile = load_organization(ORGS[org]) if ORGS[org] else Organization()
        profile = dataclasses.replace(profile, house_style=HouseStyle(page=Page(
            size=size, left_mm=left)).over(profile.house_style))
        doc = resolve(load_role(role), lang, profile)
        source = tmp / f"{ids(case)}.docx"
        source.write_bytes(render_document(doc, "docx"))
        docs[case] = doc
        sources.append(source)
    # A margin changed in Word, after jobdocs wrote the document: 30 mm instead of 20.
    widened = tmp / "widened.docx"
    widen(sources[CASES.index(("key-account-manager", "ru", "romashka", "a4", 20))], widened)
    pdfs = pdf.convert([*sources, widened], tmp / "pdf")
    printed = {case: (docs[case], read_pages(path))
               for case, path in zip(CASES, pdfs[:-1], strict=True)}
    printed["widened"] = (docs[("key-account-manager", "ru", "romashka", "a4", 20)],
                          read_pages(pdfs[-1]))
    return printed


def ids(case) -> str:
    return "-".join(map(str, case))


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_no_heading_or_lead_in_ends_a_page(printed, case):
    doc, pages = printed[case]
    assert_no_heading_or_lead_in_ends_a_page(
        doc, pages, (f"{s.number}. {s.heading}" for s in doc.sections))


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_the_signatures_open_on_a_page_with_body_text(printed, case):
    doc, pages = printed[case]
    body = squeeze(" ".join(c.text for c in doc.all_clauses()))
    sign = squeeze(doc.frame.author.title)[:12]
    # the last line that begins so: the body may name the position too
    number, page = [(n, p) for n, p in enumerate(pages, start=1)
                    if any(squeeze(line.text).startswith(sign) for line in p.lines)][-1]
    lines = body_lines(doc, page, number)
    above = lines[:[i for i, line in enumerate(lines)
                    if squeeze(line.text).startswith(sign)][-1]]
    texts = [squeeze(re.sub(r"^\d+(\.\d+)*\.\s+", "", line.text)) for line in above]
    assert any(len(t) > 10 and t in body  # a clause's line, its number aside
               for t in texts), f"page {number} opens with the signatures"


@pytest.mark.parametrize("case", [*CASES, "widened"], ids=ids)
def test_nothing_prints_beyond_the_right_margin(printed, case):
    doc, pages = printed[case]
    size = "a4" if case == "widened" else case[3]
    assert_nothing_beyond(pages, (SIZES[size][0] - RIGHT_MM) * MM)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_the_approval_block_stands_top_right_on_page_one(printed, case):
    doc, pages = printed[case]
    lines = pages[0].lines
    approval = next(line for line in lines if line.text == doc.frame.approval.title)
    kind = next(line for line in lines if line.text == doc.frame.heading.kind)
    assert approval.x > pages[0].width / 2
    name = doc.frame.approval.name or doc.frame.approval.name_caption
    signed = next(line for line in lines if squeeze(name) in squeeze(line.text))
    assert signed.right > pages[0].width / 2  # the name too, in the same block
    assert approval.y < kind.y
    assert lines[0] == approval  # nothing above it


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_pages_are_numbered_from_page_two_at_the_top_centre(printed, case):
    doc, pages = printed[case]
    assert len(pages) >= 3
    assert pages[0].lines[0].text != "1"
    for number, page in enumerate(pages[1:], start=2):
        top = page.lines[0]
        assert top.text == str(number)
        assert abs((top.x + top.right) / 2 - page.width / 2) < 40  # centred on the text area
        assert top.y < 60
