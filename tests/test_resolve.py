"""Numbering, cross-references and clause text are computed, never typed."""

from __future__ import annotations

import pytest

from jobdocs import load_role, resolve
from jobdocs.errors import InvalidInput, UsageError
from jobdocs.resolve.i18n import years


def test_clauses_are_numbered_by_section_and_position(write_role):
    doc = resolve(load_role(write_role()), "ru")
    assert [(c.number, c.id) for c in doc.clauses()] == [
        ("1.1", "category"), ("2.1", "take-orders"), ("2.2", "advise"), ("3.1", "information"),
        ("4.1", "breach"), ("5.1", "plan")]


def test_reference_follows_the_clause_when_it_moves(write_role):
    role = write_role(**{
        "  duties:\n": "  duties:\n    - id: first\n      text: {ru: Первое., en: First.}\n"})
    doc = resolve(load_role(role), "en")
    advise = next(c for c in doc.clauses() if c.id == "advise")
    assert advise.number == "2.3"
    assert advise.text == "Advise clients within clause 2.2."


def test_title_cases_and_jurisdiction_in_text(write_role):
    doc = resolve(load_role(write_role()), "ru")
    assert doc.clauses()[0].text == "Помощник менеджера относится к категории специалистов."
    assert doc.clauses()[4].text == "За нарушение — по законодательству Российской Федерации."


def test_section_intro_uses_the_case_the_sentence_needs(write_role):
    doc = resolve(load_role(write_role()), "ru")
    intros = {s.key: s.intro for s in doc.sections}
    assert intros["duties"] == "Помощник менеджера выполняет следующие должностные обязанности:"
    assert intros["rights"] == "Помощнику менеджера предоставляется право:"
    assert intros["evaluation"] == "Критериями оценки работы помощника менеджера являются:"


@pytest.mark.parametrize("n, ru, en", [
    (1, "1 года", "1 year"), (2, "2 лет", "2 years"), (5, "5 лет", "5 years"),
    (11, "11 лет", "11 years"), (21, "21 года", "21 years"), (22, "22 лет", "22 years"),
])
def test_years_agree_with_the_number(n, ru, en):
    assert years(n, "ru") == ru
    assert years(n, "en") == en


def test_reference_to_a_missing_clause_names_file_line_and_suggestion(write_role):
    path = write_role(**{"пункта {{ ref('take-orders') }}": "пункта {{ ref('take-order') }}"})
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "ru")
    assert str(e.value) == (f"{path}:22:62: clause 'advise' (ru): ref('take-order'): no clause "
                            "has that id (did you mean 'take-orders'?)")


def test_undefined_variable_is_an_error_at_its_column(write_role):
    path = write_role(**{"по законодательству {{ jurisdiction }}": "по {{ jurisdicton }}"})
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "ru")
    [problem] = e.value.problems
    assert (problem.line, problem.column) == (30, 35)  # the 'j' of the misspelt name
    assert "'jurisdicton' is undefined (did you mean 'jurisdiction'?)" in problem.message


@pytest.mark.parametrize("source, rule", [
    ("{{ title.__class__.__mro__ }}", "sandbox"),
    ("{{ ''.__class__.__subclasses__() }}", "sandbox"),
    ("{{ 'x' * 100000000 }}", "sandbox-size"),
    ("{{ 9 ** 9 ** 9 }}", "sandbox"),
    ("{% for %}", "jinja-syntax"),
])
def test_clause_text_runs_in_a_sandbox(write_role, source, rule):
    path = write_role(**{"Выполнение плана.": repr(source)[1:-1].join('""')})
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "ru")
    assert [p.rule for p in e.value.problems] == [rule]


def test_language_the_role_does_not_declare(write_role):
    with pytest.raises(UsageError, match="written in ru, en, not 'de'"):
        resolve(load_role(write_role()), "de")


@pytest.mark.parametrize("source", [
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{% macro m() %}x{% endmacro %}{{ m() }}",
    "{% include 'x' %}",
])
def test_loops_and_includes_are_refused_before_they_run(write_role, source):
    path = write_role(**{"Выполнение плана.": repr(source)[1:-1].join('""')})
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "ru")
    [problem] = e.value.problems
    assert problem.rule == "sandbox"
    assert "statements are not allowed in clause text" in problem.message


def test_an_equal_copy_of_a_profile_is_compared_once_then_known(write_role, monkeypatch):
    # A build's worker gets the profile unpickled once per chunk of units: an equal
    # copy. Comparing it field by field (the numbers of thousands of roles) for every
    # document cost a two-worker build 4 % of its CPU.
    import pickle

    from jobdocs.config.numbers import Numbers
    from jobdocs.config.organization import Organization

    role = load_role(write_role())
    org = Organization(number=Numbers(pattern={"*": "{seq}-JD"},
                                      issued={f"role-{n}": n for n in range(1, 3000)}))
    first = resolve(role, "en", org).content_hash
    copy = pickle.loads(pickle.dumps(org))
    assert copy == org and copy is not org
    compared = []
    original = Organization.__eq__
    monkeypatch.setattr(Organization, "__eq__",
                        lambda self, other: compared.append(1) or original(self, other))
    assert resolve(role, "en", copy).content_hash == first
    once = len(compared)
    assert once >= 1
    assert [resolve(role, "en", copy).content_hash for _ in range(3)] == [first] * 3
    assert len(compared) == once
