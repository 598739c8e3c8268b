"""New roles and imports in the browser: a role from scratch or extending one, through a
short form; a document uploaded, reviewed at its clauses, then saved."""

from __future__ import annotations

import html as htmllib
import re
import warnings
from pathlib import Path

import pytest
import yaml

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from serve_project import KAM, git, new_project  # noqa: E402

from jobdocs.check import check_paths  # noqa: E402
from jobdocs.serve.app import create_app  # noqa: E402
from jobdocs.serve.site import Site  # noqa: E402

RU = {"accept-language": "ru"}

project = pytest.fixture(new_project)
SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture
def client(project: Path) -> TestClient:
    return TestClient(create_app(Site.here()), base_url="http://localhost", headers=RU)


def fields_of(html: str) -> dict[str, str]:
    """Return the named inputs and textareas of a page's form with their values."""
    out = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    out |= dict(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', html))
    return {k: htmllib.unescape(v) for k, v in out.items()}


def test_a_role_from_scratch_with_its_cases_proposed_and_its_sections(client, project):
    pytest.importorskip("pymorphy3")
    first = client.get("/roles/new")
    csrf = fields_of(first.text)["csrf"]
    step2 = client.post("/roles/new", data={"csrf": csrf, "op": "next", "extends": "",
                                            "title.ru": "Менеджер по закупкам",
                                            "title.en": "Purchasing Manager"})
    proposed = fields_of(step2.text)
    assert proposed["id"] == "purchasing-manager-2"  # purchasing-manager is taken
    assert proposed["form.ru.genitive"] == "менеджера по закупкам"
    assert proposed["form.ru.instrumental"] == "менеджером по закупкам"
    sections = re.findall(r'name="clause\.([a-z-]+)\.ru"', step2.text)
    rules = Site.here().profile().section_rules  # the house style of the project's profile
    assert sections == [k for k in rules.order if k in rules.required] and "duties" in sections
    data = {**proposed, "op": "create", "id": "buyer", "author": "Мария Иванова"}
    for key in sections:
        data[f"clause.{key}.ru"] = f"Первый пункт раздела {key} о {{{{ title.genitive }}}}."
        data[f"clause.{key}.en"] = f"The first clause of {key} about the {{{{ title }}}}."
    created = client.post("/roles/new", data=data, follow_redirects=False)
    assert created.status_code == 303 and created.headers["location"] == "/roles/buyer"
    path = project / "roles" / "buyer.yaml"
    assert check_paths([str(path)]).ok
    role = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert role["title"]["ru"]["dative"] == "менеджеру по закупкам"
    assert role["sections"]["duties"][0]["text"]["en"] == (
        "The first clause of duties about the {{ title }}.")
    shown = client.get("/roles/buyer", params={"lang": "ru"})
    assert "Первый пункт раздела general о менеджера по закупкам." in shown.text
    assert git(project, "log", "-1", "--format=%an|%s") == "Мария Иванова|buyer: новая роль\n"


def test_a_role_extending_another_holds_only_its_title(client, project):
    csrf = fields_of(client.get("/roles/new").text)["csrf"]
    data = {"csrf": csrf, "op": "next", "extends": KAM, "title.en": "Regional Key Account "
            "Manager", "title.de": "Regionaler Key Account Manager"}
    step2 = fields_of(client.post("/roles/new", data=data).text)
    assert step2["id"] == "regional-key-account-manager"
    assert "clause.general.en" not in step2  # the parent's sections
    created = client.post("/roles/new", data={
        **step2, "op": "create", "extends": KAM,
        "form.de.nominative": "der Regionale Key Account Manager",
        "form.de.genitive": "des Regionalen Key Account Managers"}, follow_redirects=False)
    assert created.status_code == 303, created.text
    path = project / "roles" / "regional-key-account-manager.yaml"
    role = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert role["extends"] == KAM and role["languages"] == ["en", "de"]
    assert check_paths([str(path)]).ok


def test_an_invalid_new_role_is_not_written(client, project):
    csrf = fields_of(client.get("/roles/new").text)["csrf"]
    step2 = fields_of(client.post("/roles/new", data={
        "csrf": csrf, "op": "next", "title.en": "Buyer"}).text)
    refused = client.post("/roles/new", data={**step2, "op": "create",
                                              "clause.general.en": "The {{ titel }}."})
    assert refused.status_code == 422 and "titel" in refused.text
    assert not (project / "roles" / "buyer.yaml").exists()


def test_a_text_document_is_imported_by_upload_reviewed_then_saved(client, project):
    page = client.get("/import")
    csrf = fields_of(page.text)["csrf"]
    seed = SEEDS / "002-key-account-manager.ru.txt"
    review = client.post("/import", data={"csrf": csrf, "op": "read", "lang": ""},
                         files={"document": (seed.name, seed.read_bytes(), "text/plain")})
    assert review.status_code == 200
    form = fields_of(review.text)
    role_id = form["role_id"]
    assert role_id not in {p.stem for p in (project / "roles").glob("*.yaml")}
    assert re.search(r'<div class="clause-preview depth-0" id="c-[a-z0-9-]+">', review.text)
    assert not (project / "roles" / f"{role_id}.yaml").exists()  # nothing written yet
    saved = client.post("/import", data={k: form[k] for k in (
        "csrf", "op", "role_id", "name", "text", "profile")} | {"author": "Олег Петров"},
        follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/roles/{role_id}/edit?saved=1"
    written = project / "roles" / f"{role_id}.yaml"
    assert written.read_text(encoding="utf-8") == form["text"].replace("\r\n", "\n")
    assert "Олег Петров" in git(project, "log", "-1", "--format=%an")


def test_the_imports_findings_are_shown_at_the_clause_they_are_about(client, project):
    """A number gap and a joined paragraph are said at the clauses an HR specialist sees,
    the title's at the top: never as a line of the document."""
    document = """ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
менеджера по продажам

1. Общие положения
1.1. Менеджер по продажам относится к категории специалистов.
1.3. Менеджер по продажам назначается на должность приказом директора.
2. Должностные обязанности
2.1. Продаёт товары организации клиентам.
Продолжение без номера, которое относится к пункту о продажах.
2.2. Отчитывается о продажах, указанных в пункте 2.1.
3. Права
3.1. Запрашивать сведения, необходимые для работы.
4. Ответственность
4.1. За ненадлежащее исполнение своих обязанностей.
"""
    csrf = fields_of(client.get("/import").text)["csrf"]
    review = client.post("/import", data={"csrf": csrf, "op": "read", "lang": "ru"},
                         headers={"accept-language": "ru"},
                         files={"document": ("инструкция.txt", document.encode(), "text/plain")})
    assert review.status_code == 200
    previews = [p.split("</section>")[0]
                for p in review.text.split('<div class="clause-preview')[1:]]
    gap = next(p for p in previews if "приказом директора" in p)
    assert "Номер пункта в документе пропущен или повторяется" in gap
    joined = next(p for p in previews if "Продаёт товары" in p)
    assert "Строки объединены в один пункт" in joined
    assert sum("Номер пункта в документе" in p for p in previews) == 1
    top = review.text.split('class="imported"')[0]
    assert "Номер пункта в документе" not in top and "Строки объединены" not in top
    assert "строка 6" not in review.text and "строка 9" not in review.text
    # The preview reads as the document: headings in its language, a reference as its number.
    shown = review.text.split('class="imported"', 1)[1]
    assert '<h2 id="i-general">Общие положения</h2>' in shown
    assert "{{" not in shown.split("<textarea")[0]
    report = next(p for p in previews if "Отчитывается о продажах" in p)
    assert re.search(r'указанных в пункте <span class="chip"[^>]*>.*?2\.1</span>', report)
