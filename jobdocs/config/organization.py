"""Organization profiles: who approves, agrees and signs, and in which jurisdiction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..house_style import HouseStyle
from ..house_style import from_data as house_style_from
from ..model import SectionDecl, SectionRules
from .numbers import Numbers
from .staff import Employee, gender


@dataclass(frozen=True)
class Person:
    """A signatory as a profile gives it: position per language, name, date."""

    position: Mapping[str, Any] = field(default_factory=dict)
    name: Mapping[str, str] = field(default_factory=dict)
    date: dt.date | None = None


@dataclass(frozen=True)
class Organization:
    """An organization profile; every field may be missing and then prints a blank."""

    name: Mapping[str, str] = field(default_factory=dict)  # the short name: ООО «Ромашка»
    full_name: Mapping[str, str] = field(default_factory=dict)  # as the charter gives it
    place: Mapping[str, str] = field(default_factory=dict)
    # Whose law applies, as clause text prints it ({{ jurisdiction }}); without it, the
    # name of `law` (resolve.jurisdiction).
    jurisdiction: Mapping[str, str] = field(default_factory=dict)
    # The jurisdiction code (jurisdictions.py) per language ("*" every language); none:
    # each language's home law.
    law: Mapping[str, str] = field(default_factory=dict)
    officers: Mapping[str, Person] = field(default_factory=dict)  # approver, head-of-sales ...
    approver: Person = field(default_factory=Person)
    author: Person = field(default_factory=Person)
    agreements: tuple[Person, ...] = ()
    blank_agreements: int = 2  # blank СОГЛАСОВАНО visas where no agreements are given
    number: Numbers = field(default_factory=Numbers)
    date: dt.date | None = None
    acknowledgement_rows: int = 8
    reference_doc: str = ""  # the company's own .docx for styles and letterhead
    locale: Mapping[str, str] = field(default_factory=dict)
    house_style: HouseStyle = field(default_factory=HouseStyle)
    # The `frame:` values that apply, jobdocs.yaml's first, the profile's over it (see
    # jobdocs/frame): each a preset's name, a definition, or either per language.
    frame: tuple[Any, ...] = ()
    wording: tuple[str, ...] = ()  # company folders of catalogs and templates, searched first
    employee: Employee | None = None  # who signs the acknowledgement (gender-agreed)
    staff: tuple[Employee, ...] = ()  # the rows of the лист ознакомления (--staff)
    path: str = ""
    # Sections the profile (and jobdocs.yaml, see with_project) declares, and the house
    # style's rules for sections (house_style.sections).
    declared: tuple[SectionDecl, ...] = ()
    section_rules: SectionRules | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.number, Numbers):  # Organization(number="15-ДИ")
            object.__setattr__(self, "number", Numbers(single=_single(self.number)))
        if isinstance(self.law, str):  # Organization(law="ru")
            object.__setattr__(self, "law", {"*": self.law} if self.law else {})


def localized(value: Any, lang: str, case: str = "nominative") -> str:
    """Return a profile value in `lang` (and grammatical `case` where it has cases)."""
    if isinstance(value, Mapping):
        value = value.get(lang, value.get("*", ""))
    if isinstance(value, Mapping):
        value = value.get(case) or value.get("nominative", "")
    return "" if value is None else str(value)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _person(raw: Mapping[str, Any] | None) -> Person:
    raw = raw or {}
    return Person(position=_per_language(raw.get("position")), name=_per_language(raw.get("name")),
                  date=_date(raw.get("date")))


def _employee(raw: Mapping[str, Any] | None) -> Employee | None:
    """Return the employee a profile (or --set employee.name=...) names, if any."""
    if not raw:
        return None
    name = _per_language(raw.get("name"))
    position = _per_language(raw.get("position"))
    return Employee(name=name.get("*", "") or name,
                    position=position.get("*", "") or position,
                    gender=gender(str(raw.get("gender") or "")) or "",
                    date=_date(raw.get("date")))


def _per_language(value: Any) -> Mapping[str, Any]:
    """Return a value as {lang: value}; a plain string stands for every language ("*")."""
    if value is None:
        return {}
    if isinstance(value, str | int):
        return {"*": str(value)}
    return dict(value)


def _single(value: Any) -> dict[str, str]:
    if value is None or value == "" or isinstance(value, Mapping):
        return {}
    return {"*": str(value)}


def from_data(data: Mapping[str, Any], path: str = "", number: Numbers | None = None
              ) -> Organization:
    """Return the Organization that checked profile data describes (`number`: its
    numbers, read by config.numbers; by default a single number, if any)."""
    org = Organization(path=path)
    return Organization(
        name=_per_language(data.get("name")),
        full_name=_per_language(data.get("full_name")),
        place=_per_language(data.get("place")),
        jurisdiction=_per_language(data.get("jurisdiction")),
        law=_per_language(data.get("law")),
        officers={key: _person(value) for key, value in (data.get("officers") or {}).items()},
        approver=_person(data.get("approver")),
        author=_person(data.get("author")),
        agreements=tuple(_person(p) for p in data.get("agreements") or ()),
        # `agreements: []` says the documents carry no visas, not even blank ones.
        blank_agreements=0 if "agreements" in data else org.blank_agreements,
        number=number if number is not None else Numbers(single=_single(data.get("number"))),
        date=_date(data.get("date")),
        acknowledgement_rows=data.get("acknowledgement_rows") or org.acknowledgement_rows,
        reference_doc=str(data.get("reference_doc") or ""),
        locale=dict(data.get("locale") or {}),
        house_style=house_style_from(data.get("house_style")),
        frame=(data["frame"],) if data.get("frame") is not None else (),
        wording=tuple(str(w) for w in data.get("wording") or ()),
        employee=_employee(data.get("employee")),
        path=path,
    )


def with_project(org: Organization, project: Any) -> Organization:
    """Return `org` with the sections jobdocs.yaml declares, its house style, its frame and
    its numbers: the profile's page and font values win one by one, its frame goes over
    the project's, its section rules and its numbers win as a whole."""
    if project is None:
        return org
    frame = getattr(project, "frame", None)
    return replace(org, declared=(*project.declared, *org.declared),
                   frame=(frame, *org.frame) if frame is not None else org.frame,
                   section_rules=org.section_rules or project.section_rules,
                   house_style=org.house_style.over(project.house_style),
                   number=org.number or getattr(project, "number", org.number))
