"""The frame as data: presets, a company's definition over one, and what each writer lays
out of it (jobdocs/frame, resolve/frame.py; docs/frames.md)."""

from __future__ import annotations

import json
import warnings

import docx
import pytest

from jobdocs import load_role, render_document, resolve
from jobdocs.check import check_paths
from jobdocs.config.organization import Organization, with_project
from jobdocs.errors import JobdocsWarning
from jobdocs.frame import PRESETS, frame_spec
from jobdocs.render.docx.text import plain


def doc_of(frame, lang="en", role="key-account-manager", **org):
    """Resolve a role under a frame; its warnings (a reference without a number) are kept."""
    return resolve(load_role(role), lang, Organization(frame=(frame,), **org), notes=[])


def body(path_or_bytes):
    import io

    d = docx.Document(io.BytesIO(path_or_bytes))
    return [(p.style.name, p.text) for p in d.paragraphs], d


def test_every_preset_is_a_valid_definition_of_its_own_schema():
    import jsonschema

    from jobdocs.frame.schema import SETTING

    for name in PRESETS:
        jsonschema.Draft202012Validator(SETTING).validate(name)
        assert frame_spec((name,), "en", "").name == name


def test_a_russian_document_gets_the_gost_frame_and_its_every_block():
    frame = resolve(load_role("key-account-manager"), "ru").frame
    assert frame.name == "ru-gost"
    assert frame.blocks == ("approval", "letterhead", "heading", "sections", "author",
                            "agreements", "acknowledgement", "sheet")
    assert frame.numbered and frame.heading_form == "gost"


def test_a_definition_changes_only_what_it_names():
    doc = doc_of({"extends": "ru-gost", "approval": False, "sheet": False, "trace": False},
                 lang="ru")
    frame = doc.frame
    assert frame.approval is None and frame.sheet is None and frame.trace == ""
    assert "approval" not in frame.blocks and "sheet" not in frame.blocks
    assert frame.author is not None and frame.heading.kind == "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"
    md = render_document(doc, "md").decode()
    assert "УТВЕРЖДАЮ" not in md and "ЛИСТ ОЗНАКОМЛЕНИЯ" not in md
    paragraphs, d = body(render_document(doc, "docx"))
    texts = [t for _, t in paragraphs]
    assert "УТВЕРЖДАЮ" not in " ".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert not any("ЛИСТ ОЗНАКОМЛЕНИЯ" in t for t in texts)
    assert not any(p.text for p in d.sections[0].footer.paragraphs)  # no trace line


def test_a_company_word_stands_per_language_over_the_presets():
    frame = {"extends": "en-us", "heading": {"kind": {"en": "Position Description"}},
             "statements": {"eeo": "We hire on merit.", "at_will": False}}
    en, de = doc_of(frame).frame, doc_of(frame, lang="de").frame
    assert en.heading.kind == "Position Description"
    assert de.heading.kind == "Stellenbeschreibung"  # the preset's, translated
    assert [(s.key, s.heading, s.text) for s in en.statements] == [
        ("other_duties", "Other Duties", en.statements[0].text),
        ("eeo", "Equal Employment Opportunity", "We hire on merit.")]


def test_the_profile_frame_goes_over_the_projects():
    class Project:
        declared = ()
        section_rules = None
        house_style = Organization().house_style
        frame = "en-us"

    org = with_project(Organization(frame=({"sheet": True},)), Project())
    frame = resolve(load_role("key-account-manager"), "en", org, notes=[]).frame
    assert frame.name == "en-us" and frame.sheet is not None and frame.approval is None
    per_language = Organization(frame=({"ru": "ru-gost", "en": "en-gb"},))
    assert resolve(load_role("key-account-manager"), "en", per_language).frame.name == "en-gb"
    assert resolve(load_role("key-account-manager"), "ru", per_language).frame.name == "ru-gost"


def test_en_us_has_no_stamp_no_numbers_and_signature_lines():
    doc = doc_of("en-us", name={"en": "Acme Inc."}, place={"en": "Denver, CO"})
    frame = doc.frame
    assert frame.approval is None and frame.author is None and frame.sheet is None
    assert not frame.numbered
    # Reports To: the role's default line manager, where the profile names none
    assert [(f.label, f.value) for f in frame.fields] == [
        ("Job Title", "Key Account Manager"), ("Reports To", "Head of Sales"),
        ("Location", "Denver, CO")]
    assert [r.title for r in frame.signatures[0].rows] == ["Employee", "Manager"]
    assert "Acme Inc. is an equal opportunity employer." in frame.statements[1].text
    md = render_document(doc, "md").decode()
    assert "APPROVED" not in md and "\n## General\n" in md
    assert "\n1.1. " not in md and "\n- " in md
    paragraphs, d = body(render_document(doc, "docx"))
    headings = [t for style, t in paragraphs if style == "Heading 1"]
    assert headings[:2] == ["General", "Essential Duties and Responsibilities"]
    clauses = [t for style, t in paragraphs if style == "Clause"]
    assert clauses and all(t.startswith("•\t") for t in clauses)
    width = d.sections[0].page_width.mm
    assert round(width, 1) == 215.9  # US Letter


def test_references_under_a_frame_without_numbers_print_words_and_warn():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = resolve(load_role("key-account-manager"), "en", Organization(frame=("en-us",)))
    [ref] = [c for c in doc.all_clauses() if c.id == "maximize-orders"]
    advise = next(c for c in doc.all_clauses() if c.id == "advise-on-orders")
    assert "2.4" not in ref.text
    assert "“" + " ".join(advise.text.split()[:8]) in ref.text
    assert any("unnumbered-ref" in str(w.message) or "no number to print" in str(w.message)
               for w in caught if issubclass(w.category, JobdocsWarning))


def test_validate_reports_a_reference_without_a_number(tmp_path):
    role = tmp_path / "roles" / "clerk.yaml"
    role.parent.mkdir()
    role.write_text("""id: clerk
version: "1"
languages: [en]
title: {en: Clerk}
sections:
  duties:
    - id: file
      text: {en: File the papers.}
    - id: check
      text: {en: "Check the filing done under {{ ref('file') }}."}
""", encoding="utf-8")
    profile = tmp_path / "org.yaml"
    profile.write_text("frame: en-us\n", encoding="utf-8")
    report = check_paths([role], org=profile)
    found = [(p.line, p.rule, p.severity) for p in report.problems]
    assert (10, "unnumbered-ref", "warning") in found


def test_a_german_title_gets_the_marker_once():
    doc = doc_of("de", lang="de")
    assert doc.frame.fields[0].value == "Key Account Manager (m/w/d)"
    assert doc.frame.heading.full_title.endswith("(m/w/d)")
    from jobdocs.model import Title

    marked = resolve(load_role("key-account-manager"), "de",
                     Organization(frame=("de",))).frame
    assert marked.fields[0].value.count("(m/w/d)") == 1
    from jobdocs.resolve.frame import FrameWords
    from jobdocs.resolve.lines import marked as mark

    spec = frame_spec(("de",), "de", "de")
    title = Title({"nominative": "der Vertriebsleiter (w/m/d)",
                   "genitive": "des Vertriebsleiters (w/m/d)"})
    assert mark(FrameWords("de", "de"), spec, title) == title


def test_header_fields_come_from_the_role_details_and_the_officers(tmp_path):
    role = tmp_path / "csm.yaml"
    role.write_text("""id: csm
version: "1"
languages: [en]
title: {en: Customer Success Manager}
reports_to: head-of-cs
details:
  department: Customer Success
  flsa: exempt
  grade: {en: P3}
sections:
  duties:
    - id: onboard
      text: {en: Onboard new customers.}
""", encoding="utf-8")
    org = Organization(frame=("en-us",), officers={
        "head-of-cs": __import__("jobdocs.config.organization", fromlist=["Person"]).Person(
            position={"en": "Director of Customer Success"}, name={"en": "R. Diaz"})})
    doc = resolve(load_role(str(role)), "en", org)
    assert [(f.label, f.value) for f in doc.frame.fields] == [
        ("Job Title", "Customer Success Manager"), ("Department", "Customer Success"),
        ("Reports To", "Director of Customer Success"), ("FLSA Status", "Exempt"),
        ("Grade", "P3")]
    manager = doc.frame.signatures[0].rows[1]
    assert manager.name == "R. Diaz"
    # One clause alone in its section is a paragraph, not a one-item list.
    md = render_document(doc, "md").decode()
    assert "\nOnboard new customers.\n" in md


def test_schema_command_prints_the_frame_schema(invoke):
    from jobdocs.frame.schema import FRAME_SCHEMA

    result = invoke("schema", "frame")
    assert result.exit_code == 0
    assert json.loads(result.output) == FRAME_SCHEMA


@pytest.mark.parametrize("text, line, rule", [
    ("frame: en-uk\n", 1, "enum"),
    ("frame:\n  extends: en-us\n  aproval: false\n", 3, "unknown-key"),
    ("frame:\n  statements:\n    eeo: {heading: Equal Opportunity}\n", 3, "required"),
])
def test_a_wrong_frame_is_one_clear_line_at_its_place(tmp_path, text, line, rule):
    from jobdocs.config.profile import load_organization
    from jobdocs.errors import InvalidInput

    profile = tmp_path / "org.yaml"
    profile.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as e:
        load_organization(profile)
    [problem] = e.value.problems
    assert (problem.line, problem.rule) == (line, rule)


def test_every_writer_prints_the_same_section_headings():
    doc = doc_of("en-us")
    md = render_document(doc, "md").decode()
    html_headings = [doc.frame.section_heading(s) for s in doc.sections]
    for heading in html_headings:
        assert f"\n## {heading}\n" in md
    paragraphs, _ = body(render_document(doc, "docx"))
    assert [t for style, t in paragraphs if style == "Heading 1"][:len(html_headings)] == [
        plain(h) for h in html_headings]


@pytest.mark.parametrize("example, role, printed, absent", [
    ("brightline", "customer-success-manager",
     ["Job Title", "Customer Success Manager", "FLSA Status", "Exempt", "Summary",
      "Essential Duties and Responsibilities", "Physical Demands",
      "Equal Employment Opportunity", "At-Will Employment", "Employee", "Manager",
      "Dana Whitfield"],
     ["APPROVED", "1. Summary", "2.1.", "ACKNOWLEDGEMENT SHEET"]),
    ("elbtal", "vertriebsinnendienst",
     ["Stellenbeschreibung", "Stellenbezeichnung", "Sachbearbeiter Vertriebsinnendienst (m/w/d)",
      "Abteilung", "Vorgesetzte/r", "Stellvertretung", "1. Ziel der Stelle", "Arbeitgeber",
      "Stelleninhaber/in", "Ort, Datum"],
     ["Genehmigt", "APPROVED"]),
])
def test_serve_shows_the_frame_the_documents_print(tmp_path, monkeypatch, example, role,
                                                   printed, absent):
    """The role page of `jobdocs serve` lays out the blocks of the company's frame."""
    import re
    import shutil
    from pathlib import Path

    pytest.importorskip("starlette")
    with warnings.catch_warnings():  # newer Starlette prefers httpx2 and says so on import
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from jobdocs.config.profile import load_organization
    from jobdocs.serve.app import create_app
    from jobdocs.serve.site import Site

    source = Path(__file__).parent.parent / "examples" / example
    shutil.copytree(source, tmp_path / example, ignore=shutil.ignore_patterns("out"))
    monkeypatch.chdir(tmp_path / example)
    client = TestClient(create_app(Site.here()), base_url="http://localhost")
    page = client.get(f"/roles/{role}")
    assert page.status_code == 200
    html = page.text
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for words in printed:
        assert words in text, words
    for words in absent:
        assert words not in text, words
    assert '<table class="fields">' in html  # the header fields, as in the DOCX
    doc = resolve(load_role(str(source / "roles" / f"{role}.yaml")),
                  "en" if example == "brightline" else "de",
                  load_organization(source / "organization.yaml"), notes=[])
    headings = re.findall(r"<h3>([^<]*)</h3>", html)
    wanted = [doc.frame.section_heading(s) for s in doc.sections]
    wanted += [s.heading for s in doc.frame.statements if s.heading]
    assert [h.strip() for h in headings if h.strip() in wanted] == wanted
