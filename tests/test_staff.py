"""The acknowledgement from a staff list, and gender agreement where the employee is known."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from test_docx import body_paragraphs, sheet_table

from jobdocs import load_role, render_document, resolve
from jobdocs.cli import cli
from jobdocs.config.profile import load_organization
from jobdocs.config.staff import Employee, file_slug

STAFF = ("ФИО;Должность;Пол;Дата\n"
         "Иванова Мария Петровна;Менеджер;ж;2026-11-25\n"
         "Петров Иван Сергеевич;Старший менеджер;м;26.11.2026\n"
         "Сидоров Алексей;Менеджер;;\n")


def staff_file(tmp_path: Path, text: str = STAFF, encoding: str = "utf-8") -> Path:
    path = tmp_path / "staff.csv"
    path.write_bytes(text.encode(encoding))
    return path


def render(runner, *args: str):
    return runner.invoke(cli, ["render", "key-account-manager", "--lang", "ru", *args])


def test_the_staff_list_fills_the_sheet(runner, tmp_path):
    out = tmp_path / "out"
    result = render(runner, "--staff", str(staff_file(tmp_path)), "-f", "docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    d = docx.Document(str(out / "key-account-manager.ru.docx"))
    table = sheet_table(d)
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[1:4] == [["1", "Иванова Мария Петровна", "Менеджер", "25.11.2026", ""],
                         ["2", "Петров Иван Сергеевич", "Старший менеджер", "26.11.2026", ""],
                         ["3", "Сидоров Алексей", "Менеджер", "", ""]]
    assert rows[4:] == [[str(n), "", "", "", ""] for n in range(4, 9)]  # room for more


def test_one_copy_per_employee_named_and_agreed_in_gender(runner, tmp_path):
    out = tmp_path / "out"
    result = render(runner, "--staff", str(staff_file(tmp_path)), "--per-employee", "-o",
                    str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "key-account-manager.ru.01-ivanova.md", "key-account-manager.ru.02-petrov.md",
        "key-account-manager.ru.03-sidorov.md"]
    ivanova = (out / "key-account-manager.ru.01-ivanova.md").read_text(encoding="utf-8")
    assert ("С должностной инструкцией ознакомлена, один экземпляр получила:\\\n"
            "________________ Иванова Мария Петровна\\\n25 ноября 2026\u00a0г.") in ivanova
    assert "| 1 | Иванова Мария Петровна | Менеджер | 25.11.2026 |  |" in ivanova
    assert "| 2 |" not in ivanova
    petrov = (out / "key-account-manager.ru.02-petrov.md").read_text(encoding="utf-8")
    assert "ознакомлен, один экземпляр получил:" in petrov
    sidorov = (out / "key-account-manager.ru.03-sidorov.md").read_text(encoding="utf-8")
    assert "ознакомлен(а), один экземпляр получил(а):" in sidorov


def test_gender_from_the_profile_or_set(tmp_path):
    org = load_organization(None, ["employee.name=М.П. Иванова", "employee.gender=f"])
    doc = resolve(load_role("key-account-manager"), "ru", org)
    assert doc.frame.acknowledgement.title == (
        "С должностной инструкцией ознакомлена, один экземпляр получила:")
    assert doc.frame.acknowledgement.name == "М.П. Иванова"
    d = docx.Document(io.BytesIO(render_document(doc, "docx")))
    assert "С должностной инструкцией ознакомлена, один экземпляр получила:" in [
        p.text for p in body_paragraphs(d)]
    man = load_organization(None, ["employee.gender=m"])
    assert resolve(load_role("key-account-manager"), "ru", man).frame.acknowledgement.title \
        == "С должностной инструкцией ознакомлен, один экземпляр получил:"
    unknown = resolve(load_role("key-account-manager"), "ru").frame.acknowledgement.title
    assert unknown == "С должностной инструкцией ознакомлен(а), один экземпляр получил(а):"
    english = resolve(load_role("key-account-manager"), "en", org).frame.acknowledgement.title
    assert english == "I have read this job description and received one copy:"


def test_a_bad_gender_in_the_profile_is_invalid_input(runner, tmp_path):
    result = render(runner, "--set", "employee.gender=x", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "employee.gender" in result.output


@pytest.mark.parametrize("text, encoding, where, words", [
    ("ФИО;Пол\nИванова;ж\n", "utf-8", "staff.csv:1:1", "no position column"),
    ("ФИО;Должность\nИванова;Менеджер\n;Менеджер\n", "utf-8", "staff.csv:3:1",
     "row 3: the name is empty"),
    ("name;position\nИванова;Менеджер\nПетров;Менеджер\n", "cp1251", "staff.csv:2:1",
     "not UTF-8"),
    ("ФИО;Должность;Пол\nИванова;Менеджер;q\n", "utf-8", "staff.csv:2:3", "row 2: gender 'q'"),
    ("ФИО;Должность;Дата\nИванова;Менеджер;вчера\n", "utf-8", "staff.csv:2:3", "YYYY-MM-DD"),
])
def test_a_malformed_staff_list_is_one_error_naming_the_row(runner, tmp_path, text, encoding,
                                                             where, words):
    out = tmp_path / "out"
    result = render(runner, "--staff", str(staff_file(tmp_path, text, encoding)),
                    "--per-employee", "-o", str(out))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert where in result.output and words in result.output
    assert not out.exists()


def test_a_header_without_the_columns_names_only_the_columns_jobdocs_knows(runner, tmp_path):
    text = "ФИО;password_of_the_director: hunter2;root:x:0:0\nИванова;x;y\n"
    result = render(runner, "--staff", str(staff_file(tmp_path, text)), "-o",
                    str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "no position column (it has: name; 2 other columns)" in result.output
    assert "hunter2" not in result.output and "root:x" not in result.output


def test_per_employee_needs_a_staff_list(runner, tmp_path):
    result = render(runner, "--per-employee", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "--staff" in result.output


def test_file_names_of_the_copies():
    assert file_slug(1, Employee("Иванова Мария Петровна")) == "01-ivanova"
    assert file_slug(12, Employee("М.П. Щукина")) == "12-shchukina"
    assert file_slug(3, Employee("J. Carter")) == "03-carter"
