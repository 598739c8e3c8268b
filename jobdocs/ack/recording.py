"""Turn what a sheet (or a person) says into acknowledgements the register can keep.

Every row is checked before anything is recorded: its role must exist and
the version it names must be one jobdocs can pin to content (the current
one, one the register holds, or one in the role file's git history). A
sheet with any bad row is refused whole, with one problem per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..config.staff import Employee, staff_rows
from ..errors import InvalidInput, JobdocsError, Problem
from ..model import Role
from .register import Acknowledgement
from .sheet import SheetRow, read_sheet
from .versions import Versions


@dataclass
class Batch:
    """Acknowledgements ready to record, with the role each version is."""

    acks: list[Acknowledgement] = field(default_factory=list)
    roles: dict[tuple[str, str], Role] = field(default_factory=dict)


def from_sheet(path: Path | str, versions: Versions, staff: Path | str | None = None) -> Batch:
    """Return the acknowledgements of a filled-in sheet; raise InvalidInput with a problem
    per bad row (nothing is returned from a sheet with errors)."""
    rows: list[SheetRow] = []
    problems: list[Problem] = []
    for row in read_sheet(path):
        if isinstance(row, Problem):
            problems.append(row)
        else:
            rows.append(row)
    known = people(staff, {r.number for r in rows}) if staff else {}
    batch = convert(rows, versions, str(path), Path(path).name, known, problems)
    if problems:
        raise InvalidInput(sorted(problems, key=lambda p: p.line or 0))
    return batch


def convert(rows: Iterable[SheetRow], versions: Versions, where: str, source: str,
            known: Mapping[str, Employee], problems: list[Problem]) -> Batch:
    """Return the acknowledgements of checked rows; add a problem for each that cannot be."""
    batch = Batch()
    for r in rows:
        def fail(message: str, r: SheetRow = r) -> None:
            problems.append(Problem(where, r.line, None, f"row {r.line}: {message}"))

        try:
            version = versions.labelled(r.role, r.version)
            if version is None and r.version.isdigit():  # Excel keeps "1.0" as the number 1
                version = versions.labelled(r.role, f"{r.version}.0")
        except JobdocsError as e:
            fail(f"role '{r.role}': {str(e).splitlines()[0]}")
            continue
        if version is None:
            now = versions.current(r.role).label
            fail(f"role '{r.role}' has no version {r.version!r} in the register or in the "
                 f"role file's git history (the current version is {now}); correct the "
                 "version")
            continue
        if r.lang and r.lang not in version.role.languages:
            fail(f"role '{r.role}' version {r.version} is written in "
                 f"{', '.join(version.role.languages)}, not {r.lang!r}")
            continue
        person = known.get(r.number)
        batch.roles[(r.role, version.content_hash)] = version.role
        batch.acks.append(Acknowledgement(
            number=r.number, role_id=r.role, version=version.label,
            content_hash=version.content_hash, signed_on=r.date,
            name=r.name or (str(person.name) if person else ""),
            position=r.position or (str(person.position) if person else ""),
            unit=r.unit or (person.unit if person else ""),
            lang=r.lang, method=r.method, source=source))
    return batch


def people(staff: Path | str, numbers: set[str]) -> dict[str, Employee]:
    """Return the employees of a staff list with these personnel numbers."""
    out: dict[str, Employee] = {}
    for _, row in staff_rows(staff, ("number", "name")):
        if isinstance(row, Employee) and row.number in numbers:
            out.setdefault(row.number, row)
    return out

