"""Each document under its own law: clauses per jurisdiction, officers from the profile,
translations that follow the reference text."""

from __future__ import annotations

import pytest
import yaml

from jobdocs import load_role, resolve
from jobdocs.check import check_file
from jobdocs.config.organization import Organization, Person
from jobdocs.config.profile import load_organization
from jobdocs.errors import InvalidInput, JobdocsWarning
from jobdocs.resolve.officers import caption
from jobdocs.roles.reference import due, text_hash
from jobdocs.show import show_role

ROLE = """\
id: clerk
version: "1"
languages: [ru, en, de]
law:
  ru: [ru, en]
  gb-eaw: [en]
  de: [de]
title:
  ru: {nominative: делопроизводитель, genitive: делопроизводителя, dative: делопроизводителю,
       instrumental: делопроизводителем}
  en: Records Clerk
  de: {nominative: die Fachkraft für Schriftgut, genitive: der Fachkraft für Schriftgut}
officers:
  line_manager:
    ru: {nominative: начальник канцелярии, genitive: начальника канцелярии,
         dative: начальнику канцелярии, instrumental: начальником канцелярии}
    en: Office Manager
    de: {nominative: die Büroleitung, dative: der Büroleitung}
sections:
  general:
    - id: appointment
      law: [ru]
      text:
        ru: "Назначается на должность приказом {{ officers.approver.genitive }}."
        en: "Appointed by order of the {{ officers.approver }}."
    - id: employment
      law: [gb-eaw]
      text:
        en: "Employed by the Company under a contract of employment."
    - id: reporting
      text:
        ru: "Подчиняется {{ officers.line_manager.dative }}."
        en: "Reports to the {{ officers.line_manager }}."
        de: "Die Stelle ist {{ officers.line_manager.dative }} unterstellt."
  duties:
    - id: file
      text: {ru: Регистрирует документы., en: Register documents., de: Registrierung der Post.}
    - id: archive
      text:
        ru: "Передаёт в архив документы, зарегистрированные по пункту {{ ref('file') }}."
        en: "Archive the documents registered under clause {{ ref('file') }}."
        de: "Archivierung der nach Ziffer {{ ref('file') }} erfassten Post."
  rights:
    - id: information
      text: {ru: Получать информацию., en: Receive information., de: Einsicht in Akten.}
  responsibility:
    - id: liability
      law: [ru]
      text:
        ru: "За причинение материального ущерба — по законодательству {{ jurisdiction }}."
        en: "Causing material damage, under the legislation of {{ jurisdiction }}."
      items:
        - id: liability-limit
          text:
            ru: "в пределах среднего месячного заработка;"
            en: "up to the average monthly earnings;"
    - id: capability
      law: [gb-eaw, de]
      text:
        en: "Performance is managed under the Company's capability procedure."
        de: "Es gelten die Grundsätze der Arbeitnehmerhaftung."
  evaluation:
    - id: on-time
      text: {ru: Сроки регистрации., en: Registration on time., de: Termingerechte Erfassung.}
"""


@pytest.fixture
def clerk(tmp_path):
    path = tmp_path / "clerk.yaml"
    path.write_text(ROLE, encoding="utf-8")
    return path


def ids(doc):
    return [c.id for c in doc.all_clauses()]


def test_each_language_follows_its_home_law_and_keeps_that_laws_clauses(clerk):
    role = load_role(clerk)
    ru, en, de = (resolve(role, lang) for lang in ("ru", "en", "de"))
    assert (ru.law, en.law, de.law) == ("ru", "gb-eaw", "de")
    assert ids(ru) == ["appointment", "reporting", "file", "archive", "information",
                       "liability", "liability-limit", "on-time"]
    assert ids(en) == ["employment", "reporting", "file", "archive", "information",
                       "capability", "on-time"]
    assert ids(de) == ["reporting", "file", "archive", "information", "capability", "on-time"]
    # Numbers are computed after the law's clauses are chosen: 2.1 everywhere, 1.2 in English.
    assert en.sections[0].clauses[1].number == "1.2" and de.sections[0].clauses[0].number == "1.1"
    assert "clause 2.1" in en.sections[1].clauses[1].text


def test_a_profile_chooses_the_law_and_the_printed_name_follows(clerk):
    role = load_role(clerk)
    doc = resolve(role, "en", Organization(law="ru"))
    assert ids(doc)[:2] == ["appointment", "reporting"]
    assert "legislation of the Russian Federation" in doc.all_clauses()[5].text
    named = resolve(role, "en", Organization(law="ru", jurisdiction={"en": "Russia"}))
    assert "legislation of Russia" in named.all_clauses()[5].text


def test_an_older_profile_names_the_law_by_its_printed_name(clerk):
    doc = resolve(load_role(clerk), "en", Organization(jurisdiction={"en": "the Russian "
                                                                        "Federation"}))
    assert doc.law == "ru"


def test_officers_come_from_the_profile_else_from_the_role(clerk):
    role = load_role(clerk)
    doc = resolve(role, "ru")
    assert doc.all_clauses()[0].text == "Назначается на должность приказом ________________."
    assert doc.all_clauses()[1].text == "Подчиняется начальнику канцелярии."
    org = Organization(law="ru", approver=load_organization(
        "examples/romashka/organization.yaml").approver,
        officers={"line_manager": Person(position={
            "ru": {"nominative": "директор", "dative": "директору"}, "en": "Director"})})
    doc = resolve(role, "ru", org)
    assert doc.all_clauses()[0].text == ("Назначается на должность приказом генерального "
                                         "директора.")
    assert doc.all_clauses()[1].text == "Подчиняется директору."
    assert caption(resolve(role, "en", org), "line_manager") == "Director"
    assert caption(resolve(role, "de"), "line_manager") == "Büroleitung"
    assert resolve(role, "de").all_clauses()[0].text == ("Die Stelle ist der Büroleitung "
                                                         "unterstellt.")


def test_a_law_the_role_is_not_written_for_leaves_law_bound_clauses_out_with_a_warning(clerk):
    role = load_role(clerk)
    notes = []
    doc = resolve(role, "en", Organization(law="us"), notes=notes)
    assert ids(doc) == ["reporting", "file", "archive", "information", "on-time"]
    # The American frame numbers no clause: its reference prints words (unnumbered-ref).
    assert [n.rule for n in notes if n.rule != "no-law-text"] == ["unnumbered-ref"]
    notes = [n for n in notes if n.rule == "no-law-text"]
    assert [(n.rule, n.severity) for n in notes] == [("no-law-text", "warning")] * 4
    assert [n.message.split("'")[1] for n in notes] == [
        "appointment", "employment", "liability", "capability"]
    assert ROLE.splitlines()[notes[0].line - 1].strip() == "- id: appointment"
    assert "the United States (us)" in notes[0].message
    with pytest.warns(JobdocsWarning) as caught:
        resolve(role, "en", Organization(law="us"))
    assert [str(w.message) for w in caught if "has no number to print" not in str(w.message)
            ] == [str(n) for n in notes]


def test_german_under_russian_law_has_no_text_and_says_so(clerk):
    notes = []
    doc = resolve(load_role(clerk), "de", Organization(law="ru"), notes=notes)
    assert "appointment" not in ids(doc) and "liability" not in ids(doc)
    assert {n.message.split("'")[1] for n in notes} == {"appointment", "liability"}
    assert "not written in 'de' under Russia (ru)" in notes[0].message


def test_a_reference_to_a_clause_of_another_law_says_so(clerk, tmp_path):
    path = tmp_path / "clerk.yaml"
    path.write_text(ROLE.replace("{{ ref('file') }}.\"\n        de",
                                 "{{ ref('employment') }}.\"\n        de"), encoding="utf-8")
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(path), "en", Organization(law="ru"))
    assert "holds under gb-eaw only" in str(e.value)


@pytest.mark.parametrize("change, rule, where", [
    ("      law: [gb-eaw]\n      text:\n        en: \"Employed",
     "unknown-law", "the role is not written for the United States"),
    ("    - id: employment\n      law: [gb-eaw]\n      text:\n        en:",
     "missing-translation", "missing the 'ru' text (under ru"),
    ("    - id: employment\n      law: [gb-eaw]\n      text:\n        en:",
     "undeclared-language", "text in 'ru' is never printed"),
])
def test_validate_checks_each_clause_against_the_roles_law(tmp_path, change, rule, where):
    text = {"unknown-law": ROLE.replace("      law: [gb-eaw]\n      text:\n        en: \"Employed",
                                        "      law: [us]\n      text:\n        en: \"Employed"),
            "missing-translation": ROLE.replace("    - id: employment\n      law: [gb-eaw]",
                                                "    - id: employment\n      law: [ru]"),
            "undeclared-language": ROLE.replace(
                "        en: \"Employed by", "        ru: Работает по договору.\n"
                "        en: \"Employed by")}[rule]
    path = tmp_path / "clerk.yaml"
    path.write_text(text, encoding="utf-8")
    problems, _ = check_file(path)
    assert any(p.rule == rule and where in p.message for p in problems), problems


def test_a_clause_of_one_law_written_in_every_language_of_the_role_is_still_checked(tmp_path):
    # its texts are the role's languages in their order (what the build passes unasked),
    # but under gb-eaw the role is written in English alone
    path = tmp_path / "clerk.yaml"
    path.write_text(ROLE.replace("        en: \"Employed by", "        ru: Работает по договору.\n"
                                 "        en: \"Employed by").replace(
        "contract of employment.\"\n", "contract of employment.\"\n        de: Angestellt.\n"),
        encoding="utf-8")
    problems, _ = check_file(path)
    assert [p.message.split(" is never")[0] for p in problems
            if p.rule == "undeclared-language"] == ["sections.general[1].text: text in 'ru'",
                                                     "sections.general[1].text: text in 'de'"]


def test_the_schema_knows_the_codes_and_says_which_law_a_language_meant(tmp_path):
    path = tmp_path / "clerk.yaml"
    path.write_text(ROLE.replace("  de: [de]\n", "  sv: [de]\n"), encoding="utf-8")
    [p] = [p for p in check_file(path)[0] if p.rule == "key-name"]
    assert "the law of 'sv' documents is 'se'" in p.message


def test_a_changed_reference_text_marks_its_translations_due(tmp_path):
    stamped = ROLE.replace("languages: [ru, en, de]\n", "languages: [ru, en, de]\n"
                           "reference: ru\n")
    path = tmp_path / "clerk.yaml"
    path.write_text(stamped, encoding="utf-8")
    role = load_role(path)
    found = {(d.clause.id, d.lang) for d in due(role)}
    assert ("file", "en") in found and ("employment", "en") not in found  # no ru text there
    now = text_hash("Регистрирует документы.")
    assert now == text_hash("Регистрирует\n  документы. ")
    path.write_text(stamped.replace("de: Registrierung der Post.}",
                                    f"de: Registrierung der Post.}}\n      follows: {now}"),
                    encoding="utf-8")
    assert ("file", "en") not in {(d.clause.id, d.lang) for d in due(load_role(path))}
    path.write_text(stamped.replace("de: Registrierung der Post.}",
                                    f"de: Registrierung der Post.}}\n      follows: {now}")
                    .replace("ru: Регистрирует документы.", "ru: Регистрирует входящие."),
                    encoding="utf-8")
    problems, _ = check_file(path)
    due_file = [p for p in problems if p.rule == "translation-due" and "'file'" in p.message]
    assert [p.message.split(": ")[0] for p in due_file] == ["clause 'file' (en)",
                                                          "clause 'file' (de)"]
    assert f"follows {now}" in due_file[0].message
    assert text_hash("Регистрирует входящие.") in due_file[0].message


def test_show_prints_each_law_as_its_documents_print_it(clerk):
    out = show_role(load_role(clerk))
    docs = list(yaml.safe_load_all(out))
    assert [d["languages"] for d in docs] == [["ru"], ["en"], ["de"]]
    assert "under the law of England and Wales (gb-eaw)" in out.split("---")[1]
    assert "- id: employment  # 1.1 · own · law: gb-eaw" in out
    both = list(yaml.safe_load_all(show_role(load_role(clerk), ["ru", "en"],
                                             Organization(law="ru"))))
    [doc] = both
    assert doc["sections"]["general"][0]["text"] == {
        "ru": "Назначается на должность приказом ________________.",
        "en": "Appointed by order of the ________________."}


def test_a_role_names_the_profiles_officer_it_reports_to(clerk, tmp_path):
    (tmp_path / "office").mkdir()
    path = tmp_path / "office" / "clerk.yaml"
    path.write_text(ROLE.replace("officers:\n", "reports_to: head-of-office\nofficers:\n"),
                    encoding="utf-8")
    profile = tmp_path / "org.yaml"
    profile.write_text("law: ru\nofficers:\n  head-of-office:\n    position:\n      ru: "
                       "{nominative: управляющий делами, dative: управляющему делами}\n"
                       "      en: Head of Office\n    name: {ru: П.П. Петров}\n"
                       "  line_manager: {position: Director}\n", encoding="utf-8")
    org = load_organization(profile)
    doc = resolve(load_role(path), "ru", org)
    assert doc.all_clauses()[1].text == "Подчиняется управляющему делами."
    assert caption(resolve(load_role(path), "en", org), "line_manager") == "Head of Office"
    # A role that names no head reports to the profile's line_manager.
    assert resolve(load_role(clerk), "en", org).all_clauses()[1].text == (
        "Reports to the Director.")


def test_english_is_british_unless_the_law_is_american(write_role):
    role = load_role(write_role())
    assert resolve(role, "en").locale == "en_GB"
    assert resolve(role, "en", Organization(law="us"), notes=[]).locale == "en_US"
    assert resolve(role, "en", Organization(law="us", locale={"en": "en_GB"}),
                   notes=[]).locale == "en_GB"


def test_a_role_in_fewer_languages_than_its_parent_is_written_for_its_own(clerk, tmp_path):
    child = tmp_path / "english-clerk.yaml"
    child.write_text("id: english-clerk\nextends: clerk\nversion: '1'\nlanguages: [en]\n"
                     "title: {en: Senior Records Clerk}\n", encoding="utf-8")
    role = load_role(child)
    assert role.law == {"ru": ("en",), "gb-eaw": ("en",), "de": ()}
    assert [(p.rule, p.message) for p in check_file(child)[0]] == []
    assert "employment" in ids(resolve(role, "en"))
