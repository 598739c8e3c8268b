"""Which sections a document prints, in what order, under what heading.

The built-in sections are joined by those a role, its organization profile or
jobdocs.yaml declares, each placed after or before another; the house style
(profile, else jobdocs.yaml, else the default) gives the order and says which
sections every role must fill (which `jobdocs validate` checks). See
docs/role-format.md, "Sections".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..config.organization import Organization
from ..errors import Problem
from ..model import SECTIONS, Mark, Role, SectionDecl, SectionRules


@dataclass(frozen=True)
class Layout:
    """The sections of one role's documents: keys in printed order and the declared ones."""

    order: tuple[str, ...]
    declared: Mapping[str, SectionDecl]


def _problem(mark: Mark | None, fallback: str, message: str, rule: str) -> Problem:
    m = mark or Mark(fallback, 1, 1)
    return Problem(m.path, m.line, m.column, message, rule)


def _where(decl: SectionDecl) -> str:
    return f"{decl.mark.path}:{decl.mark.line}" if decl.mark else decl.source


def layout(role: Role, org: Organization, problems: list[Problem],
           offered: tuple[SectionDecl, ...] = ()) -> Layout:
    """Return the sections of `role`'s documents; add every problem with them to `problems`.

    `offered` are the sections the document's frame declares (jobdocs/frame): a role, a
    profile or jobdocs.yaml that declares one of them anew has its own way.
    """
    style = org.section_rules or SectionRules()
    declared: dict[str, SectionDecl] = {d.key: d for d in offered}
    for decl in (*org.declared, *role.declared):
        if declared.get(decl.key, decl).source == "frame":
            del declared[decl.key]
        if decl.after and decl.before:
            problems.append(_problem(decl.mark, role.path, f"declare_sections.{decl.key}: give "
                                     "after: or before:, not both", "placement"))
        if decl.key in SECTIONS:
            problems.append(_problem(decl.mark, role.path, f"declare_sections: '{decl.key}' is "
                                     "a built-in section; declare a section of your own under "
                                     "another key", "duplicate-section"))
        elif decl.key in declared:
            problems.append(_problem(decl.mark, role.path, f"declare_sections: section "
                                     f"'{decl.key}' is declared twice (first at "
                                     f"{_where(declared[decl.key])}); declare it once",
                                     "duplicate-section"))
        else:
            declared[decl.key] = decl
    known = (*SECTIONS, *declared)
    for name, keys in (("order", style.order), ("required", style.required)):
        for key in keys:
            if key not in known:
                problems.append(_problem(style.mark, role.path, f"house_style.sections.{name}: "
                                         f"'{key}' is no section (built-in: "
                                         f"{', '.join(SECTIONS)}; declared: "
                                         f"{', '.join(declared) or 'none'})", "unknown-section"))
    order = [k for k in style.order if k in known]
    _place(order, [d for d in declared.values() if d.key not in order], role, problems)
    mark = role.section_marks.get("")
    for key in role.sections:
        if key in order:
            continue
        why = ("is not in the house style's order" if key in known else
               "is neither built in nor declared; declare it under declare_sections (in the "
               "role, the organization profile or jobdocs.yaml)")
        problems.append(_problem(role.section_marks.get(key, mark), role.path,
                                 f"sections: section '{key}' {why}", "unknown-section"))
        order.append(key)  # numbered all the same, so that its clauses can be checked
    return Layout(tuple(order), declared)


def missing_sections(role: Role, org: Organization,
                     required: tuple[str, ...] | None = None) -> list[Problem]:
    """Return a problem for each section the house style requires that `role` leaves empty
    (a house style that says nothing: the sections `required` by the frame, else the
    default ones).

    `jobdocs validate` reports them; rendering prints what the role has, so that a
    role written for another house style can still be read.
    """
    style = org.section_rules or (SectionRules(required=required) if required is not None
                                  else SectionRules())
    mark = role.section_marks.get("")
    return [_problem(mark, role.path, f"section '{key}' is missing or empty; the house style "
                     "requires it", "missing-section")
            for key in style.required if not role.sections.get(key)]


def _place(order: list[str], pending: list[SectionDecl], role: Role,
           problems: list[Problem]) -> None:
    """Insert declared sections after or before their anchors (which may be declared too)."""
    while pending:
        placed = [d for d in pending if (d.after or d.before) in (None, *order)]
        for decl in placed:
            if decl.after:
                order.insert(order.index(decl.after) + 1, decl.key)
            elif decl.before:
                order.insert(order.index(decl.before), decl.key)
            else:
                order.append(decl.key)
        if not placed:
            for decl in pending:
                anchor = decl.after or decl.before
                problems.append(_problem(decl.mark, role.path, f"declare_sections.{decl.key}: "
                                         f"'{anchor}' names no section the document prints",
                                         "unknown-section"))
                order.append(decl.key)
            return
        pending = [d for d in pending if d not in placed]
