"""Work shared by processes: the one policy of every pool jobdocs starts (the units of
`jobdocs build`, the files of `jobdocs validate` and of the server's checks).

Fork where it is safe (no other thread runs: nothing to import again); spawn
elsewhere, as on Windows and in the server, whose threads a fork would copy
half-way. Every worker takes the memory budget (budget.py) as it starts, and leaves
what it started with (a fork's whole inherited heap) out of garbage collection. Work
goes out in chunks of about a quarter of a worker's share, at most 16 items, so
that a slow item holds up few others; or, for the many small items of a build, in
`portions` that shrink as the work runs out.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


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


def chunk_size(count: int, jobs: int, most: int = 16) -> int:
    """Return how many of `count` items go to a worker at a time: a quarter of its
    share, from `most` down to one."""
    return max(1, min(most, count // (max(1, jobs) * 4)))


def portions(items: Sequence[T], jobs: int, most: int = 64) -> list[Sequence[T]]:
    """Cut `items` into consecutive portions for `jobs` workers, largest first: each a
    quarter of what is left per worker, from `most` down to one item. A worker hands
    over a portion's results and takes the next in one round trip, in which it builds
    nothing: large portions make few of them, and the small last ones let the
    workers finish together."""
    cut: list[Sequence[T]] = []
    at = 0
    while at < len(items):
        size = chunk_size(len(items) - at, jobs, most)
        cut.append(items[at:at + size])
        at += size
    return cut


def share(work: Callable[[T], R], items: Iterable[T], jobs: int, *,
          ordered: bool = True, chunk: int | None = None) -> Iterator[R]:
    """Yield `work(item)` for every item, from up to `jobs` processes (in this one when
    one is enough); in the items' order, or as each is done (`ordered=False`); `chunk`
    items at a time (default: `chunk_size`). `work` and the items must be picklable."""
    todo = list(items)
    jobs = min(jobs, len(todo))
    if jobs <= 1:
        yield from map(work, todo)
        return
    from multiprocessing import get_context

    chunk = chunk or chunk_size(len(todo), jobs)
    with get_context("fork" if can_fork() else "spawn").Pool(jobs, initializer=_start) as pool:
        run = pool.imap if ordered else pool.imap_unordered
        yield from run(work, todo, chunksize=chunk)


def _start() -> None:
    """Begin a worker: take the memory budget, and freeze what the process holds now
    (the modules, and a fork's copy of its parent) so that each full collection walks
    only what the work made: it walked every inherited object, dirtying their pages."""
    from . import budget

    budget.apply()
    gc.freeze()
