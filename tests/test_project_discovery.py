"""Finding jobdocs.yaml as git finds a repository: a boundary, and no planted files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jobdocs.cli import cli
from jobdocs.config.project import find_file

ROOT = Path(__file__).parent.parent
KAM = ROOT / "roles" / "key-account-manager.yaml"
posix_only = pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX")


def test_the_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "jobdocs.yaml").write_text("format: 1\n")
    work = tmp_path / "repo" / "sub"
    work.mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    assert find_file(work, home=None).path is None
    assert find_file(tmp_path / "repo" / "..", home=None).path == tmp_path / "jobdocs.yaml"


def test_the_search_stops_at_home(tmp_path):
    (tmp_path / "jobdocs.yaml").write_text("format: 1\n")
    (tmp_path / "home" / "me").mkdir(parents=True)
    assert find_file(tmp_path / "home" / "me", home=tmp_path / "home" / "me").path is None


@posix_only
def test_a_project_file_in_a_folder_everyone_may_write_is_ignored(runner, tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    (shared / "work").mkdir(parents=True)
    (shared / "jobdocs.yaml").write_text("format: 1\noutput: ../escaped\n")
    shared.chmod(0o1777)
    monkeypatch.chdir(shared / "work")
    result = runner.invoke(cli, ["render", "key-account-manager", "-l", "en"])
    assert result.exit_code == 0, result.stderr
    assert "ignoring" in result.stderr and "writable by every user" in result.stderr
    assert (shared / "work" / "out" / "key-account-manager.en.md").is_file()
    assert not (tmp_path / "escaped").exists()


@posix_only
def test_a_world_writable_project_file_is_ignored(tmp_path):
    (tmp_path / "jobdocs.yaml").write_text("format: 1\n")
    (tmp_path / "jobdocs.yaml").chmod(0o666)
    found = find_file(tmp_path, home=None)
    assert found.path is None and "the file is writable by every user" in found.notes[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_project_file_that_is_no_file_is_ignored_with_a_warning(tmp_path, kind):
    target = tmp_path / "jobdocs.yaml"
    {"fifo": os.mkfifo, "folder": Path.mkdir,
     "device": lambda p: p.symlink_to(os.devnull)}[kind](target)
    found = find_file(tmp_path, home=None)
    assert found.path is None and "not a regular file" in found.notes[0]


@pytest.mark.parametrize("key", ["output", "organization", "reference_doc", "roles"])
def test_paths_in_the_project_file_stay_inside_the_project(runner, tmp_path, monkeypatch, key):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "jobdocs.yaml").write_text(f"format: 1\n{key}: ../../escaped\n")
    monkeypatch.chdir(tmp_path / "project")
    result = runner.invoke(cli, ["render", "key-account-manager", "-l", "en"])
    assert result.exit_code == 1
    assert result.stderr.startswith("jobdocs.yaml:2:")  # from the folder it runs in
    assert "outside the project folder" in result.stderr
    assert not (tmp_path / "escaped").exists() and not (tmp_path.parent / "escaped").exists()


def test_a_path_given_on_the_command_line_may_leave_the_project(runner, tmp_path, monkeypatch):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "jobdocs.yaml").write_text("format: 1\n")
    monkeypatch.chdir(tmp_path / "project")
    result = runner.invoke(cli, ["render", str(KAM), "-l", "en", "-o", "../elsewhere"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "elsewhere" / "key-account-manager.en.md").is_file()


def test_a_broken_project_file_does_not_stop_an_explicit_command(runner, tmp_path, monkeypatch):
    (tmp_path / "jobdocs.yaml").write_text("format: 1\nlangs: [ru]\n")
    shutil.copy(KAM, tmp_path / "kam.yaml")
    monkeypatch.chdir(tmp_path)
    explicit = runner.invoke(cli, ["render", "kam.yaml", "-l", "en", "-o", "docs"])
    assert explicit.exit_code == 0, explicit.stderr
    assert "warning: ignoring the project file" in explicit.stderr
    assert (tmp_path / "docs" / "key-account-manager.en.md").is_file()
    implicit = runner.invoke(cli, ["render", "kam.yaml", "-l", "en"])
    assert implicit.exit_code == 1
    assert "unknown key 'langs'" in implicit.stderr
