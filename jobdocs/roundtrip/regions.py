"""Where the clauses are in a reviewed document, and what changed around them.

The body runs from the first section heading to the last clause; before it
stand the approval block and the document's heading, after it the signatures,
the acknowledgement and its sheet: the frame, which the role does not hold
(jobdocs prints it from the profile and its catalogs). An edit there cannot go
into the role: it is a finding, found by comparing the frame with the frame of
the document as jobdocs rendered it.
"""

from __future__ import annotations

import difflib

from ..errors import Problem
from ..render.docx import marks
from .edited import Para, normal, short
from .kinds import style_kind

_BODY = ("heading", "intro", "clause", "item")


def _marked(para: Para, prefix: str = "") -> bool:
    return any(m.startswith(prefix or marks.CLAUSE) or m.startswith(marks.SECTION)
               for m in para.marks)


def split(paras: list[Para]) -> tuple[list[Para], list[Para], list[Para]]:
    """Return the frame before the body, the body, and the frame after it."""
    start = next((i for i, p in enumerate(paras) if style_kind(p.style)[0] == "heading"
                  or any(m.startswith(marks.SECTION) for m in p.marks)), None)
    if start is None:
        return paras, [], []
    end = max(i for i, p in enumerate(paras) if i >= start and (
        style_kind(p.style)[0] in _BODY or _marked(p)))
    return paras[:start], paras[start:end + 1], paras[end + 1:]


def body_tables(path: str, body: list[Para]) -> tuple[list[Para], list[Problem]]:
    """Return the body without the tables a reviewer put in it, and a finding for each.

    A table of body paragraphs only (a heading kept on a page with its first clause,
    as jobdocs laid some out) reads as those paragraphs."""
    tables: dict[int, list[Para]] = {}
    for para in body:
        if para.table:
            tables.setdefault(para.table, []).append(para)
    findings, foreign = [], set()
    for number, paras in tables.items():
        if all(style_kind(p.style)[0] in _BODY or _marked(p) or not normal(p.text)
               for p in paras):
            continue
        foreign.add(number)
        findings.append(Problem(path, paras[0].index, None, f"paragraph {paras[0].index}: a "
                                "table in the body: a role holds clauses, not tables; write "
                                "its content as clauses", "unplaced-table"))
    return [p for p in body if p.table not in foreign], findings


def frame_edits(path: str, edited: list[Para], base: list[Para], where: str
                ) -> list[Problem]:
    """Return a finding for each paragraph of the frame that differs from jobdocs' own."""
    a = [normal(p.text) for p in base if normal(p.text)]
    shown = [p for p in edited if normal(p.text)]
    b = [normal(p.text) for p in shown]
    out = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for para in shown[j1:j2]:
            out.append(Problem(path, para.index, None, f"paragraph {para.index} "
                               f"«{short(para.text)}» ({where}): the frame is printed from the "
                               "organization profile and jobdocs' wording, not from the role: "
                               "make the change there", "frame-edit"))
        if op == "delete":
            at = shown[j1].index if j1 < len(shown) else (shown[-1].index if shown else 0)
            for text in a[i1:i2]:
                out.append(Problem(path, at or None, None, f"«{short(text)}» ({where}) is "
                                   "gone: the frame is printed from the organization profile "
                                   "and jobdocs' wording, not from the role: make the change "
                                   "there", "frame-edit"))
    return out


def story_edits(path: str, edited: list[str], base: list[str]) -> list[Problem]:
    """Return a finding for a header or footer text that differs from jobdocs' own."""
    return [Problem(path, None, None, f"the header or footer «{short(text)}» differs from "
                    "the one jobdocs printed: it is not part of the role", "frame-edit")
            for text in sorted(set(edited) - set(base))]

