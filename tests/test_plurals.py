"""Counted years through the catalogs' plural forms, after «не менее» and after «от»."""

from __future__ import annotations

import pytest

from jobdocs import load_role, resolve
from jobdocs.resolve.i18n import years

NUMBERS = [*range(0, 26), *range(101, 126)]


def russian(n: int) -> str:
    """The genitive both constructions govern: 1, 21, 101, 121 года; the rest лет."""
    return f"{n} года" if n % 10 == 1 and n % 100 != 11 else f"{n} лет"


@pytest.mark.parametrize("n", NUMBERS)
def test_russian_after_not_less_than(n):
    assert f"не менее {years(n, 'ru')}" == f"не менее {russian(n)}"


@pytest.mark.parametrize("n", NUMBERS)
def test_russian_after_from(n):
    assert f"от {years(n, 'ru', 'from')}" == f"от {russian(n)}"


def test_russian_forms_by_hand():
    assert [years(n, "ru") for n in (1, 2, 5, 11, 21, 22, 111, 121)] == [
        "1 года", "2 лет", "5 лет", "11 лет", "21 года", "22 лет", "111 лет", "121 года"]


@pytest.mark.parametrize("lang, after, one, two", [
    ("en", "at least", "1 year", "2 years"),
    ("en", "from", "1 year", "2 years"),
    ("de", "at least", "1 Jahr", "2 Jahre"),   # mindestens 2 Jahre
    ("de", "from", "1 Jahr", "2 Jahren"),      # ab 2 Jahren: the dative
    ("sv", "at least", "1 år", "2 år"),
    ("sv", "from", "1 år", "2 år"),
])
def test_other_languages(lang, after, one, two):
    assert (years(1, lang, after), years(2, lang, after)) == (one, two)


def test_an_unknown_construction_is_refused():
    with pytest.raises(ValueError):
        years(2, "ru", "since")


def test_clause_text_counts_after_both(write_role):
    role = load_role(write_role(**{
        "ru: Принимает заказы.":
            "ru: 'Опыт работы от {{ years_from(1) }}, не менее {{ years(5) }}.'",
        "en: Take orders.": "en: 'Experience from {{ years_from(1) }}, at least {{ years(5) }}.'",
    }))
    assert resolve(role, "ru").sections[1].clauses[0].text == (
        "Опыт работы от 1 года, не менее 5 лет.")
    assert resolve(role, "en").sections[1].clauses[0].text == (
        "Experience from 1 year, at least 5 years.")
