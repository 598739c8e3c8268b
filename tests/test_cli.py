"""The command line: thin over the library, one clear line per problem."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jobdocs.cli import cli


def test_render_writes_each_language_and_prints_the_paths(invoke, tmp_path):
    out = tmp_path / "out"
    result = invoke("render", "key-account-manager", "--lang", "ru", "--lang", "en",
                    "-o", str(out))
    assert result.exit_code == 0
    assert result.output.splitlines() == [str(out / "key-account-manager.ru.md"),
                                          str(out / "key-account-manager.en.md")]
    ru = (out / "key-account-manager.ru.md").read_text(encoding="utf-8")
    assert "Должностная инструкция менеджера по работе с ключевыми клиентами" in ru


def test_render_without_lang_renders_every_declared_language(invoke, tmp_path, write_role):
    role = write_role()
    result = invoke("render", str(role), "-o", str(tmp_path / "o"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "assistant.en.md", "assistant.ru.md"]


def test_role_id_is_found_in_the_projects_roles_dir(invoke, tmp_path, write_role, monkeypatch):
    write_role()
    monkeypatch.chdir(tmp_path)
    result = invoke("render", "assistant", "--lang", "en")
    assert result.exit_code == 0
    assert (tmp_path / "out" / "assistant.en.md").is_file()
    assert "assistant" in invoke("list").output


def test_unknown_role_exits_1_naming_it(runner):
    result = runner.invoke(cli, ["render", "no-such-role"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no-such-role: no such role file, and no role with "
                                    "that id (available: ")
    assert "Traceback" not in result.output


def test_broken_role_exits_1_with_file_and_line_and_writes_nothing(runner, write_role,
                                                                   tmp_path):
    good = write_role(name="good")
    bad = write_role(name="bad", **{"ref('take-orders')": "ref('nope')"})
    out = tmp_path / "out"
    result = runner.invoke(cli, ["render", str(good), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{bad}:22:62: clause 'advise' (ru): ref('nope'): no clause has that id",
        f"{bad}:23:50: clause 'advise' (en): ref('nope'): no clause has that id",
    ]
    assert not out.exists()


def test_failed_run_keeps_the_previous_document(runner, write_role, tmp_path):
    role = write_role()
    out = tmp_path / "out"
    assert runner.invoke(cli, ["render", str(role), "-l", "en", "-o", str(out)]).exit_code == 0
    before = (out / "assistant.en.md").read_bytes()
    role.write_text(role.read_text().replace("ref('take-orders')", "ref('gone')"))
    assert runner.invoke(cli, ["render", str(role), "-l", "en", "-o", str(out)]).exit_code == 1
    assert (out / "assistant.en.md").read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["assistant.en.md"]


@pytest.mark.parametrize("args, message", [
    (["render", "client-manager", "--lang", "de"], "written in ru, en, not 'de'"),
    (["render", "key-account-manager", "--format", "odt"], "'odt' is not an output format"),
    (["render"], "Missing argument 'ROLE...'"),
    (["frobnicate"], "No such command"),
])
def test_wrong_usage_exits_2(runner, args, message):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_serve_without_its_extra_says_how_to_install_it(runner, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the extra were not installed
    result = runner.invoke(cli, ["serve"])
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        "Error: jobdocs serve needs the serve extra: pip install '.[serve]' in the jobdocs "
        "checkout (uvicorn is missing)"]


def test_output_path_that_is_a_file(runner, tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    result = runner.invoke(cli, ["render", "key-account-manager", "-o", str(target)])
    assert result.exit_code == 1
    assert "exists and is not a directory" in result.stderr


def test_list_shows_the_shipped_roles(invoke):
    lines = invoke("list").output.splitlines()
    assert any(line.split()[:2] == ["key-account-manager", "ru,en,de,sv"] for line in lines)
    assert {line.split()[0] for line in lines} >= {
        "key-account-manager", "client-manager", "corporate-client-manager"}


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(invoke, command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.output


def test_version(invoke):
    result = invoke("--version")
    assert result.output.startswith("jobdocs, version ")


def test_documents_get_ordinary_file_permissions(invoke, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        invoke("render", "client-manager", "-l", "en", "-o", str(tmp_path))
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "client-manager.en.md").stat().st_mode)
    assert mode == 0o644


def test_a_failed_write_is_one_line_and_leaves_no_temporary_file(runner, tmp_path,
                                                                 monkeypatch):
    import os

    replace = os.replace

    def full(src, dst):  # the disk fills up after the first document
        if Path(dst).name != "client-manager.en.md":
            raise OSError(28, "No space left on device")
        replace(src, dst)

    monkeypatch.setattr(os, "replace", full)
    result = runner.invoke(cli, ["render", "client-manager", "-l", "en", "-l", "ru",
                                 "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'client-manager.ru.md'}: cannot write the "
                             "document: No space left on device; check the directory's "
                             "permissions and free space. Written: client-manager.en.md; "
                             "not written: client-manager.ru.md\n")
    assert [p.name for p in tmp_path.iterdir()] == ["client-manager.en.md"]
