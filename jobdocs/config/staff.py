"""The staff list (`--staff FILE.csv`): who signs the лист ознакомления.

A CSV file with a header row: full name and position, optionally gender and
date (columns named in English or Russian: name / ФИО, position / должность,
gender / пол, date / дата), separated by commas or semicolons, in UTF-8. The
acknowledgement register (`jobdocs ack`) reads the same file with two more
columns, the personnel number (number / табельный номер) and the role id
(role / роль), and optionally the unit (unit / подразделение).
Every bad row is one error naming it; nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, Problem
from ..intake import STAFF
from . import table

#: The names a column may have (compared in lower case, without dots and spaces).
COLUMNS = {
    "name": ("name", "fullname", "фио", "фамилияимяотчество", "сотрудник", "работник"),
    "position": ("position", "jobtitle", "title", "должность"),
    "gender": ("gender", "sex", "пол"),
    "date": ("date", "дата", "датаознакомления"),
    "number": ("number", "personnelnumber", "employeenumber", "employeeid", "табельныйномер",
               "табномер", "таб№", "№таб", "табельный№"),
    "role": ("role", "roleid", "роль"),
    "unit": ("unit", "department", "подразделение", "структурноеподразделение", "отдел"),
}
GENDERS = {"f": "f", "female": "f", "ж": "f", "жен": "f", "женский": "f",
           "m": "m", "male": "m", "м": "m", "муж": "m", "мужской": "m"}
HOW = ("a staff list is a CSV file with a header row: name, position and optionally "
       "gender (f/m) and date (YYYY-MM-DD), in UTF-8")


@dataclass(frozen=True)
class Employee:
    """One employee who is to read and sign the job description."""

    name: str | Mapping[str, str]  # a profile may give it per language
    position: str | Mapping[str, str] = ""
    gender: str = ""  # "f", "m", or "" when unknown
    date: dt.date | None = None
    number: str = ""  # the personnel number (табельный номер), for the register
    role: str = ""  # the id of the role the employee holds, for the register
    unit: str = ""  # the structural unit (подразделение)


def gender(value: str) -> str | None:
    """Return "f", "m" or "" for a gender as people write it; None when it is none of them."""
    text = value.strip().lower().rstrip(".")
    if not text:
        return ""
    return GENDERS.get(text)


def read_staff(path: Path | str) -> tuple[Employee, ...]:
    """Return the employees of a staff list; raise InvalidInput naming every bad row."""
    staff: list[Employee] = []
    problems: list[Problem] = []
    for _, row in staff_rows(path):
        if isinstance(row, Problem):
            problems.append(row)
        else:
            staff.append(row)
    if problems:
        raise InvalidInput(problems)
    if not staff:
        raise InvalidInput(Problem(str(path), 2, 1, f"the staff list names nobody; {HOW}"))
    return tuple(staff)


def staff_rows(path: Path | str, required: Sequence[str] = ("name", "position"),
               how: str = HOW) -> Iterator[tuple[int, Employee | Problem]]:
    """Yield the row number and employee of each row of a staff list (CSV, or XLSX) in
    order, or the Problem of a bad row.

    A file that cannot be read, or whose header lacks a `required` column,
    raises InvalidInput at once. The rows are parsed one by one as they are
    asked for, so that a list of 200,000 employees is never held as objects.
    """
    name = str(path)
    lines = table.rows(path, STAFF)
    first = next(lines, None)
    if first is None:
        raise InvalidInput(Problem(name, 1, 1, f"the staff list is empty; {how}"))
    columns = table.columns(first[1], COLUMNS, required, name, how)
    for number, row in lines:
        if not any(cell.strip() for cell in row):
            continue
        try:
            yield number, _employee(row, columns, name, number, required)
        except InvalidInput as e:
            yield number, e.problems[0]


def _employee(row: list[str], columns: dict[str, int], name: str, number: int,
              required: Sequence[str] = ("name",)) -> Employee:
    width = len(row)
    cell = {c: row[i].strip() if i < width else "" for c, i in columns.items()}
    get = cell.get

    def fail(column: str, message: str) -> InvalidInput:
        return InvalidInput(Problem(name, number, columns.get(column, 0) + 1,
                                    f"row {number}: {message}"))

    full_name = get("name", "")
    if not full_name:
        raise fail("name", "the name is empty; give each employee's full name")
    for column in ("number", "role"):
        if column in required and not get(column):
            raise fail(column, f"the {column} is empty; give each employee's "
                               f"{'personnel number' if column == 'number' else 'role id'}")
    sex = gender(get("gender", ""))
    if sex is None:
        raise fail("gender", f"gender {get('gender')!r} is not f or m (ж or м); "
                             "leave it empty when unknown")
    date = get("date", "")
    when = table.parse_date(date) if date else None
    if date and when is None:
        raise fail("date", f"date {date!r}: write YYYY-MM-DD or DD.MM.YYYY")
    return Employee(full_name, get("position", ""), sex, when, get("number", ""),
                    get("role", ""), get("unit", ""))


_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                   "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                   "", "e", "iu", "ia"], strict=True))


def file_slug(seq: int, employee: Employee) -> str:
    """Return the part of a file name that tells one employee's copy from another's:
    their place in the staff list and their surname in Latin letters (02-ivanova)."""
    name = employee.name if isinstance(employee.name, str) else next(
        iter(employee.name.values()), "")
    # The surname: first in «Иванова Мария Петровна», last in «М.П. Иванова».
    words = [w for w in re.split(r"[\s.]+", name) if len(w) > 1]
    surname = words[0] if words and "." not in name.split()[0] else (words or [""])[-1]
    latin = "".join(_LATIN.get(ch, ch) for ch in surname.lower())
    surname = "-".join(re.findall(r"[a-z0-9]+", latin))
    return f"{seq:02d}-{surname}" if surname else f"{seq:02d}"
