"""The safe loader: plain data only, every problem at its position."""

from __future__ import annotations

import pytest

from jobdocs.errors import InvalidInput
from jobdocs.roles import loader


def problems(text: str) -> list[str]:
    with pytest.raises(InvalidInput) as e:
        loader.parse(text, "r.yaml")
    return [str(p) for p in e.value.problems]


def test_positions_of_values_and_keys():
    doc = loader.parse("a: 1\nb:\n  - x\n  - {c: yes}\n", "r.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": True}]}
    assert doc.mark(("b", 1, "c")) == loader.Mark("r.yaml", 4, 9)
    assert doc.key_marks[("b",)].line == 2


def test_language_code_no_stays_a_string_key():
    assert loader.parse("no: Norsk\n", "r.yaml").data == {"no": "Norsk"}


def test_every_duplicate_key_is_reported_with_the_first_definition():
    assert problems("a: 1\nb: 2\na: 3\na: 4\n") == [
        "r.yaml:3:1: duplicate key 'a' (first defined at line 1); keep one of them",
        "r.yaml:4:1: duplicate key 'a' (first defined at line 1); keep one of them",
    ]


@pytest.mark.parametrize("text, message", [
    ("a: &x [1]\nb: *x\n", "r.yaml:1:4: YAML anchor '&x' is not allowed"),
    ("a: !!python/object/apply:os.system [ls]\n", "r.yaml:1:4: Python tag"),
    ("a: !custom x\n", "r.yaml:1:4: tag '!custom' is not allowed"),
    ("<<: {a: 1}\n", "r.yaml:1:1: merge keys ('<<') are not allowed"),
    ("a: [1, 2\n", "r.yaml:2:1: YAML syntax"),
    ("a: 1\n---\nb: 2\n", "r.yaml:2:1: more than one YAML document"),
    ("a: " + "[" * 60 + "]" * 60 + "\n", "r.yaml:1:"),
], ids=["alias", "python-tag", "custom-tag", "merge-key", "syntax", "two-documents", "deep"])
def test_unsafe_or_broken_yaml_gives_one_positioned_problem(text, message):
    found = problems(text)
    assert len(found) == 1
    assert found[0].startswith(message)


def test_deep_nesting_is_refused():
    assert "nesting deeper than 50 levels" in problems("a: " + "[" * 60 + "]" * 60 + "\n")[0]


def test_alias_bomb_is_refused_at_the_first_anchor():
    bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b]\n'
    assert problems(bomb) == [
        "r.yaml:1:4: YAML anchor '&a' is not allowed in role files; "
        "write the value out where it is needed"]


@pytest.mark.parametrize("raw, message", [
    ("id: x\n".encode("utf-16"), "r.yaml:1:1: file is UTF-16; save it as UTF-8"),
    ("id: été\n".encode("latin-1"), "r.yaml:1:5: not UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "r.yaml:1:1: binary file"),
], ids=["utf-16", "latin-1", "binary"])
def test_non_utf8_input_is_named(raw, message):
    with pytest.raises(InvalidInput) as e:
        loader.decode(raw, "r.yaml")
    assert str(e.value).startswith(message)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(InvalidInput, match="is a directory"):
        loader.load(tmp_path)
    with pytest.raises(InvalidInput, match="no such file"):
        loader.load(tmp_path / "missing.yaml")


def test_oversized_file_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (loader.MAX_BYTES + 1))
    with pytest.raises(InvalidInput, match="may be at most"):
        loader.load(big)
