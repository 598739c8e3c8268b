"""Write a build's documents on a thread, each while the next one is built.

A document is synced to disk before it is renamed into place (files.py); the
wait for the disk costs a worker a few milliseconds a document, in which it
builds nothing. Here one thread writes (and hashes) the document just
rendered while the worker goes on to the next: at most one write is in
flight, and it is waited for before anything else is written or reported,
so the documents, the outcomes and the errors are those of writing in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

#: What a write gives back: whether it wrote the file (False: the bytes were there),
#: and the hash of the bytes.
Written = tuple[bool, str]


class Behind:
    """One thread's writes, one at a time; `settle` waits for the one in flight."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="jobdocs-write")
        self._job: tuple[Future[Written], Any, Callable[[Any, Written], None],
                         Callable[[Any, BaseException], None]] | None = None

    def start(self, owner: Any, write: Callable[[], Written],
              done: Callable[[Any, Written], None],
              failed: Callable[[Any, BaseException], None]) -> None:
        """Begin `write()` for `owner` once the write in flight is settled: `done(owner,
        result)` is called when it is settled, or `failed(owner, error)` when it raised
        and `owner` is no longer the one settling (which gets the error raised)."""
        self.settle(owner)
        self._job = self._pool.submit(write), owner, done, failed

    def settle(self, owner: Any = None) -> None:
        """Wait for the write in flight: report it to its owner, raise its error when
        `owner` is its owner, else hand the error to its `failed`."""
        job, self._job = self._job, None
        if job is None:
            return
        future, whose, done, failed = job
        try:
            result = future.result()
        except BaseException as e:
            if whose is owner:
                raise
            failed(whose, e)
            return
        done(whose, result)

    def __enter__(self) -> Behind:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            self.settle()
        finally:
            self._pool.shutdown()
