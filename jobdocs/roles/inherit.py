"""Merge a derived role onto its parent: replace by id, after/before, remove.

The rules hold at every depth of sub-clauses: a clause of the derived role
that has an inherited clause's id replaces it (keeping the inherited text and
children it does not restate), its children merge with the inherited ones
the same way, and a new clause goes where `after:` or `before:` puts it among
its siblings. See docs/role-format.md, "Deriving a role".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from ..errors import Problem
from ..model import Clause, Role, Title
from .law import effective, needed
from .loader import Key, Loaded


def _where(clause: Clause) -> str:
    m = clause.mark
    return f"{m.path}:{m.line}" if m else clause.origin


def _kind(clause: Clause) -> str:
    return "clauses" if clause.numbered else "items"


def merge(loaded: Loaded, parent: Role, own: dict[str, list[tuple[Clause, Key]]],
          problems: list[Problem], own_keys: dict[str, Key]) -> dict[str, tuple[Clause, ...]]:
    """Apply a derived role's clauses and removals to its parent's sections.

    `own_keys` gives the key path of every clause the derived file writes, by id.
    """
    sections = {key: list(clauses) for key, clauses in parent.sections.items()}
    for i, rid in enumerate(loaded.data.get("remove", ())):
        if not _remove(sections, rid):
            problems.append(loaded.problem(("remove", i), f"remove: '{rid}' is no clause or "
                                           f"item of '{parent.id}'", "unknown-remove"))
    home = {c.id: key for key, clauses in sections.items() for c in clauses}
    under = {d.id: c for clauses in sections.values() for top in clauses
             for c in top.walk() for d in c.children}
    for key, clauses in own.items():
        for clause, at in clauses:
            raw = loaded.data["sections"][key][at[2]]
            inherited = home.get(clause.id)
            if inherited and inherited != key and not (raw.get("after") or raw.get("before")):
                problems.append(loaded.problem(
                    (*at, "id"), f"clause '{clause.id}' is inherited in section '{inherited}', "
                    f"not '{key}'; list it under {inherited} (or give after:/before: to move "
                    "it)", "wrong-section"))
                continue
            if clause.id in under:
                up = under[clause.id]
                other = next(d for d in up.children if d.id == clause.id)
                problems.append(_duplicate(loaded, parent, (*at, "id"), other, up))
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
            target = sections.setdefault(key, [])
            if _place(loaded, target, merged, at, raw, problems, f"section '{key}'", home):
                home[clause.id] = key
    merged_sections = {key: tuple(clauses) for key, clauses in sections.items() if clauses}
    _duplicates(loaded, parent, merged_sections, own_keys, problems)
    return merged_sections


def _remove(sections: dict[str, list[Clause]], rid: str) -> bool:
    """Drop the clause `rid` wherever it stands; return whether it was found."""
    for key, clauses in sections.items():
        kept, found = _without(clauses, rid)
        if found:
            sections[key] = kept
            return True
    return False


def _without(clauses: list[Clause] | tuple[Clause, ...], rid: str) -> tuple[list[Clause], bool]:
    out, found = [], False
    for c in clauses:
        if c.id == rid:
            found = True
            continue
        if not found and c.children:
            children, found = _without(c.children, rid)
            if found:
                c = replace(c, children=tuple(children))
        out.append(c)
    return out, found


def _place(loaded: Loaded, target: list[Clause], clause: Clause, at: Key, raw: dict[str, Any],
           problems: list[Problem], among: str, home: dict[str, str] | None = None) -> bool:
    """Put `clause` among its siblings where after:/before: says (default: last)."""
    anchor = raw.get("after") or raw.get("before")
    if not anchor:
        target.append(clause)
        return True
    field = "after" if raw.get("after") else "before"
    if raw.get("after") and raw.get("before"):
        problems.append(loaded.problem(at, f"clause '{clause.id}': give after: or before:, "
                                       "not both", "placement"))
        return False
    ids = [c.id for c in target]
    if anchor not in ids:
        elsewhere = f" (it is in section '{home[anchor]}')" if home and anchor in home else ""
        problems.append(loaded.problem(
            (*at, field), f"{field}: '{anchor}' names no clause of {among}{elsewhere}",
            "unknown-anchor"))
        return False
    target.insert(ids.index(anchor) + (field == "after"), clause)
    return True


def _override(loaded: Loaded, old: Clause, new: Clause, at: Key, raw: dict[str, Any],
              problems: list[Problem]) -> Clause:
    """Return an inherited clause with what the derived role gives replaced, at every depth."""
    if new.children and old.children and new.numbered != old.numbered:
        problems.append(loaded.problem(
            (*at, _kind(new)), f"clause '{old.id}' inherits {_kind(old)}: from its parent; "
            f"give its children as {_kind(old)}: too, or replace the clause under a new id",
            "clauses-and-items", at_key=True))
        return old
    children = list(old.children)
    kind = _kind(new)
    word = "sub-clause" if old.numbered or new.numbered else "item"
    for n, child in enumerate(new.children):
        child_raw, child_at = raw[kind][n], (*at, kind, n)
        ids = [c.id for c in children]
        if child.id in ids:
            index = ids.index(child.id)
            merged = _override(loaded, children[index], child, child_at, child_raw, problems)
            if child_raw.get("after") or child_raw.get("before"):
                children.pop(index)
                _place(loaded, children, merged, child_at, child_raw, problems,
                       f"clause '{old.id}'")
            else:
                children[index] = merged
            continue
        if not child.text:
            problems.append(loaded.problem(
                child_at, f"{word} '{child.id}' is new (clause '{old.id}' has no such "
                f"{word}), so it needs a text", "missing-text"))
            continue
        _place(loaded, children, child, child_at, child_raw, problems,
               f"clause '{old.id}'")
    numbered = new.numbered if new.children else old.numbered
    return replace(new if new.text else old, children=tuple(children), numbered=numbered,
                   law=new.law if "law" in raw else old.law,
                   silence=new.silence if "silence" in raw else old.silence)


def _duplicates(loaded: Loaded, parent: Role, sections: dict[str, tuple[Clause, ...]],
                own_keys: dict[str, Key], problems: list[Problem]) -> None:
    """Report a clause of this file whose id an inherited clause elsewhere already has."""
    seen: dict[str, tuple[Clause, Clause | None]] = {}
    for clauses in sections.values():
        for top in clauses:
            for c, up in _with_parents(top, None):
                mine = c.mark is not None and c.mark.path == loaded.path
                if c.id not in seen:
                    seen[c.id] = (c, up)
                    continue
                first, first_up = seen[c.id]
                if mine == (first.mark is not None and first.mark.path == loaded.path):
                    continue  # both here (the file's own check reported it) or both inherited
                other, other_up = (first, first_up) if mine else (c, up)
                at = own_keys.get(c.id)
                if at is None:
                    continue
                problems.append(_duplicate(loaded, parent, (*at, "id"), other, other_up))


def _duplicate(loaded: Loaded, parent: Role, at: Key, other: Clause, up: Clause | None
               ) -> Problem:
    what = (f"{'a sub-clause' if up.numbered else 'an item'} of '{up.id}'" if up
            else "a clause")
    return loaded.problem(at, f"clause id '{other.id}' is also defined in {_where(other)} "
                          f"({what} in {other.origin or parent.id}); give this clause another "
                          "id", "duplicate-id")


def _with_parents(clause: Clause, up: Clause | None
                  ) -> Iterator[tuple[Clause, Clause | None]]:
    yield clause, up
    for child in clause.children:
        yield from _with_parents(child, clause)


def check_inherited(loaded: Loaded, parent: Role, sections: dict[str, tuple[Clause, ...]],
                    titles: dict[str, Title], languages: tuple[str, ...],
                    problems: list[Problem],
                    laws: Mapping[str, tuple[str, ...]] | None = None) -> None:
    """Check what only the merged role shows: a language the parent lacks (for a clause
    bound to some jurisdictions, a language the role is written in under them). A clause
    new in this file that lacks one was reported at its text already."""
    inherited = {c.id for top in parent.sections.values() for clause in top
                 for c in clause.walk()}
    for lang in languages:
        if lang not in titles:
            problems.append(loaded.problem(
                ("languages",), f"no title in '{lang}': neither this role nor '{parent.id}' "
                "gives one", "missing-translation", args=(("missing", lang), ("field", "title"))))
    for clauses in sections.values():
        for clause in clauses:
            for c, held in _with_law(clause, ()):
                new_here = c.id not in inherited and c.mark is not None \
                    and c.mark.path == loaded.path
                for lang in needed(laws or {}, held, languages):
                    if lang not in c.text and not new_here:
                        problems.append(loaded.problem(
                            ("languages",), f"clause '{c.id}' (from {_where(c)}) has no "
                            f"'{lang}' text; translate it there or override it here",
                            "missing-translation", args=(("clause", c.id), ("missing", lang))))


def _with_law(clause: Clause, outer: tuple[str, ...]) -> Iterator[tuple[Clause, tuple[str, ...]]]:
    held = effective(clause.law, outer)
    yield clause, held
    for child in clause.children:
        yield from _with_law(child, held)
