"""Real-client tests: LibreOffice opens every shipped role's DOCX and prints what Markdown says.

Each document is converted once for the module (one LibreOffice run for all
of them); its text comes from poppler's pdftotext, page by page.
"""

from __future__ import annotations

import re
import subprocess
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from clients import HAVE_LIBREOFFICE
from test_docx import ROMASHKA, SHIPPED, markdown_body

from jobdocs import load_role, render_document, resolve
from jobdocs.cli import cli
from jobdocs.render import pdf

HAVE_CLIENT = HAVE_LIBREOFFICE
# Skipped without LibreOffice, failed under CI without it; slow (tests/clients.py).
needs_libreoffice = pytest.mark.libreoffice
CASES = [(role, lang, None) for role, lang in SHIPPED] + [
    ("key-account-manager", "ru", "romashka"), ("key-account-manager", "en", "romashka")]
ORGS = {None: None, "romashka": ROMASHKA}


def squeeze(text: str) -> str:
    """Return text without whitespace and hyphens: PDF text breaks lines, drops narrow
    spaces and hyphenates words at line ends."""
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text))


def pages(path: Path) -> list[str]:
    """Return the text of each page, in content order (a clause's number stays with its text)."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def runs() -> list[tuple[list[Path], float, float]]:
    """The LibreOffice runs `printed` started: (their documents, start, end)."""
    return []


@pytest.fixture(scope="module")
def printed(tmp_path_factory, runs) -> dict[tuple[str, str, str | None],
                                            tuple[Any, list[str], Path]]:
    """Convert every case's DOCX to PDF, in two LibreOffice runs at once (as a build on two
    cores does); return (document, pages, PDF)."""
    tmp = tmp_path_factory.mktemp("pdf")
    docs, sources = {}, []
    for role, lang, org in CASES:
        doc = resolve(load_role(role), lang, ORGS[org])
        source = tmp / f"{role}.{lang}.{org or 'blank'}.docx"
        source.write_bytes(render_document(doc, "docx"))
        docs[(role, lang, org)] = doc
        sources.append(source)
    run = pdf._run

    def seen(program, share, out_dir, timeout=None):
        began = time.monotonic()
        said = run(program, share, out_dir, timeout)
        runs.append((list(share), began, time.monotonic()))
        return said

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "_run", seen)
        pdfs = pdf.convert(sources, tmp / "out", jobs=2)
    return {case: (docs[case], pages(path), path)
            for case, path in zip(CASES, pdfs, strict=True)}


def test_documents_are_shared_out_among_runs_of_at_least_eight():
    docs = [Path(f"{n}.docx") for n in range(20)]
    assert pdf.runs(docs, 2) == [docs[0::2], docs[1::2]]
    assert pdf.runs(docs, 4) == [docs[n::2] for n in range(2)]  # 20 // 8: two runs
    assert pdf.runs(docs, 1) == [docs]
    assert pdf.runs(docs[:15], 2) == [docs[:15]]  # too few for two
    assert pdf.runs(docs * 2, 8) == [(docs * 2)[n::5] for n in range(5)]


@needs_libreoffice
def test_two_cores_print_in_two_runs_at_once(printed, runs):
    assert len(runs) >= 2  # and any printed again (render/keep.py) after their first
    (one, began_one, ended_one), (two, began_two, ended_two) = sorted(
        runs, key=lambda r: r[1])[:2]
    assert len(one) == len(two) == len(CASES) // 2
    assert {p.name for p in one} | {p.name for p in two} == {
        f"{role}.{lang}.{org or 'blank'}.docx" for role, lang, org in CASES}
    assert began_one < ended_two and began_two < ended_one  # at once


# What a reader of each language expects to see in the frame, written out by hand.
FRAME = {
    "ru": {"trace": "Роль {}, версия {}, содержимое {}", "approved": "УТВЕРЖДАЮ",
           "kind": "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "first": "1. Общие положения",
           "head": "Руководитель структурного подразделения", "agreed": "СОГЛАСОВАНО",
           "read": "С должностной инструкцией ознакомлен(а), один экземпляр получил(а):",
           "sheet": ["ЛИСТ ОЗНАКОМЛЕНИЯ", "с должностной инструкцией {}", "№ п/п", "Ф.И.О.",
                     "Должность", "Дата ознакомления", "Подпись"]},
    "en": {"trace": "Role {}, version {}, content {}", "approved": "APPROVED",
           "kind": "JOB DESCRIPTION", "first": "1. General Provisions",
           "head": "Head of the structural unit", "agreed": "AGREED",
           "read": "I have read this job description and received one copy:",
           "sheet": ["ACKNOWLEDGEMENT SHEET", "for the job description of the {}", "No.",
                     "Full name", "Position", "Date of acknowledgement", "Signature"]},
    "de": {"trace": "Rolle {}, Version {}, Inhalt {}", "approved": "Genehmigt",
           "kind": "STELLENBESCHREIBUNG", "first": "1. Allgemeine Bestimmungen",
           "head": "Leitung der Organisationseinheit", "agreed": "Geprüft",
           "read": "Zur Kenntnis genommen, ein Exemplar erhalten:",
           "sheet": ["BESTÄTIGUNG DER KENNTNISNAHME", "zur Stellenbeschreibung {}", "Nr.",
                     "Name, Vorname", "Funktion", "Datum der Kenntnisnahme", "Unterschrift"]},
    "sv": {"trace": "Roll {}, version {}, innehåll {}", "approved": "Fastställd av",
           "kind": "ARBETSBESKRIVNING", "first": "1. Allmänna bestämmelser",
           "head": "Chef för enheten", "agreed": "Granskad av",
           "read": "Jag har tagit del av arbetsbeskrivningen och fått ett exemplar:",
           "sheet": ["KVITTENS", "avseende arbetsbeskrivningen för {}", "Nr",
                     "Namnförtydligande", "Befattning", "Datum", "Namnteckning"]},
}


def trace(doc) -> str:
    """Return the footer line that matches a page to its inputs."""
    return FRAME[doc.lang]["trace"].format(doc.role_id, doc.role_version, doc.content_hash)


def without_page_furniture(text: list[str], footer: str) -> list[str]:
    """Return the pages without their page number and footer, so that a clause that runs
    over a page break reads as one."""
    bodies = []
    for number, page in enumerate(text, start=1):
        lines = [line for line in page.splitlines() if line.strip() != footer]
        if number > 1 and lines and lines[0].strip() == str(number):
            lines = lines[1:]
        bodies.append("\n".join(lines))
    return bodies


def in_order(text: str, parts: list[str]) -> list[str]:
    """Return the parts not found in `text` after the previous one (empty: all in order)."""
    at, missing = 0, []
    flat = squeeze(text)
    for part in parts:
        found = flat.find(squeeze(part), at)
        if found < 0:
            missing.append(part)
        else:
            at = found + len(squeeze(part))
    return missing


@needs_libreoffice
@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(filter(None, c)))
def test_pdf_text_matches_the_markdown_clause_for_clause(printed, case):
    doc, text, _ = printed[case]
    role, lang, org = case
    md = markdown_body(role, lang, ORGS[org])
    body = "\n".join(without_page_furniture(text, trace(doc)))
    expected = []
    for section in doc.sections:
        expected.append(md["headings"][section.number - 1])
        for clause in section.clauses:
            expected.append(f"{clause.number}. {clause.text}")
            expected += [item.text for item in clause.children]
    assert expected[:1] and len(expected) > 40
    assert [c for c in md["clauses"] if c not in expected] == []
    assert in_order(body, expected) == []


@needs_libreoffice
@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(filter(None, c)))
def test_page_one_holds_the_approval_block_and_the_heading(printed, case):
    doc, text, _ = printed[case]
    frame = FRAME[doc.lang]
    words = [frame["approved"], frame["kind"], doc.title.genitive, frame["first"]]
    assert in_order(text[0], words) == []
    assert squeeze(text[0]).startswith(squeeze(words[0]))


@needs_libreoffice
@pytest.mark.parametrize("org", [None, "romashka"])
def test_approval_block_stands_top_right(printed, org):
    path = printed[("key-account-manager", "ru", org)][2]
    boxes = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    word = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>УТВЕРЖДАЮ</word>', boxes)
    title = re.search(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>ДОЛЖНОСТНАЯ</word>', boxes)
    assert word and title
    assert float(word.group(1)) > width / 2  # right-hand block
    assert float(word.group(2)) < float(title.group(1))  # above the heading


@needs_libreoffice
def test_the_pdf_says_on_which_page_each_keeping_paragraph_ended(printed):
    """LibreOffice turns the marks of the printed copy into named destinations, so a chain
    left at the foot of a page is found without reading the pages (render/keep.py)."""
    from jobdocs.render import keep

    doc, text, path = printed[("key-account-manager", "ru", "romashka")]
    marks = keep.marks_printed(path)
    ends = {name for name in marks if name.startswith("jdkeepe")}
    assert len(ends) > len(doc.sections)  # every heading, every lead-in, the last clause
    assert {f"jdkeeps{int(name[7:]) + 1}" for name in ends} <= set(marks)
    assert set(marks.values()) <= set(range(len(text))) and max(marks.values()) > 0


@needs_libreoffice
@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(filter(None, c)))
def test_pages_are_numbered_from_page_two_and_traced(printed, case):
    doc, text, _ = printed[case]
    assert len(text) >= 3
    first_lines = [page.strip().splitlines()[0] for page in text]
    assert first_lines[0] != "1"
    assert first_lines[1:] == [str(n) for n in range(2, len(text) + 1)]
    assert all(squeeze(trace(doc)) in squeeze(page) for page in text)


@needs_libreoffice
@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(filter(None, c)))
def test_signatures_then_the_acknowledgement_sheet_on_the_last_page(printed, case):
    doc, text, _ = printed[case]
    frame = FRAME[doc.lang]
    signatures = [doc.author.position or frame["head"]]
    for person in doc.agreements:
        signatures += [frame["agreed"], person.position, person.name]
    signatures.append(frame["read"])
    sheet = [frame["sheet"][0], frame["sheet"][1].format(doc.title.genitive), *frame["sheet"][2:]]
    rows = [str(n) for n in range(1, doc.acknowledgement_rows + 1)]
    body = "\n".join(without_page_furniture(text, trace(doc)))
    assert in_order(body, [doc.clauses()[-1].text, *signatures, *sheet]) == []
    assert in_order(text[-1], sheet + rows) == []
    assert squeeze(sheet[0]) not in squeeze("".join(text[:-1]))


@needs_libreoffice
def test_render_docx_and_pdf_from_the_command_line(invoke, tmp_path):
    result = invoke("render", "key-account-manager", "--lang", "ru", "--format", "docx",
                    "--format", "pdf", "-o", str(tmp_path))
    assert result.output.split() == [str(tmp_path / "key-account-manager.ru.docx"),
                                     str(tmp_path / "key-account-manager.ru.pdf")]
    data = (tmp_path / "key-account-manager.ru.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    assert "УТВЕРЖДАЮ" in pages(tmp_path / "key-account-manager.ru.pdf")[0]


def test_pdf_without_libreoffice_exits_1_saying_what_to_install(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    result = runner.invoke(cli, ["render", "key-account-manager", "--lang", "ru", "--format",
                                 "md", "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "LibreOffice" in result.output and "libreoffice-writer-nogui" in result.output
    assert not out.exists()
