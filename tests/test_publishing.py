"""What a release publishes: an sdist that is the repository (so that its tests, docs and
CI script run from the unpacked archive), and a wheel that says what it is."""

from __future__ import annotations

import email
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow  # builds an sdist and a wheel


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "-o", str(out),
                    str(ROOT)], check=True, capture_output=True)
    return out


def test_the_sdist_holds_every_file_git_holds(dist):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist, say): nothing to compare with")
    tracked = set(subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout.split("\0")) - {""}
    tracked = {name for name in tracked if (ROOT / name).is_file()}  # (deleted, uncommitted)
    [sdist] = dist.glob("jobdocs-*.tar.gz")
    with tarfile.open(sdist) as archive:
        held = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert tracked - held == set()
    assert {"jobdocs.yaml", ".pre-commit-hooks.yaml", ".ci/run", "CHANGELOG.md",
            "tests/conftest.py", "docs/build.md"} <= held
    assert not {name for name in held if name.startswith((".mypy_cache/", ".hypothesis/"))}


def test_the_wheel_says_what_it_is(dist):
    [wheel] = dist.glob("jobdocs-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        [meta] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(archive.read(meta))
        assert "jobdocs/py.typed" in archive.namelist()  # mypy reads our annotations
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"] == "MIT"
    classifiers = metadata.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Natural Language :: Russian" in classifiers and "Typing :: Typed" in classifiers
