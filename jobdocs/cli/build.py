"""`jobdocs build` and `jobdocs init` (imports stay inside them: fast start)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import UsageError
from ..formats import names
from .options import settings


@click.command()
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core).")
@click.option("--force", is_flag=True, help="Rebuild every document, changed or not.")
@click.option("--format", "-f", "formats", multiple=True,
              type=click.Choice(names()),
              help="Build only these formats (repeatable). Default: the project's.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.pass_context
def build(ctx: click.Context, jobs: int | None, force: bool, formats: tuple[str, ...],
          quiet: bool) -> None:
    """Build every role of the project (jobdocs.yaml) for every organization,
    language and format it names; only what changed since the last build.

    Exit 0: all built, 1: a document failed (the others are built).
    """
    from ..production.run import build_project

    s = settings()
    bar = None

    def start(total: int):  # type: ignore[no-untyped-def]
        nonlocal bar
        if quiet or not total or not sys.stderr.isatty():
            return None
        bar = click.progressbar(length=total, label="building", file=sys.stderr,
                                show_pos=True, show_eta=True)
        bar.__enter__()
        return bar.update

    try:
        summary = build_project(s, jobs=jobs, force=force, formats=formats, start=start)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for line in summary.errors:
        click.echo(line, err=True)
    if not quiet:
        click.echo(str(summary), err=True)
    ctx.exit(0 if summary.ok else 1)


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Write a commented jobdocs.yaml (and an empty roles/ folder) in DIRECTORY."""
    from ..config.starter import STARTER
    from ..files import write_atomic

    target = directory / "jobdocs.yaml"
    if target.exists():
        from ..config.project import untrusted

        why = untrusted(target)
        if why:  # `build` said there is none to use: say why this one is not used
            raise UsageError(f"{target}: exists already, and jobdocs ignores it: {why}; "
                             "move the project into a folder of your own")
        raise UsageError(f"{target}: exists already; edit it, or remove it first")
    write_atomic(target, STARTER.encode())
    (directory / "roles").mkdir(exist_ok=True)
    click.echo(str(target))
