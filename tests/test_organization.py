"""Organization profiles fill the approval, agreement and signature blocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jobdocs import load_role, render_document, resolve
from jobdocs.config.profile import load_organization
from jobdocs.errors import InvalidInput, UsageError

EXAMPLES = Path(__file__).parent.parent / "examples"
ROMASHKA = EXAMPLES / "romashka" / "organization.yaml"


def md(role: str, lang: str, org) -> str:
    return render_document(resolve(load_role(role), lang, org), "md").decode()


def test_profile_fills_every_block():
    text = md("corporate-client-manager", "ru", load_organization(ROMASHKA))
    assert text.split("\n\n")[1] == (
        "**УТВЕРЖДАЮ**\\\nГенеральный директор\\\nООО «Ромашка»\\\n"
        "________________ И.И. Иванов\\\n22 ноября 2026\u00a0г.")
    assert "22 ноября 2026\u00a0г. № 15-ДИ\\\nг. Москва" in text
    assert "Коммерческий директор\\\n________________ А.А. Петров\\\n18 ноября 2026\u00a0г." in text
    assert text.count("**СОГЛАСОВАНО**") == 2
    assert "Начальник юридического отдела\\\n________________ А.С. Орлов" in text
    assert text.count("|  |  |  |  |") == 12


def test_english_profile_with_its_own_jurisdiction_and_locale():
    org = load_organization(EXAMPLES / "northwind" / "organization.yaml")
    text = md("key-account-manager", "en", org)
    # A British job description (law: gb-eaw): the post in a table, no approval stamp.
    assert "APPROVED" not in text and "# Job Description\n" in text
    assert "| Date | 2 November 2026 |" in text and "| Document No. | HR-JD-042 |" in text
    assert "the contract of employment and the law of England and Wales provide." in text
    assert "legislation" not in text and "by order of" not in text


def test_without_profile_the_blanks_print():
    text = md("key-account-manager", "ru", load_organization())
    assert "None" not in text
    assert "________________ (должность)" in text
    assert "«\\_\\_» __________ 20\\_\\_ г. № ________" in text


def test_set_gives_one_off_values_on_top_of_a_profile():
    org = load_organization(ROMASHKA, ["date=2026-12-01", "number=16-ДИ",
                                       "approver.name.ru=П.П. Сидоров"])
    assert org.date == dt.date(2026, 12, 1)
    assert org.number.for_document("key-account-manager", "ru") == "16-ДИ"
    assert org.approver.name["ru"] == "П.П. Сидоров"
    assert org.approver.name["en"] == "I.I. Ivanov"


def test_set_without_a_profile():
    org = load_organization(None, ["name=ООО «Лютик»", "acknowledgement_rows=3"])
    assert org.name == {"*": "ООО «Лютик»"}
    assert org.acknowledgement_rows == 3


@pytest.mark.parametrize("setting, message", [
    ("date=22.11.2026", "--set date=22.11.2026:1:1: date: '22.11.2026' is not a date; "
                        "write YYYY-MM-DD"),
    ("approver.nmae=X", "--set approver.nmae=X:1:1: approver: unknown key 'nmae' "
                        "(did you mean 'name'?)"),
    ("acknowledgement_rows=0", "acknowledgement_rows: must be between 1 and 200"),
])
def test_bad_values_are_named(setting, message):
    with pytest.raises(InvalidInput) as e:
        load_organization(None, [setting])
    assert str(e.value).startswith(message) or message in str(e.value)


def test_set_needs_key_and_value():
    with pytest.raises(UsageError, match="write key=value"):
        load_organization(None, ["date"])


def test_profile_errors_have_positions(tmp_path):
    bad = tmp_path / "org.yaml"
    bad.write_text("name: ООО «Ромашка»\napprover:\n  position: Директор\n  nam: И.И. Иванов\n")
    with pytest.raises(InvalidInput) as e:
        load_organization(bad)
    assert str(e.value) == (f"{bad}:4:3: approver: unknown key 'nam' (did you mean 'name'?)")


def test_clause_text_can_use_the_approvers_position_in_a_case(write_role):
    path = write_role(**{"Выполнение плана.": '"Приказом {{ org.approver.genitive }}."'})
    doc = resolve(load_role(path), "ru", load_organization(ROMASHKA))
    assert doc.sections[4].clauses[0].text == "Приказом генерального директора."


def test_profile_names_the_reference_document_relative_to_itself(tmp_path):
    import shutil

    import docx

    from jobdocs.production.batch import build, plan
    from jobdocs.render.docx.page import default_reference

    company = docx.Document(str(default_reference()))
    company.sections[0].header.paragraphs[0].text = "ООО «Ромашка» · бланк"
    (tmp_path / "profile").mkdir()
    company.save(str(tmp_path / "profile" / "letterhead.docx"))
    shutil.copy(ROMASHKA, tmp_path / "profile" / "organization.yaml")
    with open(tmp_path / "profile" / "organization.yaml", "a", encoding="utf-8") as f:
        f.write("reference_doc: letterhead.docx\n")
    org = load_organization(tmp_path / "profile" / "organization.yaml")
    [path] = build(plan(["client-manager"], ["ru"], ["docx"]), tmp_path / "out", org)
    headers = [p.text for p in docx.Document(str(path)).sections[0].header.paragraphs]
    assert "ООО «Ромашка» · бланк" in headers


def test_missing_reference_document_is_named(tmp_path):
    profile = tmp_path / "organization.yaml"
    profile.write_text("reference_doc: nowhere.docx\n")
    with pytest.raises(InvalidInput) as e:
        load_organization(profile)
    assert str(e.value) == f"{profile}:1:16: reference_doc: no such file {tmp_path}/nowhere.docx"
