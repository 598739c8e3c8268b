"""The project file, jobdocs.yaml: where a company keeps its roles, its profile and
the defaults of `render`.

The CLI looks for it the way git looks for a repository: in the current folder,
then its parents, stopping at the root of the git repository or at the home
folder. A file another user could have planted (a folder owned by someone else,
or writable by all, such as a temporary folder) is never used, and the paths in
a project file stay inside its folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InvalidInput
from ..house_style import HouseStyle
from ..house_style import from_data as house_style_from
from ..intake import reader
from ..model import SectionDecl, SectionRules
from ..roles import loader, sections
from ..roles.profile_schema import PROJECT_SCHEMA
from ..roles.schema_check import check
from . import numbers
from .numbers import Numbers

FILENAME = "jobdocs.yaml"


@dataclass(frozen=True)
class Acknowledgements:
    """Where the acknowledgement register is (`acknowledgements:` in jobdocs.yaml)."""

    database: str  # a postgresql:// URL, or the absolute path of the SQLite file
    staff: Path | None = None
    organization: str = ""  # the name acknowledgements are kept under ("": the profile's)


#: The register's SQLite file, in the project's folder, unless jobdocs.yaml names another.
REGISTER_FILE = "acknowledgements.db"


@dataclass(frozen=True)
class Project:
    """A project's settings, with paths made absolute from the project file's directory."""

    path: Path
    roles: Path
    organization: Path | None = None
    languages: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    output: Path | None = None
    reference_doc: Path | None = None
    house_style: HouseStyle = field(default_factory=HouseStyle)
    number: Numbers = field(default_factory=Numbers)  # used where the profile gives none
    wording: Path | None = None  # a company's catalogs and templates
    organizations: tuple[Path, ...] = ()  # `jobdocs build` writes every role for each
    declared: tuple[SectionDecl, ...] = ()  # sections every role of the project may use
    section_rules: SectionRules | None = None  # house_style.sections
    acknowledgements: Acknowledgements | None = None
    approved: str = ""  # the git tags of a role's approved versions ("{role}": its id)
    lint: Mapping[str, str] = field(default_factory=dict)  # lint rule → error, warning, off
    frame: Any = None  # `frame:`: a preset's name, a definition, or either per language


@dataclass
class Found:
    """What a search for the project file found: the file, or why none is used."""

    path: Path | None = None
    notes: list[str] = field(default_factory=list)


def find_file(start: Path, home: Path | None = None) -> Found:
    """Return the nearest trusted jobdocs.yaml in `start` or above.

    The search stops after the folder holding `.git` (the repository root),
    at `home` (default: the user's home folder) and at the file system's root.
    A project file in a folder that is not the user's, or that every user may
    write to, is skipped with a note: anyone could have put it there.
    """
    here = start.resolve()
    if home is None:
        home = _home()
    found = Found()
    for directory in (here, *here.parents):
        candidate = directory / FILENAME
        if _is_other(candidate):
            found.notes.append(f"ignoring {candidate}: not a regular file (a folder, a FIFO or "
                               "a device); a project file is a YAML file")
            return found
        if candidate.is_file():
            why = untrusted(candidate)
            if why:
                found.notes.append(f"ignoring {candidate}: {why}; move it into a folder of "
                                   "your own, or give its settings on the command line")
            else:
                found.path = candidate
            return found
        if (directory / ".git").exists() or directory == home:
            break
    return found


def _is_other(path: Path) -> bool:
    """Return whether something is at `path` that is no regular file (never opened)."""
    try:
        return (path.exists() or path.is_symlink()) and not path.is_file()
    except OSError:
        return False


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        return None


def untrusted(path: Path) -> str:
    """Return why a project file must not be trusted, or '' when it may be.

    POSIX only: Windows has neither the owner nor the mode bits to check.
    """
    if os.name == "nt" or not hasattr(os, "getuid"):
        return ""
    me = os.getuid()
    for p, what in ((path, "the file"), (path.parent, "its folder")):
        try:
            st = p.stat()
        except OSError:
            return f"{what} cannot be read"
        if st.st_uid not in (me, 0):
            return f"{what} belongs to another user"
        if st.st_mode & stat.S_IWOTH:
            return f"{what} is writable by every user"
    return ""


def load_project(path: Path) -> Project:
    """Load and check a project file; raise InvalidInput with every problem."""
    loaded = loader.load(path, reader.PROJECT)
    if loaded.data is None:
        loaded.data = {}
    problems = check(loaded, PROJECT_SCHEMA)
    if problems:
        raise InvalidInput(problems)
    data = loaded.data
    base = path.parent.resolve()

    def where(key: str | int, default: str | None = None, section: str = "") -> Path | None:
        holder = data.get(section) or {} if section else data
        value = (holder[key] if isinstance(key, int) else holder.get(key)) or default
        if not value:
            return None
        target = (base / value).resolve()
        if not target.is_relative_to(base):
            at = (section, key) if section else (key,)
            problems.append(loaded.problem(
                at, f"{'.'.join(map(str, at))}: '{value}' is outside the project folder "
                f"{base}; paths in {FILENAME} stay inside it (give another place on the "
                "command line)",
                "outside-project"))
        return target

    ack = data.get("acknowledgements") or {}
    database = str(ack.get("database") or REGISTER_FILE)
    if not database.startswith(("postgresql://", "postgres://")):
        database = str(where("database", REGISTER_FILE, "acknowledgements"))
    if data.get("wording") and not where("wording").is_dir():  # type: ignore[union-attr]
        raise InvalidInput([loaded.problem(("wording",), f"wording: no such folder "
                                           f"{where('wording')}", "io")])

    project = Project(
        path=path,
        roles=where("roles", "roles") or base / "roles",
        organization=where("organization"),
        languages=tuple(data.get("languages", ())),
        formats=tuple(data.get("formats", ())),
        output=where("output"),
        reference_doc=where("reference_doc"),
        house_style=house_style_from(data.get("house_style")),
        number=numbers.from_data(data.get("number"), base, loaded.problem, base),
        wording=where("wording"),
        organizations=tuple(where(i, section="organizations") or base
                            for i in range(len(data.get("organizations", ())))),
        declared=sections.declarations(loaded, "project"),
        section_rules=sections.rules(loaded),
        acknowledgements=Acknowledgements(database, where("staff", None, "acknowledgements"),
                                          str(ack.get("organization") or "")),
        approved=str(data.get("approved") or ""),
        lint=dict(data.get("lint") or {}),
        frame=data.get("frame"),
    )
    if problems:
        raise InvalidInput(problems)
    return project


def current(start: Path | None = None) -> Project | None:
    """Return the project `start` (the CLI passes the current folder) belongs to."""
    found = find_file(start or Path.cwd())
    return load_project(found.path) if found.path else None
