"""The JSON Schema of a frame definition (`jobdocs schema frame`), and of the `frame:` key
of a profile or jobdocs.yaml: a preset's name, a definition, or either per language."""

from __future__ import annotations

from typing import Any

from ..house_style import SCHEMA as _LOOK
from .presets import PRESETS
from .spec import BLOCKS, FIELDS, NUMBERING, SIGNERS

_LANG = "^[a-z]{2,3}$"
_KEY = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
_STATEMENT_KEY = {"type": "string", "pattern": "^[a-z][a-z0-9]*([_-][a-z0-9]+)*$"}
#: A text printed as written: one for every language, or one per language. It may name
#: {nominative}, {genitive}, {dative} ... (the job title in that form) and {organization}.
WORDING: dict[str, Any] = {
    "description": "A text: one for every language, or one per language ({en: ..., de: "
                   "...}); {nominative}, {genitive}, {dative} print the job title in that "
                   "form, {organization} the organization's name. A language it gives no "
                   "text keeps the preset's.",
    "type": ["string", "object"],
    "pattern": r"\S",
    "minProperties": 1,
    "patternProperties": {_LANG: {"type": "string", "pattern": r"\S"}},
    "additionalProperties": False,
}
_OFF = {"enum": [False]}


def _either(test: dict[str, Any], then: dict[str, Any], otherwise: dict[str, Any],
            **more: Any) -> dict[str, Any]:
    """Return a schema that checks a value by `then` when it passes `test`, else by
    `otherwise`: unlike oneOf, a mistake is reported inside the branch it belongs to."""
    return {**more, "if": test, "then": then, "else": otherwise}


def _off_or(schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    """Return a schema for `false` or a value `schema` checks."""
    more = {"description": description} if description else {}
    return _either({"type": "boolean"}, _OFF, schema, **more)


def _block(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return _off_or({"type": "object", "properties": properties, "additionalProperties": False},
                   description + " false: none.")


def _named_or(names: list[str], key: str, label: dict[str, Any]) -> dict[str, Any]:
    """A name from `names`, or {key: NAME, label: ...}."""
    return _either({"type": "string"}, {"enum": names}, {
        "type": "object", "required": [key], "additionalProperties": False,
        "properties": {key: {"enum": names}, "label": label}})


_SIGNER = _named_or(list(SIGNERS), "who", WORDING)
_FIELD = _named_or(list(FIELDS), "key", WORDING)
_LINES = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "statement": _off_or(WORDING, "The sentence above the lines, or false."),
        "signers": {"type": "array", "minItems": 1, "items": _SIGNER,
                    "description": "Who signs, a row each: " + ", ".join(SIGNERS) + "; a "
                                   "label of your own with {who: manager, label: ...}."},
        "date": {**WORDING, "description": "The caption of the date line (Date; Ort, Datum)."},
        "place": {"type": "boolean",
                  "description": "A known date prints after the place (Hamburg, 16.11.2026)."},
    },
}

DEFINITION: dict[str, Any] = {
    "type": "object",
    "description": "A frame: which blocks a document has, in what order, how each is laid "
                   "out and worded. It extends a preset (extends:, default: the one the "
                   "document would have) and gives only what differs. See docs/frames.md.",
    "additionalProperties": False,
    "properties": {
        "extends": {"enum": list(PRESETS), "description": "The preset this one changes."},
        "blocks": {"type": "array", "uniqueItems": True, "items": {"enum": list(BLOCKS)},
                   "description": "The whole order of the blocks; a block not named does not "
                                  "print. Default: every block that is on, in the order " +
                                  ", ".join(BLOCKS) + "."},
        "page": {**_LOOK["properties"]["page"],
                 "description": "The paper and margins the frame prints on (A4, US Letter) "
                                "where the house style and the company's reference document "
                                "give none."},
        "font": {**_LOOK["properties"]["font"],
                 "description": "The body font where the house style and the company's "
                                "reference document give none."},
        "paragraphs": {"type": "object", "additionalProperties": False,
                       "description": "How body text sits where the company's reference "
                                      "document says nothing: align (justify, left), indent "
                                      "(a first-line indent on lead-ins), headings (center, "
                                      "left).",
                       "properties": {"align": {"enum": ["justify", "left"]},
                                      "indent": {"type": "boolean"},
                                      "headings": {"enum": ["center", "left"]}}},
        "locale": {"type": "object", "additionalProperties": False,
                   "patternProperties": {_LANG: {"type": "string",
                                                 "pattern": "^[a-z]{2,3}(_[A-Z]{2})?$"}},
                   "description": "The date format per language (en: en_US) where the "
                                  "profile names none."},
        "approval": _block("The approval stamp (УТВЕРЖДАЮ / APPROVED) on the first page.", {
            "title": WORDING, "align": {"enum": ["left", "right"]}}),
        "letterhead": _block("The organization's name at the top.", {
            "name": {"enum": ["full", "short"],
                     "description": "full: the charter's name with the short one under it."},
            "blank": {"type": "boolean",
                      "description": "A line to fill in when the profile names none."}}),
        "heading": _block("The document's heading.", {
            "form": {"enum": ["gost", "fields"],
                     "description": "gost: kind, date and number, place, the title in the "
                                    "genitive; fields: a title line and a table of the "
                                    "position's facts."},
            "kind": {**WORDING, "description": "The kind of document (JOB DESCRIPTION)."},
            "full_title": {**WORDING, "description": "The document's title, as its "
                           "properties and the acknowledgement sheet name it."},
            "fields": {"type": "array", "items": _FIELD,
                       "description": "The table's rows (fields form): " +
                                      ", ".join(FIELDS) + "; a field the role and the "
                                      "profile leave empty is left out."},
            "gender_marker": _off_or(WORDING, "Printed after the job title where the title "
                                              "carries none: (m/w/d).")}),
        "sections": {
            "type": "object", "additionalProperties": False,
            "description": "How sections and clauses are marked and headed.",
            "properties": {
                "numbering": {"enum": list(NUMBERING),
                              "description": "legal: numbered headings and clauses (1.1, "
                                             "1.1.1); none: headed bulleted lists (ref() "
                                             "then prints the clause's words)."},
                "headings": {"type": "object", "propertyNames": _KEY,
                             "additionalProperties": WORDING,
                             "description": "A heading per section key."},
                "intros": {"type": "object", "propertyNames": _KEY,
                           "additionalProperties": _off_or(WORDING),
                           "description": "A lead-in per section key, or false."},
                "declare": {"type": "object", "propertyNames": _KEY,
                            "additionalProperties": _off_or({
                                "type": "object", "additionalProperties": False,
                                "properties": {"after": _KEY, "before": _KEY}}),
                            "description": "Sections the frame offers roles (headed by "
                                           "headings:), placed after: or before: another."},
                "required": _off_or({"type": "array", "uniqueItems": True, "items": _KEY},
                                    "The sections a role must fill where the house style "
                                    "says nothing."),
            },
        },
        "statements": {
            "type": "object", "propertyNames": _STATEMENT_KEY,
            "description": "Paragraphs after the sections (other_duties, eeo, at_will, or "
                           "your own): a text, {heading, text}, or false.",
            "additionalProperties": _off_or(_either(
                {"type": "object", "not": {"propertyNames": {"pattern": _LANG}}},
                {"type": "object", "required": ["text"], "additionalProperties": False,
                 "properties": {"heading": _off_or(WORDING), "text": WORDING}},
                WORDING)),
        },
        "author": _block("The author's signature (the head of the unit), ГОСТ's row.",
                         {"title": WORDING}),
        "agreements": _block("The agreement visas (СОГЛАСОВАНО).", {"title": WORDING}),
        "signatures": _off_or({"type": "array", "minItems": 1, "items": _LINES},
                              "Rows of lines to sign on (employee, manager, date), each set "
                              "after its statement; false: none."),
        "acknowledgement": _block("ГОСТ's acknowledgement: the sentence and the reader's "
                                  "signature.", {"statement": WORDING}),
        "sheet": {"type": "boolean", "description": "The acknowledgement sheet (лист "
                                                     "ознакомления), a table."},
        "trace": _either({"type": "boolean"}, {"type": "boolean"}, WORDING,
                         description="The footer line naming role, version and content "
                                     "hash: true, false, or a text with {role}, {version}, "
                                     "{hash}."),
    },
}

#: `frame:` in a profile or jobdocs.yaml.
SETTING: dict[str, Any] = {
    "description": "The document frame: a preset (" + ", ".join(PRESETS) + "), a definition "
                   "that extends one, or either per language ({de: de, sv: sv}). See "
                   "docs/frames.md.",
    **_either({"type": "string"}, {"enum": list(PRESETS)}, _either(
        {"type": "object", "minProperties": 1, "propertyNames": {"pattern": _LANG}},
        {"additionalProperties": _either({"type": "string"}, {"enum": list(PRESETS)},
                                         DEFINITION)},
        DEFINITION)),
}

#: `jobdocs schema frame`: a definition on its own.
FRAME_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://jobdocs.dev/schema/frame-1.json",
    "title": "jobdocs frame definition",
    **DEFINITION,
}
