"""`jobdocs build` and `jobdocs init` (imports stay inside them: fast start)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import UsageError
from .options import FORMAT, settings


@click.command()
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core).")
@click.option("--force", is_flag=True, help="Rebuild every document, changed or not.")
@click.option("--format", "-f", "formats", multiple=True,
              type=FORMAT,
              help="Build only these formats (repeatable). Default: the project's.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--shard", metavar="K/N",
              help="Build only share K of N (1/4 ... 4/4), for N machines that build one "
                   "each; the shares' manifests merge (docs/build.md).")
@click.option("--merge", is_flag=True,
              help="Fold the shares' manifests in the output folder into its manifest; "
                   "build nothing.")
@click.option("--per-employee", is_flag=True,
              help="Build each employee's copy of the role they hold, named and "
                   "gender-agreed in the acknowledgement, instead of the roles' documents.")
@click.option("--staff", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.csv",
              help="The staff list of --per-employee (name, position, role ...). Default: "
                   "`acknowledgements: staff:` of jobdocs.yaml.")
@click.pass_context
def build(ctx: click.Context, jobs: int | None, force: bool, formats: tuple[str, ...],
          quiet: bool, shard: str | None, merge: bool, per_employee: bool,
          staff: Path | None) -> None:
    """Build every role of the project (jobdocs.yaml) for every organization,
    language and format it names; only what changed since the last build.

    Exit 0: all built, 1: a document failed (the others are built).
    """
    from ..production.run import build_project, merge_manifests
    from ..production.shards import Shard

    share = Shard.parse(shard) if shard is not None else None
    if merge and (share or per_employee or force or formats):
        raise UsageError("--merge only folds the shares' manifests; give it alone")
    if staff is not None and not per_employee:
        raise UsageError("--staff names the staff list of --per-employee; give both")
    s = settings()
    if merge:
        folded = merge_manifests(s)
        if not quiet:
            click.echo(f"{len(folded)} manifests of shares merged", err=True)
        return
    if per_employee:
        known = s.project.acknowledgements if s.project else None
        staff = staff or (known.staff if known else None)
        if staff is None:
            raise UsageError("--per-employee makes a copy for each employee of a staff list: "
                             "give it with --staff FILE.csv, or as `acknowledgements: staff:` "
                             "in jobdocs.yaml")
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
        summary = build_project(s, jobs=jobs, force=force, formats=formats, start=start,
                                shard=share, staff=staff)
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
    """Write a commented jobdocs.yaml, an empty roles/ folder and the JSON Schemas of
    roles, profiles and jobdocs.yaml (schemas/, for editors) in DIRECTORY."""
    from ..config.starter import STARTER
    from ..files import write_atomic
    from ..roles.schema import SCHEMAS, as_text, file_name

    target = directory / "jobdocs.yaml"
    if target.exists():
        from ..config.project import untrusted

        why = untrusted(target)
        if why:  # `build` said there is none to use: say why this one is not used
            raise UsageError(f"{target}: exists already, and jobdocs ignores it: {why}; "
                             "move the project into a folder of your own")
        raise UsageError(f"{target}: exists already; edit it, or remove it first")
    written = [target]
    for kind in SCHEMAS:  # what the modelines of jobdocs.yaml and imported profiles name
        written.append(directory / "schemas" / file_name(kind))
        write_atomic(written[-1], as_text(kind).encode())
    write_atomic(target, STARTER.encode())
    (directory / "roles").mkdir(exist_ok=True)
    for path in written:
        click.echo(str(path))
