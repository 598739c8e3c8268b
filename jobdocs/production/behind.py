"""Write a build's documents on a thread, while the next ones are built.

A document is synced to disk before it is renamed into place (files.py); the
wait for the disk costs a few milliseconds a document, and now and then (when
the file system commits its journal, or the other workers sync too) tens of
them, in which a worker that waited would build nothing. Here one thread writes
(and hashes) the documents just rendered, in turn, while the worker goes on: a
few writes may be in flight (`DEPTH`), so that one slow sync is absorbed by the
documents built meanwhile. The oldest is waited for before one more is begun, and
each result or error reaches its owner in the order the writes were begun, so the
documents, the outcomes and the errors are those of writing in turn.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

#: What a write gives back: whether it wrote the file (False: the bytes were there),
#: and the hash of the bytes.
Written = tuple[bool, str]

#: How many writes may be in flight: the documents held in memory meanwhile.
DEPTH = 4


class Behind:
    """One thread's writes, in turn, at most `depth` in flight; `settle` waits for them."""

    def __init__(self, depth: int = DEPTH) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="jobdocs-write")
        self._depth = max(1, depth)
        self._jobs: deque[tuple[Future[Written], Any, Callable[[Any, Written], None],
                                Callable[[Any, BaseException], None]]] = deque()

    def start(self, owner: Any, write: Callable[[], Written],
              done: Callable[[Any, Written], None],
              failed: Callable[[Any, BaseException], None]) -> None:
        """Begin `write()` for `owner` after the writes in flight, once fewer than `depth`
        are: `done(owner, result)` is called when it is settled, or `failed(owner,
        error)` when it raised (a failed write fails its document, not the next ones)."""
        self.settle(keep=self._depth - 1)
        self._jobs.append((self._pool.submit(write), owner, done, failed))

    def settle(self, keep: int = 0) -> None:
        """Wait for the writes in flight, oldest first, until `keep` are left, and report
        each to its owner."""
        while len(self._jobs) > keep:
            future, owner, done, failed = self._jobs.popleft()
            try:
                result = future.result()
            except Exception as e:
                failed(owner, e)
                continue
            done(owner, result)

    def __enter__(self) -> Behind:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            self.settle()
        finally:
            self._pool.shutdown()
