"""The JSON Schemas of organization profiles and of jobdocs.yaml."""

from __future__ import annotations

from typing import Any

from .house_style import SCHEMA as HOUSE_STYLE

LANG_PATTERN = "^[a-z]{2,3}$"
_CASES = {
    case: {"type": "string", "minLength": 1}
    for case in ("nominative", "genitive", "dative", "accusative", "instrumental",
                 "prepositional")
}

_LOCALIZED = {
    "description": "One text for every language, or a text per language.",
    "type": ["string", "object"],
    "patternProperties": {LANG_PATTERN: {"type": "string", "minLength": 1}},
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
        "register": {"type": "string", "minLength": 1, "description": "The file (relative "
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
                         "«законодательством» / 'legislation of'."},
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
        "acknowledgement_rows": {"type": "integer", "minimum": 1, "maximum": 200},
        "reference_doc": {"type": "string", "minLength": 1,
                          "description": "A .docx whose styles, page, letterhead and footer "
                                         "the DOCX and PDF documents take (relative to this "
                                         "file); --reference-doc overrides it."},
        "wording": {"type": "string", "minLength": 1,
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
        "roles": {"type": "string", "minLength": 1,
                  "description": "The role library: where ids are looked up and what "
                                 "`jobdocs validate` checks (default: roles)."},
        "organization": {"type": "string", "minLength": 1,
                         "description": "The organization profile every command uses "
                                        "unless --org names another."},
        "languages": {"type": "array", "items": {"type": "string", "pattern": LANG_PATTERN},
                      "description": "Languages `render` writes by default."},
        "formats": {"type": "array", "items": {"enum": ["md", "docx", "pdf"]},
                    "description": "Formats `render` writes by default."},
        "output": {"type": "string", "minLength": 1,
                   "description": "Directory `render` writes to by default."},
        "organizations": {"type": "array", "uniqueItems": True,
                          "items": {"type": "string", "minLength": 1},
                          "description": "Organization profiles `jobdocs build` writes every "
                                         "role for, each into its own folder of the output "
                                         "(default: the one `organization`)."},
        "reference_doc": {"type": "string", "minLength": 1,
                          "description": "The .docx DOCX and PDF documents take their "
                                         "styles from, unless --reference-doc names another."},
        "house_style": HOUSE_STYLE,
        "wording": {"type": "string", "minLength": 1,
                    "description": "A folder of catalogs and templates that override the "
                                   "packaged ones message by message, or add a language; "
                                   "searched after the profile's. See docs/translating.md."},
    },
    "additionalProperties": False,
}
