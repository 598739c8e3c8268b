"""The staff list (`--staff FILE.csv`): who signs the лист ознакомления.

A CSV file with a header row: full name and position, optionally gender and
date (columns named in English or Russian: name / ФИО, position / должность,
gender / пол, date / дата), separated by commas or semicolons, in UTF-8.
Any problem is one error naming the row; nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, Problem

#: The names a column may have (compared in lower case, without dots and spaces).
COLUMNS = {
    "name": ("name", "fullname", "фио", "фамилияимяотчество", "сотрудник", "работник"),
    "position": ("position", "jobtitle", "title", "должность"),
    "gender": ("gender", "sex", "пол"),
    "date": ("date", "дата", "датаознакомления"),
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


def gender(value: str) -> str | None:
    """Return "f", "m" or "" for a gender as people write it; None when it is none of them."""
    text = value.strip().lower().rstrip(".")
    if not text:
        return ""
    return GENDERS.get(text)


def read_staff(path: Path | str) -> tuple[Employee, ...]:
    """Return the employees of a staff list; raise InvalidInput naming the bad row."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InvalidInput(Problem(name, None, None, f"cannot read the staff list: "
                                   f"{e.strerror or e}")) from e
    text = _decode(data, name)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    if not rows:
        raise InvalidInput(Problem(name, 1, 1, f"the staff list is empty; {HOW}"))
    columns = _columns(rows[0], name)
    staff = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        staff.append(_employee(row, columns, name, number))
    if not staff:
        raise InvalidInput(Problem(name, 2, 1, f"the staff list names nobody; {HOW}"))
    return tuple(staff)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        for number, line in enumerate(data.split(b"\n"), start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                raise InvalidInput(Problem(name, number, 1, "row is not UTF-8 text (saved as "
                                           "Windows-1251?); save the file as CSV UTF-8")
                                   ) from None
        raise InvalidInput(Problem(name, 1, 1, "not UTF-8 text; save the file as CSV UTF-8")
                           ) from None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _key(cell: str) -> str:
    return re.sub(r"[\s.\-_]+", "", cell.strip().lower())


def _columns(header: list[str], name: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        for column, names in COLUMNS.items():
            if _key(cell) in names and column not in found:
                found[column] = index
    missing = [c for c in ("name", "position") if c not in found]
    if missing:
        raise InvalidInput(Problem(name, 1, 1, f"the header row has no {' or '.join(missing)} "
                                   f"column (it has: {', '.join(header) or 'nothing'}); {HOW}"))
    return found


def _employee(row: list[str], columns: dict[str, int], name: str, number: int) -> Employee:
    def cell(column: str) -> str:
        index = columns.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    def fail(column: str, message: str) -> InvalidInput:
        return InvalidInput(Problem(name, number, columns.get(column, 0) + 1,
                                    f"row {number}: {message}"))

    full_name = cell("name")
    if not full_name:
        raise fail("name", "the name is empty; give each employee's full name")
    sex = gender(cell("gender"))
    if sex is None:
        raise fail("gender", f"gender {cell('gender')!r} is not f or m (ж or м); "
                             "leave it empty when unknown")
    when = None
    if cell("date"):
        try:
            when = dt.date.fromisoformat(cell("date"))
        except ValueError:
            try:
                when = dt.datetime.strptime(cell("date"), "%d.%m.%Y").date()
            except ValueError:
                raise fail("date", f"date {cell('date')!r}: write YYYY-MM-DD or "
                                   "DD.MM.YYYY") from None
    return Employee(full_name, cell("position"), sex, when)


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
