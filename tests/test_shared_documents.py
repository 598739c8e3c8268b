"""A role's documents share what does not depend on their language (the clauses that
hold, their numbers): each language still gets its own problems, at their positions,
and its own numbers when its sections print in another order."""

from __future__ import annotations

from dataclasses import replace

from jobdocs import load_role, resolve
from jobdocs.check import check_file
from jobdocs.model import Clause, Role, Title
from jobdocs.resolve.law import select
from jobdocs.resolve.numbering import number_clauses

ROLE = """\
id: clerk
version: "1"
languages: [ru, en]
title:
  ru: {nominative: делопроизводитель, genitive: делопроизводителя, dative: делопроизводителю,
       accusative: делопроизводителя, instrumental: делопроизводителем}
  en: Records Clerk
sections:
  general:
    - id: file
      text: {ru: Регистрирует документы., en: Register documents.}
  duties:
    - id: archive
      text:
        ru: "Передаёт в архив документы по пункту {{ ref('file') }}, {{ ru_only }}."
        en: "Archive the documents of clause {{ ref('file') }}, {{ en_only }}."
"""


def _role(sections: dict[str, tuple[Clause, ...]]) -> Role:
    return Role(id="r", version="1", languages=("ru", "en"),
                title={"ru": Title.plain("r"), "en": Title.plain("r")}, sections=sections)


def test_each_language_gets_its_own_problem_at_its_own_position(tmp_path):
    path = tmp_path / "clerk.yaml"
    path.write_text(ROLE, encoding="utf-8")
    found = [(p.line, p.column, p.args) for p in check_file(path)[0]
             if p.rule == "undefined-variable"]
    assert [(line, column) for line, column, _ in found] == [(15, 73), (16, 68)]
    assert [dict(args)["name"] for _, _, args in found] == ["ru_only", "en_only"]


def test_both_languages_number_and_refer_as_each_would_alone(tmp_path):
    path = tmp_path / "clerk.yaml"
    path.write_text(ROLE.replace(", {{ ru_only }}", "").replace(", {{ en_only }}", ""),
                    encoding="utf-8")
    role = load_role(path)
    ru, en = resolve(role, "ru"), resolve(role, "en")
    assert [c.number for c in ru.all_clauses()] == [c.number for c in en.all_clauses()]
    assert en.all_clauses()[1].text == "Archive the documents of clause 1.1."
    alone = replace(role, sections=dict(role.sections))  # another role: nothing shared
    assert resolve(alone, "en") == en and resolve(alone, "ru") == ru


def test_numbers_follow_each_order_of_the_sections():
    role = _role({"a": (Clause("a1", {}),), "b": (Clause("b1", {}), Clause("b2", {}))})
    first, _ = number_clauses(role, ["a", "b"])
    first["a1"] = "changed"  # what a caller does with its numbers is its own
    assert number_clauses(role, ["a", "b"])[0] == {"a1": "1.1", "b1": "2.1", "b2": "2.2"}
    assert number_clauses(role, ["b", "a"])[0] == {"b1": "1.1", "b2": "1.2", "a1": "2.1"}
    other = replace(role, sections={"a": (Clause("x1", {}),)})
    assert number_clauses(other, ["a", "b"])[0] == {"x1": "1.1"}


def test_a_role_with_clauses_of_one_law_is_selected_under_each_law():
    role = _role({"a": (Clause("a1", {"ru": "р", "en": "e"}),),
                  "b": (Clause("b1", {"ru": "р", "en": "e"}, law=("ru",)),)})
    plain = _role({"a": (Clause("a1", {"ru": "р", "en": "e"}),), "b": ()})
    kept, left_out = select(plain, "ru", "ru", {})
    assert select(plain, "gb-eaw", "en", {})[0] is kept and list(kept.sections) == ["a"]
    assert list(select(role, "ru", "ru", {})[0].sections) == ["a", "b"]
    kept, left_out = select(role, "gb-eaw", "en", {}, notes=[])
    assert list(kept.sections) == ["a"] and left_out == {"b1": ("ru",)}
    kept, left_out = select(plain, "ru", "ru", {"a": ("gb-eaw",)}, notes=[])
    assert list(kept.sections) == [] and left_out == {"a1": ("gb-eaw",)}
