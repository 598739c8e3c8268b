"""Sections as data: declared sections, their place and heading, and the house style."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from jobdocs import load_role, render_document, resolve
from jobdocs.check import check_paths
from jobdocs.cli import cli
from jobdocs.config.organization import with_project
from jobdocs.config.profile import load_organization
from jobdocs.config.project import load_project
from jobdocs.errors import InvalidInput
from jobdocs.settings import load_settings

CONDITIONS = """\
declare_sections:
  working-conditions:
    heading: {ru: Условия работы, en: Working Conditions}
    after: responsibility
    intro: {ru: "Для {{ title.genitive }} установлены:", en: "The {{ title }} works:"}
"""
HOURS = """\
  working-conditions:
    - id: hours
      text: {ru: Пятидневная рабочая неделя., en: A five-day working week.}
"""


def headings(doc) -> list[str]:
    return [f"{s.number}. {s.heading}" for s in doc.sections]


@pytest.fixture
def conditions(write_role):
    """A role declaring a section of its own, placed after responsibility."""
    path = write_role(name="assistant")
    text = path.read_text(encoding="utf-8").replace("sections:\n", CONDITIONS + "sections:\n")
    path.write_text(text + HOURS, encoding="utf-8")
    return path


def test_a_declared_section_prints_between_two_built_in_ones(conditions):
    doc = resolve(load_role(conditions), "ru")
    assert headings(doc) == ["1. Общие положения", "2. Должностные обязанности", "3. Права",
                             "4. Ответственность", "5. Условия работы",
                             "6. Критерии оценки работы"]
    text = render_document(doc, "md").decode()
    assert ("## 5. Условия работы\n\nДля помощника менеджера установлены:\n\n"
            "5.1. Пятидневная рабочая неделя.\n\n## 6. Критерии оценки работы") in text
    en = resolve(load_role(conditions), "en")
    assert en.sections[4].heading == "Working Conditions"
    assert en.sections[4].intro == "The Sales Assistant works:"


def test_a_house_style_makes_evaluation_optional_and_moves_a_section(tmp_path, write_role):
    path = write_role()
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  evaluation:")], encoding="utf-8")
    [problem] = check_paths([path]).problems  # validate enforces the house style
    assert (problem.line, problem.column, problem.rule) == (11, 1, "missing-section")
    assert "section 'evaluation' is missing or empty" in problem.message
    assert headings(resolve(load_role(path), "en"))[-1] == "4. Responsibility"  # render prints it
    profile = tmp_path / "org.yaml"
    profile.write_text(textwrap.dedent("""\
        house_style:
          sections:
            order: [general, rights, duties, responsibility, evaluation, relationships, final]
            required: [general, duties, rights]
        """), encoding="utf-8")
    doc = resolve(load_role(path), "en", load_organization(profile))
    assert headings(doc) == ["1. General Provisions", "2. Rights", "3. Job Duties",
                             "4. Responsibility"]
    assert check_paths([path], org=profile).problems == ()
    assert doc.sections[2].clauses[1].text == "Advise clients within clause 3.1."


def test_a_profile_declares_a_section_every_role_may_use(tmp_path, write_role):
    path = write_role()
    path.write_text(path.read_text(encoding="utf-8") + HOURS, encoding="utf-8")
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "en")
    [problem] = e.value.problems
    assert (problem.line, problem.column, problem.rule) == (35, 3, "unknown-section")
    profile = tmp_path / "org.yaml"
    profile.write_text(CONDITIONS.replace("after: responsibility", "before: duties"),
                       encoding="utf-8")
    doc = resolve(load_role(path), "en", load_organization(profile))
    assert headings(doc)[:3] == ["1. General Provisions", "2. Working Conditions",
                                 "3. Job Duties"]


def test_a_section_declared_in_the_role_and_the_profile_is_reported_at_both_files(
        tmp_path, conditions):
    profile = tmp_path / "org.yaml"
    profile.write_text(CONDITIONS, encoding="utf-8")
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(conditions), "en", load_organization(profile))
    [problem] = e.value.problems
    assert (problem.path, problem.line, problem.column, problem.rule) == (
        str(conditions), 12, 3, "duplicate-section")
    assert f"first at {profile}:2" in problem.message


def test_a_heading_missing_in_a_language_of_the_role_is_reported_at_the_profile(
        tmp_path, write_role):
    path = write_role()
    path.write_text(path.read_text(encoding="utf-8") + HOURS, encoding="utf-8")
    profile = tmp_path / "org.yaml"
    profile.write_text(CONDITIONS.replace(", en: Working Conditions", ""), encoding="utf-8")
    org = load_organization(profile)
    assert resolve(load_role(path), "ru", org).sections[4].heading == "Условия работы"
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "en", org)
    assert [(p.path, p.line, p.column, p.rule) for p in e.value.problems] == [
        (str(profile), 2, 3, "missing-heading")]


@pytest.mark.parametrize("placement, rule", [
    ("after: duty", "unknown-section"),
    ("after: responsibility\n    before: rights", "placement"),
], ids=["names-no-section", "after-and-before"])
def test_a_wrong_placement_is_reported_at_the_declaration(conditions, placement, rule):
    conditions.write_text(conditions.read_text(encoding="utf-8").replace(
        "after: responsibility", placement), encoding="utf-8")
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(conditions), "en")
    assert [(p.line, p.column, p.rule) for p in e.value.problems] == [(12, 3, rule)]


def test_a_derived_role_inherits_declared_sections_and_merges_their_clauses(
        conditions, write_role):
    path = write_role("""\
        id: child
        extends: assistant
        declare_sections:
          working-conditions:
            heading: {ru: Режим работы, en: Working Hours}
            before: general
        sections:
          working-conditions:
            - {id: trips, before: hours, text: {ru: Командировки., en: Business trips.}}
        """, name="child")
    doc = resolve(load_role(path), "en")
    assert headings(doc)[0] == "1. Working Hours"
    assert [(c.number, c.text) for c in doc.sections[0].clauses] == [
        ("1.1", "Business trips."), ("1.2", "A five-day working week.")]


def test_jobdocs_yaml_declares_sections_and_sets_the_house_style(runner, tmp_path, write_role,
                                                                  monkeypatch):
    path = write_role()
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  evaluation:")] + HOURS, encoding="utf-8")
    (tmp_path / "jobdocs.yaml").write_text(
        "format: 1\nroles: roles\n" + CONDITIONS + "house_style:\n  sections:\n"
        "    required: [general, duties, rights, responsibility]\n", encoding="utf-8")
    project = load_project(tmp_path / "jobdocs.yaml")
    doc = resolve(load_role(path), "en", with_project(load_organization(), project))
    assert headings(doc)[-1] == "5. Working Conditions"
    # The project of the file, found from it as `jobdocs validate` finds it; without it
    # (settings of no project), the section is unknown and evaluation is missing.
    assert check_paths([path]).problems == ()
    assert [p.rule for p in check_paths([path], settings=load_settings()).problems] == [
        "missing-section", "unknown-section"]
    monkeypatch.chdir(tmp_path)
    for command in (["validate"], ["render", "assistant", "-l", "ru", "-o", "out"]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "assistant.ru.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", text, re.M)[:5] == [
        "1. Общие положения", "2. Должностные обязанности", "3. Права", "4. Ответственность",
        "5. Условия работы"]


ROOT = Path(__file__).parent.parent
ROMASHKA = ROOT / "examples" / "romashka" / "organization.yaml"


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["1. Общие положения", "2. Должностные обязанности", "3. Права",
            "4. Ответственность", "5. Условия работы", "6. Взаимоотношения (связи по должности)",
            "7. Заключительные положения"]),
    ("en", ["1. General Provisions", "2. Job Duties", "3. Rights", "4. Responsibility",
            "5. Working Conditions", "6. Working Relationships", "7. Final Provisions"]),
])
def test_the_shipped_purchasing_manager_uses_format_2_under_romashkas_house_style(
        lang, expected):
    doc = resolve(load_role("purchasing-manager"), lang, load_organization(ROMASHKA))
    assert headings(doc) == expected  # its own section between two built-in ones, no evaluation
    numbers = [c.number for c in doc.all_clauses() if c.number]
    assert numbers[5:12] == ["1.6", "1.6.1", "1.6.1.1", "1.6.1.2", "1.6.1.3", "1.6.2", "1.6.3"]
    assert "1.6.12" in numbers and ["5.2", "5.2.1", "5.2.2", "5.2.3", "5.3"] == [
        n for n in numbers if n.startswith("5.")][1:]
    assert check_paths([ROOT / "roles" / "purchasing-manager.yaml"], org=ROMASHKA).problems == ()


def test_the_complete_example_of_the_role_format_renders_as_the_page_says(tmp_path):
    page = (ROOT / "docs" / "role-format.md").read_text(encoding="utf-8")
    example = page[page.index("## A complete example"):page.index("## Top-level keys")]
    role_yaml, style_yaml = re.findall(r"```yaml\n(.*?)```", example, re.S)[:2]
    printed = example.split("The Russian document then prints", 1)[1].split("```\n")[1]
    (tmp_path / "roles").mkdir()
    role = tmp_path / "roles" / "buyer.yaml"
    role.write_text(role_yaml, encoding="utf-8")
    profile = tmp_path / "org.yaml"
    profile.write_text(style_yaml, encoding="utf-8")
    assert [p.rule for p in check_paths([role]).problems] == ["missing-section"]
    assert check_paths([role], org=profile).problems == ()
    doc = resolve(load_role(role), "ru", load_organization(profile))
    text = render_document(doc, "md").decode().replace("\n\n", "\n").replace("- ", "– ")
    assert printed in text
    assert "пункте 1.3.1.1" in text
    assert headings(doc) == ["1. Общие положения", "2. Должностные обязанности", "3. Права",
                             "4. Ответственность", "5. Условия работы",
                             "6. Заключительные положения"]


def test_a_house_style_naming_no_section_is_reported_at_the_profile(tmp_path, write_role):
    profile = tmp_path / "org.yaml"
    profile.write_text("house_style:\n  sections:\n    order: [general, duties, rights, "
                       "responsibility, evaluation, apendix]\n", encoding="utf-8")
    found = check_paths([write_role()], org=profile).problems
    assert [(p.path, p.line, p.column, p.rule) for p in found] == [
        (str(profile), 3, 5, "unknown-section")]
    assert "'apendix' is no section" in found[0].message


def test_show_prints_the_declared_section_with_where_it_is_declared(conditions):
    from jobdocs.show import show_role

    text = show_role(load_role(conditions), ["en"])
    assert (f"declare_sections:\n  working-conditions:  # declared in {conditions}:12\n"
            "    heading:\n      en: \"Working Conditions\"\nsections:\n") in text
    assert "  working-conditions:  # 5. Working Conditions\n    - id: hours  # 5.1 · own\n" in text


def test_the_server_applies_the_sections_jobdocs_yaml_declares(tmp_path, write_role):
    pytest.importorskip("starlette")
    from jobdocs.serve.site import Site

    path = write_role()
    path.write_text(path.read_text(encoding="utf-8") + HOURS, encoding="utf-8")
    (tmp_path / "jobdocs.yaml").write_text("format: 1\n" + CONDITIONS, encoding="utf-8")
    site = Site.here(tmp_path)
    doc = resolve(load_role(path), "en", site.organization(""))
    assert headings(doc)[4] == "5. Working Conditions"


def test_the_content_hash_changes_with_the_section_order_not_with_what_is_required(write_role):
    from dataclasses import replace

    from jobdocs.config.organization import Organization
    from jobdocs.model import SectionRules

    role = load_role(write_role())
    plain = resolve(role, "en").content_hash
    optional = Organization(section_rules=SectionRules(required=("general", "duties")))
    assert resolve(role, "en", optional).content_hash == plain
    moved = replace(optional, section_rules=SectionRules(order=(
        "general", "rights", "duties", "responsibility", "evaluation", "relationships", "final")))
    assert resolve(role, "en", moved).content_hash != plain
