"""No-break spaces where a printed line must not break, in a form the fonts print."""

from __future__ import annotations

import io

import docx
import pytest
from test_docx import block_paragraphs

from jobdocs import load_role, render_document, resolve
from jobdocs.config.organization import Organization, Person
from jobdocs.resolve.typography import nbsp

NB = "\u00a0"


@pytest.mark.parametrize("text, expected", [
    ("И.И. Иванов", f"И.И.{NB}Иванов"),
    ("И. И. Иванов", f"И.{NB}И.{NB}Иванов"),
    ("утверждает Иванов И.И.", f"утверждает Иванов{NB}И.И."),
    ("22 ноября 2026\u202fг.", f"22 ноября 2026{NB}г."),
    ("в 2025–2026 гг.", f"в 2025–2026{NB}гг."),
    ("г. Москва", f"г.{NB}Москва"),
    ("(командировка, отпуск и т. п.)", f"(командировка, отпуск и{NB}т.{NB}п.)"),
    ("не менее 2 лет", f"не менее 2{NB}лет"),
    ("на 10 % больше", f"на 10{NB}% больше"),
    ("№ 15-ДИ", f"№{NB}15-ДИ"),
    ("J. Carter", f"J.{NB}Carter"),
    ("at least 2 years", f"at least 2{NB}years"),
    ("в 2026 году по плану", "в 2026 году по плану"),
])
def test_no_break_spaces(text, expected):
    assert nbsp(text) == expected


def test_the_docx_prints_no_narrow_space_and_keeps_names_whole():
    org = Organization(approver=Person({"ru": "Генеральный директор"}, {"ru": "И.И. Иванов"}),
                       date=__import__("datetime").date(2026, 11, 22))
    doc = resolve(load_role("key-account-manager"), "ru", org)
    d = docx.Document(io.BytesIO(render_document(doc, "docx")))
    texts = [p.text for p in block_paragraphs(d)]
    assert all("\u202f" not in t for t in texts)
    assert f"И.И.{NB}Иванов" in texts
    assert f"22 ноября 2026{NB}г." in texts
    assert any(f"и{NB}т.{NB}п." in t for t in texts)
