"""Write an imported role (format 2) and its suggested organization profile as YAML
a person can review: block style, long texts folded, every key in the usual order."""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from .draft import Draft, DraftClause

WIDTH = 88


def role_data(draft: Draft, role_id: str, languages: list[str], titles: dict[str, Any]
              ) -> dict[str, Any]:
    """Return the role file's content as plain data."""
    data: dict[str, Any] = {"format": 2, "id": role_id, "version": "1.0",
                            "languages": languages, "title": titles}
    declared: dict[str, Any] = {}
    keys = [s.key for s in draft.sections]
    for n, sec in enumerate(draft.sections):
        if not sec.declared:
            continue
        entry: dict[str, Any] = {"heading": dict(sec.headings)}
        if n:
            entry["after"] = keys[n - 1]
        elif len(keys) > 1:
            entry["before"] = keys[1]
        if sec.intros:
            entry["intro"] = dict(sec.intros)
        declared[sec.key] = entry
    if declared:
        data["declare_sections"] = declared
    data["sections"] = {s.key: [_clause(c) for c in s.clauses] for s in draft.sections}
    return data


def _clause(c: DraftClause) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "text": dict(c.texts)}
    if c.children:
        out["clauses" if c.numbered else "items"] = [_clause(x) for x in c.children]
    return out


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 20 times as fast


def dump(data: Any, header: str = "") -> str:
    """Return YAML for `data`: our readable layout, or PyYAML's if ours would not read back."""
    lines = [f"# {x}" if x else "#" for x in header.splitlines()]
    _node(data, 0, lines, top=True)
    text = "\n".join(lines) + "\n"
    if yaml.load(text, Loader=_LOADER) != data:  # our folding cannot hold it: PyYAML quotes it
        text = "\n".join(lines[: len(header.splitlines())]) + ("\n" if header else "") + \
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=WIDTH)
    return text


def _node(value: Any, indent: int, lines: list[str], top: bool = False) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, v in value.items():
            if top and lines and key in ("title", "declare_sections", "sections"):
                lines.append("")
            _pair(f"{pad}{key}:", v, indent, lines)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                first, *rest = item.items()
                _pair(f"{pad}- {first[0]}:", first[1], indent + 2, lines)
                for key, v in rest:
                    _pair(f"{pad}  {key}:", v, indent + 2, lines)
            else:
                lines.append(f"{pad}- {_plain(item)}")


def _pair(prefix: str, value: Any, indent: int, lines: list[str]) -> None:
    if isinstance(value, dict) and value:
        lines.append(prefix)
        _node(value, indent + 2, lines)
    elif isinstance(value, list) and value and all(isinstance(x, str | int) for x in value) \
            and len(prefix) + sum(len(str(x)) + 2 for x in value) < WIDTH:
        lines.append(f"{prefix} [{', '.join(_plain(x) for x in value)}]")
    elif isinstance(value, list) and value:
        lines.append(prefix)
        _node(value, indent + 2, lines)
    elif isinstance(value, str) and len(prefix) + len(value) + 1 > WIDTH:
        lines.append(f"{prefix} >-")
        pad = " " * (indent + 2)
        lines += textwrap.wrap(value, WIDTH - len(pad), initial_indent=pad,
                               subsequent_indent=pad, break_long_words=False,
                               break_on_hyphens=False)
    else:
        lines.append(f"{prefix} {_plain(value)}")


def _plain(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()
