"""Findings as a person reads them: in the interface language, with paths from the
project folder, the clause by its number, languages by name, and each rule's
explanation (docs/validation.md in one line).

The checks word their findings in English for the command line, and hand each
finding's rule id and the names it mentions (Problem.args: the clause, the
language, the unknown name...). Here the ones an author meets while editing are
worded by rule id in the interface language through the catalogs (WORDS); any
other finding is told by its rule's explanation, with the English detail one
click away.
"""

from __future__ import annotations

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


#: How the interface words a rule's findings: rule id → (the names a finding must carry,
#: the message they fill in), the first that fits. The checker hands the names (the
#: Problem's `args`); its English message is never read here.
WORDS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "undefined-variable": ((("name",), tr("the text uses “%(name)s”, which nothing "
                                          "provides%(hint)s")),),
    "unknown-ref": (
        (("ref", "item_of"), tr("the reference names a dashed item, which has no number: "
                                "refer to its clause (“%(item_of)s”)")),
        (("ref", "laws"), tr("the reference names a clause that holds under another law "
                             "only (%(laws)s): give this clause the same law")),
        (("ref",), tr("the reference names a clause that does not exist "
                      "(“%(ref)s”)%(hint)s"))),
    "jinja-syntax": (((), tr("a chip or a brace of the text is broken: remove what was typed "
                             "between “{{” and “}}”, or insert the chip again from the "
                             "menu")),),
    "missing-translation": ((("missing",), tr("the text in %(missing)s is missing")),),
    "same-in-two-languages": ((("other",), tr("the text is the same as in %(other)s: "
                                              "translate it")),),
    "translation-due": ((("reference",), tr("the translation may be out of date: the "
                                            "%(reference)s text changed since it was "
                                            "written")),),
    "long-clause": ((("length", "most"), tr("the clause is very long (%(length)s characters, "
                                            "at most %(most)s): split it into clauses or "
                                            "items")),),
    "empty": (((), tr("the text is empty")),),
}

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
_LANGS = ("lang", "missing", "other", "reference")


def localized(problems: Iterable[Problem], lang: str, site: Relative,
              numbers: Mapping[str, str] | None = None) -> list[Finding]:
    """Return `problems` as the interface in `lang` shows them (each once, as
    `jobdocs validate` counts them); `numbers` gives clause ids their printed numbers."""
    t = ui.catalog(lang)
    out = []
    for p in dict.fromkeys(problems):
        summary = IMPORT_RULES.get(p.rule) or rule_of(p.rule).summary
        explanation = t.gettext(summary) if summary else ""
        message, detail = _words(p, lang, t.gettext, numbers or {}), ""
        if message is None:
            message, detail = (explanation, _paths(p.message, site)) if lang != "en" else (
                _paths(p.message, site), "")
        out.append(Finding(site.relative(p.path), p.line, p.column, p.severity, p.rule,
                           message, explanation, detail))
    return out


def _words(p: Problem, lang: str, say: Callable[[str], str], numbers: Mapping[str, str]
           ) -> str | None:
    """Return the finding in the interface language, worded by its rule id from the names
    it carries (None when the interface has no words for it)."""
    args = dict(p.args)
    text = next((text for needs, text in WORDS.get(p.rule, ()) if all(
        args.get(k) for k in needs)), None)
    if text is None:
        return None
    values = {**args}
    for k in _LANGS:
        if values.get(k):
            values[k] = ui.language_name(values[k], lang, capital=False)
    values["hint"] = say(tr(" (perhaps “%(hint)s”?)")) % values if args.get("hint") else ""
    if args.get("clause") and args.get("lang"):
        where = say(tr("Clause %(number)s, %(language)s text")) % {
            "number": numbers.get(args["clause"], args["clause"]), "language": values["lang"]}
        return f"{where}: {say(text) % values}"
    return upfirst(say(text) % values)


def _paths(message: str, site: Relative) -> str:
    """Return a message with the project folder left out of the paths it names."""
    root = str(site.root)
    return message.replace(root + "/", "").replace(root + "\\", "")
