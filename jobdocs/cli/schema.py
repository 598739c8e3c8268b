"""`jobdocs schema`: the JSON Schema of role files, profiles and jobdocs.yaml."""

from __future__ import annotations

import click

from ..errors import UsageError


@click.command()
@click.argument("kind", default="role", metavar="[role|organization|project|frame]")
def schema(kind: str) -> None:
    """Print the JSON Schema of role files (or profiles, jobdocs.yaml, a frame definition).

    It is the schema `jobdocs validate` checks with. `jobdocs init` saves all
    three in the project's schemas/ folder; name one in a file's first line:
    `# yaml-language-server: $schema=../schemas/role-1.json`
    """
    from ..roles.schema import SCHEMAS, as_text

    if kind not in SCHEMAS:
        raise UsageError(f"no schema for '{kind}' (use one of: {', '.join(SCHEMAS)})")
    click.echo(as_text(kind), nl=False)
