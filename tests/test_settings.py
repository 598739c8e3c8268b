"""Settings, once: the same inputs give the same document bytes, the same content hash
and the same findings through every front end (render, build, serve's page and
downloads, diff and serve's compare, validate and the library's check_paths, import),
whichever folder jobdocs runs from."""

from __future__ import annotations

import json
import re
import shutil
import warnings
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest

from jobdocs.check import check_paths
from jobdocs.cli import cli
from jobdocs.render.docx.page import default_reference
from jobdocs.roles.reference import as_yaml, text_hash
from jobdocs.settings import load_settings

pytest.importorskip("starlette")
with warnings.catch_warnings():  # newer Starlette prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from jobdocs.serve.app import create_app  # noqa: E402
from jobdocs.serve.site import Site  # noqa: E402

#: What the company's catalog says instead of «УТВЕРЖДАЮ».
APPROVED = "УТВЕРЖДЕНО ДИРЕКТОРОМ"
HEAD = "Romashka letterhead"
#: The key account manager as it ships: the company's roles are lint-clean.
SHIPPED = Path(__file__).parent.parent / "roles" / "key-account-manager.yaml"


@pytest.fixture
def company(tmp_path: Path) -> Path:
    """A company's project: a profile naming its own letterhead (relative to the
    profile), a wording folder, a house style; three roles, one of them incomplete."""
    root = tmp_path / "company"
    (root / "roles").mkdir(parents=True)
    shutil.copy(SHIPPED, root / "roles")
    text = SHIPPED.read_text(encoding="utf-8")
    (root / "roles" / "kam-next.yaml").write_text(next_version(text), encoding="utf-8")
    (root / "roles" / "kam-short.yaml").write_text(  # no evaluation section
        text[:text.index("\n  evaluation:")].replace("id: key-account-manager\n",
                                                    "id: kam-short\n", 1) + "\n",
        encoding="utf-8")
    (root / "org").mkdir()
    reference = docx.Document(str(default_reference()))
    reference.sections[0].header.paragraphs[0].add_run(HEAD)
    reference.save(str(root / "org" / "letterhead.docx"))
    (root / "org" / "profile.yaml").write_text(
        "name: {ru: ООО «Ромашка», en: Romashka LLC}\ndate: 2026-11-22\n"
        "reference_doc: letterhead.docx\nhouse_style: {font: {size: 13}}\n",
        encoding="utf-8")
    po = root / "wording" / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  f'msgid "APPROVED"\nmsgstr "{APPROVED}"\n', encoding="utf-8")
    (root / "jobdocs.yaml").write_text(
        "format: 1\nroles: roles\norganization: org/profile.yaml\nwording: wording\n"
        "formats: [md, docx]\noutput: documents\n"
        "house_style: {page: {left_mm: 25}}\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    return root


def next_version(text: str) -> str:
    """Return the shipped key account manager as kam-next: visits planned monthly, in
    every language, its translations reviewed (follows: the new Russian text)."""
    block = re.search(r"    - id: plan-visits\n(?:      .*\n)+", text).group(0)
    new = block
    for old, word in {"Еженедельно": "Ежемесячно", "weekly": "monthly",
                      "Wöchentliche": "Monatliche", "Varje vecka": "Varje månad"}.items():
        new = new.replace(old, word)
    ru = re.search(r"ru: (.*)", new).group(1)
    new = re.sub(r"follows: \S+", f"follows: {as_yaml(text_hash(ru))}", new)
    return text.replace(block, new).replace("id: key-account-manager\n", "id: kam-next\n", 1)


def folders(company: Path) -> dict[str, Path]:
    """The folders a person runs jobdocs from: the project, one inside it, one outside."""
    return {"project": company, "inside": company / "roles",
            "outside": company.parent / "elsewhere"}


def header_text(data: bytes) -> str:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))


def content_hash(markdown: bytes) -> str:
    found = re.search(r"содержимое ([0-9a-f]{12})", markdown.decode())
    assert found, markdown[:200]
    return found.group(1)


def rendered(runner, monkeypatch, company: Path) -> dict[str, dict[str, bytes]]:
    """Render the key account manager in Russian from every folder."""
    out: dict[str, dict[str, bytes]] = {}
    for name, here in folders(company).items():
        monkeypatch.chdir(here)
        target = company.parent / f"out-{name}"
        ref = "key-account-manager" if name == "project" else str(
            company / "roles" / "key-account-manager.yaml")
        result = runner.invoke(cli, ["render", ref, "-l", "ru", "-o", str(target)])
        assert result.exit_code == 0, result.output
        out[name] = {fmt: (target / f"key-account-manager.ru.{fmt}").read_bytes()
                     for fmt in ("md", "docx")}
    return out


def test_render_gives_the_same_bytes_from_every_folder(runner, monkeypatch, company):
    out = rendered(runner, monkeypatch, company)
    assert out["inside"] == out["project"] and out["outside"] == out["project"]
    md, docx_bytes = out["project"]["md"].decode(), out["project"]["docx"]
    assert f"**{APPROVED}**" in md and "ООО «Ромашка»" in md  # the wording, the profile
    assert HEAD in header_text(docx_bytes)  # the profile's letterhead, found from it


def test_build_writes_what_render_writes(runner, monkeypatch, company):
    out = rendered(runner, monkeypatch, company)["project"]
    for here in (company, company / "roles"):
        monkeypatch.chdir(here)
        result = runner.invoke(cli, ["build", "-j", "1", "--force", "-q"])
        assert result.exit_code == 0, result.output
        for fmt in ("md", "docx"):
            built = (company / "documents" / f"key-account-manager.ru.{fmt}").read_bytes()
            assert built == out[fmt], (here, fmt)


def test_serve_shows_and_downloads_what_render_writes(runner, monkeypatch, company):
    out = rendered(runner, monkeypatch, company)["project"]
    for here in (company, company / "roles"):
        client = TestClient(create_app(Site.here(here)), base_url="http://localhost")
        page = client.get("/roles/key-account-manager", params={"lang": "ru"})
        assert page.status_code == 200
        assert APPROVED in page.text and content_hash(out["md"]) in page.text
        for fmt in ("md", "docx"):
            got = client.get("/roles/key-account-manager/download",
                             params={"lang": "ru", "format": fmt})
            assert got.status_code == 200 and got.content == out[fmt], (here, fmt)


def test_diff_and_compare_give_the_same_redline_from_every_folder(runner, monkeypatch,
                                                                  company):
    redlines = []
    for here in folders(company).values():
        monkeypatch.chdir(here)
        target = company.parent / f"red-{len(redlines)}.docx"
        result = runner.invoke(cli, ["diff", str(company / "roles" / "key-account-manager.yaml"),
                                     str(company / "roles" / "kam-next.yaml"), "-f", "docx",
                                     "-l", "ru", "-o", str(target)])
        assert result.exit_code == 1, result.output
        redlines.append(target.read_bytes())
    client = TestClient(create_app(Site.here(company)), base_url="http://localhost")
    served = client.get("/compare/redline", params={"a": "key-account-manager",
                                                    "b": "kam-next", "lang": "ru"})
    assert served.status_code == 200
    assert redlines == [served.content] * 3
    assert HEAD in header_text(served.content)


def findings(report: dict) -> list[tuple]:
    """Return a JSON report's findings with each file made absolute (reports print paths
    from the folder jobdocs runs in)."""
    return sorted((str(Path(p["path"]).resolve()), p["line"], p["column"], p["rule"],
                   p["severity"], p["message"]) for p in report["problems"])


def test_validate_finds_the_same_from_every_folder_and_from_python(runner, monkeypatch,
                                                                   company):
    found = []
    for name, here in folders(company).items():
        monkeypatch.chdir(here)
        args = [] if name == "project" else [str(company / "roles"), str(company / "jobdocs.yaml")]
        result = runner.invoke(cli, ["validate", "--strict", "-f", "json", *args])
        assert result.exit_code == 1, result.output
        found.append(findings(json.loads(result.stdout)))
    assert found[0] == found[1] == found[2]
    assert [(Path(f[0]).name, f[3]) for f in found[0]] == [("kam-short.yaml", "missing-section")]
    monkeypatch.chdir(company.parent / "elsewhere")
    library = check_paths([company / "roles", company / "jobdocs.yaml"], strict=True)
    assert sorted((str(Path(p.path).resolve()), p.line, p.column, p.rule, p.severity, p.message)
                  for p in library.problems) == found[0]


def test_import_checks_with_the_settings_validate_uses(runner, monkeypatch, company):
    source = company.parent / "kam.ru.md"
    source.write_bytes(rendered(runner, monkeypatch, company)["project"]["md"])
    reports = []
    for n, here in enumerate(folders(company).values()):
        monkeypatch.chdir(here)
        target = company / f"imported-{n}"
        result = runner.invoke(cli, ["import", str(source), "-o", str(target)])
        reports.append(result.output.replace(str(target.relative_to(company)), "TARGET")
                       .replace(f"imported-{n}", "TARGET").splitlines()[1:])
        assert result.exit_code in (0, 1), result.output
    assert reports[0] == reports[1] == reports[2]


def test_the_content_hash_is_the_same_wherever_the_profile_lies(runner, monkeypatch, company):
    out = rendered(runner, monkeypatch, company)
    assert len({content_hash(o["md"]) for o in out.values()}) == 1
    settings = load_settings([company / "roles"])
    assert settings.org.reference_doc  # the profile names its letterhead...
    assert settings.letterhead == company / "org" / "letterhead.docx"  # ...found from it
