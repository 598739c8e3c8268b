"""The loader's marks: kept as the parser gave them, each made a Mark when read."""

from __future__ import annotations

import pickle

import pytest

from jobdocs.errors import InvalidInput
from jobdocs.model import Mark
from jobdocs.roles import loader

TEXT = "a: 1\nb:\n  - x\n  - {c: yes}\nd:\n  e: 'f'\n"


def test_every_value_and_key_is_read_as_a_mark_at_its_place():
    doc = loader.parse(TEXT, "r.yaml")
    assert dict(doc.marks.items()) == {
        (): Mark("r.yaml", 1, 1), ("a",): Mark("r.yaml", 1, 4), ("b",): Mark("r.yaml", 3, 3),
        ("b", 0): Mark("r.yaml", 3, 5), ("b", 1): Mark("r.yaml", 4, 5),
        ("b", 1, "c"): Mark("r.yaml", 4, 9), ("d",): Mark("r.yaml", 6, 3),
        ("d", "e"): Mark("r.yaml", 6, 6)}
    assert dict(doc.key_marks) == {
        ("a",): Mark("r.yaml", 1, 1), ("b",): Mark("r.yaml", 2, 1),
        ("b", 1, "c"): Mark("r.yaml", 4, 6), ("d",): Mark("r.yaml", 5, 1),
        ("d", "e"): Mark("r.yaml", 6, 3)}


def test_a_mark_read_twice_is_the_same_mark_and_a_missing_one_is_none():
    doc = loader.parse(TEXT, "r.yaml")
    first = doc.marks[("d", "e")]
    assert type(first) is Mark and doc.marks.get(("d", "e")) is first
    assert doc.marks.get(("z",)) is None and ("z",) not in doc.marks
    assert doc.mark(("d", "e", "g")) == first  # the nearest parent's


def test_marks_set_and_kept_after_pickling():
    doc = loader.parse(TEXT, "r.yaml")
    doc.marks.setdefault(("x",), Mark("--set", 1, 1))
    doc.marks[("a",)] = Mark("elsewhere.yaml", 9, 9)
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.marks[("x",)] == Mark("--set", 1, 1)
    assert again.marks[("a",)] == Mark("elsewhere.yaml", 9, 9)
    assert again.key_marks[("b", 1, "c")] == Mark("r.yaml", 4, 6)


def test_a_duplicate_key_names_the_line_of_the_first_from_1():
    with pytest.raises(InvalidInput) as e:
        loader.parse("x: 1\n\na:\n  b: 1\n  b: 2\n", "r.yaml")
    assert [str(p) for p in e.value.problems] == [
        "r.yaml:5:3: duplicate key 'b' (first defined at line 4); keep one of them"]
