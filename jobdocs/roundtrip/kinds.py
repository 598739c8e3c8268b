"""What a paragraph of a reviewed document is: by the number typed at its start, its
dash, and its paragraph style (the styles jobdocs' writer gives the body)."""

from __future__ import annotations

import re

#: A typed clause number at a paragraph's start: «2.3.», «2.3.1», «2.3.1.»
_LABEL = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?(?:\t|\s+|$)")
_DASH = re.compile(r"^\s*[–—\-•·▪]\s*(?:\t|\s+)")
HEADING = re.compile(r"^\s*(\d+)\.?\s+(.*)$", re.S)


def label_of(text: str) -> tuple[str, str, bool]:
    """Return a clause paragraph's typed number («2.3»), its text without it, and whether
    it starts with a dash (an item)."""
    m = _LABEL.match(text)
    if m:
        return m.group(1), text[m.end():], False
    m = _DASH.match(text)
    if m:
        return "", text[m.end():], True
    return "", text, False


def style_kind(style: str) -> tuple[str, int]:
    """Return what a paragraph style makes of a paragraph: heading, intro, clause (with its
    level), item, or "" for a style jobdocs does not write in the body."""
    low = style.lower()
    if re.fullmatch(r"heading [1-9]", low):
        return "heading", 0
    if low == "body text":
        return "intro", 0
    if low == "clause item":
        return "item", 0
    if low == "clause":
        return "clause", 1
    if low.startswith("clause ") and low[7:].isdigit():
        return "clause", int(low[7:])
    return "", 0
