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


def test_no_page_installs_jobdocs_by_name_from_the_package_index():
    """A package called jobdocs on the index is somebody else's: every command of the
    README and docs/ installs jobdocs from a checkout or from its repository."""
    command = re.compile(r"^\s*(?:\$|- run:)\s+pip install .*")
    by_name = re.compile(r"pip install\s+['\"]?jobdocs(\[|['\"\s]|$)")
    found = [f"{page.name}:{n}: {line.strip()}"
             for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
             for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
             if command.match(line) and by_name.search(line)]
    assert found == []
