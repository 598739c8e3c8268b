"""Write a check Report in the format a reader needs: a person, a script, GitHub, CI.

Each format is one small module with `render(report) -> str`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...errors import UsageError
from ...files import shown
from ..runner import Report

FORMATS = ("text", "json", "github", "sarif", "junit")
STDOUT = "-"


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """Return the report in one of FORMATS, every path as a person reads it from the
    current folder (relative inside it, as git and ruff print them)."""
    report = replace(report, files=tuple(shown(f) for f in report.files),
                     problems=tuple(replace(p, path=shown(p.path)) for p in report.problems))
    if fmt == "text":
        from . import text

        return text.render(report, color=color)
    if fmt == "json":
        from . import json

        return json.render(report)
    if fmt == "github":
        from . import github

        return github.render(report)
    if fmt == "sarif":
        from . import sarif

        return sarif.render(report)
    if fmt == "junit":
        from . import junit

        return junit.render(report)
    raise UsageError(f"unknown report format '{fmt}' (use one of: {', '.join(FORMATS)})")


def destinations(formats: Sequence[str], outputs: Sequence[str], default: str
                 ) -> list[tuple[str, str]]:
    """Pair each format with where it goes: the n-th output is the n-th format's
    file, a format without one (or with '-') goes to standard output.

    With no format, `default` is used. At most one format may go to
    standard output.
    """
    formats = list(formats) or [default]
    if len(outputs) > len(formats):
        raise UsageError(f"{len(outputs)} outputs (-o) for {len(formats)} formats (--format); "
                         "give a --format for each -o")
    pairs = [(fmt, outputs[i] if i < len(outputs) else STDOUT) for i, fmt in enumerate(formats)]
    on_stdout = [fmt for fmt, out in pairs if out == STDOUT]
    if len(on_stdout) > 1:
        raise UsageError(f"formats {', '.join(on_stdout)} would all print to standard output; "
                         "give all but one an -o FILE (the n-th -o goes with the n-th --format)")
    return pairs
