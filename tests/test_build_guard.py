"""`jobdocs build` trusts nothing it finds: a manifest of any shape counts as empty,
only the project's regular files are hashed, role files and profiles are read only
inside the project, the register is written only there, dead staging folders go."""

from __future__ import annotations

import faulthandler
import json
import os
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from jobdocs import intake
from jobdocs.cli import cli
from jobdocs.files import STAGING_STALE_AFTER
from jobdocs.intake import MANIFEST as MANIFEST_KIND

ROOT = Path(__file__).parent.parent
SECRET = "password_of_the_director: hunter2\nroot:x:0:0:root:/root:/bin/bash\n"


@pytest.fixture(autouse=True)
def _no_hang():
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "roles").mkdir(parents=True)
    for role in ("client-manager", "key-account-manager"):
        shutil.copy(ROOT / "roles" / f"{role}.yaml", root / "roles")
    (root / "jobdocs.yaml").write_text("roles: roles\nformats: [md]\nlanguages: [en]\n"
                                       "output: out\n", encoding="utf-8")
    (tmp_path / "secret.yaml").write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def build(runner, *args: str):
    result = runner.invoke(cli, ["build", "-j", "1", *args])
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert "hunter2" not in result.output and "root:x" not in result.output
    return result


MANIFESTS = {
    "not json": b"{",
    "a list": b"[]",
    "wrong types": json.dumps({"format": "1", "inputs": 5, "units": []}).encode(),
    "a unit of the wrong shape": None,  # filled in from a real one
    "a path to a device": None,
    "a path out of the project": None,
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "binary": bytes(range(256)) * 10,
}


@pytest.mark.parametrize("case", list(MANIFESTS))
def test_a_manifest_of_any_shape_counts_as_empty(runner, project, case):
    assert build(runner).exit_code == 0
    manifest = project / "out" / ".jobdocs-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    content = MANIFESTS[case]
    if content is None:
        unit = data["units"]["client-manager.yaml"]
        if case == "a unit of the wrong shape":
            unit["docs"] = {"client-manager.en.md": "no"}
        else:
            target = "/dev/zero" if case == "a path to a device" else str(
                project.parent / "secret.yaml")
            unit["files"] = {target: "0" * 64}
        content = json.dumps(data).encode()
    manifest.write_bytes(content)
    (project / "out" / "client-manager.en.md").unlink()
    result = build(runner)
    assert result.exit_code == 0
    assert (project / "out" / "client-manager.en.md").is_file()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_as_the_manifest_never_blocks(runner, project):
    os.mkfifo(project / "out-fifo")
    (project / "out").mkdir()
    os.mkfifo(project / "out" / ".jobdocs-manifest.json")
    assert build(runner).exit_code in (0, 1)


def test_a_role_linked_out_of_the_project_is_one_error_and_never_read(runner, project):
    (project / "roles" / "linked.yaml").symlink_to(project.parent / "secret.yaml")
    result = build(runner)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "linked.yaml" in line]
    assert len(lines) == 1 and "outside the project folder" in lines[0]
    assert (project / "out" / "client-manager.en.md").is_file()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_among_the_roles_is_one_error(runner, project):
    os.mkfifo(project / "roles" / "stall.yaml")
    result = build(runner)
    assert result.exit_code == 1 and "not a regular file" in result.output
    assert (project / "out" / "key-account-manager.en.md").is_file()


@pytest.mark.parametrize("setting", [
    "organizations: [../secret.yaml]",
    "organization: org.yaml\nnumber: {pattern: '{seq}-ДИ', register: ../numbers.yaml}",
])
def test_paths_in_jobdocs_yaml_stay_inside_the_project(runner, project, setting):
    shutil.copy(ROOT / "examples" / "romashka" / "organization.yaml", project / "org.yaml")
    with (project / "jobdocs.yaml").open("a", encoding="utf-8") as f:
        f.write(setting + "\n")
    result = build(runner)
    assert result.exit_code == 1 and "outside the project folder" in result.output
    assert not (project.parent / "numbers.yaml").exists()


def test_a_profile_linked_out_of_the_project_is_never_read(runner, project):
    (project / "org.yaml").symlink_to(project.parent / "secret.yaml")
    with (project / "jobdocs.yaml").open("a", encoding="utf-8") as f:
        f.write("organization: org.yaml\n")
    result = build(runner)
    assert result.exit_code == 1 and "outside the project folder" in result.output


def test_a_profiles_register_outside_the_project_is_refused(runner, project):
    (project / "org.yaml").write_text(
        "name: Acme\nnumber: {pattern: '{seq}-ДИ', register: ../../numbers.yaml}\n",
        encoding="utf-8")
    with (project / "jobdocs.yaml").open("a", encoding="utf-8") as f:
        f.write("organization: org.yaml\n")
    result = build(runner)
    assert result.exit_code == 1 and "number.register" in result.output
    assert not (project.parent.parent / "numbers.yaml").exists()


def test_staging_folders_of_dead_builds_are_swept(runner, project):
    dead = project / "out" / ".jobdocs-abcd1234.staging"
    (dead / "pdf").mkdir(parents=True)
    (dead / "1-en.docx").write_bytes(b"x")
    alive = project / "out" / ".jobdocs-efgh5678.staging"
    alive.mkdir()
    old = time.time() - STAGING_STALE_AFTER - 60
    for p in (dead / "pdf", dead / "1-en.docx", dead):
        os.utime(p, (old, old))
    assert build(runner).exit_code == 0
    assert not dead.exists() and alive.exists()
    assert not [p for p in (project / "out").iterdir() if p.name.endswith(".staging")
                and p != alive]  # the build's own went when it finished


def test_a_small_manifest_takes_its_size_in_memory_not_its_kinds_cap(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text("{}", encoding="utf-8")
    tracemalloc.start()
    try:
        assert intake.read_bytes(path, MANIFEST_KIND) == b"{}"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20  # a read of the whole cap took 256 MB: the fuzzing's limit was 500


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_disk_that_fails_a_write_fails_that_document_only_and_says_so(
        runner, project, monkeypatch, step):
    real = getattr(os, step)
    calls = []

    def second_fails(*args):  # the second document's write, on the thread that writes behind
        calls.append(args)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        return real(*args)

    monkeypatch.setattr(os, step, second_fails)
    result = build(runner)
    monkeypatch.undo()
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "cannot write the document" in line]
    assert len(errors) == 1 and "Input/output error" in errors[0], result.output
    documents = sorted(p.name for p in (project / "out").rglob("*") if p.is_file())
    assert len([d for d in documents if d.endswith(".md")]) == 1  # the other one was written
    assert not [d for d in documents if "jobdocs-tmp" in d]  # and nothing half-written


def test_a_failed_write_fails_its_document_and_the_unit_counts_the_others(
        runner, project, monkeypatch):
    (project / "jobdocs.yaml").write_text("roles: roles\nformats: [md, docx]\n"
                                          "languages: [en, ru]\noutput: out\n", encoding="utf-8")
    (project / "roles" / "client-manager.yaml").unlink()
    real, calls = os.fsync, []

    def first_fails(fd):
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(5, "Input/output error")
        return real(fd)

    monkeypatch.setattr(os, "fsync", first_fails)
    result = build(runner)
    monkeypatch.undo()
    assert result.exit_code == 1
    # Two languages of the four the role has, two formats: one failed, three written.
    assert "3 written, 0 unchanged, 1 failed" in result.output, result.output
    assert len([p for p in (project / "out").iterdir() if p.suffix in (".md", ".docx")]) == 3
