"""A batch collects garbage less often, and leaves the thresholds as it found them."""

from __future__ import annotations

import gc

from jobdocs.garbage import YOUNG, fewer_collections


def test_thresholds_are_raised_within_and_restored_after_nested_batches():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] >= YOUNG
        with fewer_collections():
            assert gc.get_threshold()[0] >= YOUNG
        assert gc.get_threshold()[0] >= YOUNG  # the outer batch still runs
    assert gc.get_threshold() == before


def test_collection_switched_off_stays_off():
    before = gc.get_threshold()
    gc.set_threshold(0)
    try:
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
