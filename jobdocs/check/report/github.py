"""The report for GitHub Actions: workflow-command annotations and a step summary.

Annotations put each finding on its line of the pull request's diff; the
summary (Markdown, for $GITHUB_STEP_SUMMARY) lists them on the run's page.
"""

from __future__ import annotations

from ...errors import Problem
from ..runner import Report
from .text import location, summary

MAX_SUMMARY_ROWS = 200


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(p: Problem) -> str:
    """Return one finding as a `::error file=…,line=…,col=…::message` command."""
    props = [f"file={_property(p.path)}"]
    if p.line is not None:
        props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
    props.append(f"title={_property(f'jobdocs [{p.rule}]')}")
    command = "warning" if p.severity == "warning" else "error"
    return f"::{command} {','.join(props)}::{_data(p.message)}"


def render(report: Report) -> str:
    """Return one annotation per finding, then the summary as a notice."""
    lines = [annotation(p) for p in report.problems]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def step_summary(report: Report) -> str:
    """Return the report as Markdown for the job's step summary."""
    out = [f"### jobdocs validate: {summary(report)}", ""]
    if not report.problems:
        return "\n".join(out) + "\n"
    out += ["| | where | rule | message |", "|---|---|---|---|"]
    for p in report.problems[:MAX_SUMMARY_ROWS]:
        icon = "⚠️" if p.severity == "warning" else "❌"
        message = p.message.replace("|", "\\|").replace("\n", " ")
        out.append(f"| {icon} | `{location(p)}` | `{p.rule}` | {message} |")
    if len(report.problems) > MAX_SUMMARY_ROWS:
        out.append(f"\n… and {len(report.problems) - MAX_SUMMARY_ROWS} more.")
    return "\n".join(out) + "\n"
