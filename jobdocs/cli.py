"""The `jobdocs` command: parse options, call the library, map errors to exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .cli_options import (
    Group,
    color_option,
    echo,
    is_file_arg,
    lang_option,
    org_option,
    org_options,
    use_color,
    version_option,
    workspace,
)
from .errors import JobdocsError, UsageError


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@version_option
@click.option("--debug", is_flag=True, help="On an internal error, print the traceback.")
def cli(debug: bool) -> None:
    """Turn YAML role definitions into signable job descriptions."""


@cli.command()
@click.argument("roles", nargs=-1, required=True, metavar="ROLE...")
@lang_option("Language to render (repeatable). Default: every language the role declares.")
@click.option("--format", "-f", "formats", multiple=True,
              type=click.Choice(["md", "docx", "pdf"]),
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
           out_dir: Path | None, org_file: Path | None, settings: tuple[str, ...],
           reference_doc: Path | None, staff: Path | None, per_employee: bool) -> None:
    """Render job descriptions to DIR/<role-id>.<lang>.<format>.

    ROLE is a role file or the id of a role in ./roles/ or in the packaged
    library (see `jobdocs list`). A jobdocs.yaml in this directory or above
    gives the defaults of every option (see docs/project-format.md).
    """
    from dataclasses import replace

    from .config.profile import load_organization
    from .render.batch import build, plan, render_one

    ws = workspace(explicit=out_dir is not None and all(map(is_file_arg, roles)))
    project = ws.project
    if project:
        langs = langs or project.languages
        formats = formats or project.formats
        out_dir = out_dir or project.output
        reference_doc = reference_doc or project.reference_doc
    org = ws.with_wording(load_organization(ws.org(org_file), list(settings)))
    if project:  # the profile's house style wins over the project's, key by key
        org = replace(org, house_style=org.house_style.over(project.house_style))
    jobs = plan(roles, langs, list(dict.fromkeys(formats or ("md",))), ws.library.load)
    if per_employee and staff is None:
        raise UsageError("--per-employee makes a copy for each employee of a staff list: "
                         "give it with --staff FILE.csv")
    if staff is not None:
        from .config.staff import read_staff
        from .render.batch import per_employee as copies

        org = replace(org, staff=read_staff(staff))
        jobs = copies(jobs, org.staff) if per_employee else jobs
    if str(out_dir) == "-":
        if len(jobs) != 1:
            raise UsageError(f"-o - prints one document, and this run makes {len(jobs)}: "
                             "name one role, one --lang and one --format")
        if jobs[0].fmt != "md" and sys.stdout.isatty():
            raise UsageError(f"-o - would print a {jobs[0].fmt.upper()} file to the terminal; "
                             "redirect standard output to a file")
        from .files import write_output

        write_output("-", render_one(jobs[0], org, reference_doc))
        return
    for path in build(jobs, out_dir or Path("out"), org, reference_doc):
        click.echo(str(path))


@cli.command()
@click.argument("role", metavar="ROLE")
@lang_option("Show only this language (repeatable).")
@org_options
def show(role: str, langs: tuple[str, ...], org_file: Path | None,
         settings: tuple[str, ...]) -> None:
    """Print ROLE as documents print it: merged with the roles it extends,
    numbered, its text rendered, and where each clause came from."""
    from .config.profile import load_organization
    from .show import show_role

    ws = workspace(explicit=is_file_arg(role))
    org = ws.with_wording(load_organization(ws.org(org_file), list(settings)))
    loaded = ws.library.load(role)
    for lang in langs:
        if lang not in loaded.languages:
            raise UsageError(f"role '{loaded.id}' is written in {', '.join(loaded.languages)}, "
                             f"not '{lang}'")
    echo(show_role(loaded, langs, org), nl=False)


@cli.command("list")
def list_() -> None:
    """List the roles a ROLE id can name, with their languages."""
    entries = workspace().library.list()
    if not entries:
        echo("no roles found (looked in ./roles/ and the packaged library)", err=True)
        return
    width = max(len(e.id) for e in entries)
    langs = max((len(",".join(e.languages)) for e in entries if not e.error), default=0)
    for e in entries:
        if e.error:
            echo(f"{e.id:<{width}}  invalid: {e.error}")
        else:
            echo(f"{e.id:<{width}}  {','.join(e.languages):<{langs}}  {e.title}")


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
@click.option("--format", "-f", "formats", multiple=True,
              type=click.Choice(["text", "json", "github", "sarif", "junit"]),
              help="Report format (repeatable). Default: text; github under GitHub Actions.")
@click.option("--output", "-o", "outputs", multiple=True, metavar="FILE",
              help="File for the n-th --format ('-': standard output). A format without "
                   "one prints to standard output.")
@org_option
@color_option
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], strict: bool, formats: tuple[str, ...],
             outputs: tuple[str, ...], org_file: Path | None, color: str) -> None:
    """Check role files: every problem at its file, line and column, in one run.

    PATH is a role file or a directory of them (default: ./roles/). Exit 0:
    no errors, 1: errors (with --strict, warnings too), 2: wrong usage.
    """
    from .check import check_paths, report
    from .files import write_output

    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    targets = report.destinations(formats, outputs, "github" if in_actions else "text")
    ws = workspace(explicit=bool(paths))
    if not paths:
        default = ws.project.roles if ws.project else Path("roles")
        if not default.is_dir():
            raise UsageError(f"no {default}/ directory here; give the role files or directories "
                             "to check")
        paths = (str(default), str(ws.project.path)) if ws.project else (str(default),)
    result = check_paths(paths, strict=strict, org=ws.org(org_file), wording=ws.wording(),
                         roles=ws.library, project=ws.project)
    for fmt, out in targets:
        if out == report.STDOUT:
            colored = fmt == "text" and use_color(color)
            echo(report.render(result, fmt, color=colored), nl=False, color=colored)
            continue
        write_output(out, report.render(result, fmt).encode(), "report")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and "github" in (fmt for fmt, _ in targets):
        from .check.report.github import step_summary

        with open(summary_file, "a", encoding="utf-8") as f:
            f.write(step_summary(result))
    ctx.exit(0 if result.ok else 1)


@cli.command()
@click.argument("kind", default="role", metavar="[role|organization|project]")
def schema(kind: str) -> None:
    """Print the JSON Schema of role files (or profiles, or jobdocs.yaml), for editors.

    It is the schema `jobdocs validate` checks with. Save it and name it in
    the file's first line:
    `# yaml-language-server: $schema=../schemas/role-1.json`
    """
    import json

    from .roles.schema import SCHEMAS

    if kind not in SCHEMAS:
        raise UsageError(f"no schema for '{kind}' (use one of: {', '.join(SCHEMAS)})")
    click.echo(json.dumps(SCHEMAS[kind], ensure_ascii=False, indent=2))


@cli.command()
@click.argument("title")
def inflect(title: str) -> None:
    """Propose every case form of a Russian job title, ready to paste into a role file.

    Only the head noun and its adjectives change; check the forms before you
    paste them. Needs `pip install 'jobdocs[morph]'`.
    """
    from .resolve import inflect as morph

    if not morph.available():
        raise JobdocsError(f"jobdocs inflect needs pymorphy3: {morph.INSTALL}")
    click.echo(morph.as_yaml(morph.propose(title)), nl=False)


from .serve import serve as _serve  # noqa: E402  (the web framework loads only when it runs)

cli.add_command(_serve)

from .build.command import build, init  # noqa: E402

cli.add_command(build)
cli.add_command(init)

from .importer.command import import_  # noqa: E402

cli.add_command(import_)

from .diff.pairs import diff  # noqa: E402

cli.add_command(diff)


@cli.command("catalog-template")
def catalog_template() -> None:
    """Print the template of every message of the documents (messages.pot).

    Start a translation, or a company's own wording, from it with
    `pybabel init` (see docs/translating.md).
    """
    from .resolve.i18n import template_file

    click.echo(template_file().read_text(encoding="utf-8"), nl=False)


def main() -> None:
    """Run the command line interface."""
    cli(prog_name="jobdocs")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
