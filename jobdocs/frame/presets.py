"""The frames jobdocs ships, as data in the shape of a `frame:` definition.

Each preset is what that country's job descriptions look like (docs/frames.md
says where each choice comes from). Their words are catalog messages (`N_`),
so each preset prints in every language jobdocs has a catalog for; a company
extends a preset and changes what differs (`frame: {extends: en-us, ...}`).
"""

from __future__ import annotations

from typing import Any

from .wording import N_, Text

#: The sections every preset names, with the ГОСТ headings and lead-ins.
_GOST_HEADINGS = {
    "general": N_("General Provisions"),
    "duties": N_("Job Duties"),
    "rights": N_("Rights"),
    "responsibility": N_("Responsibility"),
    "evaluation": N_("Performance Evaluation Criteria"),
    "relationships": N_("Working Relationships"),
    "final": N_("Final Provisions"),
}
_GOST_INTROS = {
    # Translators: {nominative}, {genitive}, {dative} stand for the job title
    # in that form; use any form your language declares in the "title forms"
    # message. A one-form language prints the title for each.
    "duties": N_("The {nominative} shall:"),
    "rights": N_("The {dative} has the right to:"),
    "responsibility": N_("The {nominative} is liable for:"),
    "evaluation": N_("The performance of the {genitive} is evaluated against "
                     "the following criteria:"),
}
_TRACE = N_("Role %(role)s, version %(version)s, content %(hash)s")

#: ГОСТ Р 7.0.97-2025: the Russian должностная инструкция jobdocs has always printed.
RU_GOST: dict[str, Any] = {
    "page": {},
    "font": {},
    "paragraphs": {},
    "locale": {},
    "approval": {"title": N_("APPROVED"), "align": "right"},
    "letterhead": {"name": "full", "blank": True},
    "heading": {"form": "gost", "kind": N_("JOB DESCRIPTION"),
                "full_title": N_("Job Description: {genitive}"), "fields": [],
                "gender_marker": False},
    "sections": {"numbering": "legal", "headings": _GOST_HEADINGS, "intros": _GOST_INTROS,
                 "declare": {}},
    "statements": {},
    "author": {"title": N_("Head of the structural unit")},
    "agreements": {"title": N_("AGREED")},
    "signatures": False,
    "acknowledgement": {"statement": N_("I have read this job description and received "
                                        "one copy:")},
    "sheet": True,
    "trace": _TRACE,
}

#: What the English-speaking, German and Swedish presets share: no approval stamp, a
#: title line with a table of the position's facts, the holder's signature lines; a sans
#: serif set left.
_FIELDS_FORM: dict[str, Any] = {
    "approval": False,
    "letterhead": {"name": "short", "blank": False},
    "author": False,
    "agreements": False,
    "acknowledgement": False,
    "sheet": False,
    "trace": _TRACE,
    "font": {"name": "Arial", "size": 11},
    "paragraphs": {"align": "left", "indent": False, "headings": "left"},
    "locale": {},
}
_A4 = {"size": "a4", "left_mm": 25, "right_mm": 20, "top_mm": 20, "bottom_mm": 20}


def _heading(fields: list[Any], marker: Any = False) -> dict[str, Any]:
    """Return a heading of the fields form: "Job Description" over a table of `fields`."""
    return {"form": "fields", "kind": N_("Job Description"),
            "full_title": N_("Job Description: {genitive}"), "fields": fields,
            "gender_marker": marker}

#: The headings and lead-ins both English-speaking presets give ГОСТ's sections.
_ENGLISH_HEADINGS = {
    "rights": N_("Authority"),
    "responsibility": N_("Accountability"),
    "evaluation": N_("Performance Measures"),
    "relationships": N_("Working Relationships"),
    "final": N_("About This Job Description"),
}
_ENGLISH_INTROS = {
    "rights": N_("The {nominative} has the authority to:"),
    "responsibility": N_("The {nominative} is accountable for:"),
    "evaluation": N_("Performance in the role is measured by:"),
}

#: A British job description: job title and reporting line in a table, the purpose,
#: the key responsibilities, signed by the employee and the line manager. A4.
EN_GB: dict[str, Any] = {
    **_FIELDS_FORM,
    "page": {"size": "a4", "left_mm": 20, "right_mm": 20, "top_mm": 20, "bottom_mm": 20},
    "locale": {"en": "en_GB"},
    "heading": _heading(["job_title", "department", "reports_to", "responsible_for",
                         "location", "grade", {"key": "date", "label": N_("Date")},
                         "number"]),
    "sections": {
        "numbering": "legal",
        "headings": {**_ENGLISH_HEADINGS, "purpose": N_("Job Purpose"),
                     "general": N_("About the Role"), "duties": N_("Key Responsibilities")},
        "intros": {**_ENGLISH_INTROS, "duties": N_("The {nominative} will:")},
        "declare": {"purpose": {"before": "general"}},
        "required": ["duties"],
    },
    "statements": {
        "other_duties": {"heading": False, "text": N_(
            "This job description sets out the main responsibilities of the role. It is not "
            "exhaustive: the post holder may be asked to carry out other reasonable duties in "
            "line with the role, and the description may be reviewed in consultation with "
            "them.")},
    },
    "signatures": [{
        "statement": N_("I have read this job description and received a copy."),
        "signers": ["employee", "manager"],
        "date": N_("Date"),
        "place": False,
    }],
}

#: An American job description: header fields, the summary, essential duties as a
#: bulleted list, the ADA's qualification, physical and environment sections, the
#: other-duties, EEO and at-will statements, signed by employee and manager. Letter.
EN_US: dict[str, Any] = {
    **_FIELDS_FORM,
    "page": {"size": "letter", "left_mm": 25.4, "right_mm": 25.4, "top_mm": 25.4,
             "bottom_mm": 25.4},
    "locale": {"en": "en_US"},
    "heading": _heading(["job_title", "department", "reports_to", "location", "flsa", "grade",
                         "date", "number"]),
    "sections": {
        "numbering": "none",
        "headings": {
            **_ENGLISH_HEADINGS,
            "purpose": N_("Summary"),
            "general": N_("General"),
            "duties": N_("Essential Duties and Responsibilities"),
            "qualifications": N_("Qualifications"),
            "physical-demands": N_("Physical Demands"),
            "work-environment": N_("Work Environment"),
        },
        "intros": {
            **_ENGLISH_INTROS,
            "qualifications": N_(
                "To perform this job successfully, an individual must be able to perform "
                "each essential duty satisfactorily. The requirements below are "
                "representative of the knowledge, skills and abilities required. Reasonable "
                "accommodations may be made to enable individuals with disabilities to "
                "perform the essential functions."),
            "physical-demands": N_(
                "The physical demands described here are representative of those an employee "
                "must meet to perform the essential functions of this job. Reasonable "
                "accommodations may be made to enable individuals with disabilities to "
                "perform the essential functions."),
            "work-environment": N_(
                "The work environment described here is representative of what an employee "
                "encounters while performing the essential functions of this job. Reasonable "
                "accommodations may be made to enable individuals with disabilities to "
                "perform the essential functions."),
        },
        "declare": {"purpose": {"before": "general"},
                    "qualifications": {"after": "duties"},
                    "physical-demands": {"after": "qualifications"},
                    "work-environment": {"after": "physical-demands"}},
        "required": ["duties"],
    },
    "statements": {
        "other_duties": {"heading": N_("Other Duties"), "text": N_(
            "This job description is not a comprehensive list of the activities, duties or "
            "responsibilities required of the employee. Other duties may be assigned, and "
            "duties may change at any time, with or without notice.")},
        "eeo": {"heading": N_("Equal Employment Opportunity"), "text": N_(
            "{organization} is an equal opportunity employer. It makes employment decisions "
            "without regard to race, color, religion, sex (including pregnancy), sexual "
            "orientation, gender identity, national origin, age, disability, genetic "
            "information, veteran status or any other status protected by federal, state or "
            "local law.")},
        "at_will": {"heading": N_("At-Will Employment"), "text": N_(
            "This job description does not create a contract of employment. Employment with "
            "{organization} is at will: either the employee or {organization} may end it at "
            "any time, with or without cause or notice.")},
    },
    "signatures": [{
        "statement": N_("By signing below, I confirm that I have read and understand this job "
                        "description and can perform its essential functions, with or without "
                        "reasonable accommodation."),
        "signers": ["employee", "manager"],
        "date": N_("Date"),
        "place": False,
    }],
}

def _gost_sections(requirements: str, heading: Any) -> dict[str, Any]:
    """Return the sections of the German and Swedish presets: ГОСТ's, worded as theirs
    (the catalogs translate them so), with the purpose before them and the holder's
    requirements (under the key `requirements`) after the responsibility."""
    return {
        "numbering": "legal",
        "headings": {**_GOST_HEADINGS, "purpose": N_("Purpose of the Position"),
                     "general": N_("General"), requirements: heading},
        "intros": _GOST_INTROS,
        "declare": {"purpose": {"before": "general"}, requirements: {"after": "responsibility"}},
        "required": ["duties"],
    }


#: A German Stellenbeschreibung: a table of the position (Stellenbezeichnung with
#: (m/w/d), Vorgesetzte/r, Stellvertretung), the Ziel der Stelle, Aufgaben,
#: Befugnisse, Verantwortung, Anforderungen; Ort, Datum and the signatures of the
#: employer and the Stelleninhaber/in.
DE: dict[str, Any] = {
    **_FIELDS_FORM,
    "page": _A4,
    # AGG § 11: a job title must not exclude a sex; a title that carries a marker keeps it.
    "heading": _heading(["job_title", "holder", "department", "reports_to", "responsible_for",
                         "deputy", "location", "grade", "date", "number"],
                        Text({"de": "(m/w/d)", "en": "(m/f/d)"})),
    "sections": _gost_sections("requirements", N_("Requirements")),
    "statements": {
        "other_duties": {"heading": False, "text": N_(
            "This job description names the main tasks of the position; it is not an "
            "exhaustive list. Other reasonable tasks that match the job holder's "
            "qualifications may be assigned.")},
    },
    "signatures": [{
        "statement": N_("This job description has been discussed with the job holder, who "
                        "has received a copy."),
        "signers": [{"who": "approver", "label": N_("Employer")},
                    {"who": "employee", "label": N_("Job Holder")}],
        "date": N_("Place, date"),
        "place": True,
    }],
}

#: A Swedish befattningsbeskrivning: befattning, enhet, närmaste chef; syfte,
#: arbetsuppgifter, befogenheter, ansvar, kvalifikationer, samarbete och kontakter;
#: fastställd av the employer, and the employee's «jag har tagit del av».
SV: dict[str, Any] = {
    **_FIELDS_FORM,
    "page": _A4,
    "heading": _heading(["job_title", "holder", "department", "reports_to", "responsible_for",
                         "deputy", "location", "date", "number"]),
    "sections": _gost_sections("qualifications", N_("Qualifications")),
    "statements": {},
    "signatures": [
        {"statement": False, "signers": [{"who": "approver", "label": N_("Approved by")}],
         "date": N_("Date"), "place": False},
        {"statement": N_("I have read this job description."),
         "signers": [{"who": "employee", "label": N_("Employee")}],
         "date": N_("Date"), "place": False},
    ],
}

PRESETS: dict[str, dict[str, Any]] = {"ru-gost": RU_GOST, "en-gb": EN_GB, "en-us": EN_US,
                                      "de": DE, "sv": SV}

#: The preset a document gets when no frame is named: its jurisdiction's.
BY_LAW: dict[str, str] = {"ru": "ru-gost", "gb-eaw": "en-gb", "us": "en-us", "de": "de",
                          "se": "sv"}
#: A document that follows no jurisdiction keeps the frame jobdocs always printed.
FALLBACK = "ru-gost"
