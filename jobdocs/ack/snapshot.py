"""A role as the register keeps it: the merged role as JSON, to compare a later version with.

Only what a document says is kept (ids, texts, titles, variables, declared
sections), never file positions. A snapshot read back from a shared database
is data, not code: it is checked field by field and becomes a Role again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..errors import JobdocsError
from ..model import Clause, Role, SectionDecl, Title

FORMAT = 1


def dump(role: Role) -> str:
    """Return the role as the register's snapshot text."""
    data = {
        "format": FORMAT,
        "id": role.id,
        "version": role.version,
        "languages": list(role.languages),
        "title": {lang: dict(t.forms) for lang, t in role.title.items()},
        "sections": {key: [_clause(c) for c in clauses]
                     for key, clauses in role.sections.items()},
        "vars": role.vars,
        "extends": role.extends,
        "chain": list(role.chain),
        "declared": [{"key": d.key, "heading": dict(d.heading), "after": d.after,
                      "before": d.before, "intro": dict(d.intro), "source": d.source}
                     for d in role.declared],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


def _clause(c: Clause) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "text": dict(c.text)}
    if c.children:
        out["children"] = [_clause(k) for k in c.children]
        out["numbered"] = c.numbered
    if c.origin:
        out["origin"] = c.origin
    return out


def load(text: str, what: str) -> Role:
    """Return the Role a snapshot holds; raise JobdocsError naming `what` when damaged."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a role snapshot jobdocs knows")
        return Role(
            id=_str(data["id"]),
            version=_str(data["version"]),
            languages=tuple(_str(x) for x in data["languages"]),
            title={_str(k): Title(_strings(v)) for k, v in _map(data["title"]).items()},
            sections={_str(k): tuple(_read(c) for c in v) for k, v in
                      _map(data["sections"]).items()},
            vars=_map(data.get("vars") or {}),
            extends=data.get("extends") if isinstance(data.get("extends"), str) else None,
            chain=tuple(_str(x) for x in data.get("chain") or ()),
            declared=tuple(SectionDecl(_str(d["key"]), _strings(d["heading"]),
                                       d.get("after"), d.get("before"),
                                       _strings(d.get("intro") or {}),
                                       source=_str(d.get("source") or ""))
                           for d in data.get("declared") or ()),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise JobdocsError(f"the register's copy of {what} is damaged ({e}); it cannot be "
                           "compared with the current version") from None


def _read(raw: Any) -> Clause:
    raw = _map(raw)
    return Clause(id=_str(raw["id"]), text=_strings(raw["text"]),
                  children=tuple(_read(k) for k in raw.get("children") or ()),
                  numbered=bool(raw.get("numbered")), origin=_str(raw.get("origin") or ""))


def _map(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, found {type(value).__name__}")
    return value


def _strings(value: Any) -> dict[str, str]:
    return {_str(k): _str(v) for k, v in _map(value).items()}


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value
