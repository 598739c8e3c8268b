"""`jobdocs inflect`: the Russian case forms of a title."""

from __future__ import annotations

import click

from ..errors import JobdocsError


@click.command()
@click.argument("title")
def inflect(title: str) -> None:
    """Propose every case form of a Russian job title, ready to paste into a role file.

    Only the head noun and its adjectives change; check the forms before you
    paste them. Needs the morph extra (`pip install '.[morph]'` in the jobdocs
    checkout).
    """
    from ..resolve import inflect as morph

    if not morph.available():
        raise JobdocsError(f"jobdocs inflect needs pymorphy3: {morph.INSTALL}")
    click.echo(morph.as_yaml(morph.propose(title)), nl=False)
