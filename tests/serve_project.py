"""A project folder for the `jobdocs serve` tests: the shipped roles, an organization,
and a git history in which the Key Account Manager changed once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from jobdocs.roles.reference import as_yaml, text_hash

ROOT = Path(__file__).resolve().parent.parent
KAM = "key-account-manager"
#: The clause the second commit rewords (in every language, its translations reviewed),
#: and its new English and Russian texts.
REWORDED = "plan-visits"
WORDS = {"Еженедельно": "Ежемесячно", "a weekly schedule": "a monthly schedule",
         "Wöchentliche Planung": "Monatliche Planung", "Varje vecka": "Varje månad"}
NEW_TEXT = "Draw up a monthly schedule of client visits and calls."
NEW_TEXT_RU = "Ежемесячно составляет график посещений и звонков клиентам."


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
    block = re.search(rf"    - id: {REWORDED}\n(?:      .*\n)+", text).group(0)
    new = block
    for old_word, new_word in WORDS.items():
        assert old_word in new
        new = new.replace(old_word, new_word)
    new = re.sub(r"follows: \S+", f"follows: {as_yaml(text_hash(NEW_TEXT_RU))}", new)
    kam.write_text(text.replace(block, new), encoding="utf-8")
    git(root, "commit", "-q", "-am", "A key account manager plans visits monthly")
    return root


class _EditorForm(HTMLParser):
    """The fields of the editor's one form, as a browser without a script submits them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.inside = False
        self.depth = 0
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == "role-form":
            self.inside = True
        if not self.inside:
            return
        if tag == "template":
            self.depth += 1
        if self.depth:
            return
        if tag == "input" and a.get("name") and a.get("type", "text") in ("hidden", "text"):
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self.textarea, self.text = a["name"], ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.depth -= 1
        elif tag == "textarea" and self.textarea is not None and not self.depth:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text += data


def editor_fields(html: str) -> dict[str, list[str]]:
    """Return the fields of the editor page's form (name → values, in page order)."""
    parser = _EditorForm()
    parser.feed(html)
    out: dict[str, list[str]] = {}
    for k, v in parser.fields:
        out.setdefault(k, []).append(v)
    return out


def post_editor(client: Any, role: str, op: str = "save", changes: dict[str, str] | None = None,
                query: str = "", html: str = "") -> Any:
    """Open a role's editor (or take its page `html`), change fields (`text.ID.LANG`,
    `id.ID`), and press a button (`save`, `up:ID`, `add:SECTION`...); return the response."""
    fields = editor_fields(html or client.get(f"/roles/{role}/edit{query}").text)
    for k, v in (changes or {}).items():
        fields[k] = [v]
    fields["op"] = [op]
    return client.post(f"/roles/{role}/edit{query}", data=fields, follow_redirects=False)


def new_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh project folder, the current folder of the test (a test module's fixture:
    `project = pytest.fixture(new_project)`)."""
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def new_client(project: Path) -> Any:
    """Starlette's test client of a server of `project` (`client = pytest.fixture(new_client)`)."""
    with warnings.catch_warnings():  # newer Starlette prefers httpx2 and says so on import
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from jobdocs.serve.app import create_app
    from jobdocs.serve.site import Site

    return TestClient(create_app(Site.here()), base_url="http://localhost")
