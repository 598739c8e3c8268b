"""Fewer garbage collections while a batch of files is worked through.

Checking a role allocates tens of thousands of small objects (events, marks, keys,
clauses), nearly all freed by their reference counts; Python's cycle collector
still runs every 700 allocations and, now and then, walks every object the
process holds (the parsed files kept by roles/memo.py): about a seventh of
`jobdocs validate`'s time. Within `fewer_collections()` it runs after 20,000;
the first to enter sets that, the last to leave restores what was set before
(threads of the server may nest).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between two collections of the youngest generation, within a batch.
YOUNG = 20_000

_lock = threading.Lock()
_inside = 0
_before: tuple[int, ...] = ()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often until the block ends (then as before)."""
    global _inside, _before
    with _lock:
        if _inside == 0:
            _before = gc.get_threshold()
            young, *older = _before
            if young:  # 0: collection is off; leave it so
                gc.set_threshold(max(young, YOUNG), *older)
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                gc.set_threshold(*_before)
