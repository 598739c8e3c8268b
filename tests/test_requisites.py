"""Requisites after ГОСТ Р 7.0.97-2025: names, visas, house style, signatures, dates."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Emu, Pt
from test_docx import body_paragraphs

from jobdocs import load_role, render_document, resolve
from jobdocs.config.profile import load_organization

PROFILE = """\
name: {ru: ООО «Ромашка», en: Romashka LLC}
full_name: {ru: Общество с ограниченной ответственностью «Ромашка», en: Romashka Limited}
date: 2026-11-22
approver: {position: {ru: Генеральный директор}, name: {ru: И.И. Иванов}}
author: {position: {ru: Руководитель отдела продаж}, name: {ru: А.А. Петров}}
"""


@pytest.fixture
def profile(tmp_path):
    def make(extra: str = "") -> Path:
        path = tmp_path / "org.yaml"
        path.write_text(PROFILE + extra, encoding="utf-8")
        return path
    return make


def docx_of(org, lang: str = "ru"):
    doc = resolve(load_role("key-account-manager"), lang, org)
    return doc, docx.Document(io.BytesIO(render_document(doc, "docx")))


def texts(d, style: str) -> list[str]:
    return [p.text for p in body_paragraphs(d) if p.style.name == style]


def test_full_name_in_the_heading_short_name_in_the_approval_block(profile):
    org = load_organization(profile())
    doc, d = docx_of(org)
    assert texts(d, "Organization") == [
        "Общество с ограниченной ответственностью «Ромашка»\n(ООО «Ромашка»)"]
    assert texts(d, "Approval")[:2] == ["Генеральный директор", "ООО «Ромашка»"]
    md = render_document(doc, "md").decode()
    assert "**Общество с ограниченной ответственностью «Ромашка»**\\\n**(ООО «Ромашка»)**" in md


def test_blank_form_has_blank_visas_and_a_profile_can_have_none(profile):
    _, d = docx_of(None)
    assert texts(d, "Signature Title") == ["СОГЛАСОВАНО", "СОГЛАСОВАНО"]
    assert texts(d, "Signature Caption") == ["(должность)", "(должность)"]
    _, d = docx_of(load_organization(profile("agreements: []\n")))
    assert texts(d, "Signature Title") == []


def test_house_style_sets_margins_and_font_and_the_blocks_follow(profile):
    org = load_organization(profile("house_style: {page: {left_mm: 30}, font: "
                                    "{name: PT Serif, size: 13}}\n"))
    _, d = docx_of(org)
    section = d.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 10
    width = section.page_width - section.left_margin - section.right_margin
    approval = d.styles["Approval"].paragraph_format.left_indent
    assert abs(Emu(width - approval).cm - 8) < 0.01  # the 8 cm block still ends at the margin
    assert d.styles["Normal"].font.name == "PT Serif"
    assert d.styles["Normal"].font.size == Pt(13)
    _, plain = docx_of(load_organization(profile()))
    assert round(plain.sections[0].left_margin.mm) == 20  # default as before


def test_house_style_in_the_project_file_under_the_profile(tmp_path, invoke, monkeypatch):
    (tmp_path / "jobdocs.yaml").write_text(
        "organization: org.yaml\nhouse_style: {page: {left_mm: 30, top_mm: 25}}\n",
        encoding="utf-8")
    (tmp_path / "org.yaml").write_text(PROFILE + "house_style: {page: {top_mm: 15}}\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    invoke("render", "key-account-manager", "--lang", "ru", "-f", "docx", "-o", "out")
    section = docx.Document(str(tmp_path / "out" / "key-account-manager.ru.docx")).sections[0]
    assert (round(section.left_margin.mm), round(section.top_margin.mm)) == (30, 15)


def test_head_of_unit_signs_on_one_line_with_the_name_at_the_right_margin(profile):
    _, d = docx_of(load_organization(profile()))
    [line] = [p for p in body_paragraphs(d) if p.style.name == "Signature Author"]
    assert line.text == "Руководитель отдела продаж \t\t\tА.А.\u00a0Петров"
    stops = [(round(t.position.cm, 2), t.alignment) for t in line.style.paragraph_format.tab_stops]
    width = Emu(d.sections[0].page_width - d.sections[0].left_margin
                - d.sections[0].right_margin).cm
    assert stops[-1][0] == round(width, 2) and "RIGHT" in str(stops[-1][1])


def test_acknowledgement_sheet_names_its_document(profile):
    _, d = docx_of(load_organization(profile("number: 15-ДИ\n")))
    assert texts(d, "Sheet Subtitle") == [
        "с должностной инструкцией менеджера по работе с ключевыми клиентами",
        "от 22 ноября 2026\u00a0г. №\u00a015-ДИ"]
    _, blank = docx_of(None, "en")
    assert texts(blank, "Sheet Subtitle") == [
        "for the job description of the Key Account Manager", "dated ________________"]


def test_no_invented_creation_date(profile):
    _, d = docx_of(None)
    assert d.core_properties.created is None
    _, dated = docx_of(load_organization(profile()))
    assert dated.core_properties.created.date().isoformat() == "2026-11-22"
