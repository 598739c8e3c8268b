"""Tables people keep in a spreadsheet: a staff list, a filled-in sheet. CSV or XLSX.

A CSV file is UTF-8 text separated by commas or semicolons (Excel's "CSV UTF-8"
in a Russian locale writes semicolons). An XLSX workbook is read from its first
worksheet with openpyxl (the `xlsx` extra), cell values as they show: whole numbers
without ".0", dates as YYYY-MM-DD.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem, UsageError
from ..extras import install
from ..intake import Kind, read_bytes

#: The most a workbook may unpack to: a sheet of 200,000 rows is about 60 MB.
MAX_UNPACKED = 512 * 1024 * 1024
XLSX_EXTRA = install("xlsx")


def rows(path: Path | str, kind: Kind) -> Iterator[tuple[int, list[str]]]:
    """Yield each row of a CSV or XLSX table with its line number, the header first.

    The file is read through the one reader (jobdocs.intake) under the cap of
    its `kind` (STAFF, SHEET); raise InvalidInput naming it when it cannot be
    read at all.
    """
    name = str(path)
    data = read_bytes(path, kind)
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        yield from _xlsx(data, name, kind.name)
        return
    text = decode(data, name)
    del data
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as e:
        raise InvalidInput(Problem(name, reader.line_num, 1, f"not a CSV row: {e}")) from None


def decode(data: bytes, name: str) -> str:
    """Return a CSV file's text; raise InvalidInput naming the first line that is not UTF-8."""
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


def key(cell: str) -> str:
    """Return a column's name as it is compared: lower case, without spaces, dots, dashes."""
    return re.sub(r"[\s.\-_]+", "", cell.strip().lower())


def columns(header: list[str], names: Mapping[str, Sequence[str]], required: Sequence[str],
            path: str, how: str) -> dict[str, int]:
    """Return where each known column stands in a header row (names compared by `key`);
    raise InvalidInput when a `required` one is missing."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        for column, known in names.items():
            if key(cell) in known and column not in found:
                found[column] = index
    missing = [c for c in required if c not in found]
    if missing:
        # Only the columns jobdocs knows are named: the header of a file that is no
        # table at all (a link to a file of secrets) is never echoed into a log.
        others = sum(1 for cell in header if cell.strip()) - len(found)
        has = ", ".join(found) or "none of them"
        if others:
            has += f"; {others} other column{'s' if others > 1 else ''}"
        raise InvalidInput(Problem(path, 1, 1, f"the header row has no {', '.join(missing)} "
                                   f"column (it has: {has}); {how}"))
    return found


def _xlsx(data: bytes, name: str, what: str) -> Iterator[tuple[int, list[str]]]:
    try:
        import openpyxl
    except ImportError:
        raise UsageError(f"reading {Path(name).name} needs openpyxl: {XLSX_EXTRA}, or save "
                         "the table as CSV UTF-8") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
                raise InvalidInput(Problem(name, None, None, f"the {what} unpacks to more than "
                                           f"{MAX_UNPACKED >> 20} MB; save it as CSV UTF-8"))
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except InvalidInput:
        raise
    except Exception as e:  # openpyxl raises many kinds for a damaged workbook
        raise InvalidInput(Problem(name, None, None, f"cannot read the {what} as an Excel "
                                   f"workbook ({type(e).__name__}: {e}); save it again as "
                                   ".xlsx, or as CSV UTF-8")) from None
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell(v) for v in values]
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_date(text: str) -> dt.date | None:
    """Return a date written YYYY-MM-DD or DD.MM.YYYY, None when it is neither."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        return None
