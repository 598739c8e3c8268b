"""The acknowledgement pages of `jobdocs serve`, in the test client and in Debian's
headless Chromium: who must sign, the copy to print, marking a signature received."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_ack import change_the_roles, make_project, signed, table

from jobdocs.ack import Register
from jobdocs.cli import cli

pytest.importorskip("starlette")
with warnings.catch_warnings():  # newer Starlette prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


def ready(root: Path) -> Path:
    """Six assistants: five signed version 1.0, which then changed; one never signed."""
    (root / "sheet.csv").write_text(table(signed(range(1, 6), "1.0", "2026-01-15")), "utf-8")
    assert CliRunner().invoke(cli, ["ack", "record", "sheet.csv"]).exit_code == 0
    change_the_roles(root)
    return root


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "project", None, staff=6)
    monkeypatch.chdir(root)
    return ready(root)


@pytest.fixture
def client(project: Path) -> Iterator[object]:
    from jobdocs.serve.app import create_app
    from jobdocs.serve.site import Site

    with TestClient(create_app(Site.here()), base_url="http://localhost") as c:
        yield c


def signatures(root: Path) -> list[dict[str, object]]:
    with Register.open(root / "acknowledgements.db") as register:
        return list(register.rows())


def mark_form(html: str, number: str) -> dict[str, str]:
    row = re.search(rf'<tr id="e-{number}-assistant".*?</tr>', html, re.S)
    assert row, number
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', row.group(0)))


def test_marking_a_signature_needs_the_form_of_this_browser_and_the_version_shown(
        client, project):
    page = client.get("/acknowledgements", headers={"accept-language": "en"})
    assert page.status_code == 200
    assert "6 of 6 employees must sign." in page.text
    form = {**mark_form(page.text, "E0001"), "date": "2026-03-01", "method": "paper"}
    forged = {**form, "csrf": "x" * 32}
    assert client.post("/acknowledgements/record", data=forged).status_code == 403
    stale = {**form, "hash": "000000000000"}
    assert client.post("/acknowledgements/record", data=stale).status_code == 409
    future = {**form, "date": (dt.date.today() + dt.timedelta(days=2)).isoformat()}
    assert client.post("/acknowledgements/record", data=future).status_code == 422
    assert len(signatures(project)) == 5  # the five of version 1.0, nothing more
    done = client.post("/acknowledgements/record", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("recorded=E0001")
    new = [s for s in signatures(project) if s["version"] == "1.1"]
    assert [(s["employee_number"], s["source"]) for s in new] == [("E0001", "jobdocs serve")]
    status = client.get("/roles/assistant/acknowledgements", headers={"accept-language": "en"})
    assert "Acknowledged: 1; must sign again: 4; never signed: 1." in status.text
    assert client.get("/roles/no-such-role/acknowledgements").status_code == 404


def test_hr_sees_who_must_sign_prints_a_copy_and_marks_it_received(project, tmp_path):
    import docx
    import test_serve_browser as browser_test  # skips where Chromium is missing, but in CI

    with browser_test.serving(project) as url, browser_test.chromium() as page:
        page.goto(url + "/")
        page.get_by_role("link", name="Ознакомление").click()
        page.wait_for_url(re.compile("/acknowledgements"))
        assert page.locator("h1").inner_text() == "Ознакомление"
        assert "Должны подписать: 6 из 6 сотрудников." in page.locator("main").inner_text()
        first = page.locator("#e-E0001-assistant")
        assert "2.1 изменён, 2.2 добавлен" in first.inner_text()
        assert "впервые на должности" in page.locator("#e-E0006-assistant").inner_text()
        browser_test.shot(page, "ack-1-due")

        # The copy E0001 signs: their job description with their own row in the sheet.
        with page.expect_download() as info:
            first.get_by_role("link", name="DOCX").click()
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        rows = [[c.text for c in row.cells] for t in docx.Document(str(saved)).tables
                for row in t.rows]
        assert ["1", "Сотрудник 0001"] in [r[:2] for r in rows]

        # The signed copy came back: mark it received, electronically.
        first.get_by_label("Способ").select_option("electronic")
        first.get_by_role("button", name="Отметить получение").click()
        page.wait_for_url(re.compile("recorded=E0001"))
        assert "Подпись E0001 записана." in page.locator("main").inner_text()
        assert page.locator("#e-E0001-assistant").count() == 0
        assert "Должны подписать: 5 из 6 сотрудников." in page.locator("main").inner_text()

        # The role's status shows it too.
        page.get_by_role("link", name="assistant", exact=True).first.click()
        page.goto(url + "/roles/assistant/acknowledgements")
        assert "Ознакомлены: 1; должны подписать снова: 4; не подписывали: 1." in \
            page.locator("main").inner_text()
        browser_test.shot(page, "ack-2-role")
    got = [(s["employee_number"], s["version"], s["method"]) for s in signatures(project)
           if s["version"] == "1.1"]
    assert got == [("E0001", "1.1", "electronic")]
