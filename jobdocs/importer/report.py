"""Say what an import made of a document: what was written, and every finding
with the source line, the written file's validation included."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import Problem
from ..files import shown

if TYPE_CHECKING:
    from ..config.organization import Organization
    from ..roles.library import Library
    from .document import Imported


def validate(path: Path, org: Organization | None = None,
             roles: Library | None = None) -> list[Problem]:
    """Return what `jobdocs validate` finds in a written role file (with the profile and
    the role library of the settings it runs with)."""
    from ..check.runner import check_file  # the same checks as `jobdocs validate`

    problems, _ = check_file(path, org, roles=roles)
    return list(dict.fromkeys(problems))  # a role checked per language may repeat a finding


def report(result: Imported, written: Path) -> bool:
    """Print what was imported and every finding; return whether the role is valid."""
    errors = sum(p.severity == "error" for p in result.findings)
    click.echo(f"{shown(result.source)} -> {shown(written)}: {result.sections} sections, "
               f"{result.clauses} "
               f"clauses; {len(result.findings)} findings"
               + (f", {errors} errors: the role does not validate yet" if errors else ""))
    for p in result.findings:
        where = shown(p.path) + (f":{p.line}" if p.line else "")
        where += f":{p.column}" if p.column else ""
        click.echo(f"  {where}: {p.severity} [{p.rule}] {p.message}")
    return not errors

