"""The published sample job descriptions (../shared/seeds, cropped to the document
into tests/fixtures/seeds) import into roles whose clauses are the source's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jobdocs
from jobdocs.check.runner import check_file
from jobdocs.files import write_atomic
from jobdocs.importer import import_document
from jobdocs.importer.structure import split_number

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def imported(name: str, tmp_path: Path) -> tuple[Path, object]:
    result = import_document(SEEDS / name)
    path = tmp_path / f"{result.role_id}.yaml"
    write_atomic(path, result.role_yaml.encode())
    return path, result


def source_clauses(name: str, first: str) -> list[str]:
    """The numbered and dashed lines of a fixture from its first section on, as typed."""
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    start = next(i for i, x in enumerate(lines) if x.strip().endswith(first))
    out = []
    for line in lines[start + 1:]:
        text = " ".join(line.split())
        kind, number, rest = split_number(text)
        dash = re.match(r"^[-—–]\s*", text)
        if dash:
            out.append(text[dash.end():])
        elif kind == "dotted" or kind == "roman":
            out.append(rest)
    return out


def role_clauses(path: Path) -> dict[str, list[str]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lang = data["languages"][0]

    def walk(clauses):
        for c in clauses:
            yield c["text"][lang]
            yield from walk(c.get("clauses", []) + c.get("items", []))

    return {key: list(walk(clauses)) for key, clauses in data["sections"].items()}


def test_000_english_key_account_manager(tmp_path):
    path, result = imported("000-key-account-manager.en.txt", tmp_path)
    clauses = role_clauses(path)

    assert list(clauses) == ["general", "duties", "rights", "responsibility", "evaluation",
                             "final"]
    assert [len(clauses[k]) for k in clauses] == [6 + 9, 29, 6, 3, 8, 3]
    every = [t for texts in clauses.values() for t in texts]
    headings = {"Job responsibilities", "Rights", "Responsibilities", "Evaluation criteria",
                "Final provisions"}
    assert every == [t for t in source_clauses("000-key-account-manager.en.txt",
                                               "General Provisions") if t not in headings]
    assert clauses["general"][3] == "The Key Account Manager must know:"
    # «clause 7» names no clause of this document: reported, left as typed.
    dangling = [f for f in result.findings if f.rule == "dangling-reference"]
    assert [(f.line, f.severity) for f in dangling] == [(75, "warning")]
    assert [p for p in check_file(path)[0] if p.severity == "error"] == []


def test_002_russian_takes_the_genitive_from_the_heading_and_names_the_missing_sections(
        tmp_path):
    path, result = imported("002-key-account-manager.ru.txt", tmp_path)
    clauses = role_clauses(path)

    assert [len(v) for v in clauses.values()] == [6 + 5, 23]
    assert clauses["duties"][0].startswith("На основе планов отдела планирует")
    assert clauses["general"][5] == ("Менеджер по работе с ключевыми клиентами руководствуется "
                                     "в своей деятельности:")
    assert clauses["general"][6:] == source_clauses("002-key-account-manager.ru.txt",
                                                    "Общие положения")[6:11]
    import yaml

    title = yaml.safe_load(result.role_yaml)["title"]["ru"]
    assert title["genitive"] == "менеджера по работе с ключевыми клиентами"
    errors = [p for p in check_file(path)[0] if p.severity == "error"]
    assert {re.search(r"'(\w+)'", p.message).group(1) for p in errors} == {
        "rights", "responsibility", "evaluation"}
    assert result.findings[0].rule == "title-cases"


def test_003_swedish_numbers_restart_in_the_liability_section(tmp_path):
    path, result = imported("003-key-account-manager.sv.txt", tmp_path)
    clauses = role_clauses(path)

    assert list(clauses) == ["general", "duties", "rights", "responsibility"]
    assert [len(v) for v in clauses.values()] == [6 + 5, 23, 6, 3]
    assert clauses["responsibility"][1].startswith("För att orsaka materiell skada")
    every = [t for texts in clauses.values() for t in texts]
    assert every == [t for t in source_clauses("003-key-account-manager.sv.txt",
                                               "Allmänna bestämmelser")
                     if not t.startswith(("Arbetsuppgifter för", "Rättigheter för",
                                          "Ansvar för"))]
    assert [f.rule for f in result.findings if f.severity != "info"] == ["dangling-reference"]
    intros = [f.line for f in result.findings if f.rule == "section-intro"]
    assert intros == [19, 44, 52]  # "Key Account Manager utför följande arbetsuppgifter:" ...


def test_004_german_roman_sections_and_a_criteria_list_inside_a_clause(tmp_path):
    path, result = imported("004-account-manager.de.txt", tmp_path)
    clauses = role_clauses(path)

    assert list(clauses) == ["general", "duties", "rights", "responsibility", "evaluation"]
    assert [len(v) for v in clauses.values()] == [6 + 8, 12, 4, 2, 5]
    assert clauses["general"][4] == ("Grundlegende legislative und normative Rechtsakte, "
                                     "methodische Materialien zur Organisation des Verkaufs.")
    rules = {f.line: f.rule for f in result.findings if f.rule != "section-intro"}
    assert rules == {3: "unplaced-text", 83: "section-in-clause", 89: "number-repeat",
                     1: "title-cases"}
    assert [p for p in check_file(path)[0] if p.severity == "error"] == []


@pytest.mark.parametrize("name", ["000-key-account-manager.en.txt",
                                  "004-account-manager.de.txt"])
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_seed_renders_back_into_a_document_with_its_clauses(name, fmt, tmp_path):
    path, _ = imported(name, tmp_path)
    role = jobdocs.load_role(path)
    lang = role.languages[0]
    document = tmp_path / f"back.{fmt}"
    doc = jobdocs.resolve(role, lang)
    write_atomic(document, jobdocs.render_document(doc, fmt))

    again = tmp_path / "again"
    again.mkdir()
    back_path = again / "back.yaml"
    write_atomic(back_path, import_document(document, lang).role_yaml.encode())

    assert role_clauses(back_path) == role_clauses(path)
    assert [c.text for c in doc.all_clauses()] == [
        t for texts in role_clauses(path).values() for t in texts]
