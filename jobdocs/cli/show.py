"""`jobdocs show`: a role as documents print it, with where each clause came from."""

from __future__ import annotations

from pathlib import Path

import click

from .options import files_among, is_file_arg, lang_option, org_options, settings
from .terminal import echo


@click.command()
@click.argument("role", metavar="ROLE")
@lang_option("Show only this language (repeatable).")
@org_options
def show(role: str, langs: tuple[str, ...], org_file: Path | None,
         sets: tuple[str, ...]) -> None:
    """Print ROLE as documents print it: merged with the roles it extends,
    numbered, its text rendered, and where each clause came from."""
    from ..show import show_role

    s = settings(files_among([role]), org=org_file, sets=sets, lenient=is_file_arg(role))
    org = s.org
    loaded = s.library.load(role)
    for lang in langs:
        loaded.require_language(lang)
    echo(show_role(loaded, langs, org), nl=False)
