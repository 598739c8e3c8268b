"""Check many role files: what the cache keeps is not checked again, the rest is
shared by worker processes. `jobdocs validate` and `jobdocs serve` both come here."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..config.organization import Organization
from ..roles import library
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
    return check_file(path, org, roles=roles, read=read, record=record), record


def _check(paths: list[Path], org: Organization | None, roles: library.Library | None,
           jobs: int | None, read: library.Reader | None) -> list[tuple[Found, Record]]:
    if jobs is None:
        jobs = cpus() if len(paths) >= PARALLEL_FROM else 1
    jobs = min(jobs, len(paths))
    n = len(paths)
    if jobs <= 1:
        return [check_recorded(p, org, roles, read) for p in paths]
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # Fork where it is safe (no threads: nothing to import again); spawn elsewhere, as
    # on Windows and in the server, whose threads a fork would copy half-way.
    method = "fork" if can_fork() else "spawn"
    from .. import budget

    with ProcessPoolExecutor(jobs, mp_context=get_context(method),
                             initializer=budget.apply) as pool:
        chunk = max(1, min(16, n // (jobs * 4)))
        return list(pool.map(check_recorded, paths, [org] * n, [roles] * n, [read] * n,
                             chunksize=chunk))


def cpus() -> int:
    """Return the number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether fork exists here and is safe: no other thread is running."""
    import multiprocessing
    import threading

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
