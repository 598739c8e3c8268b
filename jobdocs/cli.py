"""The `jobdocs` command: parse options, call the library, map errors to exit codes."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from . import __version__
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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jobdocs")
def cli() -> None:
    """Turn YAML role definitions into signable job descriptions."""


@cli.command()
@click.argument("roles", nargs=-1, required=True, metavar="ROLE...")
@click.option("--lang", "-l", "langs", multiple=True, metavar="LANG",
              help="Language to render (repeatable). Default: every language the role declares.")
@click.option("--format", "-f", "formats", multiple=True, default=("md",), show_default=True,
              type=click.Choice(["md", "docx", "pdf"]), help="Output format (repeatable).")
@click.option("--output", "-o", "out_dir", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Directory to write the documents to.")
def render(roles: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...],
           out_dir: Path) -> None:
    """Render job descriptions to DIR/<role-id>.<lang>.<format>.

    ROLE is a role file or the id of a role in ./roles/ or in the packaged
    library (see `jobdocs list`).
    """
    from .build import build, plan

    jobs = plan(roles, langs, list(dict.fromkeys(formats)))
    for path in build(jobs, out_dir):
        click.echo(str(path))


@cli.command("list")
def list_() -> None:
    """List the roles a ROLE id can name, with their languages."""
    from .library import list_roles

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


def main() -> None:
    """Run the command line interface."""
    cli(prog_name="jobdocs")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
