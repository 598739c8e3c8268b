"""Every shipped role, rendered for every example company, reads as a document of that
company's country: no construct of Russian law outside Russia."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jobdocs import list_roles, load_role, render_document, resolve
from jobdocs.config.profile import load_organization
from jobdocs.resolve.law import law_of

EXAMPLES = Path(__file__).parent.parent / "examples"
PROFILES = sorted(EXAMPLES.glob("*/organization.yaml"))

#: What a Russian document says and no English, German or Swedish one may: the
#: construct, and the word the lawyer would have written instead.
RUSSIAN = {
    "en": ["by order of", "order of the organization", "federal", "social guarantees",
           "administrative legislation", "administrative, criminal", "labour legislation",
           "universal transfer document", "1C", "General Director", "structural unit",
           "local regulations", "internal labour regulations", "belongs to the category",
           "category of specialists", "material damage", "material liability",
           "Labour Code", "Russian Federation", "is guided by", "must know:",
           "Familiarize", "mutual settlements", "trade secret regime"],
    "de": ["Anordnung", "Verwaltungsrecht", "Verwaltungs-", "föderal", "1C", "Satzung",
           "Gruppe der Fachkräfte", "kaufmännischen Direktor", "Generaldirektor", "Russisch",
           "materielle Haftung", "in Punkt", "Arbeitsgesetzgebung"],
    "sv": ["entledig", "förvaltningsrätt", "arbetsordning", "federal", "1C", "Ryss",
           "försäljningsdirektör", "materiell skada", "specialistbefattning",
           "sociala garantier", "arbetslagstiftning"],
}
#: Words American law has of its own.
OWN = {"us": {"federal"}}


def documents():
    for profile in PROFILES:
        org = load_organization(profile)
        name = org.name
        langs = [lang for lang in name if lang != "*"] or ["en"]  # one name: an English company
        for entry in list_roles():
            for lang in entry.languages:
                if lang in langs and law_of(org, lang) != "ru":
                    yield pytest.param(profile, entry.id, lang,
                                       id=f"{profile.parent.name}-{entry.id}-{lang}")


@pytest.mark.parametrize("profile, role, lang", list(documents()))
def test_no_russian_legal_construct_outside_russia(profile, role, lang):
    org = load_organization(profile)
    notes: list = []
    doc = resolve(load_role(role), lang, org, notes=notes)
    text = render_document(doc, "md").decode()
    assert not re.search(r"[А-Яа-яЁё]", text), f"Cyrillic in a {doc.law} document"
    found = [w for w in RUSSIAN[lang] if w not in OWN.get(doc.law, ()) and
             re.search(rf"(?<!\w){re.escape(w)}", text, re.IGNORECASE)]
    assert found == [], f"{role} ({lang}, {doc.law}) for {profile.parent.name}"
    assert notes == []  # every shipped role is written for the law of every example


def test_the_companies_follow_their_own_law():
    laws = {p.parent.name: {lang: law_of(load_organization(p), lang) for lang in ("en", "de",
                                                                                 "sv", "ru")}
            for p in PROFILES}
    assert laws["northwind"]["en"] == "gb-eaw"
    assert (laws["nordhandel"]["de"], laws["nordhandel"]["sv"]) == ("de", "se")
    assert laws["romashka"]["en"] == laws["romashka"]["ru"] == "ru"
