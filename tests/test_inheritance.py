"""Derived roles: what they replace, add, place and remove, and every error."""

from __future__ import annotations

import textwrap

import pytest

from jobdocs import load_role, resolve
from jobdocs.check import check_paths
from jobdocs.errors import InvalidInput


@pytest.fixture
def base(write_role):
    return write_role(name="base")


def child(write_role, body: str, name: str = "child"):
    return write_role(f"id: {name}\nextends: base\n" + textwrap.dedent(body), name=name)


def ids(role, section: str) -> list[str]:
    return [c.id for c in role.sections[section]]


def problems(path) -> list[str]:
    with pytest.raises(InvalidInput) as e:
        load_role(path)
    return [str(p) for p in e.value.problems]


def test_child_inherits_everything_it_does_not_say(base, write_role):
    role = load_role(child(write_role, ""))
    parent = load_role(base)
    assert role.sections == parent.sections
    assert role.languages == ("ru", "en") and role.version == "1.0"
    assert role.extends == "base"


def test_same_id_replaces_in_place_and_keeps_origin(base, write_role):
    role = load_role(child(write_role, """\
        sections:
          duties:
            - id: take-orders
              text: {ru: Принимает заказы по телефону., en: Take orders by phone.}
        """))
    assert ids(role, "duties") == ["take-orders", "advise"]
    assert role.sections["duties"][0].text["en"] == "Take orders by phone."
    assert role.sections["duties"][0].origin == "child"
    assert role.sections["duties"][1].origin == "base"


def test_new_clauses_append_or_go_after_and_before(base, write_role):
    role = load_role(child(write_role, """\
        sections:
          duties:
            - id: last
              text: {ru: Последнее., en: Last.}
            - id: between
              after: take-orders
              text: {ru: Между., en: Between.}
            - id: first
              before: take-orders
              text: {ru: Первое., en: First.}
        """))
    assert ids(role, "duties") == ["first", "take-orders", "between", "advise", "last"]


def test_references_follow_inherited_clauses(base, write_role):
    role = load_role(child(write_role, """\
        sections:
          duties:
            - id: first
              before: take-orders
              text: {ru: Первое., en: First.}
        """))
    advise = resolve(role, "en").sections[1].clauses[2]
    assert (advise.number, advise.text) == ("2.3", "Advise clients within clause 2.2.")


def test_remove_drops_inherited_clauses(base, write_role):
    role = load_role(child(write_role, "remove: [advise]\n"))
    assert ids(role, "duties") == ["take-orders"]


CLERK = """\
        id: base
        version: "1"
        languages: [en]
        title: {{en: Clerk}}
        sections:
          general:
            - id: know
              text: {{en: "Must know:"}}
              items:
{items}
          duties: [{{id: d, text: {{en: D.}}}}]
          rights: [{{id: r, text: {{en: R.}}}}]
          responsibility: [{{id: p, text: {{en: P.}}}}]
          evaluation: [{{id: e, text: {{en: E.}}}}]
        """


def test_items_merge_by_id(write_role):
    write_role(CLERK.format(items="                - {id: a, text: {en: a;}}\n"
                                  "                - {id: b, text: {en: b.}}"), name="base")
    role = load_role(child(write_role, """\
        remove: [a]
        sections:
          general:
            - id: know
              items:
                - {id: c, before: b, text: {en: c;}}
                - {id: b, text: {en: "b, changed."}}
        """))
    [know] = role.sections["general"]
    assert know.text == {"en": "Must know:"}
    assert [(i.id, i.text["en"]) for i in know.children] == [("c", "c;"), ("b", "b, changed.")]


def test_scalars_override_and_vars_merge(base, write_role):
    role = load_role(child(write_role, """\
        version: "2.0"
        title:
          en: Senior Sales Assistant
        vars: {level: 3}
        """))
    assert role.version == "2.0"
    assert str(role.title["en"]) == "Senior Sales Assistant"
    assert role.title["ru"].genitive == "помощника менеджера"


def test_multi_level_chain(base, write_role):
    child(write_role, "sections:\n  rights:\n    - {id: more, text: {ru: Ещё., en: More.}}\n")
    grandchild = write_role("id: grandchild\nextends: child\nremove: [information]\n",
                            name="grandchild")
    assert ids(load_role(grandchild), "rights") == ["more"]


@pytest.mark.parametrize("body, message", [
    ("sections:\n  duties:\n    - {id: x, after: nowhere, text: {ru: X., en: X.}}\n",
     ":5:22: after: 'nowhere' names no clause of section 'duties'"),
    ("sections:\n  rights:\n    - {id: x, after: advise, text: {ru: X., en: X.}}\n",
     ":5:22: after: 'advise' names no clause of section 'rights' (it is in section 'duties')"),
    ("remove: [ghost]\n", ":3:10: remove: 'ghost' is no clause or item of 'base'"),
    ("sections:\n  duties:\n    - id: brand-new\n",
     ":5:7: clause 'brand-new' is new in this role (no clause of 'base' has that id), so it "
     "needs a text"),
    ("sections:\n  rights:\n    - {id: advise, text: {ru: X., en: X.}}\n",
     ":5:12: clause 'advise' is inherited in section 'duties', not 'rights'"),
    ("languages: [ru, en, de]\n", ":3:12: no title in 'de'"),
], ids=["after-missing", "after-other-section", "remove-missing", "new-without-text",
        "wrong-section", "language-parent-lacks"])
def test_errors_name_the_derived_file_and_line(base, write_role, body, message):
    path = child(write_role, body)
    found = problems(path)
    assert found[0].startswith(f"{path}{message}"), found


def test_removing_every_clause_of_a_required_section_is_reported_at_remove(base, write_role):
    path = child(write_role, "remove: [category]\n")
    assert [str(p) for p in check_paths([path]).problems] == [
        f"{path}:3:1: section 'general' is missing or empty; the house style requires it"]


def test_missing_parent(write_role):
    path = write_role("id: orphan\nextends: nobody\n", name="orphan")
    assert problems(path) == [
        f"{path}:2:10: extends: no role 'nobody' (looked in {path.parent} and the role library; "
        "see `jobdocs list`)"]


def test_cycle(write_role):
    a = write_role("id: a\nextends: b\n", name="a")
    write_role("id: b\nextends: a\n", name="b")
    [found] = problems(a)
    assert found.endswith(":2:10: extends: cycle a → b → a; a role cannot extend itself, "
                          "directly or through others")


def test_error_in_parent_is_reported_at_the_parent(base, write_role):
    base.write_text(base.read_text().replace("id: take-orders", "id: Take"))
    path = child(write_role, "")
    [found] = problems(path)
    assert found.startswith(f"{base}:18:11: sections.duties[0].id: 'Take' is not valid")


def test_shipped_derived_roles_share_their_base():
    corporate = load_role("corporate-client-manager")
    base = load_role("client-manager")
    shared = [c for c in corporate.sections["duties"] if c.origin == "client-manager"]
    assert [c.id for c in shared] == [c.id for c in base.sections["duties"]]
    own = [c.id for c in corporate.sections["duties"] if c.origin == "corporate-client-manager"]
    assert "survey-corporate-management" in own
    assert "relationships" in corporate.sections


@pytest.mark.parametrize("role, years, extra", [
    ("junior-account-manager", None, "без предъявления требований к стажу работы"),
    ("client-manager", "1 года", "«1С:Предприятие»"),
    ("senior-account-manager", "2 лет", "техники ведения переговоров"),
    ("lead-key-account-manager", "3 лет", "владение английским языком"),
])
def test_grade_variants_carry_the_seeds_requirements(role, years, extra):
    doc = resolve(load_role(role), "ru")
    general = " ".join(c.text for c in doc.sections[0].clauses[0].walk()) + " ".join(
        d.text for c in doc.sections[0].clauses for d in c.walk())
    if years:
        assert f"не менее {years}." in general
    assert extra in general


def test_new_clause_reusing_an_inherited_item_id_names_where(write_role):
    path = write_role("""\
        id: child
        extends: base
        sections:
          duties:
            - {id: know-law, text: {en: Know the law.}}
        """, name="child")
    write_role(CLERK.format(items="                - {id: know-law, text: {en: the law.}}"),
               name="base")
    assert problems(path) == [
        f"{path}:5:12: clause id 'know-law' is also defined in {path.parent / 'base.yaml'}:10 "
        "(an item of 'know' in base); give this clause another id"]


def test_a_new_clause_missing_a_language_is_reported_once_at_the_clause(base, write_role):
    path = child(write_role, "sections:\n  duties:\n    - id: brand-new\n"
                             "      text: {ru: Новая обязанность.}\n")
    found = [p for p in problems(path) if "'en'" in p]
    assert found == [f"{path}:6:13: sections.duties[0].text: "
                     "missing the 'en' text (the role's languages are ru, en)"]
