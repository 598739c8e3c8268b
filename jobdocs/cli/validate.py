"""`jobdocs validate`: every problem of role files at its file, line and column."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..errors import UsageError
from ..files import shown
from .options import color_option, org_option, settings
from .terminal import echo, use_color


@click.command()
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
    from ..check import check_paths, report
    from ..files import write_output

    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    targets = report.destinations(formats, outputs, "github" if in_actions else "text")
    s = settings(paths, org=org_file, lenient=bool(paths), keep_going=True)
    if not paths:
        default = s.roles or Path("roles")
        if not default.is_dir():
            raise UsageError(f"no {shown(default)}/ directory here; give the role files or "
                             "directories to check")
        paths = (str(default), str(s.project.path)) if s.project else (str(default),)
    result = check_paths(paths, strict=strict, settings=s)
    for fmt, out in targets:
        if out == report.STDOUT:
            colored = fmt == "text" and use_color(color)
            echo(report.render(result, fmt, color=colored), nl=False, color=colored)
            continue
        write_output(out, report.render(result, fmt).encode(), "report")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and "github" in (fmt for fmt, _ in targets):
        from ..check.report.github import step_summary

        with open(summary_file, "a", encoding="utf-8") as f:
            f.write(step_summary(result))
    ctx.exit(0 if result.ok else 1)
