"""Output files: atomic and portable writes, stale temporary files swept, '-' as stdout."""

from __future__ import annotations

import io
import os
import stat
import time

import pytest

from jobdocs import files
from jobdocs.errors import UsageError


def test_a_write_changes_no_process_state_and_needs_no_fchmod(tmp_path, monkeypatch):
    old = os.umask(0o027)
    try:
        monkeypatch.delattr(os, "fchmod", raising=False)  # Windows before Python 3.13

        def no_umask(mask):
            raise AssertionError("the library must not touch the process umask")

        monkeypatch.setattr(os, "umask", no_umask)
        files.write_atomic(tmp_path / "doc.md", b"text")
    finally:
        monkeypatch.undo()
        os.umask(old)
    assert (tmp_path / "doc.md").read_bytes() == b"text"
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "doc.md").stat().st_mode) == 0o640


def test_the_windows_path_writes_without_syncing_the_directory(tmp_path, monkeypatch):
    opened = []
    real_open = os.open

    def spy(path, flags, mode=0o777, **kw):
        opened.append(os.fspath(path))
        return real_open(path, flags, mode, **kw)

    monkeypatch.delattr(os, "fchmod", raising=False)
    monkeypatch.setattr(os, "open", spy)
    monkeypatch.setattr(os, "name", "nt")
    target = tmp_path / "doc.md"
    files.write_atomic(target, b"one")
    files.write_atomic(target, b"two")  # replacing an existing document
    monkeypatch.undo()
    assert target.read_bytes() == b"two"
    assert os.fspath(tmp_path) not in opened  # Windows cannot open a directory
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_write_leaves_the_old_document_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "doc.md"
    target.write_bytes(b"old")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        files.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_stale_temporary_files_of_killed_runs_are_swept(tmp_path):
    stale = tmp_path / f".doc.md.0123456789ab{files.TMP_SUFFIX}"
    fresh = tmp_path / f".other.md.ba9876543210{files.TMP_SUFFIX}"
    foreign = tmp_path / ".doc.md.swp"
    for p in (stale, fresh, foreign):
        p.write_bytes(b"half a document")
    old = time.time() - files.STALE_AFTER - 60
    os.utime(stale, (old, old))
    os.utime(foreign, (old, old))
    files.ensure_dir(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, foreign.name])


def test_a_single_write_sweeps_its_own_leftovers(tmp_path):
    stale = tmp_path / f".doc.md.0123456789ab{files.TMP_SUFFIX}"
    stale.write_bytes(b"half")
    old = time.time() - files.STALE_AFTER - 1
    os.utime(stale, (old, old))
    files.write_atomic(tmp_path / "doc.md", b"whole")
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]


def test_dash_is_standard_output(tmp_path):
    out = io.BytesIO()
    files.write_output("-", b"report", stdout=out)
    assert out.getvalue() == b"report"
    assert list(tmp_path.iterdir()) == []


def test_an_output_naming_a_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="is a directory"):
        files.write_output(tmp_path, b"x", "diff")


def test_many_writes_to_one_folder_read_it_once(tmp_path, monkeypatch):
    """A build of thousands of documents into one folder sweeps it once, not per document."""
    read = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda d: read.append(d) or real(d))
    for n in range(50):
        files.write_atomic(tmp_path / f"doc{n}.docx", b"x")
    assert len(read) == 1
    assert len(list(tmp_path.iterdir())) == 50


def test_a_build_syncs_each_folder_once(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(files, "_sync_dir", synced.append)
    names = [tmp_path / d / f"doc{n}.docx" for d in ("a", "b") for n in range(3)]
    for name in names:
        files.write_atomic(name, b"x", sync_folder=False)
    assert synced == []
    files.sync_folders(names)
    assert synced == [tmp_path / "a", tmp_path / "b"]


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_write_failing_at_any_step_leaves_the_old_document_and_no_temporary_file(
        tmp_path, monkeypatch, step):
    target = tmp_path / "doc.md"
    target.write_bytes(b"old")

    def fail(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(OSError):
        files.write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_document_is_written_whole_when_the_system_takes_part_of_it_at_a_time(
        tmp_path, monkeypatch):
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:3])))
    files.write_atomic(tmp_path / "doc.md", b"a document of some length")
    monkeypatch.undo()
    assert (tmp_path / "doc.md").read_bytes() == b"a document of some length"


def test_the_first_document_of_a_folder_makes_the_folder(tmp_path):
    target = tmp_path / "new" / "deeper" / "doc.md"
    files.write_atomic(target, b"text")
    assert target.read_bytes() == b"text"
    files.write_atomic(target.with_name("next.md"), b"more")  # the folder is there now
    assert sorted(p.name for p in target.parent.iterdir()) == ["doc.md", "next.md"]
