"""Layout rules, read off the printed pages: LibreOffice prints the ru and en documents of
every shipped role, with and without an organization, and each page's lines are read back
with their positions (pdftotext -bbox-layout).

All documents are printed in one LibreOffice run, once for the module.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from jobdocs import list_roles, load_role, render_document, resolve
from jobdocs.config.profile import load_organization
from jobdocs.render import pdf

ROOT = Path(__file__).parent.parent
# Skipped without LibreOffice, failed under CI without it; slow (tests/clients.py).
pytestmark = pytest.mark.libreoffice
ORGS = {"blank": None, "romashka": ROOT / "examples" / "romashka" / "organization.yaml"}
CASES = [(entry.id, lang, org) for entry in list_roles() for lang in entry.languages
         if lang in ("ru", "en") for org in ORGS]
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")


@dataclass(frozen=True)
class Printed:
    """A line as printed: its text and its box, in points from the page's top left."""

    text: str
    x: float
    y: float
    right: float


@dataclass(frozen=True)
class Page:
    width: float
    lines: list[Printed]


def read_pages(path: Path) -> list[Page]:
    """Return every page's lines, top to bottom: words on one baseline make one line."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        width = float(re.match(r'width="([\d.]+)"', chunk).group(1))
        # (baseline, left, right, top, text) of every word, top to bottom
        words = sorted((float(m[3]), float(m[0]), float(m[2]), float(m[1]), html.unescape(m[4]))
                       for m in _WORD.findall(chunk))
        lines: list[list[tuple[float, float, float, float, str]]] = []
        for word in words:
            if lines and abs(lines[-1][0][0] - word[0]) < 2.5:
                lines[-1].append(word)
            else:
                lines.append([word])
        pages.append(Page(width, [
            Printed(" ".join(w[4] for w in sorted(line, key=lambda w: w[1])),
                    min(w[1] for w in line), min(w[3] for w in line), max(w[2] for w in line))
            for line in lines]))
    return pages


def squeeze(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Print every case in one LibreOffice run; return {case: (document, pages)}."""
    tmp = tmp_path_factory.mktemp("layout")
    docs, sources = {}, []
    for role, lang, org in CASES:
        profile = load_organization(ORGS[org]) if ORGS[org] else None
        doc = resolve(load_role(role), lang, profile)
        source = tmp / f"{role}.{lang}.{org}.docx"
        source.write_bytes(render_document(doc, "docx"))
        docs[(role, lang, org)] = doc
        sources.append(source)
    pdfs = pdf.convert(sources, tmp / "pdf")
    return {case: (docs[case], read_pages(path)) for case, path in zip(CASES, pdfs, strict=True)}


def body_lines(doc, page: Page, number: int) -> list[Printed]:
    """Return a page's lines without its page number and the footer's trace line."""
    lines = list(page.lines)
    if number > 1 and lines and lines[0].text == str(number):
        lines = lines[1:]
    return [line for line in lines if squeeze(line.text) != squeeze(doc.frame.trace)]


def ids(case) -> str:
    return "-".join(case)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_no_heading_or_lead_in_ends_a_page(printed, case):
    doc, pages = printed[case]
    headings = {squeeze(f"{s.number}. {s.heading}") for s in doc.sections}
    for number, page in enumerate(pages[:-1], start=1):
        last = body_lines(doc, page, number)[-1]
        assert squeeze(last.text) not in headings, f"page {number} ends with a heading"
        assert not last.text.rstrip().endswith(":"), (
            f"page {number} ends with a lead-in: {last.text!r}")


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_the_signature_page_holds_body_text(printed, case):
    doc, pages = printed[case]
    body = squeeze(" ".join(c.text for c in doc.all_clauses()))
    signs = [squeeze(doc.frame.author.title)[:12], squeeze(doc.frame.acknowledgement.title)[:12]]
    for sign in signs:  # the last line that begins so: the body may name the position too
        number, page = [(n, p) for n, p in enumerate(pages, start=1)
                        if any(squeeze(line.text).startswith(sign) for line in p.lines)][-1]
        lines = body_lines(doc, page, number)
        above = lines[:[i for i, line in enumerate(lines)
                        if squeeze(line.text).startswith(sign)][-1]]
        assert any(len(squeeze(line.text)) > 10 and squeeze(line.text) in body
                   for line in above), f"page {number} holds signatures and no body text"


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_the_approval_block_stands_top_right_on_page_one(printed, case):
    doc, pages = printed[case]
    lines = pages[0].lines
    approval = next(line for line in lines if line.text == doc.frame.approval.title)
    kind = next(line for line in lines if line.text == doc.frame.heading.kind)
    assert approval.x > pages[0].width / 2
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
