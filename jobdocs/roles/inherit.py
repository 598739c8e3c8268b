"""Merge a derived role onto its parent: replace by id, after/before, remove.

See docs/role-format.md, "Deriving a role", for the rules.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import Problem
from ..model import SECTIONS, Clause, Role, Title
from .loader import Key, Loaded


def _where(clause: Clause) -> str:
    m = clause.mark
    return f"{m.path}:{m.line}" if m else clause.origin


def merge(loaded: Loaded, parent: Role, own: dict[str, list[tuple[Clause, Key]]],
           problems: list[Problem]) -> dict[str, tuple[Clause, ...]]:
    """Apply a derived role's clauses and removals to its parent's sections."""
    sections = {key: list(clauses) for key, clauses in parent.sections.items()}
    home = {c.id: key for key, clauses in sections.items() for c in clauses}
    items_of = {i.id: c.id for clauses in sections.values() for c in clauses for i in c.items}
    item_where = {i.id: _where(i) for clauses in sections.values() for c in clauses
                  for i in c.items}
    for i, rid in enumerate(loaded.data.get("remove", ())):
        if rid in home:
            key = home.pop(rid)
            sections[key] = [c for c in sections[key] if c.id != rid]
        elif rid in items_of:
            key = home[items_of[rid]]
            sections[key] = [replace(c, items=tuple(x for x in c.items if x.id != rid))
                             for c in sections[key]]
        else:
            problems.append(loaded.problem(("remove", i), f"remove: '{rid}' is no clause or "
                                           f"item of '{parent.id}'", "unknown-remove"))
    for key in SECTIONS:
        for clause, at in own.get(key, ()):
            raw = loaded.data["sections"][key][at[2]]
            inherited = home.get(clause.id)
            if inherited and inherited != key and not (raw.get("after") or raw.get("before")):
                problems.append(loaded.problem(
                    (*at, "id"), f"clause '{clause.id}' is inherited in section '{inherited}', "
                    f"not '{key}'; list it under {inherited} (or give after:/before: to move "
                    "it)", "wrong-section"))
                continue
            if clause.id in items_of:
                problems.append(loaded.problem(
                    (*at, "id"), f"clause id '{clause.id}' is also defined in "
                    f"{item_where[clause.id]} (an item of '{items_of[clause.id]}' in "
                    f"{parent.id}); give this clause another id", "duplicate-id"))
                continue
            merged = clause
            if inherited:
                old = next(c for c in sections[inherited] if c.id == clause.id)
                merged = _override(loaded, old, clause, at, raw, problems)
                index = sections[inherited].index(old)
                sections[inherited].pop(index)
                if not (raw.get("after") or raw.get("before")):
                    sections[inherited].insert(index, merged)
                    continue
            elif not clause.text:
                problems.append(loaded.problem(
                    at, f"clause '{clause.id}' is new in this role (no clause of "
                    f"'{parent.id}' has that id), so it needs a text", "missing-text"))
                continue
            _place(loaded, sections, home, key, merged, at, raw, problems)
            home[clause.id] = key
    return {key: tuple(sections[key]) for key in SECTIONS if sections.get(key)}


def _place(loaded: Loaded, sections: dict[str, list[Clause]], home: dict[str, str], key: str,
           clause: Clause, at: Key, raw: dict[str, Any], problems: list[Problem]) -> None:
    anchor = raw.get("after") or raw.get("before")
    target = sections.setdefault(key, [])
    if not anchor:
        target.append(clause)
        return
    field = "after" if raw.get("after") else "before"
    if raw.get("after") and raw.get("before"):
        problems.append(loaded.problem(at, f"clause '{clause.id}': give after: or before:, "
                                       "not both", "placement"))
        return
    ids = [c.id for c in target]
    if anchor not in ids:
        elsewhere = f" (it is in section '{home[anchor]}')" if anchor in home else ""
        problems.append(loaded.problem(
            (*at, field), f"{field}: '{anchor}' names no clause of section '{key}'{elsewhere}",
            "unknown-anchor"))
        return
    target.insert(ids.index(anchor) + (field == "after"), clause)


def _override(loaded: Loaded, old: Clause, new: Clause, at: Key, raw: dict[str, Any],
              problems: list[Problem]) -> Clause:
    """Return an inherited clause with what the derived role gives replaced."""
    items = list(old.items)
    for n, item in enumerate(new.items):
        item_raw = raw["items"][n]
        ids = [i.id for i in items]
        if item.id in ids:
            if not item.text:
                item = replace(item, text=items[ids.index(item.id)].text)
            items[ids.index(item.id)] = item
            continue
        if not item.text:
            problems.append(loaded.problem(
                (*at, "items", n), f"item '{item.id}' is new (clause '{old.id}' has no such "
                "item), so it needs a text", "missing-text"))
            continue
        anchor = item_raw.get("after") or item_raw.get("before")
        if anchor and anchor not in ids:
            problems.append(loaded.problem(
                (*at, "items", n), f"'{anchor}' names no item of clause '{old.id}'",
                "unknown-anchor"))
            continue
        index = ids.index(anchor) + bool(item_raw.get("after")) if anchor else len(items)
        items.insert(index, item)
    if new.text:
        return replace(new, items=tuple(items))
    return replace(old, items=tuple(items))


def check_inherited(loaded: Loaded, parent: Role, sections: dict[str, tuple[Clause, ...]],
                     titles: dict[str, Title], languages: tuple[str, ...],
                     problems: list[Problem]) -> None:
    """Check what only the merged role shows: a language the parent lacks, a lost section."""
    for lang in languages:
        if lang not in titles:
            problems.append(loaded.problem(
                ("languages",), f"no title in '{lang}': neither this role nor '{parent.id}' "
                "gives one", "missing-translation"))
        for clauses in sections.values():
            for clause in clauses:
                for c in (clause, *clause.items):
                    if lang not in c.text:
                        problems.append(loaded.problem(
                            ("languages",), f"clause '{c.id}' (from {_where(c)}) has no '{lang}' "
                            "text; translate it there or override it here",
                            "missing-translation"))
    for key in SECTIONS[:5]:
        if not sections.get(key):
            problems.append(loaded.problem(("remove",), f"section '{key}' is left empty; a job "
                                           "description needs it", "empty-section"))
