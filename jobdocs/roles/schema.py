"""The JSON Schema of role files, and the check that applies it with positions.

The schemas here and in profile_schema.py are the only structural truth:
`jobdocs schema` prints them for editors, and `check()` validates a file
against exactly that with the `jsonschema` library, so an editor and CI
never disagree. Each error is mapped to the file, line and column of the
value (or key) at fault, with a rule id per kind of error and a message
written from the error's validator and path.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from ..errors import Problem
from ..formats import names
from ..frame.schema import FRAME_SCHEMA
from ..jurisdictions import HOME
from ..model import CASES, SECTIONS
from .loader import Key, Loaded
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

#: The rule id of each kind of schema error, by the JSON Schema keyword that failed.
RULE_BY_KEYWORD = {
    "type": "type", "required": "required", "additionalProperties": "unknown-key",
    "pattern": "pattern", "enum": "enum", "minItems": "min-items", "maxItems": "max-items",
    "uniqueItems": "unique-items", "minProperties": "min-properties",
    "minimum": "range", "maximum": "range", "format": "format", "not": "clauses-and-items",
}
#: Every rule id a schema error can carry.
SCHEMA_RULES = frozenset(RULE_BY_KEYWORD.values()) | {"key-name", "empty"}
_HINTS = {
    ID_PATTERN: "use lower-case words joined by hyphens, e.g. 'advise-on-orders'",
    LANG_PATTERN: "use a two-letter language code such as 'ru' or 'en'",
}
_TYPE_NAMES = {"object": "a mapping", "array": "a list", "string": "a string",
               "number": "a number", "integer": "a whole number", "boolean": "true or false",
               "null": "empty"}


def dotted(key: Key) -> str:
    """Return a key path as `sections.duties[3].text.ru`."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def as_json(value: Any) -> Any:
    """Return YAML data as an editor's JSON view of it: dates as strings, keys as strings."""
    if isinstance(value, Mapping):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


@lru_cache(maxsize=8)  # one per kind of file (and set of registered formats)
def _validator(kind: str, formats: tuple[str, ...]) -> Any:
    """Return the validator of one published schema, built once per set of `formats`
    (the project schema's enum is the format registry's list)."""
    import jsonschema

    schema = SCHEMAS[kind]
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@lru_cache(maxsize=8)  # one per kind of file (and set of registered formats)
def _compiled(kind: str, formats: tuple[str, ...]) -> Any:
    """Return one published schema compiled by jsonschema-rs, once: it answers "valid?"
    for a whole role in tens of microseconds, where `jsonschema` takes milliseconds."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(SCHEMAS[kind], validate_formats=True)


def _valid(kind: str, instance: Any) -> bool:
    """Return True when the compiled schema finds `instance` valid.

    Only a yes is trusted: on a no (or a value it cannot take, such as an
    integer too large for it) `jsonschema` looks again and says what is wrong,
    so the findings and their wording are `jsonschema`'s alone.
    """
    try:
        return bool(_compiled(kind, names()).is_valid(instance))
    except (ValueError, TypeError, OverflowError):
        return False


def check(loaded: Loaded, schema: dict[str, Any] = ROLE_SCHEMA) -> list[Problem]:
    """Return every schema error in a loaded file, each at its position with its rule id.

    `schema` is one of the published SCHEMAS: exactly what `jobdocs schema` prints.
    """
    kind = next((k for k, s in SCHEMAS.items() if s is schema), None)
    if kind is None:
        raise ValueError("check() takes one of the published SCHEMAS")
    if loaded.data is None and kind == "role":
        return [loaded.problem((), "the file is empty; a role file is a mapping with id, "
                               "version, languages, title and sections", "type")]
    # The data as loaded first (no copy); a YAML date it must look at makes it refuse,
    # and the editor's JSON view of the data (dates as strings) is asked instead.
    if _valid(kind, loaded.data):
        return []
    instance = as_json(loaded.data)
    if _valid(kind, instance):
        return []
    found = [p for e in _validator(kind, names()).iter_errors(instance)
             for p in _problems(loaded, e, schema)]
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda p: (p.line or 0, p.column or 0))


def _problems(loaded: Loaded, error: Any, root: dict[str, Any]) -> Iterator[Problem]:
    key: Key = tuple(error.absolute_path)
    where, what, value = dotted(key), error.validator, error.instance
    rule = RULE_BY_KEYWORD.get(what, "schema")
    if "propertyNames" in error.absolute_schema_path:  # the error is about a key's name
        hint = (_HINTS.get(error.validator_value, error.message)
                if isinstance(error.validator_value, str) else _allowed(value, error))
        yield loaded.problem((*key, value), f"{where}: {quoted(value)} is not a valid key: {hint}",
                             "key-name", at_key=True)
    elif what == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                yield loaded.problem(key, f"{where}: missing required key '{name}'", rule)
    elif what == "additionalProperties":
        known = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        for name in value:
            if name not in known and not any(re.search(p, name) for p in patterns):
                yield loaded.problem((*key, name), f"{where}: unknown key {quoted(name)}"
                                     f"{_hint(name, known)}", rule, at_key=True)
    elif what == "type":
        wanted = error.validator_value
        names = [wanted] if isinstance(wanted, str) else wanted
        got = "empty" if value is None else _TYPE_NAMES[_json_type(value)]
        yield loaded.problem(key, f"{where}: must be {' or '.join(_TYPE_NAMES[n] for n in names)}"
                             f", not {got}", rule)
    elif what == "pattern" and error.validator_value == r"\S":
        yield loaded.problem(key, f"{where}: must not be empty or blank", "empty")
    elif what == "pattern":
        hint = _HINTS.get(error.validator_value, f"it must match {error.validator_value}")
        yield loaded.problem(key, f"{where}: {quoted(value)} is not valid: {hint}", rule)
    elif what == "enum":
        yield loaded.problem(key, f"{where}: {quoted(value)} is not allowed here "
                             f"({_allowed(value, error)})", rule)
    elif what in ("minItems", "minProperties"):
        yield loaded.problem(key, f"{where}: must not be empty", rule)
    elif what == "maxItems" and key[-1:] == ("remove",):
        yield loaded.problem(key, f"{where}: only a role with 'extends' may remove clauses", rule)
    elif what in ("minimum", "maximum"):
        yield loaded.problem(key, f"{where}: must be between {error.schema.get('minimum')} and "
                             f"{error.schema.get('maximum')}", rule)
    elif what == "uniqueItems":
        yield loaded.problem(key, f"{where}: lists an entry twice; keep one", rule)
    elif what == "format":
        yield loaded.problem(key, f"{where}: {quoted(value)} is not a date; write YYYY-MM-DD, "
                             "e.g. 2026-11-22", rule)
    elif what == "not":
        yield loaded.problem((*key, "items"), f"{where}: give clauses: (numbered) or items: "
                             "(dashed), not both", rule, at_key=True)
    else:
        yield loaded.problem(key, f"{where}: {error.message}", rule)


def _allowed(value: Any, error: Any) -> str:
    """Return "use 'a', 'b'", and which law a language code means when one was meant."""
    allowed = list(error.validator_value)
    out = f"use {', '.join(repr(v) for v in allowed)}"
    if HOME.get(value) in allowed:
        out += f"; the law of '{value}' documents is '{HOME[value]}'"
    return out


#: The most characters of a file's own text a finding quotes (a key, a value).
QUOTED = 40


def quoted(value: Any) -> str:
    """Return a value of the file as a finding quotes it: in quotes, and at most QUOTED
    characters of it (a file is never echoed into a log, however long its keys)."""
    text = str(value)
    return repr(text if len(text) <= QUOTED else text[:QUOTED - 1] + "…")


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, int | float):
        return "number"
    return "string"


def _hint(name: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    if known:
        return f" (expected one of: {', '.join(known)})"
    return ""


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
