"""Check many role files: what the cache keeps is not checked again, the rest is
shared by worker processes. `jobdocs validate` and `jobdocs serve` both come here."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from ..config.organization import Organization
from ..garbage import fewer_collections
from ..roles import library
from ..roles.memo import MEMO
from ..workers import cpus, share
from . import cache as kept
from .runner import Record, check_file

Found = kept.Found
#: Below this many files to check, starting processes costs more than it saves.
PARALLEL_FROM = 64


def check_many(files: Sequence[Path], org: Organization | None = None, jobs: int | None = None,
               roles: library.Library | None = None, read: library.Reader | None = None
               ) -> list[Found]:
    """Return the findings and declared languages of every file, in order.

    `jobs` processes check what the cache does not hold (default: one per
    core when there are PARALLEL_FROM files or more). `read` is check_file's
    (picklable, as roles.memo.Within: then a kept finding is believed only when
    every file it came from may still be read)."""
    lib = roles or library.Library()
    where = kept.folder()
    cache = kept.Cache(where, kept.context(org, lib.dirs)) if where else None
    try:
        found: dict[int, Found] = {}
        todo: list[int] = []
        for i, path in enumerate(files):
            hit = cache.get(path, _finder(lib), getattr(read, "allows", None)) if cache else None
            if hit is None:
                todo.append(i)
            else:
                found[i] = hit
        checked = _check([files[i] for i in todo], org, lib, jobs, read)
        for i, (result, _) in zip(todo, checked, strict=True):
            found[i] = result
        if cache:
            cache.put((files[i], result, record)
                      for i, (result, record) in zip(todo, checked, strict=True))
    finally:
        if cache:
            cache.close()
    return [found[i] for i in range(len(files))]


def _finder(lib: library.Library):  # type: ignore[no-untyped-def]
    return lambda ref, near: lib.find(ref, near=near)


def check_recorded(path: Path, org: Organization | None, roles: library.Library | None,
                   read: library.Reader | None = None) -> tuple[Found, Record]:
    """Check one file; return its findings and what was read (a worker's task)."""
    record = Record()
    try:
        return check_file(path, org, roles=roles, read=read, record=record), record
    finally:
        MEMO.forget(path)


def _check(paths: list[Path], org: Organization | None, roles: library.Library | None,
           jobs: int | None, read: library.Reader | None) -> list[tuple[Found, Record]]:
    if jobs is None:
        jobs = cpus() if len(paths) >= PARALLEL_FROM else 1
    work = partial(check_recorded, org=org, roles=roles, read=read)
    with fewer_collections():  # a forked worker starts with it too
        return list(share(work, paths, jobs))
