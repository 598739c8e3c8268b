"""Every word of `jobdocs serve` in the interface language: findings with the project's
paths, counts as `jobdocs validate` counts, plural forms, language and field names."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")

from serve_project import KAM, git, new_client, new_project  # noqa: E402

from jobdocs.check import check_paths  # noqa: E402

RU = {"accept-language": "ru"}

project = pytest.fixture(new_project)
client = pytest.fixture(new_client)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def break_parent(project: Path) -> None:
    """Give client-manager (the parent of three roles) an unknown name in a clause."""
    path = project / "roles" / "client-manager.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("{{ title }}") > 1
    path.write_text(text.replace("{{ title }}", "{{ titel }}", 1), encoding="utf-8")


def test_findings_are_in_russian_with_project_paths_counted_as_validate_counts(client, project):
    break_parent(project)
    report = check_paths([str(project / "roles")])  # as `jobdocs validate roles` there
    page = client.get("/validate", headers=RU)
    words = text_of(page.text)
    errors = int(re.search(r"(\d+) ошиб", words).group(1))
    assert errors == report.errors  # a parent's error once, not once per child
    assert "в тексте используется «titel», но такого значения нет (может быть, «title»?)" in words
    assert "Текст пункта использует имя, которое ничем не задано." in words  # the rule
    assert "roles/client-manager.yaml:" in words and str(project) not in page.text
    assert "is undefined" not in words


def test_a_finding_is_worded_from_its_rule_and_the_names_it_carries(client, project):
    """The checker's English is never read: a finding with the same rule and names is
    worded the same whatever its message says."""
    from jobdocs.errors import Problem
    from jobdocs.serve.findings import localized
    from jobdocs.serve.site import Site

    site = Site.here(project)
    path = str(project / "roles" / f"{KAM}.yaml")
    args = (("clause", "category"), ("lang", "en"), ("name", "titel"), ("hint", "title"))
    found = localized([Problem(path, 3, 1, "whatever the command line says",
                               "undefined-variable", args=args)], "ru", site, {"category": "1.2"})
    assert [f.message for f in found] == [
        "Пункт 1.2 (английский текст): в тексте используется «titel», но такого значения нет "
        "(может быть, «title»?)"]
    item = localized([Problem(path, 3, 1, "?", "unknown-ref", args=(
        ("clause", "category"), ("lang", "ru"), ("ref", "a-b"), ("item_of", "duties-x")))],
        "de", site)
    assert "duties-x" in item[0].message and "auf seinen Punkt" in item[0].message
    due = localized([Problem(path, 3, 1, "?", "translation-due", "warning", args=(
        ("clause", "category"), ("lang", "en"), ("reference", "ru")))], "sv", site)
    assert "ryska" in due[0].message  # the reference language by its name


def library_rows(html: str) -> dict[str, str]:
    """Return each role id of the library page with the words of its validity cell."""
    rows = re.findall(r"<code>([\w-]+)</code></td>.*?<td>((?:(?!<td>).)*?)</td>\s*</tr>",
                      html, re.S)
    return {rid: text_of(cell).strip() for rid, cell in rows}


def test_the_library_counts_each_roles_own_errors_and_flags_a_broken_parent(client, project):
    break_parent(project)
    report = check_paths([str(project / "roles")])
    parent = sum(p.severity == "error" for p in report.problems
                 if p.path.endswith("client-manager.yaml") and "corporate" not in p.path)
    assert parent >= 1
    rows = library_rows(client.get("/", headers=RU).text)
    assert rows["client-manager"].startswith(f"{parent} ошиб")  # its own, once
    for child in ("junior-account-manager", "senior-account-manager"):
        assert "ошиб" not in rows[child].split("родительской")[0], rows[child]
        assert "у родительской роли есть ошибки" in rows[child]
    assert rows[KAM] == "корректна"  # a role whose parents are fine says so


def test_the_editor_shows_a_refused_saves_findings_in_the_interface_language(client, project):
    from serve_project import post_editor

    for lang, said in (("de", "der Text verwendet „titel“"), ("sv", "texten använder ”titel”")):
        client.cookies.set("jobdocs_ui", lang)
        refused = post_editor(client, KAM, "save", {"text.category.en": "The {{ titel }}."})
        assert refused.status_code == 422
        assert said in text_of(refused.text).replace("&#34;", '"')


@pytest.mark.parametrize(("lang", "words"), [
    ("ru", ["Роли", "Русский, Английский, Немецкий, Шведский"]),
    ("de", ["Rollen", "Russisch, Englisch, Deutsch, Schwedisch"]),
    ("sv", ["Roller", "Ryska, Engelska, Tyska, Svenska"]),
    ("en", ["Roles", "Russian, English, German, Swedish"]),
])
def test_the_library_in_each_interface_language_names_languages(client, lang, words):
    page = text_of(client.get("/", params={"ui": lang}).text)
    assert all(w in page for w in words), page[:2000]


def test_the_interface_switch_names_each_language_in_itself(client):
    page = client.get("/", headers=RU).text
    options = re.findall(r'<option value="(\w+)" lang="\w+"[^>]*>([^<]+)</option>', page)
    assert dict(options) == {"de": "Deutsch", "en": "English", "ru": "Русский",
                             "sv": "Svenska"}


def reword(project: Path, count: int, start: int = 0) -> None:
    """Commit a new English text for `count` duties of the key account manager (from the
    duty at index `start`)."""
    import yaml

    path = project / "roles" / f"{KAM}.yaml"
    text = path.read_text(encoding="utf-8")
    duties = [c for c in yaml.safe_load(text)["sections"]["duties"]  # those the en copy prints
              if "ru" in c.get("law", ["ru"])]
    for clause in duties[start:start + count]:
        old = clause["text"]["en"]
        first = old.split()[0]
        assert text.count(first) >= 1
        text = text.replace(f"en: {first}", f"en: Also {first.lower()}", 1) if (
            f"en: {first}" in text) else text.replace(f"en: >-\n          {first}",
                                                      f"en: >-\n          Also {first}", 1)
    path.write_text(text, encoding="utf-8")
    git(project, "commit", "-qam", f"{count} duties reworded")


@pytest.mark.parametrize(("count", "said"), [
    (1, "1 пункт изменён"), (2, "2 пункта изменено"), (5, "5 пунктов изменено")])
def test_a_russian_summary_says_each_number_with_its_plural(client, project, count, said):
    reword(project, count)
    page = client.get("/compare", params={"role": KAM, "from": "HEAD~1", "to": "HEAD",
                                          "lang": "en"}, headers=RU)
    summary = text_of(page.text.split('class="summary">')[1].split("</p>")[0]).strip()
    assert summary == said


def test_changed_fields_are_named_not_coded(client, project):
    path = project / "roles" / f"{KAM}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("version: ", "version: 9", 1), encoding="utf-8")
    page = client.get("/compare", params={"role": KAM, "from": "HEAD", "lang": "ru"},
                      headers=RU)
    assert "Версия:" in text_of(page.text) and "<code>version</code>" not in page.text
