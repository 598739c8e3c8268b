"""The checks' cache: a file is checked again exactly when something it depends on changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jobdocs.check import check_paths, many

ROOT = Path(__file__).parent.parent
BASE = """\
format: 1
id: base
version: "1"
languages: [ru]
title: {ru: {nominative: менеджер, genitive: менеджера, dative: менеджеру,
             accusative: менеджера, instrumental: менеджером}}
sections:
  general: [{id: category, text: {ru: Относится к специалистам.}}]
  duties: [{id: sell, text: {ru: Продаёт.}}]
  rights: [{id: ask, text: {ru: Запрашивать сведения.}}]
  responsibility: [{id: answer, text: {ru: За ненадлежащее исполнение.}}]
  evaluation: [{id: judged, text: {ru: По итогам года.}}]
"""
CHILD = "format: 1\nid: child\nextends: base\n"


@pytest.fixture
def checked(tmp_path, monkeypatch):
    """Return a function that validates a folder and says which files were checked."""
    monkeypatch.setenv("JOBDOCS_CACHE", str(tmp_path / "cache"))
    calls: list[str] = []
    real = many.check_file

    def counting(path, *args, **kwargs):
        calls.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(many, "check_file", counting)

    def run(folder: Path):
        calls.clear()
        report = check_paths([folder], jobs=1)
        return report, sorted(calls)
    return run


def _library(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "base.yaml").write_text(BASE, encoding="utf-8")
    (folder / "child.yaml").write_text(CHILD, encoding="utf-8")
    (folder / "broken.yaml").write_text(CHILD.replace("child", "broken") + "sections: 3\n",
                                        encoding="utf-8")
    return folder


def test_unchanged_files_are_not_checked_again_and_report_the_same(checked, tmp_path):
    roles = _library(tmp_path / "roles")
    first, calls = checked(roles)
    assert calls == ["base.yaml", "broken.yaml", "child.yaml"]
    assert first.errors == 1 and first.problems[0].rule == "type"
    again, calls = checked(roles)
    assert calls == []
    assert again == first


def test_a_changed_parent_checks_its_children_again(checked, tmp_path):
    roles = _library(tmp_path / "roles")
    checked(roles)
    (roles / "base.yaml").write_text(BASE.replace("Продаёт.", '"Продаёт {{ nothing }}."'),
                                     encoding="utf-8")
    report, calls = checked(roles)
    assert calls == ["base.yaml", "broken.yaml", "child.yaml"]
    assert {p.rule for p in report.problems} >= {"undefined-variable"}
    assert {Path(p.path).name for p in report.problems if p.rule == "undefined-variable"} \
        == {"base.yaml"}


def test_a_parent_that_appears_checks_the_child_again(checked, tmp_path):
    roles = tmp_path / "roles"
    (roles / "team").mkdir(parents=True)
    (roles / "team" / "child.yaml").write_text(CHILD, encoding="utf-8")
    report, _ = checked(roles)
    assert [p.rule for p in report.problems] == ["unknown-parent"]
    (roles / "team" / "base.yaml").write_text(BASE.replace("Продаёт.", '"Продаёт {{ x }}."'),
                                              encoding="utf-8")
    report, calls = checked(roles)
    assert calls == ["base.yaml", "child.yaml"]
    assert "unknown-parent" not in {p.rule for p in report.problems}
    assert {p.rule for p in report.problems} == {"undefined-variable"}


def test_a_damaged_entry_is_checked_again(checked, tmp_path):
    roles = _library(tmp_path / "roles")
    first, _ = checked(roles)
    [db] = (tmp_path / "cache").glob("*.sqlite")
    with sqlite3.connect(db) as kept:
        kept.execute("UPDATE kept SET entry = '{not json'")
    again, calls = checked(roles)
    assert calls == ["base.yaml", "broken.yaml", "child.yaml"] and again == first
    again, calls = checked(roles)
    assert calls == [] and again == first


def test_another_profile_is_another_check(checked, tmp_path):
    roles = _library(tmp_path / "roles")
    checked(roles)
    calls = []
    real = many.check_file
    many.check_file = lambda path, *a, **k: calls.append(path) or real(path, *a, **k)
    check_paths([roles], jobs=1, org=ROOT / "examples" / "romashka" / "organization.yaml")
    assert len(calls) == 3


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("JOBDOCS_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    check_paths([_library(tmp_path / "roles")], jobs=1)
    assert not (tmp_path / "home-cache").exists()


def test_a_cache_that_is_no_database_is_ignored(checked, tmp_path):
    roles = _library(tmp_path / "roles")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "checks-1.sqlite").write_bytes(b"not a database" * 100)
    first, calls = checked(roles)
    assert len(calls) == 3 and first.errors == 1


def test_the_server_never_believes_a_finding_about_a_file_outside_its_project(checked,
                                                                               tmp_path):
    from jobdocs.serve.site import Site

    project = tmp_path / "project"
    roles = _library(project / "roles")
    (tmp_path / "elsewhere.yaml").write_text(BASE.replace("id: base", "id: linked"),
                                             encoding="utf-8")
    (roles / "linked.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    report, _ = checked(roles)  # validate reads what it is given: the link is a role
    assert not [p for p in report.problems if p.path.endswith("linked.yaml")]
    entries = {e.id: e for e in Site.here(project).entries()}
    assert [p.rule for p in entries["linked"].problems] == ["outside-project"]
    assert entries["linked"].role is None
    assert entries["child"].errors == 0 and entries["child"].role is not None


def test_a_kept_finding_keeps_the_names_it_carries(checked, tmp_path):
    """serve words a finding from its rule id and args: the cache must hand them back."""
    roles = _library(tmp_path / "roles")
    (roles / "base.yaml").write_text(BASE.replace("Продаёт.", '"Продаёт {{ titel }}."'),
                                     encoding="utf-8")
    first, _ = checked(roles)
    again, calls = checked(roles)
    assert calls == []  # from the cache
    found = [p for p in again.problems if p.rule == "undefined-variable"]
    assert found and [p.args for p in found] == [
        p.args for p in first.problems if p.rule == "undefined-variable"]
    assert dict(found[0].args) == {"clause": "sell", "lang": "ru", "name": "titel",
                                   "hint": "title"}
