"""`jobdocs serve` through Starlette's test client: pages, downloads, safety, editing."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import jobdocs

pytest.importorskip("starlette")
with warnings.catch_warnings():  # newer Starlette prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from serve_project import KAM, editor_fields, make_project, post_editor  # noqa: E402

from jobdocs import load_role, resolve  # noqa: E402
from jobdocs.check import check_paths  # noqa: E402
from jobdocs.config.organization import Organization
from jobdocs.render import render_document  # noqa: E402
from jobdocs.serve.app import create_app  # noqa: E402
from jobdocs.serve.site import Site  # noqa: E402

RU = {"accept-language": "ru-RU,ru;q=0.9,en;q=0.8"}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def client(project: Path) -> TestClient:
    return TestClient(create_app(Site.here()), base_url="http://localhost")


def text_only(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#34;", '"')


# -- the library -------------------------------------------------------------------------


def test_library_lists_every_role_with_its_title_in_the_interface_language(client):
    en = client.get("/")
    assert en.status_code == 200
    assert "Key Account Manager" in en.text and "Senior Account Manager" in en.text
    ru = client.get("/", headers=RU)
    assert "менеджер по работе с ключевыми клиентами" in ru.text
    assert "<th scope=\"col\">Версия</th>" in ru.text
    row = re.search(r"<tr>\s*<td><a href=\"/roles/senior-account-manager\">.*?</tr>", en.text,
                    re.S).group(0)
    assert 'href="/roles/client-manager"' in row  # its parent role
    assert "Russian, English" in row and "valid" in row


def test_library_filter_keeps_only_matching_roles(client):
    page = client.get("/", params={"q": "senior"})
    assert "/roles/senior-account-manager" in page.text
    assert "/roles/client-manager\"" not in page.text.split("<tbody>")[1].split(
        "senior-account-manager")[0]
    assert f"1 of {len(jobdocs.list_roles())} roles" in page.text


def test_interface_language_switch_is_remembered(client):
    switched = client.get("/", params={"ui": "ru"})
    assert "Поиск роли" in switched.text
    later = client.get("/validate")  # no ?ui=: the cookie remembers
    assert 'lang="ru"' in later.text and "<h1>Проверка</h1>" in later.text
    assert "<h1>Validation</h1>" in client.get("/validate", params={"ui": "en"}).text


# -- a role as it prints -----------------------------------------------------------------


def test_role_page_prints_the_numbers_and_text_of_the_document(client, project):
    page = client.get(f"/roles/{KAM}", params={"lang": "ru", "org": ""})
    assert page.status_code == 200
    doc = resolve(load_role(project / "roles" / f"{KAM}.yaml"), "ru")
    text = text_only(page.text)
    for clause in doc.clauses():
        assert f"{clause.number}. {clause.text}" in text.replace("&#39;", "'"), clause.id
    assert doc.frame.approval.title in text and doc.frame.sheet.title in text
    assert "________________" in text  # the blanks of an unnamed organization


def test_role_page_switches_language_and_organization(client):
    en = client.get(f"/roles/{KAM}", params={"lang": "en", "org": "romashka/organization.yaml"})
    assert "1. General Provisions" in en.text
    assert 'lang="en"' in en.text
    assert "Romashka" in en.text or "Ромашка" in en.text


def test_each_clause_says_where_it_comes_from_on_hover(client):
    page = client.get("/roles/senior-account-manager", params={"lang": "en"})
    assert re.search(r'id="c-negotiate-independently" title="Written in this role"', page.text)
    assert re.search(r'id="c-purpose" title="From the role client-manager"', page.text)


def test_downloads_are_the_documents_the_command_line_writes(client, project):
    role = load_role(project / "roles" / f"{KAM}.yaml")
    md = client.get(f"/roles/{KAM}/download", params={"format": "md", "lang": "en", "org": ""})
    assert md.content == render_document(resolve(role, "en"), "md")
    assert 'filename="key-account-manager.en.md"' in md.headers["content-disposition"]
    docx = client.get(f"/roles/{KAM}/download", params={"format": "docx", "lang": "ru"})
    import docx as python_docx

    paragraphs = [p.text for p in python_docx.Document(io.BytesIO(docx.content)).paragraphs]
    assert any("менеджера по работе с ключевыми клиентами" in p for p in paragraphs)


@pytest.mark.parametrize("url", ["/roles/..%2F..%2Fetc%2Fpasswd", "/roles/.hidden",
                                 "/roles/nope", "/roles/..%5Croles%5Ckey-account-manager"])
def test_role_ids_outside_the_library_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_unknown_download_format_is_refused(client):
    assert client.get(f"/roles/{KAM}/download", params={"format": "exe"}).status_code == 400


# -- validation ----------------------------------------------------------------------------


def test_validation_lists_each_finding_with_file_line_and_clause(client, project):
    path = project / "roles" / "junior-account-manager.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{{ title.nominative | upfirst }}",
                                 "{{ titel.nominative | upfirst }}", 1), encoding="utf-8")
    page = client.get("/validate")
    row = re.search(r"<tr[^>]*class=\"error\">.*?</tr>", page.text, re.S).group(0)
    assert "the text uses “titel”, which nothing provides" in row
    line = next(n for n, s in enumerate(path.read_text().splitlines(), 1) if "titel" in s)
    assert f"<code>roles/junior-account-manager.yaml:{line}:" in row
    assert 'href="/roles/junior-account-manager/edit#c-reporting-line"' in row
    library = client.get("/")
    assert re.search(r'junior-account-manager.*?1 error', library.text, re.S)


# -- compare -------------------------------------------------------------------------------


def test_compare_two_roles_shows_word_changes(client):
    page = client.get("/compare", params={"a": "client-manager", "b": KAM, "lang": "en"})
    assert page.status_code == 200
    assert "<ins>" in page.text and "<del>" in page.text
    assert "client-manager → key-account-manager" in page.text


def test_compare_two_revisions_shows_the_reworded_clause_and_offers_the_redline(client):
    page = client.get("/compare", params={"role": KAM, "from": "HEAD~1", "to": "HEAD",
                                          "lang": "en"})
    assert page.status_code == 200
    change = re.search(r'<div class="change changed" id="d-plan-visits">.*?</p>',
                       page.text, re.S)
    assert change, page.text
    assert "<del>weekly</del>" in change.group(0) and "<ins>monthly</ins>" in change.group(0)
    assert "A key account manager plans visits monthly" in page.text  # the history offered
    redline = client.get("/compare/redline", params={"role": KAM, "from": "HEAD~1",
                                                     "to": "HEAD", "lang": "en"})
    assert redline.status_code == 200
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(redline.content))
    xml = document.element.xml
    assert "<w:ins " in xml and "<w:del " in xml and 'w:author="Olga Petrova"' in xml


@pytest.mark.parametrize("rev", ["--output=/tmp/x", "-p", "HEAD..main", "no such rev", "x" * 200])
def test_compare_refuses_what_is_not_a_revision(client, rev):
    page = client.get("/compare", params={"role": KAM, "from": rev})
    assert page.status_code == 400


# -- edit ----------------------------------------------------------------------------------


def outside(text: str, clause: str) -> list[str]:
    """Return the lines of a role file but those of one clause."""
    lines = text.splitlines()
    start = lines.index(f"    - id: {clause}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("    - id: "))
    return lines[:start] + lines[end:]


def edit(client, clause: str, action: str = "save", **texts: str):
    """Change a clause's texts (`ru=...`) and press a button about it (save, up, remove)."""
    changes = {f"text.{clause}.{k}": v for k, v in texts.items()}
    if action == "save":
        return post_editor(client, KAM, "save", changes)
    changed = post_editor(client, KAM, f"{action}:{clause}", changes)  # the form only
    return post_editor(client, KAM, "save", html=changed.text)


def test_saving_a_clause_changes_the_file_keeping_comments_and_validity(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    before = path.read_text(encoding="utf-8")
    saved = edit(client, "appointment", ru="{{ title.nominative | upfirst }} назначается приказом.",
                 en="The {{ title }} is appointed by order.")
    assert saved.status_code == 303
    after = path.read_text(encoding="utf-8")
    assert "назначается приказом." in after and "is appointed by order." in after
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in after.splitlines() for c in comments)
    assert outside(before, "appointment") == outside(after, "appointment")
    assert check_paths([str(path)]).ok
    page = client.get(saved.headers["location"])
    assert "Saved. The role is valid." in page.text


def test_edits_in_two_sections_are_saved_at_once(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    saved = post_editor(client, KAM, "save", {
        "text.appointment.en": "The {{ title }} is appointed by order.",
        "text.accept-orders.en": "Accepts the orders of every key client in person."})
    assert saved.status_code == 303
    doc = resolve(load_role(path), "en", Organization(law="ru"))  # appointment: Russian law
    texts = {c.id: c.text for s in doc.sections for top in s.clauses for c in top.walk()}
    assert texts["appointment"] == "The Key Account Manager is appointed by order."
    assert texts["accept-orders"] == "Accepts the orders of every key client in person."


def test_an_invalid_edit_is_refused_and_the_file_is_untouched(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    before = path.read_bytes()
    refused = post_editor(client, KAM, "save", {
        "text.appointment.ru": "{{ titel }} назначается.", "text.appointment.en": "Appointed.",
        "text.accept-orders.en": "Another change that must not be lost."})
    assert refused.status_code == 422
    clause = refused.text[refused.text.index('id="c-appointment"'):]
    clause = clause[:clause.index("</fieldset>")]
    assert "titel" in clause.split('class="problems at"')[1]  # the finding at its clause
    assert "{{ titel }} назначается." in refused.text  # what was typed is kept
    assert "Another change that must not be lost." in refused.text
    assert path.read_bytes() == before


def test_a_file_changed_on_disk_since_the_page_opened_is_not_overwritten(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    page = client.get(f"/roles/{KAM}/edit")
    path.write_text(path.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
    changed = path.read_bytes()
    refused = post_editor(client, KAM, "save", {"text.appointment.ru": "Мой новый текст.",
                                               "text.appointment.en": "My new text."},
                          html=page.text)
    assert refused.status_code == 409
    assert "changed on disk" in refused.text and "Мой новый текст." in refused.text
    assert path.read_bytes() == changed


def test_a_post_without_the_csrf_value_is_refused(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    before = path.read_bytes()
    fields = editor_fields(client.get(f"/roles/{KAM}/edit").text)
    fields.update(csrf=["x" * 32], op=["save"])
    assert client.post(f"/roles/{KAM}/edit", data=fields).status_code == 403
    assert path.read_bytes() == before


def test_add_move_and_remove_a_clause_without_a_script_saves_only_on_save(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    before = path.read_bytes()
    added = post_editor(client, KAM, "add:duties")
    assert added.status_code == 200 and path.read_bytes() == before  # the form changed only
    fields = editor_fields(added.text)
    [node] = [v for v in fields["node"] if "/new-" in v]
    new = node.split("/")[-1]
    assert node == f"duties//{new}" and fields["node"].index(node) == max(
        i for i, v in enumerate(fields["node"]) if v.startswith("duties/"))
    texts = {"ru": "Рассматривает жалобы клиентов.", "en": "Handles the complaints of clients.",
             "de": "Bearbeitet Kundenbeschwerden.", "sv": "Hanterar kundklagomål."}
    changes = {f"text.{new}.{k}": v for k, v in texts.items()}
    moved = post_editor(client, KAM, f"up:{new}", changes, html=added.text)
    assert moved.status_code == 200 and path.read_bytes() == before
    assert "Рассматривает жалобы клиентов." in moved.text  # typed text survives the move
    saved = post_editor(client, KAM, "save", html=moved.text)
    assert saved.status_code == 303, saved.text
    duties = resolve(load_role(path), "en").sections[1].clauses
    assert duties[-2].id == "handles-complaints-clients"  # as `jobdocs import` names it
    assert duties[-2].text == "Handles the complaints of clients."
    removed = post_editor(client, KAM, "remove:handles-complaints-clients")
    assert post_editor(client, KAM, "save", html=removed.text).status_code == 303
    assert "handles-complaints-clients" not in path.read_text(encoding="utf-8")


def test_a_taken_clause_id_is_refused(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    before = path.read_bytes()
    refused = post_editor(client, KAM, "save", {"id.appointment": "category"})
    assert refused.status_code == 422 and "category" in refused.text
    assert path.read_bytes() == before


def test_shipped_roles_are_read_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no roles folder: only the packaged library
    client = TestClient(create_app(Site.here()), base_url="http://localhost")
    assert client.get(f"/roles/{KAM}").status_code == 200
    assert client.get(f"/roles/{KAM}/edit").status_code == 403


# -- safety --------------------------------------------------------------------------------


def test_a_token_is_required_when_one_is_set(project):
    app = create_app(Site.here(), token="s3cret-token-value", hosts=set())
    client = TestClient(app, base_url="http://192.0.2.10")
    assert client.get("/").status_code == 401
    entered = client.get("/roles/client-manager?token=s3cret-token-value",
                         follow_redirects=False)
    assert entered.status_code == 303 and "token" not in entered.headers["location"]
    assert client.get("/").status_code == 200  # the cookie carries it now
    other = TestClient(app, base_url="http://192.0.2.10")
    assert other.get("/", headers={"authorization": "Bearer s3cret-token-value"}
                     ).status_code == 200
    assert other.get("/?token=wrong").status_code == 401


def test_unknown_host_names_are_refused(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_the_serve_command_refuses_without_the_extra_and_help_stays_light():
    code = ("import sys, jobdocs.cli as c; from click.testing import CliRunner; "
            "r = CliRunner().invoke(c.cli, ['--help']); "
            "print('serve' in r.output, 'starlette' in sys.modules, 'uvicorn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["True", "False", "False"]


# -- catalogs ------------------------------------------------------------------------------


def test_the_interface_template_holds_every_message_of_the_code():
    """locales/serve.pot is what docs/serve.md's extraction makes of the code today: a
    message added to the server or a rule's explanation is in it (and so, by the test
    below, translated)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parent.parent
    with open(root / "babel-serve.cfg", encoding="utf-8") as f:
        methods, options = parse_mapping_cfg(f)
    keywords = {**DEFAULT_KEYWORDS, "say": (2,), "tr": None, "Rule": (2,)}
    found = {m if isinstance(m, str) else m[0] for _, _, m, _, _ in extract_from_dir(
        str(root / "jobdocs"), [(p.removeprefix("jobdocs/"), how) for p, how in methods],
        {p.removeprefix("jobdocs/"): o for p, o in options.items()}, keywords=keywords)}
    with open(root / "locales" / "serve.pot", "rb") as f:
        kept = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert found - kept == set()
    assert kept - found == set()


@pytest.mark.parametrize("lang", ["ru", "en", "de", "sv"])
def test_the_interface_catalogs_translate_every_message(lang):
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parent.parent / "locales"
    with open(root / "serve.pot", "rb") as f:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    with open(root / lang / "LC_MESSAGES" / "serve.po", "rb") as f:
        po = read_po(f, locale=lang)
    have = {m.id if isinstance(m.id, str) else m.id[0]: m for m in po if m.id}
    assert wanted <= set(have)
    untranslated = [k for k, m in have.items()
                    if not (m.string if isinstance(m.string, str) else all(m.string))
                    or m.fuzzy]
    assert untranslated == []


# -- role format 2: numbered sub-clauses --------------------------------------------------


def test_nested_clauses_print_their_numbers_and_can_be_edited_and_added(client, project):
    page = client.get("/roles/purchasing-manager", params={"lang": "ru"})
    assert re.search(r'id="c-know-civil-law"[^>]*>\s*<p><span class="num">1\.6\.1\.1\.</span>',
                     page.text)
    path = project / "roles" / "purchasing-manager.yaml"
    editor = client.get("/roles/purchasing-manager/edit")
    fields = editor_fields(editor.text)
    assert {k.rsplit(".", 1)[1] for k in fields if k.startswith("text.know-civil-law.")} >= {
        "ru", "en"}
    saved = post_editor(client, "purchasing-manager", "save", {
        "text.know-civil-law.en": "civil law, as far as purchasing contracts go;"})
    assert saved.status_code == 303, saved.text
    doc = resolve(load_role(path), "en", Site.here().profile())
    clause = next(c for c in doc.sections[0].clauses if c.id == "must-know")
    assert clause.children[0].children[0].text == "civil law, as far as purchasing contracts go;"
    added = post_editor(client, "purchasing-manager", "sub:know-legislation")
    new = editor_fields(added.text)["node"]
    new = next(v.split("/")[-1] for v in new if v.split("/")[1] == "know-legislation"
               and v.split("/")[-1].startswith("new-"))
    langs = resolve(load_role(path), "en").lang and load_role(path).languages
    saved = post_editor(client, "purchasing-manager", "save",
                        {f"text.{new}.{k}": f"tax law ({k});" for k in langs}
                        | {f"id.{new}": "know-tax-law"}, html=added.text)
    assert saved.status_code == 303, saved.text
    doc = resolve(load_role(path), "en", Site.here().profile())
    clause = next(c for c in doc.sections[0].clauses if c.id == "must-know")
    assert clause.children[0].children[-1].id == "know-tax-law"
    assert clause.children[0].children[-1].number.startswith("1.6.1.")


def test_the_library_agrees_with_validate_in_the_imported_example(monkeypatch):
    example = Path(__file__).resolve().parent.parent / "examples" / "imported"
    monkeypatch.chdir(example)
    site = Site.here()
    own = {e.id: e.errors for e in site.entries() if e.editable}
    assert own and set(own) == {p.stem for p in (example / "roles").glob("*.yaml")}
    report = check_paths(["roles"])  # the project of ./roles, found from it
    assert report.ok and sum(own.values()) == 0


def test_the_serve_command_listens_and_asks_for_the_token_it_is_given(project):
    import socket
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "jobdocs", "serve", "--port", str(port),
                             "--token", "abc123-token"], stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stderr.readline()
        assert f"http://127.0.0.1:{port}/?token=abc123-token" in first
        url = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=5)
            except urllib.error.HTTPError as e:
                assert e.code == 401
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer")
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(url + "?token=abc123-token", timeout=30) as page:
            assert page.status == 200 and b"key-account-manager" in page.read()
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stderr.close()


def test_compare_summarizes_a_move_and_the_renumbering_it_causes(client, project):
    assert edit(client, "check-creditworthiness", action="down").status_code == 303  # a commit
    page = client.get("/compare", params={"role": KAM, "from": "HEAD~1", "lang": "en"})
    moved = re.search(r'<div class="change moved" id="d-(check-creditworthiness|accept-orders)">'
                      r'.*?</p>', page.text, re.S)
    assert moved, page.text
    assert "2.2 → 2.3" in moved.group(0) or "2.3 → 2.2" in moved.group(0)
    assert "moved" in page.text.split('class="summary">')[1].split("</p>")[0]
    assert "as it is now" in page.text
