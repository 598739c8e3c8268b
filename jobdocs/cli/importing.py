"""The `jobdocs import` command: read documents, write role files, report findings."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import JobdocsError, UsageError
from .options import settings


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="FILE...")
@click.option("--lang", "-l", metavar="LANG", help="The documents' language (ru, en, de, sv). "
              "Default: told from the text.")
@click.option("--translation", type=click.Path(path_type=Path), metavar="FILE",
              help="The same document in another language: one bilingual role.")
@click.option("--translation-lang", metavar="LANG", help="The translation's language.")
@click.option("--output", "-o", "out_dir", type=click.Path(path_type=Path),
              help="Directory to write the role files to. Default: the project's roles "
              "folder (jobdocs.yaml), else roles.")
@click.option("--force", is_flag=True, help="Replace role files that exist.")
def import_(files: tuple[Path, ...], lang: str | None, translation: Path | None,
            translation_lang: str | None, out_dir: Path | None, force: bool) -> None:
    """Read job descriptions (DOCX, Markdown, text) into role files.

    Each FILE becomes DIR/<role-id>.yaml, and what its approval block and
    signatures held a suggested profile, DIR/organizations/<role-id>.yaml. Everything
    that could not be placed is reported with its line; review the ids, the
    title's cases and the references (docs/importing.md).
    """
    if translation is not None and len(files) != 1:
        raise UsageError("--translation pairs one document with its translation: give one FILE")
    from ..files import ensure_dir
    from ..importer.document import import_document
    from ..importer.output import expand, write
    from ..importer.report import report

    # The project of the folder the roles go to: its profile, sections and house style
    # apply to the new roles, as `jobdocs validate` will apply them.
    s = settings([out_dir] if out_dir else [], keep_going=True)
    out_dir = out_dir or s.roles or Path("roles")
    failed = 0
    taken: set[str] = set()
    for path in expand(files):
        try:
            result = import_document(path, lang, translation, translation_lang)
            written = write(result, ensure_dir(out_dir), force, taken, s.org, s.library)
        except UsageError:
            raise
        except JobdocsError as e:
            click.echo(f"Error: {e}", err=True)
            failed += 1
            continue
        failed += not report(result, written)
    if failed:
        raise click.exceptions.Exit(1)
