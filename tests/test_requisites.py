"""Requisites after ГОСТ Р 7.0.97-2025: names, visas, house style, signatures, dates."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Emu, Pt
from test_docx import block_paragraphs

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
    return [p.text for p in block_paragraphs(d) if p.style.name == style]


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
    assert texts(d, "Signature Title")[1:] == ["СОГЛАСОВАНО", "СОГЛАСОВАНО"]
    assert texts(d, "Signature Caption").count("(должность)") == 2
    _, d = docx_of(load_organization(profile("agreements: []\n")))
    assert texts(d, "Signature Title") == ["Руководитель отдела продаж"]


def test_house_style_sets_margins_and_font_and_the_blocks_follow(profile):
    org = load_organization(profile("house_style: {page: {left_mm: 30}, font: "
                                    "{name: PT Serif, size: 13}}\n"))
    _, d = docx_of(org)
    section = d.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 10
    width = Emu(section.page_width - section.left_margin - section.right_margin).cm
    [block] = [t for t in d.tables if "УТВЕРЖДАЮ" in t.cell(0, 0).text]
    assert block._tbl.xpath("./w:tblPr/w:jc/@w:val") == ["right"]  # ends at the margin ...
    assert block._tbl.xpath("./w:tblPr/w:tblW/@w:w") == [str(round(8 / width * 5000))]  # 8 cm
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


def test_head_of_unit_signs_in_one_row_with_the_name_at_the_right(profile):
    _, d = docx_of(load_organization(profile()))
    [row] = [t.rows[0] for t in d.tables
             if t.cell(0, 0).paragraphs[0].text == "Руководитель отдела продаж"]
    cells = [[p.text for p in cell.paragraphs] for cell in row.cells]
    assert cells == [["Руководитель отдела продаж", "", "«__» __________ 20__ г."],
                     ["", "(подпись)"], ["А.А.\u00a0Петров"]]
    assert row._tr.xpath("./w:trPr/w:cantSplit")  # a signature never breaks across pages
    shares = [int(w) for w in row._tr.xpath("./w:tc/w:tcPr/w:tcW/@w:w")]
    assert sum(shares) == 5000 and row._tr.xpath("./w:tc/w:tcPr/w:tcW/@w:type") == ["pct"] * 3


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
