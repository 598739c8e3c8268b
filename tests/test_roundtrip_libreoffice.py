"""A review in a real editor: LibreOffice, driven through UNO (tests/lo_editor.py), edits a
rendered job description as a lawyer would — with track changes on, and off — and saves
it as DOCX; `jobdocs import --into` then changes exactly the clauses she touched, and
`jobdocs diff` between the old and the new role shows exactly her edits."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from clients import uno_python
from roundtrip_project import stamped

from jobdocs.cli import cli
from jobdocs.resources import data_dir

EDITOR = Path(__file__).with_name("lo_editor.py")
LAWYER = "Anna Petrova"
NEW = "Согласовывает с клиентом сроки поставки в пределах, указанных в п. 2.6."
SUB = "Согласует график с руководителем отдела продаж."


def edit(source: Path, target: Path, steps: list[dict[str, object]]) -> None:
    script = target.with_suffix(".json")
    script.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
    python = uno_python()
    assert python, "no Python with LibreOffice's uno module (python3-uno)"
    done = subprocess.run([python, str(EDITOR), str(source), str(target), str(script)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr


def block(text: str, clause_id: str) -> list[str]:
    """Return the lines of a clause's entry in a role file."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {clause_id}")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(
            lines[end].lstrip()) > indent):
        end += 1
    return lines[start:end]


def without(text: str, ids: list[str]) -> str:
    """Return a role file's text without the entries of these clauses."""
    for cid in ids:
        if f"- id: {cid}\n" in text:
            text = text.replace("\n".join(block(text, cid)) + "\n", "")
    return text


@pytest.fixture
def role(tmp_path, monkeypatch):
    """The shipped Key Account Manager, legal reviewing the Russian text, nothing due."""
    monkeypatch.chdir(tmp_path)
    text = (data_dir("roles") / "key-account-manager.yaml").read_text(encoding="utf-8")
    if "\nreference: ru\n" not in text:  # the shipped role names its reference language
        text = text.replace("languages: [ru, en, de, sv]\n",
                            "languages: [ru, en, de, sv]\nreference: ru\n", 1)
    path = tmp_path / "roles" / "key-account-manager.yaml"
    path.parent.mkdir()
    path.write_text(stamped(text), encoding="utf-8")
    return path


@pytest.mark.libreoffice
@pytest.mark.uno
@pytest.mark.parametrize("track", [True, False], ids=["tracked", "untracked"])
def test_a_review_in_libreoffice_changes_exactly_those_clauses(role, tmp_path, runner, track):
    rendered = runner.invoke(cli, ["render", str(role), "-l", "ru", "-f", "docx", "-o", "out"])
    assert rendered.exit_code == 0, rendered.output
    old = tmp_path / "old.yaml"
    old.write_bytes(role.read_bytes())
    reviewed = tmp_path / "reviewed.docx"
    edit(Path("out/key-account-manager.ru.docx"), reviewed, [
        {"do": "author", "name": LAWYER},
        {"do": "track", "on": track},
        {"do": "replace", "in": "2.4.", "old": "консультирует", "new": "подробно консультирует"},
        {"do": "insert", "after": "2.3.", "text": f"2.4.\t{NEW}"},
        {"do": "delete", "at": "2.9."},
        {"do": "move", "at": "3.2.", "after": "3.5."},
        {"do": "insert", "after": "2.5.", "text": f"2.5.1.\t{SUB}", "style": "Clause 2"},
        {"do": "comment", "in": "2.4.\tПри", "on": "консультирует", "author": LAWYER,
         "text": "Уточнить объём консультаций."},
    ])
    result = runner.invoke(cli, ["import", "--into", str(role), str(reviewed), "--format",
                                 "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)

    # The role file changed in those clauses only; every other byte stayed.
    before, after = old.read_text(encoding="utf-8"), role.read_text(encoding="utf-8")
    data = yaml.safe_load(after)
    duties = [c["id"] for c in data["sections"]["duties"]]
    new_id = duties[duties.index("accept-orders") + 1]
    sub_id = data["sections"]["duties"][duties.index("plan-visits")]["clauses"][0]["id"]
    touched = ["advise-on-orders", "set-discounts", "know-management-decisions", "plan-visits"]
    assert without(after, [*touched, new_id]) == without(before, touched)
    assert block(after, "know-management-decisions") == block(before, "know-management-decisions")
    assert block(after, "plan-visits")[:len(block(before, "plan-visits"))] == \
        block(before, "plan-visits")
    assert "set-discounts" not in after
    assert data["sections"]["rights"][[c["id"] for c in data["sections"]["rights"]].index(
        "request-information") + 1]["id"] == "know-management-decisions"

    # jobdocs diff of the old and the new role: exactly her edits (and a reference to 2.4
    # that now prints 2.5, because her new clause came before it).
    diff = runner.invoke(cli, ["diff", str(old), str(role), "-l", "ru", "-f", "json"])
    changes = json.loads(diff.output)["languages"][0]["changes"]
    assert sorted((c["kind"], c["id"]) for c in changes if c["kind"] != "references") == sorted([
        ("changed", "advise-on-orders"), ("added", new_id), ("added", sub_id),
        ("removed", "set-discounts"), ("moved", "know-management-decisions")])
    shown = {c["id"]: c for c in changes}
    assert shown[new_id]["new"]["text"] == NEW.replace("2.6", "2.7")  # ref() follows
    assert shown[sub_id]["new"]["number"] == "2.6.1"

    # The other languages of what changed are due; nothing else is.
    check = runner.invoke(cli, ["validate", str(role), "--format", "json"])
    due = {(p["message"].split("'")[1], p["message"].split("(")[1][:2])
           for p in json.loads(check.output)["problems"] if p["rule"] == "translation-due"}
    assert due == {(cid, lang) for cid in ("advise-on-orders", new_id, sub_id)
                   for lang in ("en", "de", "sv")}

    # Her comment, at its clause.
    comments = [n for n in report["review"] if n["kind"] == "comment"]
    assert [(n["number"], n["clause"], n["author"], n["text"]) for n in comments] == [
        ("2.4", "advise-on-orders", LAWYER, "Уточнить объём консультаций.")]
    if track:
        authors = {n["author"] for n in report["review"] if n["kind"] != "comment"}
        assert authors == {LAWYER}


@pytest.mark.libreoffice
@pytest.mark.uno
def test_split_copy_and_join_in_libreoffice(role, tmp_path, runner):
    rendered = runner.invoke(cli, ["render", str(role), "-l", "ru", "-f", "docx", "-o", "out"])
    assert rendered.exit_code == 0, rendered.output
    reviewed = tmp_path / "reviewed.docx"
    edit(Path("out/key-account-manager.ru.docx"), reviewed, [
        {"do": "split", "in": "2.6.", "before": "звонит"},
        {"do": "copy", "at": "2.7.", "after": "2.8."},
        {"do": "join", "at": "1.1."},
    ])
    result = runner.invoke(cli, ["import", "--into", str(role), str(reviewed)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(role.read_text(encoding="utf-8"))
    general = data["sections"]["general"]
    assert [c["id"] for c in general][:2] == ["purpose", "appointment"]  # 1.2 joined 1.1
    assert " ".join(general[0]["text"]["ru"].split()).endswith(
        "{{ title.genitive }}. 1.2. Менеджер по работе с ключевыми клиентами относится к "
        "категории специалистов.")
    duties = data["sections"]["duties"]
    ids = [c["id"] for c in duties]
    split = duties[ids.index("visit-and-negotiate")]
    assert " ".join(split["text"]["ru"].split()) == \
        "В соответствии с графиком (а при необходимости — и вне его)"
    second = duties[ids.index("visit-and-negotiate") + 1]
    assert second["text"]["ru"].startswith("звонит существующим")
    copy = duties[ids.index("maximize-orders") + 1]  # the copy: a new clause of its own
    assert copy["id"] != "conclude-contracts" and \
        copy["text"]["ru"] == duties[ids.index("conclude-contracts")]["text"]["ru"]
    assert "removed  1.2 category (merged into 'purpose')" in result.output
