"""`jobdocs ack`: record who signed which version, and list who must sign again."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from ..ack.export import FORMATS as EXPORT_FORMATS
from ..ack.output import DUE_FORMATS, STATUS_FORMATS
from ..ack.sheet import METHODS
from ..errors import InvalidInput, Problem, UsageError
from .options import FORMAT, lang_option, org_options, settings
from .terminal import echo, visible

#: What a listing for standard output keeps in memory before it spools to a file.
SPOOL = 8 * 1024 * 1024

if TYPE_CHECKING:
    from ..ack.context import Context
    from ..ack.due import State


@click.group("ack")
def ack() -> None:
    """The acknowledgement register: who signed which version of their job
    description, and who must sign again. See docs/acknowledgements.md."""


def _context(org_file: Path | None, sets: tuple[str, ...]) -> Context:
    from ..ack.context import open_context

    return open_context(settings(org=org_file, sets=sets))


@ack.command()
@click.argument("sheets", nargs=-1, type=click.Path(dir_okay=False, path_type=Path),
                metavar="[SHEET.csv|SHEET.xlsx]...")
@click.option("--number", help="Record one acknowledgement: the personnel number.")
@click.option("--role", "role_id", metavar="ROLE", help="... the role id.")
@click.option("--version", "label", metavar="VERSION",
              help="... the version signed (default: the current one).")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="... the day (default: today).")
@click.option("--name", default="", help="... the employee's full name.")
@click.option("--position", default="", help="... their position.")
@click.option("--unit", default="", help="... their unit.")
@click.option("--method", type=click.Choice(METHODS), default="paper", show_default=True,
              help="... on the paper sheet, or electronically.")
@click.option("--lang", default="", metavar="LANG", help="... the language of the copy signed.")
@click.option("--staff", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Take names, positions and units the sheet lacks from this staff list.")
@org_options
def record(sheets: tuple[Path, ...], number: str | None, role_id: str | None,
           label: str | None, date_text: str | None, name: str, position: str, unit: str,
           method: str, lang: str, staff: Path | None, org_file: Path | None,
           sets: tuple[str, ...]) -> None:
    """Record acknowledgements from filled-in sheets (CSV or XLSX), or one given by
    --number, --role and --date. A sheet with any bad row records nothing."""
    from ..ack.recording import Batch, convert, from_sheet
    from ..ack.sheet import SheetRow
    from ..config.table import parse_date

    if sheets and (number or role_id):
        raise UsageError("give sheets, or one acknowledgement with --number and --role, "
                         "not both")
    if not sheets and not (number and role_id):
        raise UsageError("give a filled-in sheet, or --number and --role of one employee")
    ctx = _context(org_file, sets)
    staff = staff or ctx.staff
    with ctx.register:
        batch, problems = Batch(), []
        if sheets:
            for path in sheets:
                try:
                    one = from_sheet(path, ctx.versions, staff)
                except InvalidInput as e:
                    problems += e.problems
                    continue
                batch.acks += one.acks
                batch.roles.update(one.roles)
        else:
            assert number and role_id
            when = parse_date(date_text) if date_text else dt.date.today()
            if when is None:
                raise UsageError(f"--date {date_text}: write YYYY-MM-DD or DD.MM.YYYY")
            label = label or ctx.versions.current(role_id).label
            row = SheetRow(0, number, role_id, label, when, name, position, unit, lang, method)
            known = _people(staff, number)
            batch = convert([row], ctx.versions, "--number", "command line", known, problems)
        if problems:
            raise InvalidInput([_one_line(p) for p in problems])
        done = ctx.register.record(batch.acks, batch.roles)
    echo(f"recorded {done.added} acknowledgement{'s' * (done.added != 1)} "
         f"({done.already} already in the register) in {ctx.register.db.where}", err=True)


def _one_line(p: Problem) -> Problem:
    return p if p.line else replace(p, line=None, message=p.message.removeprefix("row 0: "))


def _people(staff: Path | None, number: str) -> dict[str, Any]:
    from ..ack.recording import people

    return people(staff, {number}) if staff else {}


_staff_option = click.option(
    "--staff", type=click.Path(dir_okay=False, path_type=Path), metavar="STAFF.csv",
    help="The staff list: number, name, role, and optionally position, unit, gender "
    "(default: the project's acknowledgements.staff).")

_output_option = click.option("--output", "-o", default="-", metavar="FILE",
                              help="Write to FILE instead of standard output.")


@ack.command()
@_staff_option
@click.option("--format", "-f", "fmt", type=click.Choice(tuple(DUE_FORMATS)), default="text",
              show_default=True, help="How to list the employees who must sign.")
@_output_option
@click.option("--sheets", "sheets_dir", type=click.Path(file_okay=False, path_type=Path),
              metavar="DIR", help="Write each due employee's copy of their job description, "
              "with their acknowledgement sheet, into DIR.")
@click.option("--sheet-format", "sheet_formats", multiple=True,
              type=FORMAT, help="Format of the copies "
              "(repeatable; default docx).")
@lang_option("Language of the copies and of the change summaries (default: each role's "
             "first).")
@org_options
def due(staff: Path | None, fmt: str, output: str, sheets_dir: Path | None,
        sheet_formats: tuple[str, ...], langs: tuple[str, ...], org_file: Path | None,
        sets: tuple[str, ...]) -> None:
    """List the employees who must sign: new in their position, or whose role changed
    in content since the version they signed (with the clauses that changed)."""
    from ..ack.due import Due

    if len(langs) > 1:
        raise UsageError("--lang: give one language")
    ctx = _context(org_file, sets)
    with ctx.register:
        d = Due(ctx.staff_list(staff), ctx.versions, ctx.register, langs[0] if langs else None)
        written: list[State] = []

        def keep(states: Iterator[State]) -> Iterator[State]:
            for s in states:
                if sheets_dir is not None and s.due:
                    written.append(s)
                yield s

        with _out(output) as out:
            DUE_FORMATS[fmt](d, keep(d.states()), out)
        ctx.versions.save()
        if sheets_dir is not None:
            from ..ack.sheets import write_sheets

            for path in write_sheets(written, ctx.org, sheets_dir,
                                     sheet_formats or ("docx",), langs[0] if langs else None):
                echo(str(path), err=True)


@ack.command()
@_staff_option
@click.option("--by", type=click.Choice(["role", "unit"]), default="role", show_default=True,
              help="Count per role or per unit.")
@click.option("--format", "-f", "fmt", type=click.Choice(tuple(STATUS_FORMATS)),
              default="text", show_default=True)
@_output_option
@org_options
def status(staff: Path | None, by: str, fmt: str, output: str, org_file: Path | None,
           sets: tuple[str, ...]) -> None:
    """Count, per role or unit, the employees who acknowledged the current version, who
    must sign again (due) and who never signed (never)."""
    from ..ack.due import Due
    from ..ack.output import status_counts

    ctx = _context(org_file, sets)
    with ctx.register:
        d = Due(ctx.staff_list(staff), ctx.versions, ctx.register)
        counts = status_counts(d.states(), by)
        ctx.versions.save()
    with _out(output) as out:
        STATUS_FORMATS[fmt](counts, by, out)


@ack.command()
@click.option("--output", "-o", required=True, metavar="FILE.csv|FILE.xlsx",
              help="The file to write ('-': standard output, CSV only).")
@click.option("--format", "-f", "fmt", type=click.Choice(EXPORT_FORMATS),
              help="Default: from the file's suffix, else csv.")
@click.option("--role", "role_id", metavar="ROLE", help="Only this role's acknowledgements.")
@org_options
def export(output: str, fmt: str | None, role_id: str | None, org_file: Path | None,
           sets: tuple[str, ...]) -> None:
    """Export every acknowledgement of the register, for an HR system."""
    from ..ack.export import export as table
    from ..files import write_output

    fmt = fmt or ("xlsx" if output.lower().endswith(".xlsx") else "csv")
    if output == "-" and fmt == "xlsx" and sys.stdout.isatty():
        raise UsageError("-o - would print an XLSX file to the terminal; name a file")
    ctx = _context(org_file, sets)
    with ctx.register:
        data = table(ctx.register.rows(role_id), fmt)
    write_output(output, data, "export")


class _out:
    """Where a listing goes: standard output once it is complete (spooled until then, so
    that a staff list with errors prints nothing), or a file written atomically."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __enter__(self) -> IO[str]:
        if self.target == "-":
            self.spool = tempfile.SpooledTemporaryFile(SPOOL, "w+", encoding="utf-8")
            return self.spool
        self.file = click.open_file(self.target, "w", encoding="utf-8", atomic=True)
        return self.file.__enter__()

    def __exit__(self, kind: type[BaseException] | None, *exc: Any) -> None:
        if self.target != "-":
            self.file.__exit__(kind, *exc)
            return
        with self.spool:
            if kind is None:
                self.spool.seek(0)
                while block := self.spool.read(1 << 16):
                    # text from a staff list must not steer the terminal
                    click.echo(visible(block), nl=False)
