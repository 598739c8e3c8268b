"""A role file parsed and built once per content, however many roles extend it.

A thousand roles that extend the key account manager each need it parsed,
checked against the schema and built into a Role: the same work a thousand
times. Here it is done once per process for each (file, bytes), and the
Role built from a parsed file onto a given parent once per pair. Keyed by
content, never by time, so an edited file is read anew; bounded, so a
server that runs for weeks does not grow.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem
from ..intake import reader
from ..model import Role
from ..resources import is_shipped
from . import loader
from .build import build_role

#: Role files (and roles built from them) kept per process.
SIZE = 256


class Memo:
    """Parsed role files by (path, text), built roles by (parsed file, parent)."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._loaded: OrderedDict[tuple[str, str], loader.Loaded] = OrderedDict()
        self._built: OrderedDict[tuple[int, int, bool], tuple[Any, ...]] = OrderedDict()

    def read(self, path: Path | str, kind: reader.Kind = reader.YAML,
             within: Path | str | None = None) -> loader.Loaded:
        """Return a role file parsed (the same object for the same bytes): do not change
        it. `kind` and `within` are loader.load's: the size cap, the folder it must be in."""
        text = loader.read_text(path, kind, within)
        key = (str(path), text)
        found = self._loaded.get(key)
        if found is None:
            found = self._loaded[key] = loader.parse(text, str(path))
            if len(self._loaded) > self.size:
                self._loaded.popitem(last=False)
        else:
            self._loaded.move_to_end(key)
        return found

    def forget(self, path: Path | str) -> None:
        """Drop every parsed version of `path`, and the roles built from them: a build
        reads each unit's own file once, and keeping hundreds of them alive made every
        full garbage collection walk them (a fifth of a large build's CPU)."""
        name = str(path)
        self._loaded = OrderedDict((k, v) for k, v in self._loaded.items() if k[0] != name)
        self._built = OrderedDict((k, v) for k, v in self._built.items() if v[0].path != name)

    def build(self, loaded: loader.Loaded, parent: Role | None,
              keep_going: list[Problem] | None) -> Role:
        """Return `build_role(loaded, parent, keep_going=...)`, built once for the pair:
        the problems it added to `keep_going`, or raised, are added or raised again."""
        key = (id(loaded), id(parent), keep_going is None)
        found = self._built.get(key)
        if found is None:
            problems: list[Problem] = []
            role: Role | None = None
            error: InvalidInput | None = None
            try:
                role = build_role(loaded, parent,
                                  keep_going=None if keep_going is None else problems)
            except InvalidInput as e:
                error = e
            # The objects stay referenced, so their ids are not reused while kept.
            found = self._built[key] = (loaded, parent, role, problems, error)
            if len(self._built) > self.size:
                self._built.popitem(last=False)
        else:
            self._built.move_to_end(key)
        _, _, role, problems, error = found
        if keep_going is not None:
            keep_going += problems
        if error is not None:
            raise InvalidInput(error.problems)
        assert role is not None
        return role


#: The memo of this process.
MEMO = Memo()


@dataclass(frozen=True)
class Within:
    """Read role files (through the memo) only inside `folder`, the packaged library
    and the files in `given` excepted (absolute paths of files the command line named
    outside the folder): a link out of a project is a finding, its target never
    read. Picklable, so a worker process can be given it."""

    folder: Path
    given: frozenset[str] = frozenset()

    def __call__(self, path: Path) -> loader.Loaded:
        return MEMO.read(path, reader.ROLE, within=self._within(path))

    def allows(self, path: Path | str) -> bool:
        """Whether `path` may be read: inside the folder (links resolved) or shipped."""
        within = self._within(path)
        try:
            return within is None or reader.confine(path, within) is not None
        except reader.Unreadable:
            return False

    def _within(self, path: Path | str) -> Path | None:
        return None if os.path.abspath(path) in self.given or is_shipped(path) else self.folder


def confined(folder: Path | None, given: Iterable[Path | str] = ()) -> Within | None:
    """Return the reader of a project's role files (None: no project, read anything):
    confined to `folder`, except `given` files that lie outside it (by their own path,
    links not followed), which the command line named."""
    if folder is None:
        return None
    inside = Path(os.path.abspath(folder))
    return Within(folder, frozenset(a for a in map(os.path.abspath, given)
                                    if not Path(a).is_relative_to(inside)))
