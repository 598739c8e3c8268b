"""Clause text: rendered as Jinja in a sandbox, its problems at the name's own column."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobdocs.check import check_paths
from jobdocs.config.organization import Organization
from jobdocs.resolve import clause_context, limits
from jobdocs.resolve import sandbox as text
from jobdocs.resolve.numbering import number_clauses
from jobdocs.roles import loader
from jobdocs.roles.build import build_role

ROOT = Path(__file__).parent.parent


def one_problem(write_role, old: str, new: str):
    [problem] = check_paths([write_role(**{old: new})]).problems
    return problem


@pytest.mark.parametrize("style", [">-", "|", ">"])
def test_undefined_name_in_a_block_scalar_is_pointed_at(write_role, style):
    p = one_problem(write_role,
                    '        en: "Advise clients within clause {{ ref(\'take-orders\') }}."',
                    f"        en: {style}\n          Advise clients within\n"
                    "          clause {{ ref('take-orders') }} and {{ vars.limt }}.")
    assert (p.line, p.column, p.rule) == (25, 55, "undefined-variable")


def test_undefined_name_in_a_multi_line_plain_scalar(write_role):
    p = one_problem(write_role, "{ru: Получать информацию., en: Receive information.}",
                    "\n        ru: Получать информацию.\n        en: Receive information\n"
                    "          from {{ org.nmae }}.")
    assert (p.line, p.column, p.rule) == (29, 23, "undefined-variable")


def test_escapes_before_the_name_do_not_shift_the_column(write_role):
    p = one_problem(write_role, '"Breach, under the legislation of {{ jurisdiction }}."',
                    r'"Br\u0065ach \"here\", under {{ jurisdicton }}."')
    assert (p.line, p.column) == (31, 45)
    assert "did you mean 'jurisdiction'?" in p.message


def test_a_name_that_is_also_a_word_is_found_inside_the_tag(write_role):
    p = one_problem(write_role, '"Breach, under the legislation of {{ jurisdiction }}."',
                    '"Breach of jurisdicton rules, under {{ jurisdicton }}."')
    assert (p.line, p.column) == (31, 52)  # not the word at column 24


def test_template_syntax_error_points_at_its_line_of_a_literal_block(write_role):
    p = one_problem(write_role, "{ru: Выполнение плана., en: Fulfilment of the plan.}",
                    "\n        ru: Выполнение плана.\n        en: |\n          Fulfilment\n"
                    "            {% if %} of the plan.")
    assert (p.line, p.column, p.rule) == (38, 13, "jinja-syntax")


# -- the common templates render without compiling, exactly as Jinja would ----------------


def templates_in(*patterns: str) -> list[str]:
    """Return the distinct templated clause texts of the files matching `patterns`."""
    texts: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "text" and isinstance(child, dict):
                    texts.extend(t for t in child.values() if isinstance(t, str))
                else:
                    walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    for path in (p for pattern in patterns for p in ROOT.glob(pattern)):
        try:
            walk(loader.load(path).data)
        except loader.InvalidInput:
            continue
    return sorted({t for t in texts if "{" in t})


EDGE_CASES = [
    "{{ title }}", "{{title}}", "{{ title\n  .genitive }}", "{{ title.nominative|upfirst|upper }}",
    "{{ title.genitve }}", "{{ title.__class__ }}", "{{ title() }}", "{{ vars() }}",
    "{{ vars.experience_years }}", "{{ vars.missing }}", "{{ org.name }}",
    "{{ org.approver.dative | upfirst }}", "{{ jurisdiction }}",
    "{{ ref('category') }}", '{{ ref("category") }}', "{{ ref('nope') }}", "{{ ref('') }}",
    "{{ ref() }}", "{{ ref(vars.experience_years) }}", "{{ years(vars.experience_years) }}",
    "{{ years(2) }}", "{{ years(vars.missing) }}", "{{ years(title) }}",
    "ends with a newline {{ title }}\n", "a { b } c {{ title }}}", "{{ ref('a}}b') }}",
    # Beyond the simple form: Jinja itself renders (or rejects) these.
    "{{ upfirst }}", "{{ true }}", "{{ title | nofilter }}", "{{ vars | dictsort }}",
    "{{ title ~ '!' }}", "{{- title -}}", "{% if title %}x{% endif %}", "{# note #}{{ title }}",
    "{{ title", "{{ ref('a\\'b') }}", "{{ self }}", "{{ range(3) | list }}",
]


def outcome(make, context):
    try:
        return make()(context)
    except Exception as e:  # the same exception, with the same message, is the point
        return type(e), str(e)


@pytest.fixture(scope="module")
def contexts():
    role = build_role(loader.parse((ROOT / "tests" / "fixtures" / "invalid" / "base.yaml")
                                   .read_text(encoding="utf-8"), "base.yaml"))
    ru = build_role(loader.load(ROOT / "roles" / "key-account-manager.yaml"))
    out = []
    for r, lang in ((role, "en"), (ru, "ru")):
        numbers, items = number_clauses(r)
        out.append(clause_context(r, lang, Organization(), numbers, items))
    return out


@pytest.mark.parametrize("source", templates_in("roles/*.yaml", "tests/fixtures/**/*.yaml")
                         + EDGE_CASES)
def test_simple_templates_render_as_jinja_would(contexts, source):
    try:
        limits.check_source(source)
    except limits.LimitError:
        return  # refused before Jinja sees it: see test_sandbox_limits.py
    for context in contexts:
        assert outcome(lambda: text._renderer.__wrapped__(source), context) == outcome(
            lambda: text.environment().from_string(source).render, context)


def test_every_shipped_template_takes_the_fast_road():
    assert [t for t in templates_in("roles/*.yaml") if text._outputs(t) is None] == []
