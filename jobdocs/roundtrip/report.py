"""Say what an import into a role did: the changes, the review at its clauses, the findings;
as text for a person or JSON for a program."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..files import shown
from .into import RoundTrip
from .review import Note

_KINDS = {"insert": "inserted", "delete": "deleted", "move": "moved", "format": "formatted"}


def data(result: RoundTrip) -> dict[str, Any]:
    """Return the report as plain data (the JSON format)."""
    return {
        "role": result.role,
        "file": shown(result.path),
        "document": result.document,
        "lang": result.lang,
        "changes": "rejected" if result.view == "reject" else "accepted",
        "written": [shown(p) for p in result.wrote],
        "edits": [vars(r) for r in result.plan.records],
        "translations": {"due": result.written.due, "reviewed": result.written.reviewed,
                         "untracked": result.written.untracked},
        "review": [vars(n) for n in result.notes],
        "findings": [{"paragraph": p.line, "severity": p.severity, "rule": p.rule,
                      "message": p.message} for p in result.findings],
    }


def as_json(result: RoundTrip) -> str:
    return json.dumps(data(result), ensure_ascii=False, indent=2)


def as_text(result: RoundTrip) -> str:
    """Return the report for a person: one line per change, note and finding."""
    lines = []
    written = "written" if result.wrote else (
        "nothing to write" if result.plan.empty else
        "dry run: nothing written" if result.dry_run and not result.errors else "NOT written")
    view = "rejected" if result.view == "reject" else "accepted"
    lines.append(f"{shown(result.document)} -> {shown(result.path)} ({result.lang}, tracked "
                 f"changes {view}): {len(result.plan.records)} changes, "
                 f"{sum(n.kind == 'comment' for n in result.notes)} comments; {written}")
    for r in result.plan.records:
        what = f"{r.kind:8} {_clause(r.number, r.id)}"
        if r.where:
            what += f" ({r.where})"
        if r.text and r.kind in ("added", "changed", "heading"):
            what += f": «{r.text}»"
        lines.append(f"  {what}")
    w = result.written
    for label, found in (("due for translation", w.due), ("untracked (the role names no "
                         "reference language)", w.untracked)):
        if found:
            lines.append(f"  {label}: " + "; ".join(f"{cid} ({', '.join(langs)})"
                                                    for cid, langs in found.items()))
    if w.reviewed:
        lines.append("  translation follows the reference text now: " + "; ".join(
            f"{cid} ({lang})" for cid, lang in w.reviewed.items()))
    review = _review(result.notes)
    if review:
        lines.append("  review:")
        lines += [f"    {line}" for line in review]
    for p in result.findings:
        where = f"{p.path}:{p.line}" if p.line else p.path
        lines.append(f"  {where}: {p.severity} [{p.rule}] {p.message}")
    return "\n".join(lines)


def _clause(number: str, cid: str) -> str:
    return f"{number} {cid}" if number else cid or "(the frame)"


def _review(found: list[Note]) -> list[str]:
    """Return the comments one by one, and the tracked changes summed up per clause,
    author and date."""
    out = []
    for n in found:
        if n.kind == "comment":
            out.append(f"{_clause(n.number, n.clause)}: comment by {n.author or 'unknown'}"
                       f"{_on(n.date)}: «{n.text}»")
    groups: dict[tuple[str, str, str, str], list[Note]] = {}
    for n in found:
        if n.kind != "comment":
            groups.setdefault((n.number, n.clause, n.author, n.date), []).append(n)
    for (number, cid, author, date), changes in groups.items():
        said = _counted(changes, lambda n: _KINDS.get(n.kind, n.kind))
        out.append(f"{_clause(number, cid)}: {said} by {author or 'unknown'}{_on(date)}")
    return out


def _on(date: str) -> str:
    return f", {date}" if date else ""


def _counted(changes: list[Note], word: Callable[[Note], str]) -> str:
    counts: dict[str, int] = {}
    for n in changes:
        counts[word(n)] = counts.get(word(n), 0) + 1
    # A move is its two ends (from and to): one move.
    return ", ".join(f"{k} {v}×" if v > 1 and k != "moved" else k for k, v in counts.items())
