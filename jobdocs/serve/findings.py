"""Findings as a person reads them: in the interface language, with paths from the
project folder, the clause by its number, languages by name, and each rule's
explanation (docs/validation.md in one line).

The checks word their findings in English for the command line. Here the ones an
author meets while editing are worded again in the interface language (PATTERNS:
the detail each carries, as the checker words it); any other finding is told by
its rule's explanation, with the English detail one click away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..check.rules import rule as rule_of
from ..errors import Problem
from ..resolve.sandbox import upfirst
from . import ui
from .ui import tr


class Relative(Protocol):
    root: Path

    def relative(self, path: Path | str) -> str: ...


@dataclass(frozen=True)
class Finding:
    """A problem as a page shows it."""

    file: str  # from the project folder
    line: int | None
    column: int | None
    severity: str
    rule: str
    message: str  # in the interface language
    explanation: str  # what the rule means, in the interface language
    detail: str = ""  # the checker's own words, when the message could not say it all

    @property
    def where(self) -> str:
        at = self.file
        if self.line is not None:
            at += f":{self.line}"
            if self.column is not None:
                at += f":{self.column}"
        return at


_CLAUSE = re.compile(r"clause '(?P<id>[a-z0-9-]+)' \((?P<lang>[a-z]{2,3})\): (?P<rest>.*)", re.S)
_HINT = r"(?: \(did you mean '(?P<hint>[^']+)'\?\))?"

#: (rule, what the checker writes after "clause 'ID' (LANG): " or the file's path, what
#: the interface says instead). Names in the pattern are handed to the message.
PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (rule, re.compile(pattern, re.S), message) for rule, pattern, message in (
        ("undefined-variable", r"'(?P<name>[^']+)' is undefined" + _HINT +
         r"; clause text may use: (?P<known>.*)",
         tr("the text uses “%(name)s”, which nothing provides%(hint)s")),
        ("unknown-ref", r"ref\('(?P<ref>[^']*)'\): no clause has that id" + _HINT,
         tr("the reference names a clause that does not exist (“%(ref)s”)%(hint)s")),
        ("unknown-ref", r"ref\('(?P<ref>[^']*)'\) names an item of clause '(?P<clause>[^']+)'.*",
         tr("the reference names a dashed item, which has no number: refer to its clause "
            "(“%(clause)s”)")),
        ("jinja-syntax", r"template syntax: .*",
         tr("a chip or a brace of the text is broken: remove what was typed between “{{” "
            "and “}}”, or insert the chip again from the menu")),
        ("missing-translation", r"\S+: missing the '(?P<missing>\w+)' text \(the role's "
         r"languages are .*\)", tr("the text in %(missing)s is missing")),
        ("same-in-two-languages", r"the text is the same as the '(?P<other>\w+)' text; "
         r"translate it", tr("the text is the same as in %(other)s: translate it")),
        ("translation-due", r"translation due: .*",
         tr("the translation may be out of date: the reference text changed since it was "
            "written")),
        ("long-clause", r".*", tr("the clause is very long: split it into clauses or items")),
        ("empty", r"\S+: must not be empty or blank", tr("the text is empty")),
    ))

#: What the findings of `jobdocs import` mean (its report's rules, besides the checks').
IMPORT_RULES = {
    "check-pair": tr("Check that the two languages of this clause say the same."),
    "declared-section": tr("A section jobdocs does not have became a section of the role's "
                           "own: check its heading."),
    "section-in-clause": tr("A heading inside a clause was read as a section: check where "
                            "it belongs."),
    "section-intro": tr("The opening sentence of a section is left out: jobdocs prints its "
                        "own."),
    "title-cases": tr("Not every form of the title was found: check them in the role."),
    "agreed": tr("An agreement block went into the suggested organization profile."),
    "author": tr("The author's signature went into the suggested organization profile."),
    "dangling-reference": tr("A reference to a clause the document does not have was kept "
                             "as text."),
    "joined-paragraph": tr("Lines were joined into one clause: check where it ends."),
    "mixed-list": tr("A list mixes numbers and dashes: check its items."),
    "no-title": tr("The document's title was not found: give the role its title."),
    "number-gap": tr("A clause number is missing or repeated in the document: check the "
                     "order."),
    "orphan-clause": tr("Text outside any section was placed in the nearest one: check it."),
    "repeated-section": tr("A section appears twice in the document: check its clauses."),
    "sheet": tr("The acknowledgement sheet is left out: jobdocs prints its own."),
    "unpaired-clause": tr("A clause has no counterpart in the translation."),
    "unpaired-section": tr("A section has no counterpart in the translation."),
    "unplaced-item": tr("A dashed item could not be placed under a clause: check it."),
}

#: Names in a finding that are language codes (shown as the language's name).
_LANGS = ("lang", "missing", "other")


def localized(problems: Iterable[Problem], lang: str, site: Relative,
              numbers: Mapping[str, str] | None = None) -> list[Finding]:
    """Return `problems` as the interface in `lang` shows them (each once, as
    `jobdocs validate` counts them); `numbers` gives clause ids their printed numbers."""
    t = ui.catalog(lang)
    out = []
    for p in dict.fromkeys(problems):
        summary = IMPORT_RULES.get(p.rule) or rule_of(p.rule).summary
        explanation = t.gettext(summary) if summary else ""
        message, detail = _words(p, lang, t.gettext, numbers or {})
        if message is None:
            message, detail = (explanation, _paths(p.message, site)) if lang != "en" else (
                _paths(p.message, site), "")
        out.append(Finding(site.relative(p.path), p.line, p.column, p.severity, p.rule,
                           message, explanation, detail))
    return out


def _words(p: Problem, lang: str, say: Callable[[str], str], numbers: Mapping[str, str]
           ) -> tuple[str | None, str]:
    """Return the finding in the interface language (None when no pattern words it)."""
    m = _CLAUSE.fullmatch(p.message)
    rest = m["rest"] if m else p.message
    for rule, pattern, text in PATTERNS:
        if rule != p.rule:
            continue
        found = pattern.fullmatch(rest)
        if found is None:
            continue
        values = {k: v or "" for k, v in found.groupdict().items()}
        for k in _LANGS:
            if values.get(k):
                values[k] = ui.language_name(values[k], lang, capital=False)
        values["hint"] = (say(tr(" (perhaps “%(hint)s”?)")) % values
                          if values.get("hint") else "")
        message = upfirst(say(text) % values)
        if m:
            where = say(tr("Clause %(number)s, %(language)s text")) % {
                "number": numbers.get(m["id"], m["id"]),
                "language": ui.language_name(m["lang"], lang, capital=False)}
            message = f"{where}: {say(text) % values}"
        return message, ""
    return None, ""


def _paths(message: str, site: Relative) -> str:
    """Return a message with the project folder left out of the paths it names."""
    root = str(site.root)
    return message.replace(root + "/", "").replace(root + "\\", "")
