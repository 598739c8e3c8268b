"""A frame definition, merged over the preset it extends, read into a FrameSpec: which
blocks a document has, in what order, how each is laid out and worded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..house_style import MARGINS, Font, Page, Paragraphs
from .wording import N_, Msg, Text, Wording, wording

#: Every block a frame may print, in the order a frame that names none prints them.
BLOCKS = ("approval", "letterhead", "heading", "sections", "statements", "author",
          "agreements", "signatures", "acknowledgement", "sheet")
#: The facts a heading's table of fields may show, each with its label.
FIELDS: dict[str, Msg] = {
    "job_title": N_("Job Title"),
    "holder": N_("Job Holder"),
    "department": N_("Department"),
    "reports_to": N_("Reports To"),
    "responsible_for": N_("Responsible For"),
    "deputy": N_("Deputy"),
    "location": N_("Location"),
    "grade": N_("Grade"),
    "flsa": N_("FLSA Status"),
    "date": N_("Effective Date"),
    "number": N_("Document No."),
}
#: Who may sign on a line, with the caption under their row.
SIGNERS: dict[str, Msg] = {
    "employee": N_("Employee"),
    "manager": N_("Manager"),
    "approver": N_("Approved by"),
    "author": N_("Prepared by"),
}
NUMBERING = ("legal", "none")


@dataclass(frozen=True)
class FieldSpec:
    """A row of the heading's table: which fact, under what label."""

    key: str
    label: Wording


@dataclass(frozen=True)
class Signer:
    """Someone who signs on a line: employee, manager, approver or author."""

    who: str
    label: Wording


@dataclass(frozen=True)
class LinesSpec:
    """Rows of lines to sign on, after a statement (or none)."""

    statement: Wording | None
    signers: tuple[Signer, ...]
    date: Wording  # the caption of the date line
    place: bool = False  # a known date prints after the place: «Hamburg, 16. November 2026»


@dataclass(frozen=True)
class StatementSpec:
    """A paragraph after the sections (EEO, at-will, other duties), under a heading or none."""

    key: str
    heading: Wording | None
    text: Wording


@dataclass(frozen=True)
class SectionSpec:
    """A section a frame declares, for roles written for it to fill."""

    key: str
    after: str | None = None
    before: str | None = None


@dataclass(frozen=True)
class FrameSpec:
    """A frame, resolved from its preset and every layer over it; still to be worded."""

    name: str
    blocks: tuple[str, ...]
    page: Page = field(default_factory=Page)
    font: Font = field(default_factory=Font)
    paragraphs: Paragraphs = field(default_factory=Paragraphs)
    locale: Mapping[str, str] = field(default_factory=dict)
    approval_title: Wording = N_("APPROVED")
    approval_align: str = "right"
    letterhead_full: bool = True  # the full name with the short one under it
    letterhead_blank: bool = True  # a line to fill in when the profile names none
    heading_form: str = "gost"
    kind: Wording = N_("JOB DESCRIPTION")
    full_title: Wording = N_("Job Description: {genitive}")
    fields: tuple[FieldSpec, ...] = ()
    gender_marker: Wording | None = None
    numbered: bool = True
    headings: Mapping[str, Wording] = field(default_factory=dict)
    intros: Mapping[str, Wording] = field(default_factory=dict)
    declared: tuple[SectionSpec, ...] = ()
    required: tuple[str, ...] | None = None  # the sections a role must fill (None: default)
    statements: tuple[StatementSpec, ...] = ()
    author_title: Wording = N_("Head of the structural unit")
    agreements_title: Wording = N_("AGREED")
    acknowledgement: Wording = N_("I have read this job description and received one copy:")
    signatures: tuple[LinesSpec, ...] = ()
    trace: Wording | None = None


def merge(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """Return `base` with `top` over it: mappings merge key by key, a word a company gives
    stands over the preset's message it replaces, anything else (a list, false) replaces."""
    out = dict(base)
    for key, value in top.items():
        if key == "extends":
            continue
        under = out.get(key)
        if value is False or value is None:
            out[key] = False
        elif isinstance(under, Msg | Text):
            out[key] = wording(value, under)
        elif isinstance(under, Mapping) and "text" in under and not _structure(value):
            out[key] = {**under, "text": wording(value, under["text"])}  # a statement's text
        elif isinstance(value, Mapping) and isinstance(under, Mapping):
            out[key] = merge(under, value)
        else:
            out[key] = value
    return out


def _structure(value: Any) -> bool:
    """Whether a value is a block's settings, not a wording (a text per language)."""
    return isinstance(value, Mapping) and not all(
        len(str(k)) <= 3 or str(k) == "*" for k in value)


def _on(value: Any) -> bool:
    return value is not False and value is not None


def _words(value: Any) -> Wording | None:
    return None if not _on(value) else wording(value)


def _page(data: Mapping[str, Any]) -> Page:
    return Page(size=data.get("size"),
                **{k: float(data[k]) for k in MARGINS if data.get(k) is not None})


def _blocks(data: Mapping[str, Any]) -> tuple[str, ...]:
    """Return the blocks in printed order: the definition's `blocks` (the whole order),
    else every block that is on, in the order of BLOCKS."""
    def on(block: str) -> bool:
        if block == "sections":
            return True
        if block == "statements":
            return any(_on(v) for v in (data.get("statements") or {}).values())
        return _on(data.get(block))

    given = data.get("blocks")
    return tuple(b for b in (given or BLOCKS) if on(b))


def _statements(data: Mapping[str, Any]) -> tuple[StatementSpec, ...]:
    out = []
    for key, value in (data.get("statements") or {}).items():
        if not _on(value):
            continue
        if isinstance(value, Mapping) and "text" in value:
            out.append(StatementSpec(key, _words(value.get("heading")), wording(value["text"])))
        else:  # a text alone: a paragraph without a heading
            out.append(StatementSpec(key, None, wording(value)))
    return tuple(out)


def _labelled(value: Any, name: str, table: Mapping[str, Msg]) -> tuple[str, Wording]:
    """Return the key and label of a frame entry written as a key alone or as a mapping
    of the key (under `name`) and a label of the company's own."""
    if isinstance(value, str):
        return value, table[value]
    key = str(value[name])
    return key, wording(value["label"], table[key]) if value.get("label") else table[key]


def _lines(data: Mapping[str, Any]) -> tuple[LinesSpec, ...]:
    given = data.get("signatures")
    if not _on(given):
        return ()
    blocks: Sequence[Any] = given if isinstance(given, list | tuple) else [given]
    return tuple(LinesSpec(statement=_words(b.get("statement")),
                           signers=tuple(Signer(*_labelled(s, "who", SIGNERS))
                                         for s in b.get("signers") or ("employee",)),
                           date=wording(b.get("date") or N_("Date")),
                           place=bool(b.get("place")))
                 for b in blocks)


def read(name: str, data: Mapping[str, Any]) -> FrameSpec:
    """Return the FrameSpec a merged definition describes (checked by its schema)."""
    approval = data.get("approval") or {}
    letterhead = data.get("letterhead") or {}
    heading = data.get("heading") or {}
    sections = data.get("sections") or {}
    required = sections.get("required")
    trace = data.get("trace")
    return FrameSpec(
        name=name,
        blocks=_blocks(data),
        page=_page(data.get("page") or {}),
        font=Font(**(data.get("font") or {})),
        paragraphs=Paragraphs(**(data.get("paragraphs") or {})),
        locale=dict(data.get("locale") or {}),
        approval_title=wording(approval.get("title") or N_("APPROVED")),
        approval_align=str(approval.get("align") or "right"),
        letterhead_full=letterhead.get("name", "full") == "full",
        letterhead_blank=bool(letterhead.get("blank", True)),
        heading_form=str(heading.get("form") or "gost"),
        kind=wording(heading.get("kind") or N_("JOB DESCRIPTION")),
        full_title=wording(heading.get("full_title") or N_("Job Description: {genitive}")),
        fields=tuple(FieldSpec(*_labelled(f, "key", FIELDS))
                     for f in heading.get("fields") or ()),
        gender_marker=_words(heading.get("gender_marker")),
        numbered=sections.get("numbering", "legal") == "legal",
        headings={k: wording(v) for k, v in (sections.get("headings") or {}).items()
                  if _on(v)},
        intros={k: wording(v) for k, v in (sections.get("intros") or {}).items() if _on(v)},
        declared=tuple(SectionSpec(k, v.get("after"), v.get("before"))
                       for k, v in (sections.get("declare") or {}).items() if _on(v)),
        required=None if required is None or required is False else tuple(required),
        statements=_statements(data),
        author_title=wording((data.get("author") or {}).get("title")
                             or N_("Head of the structural unit")),
        agreements_title=wording((data.get("agreements") or {}).get("title") or N_("AGREED")),
        acknowledgement=wording((data.get("acknowledgement") or {}).get("statement") or N_(
            "I have read this job description and received one copy:")),
        signatures=_lines(data),
        trace=None if not _on(trace) else _TRACE if trace is True else wording(trace),
    )


_TRACE = N_("Role %(role)s, version %(version)s, content %(hash)s")
