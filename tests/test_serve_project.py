"""`jobdocs serve` reads the project as the command line does: the organizations
jobdocs.yaml declares (by company name), the profiles `import` wrote; and with git,
each save is a commit with the editor's name, a role's history, its approved version."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from serve_project import KAM, ROOT, git, new_project, post_editor  # noqa: E402

from jobdocs.serve.app import create_app  # noqa: E402
from jobdocs.serve.site import Site  # noqa: E402

RU = {"accept-language": "ru"}

project = pytest.fixture(new_project)


def client_of() -> TestClient:
    return TestClient(create_app(Site.here()), base_url="http://localhost")


def offered(html: str) -> dict[str, str]:
    select = html[html.index('<select id="org"'):]
    select = select[:select.index("</select>")]
    return dict(re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', select))


def test_the_organizations_are_those_the_project_declares_by_company_name(project):
    for name in ("northwind", "nordhandel"):
        (project / name).mkdir()
        shutil.copy(ROOT / "examples" / name / "organization.yaml", project / name)
    (project / "jobdocs.yaml").write_text(
        "roles: roles\norganization: romashka/organization.yaml\norganizations:\n"
        "  - northwind/organization.yaml\n  - nordhandel/organization.yaml\n",
        encoding="utf-8")
    (project / "organizations").mkdir()  # a number register: no profile
    (project / "organizations" / "numbers.yaml").write_text("next: 15\n", encoding="utf-8")
    imported = project / "roles" / "organizations"
    imported.mkdir()
    (imported / "key-account-manager.yaml").write_text(
        "format: 1\nname:\n  ru: ООО «Василёк»\n", encoding="utf-8")
    (imported / "register.yaml").write_text("next: 3\n", encoding="utf-8")
    page = client_of().get(f"/roles/{KAM}", headers=RU)
    assert offered(page.text) == {
        "romashka/organization.yaml": "ООО «Ромашка»",
        "northwind/organization.yaml": "Northwind Trading Ltd",
        "nordhandel/organization.yaml": "Nordhandel GmbH",  # no Russian name: its first
        "roles/organizations/key-account-manager.yaml": "ООО «Василёк»"}
    chosen = client_of().get(f"/roles/{KAM}", params={
        "org": "roles/organizations/key-account-manager.yaml", "lang": "ru"}, headers=RU)
    assert "ООО «Василёк»" in chosen.text


def log(project: Path) -> list[str]:
    return git(project, "log", "--format=%an|%s", "--", f"roles/{KAM}.yaml").splitlines()


def test_each_save_is_a_commit_with_the_editors_name_and_the_history_shows_each(project):
    client = client_of()
    first = post_editor(client, KAM, "save", {
        "author": "Мария Иванова", "note": "Назначение приказом директора",
        "text.reporting-line.en": "The {{ title }} reports to the director."})
    assert first.status_code == 303 and "commit=" in first.headers["location"]
    assert client.cookies.get("jobdocs_author")  # remembered for the next save
    client.headers["accept-language"] = "ru"
    second = post_editor(client, KAM, "save", {
        "text.accept-orders.en": "Accepts the orders of every key client in person."})
    assert second.status_code == 303
    assert log(project)[:2] == [
        f"Мария Иванова|{KAM}: изменено в браузере",
        "Мария Иванова|Назначение приказом директора"]
    page = client.get(f"/roles/{KAM}/history", params={"lang": "en"}, headers=RU)
    versions = page.text.split('class="version"')[1:]
    assert len(versions) == 4  # the two saves, and the two commits of the project
    assert "Мария Иванова" in versions[0] and "1 пункт изменён" in versions[0]
    assert "in person" in versions[0].split("</details>")[0]
    assert "Назначение приказом директора" in versions[1] and "<ins>director</ins>" in versions[1]


def test_nothing_is_committed_where_the_project_is_not_a_repository(tmp_path, monkeypatch):
    root = tmp_path / "plain"
    shutil.copytree(ROOT / "roles", root / "roles")
    (root / "jobdocs.yaml").write_text("roles: roles\n", encoding="utf-8")
    monkeypatch.chdir(root)
    client = client_of()
    saved = post_editor(client, KAM, "save", {"author": "Мария Иванова",
                                              "text.appointment.en": "Appointed by order."})
    assert saved.status_code == 303 and "commit" not in saved.headers["location"]
    assert "Appointed by order." in (root / "roles" / f"{KAM}.yaml").read_text(encoding="utf-8")
    assert not (root / ".git").exists()
    assert subprocess.run(["git", "-C", str(root), "rev-parse"], capture_output=True
                          ).returncode != 0
    page = client.get(f"/roles/{KAM}/history", headers=RU)
    assert "не хранится в git" in page.text


def test_changes_since_the_approved_version_with_the_word_redline(project):
    client = client_of()
    page = client.get(f"/roles/{KAM}/history", headers=RU)
    assert "Ни одна версия этой роли ещё не отмечена утверждённой" in page.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    approved = client.post(f"/roles/{KAM}/approve", data={"csrf": csrf},
                           follow_redirects=False)
    assert approved.status_code == 303
    tags = git(project, "tag", "--list").split()
    assert len(tags) == 1 and tags[0].startswith(f"approved/{KAM}/")
    post_editor(client, KAM, "save", {"author": "Олег Петров",
                                      "text.appointment.ru": "Назначается приказом."})
    page = client.get(f"/roles/{KAM}/history", params={"lang": "ru"}, headers=RU)
    since = page.text.split('id="h-approved"')[1].split('id="h-versions"')[0]
    words = re.sub(r"<[^>]+>", "", since)
    assert tags[0] in words and "1 пункт изменён" in words
    assert "<ins>Назначается</ins>" in since
    link = re.search(r'href="(/compare/redline\?[^"]+)"', since).group(1).replace("&amp;", "&")
    redline = client.get(link)
    assert redline.status_code == 200 and redline.content[:2] == b"PK"
    import io

    import docx

    body = docx.Document(io.BytesIO(redline.content)).element.body
    inserted = "".join(t.text or "" for t in body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
        if any(a.tag.endswith("}ins") for a in t.iterancestors()))
    assert "Назначается" in inserted
