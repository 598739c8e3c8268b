"""jobdocs build: every role × organization × language × format, rebuilt only when changed."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from test_pdf import needs_libreoffice, pages

from jobdocs.cli import cli
from jobdocs.config.project import load_project
from jobdocs.config.starter import STARTER
from jobdocs.production import build_project
from jobdocs.roles.schema import SCHEMAS
from jobdocs.settings import load_settings

ROOT = Path(__file__).parent.parent
ROLES = ("client-manager", "corporate-client-manager", "key-account-manager")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with three roles (one extends another), one organization, md and docx."""
    (tmp_path / "roles").mkdir()
    for role in ROLES:
        shutil.copy(ROOT / "roles" / f"{role}.yaml", tmp_path / "roles")
    (tmp_path / "org").mkdir()
    shutil.copy(ROOT / "examples" / "romashka" / "organization.yaml", tmp_path / "org")
    (tmp_path / "jobdocs.yaml").write_text(
        "format: 1\norganization: org/organization.yaml\nformats: [md, docx]\n"
        "languages: [ru, en]\noutput: documents\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def configure(project: Path, settings: str) -> None:
    """Write the project's jobdocs.yaml: `settings`, and the output folder."""
    (project / "jobdocs.yaml").write_text(f"{settings}\noutput: documents\n", encoding="utf-8")


def times(folder: Path) -> dict[str, int]:
    """Return {file name: modification time} of the documents in a folder."""
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir()) if p.is_file()
            and not p.name.startswith(".")}


def age(folder: Path) -> None:
    """Date every document an hour back, so that a rewrite shows in its time."""
    for p in folder.iterdir():
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns - 3600 * 10**9, st.st_mtime_ns - 3600 * 10**9))


def test_build_writes_every_role_language_and_format(runner, project):
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 0, result.output
    out = project / "documents"
    assert sorted(times(out)) == sorted(f"{r}.{lang}.{fmt}" for r in ROLES
                                        for lang in ("ru", "en") for fmt in ("md", "docx"))
    # The documents are the organization's, as a reader sees them.
    word = docx.Document(str(out / "key-account-manager.ru.docx"))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" in text.upper() and "Ромашка" in text
    assert "Ромашка" in (out / "corporate-client-manager.ru.md").read_text(encoding="utf-8")
    # Each role has its own registration number, kept in the profile's register.
    register = (project / "org" / "numbers.yaml").read_text(encoding="utf-8")
    for n, role in enumerate(ROLES, start=15):
        assert f"{role}: {n}" in register
        assert f"{n}-ДИ" in (out / f"{role}.ru.md").read_text(encoding="utf-8")
    assert result.stderr.strip() == "12 written, 0 unchanged, 0 failed in " + \
        result.stderr.split(" in ")[1].strip()


def test_a_second_build_rewrites_nothing_and_force_rewrites_all(runner, project):
    out = project / "documents"
    assert runner.invoke(cli, ["build", "-j", "1"]).exit_code == 0
    age(out)
    before = times(out)
    again = runner.invoke(cli, ["build", "-j", "1"])
    assert again.exit_code == 0
    assert again.stderr.startswith("0 written, 12 unchanged, 0 failed")
    assert times(out) == before
    forced = runner.invoke(cli, ["build", "-j", "1", "--force"])
    assert forced.stderr.startswith("12 written, 0 unchanged")
    assert all(times(out)[name] > before[name] for name in before)


def test_a_build_with_nothing_changed_leaves_the_manifest_alone(runner, project):
    out = project / "documents"
    assert runner.invoke(cli, ["build", "-j", "1"]).exit_code == 0
    manifest = out / ".jobdocs-manifest.json"
    written = manifest.read_text("utf-8")
    # A unit a line, so that a change shows as the lines of the units it touched.
    units = json.loads(written)["units"]
    assert sorted(units) == sorted(f"{role}.yaml" for role in ROLES)
    assert len(written.splitlines()) == len(units) + 2
    age(out)  # the documents too: the manifest records their times
    assert runner.invoke(cli, ["build", "-j", "1"]).exit_code == 0
    kept = manifest.stat()
    assert runner.invoke(cli, ["build", "-j", "1"]).stderr.startswith("0 written, 12 unchanged")
    now = manifest.stat()
    assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)


def test_a_changed_parent_rebuilds_the_roles_that_extend_it(runner, project):
    out = project / "documents"
    runner.invoke(cli, ["build", "-j", "1"])
    age(out)
    before = times(out)
    parent = project / "roles" / "client-manager.yaml"
    parent.write_text(parent.read_text(encoding="utf-8").replace(
        "a working knowledge of:", "a working knowledge of the following:", 1),
        encoding="utf-8")
    result = runner.invoke(cli, ["build", "-j", "1"])
    changed = {name for name, t in times(out).items() if t != before[name]}
    # Every language: the content hash each document prints covers the whole role.
    assert changed == {f"{role}.{lang}.{fmt}" for role in ROLES[:2] for lang in ("ru", "en")
                       for fmt in ("md", "docx")}
    assert "working knowledge of the following" in (
        out / "corporate-client-manager.en.md").read_text("utf-8")
    assert result.stderr.startswith("8 written, 4 unchanged, 0 failed")


def test_a_document_deleted_by_hand_is_written_again(runner, project):
    runner.invoke(cli, ["build", "-j", "1"])
    (project / "documents" / "client-manager.ru.md").unlink()
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.stderr.startswith("1 written, 11 unchanged")
    assert (project / "documents" / "client-manager.ru.md").is_file()


def test_one_broken_role_fails_alone(runner, project):
    broken = project / "roles" / "broken.yaml"
    broken.write_text((project / "roles" / "client-manager.yaml").read_text(encoding="utf-8")
                      .replace("id: client-manager", "id: broken", 1)
                      .replace("{{ title", "{{ titel", 1), encoding="utf-8")
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "broken.yaml" in line]
    assert errors and all("titel" in line for line in errors)
    assert "12 written, 0 unchanged, " in result.stderr
    assert not list((project / "documents").glob("broken.*"))
    # Fixed, it is built; the others are not touched again.
    broken.write_text(broken.read_text(encoding="utf-8").replace("titel", "title"),
                      encoding="utf-8")
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 0
    assert result.stderr.startswith("4 written, 12 unchanged, 0 failed")


def test_progress_is_quiet_off_a_terminal_and_quiet_is_silent(runner, project):
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.stderr.count("\n") == 1 and "building" not in result.stderr
    assert result.stdout == ""
    result = runner.invoke(cli, ["build", "-j", "1", "--quiet", "--force"])
    assert result.exit_code == 0 and result.output == ""


def test_build_in_worker_processes_writes_the_same_bytes(project):
    parallel = build_project(load_settings([project]), jobs=2)
    assert (parallel.written, parallel.failed) == (12, 0)
    out = project / "documents"
    first = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".md", ".docx")}
    serial = build_project(load_settings([project]), jobs=1, force=True)
    assert serial.written == 12
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".md", ".docx")} \
        == first


def test_several_organizations_get_a_folder_each(runner, project):
    shutil.copy(ROOT / "examples" / "northwind" / "organization.yaml",
                project / "org" / "northwind.yaml")
    (project / "org" / "organization.yaml").rename(project / "org" / "romashka.yaml")
    configure(project, "organizations: [org/romashka.yaml, org/northwind.yaml]\n"
              "languages: [en]\nformats: [md]")
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 0, result.output
    out = project / "documents"
    assert sorted(times(out / "romashka")) == sorted(times(out / "northwind")) == \
        [f"{r}.en.md" for r in ROLES]
    assert "Romashka" in (out / "romashka" / "key-account-manager.en.md").read_text("utf-8")
    manifest = json.loads((out / ".jobdocs-manifest.json").read_text("utf-8"))
    assert len(manifest["units"]) == 6


def test_build_without_a_project_is_a_usage_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 2 and "jobdocs init" in result.output


def test_the_starter_names_every_key_and_each_works_uncommented(tmp_path):
    """A company that opens jobdocs.yaml finds every key the project file takes; each
    commented example is valid as it stands once uncommented."""
    key = re.compile(r"^# (?!yaml-language-server)((?:  )*[a-z_-]+:)", re.M)
    whole = key.sub(r"\1", STARTER)
    assert set(yaml.safe_load(whole)) == set(SCHEMAS["project"]["properties"])
    (tmp_path / "wording").mkdir()
    (tmp_path / "jobdocs.yaml").write_text(whole, encoding="utf-8")
    project = load_project(tmp_path / "jobdocs.yaml")
    assert project.acknowledgements is not None
    assert project.acknowledgements.staff == tmp_path / "hr" / "staff.csv"


def test_init_writes_a_project_that_builds(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["init"])
    assert result.exit_code == 0
    assert (tmp_path / "jobdocs.yaml").read_text(encoding="utf-8") == STARTER
    assert result.output.split() == ["jobdocs.yaml", *(str(Path("schemas", f"{kind}-1.json"))
                                                       for kind in SCHEMAS)]
    # The modeline names the schema init saved, which is what `jobdocs schema` prints.
    assert "\n# yaml-language-server: $schema=schemas/project-1.json\n" in STARTER
    for kind in SCHEMAS:
        saved = (tmp_path / "schemas" / f"{kind}-1.json").read_text(encoding="utf-8")
        assert json.loads(saved) == SCHEMAS[kind]
        assert saved == runner.invoke(cli, ["schema", kind]).output
    project = load_project(tmp_path / "jobdocs.yaml")
    assert project.formats == ("md", "docx") and project.roles == tmp_path / "roles"
    shutil.copy(ROOT / "roles" / "client-manager.yaml", tmp_path / "roles")
    assert runner.invoke(cli, ["build", "-j", "1", "-f", "md"]).exit_code == 0
    assert sorted(times(tmp_path / "documents")) == ["client-manager.en.md",
                                                     "client-manager.ru.md"]
    again = runner.invoke(cli, ["init"])
    assert again.exit_code == 2 and "exists" in again.output


@needs_libreoffice
def test_pdfs_are_printed_in_one_run_and_kept_when_current(runner, project):
    configure(project, "organization: org/organization.yaml\nlanguages: [ru]\n"
              "formats: [docx, pdf]")
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 0, result.output
    out = project / "documents"
    for role in ROLES:
        text = "".join(pages(out / f"{role}.ru.pdf"))
        assert "Ромашка" in text and "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" in text.upper()
    assert not [p for p in out.iterdir() if p.is_dir()]  # the staging folder is gone
    before = times(out)
    assert runner.invoke(cli, ["build"]).stderr.startswith("0 written, 6 unchanged")
    assert times(out) == before


def test_pdf_without_libreoffice_fails_each_pdf_in_one_line(runner, project, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = runner.invoke(cli, ["build", "-j", "1", "-f", "md", "-f", "pdf"])
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if "LibreOffice" in line]
    assert len(failed) == 6 and all(line.split(":")[0].endswith(".pdf") for line in failed)
    assert result.stderr.splitlines()[-1].startswith("6 written, 0 unchanged, 6 failed")
    assert not list((project / "documents").glob("*.pdf"))


@needs_libreoffice
def test_render_prints_docx_and_pdf_from_one_docx(runner, tmp_path):
    result = runner.invoke(cli, ["render", "client-manager", "key-account-manager", "-l", "en",
                                 "-f", "docx", "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.split() == [str(tmp_path / f"{r}.en.{f}") for r in
                                     ("client-manager", "key-account-manager")
                                     for f in ("docx", "pdf")]
    assert "Key Account Manager" in "".join(pages(tmp_path / "key-account-manager.en.pdf"))


def test_numbers_from_the_project_where_no_profile_gives_them(runner, project):
    configure(project, "number: {pattern: '{seq}-П', register: register.yaml}\n"
              "languages: [ru]\nformats: [md]")
    result = runner.invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 0, result.output
    register = (project / "register.yaml").read_text(encoding="utf-8")
    for n, role in enumerate(ROLES, start=1):
        assert f"{role}: {n}" in register
        assert f"{n}-П" in (project / "documents" / f"{role}.ru.md").read_text("utf-8")


def test_the_manifest_keeps_other_formats_and_forgets_removed_roles(runner, project):
    manifest = project / "documents" / ".jobdocs-manifest.json"
    runner.invoke(cli, ["build", "-j", "1"])
    assert runner.invoke(cli, ["build", "-j", "1", "-f", "md", "--force"]).exit_code == 0
    docs = json.loads(manifest.read_text("utf-8"))["units"]["client-manager.yaml"]["docs"]
    assert sorted(docs) == [f"client-manager.{lang}.{fmt}" for lang in ("en", "ru")
                            for fmt in ("docx", "md")]
    (project / "roles" / "key-account-manager.yaml").unlink()
    again = runner.invoke(cli, ["build", "-j", "1"])
    assert again.stderr.startswith("0 written, 8 unchanged, 0 failed")
    units = json.loads(manifest.read_text("utf-8"))["units"]
    assert sorted(units) == ["client-manager.yaml", "corporate-client-manager.yaml"]
