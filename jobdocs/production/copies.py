"""A copy of each employee's job description (`jobdocs build --per-employee`): the role
they hold (the staff list's `role` column) with their row in the acknowledgement."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..config.organization import Organization
from ..config.staff import Employee, file_slug, staff_rows
from ..errors import Problem
from ..files import shown
from .inputs import combine

#: What the staff list must give for a copy of each employee's role.
REQUIRED = ("name", "position", "role")
HOW = ("a staff list for --per-employee is a CSV or XLSX file with a header row: name, "
       "position and role (the id of the role the employee holds), and optionally gender "
       "(f/m) and date (YYYY-MM-DD)")


@dataclass(frozen=True)
class Copy:
    """One employee's copy: their place in the staff list, and who they are."""

    seq: int
    employee: Employee

    @property
    def name(self) -> str:
        """The part of the file name that tells this copy from the others."""
        return file_slug(self.seq, self.employee)

    def digest(self) -> str:
        """Return the hash of everything the copy says of the employee."""
        return combine(json.dumps(dataclasses.asdict(self.employee), sort_keys=True,
                                  default=str, ensure_ascii=False), str(self.seq))


def copy_org(org: Organization, employee: Employee) -> Organization:
    """Return the profile an employee's copy is resolved with: the acknowledgement names
    them and the sheet holds their row."""
    return replace(org, employee=employee, staff=(employee,), acknowledgement_rows=1)


@dataclass
class Staff:
    """The copies a staff list asks for, by role id, and its rows that ask for none."""

    copies: dict[str, list[Copy]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_copies(path: Path, role_ids: Collection[str], roles: Path) -> Staff:
    """Return the copies of the staff list at `path` for the roles `role_ids` (of the
    folder `roles`); a bad row, or a role the project has not, is a problem line.
    Copies are numbered by their place in the list, as `render --per-employee` does."""
    staff = Staff()
    for seq, (row, found) in enumerate(staff_rows(path, REQUIRED, HOW), start=1):
        if isinstance(found, Problem):
            staff.problems.append(str(replace(found, path=shown(found.path))))
        elif found.role not in role_ids:
            staff.problems.append(f"{shown(path)}:{row}: row {row}: role '{found.role}' is "
                                  f"not a role of the project ({shown(roles)}); correct the "
                                  "role id or add the role")
        else:
            staff.copies.setdefault(found.role, []).append(Copy(seq, found))
    return staff
