"""Print a resolved role as YAML, with where each clause came from."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .config.organization import Organization
from .jurisdictions import named
from .model import DocClause, Document, Role
from .resolve import resolve


def _s(value: Any) -> str:
    """Return a scalar as YAML (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _origin(role: Role, origin: str) -> str:
    return f"from {origin}" if origin and origin != role.id else "own"


def show_role(role: Role, langs: Sequence[str] = (), org: Organization | None = None) -> str:
    """Return the role after inheritance and organization values as commented YAML.

    Languages whose documents follow different laws (by default each language its
    home country's) are shown one YAML document each, since each law has its clauses.
    """
    langs = list(langs) or list(role.languages)
    docs: dict[str, Document] = {lang: resolve(role, lang, org) for lang in langs}
    laws: dict[str, list[str]] = {}
    for lang in langs:  # a role bound to no law prints the same clauses under every law
        laws.setdefault(docs[lang].law if role.law else "", []).append(lang)
    held = {c.id: c.law for clauses in role.sections.values() for top in clauses
            for c in top.walk() if c.law}
    return "---\n".join(_show(role, group, docs, org, held) for group in laws.values())


def _show(role: Role, langs: list[str], docs: dict[str, Document], org: Organization | None,
          held: dict[str, tuple[str, ...]]) -> str:
    first = docs[langs[0]]
    under = f", under the law of {named(first.law)}" if role.law else ""
    out = [f"# {role.id}: the role as documents print it"
           + (f", derived from {' → '.join(role.chain)}" if role.chain else "") + under,
           *_frame(langs, docs), f"id: {role.id}"]
    if role.extends:
        out.append(f"extends: {role.extends}")
    out += [f"version: {_s(role.version)}", f"languages: [{', '.join(langs)}]", "title:"]
    for lang in langs:
        forms = role.title[lang].forms
        if len(set(forms.values())) == 1:
            out.append(f"  {lang}: {_s(str(role.title[lang]))}")
        else:
            out.append(f"  {lang}:")
            out += [f"    {case}: {_s(form)}" for case, form in forms.items()]
    if role.vars:
        out.append("vars:")
        out += [f"  {k}: {_s(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False)}"
                for k, v in role.vars.items()]
    declared = {d.key: d for d in (*(org.declared if org else ()), *role.declared)}
    shown = [section for section in first.sections if section.key in declared]
    if shown:
        out.append("declare_sections:")
    headings = {lang: {s.key: s.heading for s in docs[lang].sections} for lang in langs}
    for section in shown:
        decl = declared[section.key]
        where = f"{decl.mark.path}:{decl.mark.line}" if decl.mark else decl.source
        out.append(f"  {section.key}:  # declared in {where}")
        out.append("    heading:")
        out += [f"      {lang}: {_s(headings[lang].get(section.key, section.heading))}"
                for lang in langs]
    out.append("sections:")
    texts = {lang: {c.id: c.text for c in docs[lang].all_clauses()} for lang in langs}
    for section in first.sections:
        out.append(f"  {section.key}:  # {first.frame.section_heading(section)}")
        out += _clauses(role, langs, section.clauses, texts, held, "    ",
                        first.frame.numbered)
    return "\n".join(out) + "\n"


def _frame(langs: list[str], docs: dict[str, Document]) -> list[str]:
    """Return comment lines naming each document's frame (its preset, how clauses are
    marked) and the fields its heading's table prints."""
    names = {lang: docs[lang].frame.name + ("" if docs[lang].frame.numbered else
                                            ", clauses unnumbered") for lang in langs}
    if len(set(names.values())) == 1:
        out = [f"# frame: {names[langs[0]]}"]
    else:
        out = ["# frame: " + "; ".join(f"{name} ({lang})" for lang, name in names.items())]
    for lang in langs:
        fields = docs[lang].frame.fields
        if fields:
            out.append(f"# heading ({lang}): " + "; ".join(f"{f.label}: {f.value}"
                                                          for f in fields))
    return out


def _clauses(role: Role, langs: Sequence[str], clauses: Sequence[DocClause],
             texts: dict[str, dict[str, str]], held: dict[str, tuple[str, ...]],
             indent: str, numbered: bool = True) -> list[str]:
    """Return clauses and everything under them as YAML, each with its number (where the
    documents print one), origin and the law it holds under."""
    out = []
    for clause in clauses:
        number = f"{clause.number} · " if clause.number and numbered else ""
        law = f" · law: {', '.join(held[clause.id])}" if clause.id in held else ""
        out.append(f"{indent}- id: {clause.id}  # {number}{_origin(role, clause.origin)}{law}")
        out.append(f"{indent}  text:")
        for lang in langs:
            text = texts[lang].get(clause.id)
            out.append(f"{indent}    {lang}: "
                       + (_s(text) if text is not None else "null  # no text under this law"))
        if clause.children:
            out.append(f"{indent}  {'clauses' if clause.numbered else 'items'}:")
            out += _clauses(role, langs, clause.children, texts, held, indent + "    ",
                            numbered)
    return out
