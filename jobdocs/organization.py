"""Organization profiles: who approves, agrees and signs, and in which jurisdiction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: What a document prints when no profile names the jurisdiction.
DEFAULT_JURISDICTION = {"ru": "Российской Федерации", "en": "the Russian Federation",
                        "de": "der Russischen Föderation", "sv": "Ryska federationen"}


@dataclass(frozen=True)
class Person:
    """A signatory as a profile gives it: position per language, name, date."""

    position: Mapping[str, Any] = field(default_factory=dict)
    name: Mapping[str, str] = field(default_factory=dict)
    date: dt.date | None = None


@dataclass(frozen=True)
class Organization:
    """An organization profile; every field may be missing and then prints a blank."""

    name: Mapping[str, str] = field(default_factory=dict)
    place: Mapping[str, str] = field(default_factory=dict)
    jurisdiction: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_JURISDICTION))
    approver: Person = field(default_factory=Person)
    author: Person = field(default_factory=Person)
    agreements: tuple[Person, ...] = ()
    number: str = ""
    date: dt.date | None = None
    acknowledgement_rows: int = 8
    locale: Mapping[str, str] = field(default_factory=dict)
    path: str = ""


def localized(value: Any, lang: str, case: str = "nominative") -> str:
    """Return a profile value in `lang` (and grammatical `case` where it has cases)."""
    if isinstance(value, Mapping):
        value = value.get(lang, "")
    if isinstance(value, Mapping):
        value = value.get(case) or value.get("nominative", "")
    return "" if value is None else str(value)
