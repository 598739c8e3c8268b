"""What `jobdocs validate` says about a role file an import wrote (the command prints
it with the import's own findings: cli/importing.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:
    from ..config.organization import Organization
    from ..roles.library import Library


def validate(path: Path, org: Organization | None = None,
             roles: Library | None = None) -> list[Problem]:
    """Return what `jobdocs validate` finds in a written role file (with the profile and
    the role library of the settings it runs with)."""
    from ..check.runner import check_file  # the same checks as `jobdocs validate`

    problems, _ = check_file(path, org, roles=roles)
    return list(dict.fromkeys(problems))  # a role checked per language may repeat a finding

