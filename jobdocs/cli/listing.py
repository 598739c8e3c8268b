"""`jobdocs list`: the roles an id can name."""

from __future__ import annotations

import click

from .options import settings
from .terminal import echo


@click.command("list")
def list_() -> None:
    """List the roles a ROLE id can name, with their languages."""
    entries = settings().library.list()
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
