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


ROLE = """format: 1
id: r
version: "1"
languages: [ru, en]
title: {ru: Роль, en: Role}
sections:
  duties:
    - id: d1
      text:
        ru: >-
          Первый {{ title }}
        en: "First"
      items:
        - id: d1-a
          text: {ru: а, en: 'a'}
    - id: d2
      text:
        ru: |
          Второй
        en: Second
"""


def _clauses():
    from jobdocs.roles.build import build_role

    role = build_role(loader.parse(ROLE, "r.yaml"))
    return [c for top in role.sections["duties"] for c in top.walk()]


def test_a_clause_text_is_marked_and_styled_where_the_file_gives_it():
    d1, d1a, d2 = _clauses()
    assert dict(d1.text_marks) == {"ru": Mark("r.yaml", 10, 13), "en": Mark("r.yaml", 12, 13)}
    assert dict(d1.text_styles) == {"ru": ">", "en": '"'}
    assert dict(d1a.text_marks) == {"ru": Mark("r.yaml", 15, 22), "en": Mark("r.yaml", 15, 29)}
    assert list(d1a.text_styles) == ["ru", "en"] and d1a.text_styles["en"] == "'"
    assert d1a.text_styles["ru"] in (None, "")  # plain (libyaml says "")
    assert d2.text_marks["ru"] == Mark("r.yaml", 18, 13) and d2.text_styles.get("ru") == "|"
    assert d2.text_styles.get("en", 1) == d2.text_styles["en"] in (None, "")
    assert d2.text_marks.get("de") is None and d2.text_marks.get("de", 0) == 0
    assert "ru" in d2.text_marks and "de" not in d2.text_styles and len(d2.text_marks) == 2
    with pytest.raises(KeyError):
        d2.text_marks["de"]


def test_a_clause_with_its_marks_read_when_asked_is_the_clause_with_them_as_a_dict():
    import copy

    from jobdocs.model import Clause, made

    for clause in _clauses():
        fields = dict(vars(clause), text_marks=dict(clause.text_marks),
                      text_styles=dict(clause.text_styles))
        plain = made(Clause, **fields)
        assert clause == plain and plain == clause and repr(clause) == repr(plain)
        assert clause.text_marks == plain.text_marks and plain.text_marks == clause.text_marks
        for again in (pickle.loads(pickle.dumps(clause)), copy.deepcopy(clause)):
            assert again == plain and type(again.text_marks) is dict
            assert again.text_styles == plain.text_styles
    changed = made(Clause, **dict(vars(_clauses()[0]), text_marks={"ru": Mark("r.yaml", 1, 1)}))
    assert changed != _clauses()[0]
