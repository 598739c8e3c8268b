"""The acknowledgement register, in SQLite and in a real PostgreSQL server: who signed
which version, who must sign again after a change, and why."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from conftest import MINIMAL
from serve_project import git

from jobdocs.cli import cli

#: 500 employees: 300 hold the role `assistant`, 200 the role `clerk`.
ASSISTANTS, CLERKS = 300, 200
#: The change of version 1.1 of the assistant: one duty reworded, one added.
REWORDED = ("text: {ru: Принимает заказы., en: Take orders.}",
            "text: {ru: Принимает и проверяет заказы., en: Take and check orders.}")
ADDED = ("    - id: advise\n", "    - id: check-stock\n      text: {ru: Проверяет остатки., "
         "en: Check the stock.}\n    - id: advise\n")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> str | None:
    """The register's database setting: None (the SQLite file), or a fresh PostgreSQL one."""
    if request.param == "sqlite":
        return None
    from postgres_server import new_database

    return new_database(request.getfixturevalue("postgres_url"), f"t{uuid.uuid4().hex[:12]}")


def employee(n: int) -> dict[str, str]:
    role = "assistant" if n <= ASSISTANTS else "clerk"
    return {"number": f"E{n:04d}", "name": f"Сотрудник {n:04d}", "position": role.title(),
            "role": role, "unit": "Продажи" if n % 2 else "Склад", "gender": "жм"[n % 2]}


def table(rows: list[dict[str, str]], delimiter: str = ";") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def signed(numbers: range | list[int], version: str, date: str) -> list[dict[str, str]]:
    return [{"number": f"E{n:04d}", "role": employee(n)["role"], "version": version,
             "date": date} for n in numbers]


def make_project(root: Path, database: str | None, staff: int = ASSISTANTS + CLERKS) -> Path:
    """Write a project of two roles at version 1.0 and its staff list; commit it."""
    (root / "roles").mkdir(parents=True)
    for role in ("assistant", "clerk"):
        (root / "roles" / f"{role}.yaml").write_text(MINIMAL.format(id=role), encoding="utf-8")
    settings = "acknowledgements:\n  staff: staff.csv\n"
    if database:
        settings += f"  database: {database}\n"
    (root / "jobdocs.yaml").write_text(f"roles: roles\n{settings}", encoding="utf-8")
    (root / "staff.csv").write_text(table([employee(n) for n in range(1, staff + 1)]),
                                    encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Version 1.0 of both roles")
    return root


@pytest.fixture
def project(tmp_path: Path, database: str | None, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "project", database)
    monkeypatch.chdir(root)
    return root


def ack(runner, *args: str, code: int = 0):
    result = runner.invoke(cli, ["ack", *args])
    assert result.exit_code == code, result.output
    return result


def due_json(runner, *args: str) -> dict:
    return json.loads(ack(runner, "due", "-f", "json", *args).stdout)


def change_the_roles(root: Path) -> None:
    """Version 1.1 of the assistant (content changed); the clerk re-issued unchanged
    (its file rewritten in another YAML style, the project's page margins changed)."""
    path = root / "roles" / "assistant.yaml"
    text = path.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"')
    path.write_text(text.replace(*REWORDED).replace(*ADDED), encoding="utf-8")
    clerk = root / "roles" / "clerk.yaml"
    clerk.write_text("# Re-issued on the new letterhead; the text is unchanged.\n" +
                     clerk.read_text(encoding="utf-8").replace(
                         "text: {ru: Принимает заказы., en: Take orders.}",
                         "text:\n        ru: 'Принимает заказы.'\n        en: Take orders."),
                     encoding="utf-8")
    with (root / "jobdocs.yaml").open("a", encoding="utf-8") as f:
        f.write("house_style:\n  page: {left_mm: 25}\n")
    git(root, "commit", "-q", "-am", "Version 1.1 of the assistant; the clerk re-issued")


def test_who_must_sign_after_a_change_a_reissue_and_a_new_hire(runner, project):
    # Version 1.0: nobody has signed, so all 500 are new in their position.
    first = due_json(runner)
    assert first["counts"] == {"acknowledged": 0, "changed": 0, "new": 500}
    (project / "signed-1.0.csv").write_text(table(signed(range(1, 501), "1.0", "2026-01-15")),
                                            encoding="utf-8")
    recorded = ack(runner, "record", "signed-1.0.csv")
    assert "recorded 500 acknowledgements (0 already" in recorded.output
    assert due_json(runner) == {"due": [], "counts": {"acknowledged": 500, "changed": 0,
                                                      "new": 0}}
    again = ack(runner, "record", "signed-1.0.csv")  # the same sheet twice adds nothing
    assert "recorded 0 acknowledgements (500 already" in again.output

    change_the_roles(project)
    with (project / "staff.csv").open("a", encoding="utf-8") as f:
        f.write("E0501;Новикова Анна;Clerk;clerk;Склад;ж\n")  # a new hire
    result = due_json(runner)
    assert result["counts"] == {"acknowledged": 200, "changed": 300, "new": 1}
    by_number = {d["number"]: d for d in result["due"]}
    assert set(by_number) == {f"E{n:04d}" for n in range(1, 301)} | {"E0501"}
    first_assistant = by_number["E0001"]
    assert first_assistant["reason"] == "changed"
    assert (first_assistant["version"], first_assistant["last_version"]) == ("1.1", "1.0")
    assert first_assistant["last_signed"] == "2026-01-15"
    assert first_assistant["changes"]["clauses"] == [
        {"number": "2.1", "change": "changed", "id": "take-orders"},
        {"number": "2.2", "change": "added", "id": "check-stock"}]
    assert {"field": "version", "old": "1.0", "new": "1.1"} in first_assistant["changes"][
        "fields"]
    new_hire = by_number["E0501"]
    assert (new_hire["reason"], new_hire["role"], new_hire["changes"]) == ("new", "clerk", None)
    text = ack(runner, "due").stdout
    assert ("E0001  Сотрудник 0001  assistant 1.1: signed 1.0 on 2026-01-15; changed: "
            "2.1 changed, 2.2 added; version 1.0 → 1.1") in text
    assert "E0501  Новикова Анна  clerk 1.0: new in the position" in text
    assert text.splitlines()[-1] == ("301 of 501 employees must sign: 300 for a changed "
                                     "version, 1 new in the position")

    # Version 1.1 signed by 120 assistants; a late paper sheet of version 1.0 from one of
    # them (signed earlier) does not undo it.
    (project / "signed-1.1.csv").write_text(table(signed(range(1, 121), "1.1", "2026-03-02")),
                                            encoding="utf-8")
    ack(runner, "record", "signed-1.1.csv")
    ack(runner, "record", "--number", "E0002", "--role", "assistant", "--version", "1.0",
        "--date", "2026-01-10")
    result = due_json(runner)
    assert result["counts"] == {"acknowledged": 320, "changed": 180, "new": 1}
    assert "E0002" not in {d["number"] for d in result["due"]}
    status = ack(runner, "status", "-f", "csv").stdout
    assert status.splitlines() == ["role,acknowledged,due,never,employees",
                                   "assistant,120,180,0,300", "clerk,200,0,1,201"]
    units = json.loads(ack(runner, "status", "--by", "unit", "-f", "json").stdout)
    assert {r["unit"]: r["never"] for r in units["rows"]} == {"Продажи": 0, "Склад": 1}


def test_a_malformed_sheet_records_nothing_and_names_each_bad_row(runner, project):
    rows = signed(range(1, 6), "1.0", "2026-01-15")
    rows[1]["number"] = ""
    rows[2]["date"] = "15/01/2026"
    rows[3]["role"] = "no-such-role"
    rows.append({"number": "E0006", "role": "assistant", "version": "0.9",
                 "date": "2026-01-15"})
    (project / "sheet.csv").write_text(table(rows, ","), encoding="utf-8")
    result = ack(runner, "record", "sheet.csv", code=1)
    lines = result.output.splitlines()
    assert len(lines) == 4, result.output
    assert lines[0].startswith("sheet.csv:3:1: row 3: the number is empty")
    assert lines[1].startswith("sheet.csv:4:4: row 4: date '15/01/2026'")
    assert lines[2].startswith("sheet.csv:5: row 5: role 'no-such-role'")
    assert lines[3].startswith("sheet.csv:7: row 7: role 'assistant' has no version '0.9'")
    assert due_json(runner)["counts"]["acknowledged"] == 0  # nothing was recorded
    bad_header = project / "header.csv"
    bad_header.write_text("ФИО;дата\nИванова;2026-01-15\n", encoding="utf-8")
    result = ack(runner, "record", "header.csv", code=1)
    assert result.output.count("\n") == 1
    assert "header.csv:1:1: the header row has no number, role, version column" in result.output


def test_a_sheet_in_excel_and_an_export_for_the_hr_system(runner, project):
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Табельный номер", "ФИО", "Роль", "Версия", "Дата", "Способ"])
    sheet.append(["E0007", "Сотрудник 0007", "assistant", "1.0", dt.datetime(2026, 2, 1),
                  "электронный"])
    sheet.append(["E0008", None, "assistant", 1.0, "01.02.2026", None])  # Excel's number 1
    book.save(project / "signed.xlsx")
    assert "recorded 2 acknowledgements" in ack(runner, "record", "signed.xlsx").output
    ack(runner, "export", "-o", "register.xlsx")
    rows = list(openpyxl.load_workbook(project / "register.xlsx").active.iter_rows(
        values_only=True))
    header = rows[0]
    got = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    assert [(r["number"], r["name"], r["version"], r["method"]) for r in got] == [
        ("E0007", "Сотрудник 0007", "1.0", "electronic"), ("E0008", "Сотрудник 0008", "1.0",
                                                           "paper")]
    assert got[0]["date"].date() == dt.date(2026, 2, 1)
    assert got[1]["unit"] == "Склад" and got[1]["source"] == "signed.xlsx"
    ack(runner, "export", "-o", "register.csv")
    exported = (project / "register.csv").read_text(encoding="utf-8-sig").splitlines()
    assert exported[0] == ("organization,number,name,position,unit,role,version,content_hash,"
                           "lang,date,method,recorded_at,source")
    assert exported[1].startswith(",E0007,Сотрудник 0007,Assistant,Продажи,assistant,1.0,")


def test_two_processes_recording_at_once_lose_nothing(project, database):
    script = textwrap.dedent("""
        import sys, time, datetime as dt
        from pathlib import Path
        from jobdocs.ack import Acknowledgement, Register, Versions, version_hash
        from jobdocs.config.organization import Organization
        from jobdocs.roles.library import Library
        first, target = int(sys.argv[1]), sys.argv[2]
        role = Library([Path("roles")]).load("assistant")
        digest = version_hash(role, Organization())
        register = Register.open(target)
        while not Path("go").exists():
            time.sleep(0.01)
        for n in range(first, first + 150):  # one transaction each: 150 chances to collide
            register.record([Acknowledgement(f"E{n:04d}", "assistant", role.version, digest,
                                             dt.date(2026, 1, 15))], {("assistant", digest): role})
        print("done")
    """)
    target = database or str(project / "acknowledgements.db")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(first), target],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for first in (1, 151)]
    (project / "go").touch()
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and out.strip() == "done", err
    from jobdocs.ack import Register

    with Register.open(target) as register:
        numbers = [r["employee_number"] for r in register.rows()]
    assert sorted(numbers) == [f"E{n:04d}" for n in range(1, 301)]


def test_the_copies_to_sign_are_for_exactly_those_who_are_due(runner, tmp_path, monkeypatch):
    import docx

    root = make_project(tmp_path / "small", None, staff=5)
    monkeypatch.chdir(root)
    (root / "sheet.csv").write_text(table(signed([1, 2, 3], "1.0", "2026-01-15")), "utf-8")
    ack(runner, "record", "sheet.csv")
    ack(runner, "record", "--number", "E0002", "--role", "assistant", "--date", "2026-01-20")
    change_the_roles(root)
    ack(runner, "record", "--number", "E0005", "--role", "assistant", "--date", "2026-03-01")
    result = ack(runner, "due", "--sheets", "to-sign", "--lang", "ru")
    assert sorted(p.name for p in (root / "to-sign").iterdir()) == [
        "assistant.ru.01-sotrudnik.docx", "assistant.ru.02-sotrudnik.docx",
        "assistant.ru.03-sotrudnik.docx", "assistant.ru.04-sotrudnik.docx"]
    names = {}
    for path in (root / "to-sign").iterdir():
        d = docx.Document(str(path))
        rows = [[c.text for c in row.cells] for t in d.tables for row in t.rows]
        names[path.name] = [r[1] for r in rows if r and r[0] == "1"]
    # E0001..E0003 signed version 1.0 (now changed), E0004 never signed; E0005 signed 1.1.
    assert sorted(names.values()) == [["Сотрудник 0001"], ["Сотрудник 0002"],
                                      ["Сотрудник 0003"], ["Сотрудник 0004"]]
    assert "4 of 5 employees must sign" in result.stdout


def test_only_a_change_of_the_text_signed_makes_an_employee_due(runner, tmp_path,
                                                                 monkeypatch):
    """A new version label, a new approval date or a change in another language leaves
    the text an employee signed as it was: nobody is due. A change in their language is."""
    root = make_project(tmp_path / "small", None, staff=4)
    monkeypatch.chdir(root)
    rows = signed([1, 2], "1.0", "2026-01-15")
    for row, lang in zip(rows, ("ru", "en"), strict=True):
        row["lang"] = lang
    (root / "sheet.csv").write_text(table(rows), "utf-8")
    ack(runner, "record", "sheet.csv")
    path = root / "roles" / "assistant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"'),
                    encoding="utf-8")
    with (root / "jobdocs.yaml").open("a", encoding="utf-8") as f:
        f.write("organization: org.yaml\n")
    (root / "org.yaml").write_text("date: 2026-02-01\n", encoding="utf-8")  # re-approved
    git(root, "commit", "-q", "-am", "Version 1.1: the same text, approved again")
    assert due_json(runner)["counts"] == {"acknowledged": 2, "changed": 0, "new": 2}

    # The English text of a duty changes: the reader of the English copy must sign again,
    # the reader of the Russian one need not.
    path.write_text(path.read_text(encoding="utf-8").replace(
        "en: Take orders.", "en: Take and confirm orders."), encoding="utf-8")
    result = due_json(runner)
    assert result["counts"] == {"acknowledged": 1, "changed": 1, "new": 2}
    changed = [d for d in result["due"] if d["reason"] == "changed"]
    assert [(d["number"], d["changes"]["clauses"]) for d in changed] == [
        ("E0002", [{"number": "2.1", "change": "changed", "id": "take-orders"}])]


def test_a_register_from_a_newer_jobdocs_is_refused_not_changed(runner, tmp_path,
                                                               monkeypatch):
    import sqlite3

    root = make_project(tmp_path / "p", None, staff=2)
    monkeypatch.chdir(root)
    ack(runner, "status")  # creates the register at the current schema
    with sqlite3.connect(root / "acknowledgements.db") as conn:
        conn.execute("UPDATE ack_schema SET version = 99")
    result = ack(runner, "status", code=1)
    assert "written by a newer jobdocs (schema 99" in result.output
    with sqlite3.connect(root / "acknowledgements.db") as conn:
        assert conn.execute("SELECT version FROM ack_schema").fetchall() == [(99,)]


def test_the_register_file_stays_inside_the_project(runner, tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", None, staff=2)
    monkeypatch.chdir(root)
    (root / "jobdocs.yaml").write_text("acknowledgements:\n  database: ../elsewhere.db\n",
                                       encoding="utf-8")
    result = ack(runner, "status", "--staff", "staff.csv", code=1)
    assert "jobdocs.yaml:2:13: acknowledgements.database: '../elsewhere.db' is outside" \
        in result.output
    assert not (tmp_path / "elsewhere.db").exists()


def test_a_malformed_staff_list_lists_nobody_and_names_each_bad_row(runner, project):
    with (project / "staff.csv").open("a", encoding="utf-8") as f:
        f.write(";Без номера;Clerk;clerk;Склад;ж\n")
        f.write("E0502;Новый;Clerk;cleark;Склад;ж\n")
        f.write("E0503;Другой;Clerk;cleark;Склад;м\n")
    result = ack(runner, "due", code=1)
    assert result.stdout == ""  # nothing listed from a staff list with errors
    first, second = result.stderr.splitlines()  # the unknown role once, at its first row
    assert first.endswith("staff.csv:502:1: row 502: the number is empty; give each "
                          "employee's personnel number")
    assert "staff.csv:503: row 503: role 'cleark': cleark: no such role file" in second


def test_roles_whose_files_are_unchanged_are_not_loaded_again(runner, tmp_path, monkeypatch):
    import os

    from jobdocs.roles.library import Library

    root = make_project(tmp_path / "p", None, staff=4)
    monkeypatch.chdir(root)
    for path in (root / "roles").iterdir():  # files older than the clock's granularity
        os.utime(path, (path.stat().st_atime - 100, path.stat().st_mtime - 100))
    ack(runner, "status")
    assert (root / ".jobdocs-ack-cache.json").is_file()
    loaded: list[str] = []
    real = Library.load_with

    def counting(self, path, read, keep_going=None):
        loaded.append(Path(path).stem)
        return real(self, path, read, keep_going)

    monkeypatch.setattr(Library, "load_with", counting)
    assert ack(runner, "status", "-f", "csv").stdout.splitlines()[1] == "assistant,0,0,4,4"
    assert loaded == []
    (root / "sheet.csv").write_text(table(signed([1], "1.0", "2026-01-15")), "utf-8")
    ack(runner, "record", "sheet.csv")  # the role itself is needed now: its snapshot is kept
    assert loaded == ["assistant"]
    path = root / "roles" / "assistant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*REWORDED), encoding="utf-8")
    os.utime(path, (path.stat().st_atime - 100, path.stat().st_mtime - 100))
    result = due_json(runner)  # the changed file is read again, and only it
    assert loaded == ["assistant", "assistant"]
    assert result["due"][0]["number"] == "E0001"
    assert result["due"][0]["changes"]["clauses"] == [
        {"number": "2.1", "change": "changed", "id": "take-orders"}]
