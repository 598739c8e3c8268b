"""Every shipped role, rendered for every example company, reads as a document of that
company's country: no construct of Russian law outside Russia."""

from __future__ import annotations

import json
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
    loaded = load_role(role)
    doc = resolve(loaded, lang, org, notes=notes)
    text = render_document(doc, "md").decode()
    assert not re.search(r"[А-Яа-яЁё]", text), f"Cyrillic in a {doc.law} document"
    found = [w for w in RUSSIAN[lang] if w not in OWN.get(doc.law, ()) and
             re.search(rf"(?<!\w){re.escape(w)}", text, re.IGNORECASE)]
    assert found == [], f"{role} ({lang}, {doc.law}) for {profile.parent.name}"
    if lang in loaded.law.get(doc.law, ()):
        assert notes == []  # written for this law: every clause has its text
    else:  # not written for it: what holds elsewhere is left out, each with a warning
        # (and under a frame without numbers its references are words, each a warning)
        assert {n.rule for n in notes} <= {"no-law-text", "unnumbered-ref"}


def test_the_companies_follow_their_own_law():
    laws = {p.parent.name: {lang: law_of(load_organization(p), lang) for lang in ("en", "de",
                                                                                 "sv", "ru")}
            for p in PROFILES}
    assert laws["northwind"]["en"] == "gb-eaw"
    assert (laws["nordhandel"]["de"], laws["nordhandel"]["sv"]) == ("de", "se")
    assert laws["romashka"]["en"] == laws["romashka"]["ru"] == "ru"


#: Spellings one English reads as the other's: the British and the American
#: documents share the English text of every clause not bound to one of them.
BRITISH = re.compile(r"\b(analys(e|es|ed|ing)|organis\w*|\w+isation|fulfil(ment)?|labour|"
                     r"programme|licence|centre|catalogue|cheque|behaviour|favour\w*|colour|"
                     r"per cent|whilst|post holder)\b", re.IGNORECASE)
AMERICAN = re.compile(r"\b(analyz\w*|organiz\w*|\w+ization|fulfill(ment)?|labor|center|"
                      r"catalog|behavior|favor\w*|color|percent)\b",
                      re.IGNORECASE)
US = {"format": 1, "name": "Harbor Point Distribution, Inc.", "place": "Columbus, Ohio",
      "law": "us"}


@pytest.mark.parametrize("role", [e.id for e in list_roles() if "us" in load_role(e.id).law])
def test_a_role_written_for_american_law_reads_as_american_english(role, tmp_path):
    profile = tmp_path / "organization.yaml"
    profile.write_text(json.dumps(US), encoding="utf-8")
    notes: list = []
    doc = resolve(load_role(role), "en", load_organization(profile), notes=notes)
    text = render_document(doc, "md").decode()
    assert notes == [] and doc.law == "us"
    assert [m.group(0) for m in BRITISH.finditer(text)] == []
    assert "of England and Wales" not in text and "Acas" not in text


@pytest.mark.parametrize("role", [e.id for e in list_roles()
                                  if "en" in load_role(e.id).law.get("gb-eaw", ())])
def test_a_role_written_for_english_law_reads_as_british_english(role):
    org = load_organization(EXAMPLES / "northwind" / "organization.yaml")
    text = render_document(resolve(load_role(role), "en", org), "md").decode()
    assert [m.group(0) for m in AMERICAN.finditer(text)] == []
