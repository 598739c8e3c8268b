"""The command line as a shell sees it: '-' as standard output, closed pipes, colour,
control characters, non-UTF-8 arguments, internal errors and the project's library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobdocs import RoleNotFound, load_role
from jobdocs.cli import cli
from jobdocs.roles.library import Library

ROOT = Path(__file__).parent.parent
KAM = str(ROOT / "roles" / "key-account-manager.yaml")


def test_render_dash_prints_one_document(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["render", KAM, "-l", "en", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!--")
    assert "Key Account Manager" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_render_dash_refuses_several_documents(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["render", KAM, "-o", "-"])
    assert result.exit_code == 2
    assert "-o - prints one document, and this run makes 4" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_diff_and_validate_print_to_dash(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    diff = runner.invoke(cli, ["diff", KAM, str(ROOT / "roles" / "client-manager.yaml"),
                               "-f", "json", "-o", "-"])
    assert diff.exit_code == 1
    assert json.loads(diff.stdout)
    report = runner.invoke(cli, ["validate", KAM, "-f", "json", "-o", "-"])
    assert report.exit_code == 0
    assert json.loads(report.stdout)
    assert list(tmp_path.iterdir()) == []


def test_diff_to_a_folder_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["diff", KAM, KAM, "-f", "md", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.Popen([sys.executable, "-m", "jobdocs", "list"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before jobdocs writes (`| head -0`)
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 141)
    assert err == ""


@pytest.mark.parametrize("choice, no_color, colored", [
    ("always", "1", True), ("never", None, False), ("auto", None, False)])
def test_color_option(runner, write_role, monkeypatch, choice, no_color, colored):
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    path = write_role(**{"jurisdiction": "jurisdicton"})
    result = runner.invoke(cli, ["validate", str(path), "--color", choice])
    assert result.exit_code == 1
    assert ("\x1b[" in result.stdout) is colored


def test_control_characters_reach_the_terminal_visible(runner, tmp_path):
    role = Path(KAM).read_text(encoding="utf-8").replace(
        "\nsections:", '\n"\\e]0;PWNED\\a": 1\nsections:', 1)
    path = tmp_path / "kam.yaml"
    path.write_text(role, encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;PWNED\\x07" in result.stdout


def test_an_argument_that_is_not_utf8_is_a_usage_error(runner):
    name = os.fsdecode(b"role-\xff.yaml")
    result = runner.invoke(cli, ["render", name])
    assert result.exit_code == 2
    assert "is not valid UTF-8" in result.stderr


def test_a_bug_is_exit_3_with_a_hint_to_rerun_with_debug(runner, monkeypatch):
    import jobdocs.show

    def broken(*a, **kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(jobdocs.show, "show_role", broken)
    result = runner.invoke(cli, ["show", KAM])
    assert result.exit_code == 3
    assert "rerun with --debug" in result.stderr and "Traceback" not in result.stderr
    debug = runner.invoke(cli, ["--debug", "show", KAM])
    assert debug.exit_code == 3
    assert "Traceback" in debug.stderr


def test_the_library_never_looks_at_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "sales-clerk.yaml").write_text(
        Path(KAM).read_text(encoding="utf-8").replace(
            "id: key-account-manager", "id: sales-clerk"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RoleNotFound):
        load_role("sales-clerk")
    assert Library([tmp_path / "roles"]).load("sales-clerk").id == "sales-clerk"
    assert "sales-clerk" in {e.id for e in Library([tmp_path / "roles"]).list()}


def test_clause_text_reaches_the_terminal_visible_in_diff_and_list(runner, tmp_path,
                                                                  monkeypatch):
    (tmp_path / "roles").mkdir()
    evil = Path(KAM).read_text(encoding="utf-8").replace(
        "Find and win new clients.", '"Find and win \\e]0;PWNED\\a new clients."', 1).replace(
        "en: Key Account Manager", 'en: "Key \\e[2J Manager"', 1)
    (tmp_path / "roles" / "key-account-manager.yaml").write_text(evil, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    diff = runner.invoke(cli, ["diff", KAM, "roles/key-account-manager.yaml", "-l", "en",
                               "--color", "always"])
    assert diff.exit_code == 1, diff.stderr
    assert "\x07" not in diff.stdout and "\x1b]" not in diff.stdout
    assert "\\x1b]0;PWNED\\x07" in diff.stdout
    listed = runner.invoke(cli, ["list"])
    assert "\x1b" not in listed.stdout and "Key \\x1b[2J Manager" in listed.stdout
