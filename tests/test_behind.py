"""Documents written behind the build (production/behind.py): a few writes in flight,
each result or error reported to the unit it belongs to, in the order begun."""

from __future__ import annotations

import threading
from functools import partial

import pytest

from jobdocs.production.behind import Behind


def _boom() -> tuple[bool, str]:
    raise OSError("disk full")


def _wrote(name: str) -> tuple[bool, str]:
    return True, name


def _never(*args: object) -> None:
    pytest.fail(f"not expected: {args}")


def test_each_write_is_reported_to_its_owner_in_turn() -> None:
    done: list[tuple[str, object]] = []
    with Behind(depth=1) as writes:
        writes.start("a", lambda: (True, "1"), lambda o, r: done.append((o, r)), _never)
        writes.start("b", lambda: (False, "2"), lambda o, r: done.append((o, r)), _never)
        assert done == [("a", (True, "1"))]
    assert done == [("a", (True, "1")), ("b", (False, "2"))]


def test_a_slow_write_holds_up_nothing_until_depth_writes_wait_behind_it() -> None:
    slow, done = threading.Event(), []

    def first() -> tuple[bool, str]:
        assert slow.wait(10)
        return True, "first"

    with Behind(depth=3) as writes:
        writes.start("a", first, lambda o, r: done.append(r[1]), _never)
        for name in ("b", "c"):  # two more begin while the first is still on the disk
            writes.start(name, partial(_wrote, name), lambda o, r: done.append(r[1]), _never)
        assert done == []
        slow.set()
        writes.start("d", lambda: (True, "d"), lambda o, r: done.append(r[1]), _never)
        assert done == ["first"]  # the fourth waited for the oldest only
    assert done == ["first", "b", "c", "d"]


def test_an_error_goes_to_the_write_it_belongs_to_and_the_next_writes_go_on() -> None:
    failed: list[tuple[str, str]] = []
    done: list[str] = []
    with Behind() as writes:
        writes.start("a", _boom, _never, lambda o, e: failed.append((o, str(e))))
        writes.start("a", lambda: (True, "2"), lambda o, r: done.append(o), _never)
        writes.start("b", _boom, _never, lambda o, e: failed.append((o, str(e))))
        writes.settle()
        assert failed == [("a", "disk full"), ("b", "disk full")] and done == ["a"]
