"""`jobdocs import` as safe as render: every hostile document of the audit is one
line or a role with findings, in bounded time and memory; nothing is lost or
replaced without a word."""

from __future__ import annotations

import faulthandler
import os
import shutil

import hostile_files
import pytest
import yaml

from jobdocs.cli import cli
from jobdocs.importer import import_document
from jobdocs.importer.source import markdown_lines

REFUSED = {"fifo": "not a regular file", "device": "not a regular file",
           "folder": "no .docx, .docm", "latin-1": "not UTF-8",
           "big-text": "may be at most", "xml-bomb": "unpacks to more than 100 MB"}


@pytest.fixture(autouse=True)
def _small_bombs(monkeypatch):
    """Bombs past every limit, but quicker to make than the audit's."""
    monkeypatch.setitem(hostile_files.BOMB_MB, "image", 200)
    monkeypatch.setitem(hostile_files.BOMB_MB, "xml", 120)


@pytest.fixture(autouse=True)
def _no_hang():
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def run(runner, *args: str):
    result = runner.invoke(cli, ["import", *args])
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result


@pytest.mark.parametrize("case", sorted(hostile_files.IMPORTS))
def test_every_hostile_document_is_one_line_or_a_role(runner, tmp_path, case):
    source = hostile_files.IMPORTS[case](tmp_path)
    if source is None:
        pytest.skip("not on this system")
    out = tmp_path / "roles"
    result = run(runner, str(source), "-o", str(out))
    # a refusal (an empty folder is a usage error), or an imported role that lacks sections
    assert result.exit_code == (2 if case == "folder" else 1)
    if case in REFUSED:
        lines = [x for x in result.output.strip().splitlines() if x.startswith("Error:")]
        assert len(lines) == 1 and REFUSED[case] in lines[0], result.output
        assert not out.exists() or not list(out.glob("*.yaml"))
    else:
        assert len(list(out.glob("*.yaml"))) == 1, result.output


@pytest.mark.parametrize("case", ["huge-ilvl", "huge-roman", "huge-letter", "superscript-start",
                                  "huge-override"])
def test_word_numbers_are_read_within_words_ranges(tmp_path, case):
    from jobdocs.importer.source import read_source

    lines = read_source(hostile_files.IMPORTS[case](tmp_path)).lines
    numbered = [x.text for x in lines if x.text.endswith(("заказы.", "клиентов."))
                and not x.text.startswith("2.1")]
    assert len(numbered) == 2 and all(len(t) < 1400 for t in numbered), numbered
    if case == "huge-roman":  # the start clamped to Word's 32767
        assert numbered[0].startswith("MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMDCCLXVII. ")
    if case == "superscript-start":
        assert numbered[0].startswith("1. ")


def test_text_in_nested_tables_and_content_controls_is_imported(tmp_path):
    result = import_document(hostile_files.hidden_text(tmp_path))
    assert "Ведёт учёт договоров во вложенной таблице." in result.role_yaml
    assert "Готовит отчёты в элементе управления." in result.role_yaml
    [note] = [f for f in result.findings if f.rule == "not-imported"]
    assert "altChunk" in note.message and note.line


def test_clauses_after_the_acknowledgement_are_imported(tmp_path):
    result = import_document(hostile_files.after_acknowledgement(tmp_path))
    role = yaml.safe_load(result.role_yaml)
    assert [c["text"]["ru"] for c in role["sections"]["rights"]] == [
        "Получать информацию о деятельности организации."]


def test_a_markdown_heading_is_read_in_linear_time():
    lines = markdown_lines("#" + " " * 50_000 + "x" + " " * 50_000 + "#a\n## Права ##\n")
    assert [(x.heading, x.text) for x in lines] == [(1, "x #a"), (2, "Права")]


def test_terminal_escapes_from_a_document_are_shown_not_obeyed(runner, tmp_path):
    result = run(runner, str(hostile_files.escapes(tmp_path)), "-o", str(tmp_path / "roles"))
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_a_suggested_profile_is_not_replaced_without_force(runner, tmp_path):
    source = tmp_path / "kam.md"
    source.write_text("**УТВЕРЖДАЮ**\\\nГенеральный директор\\\nООО «Ромашка»\\\n"
                      "________________ И.И. Иванов\n\n# Должностная инструкция менеджера\n\n"
                      "## 1. Общие положения\n\n1.1. Относится к категории специалистов.\n",
                      encoding="utf-8")
    out = tmp_path / "roles"
    run(runner, str(source), "-o", str(out))
    [role] = out.glob("*.yaml")
    role.unlink()  # the role is gone, the profile someone edited is still there
    profile = out / "organizations" / role.name
    profile.write_text("name: {ru: ООО «Ромашка», edited by hand}\n", encoding="utf-8")
    again = run(runner, str(source), "-o", str(out))
    assert again.exit_code == 1 and f"{profile}: exists; give --force" in again.output
    assert "edited by hand" in profile.read_text(encoding="utf-8") and not role.exists()
    forced = run(runner, str(source), "-o", str(out), "--force")
    assert "edited by hand" not in profile.read_text(encoding="utf-8") and role.exists()
    assert forced.exit_code == 1  # the role lacks sections: said, not hidden


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_one_line(runner, tmp_path):
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = run(runner, str(hostile_files.after_acknowledgement(tmp_path)), "-o", str(out))
    finally:
        out.chmod(0o700)
    assert result.exit_code == 1 and "cannot write it" in result.output


def test_a_full_disk_is_one_line(runner, tmp_path, monkeypatch):
    import jobdocs.importer.output as output

    def full(path, data, unchanged=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "write_atomic", full)
    result = run(runner, str(hostile_files.after_acknowledgement(tmp_path)), "-o",
                 str(tmp_path / "roles"))
    assert result.exit_code == 1 and "No space left on device" in result.output


def test_a_broken_project_file_does_not_stop_an_import_given_its_output(runner, tmp_path,
                                                                         monkeypatch):
    (tmp_path / "jobdocs.yaml").write_text("roles: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    source = hostile_files.after_acknowledgement(tmp_path)
    result = run(runner, str(source), "-o", str(tmp_path / "out"))
    assert "warning: ignoring the project file" in result.output
    assert list((tmp_path / "out").glob("*.yaml"))
    assert run(runner, str(source)).exit_code == 1  # no -o: the project decides, and is broken


@pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX")
@pytest.mark.parametrize("command", [["import", "SOURCE", "-o", "out"], ["build"], ["list"]])
def test_a_planted_project_file_is_named_by_every_command(runner, tmp_path, monkeypatch,
                                                          command):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    (shared / "jobdocs.yaml").write_text("roles: roles\n", encoding="utf-8")
    here = shared / "me"
    here.mkdir()
    source = hostile_files.after_acknowledgement(here)
    monkeypatch.chdir(here)
    result = runner.invoke(cli, [str(source) if a == "SOURCE" else a for a in command])
    assert "warning: ignoring" in result.output and "writable by every user" in result.output
    shutil.rmtree(shared, ignore_errors=True)
