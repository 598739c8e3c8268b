"""The parts of a frame outside ГОСТ's form: the heading's table of fields, the
statements after the sections, the lines to sign on; and the gender marker a
German title carries."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..config.organization import Organization, Person, localized
from ..frame import FrameSpec, Wording
from ..frame.printed import Field, SignedBlock, SignedLines, Statement
from ..frame.wording import N_
from ..model import BLANK, Role, Title
from .officers import title_caption
from .sandbox import upfirst

if TYPE_CHECKING:
    from .frame import FrameWords

#: A marker that a title names every sex: (m/w/d), (w/m/d), (m/f/d), (m/w/x), (gn).
_MARKER = re.compile(r"\((?:[mwfdx*]\s*/\s*){2,}[mwfdx*]\)|\(gn\)", re.IGNORECASE)
_FLSA = {"exempt": N_("Exempt"), "non-exempt": N_("Non-exempt")}


def marked(w: FrameWords, spec: FrameSpec, title: Title) -> Title:
    """Return the title with the frame's gender marker after every form, unless it carries
    one already (the German AGG: «Key Account Manager (m/w/d)»)."""
    marker = w.say(spec.gender_marker) if spec.gender_marker else ""
    if not marker or any(_MARKER.search(form) for form in title.forms.values()):
        return title
    return Title({case: f"{form} {marker}" for case, form in title.forms.items()}, title.mark)


def _detail(role: Role, key: str, lang: str) -> str:
    value = role.details.get(key)
    if isinstance(value, Mapping):
        value = value.get(lang, value.get("*"))
    return "" if value is None else str(value)


def _value(w: FrameWords, key: str, title: Title, org: Organization, role: Role,
           officers: Mapping[str, Title]) -> str:
    lang = w.lang
    if key == "job_title":
        return title_caption(title, lang)
    if key == "holder":
        return localized(org.employee.name, lang) if org.employee else ""
    if key == "reports_to":
        manager = officers.get("line_manager")
        return "" if manager is None or str(manager) == BLANK else title_caption(manager, lang)
    if key == "flsa":
        status = role.details.get("flsa")
        return w.say(_FLSA[status]) if status in _FLSA else ""
    if key == "date":
        return w.date(org.date) if org.date else ""
    if key == "number":
        return org.number.for_document(role.id, lang)
    found = _detail(role, key, lang)
    if not found and key == "location":
        found = localized(org.place, lang)
    return found


def fields(w: FrameWords, spec: FrameSpec, title: Title, org: Organization, role: Role,
           officers: Mapping[str, Title]) -> tuple[Field, ...]:
    """Return the heading's table of fields: each field the frame names that the role or
    the profile fills (an empty one is left out)."""
    if spec.heading_form != "fields" or "heading" not in spec.blocks:
        return ()
    out = []
    for f in spec.fields:
        value = _value(w, f.key, title, org, role, officers)
        if value:
            out.append(Field(f.key, w.say(f.label), value))
    return tuple(out)


def statements(w: FrameWords, spec: FrameSpec, values: Mapping[str, str]
               ) -> tuple[Statement, ...]:
    """Return the paragraphs after the sections: other duties, equal opportunity, at-will."""
    return tuple(Statement(s.key, w.say(s.heading, values) if s.heading else "",
                           upfirst(w.say(s.text, values))) for s in spec.statements)


def _signer(org: Organization, role: Role, who: str) -> Person:
    """Return who signs a row: the employee the profile names, the line manager (the
    profile's officer the role reports to), the approver or the author."""
    if who == "employee":
        e = org.employee
        return Person(name=e.name if isinstance(e.name, Mapping) else {"*": e.name},
                      date=e.date) if e else Person()
    if who == "manager":
        return org.officers.get(role.reports_to or "line_manager") or Person()
    return org.approver if who == "approver" else org.author


def _row(w: FrameWords, label: Wording, person: Person, date_caption: str, place: str
         ) -> SignedBlock:
    date = w.date(person.date) if person.date else ""
    if date and place:
        date = f"{place}, {date}"
    return SignedBlock(title=w.say(label), lines=(), name=localized(person.name, w.lang),
                       sign_caption=w._("Signature"), name_caption=w._("Printed name"),
                       date=date, date_caption=date_caption)


def signatures(w: FrameWords, spec: FrameSpec, org: Organization, role: Role
               ) -> tuple[SignedLines, ...]:
    """Return the rows of lines to sign on, each set after its statement."""
    place = localized(org.place, w.lang)
    out = []
    for block in spec.signatures:
        caption = w.say(block.date)
        rows = tuple(_row(w, s.label, _signer(org, role, s.who), caption,
                          place if block.place else "") for s in block.signers)
        gender = org.employee.gender if org.employee else ""
        statement = w.agreed(block.statement, gender) if block.statement else ""
        out.append(SignedLines(statement, rows))
    return tuple(out)

