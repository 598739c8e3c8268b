"""Every shipped DOCX read by other programs: pandoc and python-docx find every section
heading as a heading, and every clause, in order, as a paragraph of the body."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from jobdocs import list_roles, load_role, render_document, resolve
from jobdocs.config.profile import load_organization
from jobdocs.render.docx.text import plain

ROOT = Path(__file__).parent.parent
HAVE_PANDOC = bool(shutil.which("pandoc"))
needs_pandoc = pytest.mark.skipif(not HAVE_PANDOC and not os.environ.get("CI"),
                                  reason="pandoc is not installed; .ci/run installs it")
ROMASHKA = ROOT / "examples" / "romashka" / "organization.yaml"
SHIPPED = [(entry.id, lang, org) for entry in list_roles() for lang in entry.languages
           for org in (None, ROMASHKA)
           if org is None or lang in ("ru", "en")]
EXAMPLES = ROOT / "examples"
# Every frame: the British, German and Swedish companies' documents of the shipped role, and
# the American and the German company's own roles.
SHIPPED += [("key-account-manager", "en", EXAMPLES / "northwind" / "organization.yaml"),
            ("key-account-manager", "de", EXAMPLES / "nordhandel" / "organization.yaml"),
            ("key-account-manager", "sv", EXAMPLES / "nordhandel" / "organization.yaml"),
            (str(EXAMPLES / "brightline" / "roles" / "customer-success-manager.yaml"), "en",
             EXAMPLES / "brightline" / "organization.yaml"),
            (str(EXAMPLES / "elbtal" / "roles" / "vertriebsinnendienst.yaml"), "de",
             EXAMPLES / "elbtal" / "organization.yaml")]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Render every shipped role in every language, blank and for an organization."""
    tmp = tmp_path_factory.mktemp("readers")
    out = {}
    for role, lang, org in SHIPPED:
        doc = resolve(load_role(role), lang, load_organization(org) if org else None)
        path = tmp / f"{ids((role, lang, org))}.docx"
        path.write_bytes(render_document(doc, "docx"))
        out[(role, lang, org)] = (doc, path)
    return out


def expected(doc) -> tuple[list[str], list[str]]:
    """Return the headings (the sections', numbered or not, then the statements') and the
    clause texts (every level) a reader must find."""
    headings = [squeeze(plain(doc.frame.section_heading(s))) for s in doc.sections]
    headings += [squeeze(plain(s.heading)) for s in doc.frame.statements if s.heading]
    clauses = [squeeze(plain(c.text)) for c in doc.all_clauses()]
    return headings, clauses


def in_order(found: list[str], wanted: list[str]) -> bool:
    """Whether every wanted text ends one of `found`, in order."""
    position = 0
    for text in wanted:
        while position < len(found) and not found[position].endswith(text):
            position += 1
        if position == len(found):
            return False
        position += 1
    return True


def ids(case) -> str:
    role, lang, org = case
    return f"{Path(role).stem}-{lang}-{Path(org).parent.name if org else 'blank'}"


@pytest.mark.parametrize("case", SHIPPED, ids=ids)
def test_python_docx_finds_every_heading_and_clause_in_the_body(rendered, case):
    doc, path = rendered[case]
    d = docx.Document(str(path))
    paragraphs = d.paragraphs  # the body's own paragraphs, no table cells
    headings, clauses = expected(doc)
    assert [squeeze(p.text) for p in paragraphs if p.style.name == "Heading 1"] == headings
    body = [squeeze(p.text) for p in paragraphs]
    assert in_order(body, clauses)
    assert all(p.style.element.xpath(".//w:outlineLvl/@w:val") == ["0"] for p in paragraphs
               if p.style.name == "Heading 1")  # Word's navigation pane lists them


def _blocks(node) -> list:
    """Return pandoc's top-level blocks (from its JSON) with their plain text."""
    def text(inlines) -> str:
        out = []
        for item in inlines:
            kind = item["t"]
            if kind == "Str":
                out.append(item["c"])
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif kind in ("Emph", "Strong", "Span", "Underline", "SmallCaps"):
                out.append(text(item["c"] if kind != "Span" else item["c"][1]))
        return "".join(out)

    blocks = []
    for block in node["blocks"]:
        if block["t"] == "Header":
            blocks.append(("header", block["c"][0], squeeze(text(block["c"][2]))))
        elif block["t"] in ("Para", "Plain"):
            blocks.append(("para", 0, squeeze(text(block["c"]))))
        elif block["t"] in ("BulletList", "OrderedList"):
            items = block["c"] if block["t"] == "BulletList" else block["c"][1]
            for item in items:
                for sub in _blocks({"blocks": item}):
                    blocks.append(sub)
        else:
            blocks.append((block["t"].lower(), 0, ""))
    return blocks


@needs_pandoc
@pytest.mark.parametrize("case", SHIPPED, ids=ids)
def test_pandoc_finds_every_section_heading_and_clause(rendered, case):
    doc, path = rendered[case]
    read = subprocess.run(["pandoc", "-f", "docx", "-t", "json", str(path)],
                          capture_output=True, text=True, check=True).stdout
    blocks = _blocks(json.loads(read))
    headings, clauses = expected(doc)
    assert [text for kind, _, text in blocks if kind == "header"] == headings
    paragraphs = [text for kind, _, text in blocks if kind == "para"]
    assert in_order(paragraphs, clauses)


@needs_pandoc
def test_pandoc_lists_all_seven_sections_of_the_russian_key_account_manager():
    path = ROOT / "examples" / "romashka" / "out" / "key-account-manager.ru.docx"
    outline = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", str(path)],
                             capture_output=True, text=True, check=True).stdout
    found = re.findall(r"^# (.+)$", outline, flags=re.M)
    assert found == ["1. Общие положения", "2. Должностные обязанности", "3. Права",
                     "4. Ответственность", "5. Критерии оценки работы",
                     "6. Взаимоотношения (связи по должности)", "7. Заключительные положения"]
