"""The report for a person: `path:line:col: severity [rule] message`, then a summary."""

from __future__ import annotations

import click

from ...errors import Problem
from ..runner import Report

_COLORS = {"error": "red", "warning": "yellow"}


def location(p: Problem) -> str:
    """Return `path:line:col` (or less, when the position is not known)."""
    parts = [p.path] + [str(n) for n in (p.line, p.column) if n is not None]
    return ":".join(parts[:2] if p.line is None else parts)


def line(p: Problem, color: bool = False) -> str:
    """Return one finding as `path:line:col: severity [rule] message`."""
    if not color:
        return f"{location(p)}: {p.severity} [{p.rule}] {p.message}"
    return (f"{click.style(location(p), bold=True)}: "
            f"{click.style(p.severity, fg=_COLORS.get(p.severity), bold=True)} "
            f"{click.style(f'[{p.rule}]', dim=True)} {p.message}")


def summary(report: Report) -> str:
    """Return one line: how many files, errors and warnings."""
    files = f"{len(report.files)} file{'s' * (len(report.files) != 1)} checked"
    if not report.problems:
        return f"{files}: no problems"
    counts = [f"{n} {word}{'s' * (n != 1)}"
              for n, word in ((report.errors, "error"), (report.warnings, "warning")) if n]
    strict = " (--strict: warnings count as errors)" if report.strict else ""
    return f"{files}: {', '.join(counts)}{strict}"


def render(report: Report, color: bool = False) -> str:
    """Return every finding, one a line, and the summary."""
    lines = [line(p, color) for p in report.problems]
    lines.append(click.style(summary(report), bold=True) if color else summary(report))
    return "\n".join(lines) + "\n"
