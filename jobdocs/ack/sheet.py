"""A filled-in лист ознакомления as a table (CSV or XLSX): the rows `jobdocs ack record` takes.

Columns (English or Russian names, any order): number (табельный номер), role
(роль), version (версия) and date (дата) are required; name (ФИО), position
(должность), unit (подразделение), lang (язык) and method (способ: paper /
electronic, бумажный / электронный) are optional. Every bad row is one problem
naming it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import table
from ..config.staff import COLUMNS as STAFF_COLUMNS
from ..errors import InvalidInput, Problem
from ..intake import SHEET

COLUMNS = {
    "number": STAFF_COLUMNS["number"],
    "role": STAFF_COLUMNS["role"],
    "version": ("version", "версия", "редакция", "версияинструкции"),
    "date": STAFF_COLUMNS["date"] + ("датаподписи", "signed", "signedon"),
    "name": STAFF_COLUMNS["name"],
    "position": STAFF_COLUMNS["position"],
    "unit": STAFF_COLUMNS["unit"],
    "lang": ("lang", "language", "язык"),
    "method": ("method", "how", "способ", "способознакомления"),
}
REQUIRED = ("number", "role", "version", "date")
#: How an acknowledgement was given: on the paper sheet, or electronically (ТК РФ 22.1–22.3).
METHODS = ("paper", "electronic")
METHOD_WORDS = {"paper": "paper", "бумажный": "paper", "бумага": "paper", "подпись": "paper",
                "electronic": "electronic", "электронный": "electronic", "эдо": "electronic",
                "электронно": "electronic", "": "paper"}
HOW = ("a filled-in sheet is a CSV (UTF-8) or XLSX table with a header row naming at least "
       "number, role, version and date (YYYY-MM-DD or DD.MM.YYYY) columns")


@dataclass(frozen=True)
class SheetRow:
    """One signature a sheet records, as written, with where it stands."""

    line: int
    number: str
    role: str
    version: str
    date: dt.date
    name: str = ""
    position: str = ""
    unit: str = ""
    lang: str = ""
    method: str = "paper"


def read_sheet(path: Path | str, today: dt.date | None = None
               ) -> Iterator[SheetRow | Problem]:
    """Yield each row of a filled-in sheet, or the Problem of a bad row."""
    name = str(path)
    lines = table.rows(path, SHEET)
    first = next(lines, None)
    if first is None:
        raise InvalidInput(Problem(name, 1, 1, f"the sheet is empty; {HOW}"))
    columns = table.columns(first[1], COLUMNS, REQUIRED, name, HOW)
    today = today or dt.date.today()
    for line, cells in lines:
        if any(c.strip() for c in cells):
            yield _row(cells, columns, name, line, today)


def _row(cells: list[str], columns: dict[str, int], name: str, line: int,
         today: dt.date) -> SheetRow | Problem:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def fail(column: str, message: str) -> Problem:
        return Problem(name, line, columns.get(column, 0) + 1, f"row {line}: {message}")

    for column in REQUIRED:
        if not cell(column):
            return fail(column, f"the {column} is empty; every row needs the personnel "
                                "number, the role id, the version signed and the date")
    when = table.parse_date(cell("date"))
    if when is None:
        return fail("date", f"date {cell('date')!r}: write YYYY-MM-DD or DD.MM.YYYY")
    if when > today:
        return fail("date", f"date {when.isoformat()} is in the future; write the day the "
                            "employee signed")
    method = METHOD_WORDS.get(cell("method").lower())
    if method is None:
        return fail("method", f"method {cell('method')!r} is neither paper nor electronic "
                              "(бумажный, электронный); leave it empty for paper")
    return SheetRow(line, cell("number"), cell("role"), cell("version"), when, cell("name"),
                    cell("position"), cell("unit"), cell("lang"), method)

