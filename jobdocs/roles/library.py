"""Find role files: by path, or by id in a library of role directories."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, Problem, RoleNotFound
from ..model import Role
from ..resources import data_dir
from . import loader
from .memo import MEMO, confined

SUFFIXES = (".yaml", ".yml")


class Library:
    """The role files a role id can name: `dirs` searched in order (a project's own
    library, say), then the library jobdocs ships (unless `packaged` is False).

        >>> library = Library([Path("roles")])
        >>> role = library.load("key-account-manager")

    It never looks at the current folder: the CLI finds the project and builds it.
    """

    def __init__(self, dirs: Iterable[Path] = (), packaged: bool = True,
                 confine: Path | None = None) -> None:
        #: The project folder whose role files are read only inside it (links resolved);
        #: a file the caller names outside it is read where it is.
        self.confine = confine
        found = [Path(d) for d in dirs if Path(d).is_dir()]
        shipped = data_dir("roles")
        if packaged and shipped.is_dir() and not any(_same(d, shipped) for d in found):
            found.append(shipped)
        self.dirs: tuple[Path, ...] = tuple(dict.fromkeys(found))

    def __repr__(self) -> str:
        return f"Library({list(map(str, self.dirs))})"

    def find(self, ref: str, near: Path | None = None) -> Path:
        """Return the file of a role given as a path or as an id.

        An id is looked up in `near` first (the directory of the role that
        extends it), then in the library's directories.
        """
        path = Path(ref)
        if len(ref) > MAX_REF:
            raise RoleNotFound(f"{ref[:60]}…: a role id or file name of {len(ref):,} "
                               f"characters; at most {MAX_REF}")
        if path.suffix in SUFFIXES or len(path.parts) > 1 or _is(path.exists):
            if _is(path.is_dir):
                raise RoleNotFound(f"{ref}: is a directory, not a role file")
            if not _is(path.exists):
                raise RoleNotFound(f"{ref}: no such file")
            return path  # a FIFO or a device too: the reader refuses it in one line
        for d in ([near] if near else []) + list(self.dirs):
            for suffix in SUFFIXES:
                candidate = d / f"{ref}{suffix}"
                if _is(candidate.is_file):
                    return candidate
        ids = sorted({p.stem for d in self.dirs for p in _role_files(d)})
        close = difflib.get_close_matches(ref, ids, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise RoleNotFound(f"{ref}: no such role file, and no role with that id "
                           f"({hint}available: {', '.join(ids) or 'none'}; see `jobdocs list`)")

    def load(self, ref: str | Path) -> Role:
        """Load, check and return the role named by a path or an id, merged onto
        the roles it extends."""
        path = self.find(str(ref))
        return _load(path, (), self.reader(path), self._find_near)

    def reader(self, *given: Path) -> Reader:
        """Return how this library reads role files: through the memo, confined to the
        project (but for `given` files outside it, which the command line named)."""
        return confined(self.confine, given) or MEMO.read

    def load_with(self, path: Path, read: Reader, keep_going: list[Problem] | None = None
                  ) -> Role:
        """Load the role at `path`, its files parsed by `read`; see `load_role_with`."""
        return _load(path, (), read, self._find_near, keep_going)

    def _find_near(self, ref: str, near: Path) -> Path:
        return self.find(ref, near=near)

    def list(self) -> list[RoleEntry]:
        """Return every role that a role id can name, the first directory's first."""
        entries: dict[str, RoleEntry] = {}
        for d in self.dirs:
            for path in _role_files(d):
                if path.stem in entries:
                    continue
                try:
                    role = self.load(path)
                except InvalidInput as e:
                    entries[path.stem] = RoleEntry(path.stem, path, error=str(e.problems[0]))
                    continue
                except RoleNotFound as e:  # gone since the folder was listed
                    entries[path.stem] = RoleEntry(path.stem, path, error=str(e))
                    continue
                title = str(role.title.get("en") or next(iter(role.title.values())))
                entries[path.stem] = RoleEntry(role.id, path, role.languages, title)
        return list(entries.values())


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


#: The longest role id or file name looked up (file systems take 255 bytes a name).
MAX_REF = 255


def _is(test: Callable[[], bool]) -> bool:
    """Ask the file system; a name it cannot even look up (too long, not searchable)
    is no file."""
    try:
        return test()
    except (OSError, ValueError):
        return False


def find_role(ref: str, near: Path | None = None, library: Library | None = None) -> Path:
    """Return the file of a role given as a path or as an id (see Library.find);
    without a `library`, ids name the roles jobdocs ships."""
    return (library or Library()).find(ref, near)


def load_role(ref: str | Path, library: Library | None = None) -> Role:
    """Load, check and return the role named by a path or an id, merged onto
    the roles it extends; without a `library`, ids name the roles jobdocs ships."""
    return (library or Library()).load(ref)


Reader = Callable[[Path], loader.Loaded]
Finder = Callable[[str, Path], Path]


def load_role_with(path: Path, read: Reader, find: Finder,
                   keep_going: list[Problem] | None = None) -> Role:
    """Load the role at `path` through another reader (a git revision, say):
    `read` parses a file, `find(id, near)` locates a parent role. With a
    `keep_going` list, see `build_role`."""
    return _load(path, (), read, find, keep_going)


def _load(path: Path, chain: tuple[str, ...], read: Reader = MEMO.read,
          find: Finder | None = None, keep_going: list[Problem] | None = None) -> Role:
    find = find or Library()._find_near
    loaded = read(path)
    data = loaded.data
    parent_id = data.get("extends") if isinstance(data, dict) else None
    if not isinstance(parent_id, str):
        return MEMO.build(loaded, None, keep_going)
    own_id = data.get("id")
    if parent_id in chain or parent_id == own_id:
        cycle = " → ".join((*chain, str(own_id), parent_id)[chain.index(parent_id):]
                           if parent_id in chain else (str(own_id), parent_id))
        raise InvalidInput(loaded.problem(("extends",), f"extends: cycle {cycle}; a role cannot "
                                          "extend itself, directly or through others", "cycle"))
    try:
        parent_path = find(parent_id, path.parent)
    except RoleNotFound:
        raise InvalidInput(loaded.problem(
            ("extends",), f"extends: no role '{parent_id}' (looked in {path.parent} and "
            "the role library; see `jobdocs list`)", "unknown-parent")) from None
    parent = _load(parent_path, (*chain, str(own_id)), read, find, keep_going)
    return MEMO.build(loaded, parent, keep_going)


def _role_files(d: Path) -> list[Path]:
    """Return the role files of a folder (a folder named x.yaml is none)."""
    return sorted(p for suffix in SUFFIXES for p in d.glob(f"*{suffix}") if not _is(p.is_dir))


@dataclass(frozen=True)
class RoleEntry:
    """A role as `jobdocs list` shows it, or the problem that kept it from loading."""

    id: str
    path: Path
    languages: tuple[str, ...] = ()
    title: str = ""
    error: str = ""


def list_roles(library: Library | None = None) -> list[RoleEntry]:
    """Return every role that a role id can name (see Library.list)."""
    return (library or Library()).list()
