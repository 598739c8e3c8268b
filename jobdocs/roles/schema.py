"""The JSON Schema of role files, and a checker that reports positions.

The schema below is the one source of truth: `jobdocs schema` prints it for
editors, and `check()` applies it with file, line and column for every
finding, so the editor and CI never disagree. The checker interprets the
subset of JSON Schema the schema uses (type, properties, required,
additionalProperties, patternProperties, items, minItems, minLength,
pattern, enum, $ref).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import Any

from ..config.schema import ORGANIZATION_SCHEMA, PROJECT_SCHEMA
from ..errors import Problem
from .loader import Key, Loaded

LANG_PATTERN = "^[a-z]{2,3}$"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"

_ID = {
    "type": "string",
    "pattern": ID_PATTERN,
    "patternHint": "use lower-case words joined by hyphens, e.g. 'advise-on-orders'",
}
_TEXT = {
    "description": "The text in each of the role's languages.",
    "type": "object",
    "minProperties": 1,
    "patternProperties": {LANG_PATTERN: {"type": "string", "minLength": 1}},
    "additionalProperties": False,
}
_PLACE = {
    "after": {**_ID, "description": "In a derived role: place this clause after that one."},
    "before": {**_ID, "description": "In a derived role: place this clause before that one."},
}


def _clause(text_required: bool, with_items: bool) -> dict[str, Any]:
    props: dict[str, Any] = {"id": _ID, "text": _TEXT, **_PLACE}
    if with_items:
        item = "#/$defs/item" if text_required else "#/$defs/item-override"
        clause = "#/$defs/clause" if text_required else "#/$defs/clause-override"
        props["items"] = {"type": "array", "minItems": 1, "items": {"$ref": item},
                          "description": "A dashed list under the clause."}
        props["clauses"] = {"type": "array", "minItems": 1, "items": {"$ref": clause},
                            "description": "Numbered sub-clauses (format 2): 1.6.1, 1.6.2 ..."}
    return {
        "type": "object",
        "required": ["id", "text"] if text_required else ["id"],
        "properties": props,
        "additionalProperties": False,
    }


def _sections(clause: str, required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": required,
        "properties": {
            key: {"type": "array", "items": {"$ref": clause}}
            for key in ("general", "duties", "rights", "responsibility", "evaluation",
                        "relationships", "final")
        },
        "additionalProperties": False,
    }


#: The grammatical cases a title or a position may be given in.
CASES_SCHEMA = {
    case: {"type": "string", "minLength": 1}
    for case in ("nominative", "genitive", "dative", "accusative", "instrumental",
                 "prepositional")
}
_REQUIRED_SECTIONS = ["general", "duties", "rights", "responsibility", "evaluation"]

ROLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://jobdocs.dev/schema/role-1.json",
    "title": "jobdocs role",
    "type": "object",
    "required": ["id"],
    "properties": {
        "format": {"enum": [1, 2]},
        "id": _ID,
        "extends": {**_ID, "description": "The id of the role this one is derived from."},
        "version": {"type": ["string", "number"]},
        "languages": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "pattern": LANG_PATTERN,
                      "patternHint": "use a two-letter language code such as 'ru' or 'en'"},
        },
        "title": {
            "type": "object",
            "patternProperties": {
                LANG_PATTERN: {
                    "type": ["string", "object"],
                    "required": ["nominative"],
                    "properties": CASES_SCHEMA,
                    "additionalProperties": False,
                }
            },
            "additionalProperties": False,
        },
        "vars": {"type": "object"},
        "remove": {"type": "array", "items": _ID,
                   "description": "In a derived role: ids of inherited clauses or items to drop."},
        "sections": {"type": "object"},
    },
    "additionalProperties": False,
    "if": {"required": ["extends"]},
    "then": {"properties": {"sections": _sections("#/$defs/clause-override", [])}},
    "else": {
        "required": ["version", "languages", "title", "sections"],
        "properties": {"sections": _sections("#/$defs/clause", _REQUIRED_SECTIONS),
                       "remove": {"maxItems": 0}},
    },
    "$defs": {
        "clause": _clause(True, True),
        "item": _clause(True, False),
        "clause-override": _clause(False, True),
        "item-override": _clause(False, False),
    },
}

_JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "number": (int, float),
    "integer": int,
    "boolean": bool,
}
_TYPE_NAMES = {dict: "a mapping", list: "a list", str: "a string", bool: "true or false",
               int: "a number", float: "a number", type(None): "empty", dt.date: "a date"}


def dotted(key: Key) -> str:
    """Return a key path as `sections.duties[3].text.ru`."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def check(loaded: Loaded, schema: dict[str, Any] = ROLE_SCHEMA) -> list[Problem]:
    """Return every schema problem in a loaded document, each at its position."""
    if loaded.data is None:
        return [loaded.problem((), "the file is empty; a role file is a mapping "
                               "with id, version, languages, title and sections", "schema")]
    return list(_check(loaded, loaded.data, schema, (), schema))


def _is(value: Any, type_name: str) -> bool:
    if isinstance(value, dt.date):  # YAML reads 2026-11-22 as a date; JSON sees a string
        return type_name == "string"
    if isinstance(value, bool) and type_name in ("number", "integer"):
        return False
    return isinstance(value, _JSON_TYPES[type_name])


def _check(loaded: Loaded, value: Any, schema: dict[str, Any], key: Key,
           root: dict[str, Any]) -> Iterator[Problem]:
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    if "if" in schema:
        branch = "then" if not list(_check(loaded, value, schema["if"], key, root)) else "else"
        if branch in schema:
            yield from _check(loaded, value, schema[branch], key, root)
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(repr(v) for v in schema["enum"])
        yield loaded.problem(key, f"{dotted(key)}: {value!r} is not allowed here (use {allowed})",
                             "schema")
        return
    types = schema.get("type")
    if types:
        names = [types] if isinstance(types, str) else types
        if not any(_is(value, t) for t in names):
            wanted = " or ".join(_TYPE_NAMES[int] if t == "number" else
                                 _TYPE_NAMES[_JSON_TYPES[t]] for t in names)
            got = _TYPE_NAMES.get(type(value), type(value).__name__)
            yield loaded.problem(key, f"{dotted(key)}: must be {wanted}, not {got}", "schema")
            return
    if isinstance(value, int) and not isinstance(value, bool):
        if value < schema.get("minimum", value) or value > schema.get("maximum", value):
            yield loaded.problem(key, f"{dotted(key)}: must be between {schema.get('minimum')} and "
                                 f"{schema.get('maximum')}", "schema")
    if isinstance(value, str) and schema.get("format") == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            yield loaded.problem(key, f"{dotted(key)}: {value!r} is not a date; write YYYY-MM-DD, "
                                 "e.g. 2026-11-22", "schema")
    if isinstance(value, str):
        if len(value.strip()) < schema.get("minLength", 0):
            yield loaded.problem(key, f"{dotted(key)}: must not be empty", "schema")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            hint = schema.get("patternHint", f"it must match {schema['pattern']}")
            yield loaded.problem(key, f"{dotted(key)}: {value!r} is not valid: {hint}", "schema")
    elif isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield loaded.problem(key, f"{dotted(key)}: must not be empty", "schema")
        if len(value) > schema.get("maxItems", len(value)):
            yield loaded.problem(
                key, f"{dotted(key)}: only a role with 'extends' may remove clauses", "schema")
        if "items" in schema:
            for i, item in enumerate(value):
                yield from _check(loaded, item, schema["items"], (*key, i), root)
    elif isinstance(value, dict):
        yield from _check_mapping(loaded, value, schema, key, root)


def _check_mapping(loaded: Loaded, value: dict[str, Any], schema: dict[str, Any], key: Key,
                   root: dict[str, Any]) -> Iterator[Problem]:
    if len(value) < schema.get("minProperties", 0):
        yield loaded.problem(key, f"{dotted(key)}: must not be empty", "schema")
    for name in schema.get("required", ()):
        if name not in value:
            yield loaded.problem(key, f"{dotted(key)}: missing required key '{name}'", "required")
    props = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    for name, child in value.items():
        sub = (*key, name)
        if name in props:
            yield from _check(loaded, child, props[name], sub, root)
            continue
        matched = [p for p in patterns if re.search(p, str(name))]
        for p in matched:
            yield from _check(loaded, child, patterns[p], sub, root)
        extra = schema.get("additionalProperties", True)
        if matched or extra is True:
            continue
        if isinstance(extra, dict):
            yield from _check(loaded, child, extra, sub, root)
            continue
        yield loaded.problem(sub, f"{dotted(key)}: unknown key '{name}'{_hint(name, props)}",
                             "unknown-key", at_key=True)


def _hint(name: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    if known:
        return f" (expected one of: {', '.join(known)})"
    return ""


#: Every schema jobdocs publishes (`jobdocs schema KIND`), by the kind of file it describes.
SCHEMAS: dict[str, dict[str, Any]] = {"role": ROLE_SCHEMA, "organization": ORGANIZATION_SCHEMA,
                                      "project": PROJECT_SCHEMA}


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


