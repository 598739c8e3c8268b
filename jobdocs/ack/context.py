"""What every `jobdocs ack` command (and the server's pages) works with: the finished
profile, the roles now, the register, the staff list the project names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config.organization import Organization
from ..config.project import REGISTER_FILE, Project
from ..errors import UsageError
from ..roles.library import Library
from .cache import FILE as CACHE_FILE
from .register import Register
from .versions import Versions

if TYPE_CHECKING:
    from ..settings import Settings


@dataclass
class Context:
    """One organization's register, its roles and its staff list."""

    org: Organization
    versions: Versions
    register: Register
    staff: Path | None = None  # the project's staff list, if jobdocs.yaml names one

    def staff_list(self, given: Path | None) -> Path:
        """Return the staff list a command reads: the one given, else the project's."""
        if given is not None:
            return given
        if self.staff is None:
            raise UsageError("give the staff list with --staff FILE.csv (or name it as "
                             "acknowledgements.staff in jobdocs.yaml)")
        return self.staff


def organization_key(org: Organization, project: Project | None) -> str:
    """Return the name a project's acknowledgements are kept under: jobdocs.yaml's
    acknowledgements.organization, else the profile's short name."""
    if project and project.acknowledgements and project.acknowledgements.organization:
        return project.acknowledgements.organization
    names = org.name
    return str(names.get("*") or names.get("ru") or next(iter(names.values()), ""))


def database(project: Project | None) -> str:
    """Return where the register is: jobdocs.yaml's database, else a file in the project
    (or, outside a project, in the current folder)."""
    if project and project.acknowledgements:
        return project.acknowledgements.database
    return str(Path.cwd() / REGISTER_FILE)


def build_context(project: Project | None, library: Library, org: Organization) -> Context:
    """Open the register of `project` for the organization of `org`."""
    where = database(project)
    register = Register.open(where, organization_key(org, project))
    staff = project.acknowledgements.staff if project and project.acknowledgements else None
    folder = (Path(where).parent if register.db.kind == "sqlite" else
              project.path.parent if project else Path.cwd())
    return Context(org, Versions(library, org, register, folder / CACHE_FILE), register, staff)


def open_context(settings: Settings) -> Context:
    """Return the context of a command run with `settings` (jobdocs.settings)."""
    return build_context(settings.project, settings.library, settings.org)
