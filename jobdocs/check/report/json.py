"""The report for scripts: versioned JSON with summary counts."""

from __future__ import annotations

import json

from ... import __version__
from ..runner import Report

#: The version of this JSON layout; it changes only when a field changes meaning.
VERSION = 1


def render(report: Report) -> str:
    """Return the report as JSON."""
    files = [{"path": path, "errors": sum(p.severity == "error" for p in found),
              "warnings": sum(p.severity == "warning" for p in found)}
             for path, found in report.by_file().items()]
    data = {
        "version": VERSION,
        "tool": {"name": "jobdocs", "version": __version__},
        "strict": report.strict,
        "summary": {
            "files": len(report.files),
            "files_with_problems": sum(1 for f in files if f["errors"] or f["warnings"]),
            "errors": report.errors,
            "warnings": report.warnings,
        },
        "files": files,
        "problems": [{"path": p.path, "line": p.line, "column": p.column,
                      "severity": p.severity, "rule": p.rule, "message": p.message}
                     for p in report.problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
