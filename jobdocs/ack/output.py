"""The due list, the status and the register's export as text, JSON, CSV or XLSX.

Each writer takes the rows as they come and writes them as it goes, so that
a list of 200,000 employees never waits in memory.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .due import Due, State

#: Where an employee stands with their role's current version.
STATES = ("acknowledged", "changed", "new")

DUE_COLUMNS = ("number", "name", "position", "unit", "role", "version", "content_hash",
               "reason", "last_version", "last_signed", "changes")
REASONS = {"new": "new in the position", "changed": "changed since the version signed"}


def due_record(due: Due, s: State) -> dict[str, str]:
    """Return one due employee as the CSV and JSON outputs give them."""
    changes = due.changes(s)
    e = s.employee
    return {"number": e.number, "name": str(e.name), "position": str(e.position),
            "unit": e.unit, "role": e.role,
            "version": s.current.label, "content_hash": s.current.content_hash,
            "reason": s.state, "last_version": s.last.version if s.last else "",
            "last_signed": s.last.signed_on.isoformat() if s.last else "",
            "changes": changes.text() if changes else ""}


def due_text(due: Due, states: Iterable[State], out: IO[str]) -> Counter[str]:
    """Write one line per employee who must sign; return the count of every state."""
    counts: Counter[str] = Counter()
    for s in states:
        counts[s.state] += 1
        if not s.due:
            continue
        e = s.employee
        head = f"{e.number}  {str(e.name)}  {e.role} {s.current.label}"
        if s.last is None:
            out.write(f"{head}: new in the position\n")
        else:
            changes = due.changes(s)
            out.write(f"{head}: signed {s.last.version} on {s.last.signed_on.isoformat()}; "
                      f"changed: {changes.text() if changes else ''}\n")
    must = counts["new"] + counts["changed"]
    out.write(f"{must} of {sum(counts.values())} employees must sign: "
              f"{counts['changed']} for a changed version, {counts['new']} new in the "
              "position\n")
    return counts


def due_csv(due: Due, states: Iterable[State], out: IO[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    writer = csv.DictWriter(out, DUE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for s in states:
        counts[s.state] += 1
        if s.due:
            writer.writerow(due_record(due, s))
    return counts


def due_json(due: Due, states: Iterable[State], out: IO[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    out.write('{"due": [')
    first = True
    for s in states:
        counts[s.state] += 1
        if not s.due:
            continue
        record: dict[str, Any] = due_record(due, s)
        changes = due.changes(s)
        record["changes"] = changes.as_json() if changes else None
        out.write(("\n  " if first else ",\n  ") + json.dumps(record, ensure_ascii=False))
        first = False
    out.write(f'\n], "counts": {json.dumps({k: counts[k] for k in STATES})}}}\n')
    return counts


DUE_FORMATS: dict[str, Callable[[Due, Iterable[State], IO[str]], Counter[str]]] = {
    "text": due_text, "json": due_json, "csv": due_csv}


def status_counts(states: Iterable[State], by: str) -> dict[str, Counter[str]]:
    """Return, per role (or unit), how many employees acknowledged, must sign again, never did."""
    out: dict[str, Counter[str]] = {}
    for s in states:
        key = s.employee.role if by == "role" else (s.employee.unit or "—")
        out.setdefault(key, Counter())[s.state] += 1
    return dict(sorted(out.items()))


STATUS_COLUMNS = ("acknowledged", "due", "never", "employees")


def status_rows(counts: dict[str, Counter[str]]) -> Iterator[tuple[str, int, int, int, int]]:
    for key, c in counts.items():
        yield key, c["acknowledged"], c["changed"], c["new"], sum(c.values())


def status_text(counts: dict[str, Counter[str]], by: str, out: IO[str]) -> None:
    rows = list(status_rows(counts))
    width = max([len(by), *(len(r[0]) for r in rows)])
    out.write(f"{by:<{width}}  acknowledged  due  never  employees\n")
    for key, ok, due, never, total in rows:
        out.write(f"{key:<{width}}  {ok:>12}  {due:>3}  {never:>5}  {total:>9}\n")


def status_csv(counts: dict[str, Counter[str]], by: str, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((by, *STATUS_COLUMNS))
    writer.writerows(status_rows(counts))


def status_json(counts: dict[str, Counter[str]], by: str, out: IO[str]) -> None:
    data = [dict(zip((by, *STATUS_COLUMNS), row, strict=True)) for row in status_rows(counts)]
    out.write(json.dumps({"by": by, "rows": data}, ensure_ascii=False, indent=2) + "\n")


STATUS_FORMATS: dict[str, Callable[[dict[str, Counter[str]], str, IO[str]], None]] = {
    "text": status_text, "json": status_json, "csv": status_csv}

