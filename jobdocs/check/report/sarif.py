"""The report for code scanning: SARIF 2.1.0, one result per finding."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ... import __version__
from ...errors import Problem
from ..rules import RULES, rule
from ..runner import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning"}


def _uri(path: str) -> dict[str, Any]:
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(str(PurePosixPath(*p.parts))), "uriBaseId": "%SRCROOT%"}


def render(report: Report) -> str:
    """Return the report as a SARIF 2.1.0 log."""
    ids = list(RULES) + sorted({p.rule for p in report.problems} - RULES.keys())
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    artifacts = list(report.by_file())
    artifact_index = {path: i for i, path in enumerate(artifacts)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "jobdocs",
                "version": __version__,
                "rules": [{
                    "id": rule_id,
                    "shortDescription": {"text": rule(rule_id).summary},
                    "defaultConfiguration": {"level": _LEVELS[rule(rule_id).severity]},
                    "help": {"text": f"See docs/validation.md, rule {rule_id}."},
                } for rule_id in ids],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": _uri(path)} for path in artifacts],
            "results": [_result(p, index[p.rule], artifact_index[p.path])
                        for p in report.problems],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _result(p: Problem, rule_index: int, artifact: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {**_uri(p.path), "index": artifact}}
    if p.line is not None:
        location["region"] = {"startLine": p.line}
        if p.column is not None:
            location["region"]["startColumn"] = p.column
    return {
        "ruleId": p.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS.get(p.severity, "error"),
        "message": {"text": p.message},
        "locations": [{"physicalLocation": location}],
    }
