"""`jobdocs catalog-template`: the template of every message of the documents."""

from __future__ import annotations

import click


@click.command("catalog-template")
def catalog_template() -> None:
    """Print the template of every message of the documents (messages.pot).

    Start a translation, or a company's own wording, from it with
    `pybabel init` (see docs/translating.md).
    """
    from ..resolve.i18n import template_file

    click.echo(template_file().read_text(encoding="utf-8"), nl=False)
