"""The `jobdocs import` command: read documents, write role files, report findings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import JobdocsError, UsageError
from ..files import shown
from .options import files_among, org_options, settings
from .terminal import echo

if TYPE_CHECKING:
    from ..importer.document import Imported


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
@click.option("--force", is_flag=True,
              help="Replace role files and suggested profiles that exist.")
@click.option("--into", "into", metavar="ROLE", help="Bring a reviewed DOCX rendered from "
              "ROLE (a role file or id) back into that role's YAML: its changed, added, "
              "removed and moved clauses (docs/review-in-word.md).")
@click.option("--reject", is_flag=True, help="With --into: take the tracked changes as "
              "rejected (default: as accepted).")
@click.option("--partial", is_flag=True, help="With --into: write what could be placed even "
              "when something could not (it is reported).")
@click.option("--parent", "in_parent", is_flag=True, help="With --into: write a new text of an "
              "inherited clause into the role it comes from, not as an override.")
@click.option("--dry-run", is_flag=True, help="With --into: report what would change; write "
              "nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="With --into: the report's format.")
@org_options
def import_(files: tuple[Path, ...], lang: str | None, translation: Path | None,
            translation_lang: str | None, out_dir: Path | None, force: bool,
            into: str | None, reject: bool, partial: bool, in_parent: bool, dry_run: bool,
            fmt: str, org_file: Path | None, sets: tuple[str, ...]) -> None:
    """Read job descriptions (DOCX, Markdown, text) into role files.

    Each FILE becomes DIR/<role-id>.yaml, and what its approval block and
    signatures held a suggested profile, DIR/organizations/<role-id>.yaml. Everything
    that could not be placed is reported with its line; review the ids, the
    title's cases and the references (docs/importing.md).

    With --into ROLE, FILE is a document jobdocs rendered from ROLE and someone
    reviewed (in Word, with tracked changes and comments): its changes go back
    into ROLE's YAML, and the review is reported at its clauses
    (docs/review-in-word.md).
    """
    if into is not None:
        _into(into, files, lang, reject, partial, in_parent, dry_run, fmt, org_file, sets)
        return
    if reject or partial or in_parent or dry_run or fmt != "text" or org_file or sets:
        raise UsageError("--reject, --partial, --parent, --dry-run, --format, --org and --set "
                         "go with --into ROLE")
    if translation is not None and len(files) != 1:
        raise UsageError("--translation pairs one document with its translation: give one FILE")
    from ..files import ensure_dir
    from ..importer.document import import_document
    from ..importer.output import expand, write

    # The project of the folder the roles go to: its profile, sections and house style
    # apply to the new roles, as `jobdocs validate` will apply them; given -o, a broken
    # project file is a warning, as for render.
    s = settings([out_dir] if out_dir else [], keep_going=True, lenient=out_dir is not None)
    out_dir = out_dir or s.roles or Path("roles")
    # The profiles' modelines name the project's schemas (`jobdocs init` saves them there);
    # with no project yet, the folder above the roles' (where `init` would put them).
    schemas = (s.project.path.parent if s.project else out_dir.absolute().parent) / "schemas"
    failed = 0
    taken: set[str] = set()
    for path in expand(files):
        try:
            result = import_document(path, lang, translation, translation_lang)
            written = write(result, ensure_dir(out_dir), force, taken, s.org, s.library,
                            schemas)
        except UsageError:
            raise
        except JobdocsError as e:
            echo(f"Error: {e}", err=True)
            failed += 1
            continue
        failed += not report(result, written)
    if failed:
        raise click.exceptions.Exit(1)


def _into(role: str, files: tuple[Path, ...], lang: str | None, reject: bool, partial: bool,
          in_parent: bool, dry_run: bool, fmt: str, org_file: Path | None,
          sets: tuple[str, ...]) -> None:
    """`import --into ROLE FILE.docx`: the review in FILE into ROLE's YAML."""
    if len(files) != 1:
        raise UsageError("--into takes one reviewed document: give one FILE.docx")
    from ..render.docx.writer import render
    from ..roundtrip import import_into
    from ..roundtrip.report import as_json, as_text

    s = settings(files_among([role]), org=org_file, sets=sets)
    result = import_into(role, files[0], library=s.library, org=s.org, reject=reject,
                         partial=partial, parent=in_parent, lang=lang, write=not dry_run,
                         render=lambda doc: render(doc, s.letterhead))
    echo(as_json(result) if fmt == "json" else as_text(result))  # a document's codes as text
    if result.errors:
        raise click.exceptions.Exit(1)


def report(result: Imported, written: Path) -> bool:
    """Print what was imported and every finding (what a document holds shown as text,
    never as terminal codes); return whether the role is valid."""
    errors = sum(p.severity == "error" for p in result.findings)
    echo(f"{shown(result.source)} -> {shown(written)}: {result.sections} sections, "
         f"{result.clauses} clauses; {len(result.findings)} findings"
         + (f", {errors} errors: the role does not validate yet" if errors else ""))
    for p in result.findings:
        where = shown(p.path) + (f":{p.line}" if p.line else "")
        where += f":{p.column}" if p.column else ""
        echo(f"  {where}: {p.severity} [{p.rule}] {p.message}")
    return not errors
