"""Who must sign: each employee of a staff list against the register and the roles now.

An employee is **new** in their position when the register holds no
acknowledgement of their role by them, **changed** when the text they signed
(the clauses, the title and the sections of the latest version they
acknowledged, in the language they signed it in) differs from the current
one (with a summary of the clauses that changed), and **acknowledged**
otherwise: re-issuing the same content (the same hash), or a new version label
or new organization details over the same text, makes no one due.

The staff list is read once, row by row, and compared a chunk of employees
per query of the register; every bad row is one problem, and nothing is
reported from a list with errors. Memory holds a chunk, the roles, and one
diff summary per pair of versions, whatever the list's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config.staff import Employee, staff_rows
from ..errors import InvalidInput, JobdocsError, Problem
from .register import Last, Register
from .summary import Summary, summarize
from .versions import Version, Versions

#: The columns `ack due` needs of a staff list.
REQUIRED = ("number", "name", "role")
HOW = ("a staff list for the register is a CSV (UTF-8) or XLSX table with a header row: "
       "number (табельный номер), name, role (the role id), and optionally position, unit, "
       "gender and date")
#: How many employees are compared per query of the register.
CHUNK = 2000


@dataclass(frozen=True)
class State:
    """Where one employee of the staff list stands with their role's current version."""

    employee: Employee
    line: int  # the row of the staff list
    current: Version
    state: str  # acknowledged | changed | new
    last: Last | None = None  # their latest acknowledgement of the role, if any

    @property
    def due(self) -> bool:
        return self.state != "acknowledged"


class Due:
    """The comparison of a staff list with a register, for one organization."""

    def __init__(self, staff: Path | str, versions: Versions, register: Register,
                 lang: str | None = None) -> None:
        self.staff = staff
        self.versions = versions
        self.register = register
        self.lang = lang
        self._summaries: dict[tuple[str, str, str], Summary] = {}
        self._broken: dict[str, bool] = {}  # role id → whether it fails to load

    def states(self) -> Iterator[State]:
        """Yield every employee's state, in the order of the staff list, in one reading.

        A bad row, or a role that cannot be loaded, is a problem; once there is
        one, the rest of the list is only checked. At the end, raise InvalidInput
        with every problem: what was yielded before it is to be dropped (the
        commands write to a spool, and print nothing from a list with errors).
        """
        problems: list[Problem] = []
        chunk: list[tuple[int, Employee]] = []
        for line, row in staff_rows(self.staff, REQUIRED, HOW):
            if isinstance(row, Problem):
                problems.append(row)
            elif self._loads(row.role, line, problems) and not problems:
                chunk.append((line, row))
                if len(chunk) == CHUNK:
                    yield from self._compare(chunk)
                    chunk = []
        if problems:
            raise InvalidInput(sorted(problems, key=lambda p: p.line or 0))
        yield from self._compare(chunk)

    def _loads(self, role_id: str, line: int, problems: list[Problem]) -> bool:
        """Return whether the role loads; the first row naming a broken one is a problem."""
        if role_id not in self._broken:
            try:
                self.versions.current(role_id)
                self._broken[role_id] = False
            except JobdocsError as e:
                self._broken[role_id] = True
                problems.append(Problem(str(self.staff), line, None, f"row {line}: role "
                                        f"'{role_id}': {str(e).splitlines()[0]}"))
        return not self._broken[role_id]

    def _compare(self, chunk: list[tuple[int, Employee]]) -> Iterator[State]:
        if not chunk:
            return
        latest = self.register.latest(e.number for _, e in chunk)
        for line, e in chunk:
            current = self.versions.current(e.role)
            last = latest.get((e.number, e.role))
            if last is None:
                yield State(e, line, current, "new")
            elif last.content_hash == current.content_hash or \
                    not self._summary(e.role, last, current).signed_text_changed:
                yield State(e, line, current, "acknowledged", last)
            else:
                yield State(e, line, current, "changed", last)

    def changes(self, state: State) -> Summary | None:
        """Return what changed since the version the employee last signed (None if new)."""
        if state.last is None or not state.due:
            return None
        return self._summary(state.employee.role, state.last, state.current)

    def _summary(self, role_id: str, last: Last, current: Version) -> Summary:
        """Return what changed from the version signed to the current one, read in the
        language the employee signed (else --lang, else the role's first); once per
        (role, version signed, language)."""
        lang = last.lang or self.lang or current.role.languages[0]
        key = (role_id, last.content_hash, lang)
        if key not in self._summaries:
            old = self.register.version(role_id, last.content_hash)
            if old is None:
                summary = Summary(error=f"the register holds no copy of version "
                                        f"{last.version}")
            else:
                summary = summarize(old, current.role, lang, self.versions.org)
            self._summaries[key] = summary
        return self._summaries[key]

