"""Every command and entry point meets the same hostile files (tests/hostile_files.py):
a FIFO, a link to /dev/zero, a link out of the project, a folder, a Latin-1 file and
a file far over its cap, in every place a user's file is read. Each is said (one line,
exit 1 or 2, or a warning where the file is optional), in bounded time, and no
message quotes the file outside the project."""

from __future__ import annotations

import faulthandler
import shutil
from pathlib import Path

import hostile_files
import pytest

from jobdocs.cli import cli

ROOT = Path(__file__).parent.parent

#: Each entry point: the name the hostile file takes, where it lies ("roles" or the
#: project's top folder), and the command line, with {} for the file.
ENTRY_POINTS = {
    "validate": ("x.yaml", "roles", ["validate", "{}"]),
    "validate the folder": ("x.yaml", "roles", ["validate", "roles"]),
    "render": ("x.yaml", "roles", ["render", "{}", "-o", "out"]),
    "show": ("x.yaml", "roles", ["show", "{}"]),
    "diff": ("x.yaml", "roles", ["diff", "{}", "roles/client-manager.yaml"]),
    "list": ("x.yaml", "roles", ["list"]),
    "build": ("x.yaml", "roles", ["build", "-j", "1"]),
    "render --org": ("org.yaml", "top", ["render", "client-manager", "--org", "{}",
                                         "-o", "out"]),
    "render --reference-doc": ("ref.docx", "top", ["render", "client-manager", "-f", "docx",
                                                   "--reference-doc", "{}", "-o", "out"]),
    "render --staff": ("staff.csv", "top", ["render", "client-manager", "--staff", "{}",
                                            "-o", "out"]),
    "import": ("doc.docx", "top", ["import", "{}", "-o", "imported"]),
    "import --into": ("doc.docx", "top", ["import", "--into", "client-manager", "{}"]),
    "ack record": ("sheet.csv", "top", ["ack", "record", "{}"]),
    "ack due --staff": ("staff.csv", "top", ["ack", "due", "--staff", "{}"]),
    "the project file": ("jobdocs.yaml", "top", ["validate", "roles/client-manager.yaml"]),
}


def _latin1(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes("format: 1\nid: x\ntitle: {ru: caf\xe9}\n".encode("latin-1"))
    return path


def _huge(folder: Path, name: str) -> Path:
    """A file of 300 MB (sparse: it takes no room on disk)."""
    path = folder / name
    with path.open("wb") as f:
        f.write(b"id: x\n")
        f.truncate(300 << 20)
    return path


HOSTILE = {"fifo": hostile_files.fifo, "device": hostile_files.device,
           "outside": lambda folder, name: hostile_files.outside(
               folder, name, to=folder.parent.parent / "secret.txt"),
           "folder": hostile_files.folder_named, "latin-1": _latin1, "huge": _huge}


@pytest.fixture(autouse=True)
def _no_hang():
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_every_entry_point_says_what_is_wrong_with_a_hostile_file(
        runner, tmp_path, monkeypatch, entry, kind):
    name, place, args = ENTRY_POINTS[entry]
    project = tmp_path / "home" / "project"  # the secret lies in home/ or above it
    (project / "roles").mkdir(parents=True)
    shutil.copy(ROOT / "roles" / "client-manager.yaml", project / "roles")
    if name != "jobdocs.yaml":
        (project / "jobdocs.yaml").write_text("roles: roles\n", encoding="utf-8")
    folder = project / "roles" if place == "roles" else project
    made = HOSTILE[kind](folder, name)
    if made is None:
        pytest.skip("not on this system")
    monkeypatch.chdir(project)
    result = runner.invoke(cli, [a.replace("{}", str(made.relative_to(project)))
                                 for a in args])
    out = result.output
    assert result.exit_code in (0, 1, 2), out
    assert "Traceback" not in out and "internal error" not in out, out
    assert "hunter2" not in out and "root:x" not in out, out
    if kind != "folder":  # a folder among the roles is no role file: left alone
        said = "warning" in out.lower() or (entry == "list" and " invalid: " in out)
        assert result.exit_code != 0 or said, out
    if kind == "outside" and place == "roles":
        assert "outside the project folder" in out, out


@pytest.mark.skipif(not hasattr(hostile_files.os, "mkfifo"), reason="no FIFOs here")
def test_the_refusal_names_the_kind_of_file_with_its_article(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile_files.fifo(tmp_path, "org.yaml")
    result = runner.invoke(cli, ["render", "client-manager", "--org", "org.yaml", "-o", "out"])
    assert result.exit_code == 1
    assert "not a regular file (a FIFO, a device or a socket); give an organization profile" \
        in result.output, result.output

