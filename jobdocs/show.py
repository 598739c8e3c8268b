"""Print a resolved role as YAML, with where each clause came from."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .config.organization import Organization
from .model import DocClause, Document, Role
from .resolve import resolve


def _s(value: Any) -> str:
    """Return a scalar as YAML (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _origin(role: Role, origin: str) -> str:
    return f"from {origin}" if origin and origin != role.id else "own"


def show_role(role: Role, langs: Sequence[str] = (), org: Organization | None = None) -> str:
    """Return the role after inheritance and organization values as commented YAML."""
    langs = list(langs) or list(role.languages)
    docs: dict[str, Document] = {lang: resolve(role, lang, org) for lang in langs}
    first = docs[langs[0]]
    out = [f"# {role.id}: the role as documents print it"
           + (f", derived from {' → '.join(role.chain)}" if role.chain else ""),
           f"id: {role.id}"]
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
    for section in shown:
        decl = declared[section.key]
        where = f"{decl.mark.path}:{decl.mark.line}" if decl.mark else decl.source
        out.append(f"  {section.key}:  # declared in {where}")
        out.append("    heading:")
        out += [f"      {lang}: {_s(docs[lang].sections[first.sections.index(section)].heading)}"
                for lang in langs]
    out.append("sections:")
    for s, section in enumerate(first.sections):
        out.append(f"  {section.key}:  # {section.number}. {section.heading}")
        texts = [docs[lang].sections[s].clauses for lang in langs]
        out += _clauses(role, langs, section.clauses, texts, "    ")
    return "\n".join(out) + "\n"


def _clauses(role: Role, langs: Sequence[str], clauses: Sequence[DocClause],
             texts: Sequence[Sequence[DocClause]], indent: str) -> list[str]:
    """Return clauses and everything under them as YAML, each with its number and origin."""
    out = []
    for c, clause in enumerate(clauses):
        number = f"{clause.number} · " if clause.number else ""
        out.append(f"{indent}- id: {clause.id}  # {number}{_origin(role, clause.origin)}")
        out.append(f"{indent}  text:")
        for lang, text in zip(langs, texts, strict=True):
            out.append(f"{indent}    {lang}: {_s(text[c].text)}")
        if clause.children:
            out.append(f"{indent}  {'clauses' if clause.numbered else 'items'}:")
            out += _clauses(role, langs, clause.children, [t[c].children for t in texts],
                            indent + "    ")
    return out
