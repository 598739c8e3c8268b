"""Findings as a person reads them: in the interface language, with paths from the
project folder, and each rule's explanation (docs/validation.md in one line)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..check.rules import rule as rule_of
from ..errors import Problem
from . import ui


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

    @property
    def where(self) -> str:
        at = self.file
        if self.line is not None:
            at += f":{self.line}"
            if self.column is not None:
                at += f":{self.column}"
        return at


def localized(problems: Iterable[Problem], lang: str, site: Relative) -> list[Finding]:
    """Return `problems` as the interface in `lang` shows them."""
    t = ui.catalog(lang)
    out = []
    for p in problems:
        summary = rule_of(p.rule).summary
        out.append(Finding(site.relative(p.path), p.line, p.column, p.severity, p.rule,
                           _paths(p.message, site), t.gettext(summary) if summary else ""))
    return out


def _paths(message: str, site: Relative) -> str:
    """Return a message with the project folder left out of the paths it names."""
    root = str(site.root)
    return message.replace(root + "/", "").replace(root + "\\", "")
