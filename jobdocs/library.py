"""Find role files: by path, or by id in ./roles/ and in the packaged library."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import loader
from .errors import InvalidInput, RoleNotFound
from .model import Role
from .resources import data_dir
from .validate import build_role

SUFFIXES = (".yaml", ".yml")


def role_dirs() -> list[Path]:
    """Return the directories searched for role ids, the project's own first."""
    dirs = []
    local = Path.cwd() / "roles"
    if local.is_dir():
        dirs.append(local)
    packaged = data_dir("roles")
    if packaged.is_dir() and not any(d.resolve() == packaged.resolve() for d in dirs):
        dirs.append(packaged)
    return dirs


def find_role(ref: str) -> Path:
    """Return the file of a role given as a path or as an id."""
    path = Path(ref)
    if path.suffix in SUFFIXES or len(path.parts) > 1 or path.exists():
        if not path.is_file():
            what = "is a directory, not a role file" if path.is_dir() else "no such file"
            raise RoleNotFound(f"{ref}: {what}")
        return path
    for d in role_dirs():
        for suffix in SUFFIXES:
            candidate = d / f"{ref}{suffix}"
            if candidate.is_file():
                return candidate
    known = ", ".join(sorted({p.stem for d in role_dirs() for p in _role_files(d)}))
    raise RoleNotFound(f"{ref}: no such role file, and no role with that id "
                       f"(available: {known or 'none'}; see `jobdocs list`)")


def load_role(ref: str | Path) -> Role:
    """Load, check and return the role named by a path or an id."""
    path = find_role(str(ref))
    return build_role(loader.load(path))


def _role_files(d: Path) -> list[Path]:
    return sorted(p for suffix in SUFFIXES for p in d.glob(f"*{suffix}"))


@dataclass(frozen=True)
class RoleEntry:
    """A role as `jobdocs list` shows it, or the problem that kept it from loading."""

    id: str
    path: Path
    languages: tuple[str, ...] = ()
    title: str = ""
    error: str = ""


def list_roles() -> list[RoleEntry]:
    """Return every role that a role id can name, the project's own first."""
    entries: dict[str, RoleEntry] = {}
    for d in role_dirs():
        for path in _role_files(d):
            if path.stem in entries:
                continue
            try:
                role = load_role(path)
            except InvalidInput as e:
                entries[path.stem] = RoleEntry(path.stem, path, error=str(e.problems[0]))
                continue
            title = str(role.title.get("en") or next(iter(role.title.values())))
            entries[path.stem] = RoleEntry(role.id, path, role.languages, title)
    return list(entries.values())
