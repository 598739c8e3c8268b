"""Role files are checked against the format, every problem at once."""

from __future__ import annotations

import pytest

from jobdocs import load_role
from jobdocs.errors import InvalidInput


def problems_of(path) -> list[str]:
    with pytest.raises(InvalidInput) as e:
        load_role(path)
    return [str(p) for p in e.value.problems]


def test_minimal_role_loads(write_role):
    role = load_role(write_role())
    assert role.id == "assistant"
    assert [c.id for c in role.sections["duties"]] == ["take-orders", "advise"]
    assert role.title["ru"].genitive == "помощника менеджера"
    assert role.title["en"].genitive == "Sales Assistant"


def test_unknown_key_suggests_the_right_one(write_role):
    path = write_role(**{"sections:": "sectoins:"})
    found = problems_of(path)
    assert f"{path}:1:1: (top level): missing required key 'sections'" in found
    assert f"{path}:11:1: (top level): unknown key 'sectoins' (did you mean 'sections'?)" in found


def test_missing_translation_names_the_clause_and_language(write_role):
    path = write_role(**{"{ru: Принимает заказы., en: Take orders.}": "{ru: Принимает заказы.}"})
    assert problems_of(path) == [
        f"{path}:19:13: sections.duties[0].text: missing the 'en' text "
        "(the role's languages are ru, en)"]


def test_duplicate_clause_id_points_at_the_first(write_role):
    path = write_role(**{"id: plan": "id: advise"})
    assert problems_of(path) == [
        f"{path}:33:11: clause id 'advise' is used twice (first at line 20); "
        "give each clause its own id"]


def test_bad_id_and_wrong_type_are_reported_together(write_role):
    path = write_role(**{"id: take-orders": "id: Take_Orders", "languages: [ru, en]":
                         "languages: ru"})
    found = problems_of(path)
    assert len(found) == 2
    assert any("languages: must be a list, not a string" in p for p in found)
    assert any("'Take_Orders' is not valid: use lower-case words joined by hyphens" in p
               for p in found)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("")
    assert problems_of(path)[0].startswith(f"{path}:1:1: the file is empty")
