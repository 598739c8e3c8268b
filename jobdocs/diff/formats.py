"""Write a RoleDiff as text for a terminal, Markdown for a pull request, or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..render.markdown import escape as _escape
from .align import ClauseChange, LangDiff, RoleDiff
from .words import Segment

JSON_VERSION = 1


def escape(value: object) -> str:
    return _escape(value, line_start=False)


KINDS = ("added", "changed", "moved", "removed", "references")
_LABELS = {"added": "added", "changed": "changed", "moved": "moved", "removed": "removed",
           "references": "reference renumbered"}


def _heading(d: LangDiff, key: str) -> str:
    for doc in (d.new, d.old):
        if doc is not None:
            for s in doc.sections:
                if s.key == key:
                    return f"{s.number}. {s.heading}"
    return key


def _numbers(c: ClauseChange) -> str:
    a = c.old.number if c.old else ""
    b = c.new.number if c.new else ""
    return a if a == b else f"{a} → {b}".strip(" →") if a and b else a or b


def _groups(d: LangDiff) -> list[tuple[str, list[ClauseChange]]]:
    groups: dict[str, list[ClauseChange]] = {}
    for c in d.changes:
        groups.setdefault(c.section, []).append(c)
    return list(groups.items())


def _renumbered_line(d: LangDiff) -> str:
    n = len(d.renumbered)
    if not n:
        return ""
    sample = ", ".join(f"{c.old.number} → {c.new.number}" for c in d.renumbered[:3]
                       if c.old and c.new)
    more = ", …" if n > 3 else ""
    return f"{n} clause{'s' if n != 1 else ''} renumbered ({sample}{more})"


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

    out: list[str] = []
    for d in diff.langs:
        out.append(f"{_title(diff, d)}: {_summary(d)}")
        for f in d.fields:
            out.append(f"  {f.field}: {f.old or '(none)'} → {f.new or '(none)'}")
        for key, changes in _groups(d):
            out.append(f"  {_heading(d, key)}")
            for c in changes:
                mark = {"added": "+", "removed": "-", "changed": "~", "moved": ">",
                        "references": "#"}[c.kind]
                where = _move_note(d, c)
                out.append(f"    {mark} {_numbers(c)} [{c.id}] {_LABELS[c.kind]}{where}: "
                           f"{''.join(style(s) for s in c.segments)}")
                for item in c.items:
                    if item.kind != "same":
                        out.append(f"        - {''.join(style(s) for s in item.segments)}")
        if d.renumbered:
            out.append(f"  {_renumbered_line(d)}")
    out += [f"translation drift: '{cid}' changed in {', '.join(a)} but not in {', '.join(b)}"
            for cid, a, b in diff.drift]
    return "\n".join(out) + "\n"


def _move_note(d: LangDiff, c: ClauseChange) -> str:
    if c.kind != "moved":
        return ""
    if c.old_section != c.new_section:
        return f" from {_heading(d, c.old_section)}" + (" and reworded" if c.reworded else "")
    return " within the section" + (" and reworded" if c.reworded else "")


def _summary(d: LangDiff) -> str:
    counts = [f"{sum(c.kind == k for c in d.changes)} {_LABELS[k]}" for k in KINDS
              if any(c.kind == k for c in d.changes)]
    if d.renumbered:
        counts.append(f"{len(d.renumbered)} renumbered")
    return ", ".join(counts) or "no changes"


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
    """Return the diff as GitHub Markdown: a summary table, then each change inline."""
    out: list[str] = []
    for d in diff.langs:
        out.append(f"## {escape(_title(diff, d))}: {_summary(d)}\n")
        if d.fields:
            out += [f"- **{escape(f.field)}**: <del>{escape(f.old)}</del> → "
                    f"<ins>{escape(f.new)}</ins>" for f in d.fields]
            out.append("")
        groups = _groups(d)
        if groups:
            out.append("| Section | " + " | ".join(_LABELS[k].capitalize() for k in KINDS) + " |")
            out.append("|---|" + "---:|" * len(KINDS))
            for key, changes in groups:
                counts = " | ".join(str(sum(c.kind == k for c in changes)) for k in KINDS)
                out.append(f"| {escape(_heading(d, key))} | {counts} |")
            out.append("")
        for key, changes in groups:
            out.append(f"### {escape(_heading(d, key))}\n")
            for c in changes:
                label = _LABELS[c.kind].capitalize() + _move_note(d, c)
                out.append(f"- **{escape(_numbers(c))}** {label} (`{c.id}`): "
                           f"{_md_segments(c.segments)}")
                out += [f"  - {_md_segments(i.segments)}" for i in c.items if i.kind != "same"]
            out.append("")
        if d.renumbered:
            out.append(f"{_renumbered_line(d)}.\n")
    if diff.drift:
        out.append("### Translation drift\n")
        out += [f"- `{cid}` changed in {', '.join(a)} but not in {', '.join(b)}"
                for cid, a, b in diff.drift]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# -- JSON ---------------------------------------------------------------------------------


def _clause_json(c: ClauseChange) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "reworded": c.reworded,
        "old": {"number": c.old.number, "section": c.old_section, "text": c.old.text}
        if c.old else None,
        "new": {"number": c.new.number, "section": c.new_section, "text": c.new.text}
        if c.new else None,
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
                "summary": {**{k: sum(c.kind == k for c in d.changes) for k in KINDS},
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
