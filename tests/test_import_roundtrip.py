"""Every shipped role, rendered to Markdown and DOCX and imported back, gives the
same sections, numbers and texts (the ids may differ)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import jobdocs
from jobdocs.check.runner import check_file
from jobdocs.config.organization import Organization
from jobdocs.files import write_atomic
from jobdocs.importer import import_document
from jobdocs.model import SECTIONS

ROLES = [(e.id, lang) for e in jobdocs.list_roles() for lang in jobdocs.load_role(e.id).languages]


def outline(doc: jobdocs.Document) -> list[tuple[str, int, str, list[tuple[str, str, int]]]]:
    """What a reader sees: each section's key, number and heading, each clause's number,
    text and level at every depth."""
    # a declared section's key is the author's choice; the Russian heading cannot give it
    return [(s.key if s.key in SECTIONS else "(declared)", s.number, s.heading,
             [(c.number, c.text, c.level) for top in s.clauses for c in top.walk()])
            for s in doc.sections]


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize(("role_id", "lang"), ROLES)
def test_a_rendered_role_imports_back_to_the_same_document(role_id, lang, fmt, tmp_path):
    doc = jobdocs.resolve(jobdocs.load_role(role_id), lang)
    source = tmp_path / f"{role_id}.{lang}.{fmt}"
    write_atomic(source, jobdocs.render_document(doc, fmt))

    result = import_document(source, lang)
    written = tmp_path / "roles" / f"{result.role_id}.yaml"
    write_atomic(written, result.role_yaml.encode())

    # the role imports as cleanly as it was written (purchasing-manager lacks the evaluation
    # section the default house style requires, and so does its import)
    original = check_file(Path(jobdocs.load_role(role_id).path))[0]
    assert ([p.rule for p in check_file(written)[0] if p.severity == "error"]
            == [p.rule for p in original if p.severity == "error"])
    back = jobdocs.resolve(jobdocs.load_role(written), lang)
    assert outline(back) == outline(doc)
    assert [f.rule for f in result.findings if f.severity != "info"] == []


def test_a_reference_comes_back_as_ref_to_the_clause_it_names(tmp_path):
    doc = jobdocs.resolve(jobdocs.load_role("key-account-manager"), "ru")
    source = tmp_path / "kam.md"
    write_atomic(source, jobdocs.render_document(doc, "md"))

    role = yaml.safe_load(import_document(source, "ru").role_yaml)

    duties = {c["id"]: c["text"]["ru"] for c in role["sections"]["duties"]}
    order = next(t for t in duties.values() if t.startswith("В рамках условий"))
    target = re.search(r"в пункте \{\{ ref\('([a-z0-9-]+)'\) \}\}", order).group(1)
    assert duties[target].startswith("При необходимости консультирует клиента")


def test_a_translation_pairs_into_one_bilingual_role(tmp_path):
    role = jobdocs.load_role("corporate-client-manager")
    russian = Organization(law="ru")  # the English copy of the Russian document
    sources = {}
    for lang, fmt in (("ru", "docx"), ("en", "md")):
        sources[lang] = tmp_path / f"ccm.{lang}.{fmt}"
        write_atomic(sources[lang], jobdocs.render_document(
            jobdocs.resolve(role, lang, russian), fmt))

    result = import_document(sources["ru"], translation=sources["en"])
    written = tmp_path / "ccm.yaml"
    write_atomic(written, result.role_yaml.encode())

    back = jobdocs.load_role(written)
    assert back.languages == ("ru", "en")
    for lang in ("ru", "en"):
        assert outline(jobdocs.resolve(back, lang, russian)) == outline(
            jobdocs.resolve(role, lang, russian))
    assert str(back.title["en"]) == "Corporate Client Manager"
    assert back.sections["general"][0].id == "job-description-sets-out"  # from the English


def test_clauses_without_a_partner_are_reported(tmp_path):
    ru = tmp_path / "ru.txt"
    en = tmp_path / "en.txt"
    ru.write_text("Должностная инструкция менеджера\n1. Общие положения\n1.1. Первый.\n"
                  "1.2. Второй.\n1.3. Третий.\n", encoding="utf-8")
    en.write_text("Job Description: Manager\n1. General Provisions\n1.1. First.\n1.2. Second.\n",
                  encoding="utf-8")

    result = import_document(ru, translation=en)

    unpaired = [f for f in result.findings if f.rule == "unpaired-clause"]
    assert [(f.path, f.line) for f in unpaired] == [(str(ru), 5)]
    general = yaml.safe_load(result.role_yaml)["sections"]["general"]
    assert [c["text"] for c in general] == [{"ru": "Первый.", "en": "First."},
                                            {"ru": "Второй.", "en": "Second."},
                                            {"ru": "Третий."}]


PROFILE = """\
format: 1
name: {ru: ООО «Ромашка», en: Romashka LLC, de: Romashka GmbH, sv: Romashka AB}
place: {ru: г. Москва, en: Moscow, de: Moskau, sv: Moskva}
number: 15-ДИ
date: 2026-11-22
approver:
  position:
    ru: {nominative: Генеральный директор, genitive: генерального директора}
    en: General Director
    de: Geschäftsführer
    sv: Verkställande direktör
  name: {ru: И.И. Иванов, en: I.I. Ivanov, de: I.I. Ivanov, sv: I.I. Ivanov}
  date: 2026-11-21
author:
  position: {ru: Коммерческий директор, en: Commercial Director, de: Vertriebsleiter,
             sv: Försäljningschef}
  name: {ru: А.А. Петров, en: A.A. Petrov, de: A.A. Petrov, sv: A.A. Petrov}
  date: 2026-11-18
agreements:
  - position: {ru: Начальник отдела кадров, en: Head of HR, de: Personalleiterin,
               sv: Personalchef}
    name: {ru: Е.В. Смирнова, en: E.V. Smirnova, de: E.V. Smirnova, sv: E.V. Smirnova}
    date: 2026-11-20
"""


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("lang", ["ru", "en", "de", "sv"])
def test_the_frame_goes_to_the_suggested_profile(lang, fmt, tmp_path):
    import datetime as dt

    from jobdocs.config.profile import load_organization

    profile_file = tmp_path / "org.yaml"
    profile_file.write_text(PROFILE, encoding="utf-8")
    role = jobdocs.load_role("key-account-manager")
    if lang not in role.languages:
        pytest.skip(f"key-account-manager is not written in {lang}")
    doc = jobdocs.resolve(role, lang, load_organization(profile_file))
    source = tmp_path / f"kam.{lang}.{fmt}"
    write_atomic(source, jobdocs.render_document(doc, fmt))

    found = yaml.safe_load(import_document(source, lang).profile_yaml)

    org = yaml.safe_load(PROFILE)
    def position(who):
        value = who["position"][lang]
        return value["nominative"] if isinstance(value, dict) else value

    assert found["approver"] == {"position": {lang: position(org["approver"])},
                                 "name": {lang: org["approver"]["name"][lang]},
                                 "date": dt.date(2026, 11, 21)}
    assert found["author"] == {"position": {lang: position(org["author"])},
                               "name": {lang: org["author"]["name"][lang]},
                               "date": dt.date(2026, 11, 18)}
    visa = org["agreements"][0]
    assert found["agreements"] == [{"position": {lang: position(visa)},
                                    "name": {lang: visa["name"][lang]},
                                    "date": dt.date(2026, 11, 20)}]
    assert found["name"] == {lang: org["name"][lang]}
    assert found["date"] == dt.date(2026, 11, 22)
    assert found["number"] == "15-ДИ"
    assert found["place"] == {lang: org["place"][lang]}


def test_a_pair_of_very_different_lengths_is_pointed_out(tmp_path):
    ru = tmp_path / "ru.txt"
    en = tmp_path / "en.txt"
    ru.write_text("Должностная инструкция менеджера\n1. Общие положения\n1.1. Первый пункт.\n"
                  "1.2. Второй пункт, в котором говорится о чём-то довольно длинном и подробном, "
                  "о порядке назначения на должность и освобождения от неё.\n", encoding="utf-8")
    en.write_text("Job Description: Manager\n1. General Provisions\n1.1. The first clause.\n"
                  "1.2. Second.\n", encoding="utf-8")

    result = import_document(ru, translation=en)

    assert [(f.rule, f.line) for f in result.findings if f.rule == "check-pair"] == [
        ("check-pair", 4)]
