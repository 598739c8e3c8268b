"""Which law a document follows, and the clauses that hold under it.

A role says which jurisdictions it is written for and in which languages
(`law: {ru: [ru, en], de: [de]}`), a clause which of them it holds under
(`law: [ru]`; none: everywhere). A document under one jurisdiction keeps the
clauses that hold there, before numbering, so numbers and references follow.
A clause is never printed under a law it was not written for: when the role is
not written for the document's jurisdiction (or not in its language), each
clause bound to another law is left out with a `no-law-text` warning at the
clause, never printed as Russian law in an English document.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import replace
from typing import NamedTuple

from ..config.organization import Organization, localized
from ..errors import JobdocsWarning, Problem
from ..jurisdictions import JURISDICTIONS, home, named
from ..model import Clause, Role
from ..roles.law import effective
from . import i18n
from .last import LastAnswer


def law_of(org: Organization, lang: str) -> str:
    """Return the code of the law a `lang` document follows.

    The profile's `law:` (for every language, or this one); else the law whose name
    the profile's `jurisdiction:` gives (a profile written before `law:` existed);
    else the language's home law.
    """
    return profile_law(org, lang) or home(lang)


def profile_law(org: Organization, lang: str) -> str:
    """Return the code of the law the profile names for `lang` documents (its `law:`, or
    the law its `jurisdiction:` names), or "" when it names none."""
    code = org.law.get(lang, org.law.get("*"))
    if code:
        return code
    printed = localized(org.jurisdiction, lang)
    if not printed:  # (most profiles)
        return ""
    for code, j in JURISDICTIONS.items():
        if j.cited.get(lang) == printed:
            return code
    return ""


def frame_law(org: Organization, lang: str, code: str) -> str:
    """Return the law whose frame a `lang` document under `code` gets (docs/frames.md):
    `code`, unless it is only the language's home law and the profile names no law; then
    "", the frame jobdocs has always printed (ru-gost). A company says whose law its
    documents follow, and gets that country's document."""
    return "" if code == home(lang) and not profile_law(org, lang) else code


def documents(role: Role, org: Organization | None) -> list[tuple[str, str]]:
    """Return the (jurisdiction, language) documents a role is written for: those its
    `law:` names, and each language it names for none under the law its documents follow."""
    org = org or Organization()
    written = [(code, lang) for code, langs in role.law.items() for lang in langs]
    return written + [(law_of(org, lang), lang) for lang in role.languages
                      if not any(lang == written_in for _, written_in in written)]


def jurisdiction(org: Organization, lang: str, code: str | None = None) -> str:
    """Return whose law applies, as clause text prints it after "legislation".

    The profile's `jurisdiction:`, else the name of the law the document follows,
    else the neutral wording of the language's catalog («des Beschäftigungslandes»).
    """
    code = law_of(org, lang) if code is None else code
    cited = JURISDICTIONS[code].cited.get(lang) if code in JURISDICTIONS else None
    t = i18n.translations(lang, org.wording)
    # Translators: printed where role texts cite the law that applies and
    # the organization names none. Use the form your role texts put after
    # "legislation" (German: "des Beschäftigungslandes", Swedish: "i
    # anställningslandet").
    return (localized(org.jurisdiction, lang) or cited
            or t.pgettext("jurisdiction", "the country of employment"))


def select(role: Role, code: str, lang: str, section_law: Mapping[str, tuple[str, ...]],
           notes: list[Problem] | None = None) -> tuple[Role, dict[str, tuple[str, ...]]]:
    """Return `role` with only the clauses that hold under `code` in `lang`, and the
    ids of those left out with the law they hold under.

    `section_law` is the law of the declared sections that have one. Each clause
    left out because the role has no text for this law and language is a warning,
    added to `notes` (or issued as a JobdocsWarning when none is given).
    """
    if not section_law:
        every = _EVERYWHERE.get(role)
        if every is not None:  # the role's other languages: the same role
            return every, {}
        if not any(c.law for clauses in role.sections.values()
                   for top in clauses for c in top.walk()):
            # No clause is bound to a law (most roles): every clause holds, as _keep finds.
            every = replace(role, sections={k: v for k, v in role.sections.items() if v})
            _EVERYWHERE.keep(role, every)
            return every, {}
    scope = _Scope(role, code, lang, not role.law or code in role.law, {}, [])
    sections = {}
    for key, clauses in role.sections.items():
        kept = tuple(k for k in (_keep(c, section_law.get(key, ()), scope) for c in clauses)
                     if k)
        if kept:
            sections[key] = kept
    left_out, found = scope.left_out, scope.found
    if notes is None:
        for note in found:
            warnings.warn(str(note), JobdocsWarning, stacklevel=3)
    else:
        notes += found
    return replace(role, sections=sections), left_out


#: What select() returned for the last role with no clause bound to a law, whatever the
#: law and language.
_EVERYWHERE = LastAnswer()


class _Scope(NamedTuple):
    """What select() keeps clauses for, and what it found left out."""

    role: Role
    code: str
    lang: str
    known: bool  # the role is written for `code` (or for no law at all)
    left_out: dict[str, tuple[str, ...]]
    found: list[Problem]


def _keep(clause: Clause, outer: tuple[str, ...], scope: _Scope) -> Clause | None:
    """Return `clause` with what holds under the scope's law, or None. (A function of the
    module, not a closure of select(): a recursive closure is a reference cycle that kept
    each role alive until the cycle collector ran, and made it run.)"""
    held = effective(clause.law, outer)
    code, lang = scope.code, scope.lang
    # Under a law the role is written for, a clause of another law is left out as
    # its author meant; under any other, or without a text in this language, it is
    # a gap in the document, and said so.
    if held and (code not in held or lang not in clause.text):
        for c in clause.walk():
            scope.left_out[c.id] = held
        if (not scope.known or code in held) and (clause.law or not outer):
            scope.found.append(_note(scope.role, clause, held, code, lang))
        return None
    children = tuple(k for k in (_keep(c, held, scope) for c in clause.children) if k)
    if not children and clause.children:
        return None  # what stood under it holds elsewhere: so does the lead-in
    return clause if children == clause.children else replace(clause, children=children)


def _note(role: Role, clause: Clause, held: tuple[str, ...], code: str, lang: str) -> Problem:
    mark = clause.mark
    path, line, column = (mark.path, mark.line, mark.column) if mark else (role.path, 1, 1)
    if role.law and code in role.law:
        why = f"the role is not written in '{lang}' under {named(code)}"
    elif code:
        why = f"role '{role.id}' is not written for {named(code)}"
    else:
        why = f"a '{lang}' document follows no jurisdiction unless its profile names one (law:)"
    return Problem(path, line, column, f"clause '{clause.id}' holds under "
                   f"{', '.join(named(c) for c in held)}; {why}, so the '{lang}' document "
                   "leaves it out: write it for that law, or follow another (law: in the "
                   "profile)", "no-law-text", "warning")
