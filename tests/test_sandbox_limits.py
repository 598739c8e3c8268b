"""Bounded clause text: what would exhaust memory or time is refused before it runs,
one finding with its rule id; data passed in cannot be changed; misspellings are clear."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from jobdocs import InvalidInput, load_role, resolve
from jobdocs.config.organization import Organization
from jobdocs.config.profile import load_organization
from jobdocs.resolve import limits

EVALUATION = "Выполнение плана."


def problems_of(write_role, source: str, org: Organization | None = None):
    path = write_role(**{EVALUATION: json.dumps(source)})
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "ru", org)
    return e.value.problems


@pytest.mark.parametrize("source", [
    "{{ 'a'.ljust(1999999999)|length }}",
    "{{ 'a'.rjust(1999999999) }}",
    "{{ 'a'.center(1999999999) }}",
    "{{ 'a'.zfill(1999999999) }}",
    "{{ (1,) * 2000000000 }}",
    "{{ 2000000000 * [1] }}",
    "{{ 'ab' * 1000000000 }}",
    "{{ '{0:>1999999999}'.format(1) }}",
    "{{ '{0:.1999999999f}'.format(1.5) }}",
    "{{ '{:{}}'.format(1, 999999999) }}",
    "{{ '%1999999999d' % 1 }}",
    "{{ '%*d' % (1999999999, 1) }}",
    "{{ '%s'|format('a') ~ '%1999999999s'|format('a') }}",
    "{{ 'a\tb'.expandtabs(999999999) }}",
    "{{ ('a' * 10000).replace('a', 'bbbbbbbbbb') }}",
    "{{ ('a' * 10000)|replace('a', 'bbbbbbbbbb') }}",
    "{{ 'a'|center(1999999999) }}",
    "{{ 'a\nb\nc'|indent(999999999) }}",
    "{{ 'a'.ljust(19000) }}{{ 'b'.ljust(19000) }}",
    *(ALLOCATING := [
        "{{ ('x' * 20000).join('y' * 20000) }}",
        "{{ ('y' * 20000)|join('x' * 20000) }}",
        "{{ (('y' * 20000)|list)|join('x' * 20000) }}",
        "{{ ('a' * 20000).translate({97: 'x' * 20000}) }}",
        "{{ ('a' * 200).translate(['x' * 20000] * 200) }}",
        "{{ ['x' * 20000] * 20000 }}",
        "{{ (['x' * 20000] * 20000)|string }}",
        "{{ [['x' * 20000] * 20000] ~ '' }}",
        "{{ 'x' * 20000 ~ 'x' * 20000 }}",
        "{% set a = 'x' * 20000 %}{% set b = a ~ a %}{{ b|length }}",
        "{{ ('x' * 15000) + ('x' * 15000) }}",
        "{{ ('{0}' * 5000).format('x' * 20000) }}",
        "{{ '{a}{a}{a}'.format_map({'a': 'x' * 19000}) }}",
        "{{ '%(a)s%(a)s%(a)s' % {'a': 'x' * 19000} }}",
        "{{ ('%s' * 5000) % (('x' * 20000,) * 5000) }}",
        "{{ ('%s' * 5000)|format(*(('x' * 20000,) * 5000)) }}",
        "{{ ('x' * 20000)|map('center', 20000)|list|length }}",
        "{{ ('&' * 20000)|forceescape|forceescape }}",
        "{{ ('x' * 20000).encode().center(1999999999) }}",
        "{{ ('x' * 10000).encode().replace('x'.encode(), 'yyyyy'.encode()) }}",
        "{{ ['x' * 20000, 'y' * 20000]|join }}",
        "{{ {'a': 'x' * 20000, 'b': 'y' * 20000} }}",
    ]),
])
def test_allocations_beyond_the_limit_are_refused(write_role, source):
    [problem] = problems_of(write_role, source)
    assert problem.rule == "sandbox-size", problem.message
    assert problem.path.endswith("assistant.yaml") and problem.line and problem.column


@pytest.mark.parametrize("source", [
    "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
    "{{ " + "[" * 2000 + "]" * 2000 + " }}",
    "{% if true %}" * 120 + "x" + "{% endif %}" * 120,
])
def test_deep_nesting_is_refused(write_role, source):
    [problem] = problems_of(write_role, source)
    assert problem.rule == "sandbox-depth"


@pytest.mark.parametrize("brackets, blocks, deepest", [
    ("(" * 32 + ")" * 32, "", 32), ("(" * 33 + ")" * 33, "", 33), ("()" * 40, "", 1),
    ("[(" * 16 + "[]" + ")]" * 16, "", 33), ("", "{% if x %}" * 33 + "{%endif%}" * 33, 33),
    ("", "{%- if x %}{% endif %}" * 40, 1), ("", "{% if x %}" * 32 + "{% endif %}", 32)])
def test_nesting_is_counted_however_few_or_many_brackets_and_blocks(brackets, blocks, deepest):
    source = f"{{{{ {brackets} }}}}{blocks}"
    if deepest <= limits.MAX_NESTING:
        limits.check_source(source)
    else:
        with pytest.raises(limits.LimitError, match=f"nests {deepest} levels deep"):
            limits.check_source(source)


def test_long_template_text_is_refused_before_compiling(write_role):
    [problem] = problems_of(write_role, "{% if true %}x{% endif %}" * 2000)
    assert problem.rule == "sandbox-size"


def test_a_clause_has_a_time_limit(write_role, monkeypatch):
    monkeypatch.setattr(limits, "TIME_LIMIT", -1.0)
    problems = problems_of(write_role, "{{ 'a'.upper() }}")
    assert {p.rule for p in problems} == {"sandbox-time"}  # every clause with a tag


def test_clause_text_cannot_change_the_organization(write_role):
    org = load_organization(Path(__file__).parent.parent / "examples/romashka/organization.yaml")
    before = copy.deepcopy(org)
    [problem] = problems_of(write_role, "{{ org.approver.forms.update({'nominative': 'X'}) "
                            "or '' }}", org)
    assert problem.rule == "sandbox"
    assert org == before


def test_a_misspelt_field_names_the_closest_right_one(write_role):
    [problem] = problems_of(write_role, "{{ title.genetive }}")
    assert problem.rule == "undefined-variable"
    assert "'genetive' is not a field of the title (did you mean 'genitive'?)" in problem.message
    assert "jobdocs" not in problem.message and "object" not in problem.message


def test_limits_leave_ordinary_text_alone(write_role):
    path = write_role(**{EVALUATION: json.dumps("{{ '%s %s'|format(1, 2) }} {{ 'a'.ljust(3) }}|"
                                                " {{ title.genitive|upfirst }}")})
    doc = resolve(load_role(path), "ru")
    assert "1 2 a | Помощника менеджера" in json.dumps(doc.sections[-1].clauses[0].text,
                                                         ensure_ascii=False)


HOSTILE = [
    "{{ 'a'.ljust(1999999999)|length }}", "{{ (1,) * 2000000000 }}",
    "{{ '{0:>1999999999}'.format(1) }}", "{{ 'a'.center(1999999999) }}",
    "{{ 'a\tb'.expandtabs(1999999999) }}", "{{ ('a' * 19999).replace('a', 'aaaaaaaaaa') }}",
    "{{ '%1999999999d' % 1 }}", "{{ 'a'.ljust(99999999999999999999) }}",
    "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", "{% if true %}" * 120 + "{% endif %}" * 120,
    "{% if true %}x{% endif %}" * 30_000, *ALLOCATING,
]


@pytest.mark.parametrize("source", ["{{ 5|reverse }}", "{{ [[1]] * 3|sum(start=[]) }}",
                                    "{{ 1|join }}"])
def test_a_filter_given_the_wrong_thing_is_one_finding(write_role, source):
    [problem] = problems_of(write_role, source)
    assert problem.rule in ("render", "sandbox"), problem


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="resource.setrlimit is POSIX")
def test_every_hostile_clause_is_one_finding_under_500_mb(tmp_path):
    import subprocess
    import sys

    duties = "".join(f"    - id: hostile-{i}\n      text: {{ru: {json.dumps(s)}, en: "
                     f"{json.dumps(s)}}}\n" for i, s in enumerate(HOSTILE))
    kam = Path(__file__).parent.parent / "roles" / "key-account-manager.yaml"
    path = tmp_path / "key-account-manager.yaml"
    path.write_text(kam.read_text(encoding="utf-8").replace("  duties:\n", "  duties:\n" + duties,
                                                            1), encoding="utf-8")

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (500 * 2**20, 500 * 2**20))

    result = subprocess.run([sys.executable, "-m", "jobdocs", "validate", str(path)],
                            capture_output=True, text=True, timeout=120, preexec_fn=limit)
    assert result.returncode == 1, result.stderr
    found = [line for line in result.stdout.splitlines() if "hostile-" in line]
    assert len(found) == 2 * len(HOSTILE)  # each clause, in each language: one finding
    assert all(re.search(r":\d+:\d+: error \[sandbox-(size|depth)\]", f) for f in found)
