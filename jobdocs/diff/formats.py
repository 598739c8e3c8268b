"""Write a RoleDiff as text for a terminal, Markdown for a pull request, or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..render.markdown import escape as _escape
from ..resolve.sandbox import upfirst
from . import labels
from .align import ClauseChange, LangDiff, RoleDiff
from .words import Segment

JSON_VERSION = 1


def escape(value: object) -> str:
    return _escape(value, line_start=False)


def _numbers(c: ClauseChange) -> str:
    a = c.old.number if c.old else ""
    b = c.new.number if c.new else ""
    return a if a == b else f"{a} → {b}".strip(" →") if a and b else a or b


def _groups(d: LangDiff) -> list[tuple[str, list[ClauseChange]]]:
    groups: dict[str, list[ClauseChange]] = {}
    for c in d.changes:
        groups.setdefault(c.section, []).append(c)
    return list(groups.items())


def _item_note(t: Any, kind: str) -> str:
    """Return "moved: " before an item moved within its list (the others show by their marks)."""
    return f"{labels.label(t, kind)}: " if kind == "moved" else ""


def _title(diff: RoleDiff, d: LangDiff) -> str:
    old, new = diff.old_role, diff.new_role
    version = old.version if old.version == new.version else f"{old.version} → {new.version}"
    return f"{new.id} {version} ({d.lang})"


# -- text ---------------------------------------------------------------------------------


def to_text(diff: RoleDiff, color: bool = False) -> str:
    """Return the diff for a terminal; with `color`, insertions green and deletions red."""

    def style(seg: Segment) -> str:
        if seg.op == "equal":
            return seg.text
        if color:
            code = "32" if seg.op == "insert" else "31;9"
            return f"\x1b[{code}m{seg.text}\x1b[0m"
        return f"{{+{seg.text}+}}" if seg.op == "insert" else f"[-{seg.text}-]"

    t = labels.English
    out: list[str] = []
    for d in diff.langs:
        out.append(f"{_title(diff, d)}: {labels.summary(t, d)}")
        for f in d.fields:
            out.append(f"  {f.field}: {f.old or '(none)'} → {f.new or '(none)'}")
        for key, changes in _groups(d):
            out.append(f"  {labels.heading(d, key)}")
            for c in changes:
                mark = {"added": "+", "removed": "-", "changed": "~", "moved": ">",
                        "references": "#"}[c.kind]
                where = labels.move_note(t, d, c)
                out.append(f"    {mark} {_numbers(c)} [{c.id}] {labels.label(t, c.kind)}{where}: "
                           f"{''.join(style(s) for s in c.segments)}")
                for item in c.items:
                    if item.kind != "same":
                        out.append(f"        - {_item_note(t, item.kind)}"
                                   f"{''.join(style(s) for s in item.segments)}")
        if d.renumbered:
            out.append(f"  {labels.renumbered_line(t, d)}")
    out += [f"translation drift: {labels.drift_line(t, cid, a, b)}" for cid, a, b in diff.drift]
    return "\n".join(out) + "\n"


# -- Markdown -----------------------------------------------------------------------------


def _md_segments(segments: tuple[Segment, ...]) -> str:
    out = []
    for s in segments:
        text = escape(s.text)
        if s.op == "insert":
            out.append(f"<ins>{text}</ins>")
        elif s.op == "delete":
            out.append(f"<del>{text}</del>")
        else:
            out.append(text)
    return "".join(out)


def to_markdown(diff: RoleDiff) -> str:
    """Return the diff as GitHub Markdown: a summary table, then each change inline.

    Each language's part speaks that language (headings, labels, summary).
    """
    out: list[str] = []
    for d in diff.langs:
        t = labels.catalog(d.lang)
        out.append(f"## {escape(_title(diff, d))}: {escape(labels.summary(t, d))}\n")
        if d.fields:
            out += [f"- **{escape(f.field)}**: <del>{escape(f.old)}</del> → "
                    f"<ins>{escape(f.new)}</ins>" for f in d.fields]
            out.append("")
        groups = _groups(d)
        if groups:
            out.append("| " + " | ".join(escape(labels.column(t, k))
                                         for k in ("section", *labels.KINDS)) + " |")
            out.append("|---|" + "---:|" * len(labels.KINDS))
            for key, changes in groups:
                counts = " | ".join(str(sum(c.kind == k for c in changes)) for k in labels.KINDS)
                out.append(f"| {escape(labels.heading(d, key))} | {counts} |")
            out.append("")
        for key, changes in groups:
            out.append(f"### {escape(labels.heading(d, key))}\n")
            for c in changes:
                label = upfirst(labels.label(t, c.kind)) + labels.move_note(t, d, c)
                out.append(f"- **{escape(_numbers(c))}** {escape(label)} (`{c.id}`): "
                           f"{_md_segments(c.segments)}")
                out += [f"  - {escape(_item_note(t, i.kind))}{_md_segments(i.segments)}"
                        for i in c.items if i.kind != "same"]
            out.append("")
        if d.renumbered:
            out.append(f"{escape(labels.renumbered_line(t, d))}.\n")
        drift = [(cid, a, b) for cid, a, b in diff.drift if d.lang in a + b]
        if drift:
            title = t.gettext("Translation drift")
            out.append(f"### {escape(title)}\n")
            out += [f"- {escape(labels.drift_line(t, cid, a, b))}" for cid, a, b in drift]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


# -- JSON ---------------------------------------------------------------------------------


def _clause_json(c: ClauseChange) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "reworded": c.reworded,
        "old": {"number": c.old.number, "section": c.old_section, "parent": c.old_parent or None,
                "text": c.old.text} if c.old else None,
        "new": {"number": c.new.number, "section": c.new_section, "parent": c.new_parent or None,
                "text": c.new.text} if c.new else None,
        "segments": [{"op": s.op, "text": s.text} for s in c.segments],
        "items": [{"id": i.id, "kind": i.kind,
                   "segments": [{"op": s.op, "text": s.text} for s in i.segments]}
                  for i in c.items if i.kind != "same"],
    }


def to_json(diff: RoleDiff) -> str:
    """Return the diff as JSON in the structure docs/diff.md documents."""
    data = {
        "version": JSON_VERSION,
        "old": {"id": diff.old_role.id, "version": diff.old_role.version,
                "source": diff.old_role.path},
        "new": {"id": diff.new_role.id, "version": diff.new_role.version,
                "source": diff.new_role.path},
        "languages": [
            {
                "lang": d.lang,
                "summary": {**{k: sum(c.kind == k for c in d.changes) for k in labels.KINDS},
                            "renumbered": len(d.renumbered)},
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in d.fields],
                "changes": [_clause_json(c) for c in d.changes],
                "renumbered": [{"id": c.id, "old": c.old.number, "new": c.new.number}
                               for c in d.renumbered if c.old and c.new],
            }
            for d in diff.langs
        ],
        "drift": [{"id": cid, "changed_in": list(a), "unchanged_in": list(b)}
                  for cid, a, b in diff.drift],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[RoleDiff], str]] = {
    "md": to_markdown,
    "json": to_json,
}
