"""Reading printed pages back: each PDF page's lines with their positions (pdftotext
-bbox-layout), and the checks test_layout.py and test_frame_pages.py both make on
them."""

from __future__ import annotations

import html
import re
import subprocess
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")
MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Printed:
    """A line as printed: its text and its box, in points from the page's top left."""

    text: str
    x: float
    y: float
    right: float


@dataclass(frozen=True)
class Sheet:
    width: float
    lines: list[Printed]


def read_pages(path: Path) -> list[Sheet]:
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
        pages.append(Sheet(width, [
            Printed(" ".join(w[4] for w in sorted(line, key=lambda w: w[1])),
                    min(w[1] for w in line), min(w[3] for w in line), max(w[2] for w in line))
            for line in lines]))
    return pages


def squeeze(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]+", "", text)


def widen(source: Path, target: Path) -> None:
    """Copy a DOCX with its left margin set to 30 mm, as Word's Page Setup would."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb'(<w:pgMar [^>]*w:left=")\d+', rb"\g<1>1701", data)
            new.writestr(item, data)


def body_lines(doc, page: Sheet, number: int) -> list[Printed]:
    """Return a page's lines without its page number and the footer's trace line."""
    lines = list(page.lines)
    if number > 1 and lines and lines[0].text == str(number):
        lines = lines[1:]
    return [line for line in lines if squeeze(line.text) != squeeze(doc.frame.trace)]


def assert_no_heading_or_lead_in_ends_a_page(doc, pages: list[Sheet],
                                             headings: Iterable[str]) -> None:
    """Fail when a page before the last ends with one of `headings` or a lead-in (a line
    ending in a colon): its clauses would start on the next page."""
    squeezed = {squeeze(h) for h in headings}
    for number, page in enumerate(pages[:-1], start=1):
        last = body_lines(doc, page, number)[-1]
        assert squeeze(last.text) not in squeezed, f"page {number} ends with a heading"
        assert not last.text.rstrip().endswith(":"), (
            f"page {number} ends with a lead-in: {last.text!r}")


def assert_nothing_beyond(pages: list[Sheet], edge: float) -> None:
    """Fail when a line ends right of `edge` (points from the page's left) by more than a
    point: the right margin."""
    for number, page in enumerate(pages, start=1):
        for line in page.lines:
            assert line.right <= edge + 1, (
                f"page {number}: {line.text!r} ends {(line.right - edge) / MM:.1f} mm "
                f"beyond the right margin")
