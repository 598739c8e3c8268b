"""How work is shared between processes (workers.py): the portions a build hands out."""

from __future__ import annotations

import pytest

from jobdocs.workers import portions


@pytest.mark.parametrize("count", [0, 1, 7, 100, 4000])
@pytest.mark.parametrize("jobs", [1, 2, 8])
def test_portions_cover_every_item_once_in_order_largest_first(count: int, jobs: int) -> None:
    items = list(range(count))
    cut = portions(items, jobs)
    assert [item for portion in cut for item in portion] == items
    sizes = [len(portion) for portion in cut]
    assert all(1 <= size <= 64 for size in sizes)
    assert sizes == sorted(sizes, reverse=True)


def test_a_large_build_goes_out_in_few_portions_and_ends_in_single_items() -> None:
    sizes = [len(portion) for portion in portions(range(4000), 2)]
    assert sizes[0] == 64 and len(sizes) < 4000 // 32  # few round trips for the many
    assert sizes[-8:] == [1] * 8  # the last ones small: the two workers finish together
