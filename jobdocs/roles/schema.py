"""The JSON Schema of role files, and the registry of every schema jobdocs publishes.

The schemas here, in profile_schema.py and in frame/schema.py are the only
structural truth: `jobdocs schema` prints them for editors, and
schema_check.py validates a file against exactly that, so an editor and CI
never disagree.
"""

from __future__ import annotations

import re
from typing import Any

from ..frame.schema import FRAME_SCHEMA
from ..model import CASES, SECTIONS
from .profile_schema import (
    DECLARE_SECTIONS,
    ID_PATTERN,
    LANG_PATTERN,
    LAW,
    LAWS,
    OFFICER_KEY,
    ORGANIZATION_SCHEMA,
    PROJECT_SCHEMA,
    ROLE_OFFICERS,
    TEXT,
)

_ID = {"type": "string", "pattern": ID_PATTERN}
_TEXT = {**TEXT, "description": "The text in each of the role's languages."}
_PLACE = {
    "after": {**_ID, "description": "In a derived role: place this clause after that one."},
    "before": {**_ID, "description": "In a derived role: place this clause before that one."},
}
_HASH = {"type": "string", "pattern": "^[0-9a-f]{8}$"}
#: What a clause or an item may say beside its id, text and children.
_ABOUT = {
    "law": LAWS,
    "follows": {
        "description": "The hash of the reference text the translations were written "
                       "from (`jobdocs validate` prints it): one for every translation, or "
                       "one per language.",
        "type": ["string", "object"], "pattern": "^[0-9a-f]{8}$",
        "patternProperties": {LANG_PATTERN: _HASH}, "additionalProperties": False},
    "silence": {
        "description": "Lint findings that do not apply here: RULE: the reason.",
        "type": "object", "propertyNames": _ID,
        "additionalProperties": {"type": "string", "pattern": r"\S"}},
}


def _clause(override: bool) -> dict[str, Any]:
    suffix = "-override" if override else ""
    return {
        "type": "object",
        "required": ["id"] if override else ["id", "text"],
        "properties": {
            "id": _ID, "text": _TEXT, **_PLACE, **_ABOUT,
            "clauses": {"type": "array", "minItems": 1,
                        "items": {"$ref": f"#/$defs/clause{suffix}"},
                        "description": "Numbered sub-clauses (1.6.1, 1.6.2 ...)."},
            "items": {"type": "array", "minItems": 1, "items": {"$ref": f"#/$defs/item{suffix}"},
                      "description": "A dashed list under the clause."},
        },
        "additionalProperties": False,
        "not": {"required": ["clauses", "items"]},
    }


def _item(override: bool) -> dict[str, Any]:
    return {"type": "object", "required": ["id"] if override else ["id", "text"],
            "properties": {"id": _ID, "text": _TEXT, **_PLACE, **_ABOUT},
            "additionalProperties": False}


def _sections(override: bool) -> dict[str, Any]:
    clauses = {"type": "array",
               "items": {"$ref": "#/$defs/clause-override" if override else "#/$defs/clause"}}
    return {
        "description": "Clauses per section: the built-in sections and declared ones.",
        "type": "object",
        "propertyNames": _ID,
        "properties": {key: clauses for key in SECTIONS},
        "additionalProperties": clauses,
    }

_TEXT_OR_TEXTS = {
    "type": ["string", "number", "object"],
    "pattern": r"\S",
    "minProperties": 1,
    "patternProperties": {LANG_PATTERN: {"type": ["string", "number"], "pattern": r"\S"}},
    "additionalProperties": False,
}
#: The facts about the position a frame's table of fields prints (docs/frames.md).
DETAILS = {
    "description": "Facts about the position that a frame's heading table prints: one text "
                   "for every language or one per language; a derived role changes them one "
                   "by one.",
    "type": "object",
    "properties": {
        "department": {**_TEXT_OR_TEXTS, "description": "The department or unit."},
        "location": {**_TEXT_OR_TEXTS, "description": "Where the work is done (default: the "
                     "profile's place)."},
        "grade": {**_TEXT_OR_TEXTS, "description": "The pay grade or band."},
        "flsa": {"enum": ["exempt", "non-exempt"],
                 "description": "The position's status under the US Fair Labor Standards "
                                "Act."},
        "deputy": {**_TEXT_OR_TEXTS, "description": "Who deputises for the holder "
                   "(Stellvertretung)."},
        "responsible_for": {**_TEXT_OR_TEXTS, "description": "Who reports to the holder."},
    },
    "additionalProperties": False,
}


ROLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://jobdocs.dev/schema/role-1.json",
    "title": "jobdocs role",
    "type": "object",
    "required": ["id"],
    "properties": {
        "format": {"enum": [1, 2], "description": "2 adds sub-clauses and declared sections; "
                   "every format-1 file is a valid format-2 file."},
        "id": _ID,
        "extends": {**_ID, "description": "The id of the role this one is derived from."},
        "version": {"type": ["string", "number"]},
        "languages": {"type": "array", "minItems": 1,
                      "items": {"type": "string", "pattern": LANG_PATTERN}},
        "title": {
            "type": "object",
            "patternProperties": {
                LANG_PATTERN: {
                    "type": ["string", "object"],
                    "pattern": r"\S",
                    "required": ["nominative"],
                    "properties": {case: {"type": "string", "pattern": r"\S"} for case in CASES},
                    "additionalProperties": False,
                }
            },
            "additionalProperties": False,
        },
        "vars": {"type": "object"},
        "law": {
            "description": "The jurisdictions the role is written for, each with the "
                           "languages it is written in there: {ru: [ru, en], de: [de]}.",
            "type": "object", "minProperties": 1,
            "propertyNames": LAW,
            "additionalProperties": {"type": "array", "minItems": 1, "uniqueItems": True,
                                     "items": {"type": "string", "pattern": LANG_PATTERN}}},
        "reference": {"type": "string", "pattern": LANG_PATTERN,
                      "description": "The language legal reviews: a change of its text "
                                     "marks the translations due for review (follows:)."},
        "officers": ROLE_OFFICERS,
        "reports_to": {"type": "string", "pattern": OFFICER_KEY,
                       "description": "The officer of the organization profile who is this "
                                      "role's line manager (default: line_manager)."},
        "details": DETAILS,
        "remove": {"type": "array", "items": _ID,
                   "description": "In a derived role: ids of inherited clauses or items to drop."},
        "declare_sections": DECLARE_SECTIONS,
        "sections": {"type": "object"},
    },
    "additionalProperties": False,
    "if": {"required": ["extends"]},
    "then": {"properties": {"sections": _sections(override=True)}},
    "else": {
        "required": ["version", "languages", "title", "sections"],
        "properties": {"sections": _sections(override=False), "remove": {"maxItems": 0}},
    },
    "$defs": {
        "clause": _clause(False),
        "item": _item(False),
        "clause-override": _clause(True),
        "item-override": _item(True),
    },
}

#: Every schema jobdocs publishes (`jobdocs schema KIND`), by the kind of file it describes.
SCHEMAS: dict[str, dict[str, Any]] = {"role": ROLE_SCHEMA, "organization": ORGANIZATION_SCHEMA,
                                      "project": PROJECT_SCHEMA, "frame": FRAME_SCHEMA}


def file_name(kind: str) -> str:
    """Return the file a schema is saved as (`role-1.json`): the last part of its `$id`."""
    return str(SCHEMAS[kind]["$id"]).rsplit("/", 1)[-1]


def as_text(kind: str) -> str:
    """Return a schema as `jobdocs schema` prints it and `jobdocs init` saves it."""
    import json

    return json.dumps(SCHEMAS[kind], ensure_ascii=False, indent=2) + "\n"


def schema_kind(ref: str) -> str | None:
    """Return the kind of file a `$schema=` reference names, or None when it is none of ours.

    A reference names one of ours when it ends in the file name of its `$id`
    (`role-1.json`): the URL itself, or a copy saved with `jobdocs schema`.
    """
    name = re.split(r"[?#]", ref, maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1]
    for kind, schema in SCHEMAS.items():
        if name == schema["$id"].rsplit("/", 1)[-1]:
            return kind
    return None
