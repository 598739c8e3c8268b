"""Recognize sections, clauses, sub-clauses and dashed lists in a document's lines."""

from __future__ import annotations

import re

from . import frame, words
from .draft import Draft, DraftClause, DraftSection
from .lines import BadInput, Line, Source

_DOTTED = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)(?:\.(?!\d)|\s|(?=[^\W\d_«\"“(]))\s*(?=\S)")
_DOTTED_PAREN = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?\)\s*(?=\S)")  # 1.1) and 1.1.)
_ROMAN = re.compile(r"^([IVXLC]{1,6})\.\s*(?=\S)")
_PAREN = re.compile(r"^(\d{1,2}|[a-zа-я])\)\s*(?=\S)")
_DASH = re.compile(r"^[-–—•·*▪●○◦]\s*(?=\S)")
_SEPARATOR = re.compile(r"^[-—–_=*‐ ]+$")
_SECTION_WORD = re.compile(r"^(раздел|глава|section|chapter|abschnitt|kapitel|avsnitt)\s+(?=\S)",
                           re.I)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def split_number(text: str) -> tuple[str, tuple[int, ...], str]:
    """Return (kind, number, rest): kind is dotted (1.6.1), roman (IV.), paren (1), а)) or ""."""
    for kind, pattern in (("dotted", _DOTTED_PAREN), ("dotted", _DOTTED), ("roman", _ROMAN),
                          ("paren", _PAREN)):
        m = pattern.match(text)
        if m:
            return kind, _number(kind, m.group(1)), text[m.end():]
    return "", (), text


def _number(kind: str, label: str) -> tuple[int, ...]:
    if kind == "dotted":
        return tuple(int(x) for x in label.split("."))
    if kind == "roman":
        values = [_ROMAN_VALUES[c] for c in label]
        return (sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                    for i, v in enumerate(values)),)
    return (int(label),) if label.isdigit() else (ord(label) - ord("a" if label < "z" else "а")
                                                  + 1,)


def parse(source: Source, lang: str | None = None) -> Draft:
    """Return the draft of a document: title, sections, clauses, frame values, findings."""
    lines = [x for x in source.lines if not _SEPARATOR.match(x.text)]
    draft = Draft(source.path, lang or words.detect_language([x.text for x in lines]))
    start = next((i for i in range(len(lines)) if _heading(lines, i, preamble=True)), None)
    if start is None:
        raise BadInput(f"{source.path}: found no section headings (such as «1. Общие "
                       "положения» or \"2. Job Duties\"); is it a job description?")
    body, tail = _split(lines, start)
    frame.read_preamble(draft, lines[:start])
    _Body(draft, body).read()
    frame.read_tail(draft, tail)
    for line, note in source.notes:
        draft.find(line, note, "not-imported")
    if not draft.title:
        draft.find(lines[0].line, "found no title line (such as «Должностная инструкция "
                   "менеджера по продажам» or \"Job Description: Sales Manager\"); write the "
                   "title into the role", "no-title")
    return draft


def _heading(lines: list[Line], i: int, preamble: bool = False
             ) -> tuple[str | None, str, int | None] | None:
    """Return (section key or None for an unknown one, heading, number) if line i is a heading."""
    line = lines[i]
    word = _SECTION_WORD.match(line.text)  # «Раздел 2. Должностные обязанности»
    kind, number, rest = split_number(line.text[word.end():] if word else line.text)
    if line.bullet or _DASH.match(line.text) or kind == "paren" or len(number) > 1:
        return None
    if preamble and (words.DOC_TYPE.match(line.text) or frame.is_frame(line.text)):
        return None
    short = len(rest.split()) <= 12 and not rest.rstrip().endswith((".", ";", ","))
    key = words.section_of(rest, loose=bool(number or line.heading))
    if key and short and (not rest.endswith(":") or len(rest.split()) <= 4):
        return key, rest.rstrip(":"), number[0] if number else None
    if line.heading and not preamble and short:
        return None, rest, number[0] if number else None
    if kind == "roman" and short and not preamble:
        return None, rest, number[0]
    if kind == "dotted" and short and not rest.endswith(":") and not preamble:
        for later in lines[i + 1:i + 4]:
            k, n, _ = split_number(later.text)
            if k == "dotted" and len(n) > 1:
                return (None, rest, number[0]) if n[0] == number[0] else None
    return None


def _split(lines: list[Line], start: int) -> tuple[list[Line], list[Line]]:
    """Return the body's lines and the frame's (signatures, visas, acknowledgement).

    The body goes on where a section heading follows a frame block (an
    acknowledgement between two sections): its clauses are imported, not lost.
    """
    body: list[Line] = []
    tail: list[Line] = []
    while start < len(lines):
        end = _tail_start(lines, start)
        body += lines[start:end]
        resume = next((i for i in range(end, len(lines)) if _resumes(lines, i)), len(lines))
        tail += lines[end:resume]
        start = resume
    return body, tail


def _resumes(lines: list[Line], i: int) -> bool:
    """Whether line i, after a frame block, opens a section again: a known section's
    heading or a numbered one, and no part of a signature or an acknowledgement sheet."""
    found = _heading(lines, i)
    return bool(found and (found[0] is not None or found[2] is not None)
                and not frame.is_frame(lines[i].text))


def _tail_start(lines: list[Line], start: int) -> int:
    """Return where the signatures begin: the first frame line, and the position above it."""
    for i in range(start + 1, len(lines)):
        text = lines[i].text
        if split_number(text)[0] or _DASH.match(text) or lines[i].bullet or not frame.is_frame(
                text) or _heading(lines, i):
            continue
        prev = lines[i - 1].text
        if (i - 1 > start and not split_number(prev)[0] and not _DASH.match(prev)
                and not lines[i - 1].bullet and len(prev.split()) <= 8
                and not prev.endswith((".", ";", ":")) and not _heading(lines, i - 1)):
            return i - 1
        return i
    return len(lines)


class _Body:
    """Read the sections: one pass over the lines, keeping the open clauses."""

    def __init__(self, draft: Draft, lines: list[Line]) -> None:
        self.draft, self.lines = draft, lines
        self.section: DraftSection | None = None
        self.index: dict[tuple[int, ...], DraftClause] = {}
        self.last: DraftClause | None = None  # the latest numbered clause, at any level
        self.list_owner: DraftClause | None = None  # the clause a dashed list hangs from
        self.sublist: DraftClause | None = None  # a lead-in whose list restarts at 1

    def read(self) -> None:
        for i, line in enumerate(self.lines):
            heading = _heading(self.lines, i)
            if heading:
                self._open(line, *heading)
                continue
            dash = _DASH.match(line.text)
            if line.bullet or dash:
                self._item(line, line.text[dash.end():] if dash else line.text)
                continue
            kind, number, rest = split_number(line.text)
            if kind:
                self._numbered(line, kind, number, rest)
            else:
                self._plain(line, self.lines[i + 1] if i + 1 < len(self.lines) else None)

    def _open(self, line: Line, key: str | None, heading: str, number: int | None,
              intro: str = "") -> None:
        draft = self.draft
        if key is None:
            from .ids import make_id

            key = make_id(heading, set(), draft.lang) or "section"
        if any(s.key == key for s in draft.sections):
            draft.find(line.line, f"a second «{heading}» section: its clauses are added to the "
                       "first one", "repeated-section")
            self.section = next(s for s in draft.sections if s.key == key)
        else:
            self.section = DraftSection(key, heading, line.line, number,
                                        declared=key not in words.HEADINGS)
            if self.section.declared:
                draft.find(line.line, f"«{heading}» is not a section jobdocs knows: it becomes "
                           f"the declared section '{key}'", "declared-section", "info")
            draft.sections.append(self.section)
        if intro:
            self.section.intro, self.section.intro_line = intro, line.line
        self.index, self.last, self.list_owner, self.sublist = {}, None, None, None

    def _numbered(self, line: Line, kind: str, number: tuple[int, ...], rest: str) -> None:
        sec = self.section
        assert sec is not None
        key = words.section_of(rest)
        if (kind != "paren" and len(number) == 1 and rest.endswith(":") and key
                and not any(s.key == key for s in self.draft.sections)):
            self.draft.find(line.line, f"clause {number[0]} reads as the opening of the "
                            f"'{key}' section («{rest}»): that section begins here",
                            "section-in-clause", "info")
            self._open(line, key, rest, None, intro=rest)
            return
        if kind == "paren":
            parent = self.sublist or self.last
            if parent is None:
                path = number
            else:
                self.sublist = parent
                path = parent.path + number
        else:
            path = self._path(line, number)
        label = line.text[: len(line.text) - len(rest)].strip()
        clause = DraftClause(rest, line.line, path, label.rstrip(".") if kind != "paren" else label)
        self._place(clause)

    def _path(self, line: Line, number: tuple[int, ...]) -> tuple[int, ...]:
        sec = self.section
        assert sec is not None
        if sec.prefixed is None:
            sec.prefixed = len(number) > 1 and number[0] == (sec.number or number[0])
            if sec.prefixed and sec.number is None:
                sec.number = number[0]
        if sec.prefixed and len(number) > 1:
            if number[0] != sec.number:
                self.draft.find(line.line, f"clause {'.'.join(map(str, number))} is in section "
                                f"{sec.number} «{sec.heading}»: it is kept there",
                                "number-outside-section")
            number = number[1:]
        sub = self.sublist
        if sub is not None and len(number) == 1:
            expected = len([c for c in sub.children if c.path]) + 1
            if number[0] == expected:
                return sub.path + number
        self.sublist = None
        if (len(number) == 1 and number[0] == 1 and self.last is not None
                and self.last.text.endswith(":") and not self.last.children):
            self.sublist = self.last
            return self.last.path + number
        return number

    def _place(self, clause: DraftClause) -> None:
        sec = self.section
        assert sec is not None
        parent = self.index.get(clause.path[:-1]) if len(clause.path) > 1 else None
        if len(clause.path) > 1 and parent is None:
            self.draft.find(clause.line, f"clause {clause.label} has no clause "
                            f"{'.'.join(map(str, clause.path[:-1]))} above it: it is kept as a "
                            "clause of its own", "orphan-clause")
        if parent is not None and parent.children and not parent.numbered:
            self.draft.find(clause.line, f"clause {clause.label} follows a dashed list under "
                            "the same clause: it is kept as a clause of its own", "mixed-list")
            parent = None
        siblings = parent.children if parent is not None else sec.clauses
        numbered = [c for c in siblings if c.path]
        if numbered and clause.path:
            before = numbered[-1].path[-1]
            if clause.path[-1] <= before:
                self.draft.find(clause.line, f"number {clause.label} repeats or goes back "
                                f"after {numbered[-1].label}: the clause is kept in this place",
                                "number-repeat")
            elif clause.path[-1] > before + 1:
                self.draft.find(clause.line, f"number {clause.label} follows "
                                f"{numbered[-1].label}: a gap; numbers are computed, so it "
                                "closes", "number-gap")
        elif clause.path and clause.path[-1] != 1 and not (parent is None and not numbered
                                                           and sec.clauses):
            self.draft.find(clause.line, f"number {clause.label} starts a list that should "
                            "start at 1", "number-gap")
        if parent is not None:
            parent.numbered = True
        siblings.append(clause)
        self.index[clause.path] = clause
        self.last, self.list_owner = clause, None

    def _item(self, line: Line, text: str) -> None:
        sec = self.section
        assert sec is not None
        owner = self.list_owner or self.last
        if owner is None or (owner.children and owner.numbered):
            owner = owner.children[-1] if owner is not None else None
        if owner is None:
            if not (sec.intro and not sec.clauses):
                self.draft.find(line.line, "a dashed item with no clause before it: it becomes "
                                "a clause", "unplaced-item")
            sec.clauses.append(DraftClause(text, line.line))
            return
        owner.children.append(DraftClause(text, line.line))
        self.list_owner = owner

    def _plain(self, line: Line, after: Line | None) -> None:
        sec = self.section
        assert sec is not None
        text = line.text
        if not sec.clauses and not sec.intro and (
                text.endswith(":") or (after is not None and split_number(after.text)[0])):
            sec.intro, sec.intro_line = text, line.line
            return
        if all(not c.path for c in sec.clauses) and self.last is None:
            sec.clauses.append(DraftClause(text, line.line))  # a section of plain paragraphs
            self.list_owner = None
            return
        # After a repeated section's heading no clause is open: the section's last one is.
        target = (self.list_owner.children[-1] if self.list_owner else self.last
                  or sec.clauses[-1])
        self.draft.find(line.line, f"an unnumbered paragraph after clause "
                        f"{self.last.label if self.last else target.label}: joined to the text "
                        f"before it («{_short(text)}»)", "joined-paragraph")
        target.text = f"{target.text} {text}"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
