"""The `jobdocs` command: parse options, call the library, map errors to exit codes."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from .errors import InvalidInput, JobdocsError, UsageError

INTERNAL_ERROR = 3


class _Group(click.Group):
    """Map every JobdocsError to its one-line message and exit code, in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as e:
            raise click.UsageError(str(e), ctx) from None
        except InvalidInput as e:
            for problem in e.problems:
                click.echo(str(problem), err=True)
            ctx.exit(e.exit_code)
        except JobdocsError as e:
            click.echo(f"Error: {e}", err=True)
            ctx.exit(e.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as e:  # a bug in jobdocs, not a user mistake
            if os.environ.get("JOBDOCS_DEBUG"):
                traceback.print_exc()
            click.echo(f"internal error: {type(e).__name__}: {e} (set JOBDOCS_DEBUG=1 for the "
                       "traceback, and please report it)", err=True)
            ctx.exit(INTERNAL_ERROR)


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the version; the package metadata is read only when asked for (fast start)."""
    if value and not ctx.resilient_parsing:
        from . import __version__

        click.echo(f"jobdocs, version {__version__}")
        ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and exit.")
def cli() -> None:
    """Turn YAML role definitions into signable job descriptions."""


@cli.command()
@click.argument("roles", nargs=-1, required=True, metavar="ROLE...")
@click.option("--lang", "-l", "langs", multiple=True, metavar="LANG",
              help="Language to render (repeatable). Default: every language the role declares.")
@click.option("--format", "-f", "formats", multiple=True,
              type=click.Choice(["md", "docx", "pdf"]),
              help="Output format (repeatable). Default: md, or the project's formats.")
@click.option("--output", "-o", "out_dir", type=click.Path(path_type=Path),
              help="Directory to write the documents to. Default: out, or the project's.")
@click.option("--org", "org_file", type=click.Path(path_type=Path), metavar="FILE",
              help="Organization profile: name, approver, agreements, date, number...")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="A one-off profile value, e.g. --set date=2026-11-22 --set number=15-ДИ.")
@click.option("--reference-doc", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="FILE.docx", help="Take the DOCX and PDF styles, fonts, margins, header "
              "and footer from this document (default: the one jobdocs ships).")
def render(roles: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...],
           out_dir: Path | None, org_file: Path | None, settings: tuple[str, ...],
           reference_doc: Path | None) -> None:
    """Render job descriptions to DIR/<role-id>.<lang>.<format>.

    ROLE is a role file or the id of a role in ./roles/ or in the packaged
    library (see `jobdocs list`). A jobdocs.yaml in this directory or above
    gives the defaults of every option (see docs/project-format.md).
    """
    from dataclasses import replace

    from .config.profile import load_organization
    from .config.project import current
    from .render.batch import build, plan

    project = current()
    if project:
        langs = langs or project.languages
        formats = formats or project.formats
        out_dir = out_dir or project.output
        reference_doc = reference_doc or project.reference_doc
    org = _with_wording(load_organization(_org(org_file), list(settings)))
    if project:  # the profile's house style wins over the project's, key by key
        org = replace(org, house_style=org.house_style.over(project.house_style))
    jobs = plan(roles, langs, list(dict.fromkeys(formats or ("md",))))
    for path in build(jobs, out_dir or Path("out"), org, reference_doc):
        click.echo(str(path))


@cli.command()
@click.argument("role", metavar="ROLE")
@click.option("--lang", "-l", "langs", multiple=True, metavar="LANG",
              help="Show only this language (repeatable).")
@click.option("--org", "org_file", type=click.Path(path_type=Path), metavar="FILE",
              help="Organization profile whose values the clause text uses.")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="A one-off profile value.")
def show(role: str, langs: tuple[str, ...], org_file: Path | None,
         settings: tuple[str, ...]) -> None:
    """Print ROLE as documents print it: merged with the roles it extends,
    numbered, its text rendered, and where each clause came from."""
    from .config.profile import load_organization
    from .roles.library import load_role
    from .show import show_role

    org = _with_wording(load_organization(_org(org_file), list(settings)))
    loaded = load_role(role)
    for lang in langs:
        if lang not in loaded.languages:
            raise UsageError(f"role '{loaded.id}' is written in {', '.join(loaded.languages)}, "
                             f"not '{lang}'")
    click.echo(show_role(loaded, langs, org), nl=False)


@cli.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--from", "from_rev", metavar="REV", help="Compare FILE as it was at REV ...")
@click.option("--to", "to_rev", metavar="REV", help="... with FILE at REV (default: as it is now).")
@click.option("--lang", "-l", "langs", multiple=True, metavar="LANG",
              help="Compare this language (repeatable). Default: every language both declare.")
@click.option("--format", "-f", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "md", "json", "docx"]), help="Output format.")
@click.option("--output", "-o", "out", type=click.Path(path_type=Path), metavar="FILE",
              help="Write to FILE instead of standard output (required for docx).")
@click.option("--org", "org_file", type=click.Path(path_type=Path), metavar="FILE",
              help="Organization profile both versions are resolved with.")
@click.option("--author", help="Author of the tracked changes (default: from git, else jobdocs).")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Date of the tracked changes (default: from git, else the profile's date).")
@click.pass_context
def diff(ctx: click.Context, old: str | None, new: str | None, from_rev: str | None,
         to_rev: str | None, langs: tuple[str, ...], fmt: str, out: Path | None,
         org_file: Path | None, author: str | None, date: str | None) -> None:
    """Show what changed between two versions of a role, clause by clause.

    OLD and NEW are role files, role ids, or REV:PATH read from git
    (HEAD~3:roles/key-account-manager.yaml). Exit 0: no differences,
    1: differences, 2: an error.
    """
    from .config.profile import load_organization
    from .diff import diff_roles
    from .diff.sides import load_side, specs

    try:
        org = _with_wording(load_organization(_org(org_file)))
        a_spec, b_spec = specs(old, new, from_rev, to_rev)
        a, b = load_side(a_spec), load_side(b_spec)
        for lang in langs:
            if lang not in a.role.languages or lang not in b.role.languages:
                raise UsageError(f"'{lang}' is not a language of both versions")
        result = diff_roles(a.role, b.role, langs, org)
        color = fmt == "text" and out is None and _color()
        data = _diff_output(result, fmt, a, b, author, date, out, color, langs)
    except UsageError:
        raise
    except InvalidInput as e:
        for problem in e.problems:
            click.echo(str(problem), err=True)
        ctx.exit(2)
    except JobdocsError as e:
        click.echo(f"Error: {e}", err=True)
        ctx.exit(2)
    if out is None:
        click.echo(data.decode(), nl=False, color=color)
    else:
        from .files import write_atomic

        write_atomic(out, data)
        click.echo(str(out), err=True)
    ctx.exit(1 if result.has_changes else 0)


def _org(org_file: Path | None) -> Path | None:
    """Return the profile to use: the one given, else the project's."""
    if org_file is not None:
        return org_file
    from .config.project import current

    project = current()
    return project.organization if project else None


def _wording() -> tuple[str, ...]:
    """Return the project's folder of catalogs and templates, if jobdocs.yaml names one."""
    from .config.project import current

    project = current()
    return (str(project.wording),) if project and project.wording else ()


def _with_wording(org: Any) -> Any:
    """Return the profile with the project's wording searched after the profile's own."""
    from dataclasses import replace

    return replace(org, wording=(*org.wording, *_wording())) if _wording() else org


def _color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _diff_output(result: Any, fmt: str, a: Any, b: Any, author: str | None, date: str | None,
                 out: Path | None, color: bool, langs: tuple[str, ...]) -> bytes:
    from .diff.formats import FORMATTERS, to_text

    if fmt == "text":
        return to_text(result, color=color).encode()
    if fmt != "docx":
        return FORMATTERS[fmt](result).encode()
    if out is None:
        raise UsageError("--format docx writes a file: give -o FILE.docx")
    from .diff.redline import redline

    return redline(result, author=author or b.author or "jobdocs",
                   date=_when(date) or b.date, lang=langs[0] if langs else "")


def _when(date: str | None) -> Any:
    import datetime as dt

    if date is None:
        return None
    try:
        return dt.datetime.fromisoformat(date)
    except ValueError:
        raise UsageError(f"--date {date!r}: write YYYY-MM-DD") from None


@cli.command("list")
def list_() -> None:
    """List the roles a ROLE id can name, with their languages."""
    from .roles.library import list_roles

    entries = list_roles()
    if not entries:
        click.echo("no roles found (looked in ./roles/ and the packaged library)", err=True)
        return
    width = max(len(e.id) for e in entries)
    for e in entries:
        if e.error:
            click.echo(f"{e.id:<{width}}  invalid: {e.error}")
        else:
            click.echo(f"{e.id:<{width}}  {','.join(e.languages):<6}  {e.title}")


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
@click.option("--format", "-f", "formats", multiple=True,
              type=click.Choice(["text", "json", "github", "sarif", "junit"]),
              help="Report format (repeatable). Default: text; github under GitHub Actions.")
@click.option("--output", "-o", "outputs", multiple=True, metavar="FILE",
              help="File for the n-th --format ('-': standard output). A format without "
                   "one prints to standard output.")
@click.option("--org", "org_file", type=click.Path(path_type=Path), metavar="FILE",
              help="Organization profile to resolve the roles with (checked too).")
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], strict: bool, formats: tuple[str, ...],
             outputs: tuple[str, ...], org_file: Path | None) -> None:
    """Check role files: every problem at its file, line and column, in one run.

    PATH is a role file or a directory of them (default: ./roles/). Exit 0:
    no errors, 1: errors (with --strict, warnings too), 2: wrong usage.
    """
    from .check import check_paths, report
    from .files import write_atomic

    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    targets = report.destinations(formats, outputs, "github" if in_actions else "text")
    result = check_paths(paths, strict=strict, org=_org(org_file), wording=_wording())
    for fmt, out in targets:
        if out == report.STDOUT:
            color = fmt == "text" and _color()
            click.echo(report.render(result, fmt, color=color), nl=False, color=color)
            continue
        try:
            write_atomic(Path(out), report.render(result, fmt).encode())
        except OSError as e:
            raise UsageError(f"-o {out}: cannot write the report: {e.strerror}") from e
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


def main() -> None:
    """Run the command line interface."""
    cli(prog_name="jobdocs")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
