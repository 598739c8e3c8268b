"""`jobdocs render`: roles to documents in files, or one to standard output."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import UsageError
from ..files import shown
from .options import FORMAT, files_among, is_file_arg, lang_option, org_options, settings
from .terminal import echo


@click.command()
@click.argument("roles", nargs=-1, required=True, metavar="ROLE...")
@lang_option("Language to render (repeatable). Default: every language the role declares.")
@click.option("--format", "-f", "formats", multiple=True,
              type=FORMAT,
              help="Output format (repeatable). Default: md, or the project's formats.")
@click.option("--output", "-o", "out_dir", type=click.Path(path_type=Path),
              help="Directory to write the documents to ('-': one document to standard "
              "output). Default: out, or the project's.")
@org_options
@click.option("--reference-doc", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="FILE.docx", help="Take the DOCX and PDF styles, fonts, margins, header "
              "and footer from this document (default: the one jobdocs ships).")
@click.option("--staff", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.csv",
              help="Staff list (name, position, optional gender and date) whose rows fill "
                   "the acknowledgement sheet.")
@click.option("--per-employee", is_flag=True,
              help="With --staff: one copy per employee, named and gender-agreed in the "
                   "acknowledgement.")
def render(roles: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...],
           out_dir: Path | None, org_file: Path | None, sets: tuple[str, ...],
           reference_doc: Path | None, staff: Path | None, per_employee: bool) -> None:
    """Render job descriptions to DIR/<role-id>.<lang>.<format>.

    ROLE is a role file or the id of a role in ./roles/ or in the packaged
    library (see `jobdocs list`). The jobdocs.yaml of the role files given (or
    of this directory) gives the defaults of every option (see
    docs/project-format.md).
    """
    from dataclasses import replace

    from ..production.batch import build, plan, render_one

    s = settings(files_among(roles), org=org_file, sets=sets, reference_doc=reference_doc,
                 lenient=out_dir is not None and all(map(is_file_arg, roles)))
    org = s.org
    jobs = plan(roles, langs or s.languages, list(dict.fromkeys(formats or s.formats)),
                s.library.load)
    if per_employee and staff is None:
        raise UsageError("--per-employee makes a copy for each employee of a staff list: "
                         "give it with --staff FILE.csv")
    if staff is not None:
        from ..config.staff import read_staff
        from ..production.batch import per_employee as copies

        org = replace(org, staff=read_staff(staff))
        jobs = copies(jobs, org.staff) if per_employee else jobs
    out_dir = out_dir or s.output
    if str(out_dir) == "-":
        if len(jobs) != 1:
            raise UsageError(f"-o - prints one document, and this run makes {len(jobs)}: "
                             "name one role, one --lang and one --format")
        if jobs[0].fmt != "md" and sys.stdout.isatty():
            raise UsageError(f"-o - would print a {jobs[0].fmt.upper()} file to the terminal; "
                             "redirect standard output to a file")
        from ..files import write_output

        write_output("-", render_one(jobs[0], org, s.letterhead))
        return
    for path in build(jobs, out_dir, org, s.letterhead):
        echo(shown(path))
