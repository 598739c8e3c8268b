"""The project file, jobdocs.yaml: where a company keeps its roles, its profile and
the defaults of `render`, found in the current directory or the nearest parent."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import InvalidInput
from ..roles import loader
from ..roles.schema import check
from .house_style import HouseStyle
from .house_style import from_data as house_style_from
from .schema import PROJECT_SCHEMA

FILENAME = "jobdocs.yaml"


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
    wording: Path | None = None  # a company's catalogs and templates
    organizations: tuple[Path, ...] = ()  # `jobdocs build` writes every role for each


def find_file(start: Path | None = None) -> Path | None:
    """Return the nearest jobdocs.yaml in `start` (default: the current directory) or above."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / FILENAME
        if candidate.is_file():
            return candidate
    return None


def load_project(path: Path) -> Project:
    """Load and check a project file; raise InvalidInput with every problem."""
    loaded = loader.load(path)
    if loaded.data is None:
        loaded.data = {}
    problems = check(loaded, PROJECT_SCHEMA)
    if problems:
        raise InvalidInput(problems)
    data = loaded.data
    base = path.parent

    def where(key: str) -> Path | None:
        return base / data[key] if data.get(key) else None

    if data.get("wording") and not where("wording").is_dir():  # type: ignore[union-attr]
        raise InvalidInput([loaded.problem(("wording",), f"wording: no such folder "
                                           f"{where('wording')}", "io")])

    return Project(
        path=path,
        roles=base / data.get("roles", "roles"),
        organization=where("organization"),
        languages=tuple(data.get("languages", ())),
        formats=tuple(data.get("formats", ())),
        output=where("output"),
        reference_doc=where("reference_doc"),
        house_style=house_style_from(data.get("house_style")),
        wording=where("wording"),
        organizations=tuple(base / p for p in data.get("organizations", ())),
    )


@cache
def _load_cached(path: Path, mtime_ns: int) -> Project:
    return load_project(path)


def current() -> Project | None:
    """Return the project the current directory belongs to, if any."""
    found = find_file()
    return _load_cached(found, found.stat().st_mtime_ns) if found else None
