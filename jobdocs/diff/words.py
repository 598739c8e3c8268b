"""Word-level differences of two texts: words are never cut."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

#: Words (letters, digits, inner hyphens), single punctuation marks, and runs of space.
_TOKEN = re.compile(r"⟦[^⟧]*⟧|\d+(?:[.,]\d+)*|\w+(?:[-‑]\w+)*|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    """A piece of text that is kept (`equal`), deleted or inserted."""

    op: str
    text: str


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Return the word-level difference of two texts; words are never cut."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(out, "equal", "".join(a[i1:i2]))
        else:
            _add(out, "delete", "".join(a[i1:i2]))
            _add(out, "insert", "".join(b[j1:j2]))
    return tuple(_tidy(out))


def _add(out: list[Segment], op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1].op == op:
        out[-1] = Segment(op, out[-1].text + text)
    else:
        out.append(Segment(op, text))


def _tidy(segments: list[Segment]) -> list[Segment]:
    """Fold a lone space kept between two changes into them, so a change of
    several words reads as one deletion and one insertion."""
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        if (seg.op == "equal" and seg.text.isspace() and 0 < i < len(segments) - 1
                and segments[i - 1].op != "equal" and segments[i + 1].op != "equal"):
            _add(out, "delete", seg.text)
            _add(out, "insert", seg.text)
            continue
        _add(out, seg.op, seg.text)
    return _slide(_order(out))


def _slide(segments: list[Segment]) -> list[Segment]:
    """Move a lone insertion or deletion that starts with a space to start at a word:
    "Ведёт" + " полный" + " учёт" reads better as "Ведёт " + "полный " + "учёт"."""
    out = list(segments)
    for i in range(1, len(out) - 1):
        prev, change, nxt = out[i - 1], out[i], out[i + 1]
        if prev.op != "equal" or nxt.op != "equal" or change.op == "equal":
            continue
        text, before, after = change.text, prev.text, nxt.text
        while text and after and text[0].isspace() and text[0] == after[0]:
            before, text, after = before + text[0], text[1:] + after[0], after[1:]
        out[i - 1], out[i], out[i + 1] = (Segment("equal", before), Segment(change.op, text),
                                          Segment("equal", after))
    return [s for s in out if s.text]


def _order(segments: list[Segment]) -> list[Segment]:
    """Put each run of changes as its deletions, then its insertions."""
    out: list[Segment] = []
    run: list[Segment] = []
    for seg in [*segments, Segment("equal", "")]:
        if seg.op == "equal":
            for op in ("delete", "insert"):
                text = "".join(s.text for s in run if s.op == op)
                if text:
                    out.append(Segment(op, text))
            run = []
            if seg.text:
                out.append(seg)
        else:
            run.append(seg)
    return out
