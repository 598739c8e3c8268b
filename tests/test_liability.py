"""Every shipped role's liability section survives a lawyer's reading (ТК РФ arts. 238, 241)."""

from __future__ import annotations

import pytest

from jobdocs import list_roles, load_role, resolve

SHIPPED = [(entry.id, lang) for entry in list_roles() for lang in entry.languages]
THREE = {
    "ru": ["За ненадлежащее исполнение или неисполнение своих должностных обязанностей",
           "в пределах, определённых действующим трудовым законодательством Российской "
           "Федерации",
           "За правонарушения, совершённые в процессе осуществления своей деятельности, — в "
           "пределах, определённых действующим административным, уголовным и гражданским "
           "законодательством Российской Федерации",
           "За причинение материального ущерба — в пределах, определённых действующим трудовым "
           "и гражданским законодательством Российской Федерации"],
    "en": ["Improper performance of, or failure to perform, the job duties",
           "within the limits set by the current labour legislation of the Russian Federation",
           "Offences committed in the course of work, within the limits set by the current "
           "administrative, criminal and civil legislation of the Russian Federation",
           "Causing material damage, within the limits set by the current labour and civil "
           "legislation of the Russian Federation"],
}
STRUCK = {"ru": "переменной части заработной платы", "en": "variable part of the salary"}


@pytest.mark.parametrize("role,lang", [c for c in SHIPPED if c[1] in THREE])
def test_the_three_usual_liability_clauses(role, lang):
    from jobdocs.config.organization import Organization

    doc = resolve(load_role(role), lang, Organization(law="ru"))  # English copies too
    [section] = [s for s in doc.sections if s.key == "responsibility"]
    text = "\n".join(c.text for c in section.clauses)
    for phrase in THREE[lang]:
        assert phrase in text, f"{role} ({lang}) lacks: {phrase}"
    assert STRUCK[lang] not in text


def test_the_jurisdiction_comes_from_the_organization():
    from jobdocs.config.organization import Organization

    org = Organization(jurisdiction={"en": "England and Wales"})
    doc = resolve(load_role("key-account-manager"), "en", org)
    assert doc.law == "gb-eaw"
    [section] = [s for s in doc.sections if s.key == "responsibility"]
    assert all("Russian" not in c.text and "legislation" not in c.text
               for c in section.clauses)
    assert any("the contract of employment and the law of England and Wales" in c.text
               for c in section.clauses)
