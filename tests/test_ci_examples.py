"""The CI and pre-commit examples install a jobdocs that exists: the checkout they run in
(a company's copy of this repository, with its roles), or the requirement a company sets
once; never a package by name from the index, never an address or a tag made up."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

ROOT = Path(__file__).parent.parent
WORKFLOW = ROOT / "examples" / "ci" / "github-actions.yml"
PRE_COMMIT = ROOT / "examples" / "ci" / "pre-commit-config.yaml"
needs_bash = pytest.mark.skipif(os.name == "nt" or not shutil.which("bash"),
                                reason="the workflows' steps are bash")


def yaml_blocks(page: Path) -> list[object]:
    """Return every ```yaml block of a page, parsed."""
    text = page.read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"^```yaml\n(.*?)^```", text,
                                                          re.MULTILINE | re.DOTALL)]


def workflows() -> dict[str, dict]:
    """Return the example workflow and every GitHub Actions workflow the docs show."""
    found = {"examples/ci/github-actions.yml": yaml.safe_load(WORKFLOW.read_text())}
    for page in sorted((ROOT / "docs").glob("*.md")):
        for n, block in enumerate(yaml_blocks(page)):
            if isinstance(block, dict) and "jobs" in block:
                found[f"docs/{page.name}#{n + 1}"] = block
    return found


def as_github_runs(value: object, variables: dict[str, str]) -> str:
    """Return a workflow value as GitHub fills it in: an unset variable is empty."""
    return re.sub(r"\$\{\{\s*vars\.(\w+)\s*\}\}", lambda m: variables.get(m[1], ""),
                  str(value))


def steps(workflow: dict, command: str) -> list[tuple[str, dict[str, str]]]:
    """Return each `run:` of a workflow that starts with `command`, with its env
    (the workflow's, the job's, the step's)."""
    return [(step["run"], {**workflow.get("env", {}), **job.get("env", {}),
                           **step.get("env", {})})
            for job in workflow["jobs"].values() for step in job["steps"]
            if step.get("run", "").startswith(command)]


def pip_arguments(workflow: dict, variables: dict[str, str]) -> list[list[str]]:
    """Return what each install step of a workflow gives pip, run by bash as the runner
    runs it, with the repository variables `variables`."""
    got = []
    for run, env in steps(workflow, "pip install"):
        filled = {name: as_github_runs(value, variables) for name, value in env.items()}
        result = subprocess.run(["bash", "-ec", 'pip() { printf "%s\\n" "$@"; }\n' + run],
                                env={**os.environ, **filled}, capture_output=True, text=True,
                                check=True)
        got.append(result.stdout.splitlines())
    return got


@needs_bash
@pytest.mark.parametrize("name", sorted(workflows()))
def test_a_workflow_installs_its_checkout_or_the_requirement_set_once(name):
    workflow = workflows()[name]
    assert pip_arguments(workflow, {}) != []
    # a company's copy of this repository: jobdocs is the checkout the workflow runs in
    assert all(args == ["install", "."] for args in pip_arguments(workflow, {}))
    # a repository of roles alone: the requirement its JOBDOCS variable holds
    requirement = "jobdocs @ git+https://git.example.com/you/jobdocs@0123abc"
    assert all(args == ["install", requirement]
               for args in pip_arguments(workflow, {"JOBDOCS": requirement}))


def jobdocs_here(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Return a copy of this repository's roles and jobdocs.yaml (a company's copy of
    it), and an environment whose `jobdocs` is this checkout's."""
    checkout, bin_dir = tmp_path / "checkout", tmp_path / "bin"
    shutil.copytree(ROOT / "roles", checkout / "roles")
    shutil.copy(ROOT / "jobdocs.yaml", checkout)
    bin_dir.mkdir()
    (bin_dir / "jobdocs").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m jobdocs "$@"\n')
    (bin_dir / "jobdocs").chmod(0o755)
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PATH": os.pathsep.join([str(bin_dir), os.environ["PATH"]]),
           "PYTHONPATH": os.pathsep.join([str(ROOT), *([path] if path else [])]),
           "JOBDOCS_CACHE": "off", "NO_COLOR": "1"}
    return checkout, env


@needs_bash
def test_the_workflow_checks_the_roles_of_the_checkout_it_runs_in(tmp_path):
    checkout, env = jobdocs_here(tmp_path)
    env |= {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    [(run, _)] = steps(yaml.safe_load(WORKFLOW.read_text()), "jobdocs ")
    result = subprocess.run(["bash", "-ec", run], cwd=checkout, env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    sarif = json.loads((checkout / "jobdocs.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"] == []
    junit = ElementTree.parse(checkout / "jobdocs-junit.xml").getroot()
    files = {case.get("file") for case in junit.iter("testcase")}
    assert {f"roles/{p.name}" for p in (ROOT / "roles").glob("*.yaml")} <= files
    assert junit.get("failures") == "0"


def local_hook() -> dict:
    """Return the hook of the example .pre-commit-config.yaml."""
    [repo] = yaml.safe_load(PRE_COMMIT.read_text())["repos"]
    assert repo["repo"] == "local"  # jobdocs as installed where one commits: no address
    [hook] = repo["hooks"]
    return hook


@needs_bash
def test_the_local_pre_commit_hook_validates_the_roles_and_fails_a_broken_one(tmp_path):
    hook = local_hook()
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    checkout, env = jobdocs_here(tmp_path)
    roles = [p.relative_to(checkout).as_posix() for p in (checkout / "roles").rglob("*")
             if p.is_file()]
    assert [r for r in roles if re.search(hook["files"], r)] == [
        r for r in roles if r.endswith((".yaml", ".yml"))]  # any role file starts it

    def commit() -> subprocess.CompletedProcess[str]:  # as pre-commit runs it: no file names
        return subprocess.run(shlex.split(hook["entry"]), cwd=checkout, env=env,
                              capture_output=True, text=True, timeout=600)

    assert commit().returncode == 0
    kam = checkout / "roles" / "key-account-manager.yaml"
    kam.write_text(kam.read_text(encoding="utf-8").replace("ref('", "ref('no-such-", 1),
                   encoding="utf-8")
    refused = commit()
    assert refused.returncode == 1
    assert "roles/key-account-manager.yaml:" in refused.stdout + refused.stderr


def test_the_docs_show_the_example_hook_and_the_remote_hook_is_the_same():
    [shown] = [block for block in yaml_blocks(ROOT / "docs" / "validation.md")
               if isinstance(block, dict) and "repos" in block]
    assert shown == yaml.safe_load(PRE_COMMIT.read_text())
    (remote,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert remote["language"] == "python"  # pre-commit pip-installs the hook's repository
    assert "additional_dependencies" not in remote
    hook = local_hook()
    assert {k: remote[k] for k in ("id", "entry", "files", "pass_filenames")} == {
        k: hook[k] for k in ("id", "entry", "files", "pass_filenames")}


def test_no_example_names_an_address_or_a_release_that_does_not_exist():
    """There is no public repository and no release tag: an example that names one
    (a placeholder owner, a v0.1.0) installs nothing."""
    made_up = re.compile(r"OWNER|github\.com/[\w.-]+/jobdocs|jobdocs@v\d|rev:\s*v\d|\bv0\.1\.0\b")
    pages = [WORKFLOW, PRE_COMMIT, ROOT / ".pre-commit-hooks.yaml", ROOT / "README.md",
             *sorted((ROOT / "docs").glob("*.md"))]
    found = [f"{path.relative_to(ROOT)}: {m.group()}" for path in pages
             for m in made_up.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


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
