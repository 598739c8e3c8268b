"""A project folder for the `jobdocs serve` tests: the shipped roles, an organization,
and a git history in which the Key Account Manager changed once."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KAM = "key-account-manager"
#: The clause the second commit rewords, and its new English text.
REWORDED = "category"
NEW_TEXT = "The {{ title }} belongs to the category of managers."
NEW_TEXT_RU = "относится к категории руководителей."


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Olga Petrova", "GIT_AUTHOR_EMAIL": "o@example.org",
           "GIT_COMMITTER_NAME": "Olga Petrova", "GIT_COMMITTER_EMAIL": "o@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root)}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True).stdout


def make_project(root: Path) -> Path:
    """Write the project into `root` and return it."""
    shutil.copytree(ROOT / "roles", root / "roles")
    (root / "romashka").mkdir()
    shutil.copy(ROOT / "examples" / "romashka" / "organization.yaml", root / "romashka")
    (root / "jobdocs.yaml").write_text("roles: roles\norganization: romashka/organization.yaml\n",
                                       encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "The roles as shipped")
    kam = root / "roles" / f"{KAM}.yaml"
    text = kam.read_text(encoding="utf-8")
    old = '"The {{ title }} belongs to the category of specialists."'
    old_ru = 'относится к категории специалистов."'
    assert old in text and old_ru in text
    text = text.replace(old, f'"{NEW_TEXT}"').replace(old_ru, f'{NEW_TEXT_RU}"')
    kam.write_text(text, encoding="utf-8")
    git(root, "commit", "-q", "-am", "A key account manager is a manager")
    return root
