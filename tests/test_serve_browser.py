"""`jobdocs serve` in a real browser: Debian's headless Chromium, driven by Playwright.

A person's whole visit: find a role in the library, read it, switch its
language, download its DOCX, compare two versions, edit and save a clause,
and see an invalid edit refused. Each page is saved as a screenshot in
tests/artifacts/serve/ (git-ignored) for a person to look at.

Skipped only where Chromium is missing and CI is not set; under CI=true it runs.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from serve_project import KAM, make_project

from jobdocs.check import check_paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api") if os.environ.get(
    "CI") != "true" else __import__("playwright.sync_api").sync_api
uvicorn = pytest.importorskip("uvicorn")
pytestmark = pytest.mark.chromium  # slow (tests/clients.py)

SHOTS = Path(__file__).parent / "artifacts" / "serve"
#: Chromium on a machine with no network: no background traffic, no first-run pages.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """Serve the project at `root` (the current folder) on a free loopback port; yield
    its address."""
    from jobdocs.serve.app import create_app
    from jobdocs.serve.site import Site

    port = _free_port()
    config = uvicorn.Config(create_app(Site.here()), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@contextmanager
def chromium(**options: Any) -> Iterator[object]:
    """Yield a page of headless Chromium, in Russian, 1280 px wide, that accepts downloads;
    `options` change the browser context's (a phone's viewport, no JavaScript ...)."""
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(**{"locale": "ru-RU", "accept_downloads": True,
                                         "viewport": {"width": 1280, "height": 900},
                                         **options})
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """Serve a fresh project on a free loopback port; yield its address and folder."""
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    with serving(root) as url:
        yield url, root


@pytest.fixture
def browser() -> Iterator[object]:
    with chromium() as page:
        yield page


def shot(page: object, name: str) -> None:
    """Save a screenshot of the page, after axe-core found no accessibility violation on it."""
    accessible(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)  # type: ignore[attr-defined]


def accessible(page: object) -> None:
    """Fail with axe-core's report when the page has an accessibility violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_person_finds_reads_downloads_compares_and_edits_a_role(server, browser, tmp_path):
    url, root = server
    page = browser
    kam = root / "roles" / f"{KAM}.yaml"

    # The library, in Russian (the browser's language); find the role by its title.
    page.goto(url + "/")
    assert page.locator("h1").inner_text() == "Роли"
    shot(page, "1-library")
    page.get_by_label("Поиск роли").fill("ключевыми")
    page.get_by_role("button", name="Найти").click()
    rows = page.locator("table.library tbody tr")
    assert rows.count() == 2  # the key account manager and the lead one
    page.get_by_role("link", name="менеджер по работе с ключевыми клиентами", exact=True).click()

    # The role as it prints, in Russian, then in English.
    page.wait_for_url(re.compile(rf"/roles/{KAM}"))
    assert "1. Общие положения" in page.locator("article.document").inner_text()
    assert page.locator("#c-category").get_attribute("title") == "Написан в этой роли"
    shot(page, "2-role-ru")
    page.get_by_label("Английский", exact=True).check()
    page.get_by_role("button", name="Показать").click()
    page.wait_for_url(re.compile(r"lang=en"))
    document = page.locator("article.document").inner_text()
    assert "1. General Provisions" in document and "JOB DESCRIPTION" in document.upper()
    assert "2.5. Draw up a monthly schedule of client visits and calls." in document
    shot(page, "3-role-en")

    # Its DOCX, opened again with python-docx.
    with page.expect_download() as info:
        page.get_by_role("link", name="Скачать DOCX").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == f"{KAM}.en.docx"
    import docx

    text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "Draw up a monthly schedule of client visits and calls." in text

    # Compare the role as it was one commit ago with the role now.
    page.get_by_role("link", name="Сравнить версии").click()
    page.get_by_label("Из ревизии").fill("HEAD~1")
    page.get_by_label("В ревизию").fill("HEAD")
    page.get_by_role("button", name="Сравнить ревизии").click()
    change = page.locator("#d-plan-visits")
    assert change.locator("del").inner_text() == "Еженедельно"
    assert change.locator("ins").inner_text() == "Ежемесячно"
    assert "Скачать правку Word" in page.locator("main").inner_text()
    shot(page, "4-compare")

    # Edit two clauses in two sections of one form, the text as it prints with its chips;
    # one save keeps both, the file keeps its comments and is valid.
    page.goto(f"{url}/roles/{KAM}/edit")
    before = kam.read_text(encoding="utf-8")
    appointment = page.locator("#c-appointment").get_by_role("textbox", name="Русский")
    chip = appointment.locator(".chip").first
    assert chip.inner_text().endswith("Менеджер по работе с ключевыми клиентами")
    officer = appointment.locator(".chip").nth(1)  # officers: the profile's, never typed
    assert officer.get_attribute("data-source") == "{{ officers.approver.genitive }}"
    assert officer.inner_text().endswith("генерального директора")
    assert "{{" not in appointment.inner_text()
    appointment.focus()  # a click in its middle would land on a chip
    page.keyboard.press("End")
    page.keyboard.press("Control+End")
    page.keyboard.type(" См. также пункт ")
    page.locator("#c-appointment .lang").first.get_by_role("combobox").select_option(
        "{{ ref('accept-orders') }}")
    page.locator("#c-appointment .lang").first.get_by_role("button", name="Вставить").click()
    duties = page.locator("#c-accept-orders").get_by_role("textbox", name="Английский")
    duties.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" In person.")
    shot(page, "5-edit-two-clauses")
    page.get_by_role("button", name="Сохранить").first.click()
    page.wait_for_url(re.compile(r"saved=1"))
    assert "Сохранено. Роль корректна." in page.locator("main").inner_text()
    shot(page, "6-edit-saved")
    after = kam.read_text(encoding="utf-8")
    data = yaml.safe_load(after)
    assert data["sections"]["general"][2]["id"] == "appointment"
    assert data["sections"]["general"][2]["text"]["ru"].endswith(
        "См. также пункт {{ ref('accept-orders') }}")
    assert data["sections"]["duties"][2]["text"]["en"].endswith("In person.")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and [c for c in after.splitlines() if c.lstrip().startswith("#")] == comments
    assert check_paths([str(kam)]).ok
    page.goto(f"{url}/roles/{KAM}")
    assert "См. также пункт 2.3" in page.locator("#c-appointment").inner_text()

    # An invalid edit is refused at its clause, what was typed is kept, the file untouched.
    page.goto(f"{url}/roles/{KAM}/edit")
    untouched = kam.read_bytes()
    english = page.locator("#c-appointment").get_by_role("textbox", name="Английский")
    english.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" {{ titel }}")
    page.get_by_role("button", name="Сохранить").first.click()
    alert = page.locator("#c-appointment").get_by_role("alert")
    assert "titel" in alert.inner_text()
    english = page.locator("#c-appointment").get_by_role("textbox", name="Английский")
    assert english.locator(".chip").last.get_attribute("data-source") == "{{ titel }}"
    shot(page, "7-edit-refused")
    assert kam.read_bytes() == untouched


def test_new_clauses_are_added_moved_and_removed_in_the_page_and_saved_once(server, browser):
    url, root = server
    page = browser
    kam = root / "roles" / f"{KAM}.yaml"
    rights = yaml.safe_load(kam.read_text(encoding="utf-8"))["sections"]["rights"]
    page.goto(f"{url}/roles/{KAM}/edit?section=rights")
    page.get_by_role("button", name=re.compile("Добавить пункт в раздел")).click()
    new = page.locator(".clause-edit.new")
    for lang, text in (("Русский", "Вносить предложения по работе с ключевыми клиентами."),
                       ("Английский", "Propose improvements to the work with key clients."),
                       ("Немецкий", "Verbesserungen vorschlagen."),
                       ("Шведский", "Föreslå förbättringar.")):
        new.get_by_role("textbox", name=lang).fill(text)
    new.get_by_role("button", name=re.compile("выше")).click()
    first = page.locator("#s-rights .clauses > .clause-edit").first
    first.get_by_role("button", name=re.compile("Удалить")).click()
    shot(page, "8-edit-new-clause")
    page.get_by_role("button", name="Сохранить").first.click()
    page.wait_for_url(re.compile(r"saved=1"))
    after = yaml.safe_load(kam.read_text(encoding="utf-8"))["sections"]["rights"]
    assert [c["id"] for c in after] == [c["id"] for c in rights[1:-1]] + [
        "propose-improvements-work-clients", rights[-1]["id"]]  # named as `import` names it
    assert after[-2]["text"]["en"] == "Propose improvements to the work with key clients."
    assert check_paths([str(kam)]).ok


def test_the_pages_work_from_the_keyboard(server, browser):
    url, _ = server
    page = browser
    page.goto(url + "/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.get_by_label("Поиск роли").focus()
    page.keyboard.type("senior")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=senior"))
    assert page.locator("table.library tbody tr").count() == 1
    page.goto(url + "/validate")
    shot(page, "7-validation")
    assert "Все роли корректны." in page.locator("main").inner_text()


def test_a_russian_summary_counts_one_two_and_five_changes_in_words(server, browser):
    from test_serve_words import reword

    url, root = server
    page = browser
    said = {}
    for count, start in ((1, 0), (2, 1), (5, 3)):
        reword(root, count, start)
        page.goto(f"{url}/compare?role={KAM}")
        page.get_by_label("Из ревизии").fill("HEAD~1")
        page.get_by_label("В ревизию").fill("HEAD")
        page.get_by_role("button", name="Сравнить ревизии").click()
        page.get_by_role("link", name="Английский").click()
        said[count] = page.locator("p.summary").inner_text()
    assert said == {1: "1 пункт изменён", 2: "2 пункта изменено", 5: "5 пунктов изменено"}
    shot(page, "9-compare-five")


@pytest.mark.parametrize(("lang", "heading", "rule"), [
    ("de", "Prüfung", "Der Text eines Punktes verwendet einen Namen"),
    ("sv", "Kontroll", "En punkts text använder ett namn")])
def test_the_interface_speaks_german_and_swedish(server, browser, lang, heading, rule):
    url, root = server
    page = browser
    path = root / "roles" / "client-manager.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{{ title }}", "{{ titel }}", 1),
                    encoding="utf-8")
    page.goto(f"{url}/validate?ui={lang}")
    assert page.locator("h1").inner_text() == heading
    assert rule in page.locator("table.findings").inner_text()
    shot(page, f"10-validation-{lang}")


def test_two_saves_make_two_versions_in_the_history_and_legal_gets_the_redline(
        server, browser, tmp_path):
    url, root = server
    page = browser
    page.goto(f"{url}/roles/{KAM}/history")
    page.get_by_role("button", name="Отметить текущую версию утверждённой").click()
    assert "Отмечено как утверждённая версия" in page.locator("main").inner_text()
    for text, name in (("Назначается приказом директора.", "Мария Иванова"),
                       ("Назначается приказом генерального директора.", "")):
        page.goto(f"{url}/roles/{KAM}/edit?section=general")
        if name:
            page.get_by_label("Ваше имя (для истории изменений)").fill(name)
        else:  # the name given last is remembered
            assert page.get_by_label("Ваше имя (для истории изменений)").input_value() == (
                "Мария Иванова")
        editor = page.locator("#c-appointment").get_by_role("textbox", name="Русский")
        editor.focus()  # a click in its middle would land on a chip
        page.keyboard.press("Control+a")
        page.keyboard.type(text)
        page.get_by_role("button", name="Сохранить").first.click()
        page.wait_for_url(re.compile(r"saved=1"))
        assert "Записано в историю как" in page.locator("main").inner_text()
    page.get_by_role("link", name="История изменений").first.click()
    versions = page.locator("article.version")
    assert versions.count() == 4
    assert "Мария Иванова" in versions.nth(0).inner_text()
    assert "Мария Иванова" in versions.nth(1).inner_text()
    assert "1 пункт изменён" in versions.nth(0).locator("summary").inner_text()
    since = page.locator("section.approved")
    assert "1 пункт изменён" in since.inner_text()
    shot(page, "11-history")
    with page.expect_download() as info:
        since.get_by_role("link", name=re.compile("Скачать правку Word")).click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK" and saved.name.endswith(".redline.docx")


#: A phone's browser: 390 px wide, touch.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}


def test_on_a_phone_no_page_scrolls_sideways_and_the_filter_knows_word_forms(server):
    url, _ = server
    with chromium(**PHONE) as page:
        for n, path in enumerate(["/", f"/roles/{KAM}", f"/roles/{KAM}?lang=en",
                                  f"/roles/{KAM}/edit?section=general", f"/roles/{KAM}/history",
                                  "/validate", f"/compare?role={KAM}&from=HEAD~1&to=HEAD"]):
            page.goto(url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width == page.evaluate("window.innerWidth") == 390, path
            shot(page, f"12-phone-{n}")
        page.goto(url + "/")
        for typed, count in (("менеджеры", 7), ("ключевыми менеджерами", 2), ("kam", 1)):
            page.get_by_label("Поиск роли").fill(typed)
            page.get_by_role("button", name="Найти").click()
            page.wait_for_url(re.compile(r"q="))
            assert page.locator("table.library tbody tr").count() == count, typed


@pytest.mark.libreoffice
def test_a_pdf_download_says_it_is_being_prepared(server, browser, tmp_path):
    url, _ = server
    page = browser
    page.goto(f"{url}/roles/{KAM}")
    status = page.get_by_role("status").filter(has_text="Готовлю PDF")
    assert status.is_hidden()
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("link", name="Скачать PDF").click()
        status.wait_for(state="visible")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == f"{KAM}.ru.pdf" and saved.read_bytes()[:5] == b"%PDF-"
    status.wait_for(state="hidden")


def test_a_new_role_is_created_in_a_short_form_and_rendered(server, browser):
    pytest.importorskip("pymorphy3")
    url, root = server
    page = browser
    page.goto(url + "/")
    page.get_by_role("link", name="Новая роль").click()
    page.get_by_label("Русский").fill("Менеджер по закупкам")
    page.get_by_label("Английский").fill("Buyer")
    page.get_by_role("button", name="Далее").click()
    assert page.get_by_label("Русский: родительный падеж").input_value() == (
        "менеджера по закупкам")
    # The first clauses are written with chips, as in the editor: no template code typed.
    assert page.locator("textarea[name^='clause.']:visible").count() == 0
    for box in page.locator(".new-role .langs > div").all():
        editor = box.locator(".chip-editor")
        lang = editor.get_attribute("lang")
        editor.click()
        page.keyboard.type("Пункт о " if lang == "ru" else "A clause on the ")
        box.locator(".insert select").select_option(
            "{{ title.genitive }}" if lang == "ru" else "{{ title }}")
        box.locator(".insert button").click()
    first = page.locator(".new-role .chip").first
    assert first.inner_text().endswith("менеджера по закупкам")
    page.get_by_label("Идентификатор роли (имя файла)").fill("buyer")
    page.get_by_label("Ваше имя (для истории изменений)").fill("Мария Иванова")
    shot(page, "13-new-role")
    page.get_by_role("button", name="Создать роль").click()
    page.wait_for_url(re.compile(r"/roles/buyer$"))
    assert "Пункт о менеджера по закупкам" in page.locator("article.document").inner_text()
    assert "Пункт о {{ title.genitive }}" in (root / "roles" / "buyer.yaml").read_text(
        encoding="utf-8")
    assert check_paths([str(root / "roles" / "buyer.yaml")]).ok
    shot(page, "14-new-role-rendered")


def test_a_word_document_is_imported_by_upload_reviewed_and_saved(server, browser, tmp_path):
    from jobdocs import load_role, resolve
    from jobdocs.render import render_document

    url, root = server
    docx_file = tmp_path / "должностная инструкция.docx"  # a colleague's Word document
    docx_file.write_bytes(render_document(resolve(load_role("purchasing-manager"), "ru"), "docx"))
    page = browser
    page.goto(url + "/")
    page.get_by_role("link", name="Импортировать документ").click()
    page.get_by_label("Документ", exact=True).set_input_files(str(docx_file))
    page.get_by_role("button", name="Прочитать документ").click()
    summary = page.locator("p.summary").inner_text()
    assert "должностная инструкция.docx" in summary
    role_id = page.locator("input[name='role_id']").input_value()
    assert page.locator(".clause-preview").count() > 10
    shot(page, "15-import-review")
    assert not (root / "roles" / f"{role_id}.yaml").exists()
    page.get_by_role("button", name="Сохранить роль").click()
    page.wait_for_url(re.compile(rf"/roles/{role_id}/edit\?saved=1"))
    assert (root / "roles" / f"{role_id}.yaml").exists()
    shot(page, "16-import-saved")
