"""The CI examples install jobdocs from its repository, never by name from PyPI."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent


def test_github_actions_example_installs_from_the_repository():
    workflow = yaml.safe_load((ROOT / "examples/ci/github-actions.yml").read_text())
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
            if "pip install" in step.get("run", "")]
    assert runs == ['pip install "$JOBDOCS"']
    assert re.fullmatch(r"jobdocs @ git\+https://\S+/jobdocs@v\S+", workflow["env"]["JOBDOCS"])


def test_pre_commit_hook_is_installed_from_its_own_checkout():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["language"] == "python"  # pre-commit pip-installs the hook's repository
    assert "additional_dependencies" not in hook
    assert hook["entry"].split()[0] == "jobdocs"


#: Where a user reads how to install jobdocs or one of its extras: pages, examples, the
#: library's errors and docstrings, serve's templates and their catalogs.
HINTS = ["README.md", "CHANGELOG.md", "CONTRIBUTING.md", "docs/*.md", "examples/**/*",
         "jobdocs/**/*.py", "jobdocs/**/*.html", "locales/**/*.po*", ".pre-commit-hooks.yaml"]


def test_no_hint_installs_jobdocs_by_name_from_the_package_index():
    """A package called jobdocs on the index is somebody else's: every hint installs
    jobdocs, and its extras, from a checkout (`pip install '.[serve]'`) or from a
    repository, never `pip install jobdocs` or `jobdocs[serve]`."""
    by_name = re.compile(r"pip\s+install\s+['\"]?jobdocs(?=[\[\s'\"`]|$)|jobdocs\[",
                         re.MULTILINE)
    found = sorted({f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: "
                    f"{m.group()}"
                    for pattern in HINTS for path in ROOT.glob(pattern) if path.is_file()
                    for text in [path.read_text(encoding="utf-8", errors="replace")]
                    for m in by_name.finditer(text)})
    assert found == []
