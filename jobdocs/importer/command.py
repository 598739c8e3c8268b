"""The `jobdocs import` command: read documents, write role files, report findings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import JobdocsError, UsageError
from ..files import ensure_dir, write_atomic
from .report import report, validate

if TYPE_CHECKING:
    from ..config.organization import Organization
    from .document import Imported

#: What a folder given to `jobdocs import` is searched for.
SUFFIXES = (".docx", ".docm", ".md", ".markdown", ".txt", ".text")


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
    from ..config.organization import Organization, with_project
    from ..config.project import current
    from .document import import_document

    project = current()  # its declared sections and house style apply to the new roles
    org = with_project(Organization(), project) if project else None
    out_dir = out_dir or (project.roles if project else Path("roles"))
    failed = 0
    taken: set[str] = set()
    for path in _expand(files):
        try:
            result = import_document(path, lang, translation, translation_lang)
            written = write(result, ensure_dir(out_dir), force, taken, org)
        except UsageError:
            raise
        except JobdocsError as e:
            click.echo(f"Error: {e}", err=True)
            failed += 1
            continue
        failed += not report(result, written)
    if failed:
        raise click.exceptions.Exit(1)


def _expand(files: tuple[Path, ...]) -> list[Path]:
    """Return the files to import: a folder stands for the documents in it."""
    out: list[Path] = []
    for path in files:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES
                           and not p.name.startswith((".", "~$")))
            if not found:
                raise UsageError(f"{path}: no {', '.join(SUFFIXES)} files in this folder")
            out += found
        else:
            out.append(path)
    return out


def write(result: Imported, out_dir: Path, force: bool, taken: set[str],
          org: Organization | None = None) -> Path:
    """Write the role (and the suggested profile) atomically; validate the role."""
    # Two documents of one title in one run: the same job in two languages, most often.
    role_id, n = result.role_id, 2
    if role_id in taken:
        role_id = f"{result.role_id}-{'-'.join(result.languages)}"
    while role_id in taken:
        role_id, n = f"{result.role_id}-{n}", n + 1
    if role_id != result.role_id:
        result.role_yaml = result.role_yaml.replace(f"\nid: {result.role_id}\n",
                                                    f"\nid: {role_id}\n", 1)
        result.role_id = role_id
    taken.add(role_id)
    path = out_dir / f"{role_id}.yaml"
    if path.exists() and not force:
        raise JobdocsError(f"{path}: exists; give --force to replace it, or another -o")
    write_atomic(path, result.role_yaml.encode())
    result.findings += validate(path, org)
    if result.profile_yaml:
        # Beside the roles, not among them: `jobdocs list` reads every YAML in the folder.
        profile = out_dir / "organizations" / f"{role_id}.yaml"
        write_atomic(profile, result.profile_yaml.encode())
        result.findings += validate(profile)
    return path
