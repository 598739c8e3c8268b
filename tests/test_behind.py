"""Documents written behind the build (production/behind.py): one write in flight, its
result or error reported to the unit it belongs to."""

from __future__ import annotations

import pytest

from jobdocs.production.behind import Behind


def _boom() -> tuple[bool, str]:
    raise OSError("disk full")


def _never(*args: object) -> None:
    pytest.fail(f"not expected: {args}")


def test_each_write_is_reported_to_its_owner_in_turn() -> None:
    done: list[tuple[str, object]] = []
    with Behind() as writes:
        writes.start("a", lambda: (True, "1"), lambda o, r: done.append((o, r)), _never)
        writes.start("b", lambda: (False, "2"), lambda o, r: done.append((o, r)), _never)
        assert done == [("a", (True, "1"))]
    assert done == [("a", (True, "1")), ("b", (False, "2"))]


def test_an_error_is_raised_to_its_owner_and_handed_over_otherwise() -> None:
    failed: list[tuple[str, str]] = []
    with Behind() as writes:
        writes.start("a", _boom, _never, _never)
        with pytest.raises(OSError, match="disk full"):
            writes.settle("a")
        writes.start("a", _boom, _never, lambda o, e: failed.append((o, str(e))))
        writes.settle("b")  # the next unit waits: the error goes to the unit it belongs to
        writes.start("b", _boom, _never, lambda o, e: failed.append((o, str(e))))
    assert failed == [("a", "disk full"), ("b", "disk full")]
