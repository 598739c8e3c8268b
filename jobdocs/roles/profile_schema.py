"""The JSON Schemas of organization profiles and of jobdocs.yaml, and the parts the role
schema (schema.py) shares with them."""

from __future__ import annotations

from typing import Any

from ..formats import NAMES
from ..frame.schema import SETTING as _FRAME
from ..house_style import SCHEMA as _LOOK
from ..jurisdictions import CODES, JURISDICTIONS
from ..model import CASES

LANG_PATTERN = "^[a-z]{2,3}$"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
#: A text that is more than blanks (JSON Schema's minLength would count spaces).
_FILLED = {"type": "string", "pattern": r"\S"}
_CASES = {case: _FILLED for case in CASES}
#: A text in each of several languages.
TEXT = {
    "type": "object",
    "minProperties": 1,
    "patternProperties": {LANG_PATTERN: _FILLED},
    "additionalProperties": False,
}

_KEY = {"type": "string", "pattern": ID_PATTERN}
_PER_LANGUAGE = TEXT

_LAWS_NAMED = "A jurisdiction: " + ", ".join(
    f"{code} ({j.name})" for code, j in JURISDICTIONS.items()) + "."
#: A jurisdiction code: which law a document follows (jurisdictions.py).
LAW: dict[str, Any] = {"enum": list(CODES), "description": _LAWS_NAMED}
#: The jurisdictions a clause or a section holds under.
LAWS = {"type": "array", "minItems": 1, "uniqueItems": True, "items": LAW,
        "description": "The jurisdictions this holds under (left out elsewhere); without "
                       "it, everywhere."}

#: Sections beside the built-in ones; a role, a profile and jobdocs.yaml may declare them.
DECLARE_SECTIONS = {
    "description": "Sections beside the built-in ones: a heading per language, where the "
                   "section goes (after: or before: another section), an optional lead-in.",
    "type": "object",
    "propertyNames": _KEY,
    "additionalProperties": {
        "type": "object",
        "required": ["heading"],
        "properties": {
            "heading": {**_PER_LANGUAGE, "description": "The heading in every language."},
            "after": {**_KEY, "description": "Print the section after this one."},
            "before": {**_KEY, "description": "Print the section before this one."},
            "intro": {**_PER_LANGUAGE, "description": "A lead-in sentence per language."},
            "law": LAWS,
        },
        "additionalProperties": False,
    },
}

#: The house style's rules for sections: which are required, in what order they print.
SECTION_RULES = {
    "type": "object",
    "properties": {
        "order": {"type": "array", "minItems": 1, "uniqueItems": True, "items": _KEY,
                  "description": "Section keys in printed order (default: general, duties, "
                                 "rights, responsibility, evaluation, relationships, final); "
                                 "a declared section not named here goes where its after: "
                                 "or before: puts it."},
        "required": {"type": "array", "uniqueItems": True, "items": _KEY,
                     "description": "Sections every role must fill (default: general, duties, "
                                    "rights, responsibility, evaluation)."},
    },
    "additionalProperties": False,
}
#: `house_style:` in a profile or jobdocs.yaml: how documents look, and their sections.
HOUSE_STYLE = {**_LOOK, "description": "How the documents look (page margins in mm, the "
               "body font) and which sections they have (sections: order, required).",
               "properties": {**_LOOK["properties"], "sections": SECTION_RULES}}

_LOCALIZED = {
    "description": "One text for every language, or a text per language.",
    "type": ["string", "object"],
    "patternProperties": {LANG_PATTERN: _FILLED},
    "additionalProperties": False,
}
_POSITION = {
    "description": "A position: one text, a text per language, or per language the "
                   "grammatical cases ({nominative, genitive, dative, ...}).",
    "type": ["string", "object"],
    "patternProperties": {LANG_PATTERN: {
        "type": ["string", "object"], "required": ["nominative"], "properties": _CASES,
        "additionalProperties": False}},
    "additionalProperties": False,
}
#: The officers a role's clauses name: approver, proposer, line_manager (and, in a
#: profile, the heads a role's `reports_to:` may name: head-of-sales).
OFFICER_KEY = "^[a-z][a-z0-9]*([_-][a-z0-9]+)*$"
#: A role's own officers: the positions its clauses name where no profile names one.
ROLE_OFFICERS = {
    "description": "The role's default officers (approver, proposer, line_manager): a "
                   "position per language with the forms its sentences need (ru cases, de "
                   "with the article), used where the organization profile names none.",
    "type": "object",
    "propertyNames": {"type": "string", "pattern": OFFICER_KEY},
    "additionalProperties": _POSITION,
}
_PERSON = {
    "type": "object",
    "properties": {
        "position": _POSITION,
        "name": {**_LOCALIZED, "description": "Initials before the surname: И.И. Иванов."},
        "date": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
    },
    "additionalProperties": False,
}

_ONE_NUMBER = {
    "description": "One number for every language, or a number per language "
                   "(English documents print none unless given one).",
    "type": ["string", "number", "object"],
    "patternProperties": {LANG_PATTERN: {"type": ["string", "number"]}},
    "additionalProperties": False,
}
_NUMBER = {
    "description": "The registration number: one (for a single document), or per role id "
                   "(and per language), or a pattern with a register: "
                   "{pattern: '{seq}-ДИ', register: numbers.yaml, start: 15}.",
    "type": ["string", "number", "object"],
    "properties": {
        "pattern": {**_ONE_NUMBER, "description": "A number with {seq} (the role's number "
                    "in the register) and optionally {role}: '{seq}-ДИ'."},
        "register": {"type": "string", "pattern": r"\S", "description": "The file (relative "
                     "to this profile) that keeps the sequence number issued to each role."},
        "start": {"type": "integer", "minimum": 1,
                  "description": "The first sequence number (default 1)."},
    },
    "patternProperties": {"^[a-z0-9]+(-[a-z0-9]+)*$": _ONE_NUMBER},
    "additionalProperties": False,
}

ORGANIZATION_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://jobdocs.dev/schema/organization-1.json",
    "title": "jobdocs organization profile",
    "type": "object",
    "properties": {
        "format": {"enum": [1]},
        "name": {**_LOCALIZED, "description": "The short name, with the legal form: "
                 "ООО «Ромашка» / Romashka LLC (the approval block and clause text use it)."},
        "full_name": {**_LOCALIZED, "description": "The full name as the charter gives it: "
                      "Общество с ограниченной ответственностью «Ромашка» (the heading prints "
                      "it, with the short name under it)."},
        "place": _LOCALIZED,
        "jurisdiction": {**_LOCALIZED, "description": "Whose legislation applies, as it follows "
                         "«законодательством» / 'legislation of' (default: the name of "
                         "`law`)."},
        "law": {"description": "The jurisdiction the documents follow, or one per language "
                "(default: the home law of each document's language: ru ru, en gb-eaw, de de, "
                "sv se). " + _LAWS_NAMED,
                "type": ["string", "object"], "if": {"type": "string"}, "then": LAW,
                "else": {"minProperties": 1, "propertyNames": {"pattern": LANG_PATTERN},
                         "additionalProperties": LAW}},
        "officers": {
            "description": "The officers role texts name, each a person like approver: "
                           "approver, proposer (who proposes an appointment), line_manager, "
                           "or a head a role names as its line manager (reports_to: KEY).",
            "type": "object",
            "propertyNames": {"type": "string", "pattern": OFFICER_KEY},
            "additionalProperties": _PERSON},
        "locale": {"type": "object", "description": "Babel locale per language, e.g. en: en_GB",
                   "patternProperties": {LANG_PATTERN: {"type": "string",
                                                        "pattern": "^[a-z]{2,3}(_[A-Z]{2})?$"}},
                   "additionalProperties": False},
        "number": _NUMBER,
        "date": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
        "approver": _PERSON,
        "author": _PERSON,
        "agreements": {"type": "array", "items": _PERSON,
                       "description": "СОГЛАСОВАНО visas; without this key the documents "
                                      "print two blank ones, with [] none."},
        "house_style": HOUSE_STYLE,
        "frame": _FRAME,
        "employee": {
            "type": "object",
            "description": "The employee who reads and signs this copy: the acknowledgement "
                           "names them and agrees with their gender (ознакомлена).",
            "properties": {
                "name": {**_LOCALIZED, "description": "Initials and surname: М.П. Иванова."},
                "position": _LOCALIZED,
                "gender": {"enum": ["f", "m", "ж", "м", ""],
                           "description": "f or m; missing: the neutral ознакомлен(а)."},
                "date": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
            },
            "additionalProperties": False,
        },
        "acknowledgement_rows": {"type": "integer", "minimum": 1, "maximum": 200},
        "declare_sections": DECLARE_SECTIONS,
        "reference_doc": {"type": "string", "pattern": r"\S",
                          "description": "A .docx whose styles, page, letterhead and footer "
                                         "the DOCX and PDF documents take (relative to this "
                                         "file); --reference-doc overrides it."},
        "wording": {"type": "string", "pattern": r"\S",
                    "description": "A folder of catalogs (locales/<lang>/LC_MESSAGES/"
                                   "messages.po) and templates that override the packaged "
                                   "ones message by message, or add a language (relative "
                                   "to this file). See docs/translating.md."},
    },
    "additionalProperties": False,
}


PROJECT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://jobdocs.dev/schema/project-1.json",
    "title": "jobdocs project (jobdocs.yaml)",
    "type": "object",
    "properties": {
        "format": {"enum": [1]},
        "roles": {"type": "string", "pattern": r"\S",
                  "description": "The role library: where ids are looked up and what "
                                 "`jobdocs validate` checks (default: roles)."},
        "organization": {"type": "string", "pattern": r"\S",
                         "description": "The organization profile every command uses "
                                        "unless --org names another."},
        "languages": {"type": "array", "items": {"type": "string", "pattern": LANG_PATTERN},
                      "description": "Languages `render` writes by default."},
        "formats": {"type": "array", "items": {"enum": NAMES},  # the registry's own list
                    "description": "Formats `render` writes by default."},
        "output": {"type": "string", "pattern": r"\S",
                   "description": "Directory `render` writes to by default."},
        "organizations": {"type": "array", "uniqueItems": True,
                          "items": {"type": "string", "pattern": r"\S"},
                          "description": "Organization profiles `jobdocs build` writes every "
                                         "role for, each into its own folder of the output "
                                         "(default: the one `organization`)."},
        "declare_sections": DECLARE_SECTIONS,
        "reference_doc": {"type": "string", "pattern": r"\S",
                          "description": "The .docx DOCX and PDF documents take their "
                                         "styles from, unless --reference-doc names another."},
        "number": {**_NUMBER, "description": "Registration numbers per role (or a pattern "
                   "with a register), used where the profile gives none."},
        "house_style": HOUSE_STYLE,
        "frame": {**_FRAME, "description": "The document frame every profile of the project "
                  "starts from (a profile's frame: goes over it). " + _FRAME["description"]},
        "wording": {"type": "string", "pattern": r"\S",
                    "description": "A folder of catalogs and templates that override the "
                                   "packaged ones message by message, or add a language; "
                                   "searched after the profile's. See docs/translating.md."},
        "approved": {"type": "string", "pattern": r"^[A-Za-z0-9_{][A-Za-z0-9_./{}*-]*$",
                     "description": "The git tags that mark the approved versions of a role "
                                    "(`{role}` is its id; default approved/{role}/*): "
                                    "`jobdocs serve` shows the changes since the newest."},
        "acknowledgements": {
            "type": "object",
            "description": "The acknowledgement register (`jobdocs ack`). See "
                           "docs/acknowledgements.md.",
            "properties": {
                "database": {"type": "string", "pattern": r"\S",
                             "description": "A SQLite file in the project (default: "
                                            "acknowledgements.db), or a postgresql:// URL "
                                            "(the password from PGPASSWORD or ~/.pgpass, "
                                            "never this file)."},
                "staff": {"type": "string", "pattern": r"\S",
                          "description": "The staff list (CSV or XLSX) `ack due` and "
                                         "`ack status` read unless --staff names another."},
                "organization": {"type": "string", "pattern": r"\S",
                                 "description": "The name the register keeps this "
                                                "project's acknowledgements under "
                                                "(default: the profile's short name)."},
            },
            "additionalProperties": False,
        },
        "lint": {"type": "object", "propertyNames": _KEY,
                 "additionalProperties": {"enum": ["error", "warning", "off"]},
                 "description": "The severity of lint rules (`jobdocs validate`): "
                                "RULE: error, warning or off."},
    },
    "additionalProperties": False,
}
