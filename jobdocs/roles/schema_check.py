"""The check that applies a published schema (schema.py) to a loaded file, with positions.

`check()` validates a file against exactly what `jobdocs schema` prints, with
the `jsonschema` library (jsonschema-rs answers "valid?" first). Each error
is mapped to the file, line and column of the value (or key) at fault, with a
rule id per kind of error and a message written from the error's validator
and path.
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
from ..jurisdictions import HOME
from .loader import Key, Loaded
from .profile_schema import ID_PATTERN, LANG_PATTERN
from .schema import ROLE_SCHEMA, SCHEMAS

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
