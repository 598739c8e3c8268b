"""Turn a loaded role file into a Role, collecting every problem before failing.

A role that `extends` another is merged onto its parent here: see
docs/role-format.md, "Deriving a role", for the rules.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .errors import InvalidInput, Problem
from .loader import Key, Loaded
from .model import REQUIRED_CASES, SECTIONS, Clause, Role, Title
from .schema import check, dotted


def build_role(loaded: Loaded, parent: Role | None = None, *,
               keep_going: list[Problem] | None = None) -> Role:
    """Return the Role a loaded file describes (merged onto `parent` when it
    extends one); raise InvalidInput with every problem found.

    With a `keep_going` list, problems that leave the file's structure intact
    (a missing translation, a duplicate id...) are added to it and a
    best-effort Role is returned, so that a checker can go on to the clause
    text; a file whose structure is wrong still raises.
    """
    problems = check(loaded)
    if problems:
        raise InvalidInput(problems)
    data = loaded.data
    languages = tuple(data.get("languages") or (parent.languages if parent else ()))
    problems += _check_languages(loaded, languages)
    titles = dict(parent.title) if parent else {}
    titles.update(_titles(loaded, languages, problems, partial=parent is not None))
    seen: dict[str, Key] = {}
    own: dict[str, list[tuple[Clause, Key]]] = {}
    for key in SECTIONS:
        for i, raw in enumerate(data.get("sections", {}).get(key, ())):
            at = ("sections", key, i)
            own.setdefault(key, []).append(
                (_clause(loaded, raw, at, languages, seen, problems, data["id"]), at))
    if parent is None:
        sections = {key: tuple(c for c, _ in own[key]) for key in SECTIONS if key in own}
    else:
        sections = _merge(loaded, parent, own, problems)
        _check_inherited(loaded, parent, sections, titles, languages, problems)
    if problems and keep_going is None:
        raise InvalidInput(problems)
    if keep_going is not None:
        keep_going += problems
    return Role(
        id=data["id"],
        version=str(data.get("version") or (parent.version if parent else "")),
        languages=languages,
        title=titles,
        sections=sections,
        vars={**(parent.vars if parent else {}), **(data.get("vars") or {})},
        path=loaded.path,
        extends=data.get("extends"),
        chain=(parent.id, *parent.chain) if parent else (),
    )


def _check_languages(loaded: Loaded, languages: tuple[str, ...]) -> list[Problem]:
    problems = []
    for i, lang in enumerate(languages):
        if lang in languages[:i]:
            problems.append(loaded.problem(("languages", i), f"language '{lang}' is listed twice",
                                           "duplicate-language"))
    return problems


def _texts(loaded: Loaded, text: dict[str, str], key: Key, languages: tuple[str, ...],
           problems: list[Problem], *, partial: bool = False) -> None:
    for lang in () if partial else languages:
        if lang not in text:
            problems.append(loaded.problem(
                key, f"{dotted(key)}: missing the '{lang}' text (the role's languages are "
                f"{', '.join(languages)})", "missing-translation"))
    for lang in text:
        if lang not in languages:
            problems.append(loaded.problem(
                (*key, lang), f"{dotted(key)}: text in '{lang}', which is not one of the role's "
                f"languages ({', '.join(languages)}); add it to languages or remove it",
                "undeclared-language", at_key=True))


def _titles(loaded: Loaded, languages: tuple[str, ...], problems: list[Problem],
            partial: bool = False) -> dict[str, Title]:
    raw = loaded.data.get("title", {})
    _texts(loaded, raw, ("title",), languages, problems, partial=partial)
    titles = {}
    for lang, value in raw.items():
        key = ("title", lang)
        if isinstance(value, str):
            forms = {"nominative": value}
            if lang not in REQUIRED_CASES:
                titles[lang] = Title.plain(value)
                continue
        else:
            forms = dict(value)
        missing = [c for c in REQUIRED_CASES.get(lang, ()) if c not in forms]
        if missing:
            problems.append(loaded.problem(
                key, f"title.{lang}: give the title in the {', '.join(missing)} "
                f"case{'s' if len(missing) > 1 else ''} too (the templates print it so)",
                "title-case"))
        titles[lang] = Title(forms)
    return titles


def _clause(loaded: Loaded, raw: dict[str, Any], key: Key, languages: tuple[str, ...],
            seen: dict[str, Key], problems: list[Problem], origin: str) -> Clause:
    cid = raw["id"]
    if cid in seen:
        first = loaded.mark((*seen[cid], "id"))
        problems.append(loaded.problem(
            (*key, "id"), f"clause id '{cid}' is used twice (first at line {first.line}); "
            "give each clause its own id", "duplicate-id"))
    else:
        seen[cid] = key
    text = raw.get("text")
    if text is not None:
        _texts(loaded, text, (*key, "text"), languages, problems)
    items = tuple(
        _clause(loaded, item, (*key, "items", i), languages, seen, problems, origin)
        for i, item in enumerate(raw.get("items", ()))
    )
    text_key = (*key, "text")
    return Clause(
        id=cid,
        text=dict(text or {}),
        items=items,
        mark=loaded.mark(key),
        text_marks={lang: loaded.mark((*text_key, lang)) for lang in text or {}},
        text_styles={lang: loaded.styles.get((*text_key, lang)) for lang in text or {}},
        origin=origin,
    )


# -- inheritance -------------------------------------------------------------------------


def _where(clause: Clause) -> str:
    m = clause.mark
    return f"{m.path}:{m.line}" if m else clause.origin


def _merge(loaded: Loaded, parent: Role, own: dict[str, list[tuple[Clause, Key]]],
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


def _check_inherited(loaded: Loaded, parent: Role, sections: dict[str, tuple[Clause, ...]],
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
