"""Printed downloads made ahead: after a save, the role's PDF is printed in the background,
so that the download that follows answers at once.

Bounded: one printing at a time (one worker thread, and the same lock for a
download printed while someone waits), at most MAX_WAITING roles waiting (a
newer save of a role replaces its place; past the limit the oldest wait is
dropped), at most MAX_KEPT printed files kept (the oldest go first), and
never for a role file larger than MAX_SOURCE bytes or a document whose source
exceeds MAX_PRINTED bytes (an untrusted size is printed only when someone asks).
A printed file is kept by the hash of the bytes it was printed from, so a
download gets it only when it would print exactly the same.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from importlib import import_module

from ..formats import FORMATS

#: Printed files kept (a few hundred kilobytes each).
MAX_KEPT = 16
#: Roles waiting to be printed ahead.
MAX_WAITING = 4
#: A role file past this many bytes is printed only when asked for.
MAX_SOURCE = 256 * 1024
#: A document whose source (DOCX) is past this many bytes is printed only when asked for.
MAX_PRINTED = 4 * 1024 * 1024

#: What printing ahead makes: (format, the bytes it is printed from, the file's stem).
Source = tuple[str, bytes, str]


class Ahead:
    """The printed files of one server, made ahead of their download."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled  # off: a download prints when asked (and keeps the file)
        self._kept: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()  # the kept files and the waiting roles
        self._printing = threading.Lock()  # one printing at a time, ahead or asked
        self._waiting: OrderedDict[str, Callable[[], Iterable[Source]]] = OrderedDict()
        self._idle = threading.Event()
        self._idle.set()
        self._worker: threading.Thread | None = None

    def printed(self, fmt: str, source: bytes, stem: str) -> bytes:
        """Return `source` printed as `fmt`: the file printed ahead, or printed now."""
        key = _key(fmt, source, stem)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        with self._printing:  # a printing ahead of this very file may be finishing
            with self._lock:
                if key in self._kept:
                    return self._kept[key]
            data = _print(fmt, source, stem)
        self._keep(key, data)
        return data

    def schedule(self, role: str, sources: Callable[[], Iterable[Source]]) -> None:
        """Print what `sources` gives in the background (a newer call for the same
        role replaces one still waiting); nothing when printing ahead is off."""
        if not self.enabled:
            return
        with self._lock:
            self._waiting.pop(role, None)
            self._waiting[role] = sources
            while len(self._waiting) > MAX_WAITING:
                self._waiting.popitem(last=False)
            self._idle.clear()
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._run, name="jobdocs-print-ahead",
                                                daemon=True)
                self._worker.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until nothing is waiting or printing ahead (tests, shutdown)."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._waiting:
                    self._worker = None
                    self._idle.set()
                    return
                _, sources = self._waiting.popitem(last=False)
            try:
                for fmt, source, stem in sources():
                    if len(source) > MAX_PRINTED:
                        continue
                    key = _key(fmt, source, stem)
                    with self._printing:
                        with self._lock:
                            if key in self._kept:
                                continue
                        data = _print(fmt, source, stem)
                    self._keep(key, data)
            except Exception:  # noqa: BLE001 - ahead of time only: the download prints it and says why
                continue

    def _keep(self, key: str, data: bytes) -> None:
        with self._lock:
            self._kept[key] = data
            self._kept.move_to_end(key)
            while len(self._kept) > MAX_KEPT:
                self._kept.popitem(last=False)


def _key(fmt: str, source: bytes, stem: str) -> str:
    return f"{fmt}:{stem}:{hashlib.sha256(source).hexdigest()}"


def _print(fmt: str, source: bytes, stem: str) -> bytes:
    data: bytes = import_module(FORMATS[fmt].writer).from_docx(source, stem)
    return data
