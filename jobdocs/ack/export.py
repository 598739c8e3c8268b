"""The register as a table for an HR system: CSV (UTF-8) or XLSX, one row per signature."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..config.table import XLSX_EXTRA
from ..errors import UsageError

#: The export's columns: the register's, under the names the sheets use.
HEADER = ("organization", "number", "name", "position", "unit", "role", "version",
          "content_hash", "lang", "date", "method", "recorded_at", "source")
FORMATS = ("csv", "xlsx")


def export(rows: Iterable[dict[str, object]], fmt: str) -> bytes:
    """Return the acknowledgements as a CSV or XLSX file's bytes."""
    from .register import COLUMNS

    values = ([str(r[c]) if c != "signed_on" else r[c] for c in COLUMNS] for r in rows)
    if fmt == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")  # what Excel and HR systems expect
        writer.writerow(HEADER)
        writer.writerows(values)
        return out.getvalue().encode("utf-8-sig")  # the mark makes Excel read it as UTF-8
    if fmt != "xlsx":
        raise UsageError(f"no export format '{fmt}' (use one of: {', '.join(FORMATS)})")
    try:
        from openpyxl import Workbook
    except ImportError:
        raise UsageError(f"an XLSX export needs openpyxl: {XLSX_EXTRA}, or export CSV"
                         ) from None
    book = Workbook(write_only=True)
    sheet = book.create_sheet("acknowledgements")
    sheet.append(HEADER)
    for row in values:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
