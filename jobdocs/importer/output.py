"""Where an import's documents come from and where its role files go: a folder
stands for its documents; each role is written atomically, under a free id."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import JobdocsError, UsageError
from ..files import write_atomic
from ..roles.schema import file_name
from .report import validate

if TYPE_CHECKING:
    from ..config.organization import Organization
    from ..roles.library import Library
    from .document import Imported

#: What a folder given to `jobdocs import` is searched for.
SUFFIXES = (".docx", ".docm", ".md", ".markdown", ".txt", ".text")


def expand(files: tuple[Path, ...]) -> list[Path]:
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
          org: Organization | None = None, roles: Library | None = None,
          schemas: Path = Path("schemas")) -> Path:
    """Write the role (and the suggested profile) atomically; validate the role.

    The profile's modeline names the schema in `schemas` (the project's folder of
    them, where `jobdocs init` saves them), relative to the profile.
    """
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
    # Beside the roles, not among them: `jobdocs list` reads every YAML in the folder.
    profile = out_dir / "organizations" / f"{role_id}.yaml" if result.profile_yaml else None
    for target in (path, profile):
        if target is not None and target.exists() and not force:
            raise JobdocsError(f"{target}: exists; give --force to replace it, or another -o "
                               "(nothing was written)")
    _write(path, result.role_yaml)
    result.findings += validate(path, org, roles)
    if profile is not None:
        _write(profile, modeline(profile, schemas / file_name("organization"))
               + result.profile_yaml)
        result.findings += validate(profile)
    return path


def modeline(path: Path, schema: Path) -> str:
    """Return the line that names `schema` to editors in the YAML file `path`."""
    try:
        ref = Path(os.path.relpath(schema.absolute(), path.absolute().parent)).as_posix()
    except ValueError:  # another drive (Windows): no relative path leads there
        ref = schema.absolute().as_uri()
    return f"# yaml-language-server: $schema={ref}\n"


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as e:  # a full disk, a folder that may not be written
        raise JobdocsError(f"{path}: cannot write it: {e.strerror or e}") from e
