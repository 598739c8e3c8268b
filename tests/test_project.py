"""jobdocs.yaml: a company's role library, profile and render defaults in one place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jobdocs.cli import cli

ROOT = Path(__file__).parent.parent


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "roles", tmp_path / "library")
    (tmp_path / "org").mkdir()
    shutil.copy(ROOT / "examples" / "romashka" / "organization.yaml", tmp_path / "org")
    (tmp_path / "jobdocs.yaml").write_text(
        "format: 1\nroles: library\norganization: org/organization.yaml\n"
        "languages: [ru]\nformats: [md, docx]\noutput: documents\n", encoding="utf-8")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deep" / "er")
    return tmp_path


def test_render_takes_its_defaults_from_the_nearest_project_file(runner, project):
    result = runner.invoke(cli, ["render", "key-account-manager"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        str(project / "documents" / "key-account-manager.ru.md"),
        str(project / "documents" / "key-account-manager.ru.docx")]
    text = (project / "documents" / "key-account-manager.ru.md").read_text(encoding="utf-8")
    assert "**УТВЕРЖДАЮ**\\\nГенеральный директор\\\nООО «Ромашка»" in text


def test_options_win_over_the_project(runner, project, tmp_path):
    result = runner.invoke(cli, ["render", "key-account-manager", "-l", "en", "-f", "md",
                                 "-o", str(tmp_path / "elsewhere")])
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "elsewhere").iterdir()] == ["key-account-manager.en.md"]


def test_role_ids_come_from_the_projects_library(runner, project):
    (project / "library" / "sales-clerk.yaml").write_text(
        (project / "library" / "junior-account-manager.yaml").read_text(encoding="utf-8")
        .replace("id: junior-account-manager", "id: sales-clerk"), encoding="utf-8")
    assert "sales-clerk" in runner.invoke(cli, ["list"]).output


def test_validate_checks_the_library_and_the_project_file(runner, project):
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    # the shipped roles and jobdocs.yaml
    roles = len(list((ROOT / "roles").glob("*.yaml")))
    assert result.output.strip().endswith(f"{roles + 1} files checked: no problems")


def test_a_broken_project_file_is_named(runner, project):
    (project / "jobdocs.yaml").write_text("roles: library\nlangs: [ru]\n", encoding="utf-8")
    result = runner.invoke(cli, ["render", "key-account-manager"])
    assert result.exit_code == 1
    assert result.stderr == (f"{project / 'jobdocs.yaml'}:2:1: (top level): unknown key "
                             "'langs' (did you mean 'languages'?)\n")


def test_schema_command_prints_the_project_schema(runner):
    import json

    result = runner.invoke(cli, ["schema", "project"])
    assert json.loads(result.output)["$id"].endswith("/project-1.json")
