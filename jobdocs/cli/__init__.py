"""The `jobdocs` command line: a group of thin commands over the library.

Each command lives in a module of its own and imports what it needs only when it
runs, so that `jobdocs --help` stays fast; the group maps every error to its exit
code in one place (group.py).
"""

from __future__ import annotations

import click

from . import (
    ack,
    build,
    catalog,
    diff,
    importing,
    inflect,
    listing,
    render,
    schema,
    serve,
    show,
    validate,
)
from .group import Group
from .options import version_option


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@version_option
@click.option("--debug", is_flag=True, help="On an internal error, print the traceback.")
def cli(debug: bool) -> None:
    """Turn YAML role definitions into signable job descriptions."""


for _command in (render.render, show.show, listing.list_, validate.validate, schema.schema,
                 inflect.inflect, serve.serve, build.build, build.init, importing.import_,
                 diff.diff, catalog.catalog_template, ack.ack):
    cli.add_command(_command)


def main() -> None:
    """Run the command line interface."""
    cli(prog_name="jobdocs")


if __name__ == "__main__":  # pragma: no cover
    main()
