"""The `jobdocs diff` command: compare two versions of a role, write a report or a redline."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InvalidInput, JobdocsError, UsageError
from .options import color_option, is_file_arg, lang_option, org_option, settings
from .terminal import echo, use_color


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--from", "from_rev", metavar="REV", help="Compare FILE as it was at REV ...")
@click.option("--to", "to_rev", metavar="REV", help="... with FILE at REV (default: as it is now).")
@lang_option("Compare this language (repeatable). Default: every language both declare.")
@click.option("--format", "-f", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "md", "json", "docx"]), help="Output format.")
@click.option("--output", "-o", "out", type=click.Path(path_type=Path), metavar="FILE",
              help="Write to FILE instead of standard output ('-'; docx needs a file or a "
              "redirection).")
@org_option
@click.option("--reference-doc", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="FILE.docx", help="Styles and letterhead of the redline (default: as for "
              "render: jobdocs.yaml's reference_doc, else the profile's, else jobdocs' own).")
@color_option
@click.option("--author", help="Author of the tracked changes (default: from git, else jobdocs).")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Date of the tracked changes (default: the profile's date, else the date "
                   "of NEW's git commit, else none).")
@click.pass_context
def diff(ctx: click.Context, old: str | None, new: str | None, from_rev: str | None,
         to_rev: str | None, langs: tuple[str, ...], fmt: str, out: Path | None,
         org_file: Path | None, reference_doc: Path | None, color: str, author: str | None,
         date: str | None) -> None:
    """Show what changed between two versions of a role, clause by clause.

    OLD and NEW are role files, role ids, or REV:PATH read from git
    (HEAD~3:roles/key-account-manager.yaml). A docx redline shows one
    language: give --lang when the role has several. Exit 0: no
    differences, 1: differences, 2: an error.
    """
    from ..diff.align import diff_roles
    from ..diff.sides import load_side, specs

    try:
        given = [x for x in (old, new) if x is not None and Path(x).exists()]
        s = settings(given, org=org_file, reference_doc=reference_doc,
                     lenient=all(x is None or is_file_arg(x) for x in (old, new)))
        org = s.org
        a_spec, b_spec = specs(old, new, from_rev, to_rev, s.library)
        a, b = load_side(a_spec, s.library), load_side(b_spec, s.library)
        for lang in langs:  # both versions must be written in it
            a.role.require_language(lang)
            b.role.require_language(lang)
        result = diff_roles(a.role, b.role, langs, org)
        to_stdout = out is None or str(out) == "-"
        colored = fmt == "text" and to_stdout and use_color(color)
        data = _diff_output(result, fmt, a, b, author, date or org.date, out, colored, langs,
                            s.letterhead)
    except UsageError:
        raise
    except InvalidInput as e:
        for problem in e.problems:
            echo(str(problem), err=True)
        ctx.exit(2)
    except JobdocsError as e:
        echo(f"Error: {e}", err=True)
        ctx.exit(2)
    if to_stdout and fmt != "docx":
        echo(data.decode(), nl=False, color=colored)
    else:
        from ..files import write_output

        write_output(out or "-", data, "redline" if fmt == "docx" else "diff")
        if str(out) != "-":
            echo(str(out), err=True)
    ctx.exit(1 if result.has_changes else 0)


def _diff_output(result: Any, fmt: str, a: Any, b: Any, author: str | None, date: Any,
                 out: Path | None, color: bool, langs: tuple[str, ...],
                 reference_doc: Path | None) -> bytes:
    from ..diff.formats import FORMATTERS, to_text

    if fmt == "text":
        return to_text(result, color=color).encode()
    if fmt != "docx":
        return FORMATTERS[fmt](result).encode()
    if out is None or (str(out) == "-" and sys.stdout.isatty()):
        raise UsageError("--format docx writes a Word file: give -o FILE.docx (or -o - with "
                         "standard output redirected)")
    from ..diff.redline import redline
    from ..render.docx import xmlsafe

    # What XML cannot hold (a control character in --author or a version) is dropped.
    result, author = xmlsafe.clean((result, author or b.author or "jobdocs"))
    # The date: --date, else the profile's, else NEW's git commit; a redline is one language.
    return redline(result, author=author,
                   date=_when(date) if isinstance(date, str) else date or b.date,
                   lang=langs[0] if len(langs) == 1 else "", reference_doc=reference_doc)


def _when(date: str | None) -> dt.date | None:
    if date is None:
        return None
    try:  # a calendar date: no time, no time zone to drift through
        return dt.date.fromisoformat(date)
    except ValueError:
        raise UsageError(f"--date {date!r}: write YYYY-MM-DD") from None
