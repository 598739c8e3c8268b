"""`jobdocs serve` safe by construction: who may change a role, and what a hostile file
in the project does to the server (nothing: one clear answer, never a 500 or a hang)."""

from __future__ import annotations

import faulthandler
import os
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from serve_project import KAM, editor_fields, make_project  # noqa: E402

from jobdocs.cli import cli  # noqa: E402
from jobdocs.roles.yamledit import digest  # noqa: E402
from jobdocs.serve import edit  # noqa: E402
from jobdocs.serve.app import create_app  # noqa: E402
from jobdocs.serve.security import MAX_BODY, SESSION_COOKIE  # noqa: E402
from jobdocs.serve.site import Site  # noqa: E402


@pytest.fixture(autouse=True)
def _no_hang():
    """A request that blocks (a FIFO read on the event loop) fails the test, not CI."""
    faulthandler.dump_traceback_later(60, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def client(project: Path) -> TestClient:
    return TestClient(create_app(Site.here()), base_url="http://localhost")


def edit_form(client: TestClient, clause: str = "appointment") -> dict[str, list[str]]:
    """Return the editor's form with `clause` removed (as the page's script does), to save."""
    fields = editor_fields(client.get(f"/roles/{KAM}/edit").text)
    fields["node"] = [v for v in fields["node"] if not v.endswith(f"/{clause}")]
    fields = {k: v for k, v in fields.items() if f".{clause}" not in k}
    fields["op"] = ["save"]
    return fields


def kam(project: Path) -> Path:
    return project / "roles" / f"{KAM}.yaml"


# -- the token and the host check ------------------------------------------------------


@pytest.mark.parametrize("token", ["", "short-token"])
def test_an_empty_or_short_token_is_refused_off_loopback(runner, token):
    result = runner.invoke(cli, ["serve", "--host", "0.0.0.0", "--token", token])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "at least 16 characters" in errors[0]


def test_without_a_token_the_host_check_stays_whatever_the_hosts_given(project):
    client = TestClient(create_app(Site.here(), token=None, hosts=set()),
                        base_url="http://localhost")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "192.0.2.10:8000"}).status_code == 400


def test_a_wrong_token_in_the_address_is_refused(project):
    client = TestClient(create_app(Site.here(), token="s3cret-token-value-x", hosts=set()),
                        base_url="http://192.0.2.10")
    assert client.get("/?token=wrong-but-long-enough").status_code == 401
    assert client.get("/?token=").status_code == 401


# -- where a change may come from ---------------------------------------------------------


@pytest.mark.parametrize("headers", [
    {"origin": "http://127.0.0.1:9999"},
    {"origin": "http://localhost:1"},
    {"origin": "null"},
    {"sec-fetch-site": "same-site"},
    {"sec-fetch-site": "cross-site", "origin": "http://localhost"},
])
def test_a_change_from_another_origin_is_refused(client, project, headers):
    before = kam(project).read_bytes()
    data = edit_form(client)
    response = client.post(f"/roles/{KAM}/edit", data=data, headers=headers,
                           follow_redirects=False)
    assert response.status_code == 403
    assert kam(project).read_bytes() == before


def test_a_change_from_the_servers_own_page_is_saved(client, project):
    data = edit_form(client)
    response = client.post(f"/roles/{KAM}/edit", data=data, follow_redirects=False,
                           headers={"origin": "http://localhost", "sec-fetch-site": "same-origin"})
    assert response.status_code == 303
    assert "id: appointment\n" not in kam(project).read_text(encoding="utf-8")


def test_a_planted_session_cookie_is_useless_without_the_servers_secret(client, project):
    before = kam(project).read_bytes()
    data = edit_form(client)
    planted = "a" * 32
    for csrf in (planted, data["csrf"][0]):  # the old double submit, or a value seen elsewhere
        client.cookies.set(SESSION_COOKIE, planted)
        response = client.post(f"/roles/{KAM}/edit", data={**data, "csrf": [csrf]})
        assert response.status_code == 403
    assert kam(project).read_bytes() == before


def test_a_csrf_value_of_another_server_is_refused(project):
    one = TestClient(create_app(Site.here()), base_url="http://localhost")
    other = TestClient(create_app(Site.here()), base_url="http://localhost")
    data = edit_form(one)
    other.cookies.update(one.cookies)
    assert other.post(f"/roles/{KAM}/edit", data=data).status_code == 403


def test_a_body_over_the_limit_is_refused(client, project):
    data = {**edit_form(client), "text.category.en": ["x" * (MAX_BODY + 10)]}
    assert client.post(f"/roles/{KAM}/edit", data=data).status_code == 413


# -- a save never loses anything ----------------------------------------------------------


def test_a_change_landing_while_a_save_is_checked_is_not_overwritten(client, project,
                                                                     monkeypatch):
    path = kam(project)
    data = {**edit_form(client), **{f"text.reporting-line.{k}": [v] for k, v in {
        "en": "My new text.", "ru": "Мой новый текст.", "de": "Mein Text.",
        "sv": "Min text."}.items()}}
    real = edit.check_candidate

    def meanwhile(*args, **kwargs):  # another program saves the file during the check
        path.write_text(path.read_text(encoding="utf-8") + "# theirs\n", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(edit, "check_candidate", meanwhile)
    response = client.post(f"/roles/{KAM}/edit", data=data, follow_redirects=False)
    assert response.status_code == 409
    assert "changed on disk" in response.text and "Мой новый текст." in response.text
    assert path.read_text(encoding="utf-8").endswith("# theirs\n")
    assert "My new text." not in path.read_text(encoding="utf-8")


def test_a_text_over_the_limit_is_refused_never_cut(client, project):
    before = kam(project).read_bytes()
    long = "Слово " * 4000  # 24,000 characters
    data = {**edit_form(client), "text.category.ru": [long]}
    response = client.post(f"/roles/{KAM}/edit", data=data)
    assert response.status_code == 422
    assert "at most 20,000 characters" in response.text or "20 000" in response.text
    assert long.strip() in response.text  # kept whole, to shorten it
    assert kam(project).read_bytes() == before


# -- hostile files in the project ---------------------------------------------------------


def test_hostile_files_in_roles_are_clean_answers(client, project):
    roles = project / "roles"
    if hasattr(os, "mkfifo"):
        os.mkfifo(roles / "fifo.yaml")
    (roles / "latin.yaml").write_bytes("id: latin\ntitle: café\n".encode("latin-1"))
    (roles / "folder.yaml").mkdir()
    outside = project.parent / "secret.yaml"
    outside.write_text("password_of_the_director: hunter2\n", encoding="utf-8")
    (roles / "linked.yaml").symlink_to(outside)
    names = ["latin", "folder", "linked"] + (["fifo"] if hasattr(os, "mkfifo") else [])
    for page in ["/", "/validate", *(f"/roles/{n}" for n in names),
                 *(f"/roles/{n}/edit" for n in names),
                 *(f"/roles/{n}/download?format=md" for n in names),
                 f"/compare?old={names[0]}&new={KAM}"]:
        response = client.get(page)
        assert response.status_code < 500, page
        assert "hunter2" not in response.text and "password_of" not in response.text, page
    assert "outside the project folder" in client.get("/validate").text
    assert "not UTF-8" in client.get("/roles/latin/edit").text
    assert client.get("/roles/folder/edit").status_code == 422
    data = edit_form(client)
    assert client.post("/roles/latin/edit", data=data).status_code == 422


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_roles_never_stalls_the_server(client, project):
    os.mkfifo(project / "roles" / "stall.yaml")
    assert client.get("/roles/stall/edit").status_code == 422
    assert client.get("/").status_code == 200


def test_an_alias_bomb_is_not_opened_for_editing(client, project):
    path = project / "roles" / "bomb.yaml"
    path.write_text("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
                    "c: [*b, *b, *b, *b, *b, *b, *b, *b]\nsections: {duties: [*b]}\n",
                    encoding="utf-8")
    response = client.get("/roles/bomb/edit")
    assert response.status_code == 422 and "cannot be edited here" in response.text


def test_the_editor_fingerprint_is_of_the_bytes_on_disk(client, project):
    assert edit_form(client)["base"] == [digest(kam(project).read_bytes())]

