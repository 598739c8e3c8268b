"""jobdocs tried as a new user tries it: inside a project every path printed is the one
they would type, `--from REV ID` works, any console encoding prints, a machine's
refusal is one line, a typo gets a suggestion, and a role given as a profile is named
as such."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from jobdocs.cli import cli
from jobdocs.render import pdf

ROOT = Path(__file__).parent.parent
KAM = ROOT / "roles" / "key-account-manager.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A company's project with one role whose clause text names an unknown variable."""
    (tmp_path / "roles").mkdir()
    shutil.copy(KAM, tmp_path / "roles")
    text = KAM.read_text(encoding="utf-8").replace("id: key-account-manager", "id: broken", 1)
    (tmp_path / "roles" / "broken.yaml").write_text(
        text.replace("{{ title.genitive }}", "{{ titel.genitive }}", 1), encoding="utf-8")
    (tmp_path / "jobdocs.yaml").write_text("format: 1\noutput: documents\nlanguages: [ru]\n",
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- every path as the user would type it ---------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "github", "json", "junit", "sarif"])
def test_validate_names_files_from_the_current_folder(runner, project, fmt):
    result = runner.invoke(cli, ["validate", "-f", fmt])
    assert result.exit_code == 1
    out = result.stdout
    if fmt != "sarif":  # (SARIF names the folder the paths start from, as it should)
        assert str(project) not in out  # no absolute path in the report
    if fmt == "text":
        assert out.startswith(f"{Path('roles', 'broken.yaml')}:")
    elif fmt == "github":  # an annotation attaches to the pull request's file
        assert out.startswith(f"::error file={Path('roles', 'broken.yaml')},line=")
    elif fmt == "json":
        assert {p["path"] for p in json.loads(out)["problems"]} == {
            str(Path("roles", "broken.yaml"))}
    elif fmt == "junit":
        failing = [c.get("file") for c in ET.fromstring(out).iter("testcase")
                   if c.find("failure") is not None]
        assert failing == [str(Path("roles", "broken.yaml"))]
    else:
        [result_] = json.loads(out)["runs"][0]["results"]
        location = result_["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"] == "roles/broken.yaml" and location["uriBaseId"] == "%SRCROOT%"


def test_render_build_and_errors_print_paths_from_the_current_folder(runner, project):
    rendered = runner.invoke(cli, ["render", "key-account-manager"])
    assert rendered.exit_code == 0, rendered.output
    assert rendered.stdout == f"{Path('documents', 'key-account-manager.ru.md')}\n"
    broken = runner.invoke(cli, ["render", "broken"])
    assert broken.exit_code == 1
    assert broken.stderr.startswith(f"{Path('roles', 'broken.yaml')}:")
    built = runner.invoke(cli, ["build", "-j", "1"])
    assert built.exit_code == 1
    assert built.stderr.startswith(f"{Path('roles', 'broken.yaml')}:")
    assert str(project) not in built.stderr


# -- --from REV with a role id ------------------------------------------------------------


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_from_a_revision_with_a_role_id(runner, project):
    git("init", "-q", cwd=project)
    git("-c", "user.name=HR", "-c", "user.email=hr@example.com", "commit", "-q",
        "--allow-empty", "-m", "start", cwd=project)
    git("add", "roles", "jobdocs.yaml", cwd=project)
    git("-c", "user.name=HR", "-c", "user.email=hr@example.com", "commit", "-q", "-m",
        "v1.0", cwd=project)
    git("tag", "v1.0", cwd=project)
    role = project / "roles" / "key-account-manager.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "version: \"1.0\"", "version: \"1.1\"", 1).replace(
        "ключевыми клиентами", "ключевыми заказчиками", 1), encoding="utf-8")
    for here in (project, project / "roles"):
        os.chdir(here)
        result = runner.invoke(cli, ["diff", "--from", "v1.0", "key-account-manager",
                                     "-l", "ru"])
        assert result.exit_code == 1, result.output  # different, not an error
        assert "заказчиками" in result.stdout and "no such file" not in result.output


# -- any console encoding -----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "cp1251"])
def test_output_in_any_console_encoding_is_escaped_never_a_crash(tmp_path, encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    edited = tmp_path / "kam.yaml"
    edited.write_text(KAM.read_text(encoding="utf-8").replace(
        "ключевыми клиентами", "ключевыми заказчиками", 1), encoding="utf-8")
    runs = {
        "show": ["show", "key-account-manager", "-l", "ru"],
        "diff": ["diff", str(KAM), str(edited), "-l", "ru"],
        "inflect": ["inflect", "менеджер по продажам"],
    }
    for name, args in runs.items():
        result = subprocess.run([sys.executable, "-m", "jobdocs", *args], cwd=tmp_path,
                                env=env, capture_output=True, timeout=120)
        assert result.returncode in (0, 1), (name, result.stderr.decode(errors="replace"))
        assert b"internal error" not in result.stderr, name
        out = result.stdout.decode(encoding)
        if encoding != "cp1251":  # Cyrillic the console cannot show is escaped
            assert "\\u04" in out, (name, out[:200])
        else:
            assert "\\u04" not in out and "менеджер" in out.lower(), name


def test_the_import_report_prints_in_any_console_encoding(tmp_path):
    source = tmp_path / "kam.ru.md"
    source.write_text("# Должностная инструкция менеджера\n\n## 1. Общие положения\n\n"
                      "1.1. Менеджер относится к категории специалистов.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "jobdocs", "import", str(source), "-o",
                             str(tmp_path / "roles")], cwd=tmp_path,
                            env={**os.environ, "PYTHONIOENCODING": "cp1252"},
                            capture_output=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr.decode(errors="replace")
    assert b"internal error" not in result.stderr
    assert b"kam.ru.md -> " in result.stdout


# -- what the machine refuses --------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_full_disk_or_a_read_only_folder_is_one_line_and_exit_1(runner, project, monkeypatch,
                                                                 code):
    def refuse(path, *args, **kwargs):
        raise OSError(code, os.strerror(code), str(path))

    from jobdocs import files

    monkeypatch.setattr(files, "write_atomic", refuse)
    report = runner.invoke(cli, ["validate", "-f", "json", "-o", "report.json"])
    assert report.exit_code == 1 and report.stderr.count("\n") == 1
    assert "cannot write the report" in report.stderr and "internal error" not in report.stderr
    from jobdocs.production import run

    monkeypatch.setattr(run, "ensure_dir", refuse)  # where build makes its output folder
    built = runner.invoke(cli, ["build"])
    assert built.exit_code == 1 and built.stderr.count("\n") == 1, built.stderr
    assert built.stderr.startswith(f"Error: documents: {os.strerror(code)}; check the ")


# -- typos and mix-ups --------------------------------------------------------------------


def test_a_mistyped_role_id_gets_a_suggestion(runner, project):
    result = runner.invoke(cli, ["render", "key-acount-manager"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "did you mean 'key-account-manager'?" in result.stderr


def test_a_role_given_as_the_profile_is_named_as_such(runner, project):
    result = runner.invoke(cli, ["render", "key-account-manager", "--org",
                                 str(Path("roles", "broken.yaml"))])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"{Path('roles', 'broken.yaml')}:")
    assert result.stderr.endswith(": this is a role file, not an organization profile: give "
                                  "the role as ROLE, and a profile (name, approver, date...) "
                                  "with --org\n")


@pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX")
def test_build_and_init_say_why_a_project_file_beside_them_is_ignored(runner, tmp_path,
                                                                     monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "jobdocs.yaml").write_text("format: 1\n")
    shared.chmod(0o1777)
    monkeypatch.chdir(shared)
    built = runner.invoke(cli, ["build"])
    assert built.exit_code == 2
    assert "`jobdocs init` writes one" not in built.stderr
    assert "ignoring" in built.stderr and "writable by every user" in built.stderr
    init = runner.invoke(cli, ["init"])
    assert init.exit_code == 2
    assert "exists already, and jobdocs ignores it: its folder is writable by every user" \
        in init.stderr


# -- LibreOffice where it installs --------------------------------------------------------


def test_libreoffice_named_by_jobdocs_soffice(tmp_path, monkeypatch):
    program = tmp_path / "my-soffice"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("JOBDOCS_SOFFICE", str(program))
    assert pdf.soffice() == str(program)
    monkeypatch.setenv("JOBDOCS_SOFFICE", str(tmp_path / "missing"))
    with pytest.raises(pdf.MissingTool, match="JOBDOCS_SOFFICE=.*no such program"):
        pdf.soffice()


def test_libreoffice_where_its_installers_put_it(tmp_path, monkeypatch):
    windows = pdf.installed_places("win32", {"ProgramFiles": "C:\\Program Files",
                                             "ProgramFiles(x86)": "C:\\Program Files (x86)"})
    assert [p.parts[-3:] for p in windows] == [("LibreOffice", "program", "soffice.exe")] * 2
    assert str(windows[0]).startswith("C:\\Program Files")
    mac = pdf.installed_places("darwin", {"HOME": str(tmp_path)})
    assert mac[0] == Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    assert mac[1] == tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice"
    # Off PATH, the installer's place is found.
    installed = tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice"
    installed.parent.mkdir(parents=True)
    installed.write_text("")
    monkeypatch.delenv("JOBDOCS_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(pdf, "installed_places", lambda: [installed])
    assert pdf.soffice() == str(installed)


# -- the schemas `jobdocs init` saves, named by what init and import write ----------------


def test_init_and_import_name_the_schemas_init_saved(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["init"]).exit_code == 0
    seed = ROOT / "tests" / "fixtures" / "seeds" / "003-key-account-manager.sv.txt"
    written = []
    for here in (tmp_path, tmp_path / "roles"):  # wherever the user stands
        monkeypatch.chdir(here)
        result = runner.invoke(cli, ["import", str(seed), "--force"])
        assert result.exit_code in (0, 1), result.output
        profile = tmp_path / "roles" / "organizations" / "key-account-manager.yaml"
        written.append(profile.read_bytes())
    assert written[0] == written[1]
    modeline, _ = written[0].decode().split("\n", 1)
    assert modeline == "# yaml-language-server: $schema=../../schemas/organization-1.json"
    assert (profile.parent / "../../schemas/organization-1.json").resolve() == (
        tmp_path / "schemas" / "organization-1.json")
    monkeypatch.chdir(tmp_path)  # and validate takes it for the profile it is
    checked = runner.invoke(cli, ["validate", "-f", "json", str(profile)])
    assert checked.exit_code == 0, checked.output
