"""Number the clauses, resolve references and wording: Role → Document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import jurisdictions
from ..config.organization import Organization, Person, localized
from ..errors import InvalidInput, Problem, UsageError
from ..frame import FrameSpec, frame_spec
from ..frame.printed import DocHeading, Frame, Line
from ..model import (
    BLANK,
    Clause,
    DocClause,
    DocSection,
    Document,
    Mark,
    Role,
    SectionDecl,
    Signatory,
    Title,
    made,
)
from . import i18n, sandbox
from .frame import FrameWords, build_frame, title_values
from .hash import content_hash
from .law import frame_law, jurisdiction, law_of, select
from .numbering import number_clauses
from .officers import officers
from .refs import REF, worded_refs
from .sections import layout
from .titles import title_problems


def resolve(role: Role, lang: str, org: Organization | None = None, *,
            symbolic_refs: bool = False, trace: bool = True, framed: bool = True,
            law: str | None = None, notes: list[Problem] | None = None) -> Document:
    """Return the finished Document of `role` in `lang`.

    The document follows `law` (a jurisdiction code), by default the profile's
    (law.law_of), and holds the clauses that hold under it; each clause left out
    for want of a text under that law is a warning, added to `notes` (or issued
    as a JobdocsWarning). With `symbolic_refs`, a cross-reference prints
    `⟦clause-id⟧` instead of a number (so a diff can tell a renumbered reference
    from a new wording). With `trace=False` the content hash is left empty
    (checking needs none); with `framed=False` the frame around the clauses is
    UNFRAMED, empty (checking reads the clauses and the title).

    Raise InvalidInput with every problem in clause text (unknown names,
    references to missing clauses, template syntax) at its position.
    """
    if lang not in role.languages:
        raise UsageError(f"role '{role.id}' is written in {', '.join(role.languages)}, "
                         f"not '{lang}'")
    org = org or Organization()
    title = role.title.get(lang)
    if title is None:  # checking the role reports it at the title; never a KeyError
        raise InvalidInput(Problem(role.path or role.id, None, None, f"the role has no title "
                                   f"in '{lang}'; give title.{lang}", "missing-translation"))
    problems: list[Problem] = []
    code = law_of(org, lang) if law is None else law
    spec = frame_spec(org.frame, lang, frame_law(org, lang, code))
    locale = org.locale.get(lang) or spec.locale.get(lang) or jurisdictions.locale(lang, code)
    words = FrameWords(lang, locale, tuple(org.wording))
    plan = layout(role, org, problems, frame_sections(spec))
    whole = role
    role, order, context, numbers = _prepared(role, lang, org, plan, code, symbolic_refs,
                                              notes, spec.numbered)
    problems += title_problems(whole, lang, org.wording)
    values = title_values(title if len(title.forms) > 1 else Title.plain(str(title)))
    sections = []
    for s, key in enumerate(order, start=1):
        clauses = tuple([_doc_clause(c, numbers, lang, context, problems)
                         for c in role.sections[key]])
        decl = plan.declared.get(key)
        if decl is None or decl.source == "frame":
            heading = words.say(spec.headings[key]) if key in spec.headings else key
            intro = words.say(spec.intros[key], values) if key in spec.intros else ""
        else:
            heading, intro = _declared(decl, role, lang, context, problems)
        sections.append(DocSection(key, s, heading, sandbox.upfirst(intro), clauses))
    if problems:
        raise InvalidInput(problems)
    if not spec.numbered and not symbolic_refs:
        sections = worded_refs(sections, role, lang, spec.name, notes)
    title = title if len(title.forms) > 1 else Title.plain(str(title))
    digest = content_hash(role, org) if trace else ""
    return Document(
        role_id=role.id,
        role_version=role.version,
        lang=lang,
        locale=locale,
        title=title,
        organization=localized(org.name, lang),
        place=localized(org.place, lang),
        number=org.number.for_document(role.id, lang),
        date=org.date,
        approver=_signatory(org.approver, lang),
        author=_signatory(org.author, lang),
        agreements=tuple(_signatory(p, lang) for p in org.agreements),
        sections=tuple(sections),
        acknowledgement_rows=org.acknowledgement_rows,
        content_hash=digest,
        house_style=org.house_style,
        frame=build_frame(spec=spec, lang=lang, locale=locale, title=title, org=org,
                          role=role, officers=context["officers"], content_hash=digest)
        if framed else UNFRAMED,
        wording=tuple(org.wording),
        law=code,
        officers=context["officers"],
    )


#: The frame of a document resolved without one (`framed=False`): nothing around the
#: clauses. Building the printed frame was a sixth of resolving a document to check it.
UNFRAMED = Frame(approval=None, heading=DocHeading((), "", "", "", Line(""), "", ""), author=None,
                 agreements=(), acknowledgement=None, sheet=None, trace="", generated="")


def text_context(role: Role, lang: str, org: Organization | None = None, *,
                 law: str | None = None) -> dict[str, Any]:
    """Return the names clause text of `role` is rendered with in `lang`, as `resolve`
    gives them (the Word round trip renders pieces of a clause with them)."""
    org = org or Organization()
    code = law_of(org, lang) if law is None else law
    spec = frame_spec(org.frame, lang, frame_law(org, lang, code))
    plan = layout(role, org, [], frame_sections(spec))
    return _prepared(role, lang, org, plan, code, False, [], spec.numbered)[2]


def _prepared(role: Role, lang: str, org: Organization, plan: Any, code: str,
              symbolic_refs: bool, notes: list[Problem] | None, numbered: bool = True
              ) -> tuple[Role, list[str], dict[str, Any], dict[str, str]]:
    """Return the role under law `code`, its sections in print order, the clause-text
    context and the computed numbers (where the frame prints none, ref() prints a
    placeholder that refs.worded_refs replaces with the clause's words)."""
    role, left_out = select(role, code, lang, {d.key: d.law for d in plan.declared.values()
                                               if d.law}, notes)
    order = [k for k in plan.order if role.sections.get(k)]
    numbers, items = number_clauses(role, order)
    shown = ({k: f"⟦{k}⟧" for k in numbers} if symbolic_refs else numbers if numbered
             else {k: REF.format(k) for k in numbers})
    context = clause_context(role, lang, org, shown, items, code, left_out)
    return role, order, context, numbers


def frame_sections(spec: FrameSpec) -> tuple[SectionDecl, ...]:
    """Return the sections a frame offers its roles (en-us: qualifications ...)."""
    return tuple(SectionDecl(key=d.key, heading={}, after=d.after, before=d.before,
                             source="frame") for d in spec.declared)


def _declared(decl: SectionDecl, role: Role, lang: str, context: Mapping[str, Any],
              problems: list[Problem]) -> tuple[str, str]:
    """Return a declared section's heading and lead-in (clause text, so it may print
    `{{ title.genitive }}`) in `lang`."""
    heading = decl.heading.get(lang)
    if heading is None and decl.source != "role":  # a role's own are checked as it is built
        m = decl.mark or Mark(role.path, 1, 1)
        problems.append(Problem(m.path, m.line, m.column, f"declare_sections.{decl.key}: no "
                                f"heading in '{lang}', one of the languages of role "
                                f"'{role.id}'", "missing-heading"))
    intro = ""
    if decl.intro:
        lead_in = Clause(id=decl.key, text=decl.intro, mark=decl.mark)
        intro = sandbox.render(lead_in, lang, context, problems)
    return heading or decl.key, intro


def _doc_clause(clause: Clause, numbers: Mapping[str, str], lang: str,
                context: Mapping[str, Any], problems: list[Problem], level: int = 1) -> DocClause:
    """Return a clause and everything under it, numbered and rendered."""
    return made(
        DocClause,
        id=clause.id,
        number=numbers.get(clause.id, ""),
        text=sandbox.render(clause, lang, context, problems),
        children=tuple([_doc_clause(c, numbers, lang, context, problems, level + 1)
                        for c in clause.children]) if clause.children else (),
        numbered=clause.numbered,
        origin=clause.origin,
        level=level,
    )


def clause_context(role: Role, lang: str, org: Organization, numbers: Mapping[str, str],
                   items: Mapping[str, str], code: str | None = None,
                   left_out: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """Return the names clause text may use in `lang` under the law `code`."""
    code = law_of(org, lang) if code is None else code
    return {
        "title": role.title[lang],
        "ref": sandbox.make_ref(numbers, items, left_out or {}, code),
        "years": lambda n: i18n.years(int(n), lang, "at least", org.wording),
        "years_from": lambda n: i18n.years(int(n), lang, "from", org.wording),
        "vars": {k: localized(v, lang) if isinstance(v, Mapping) else v
                 for k, v in role.vars.items()},
        "jurisdiction": jurisdiction(org, lang, code),
        "officers": officers(role, org, lang),
        "org": {
            "name": localized(org.name, lang) or BLANK,
            "place": localized(org.place, lang) or BLANK,
            "approver": _position(org.approver, lang),
            "author": _position(org.author, lang),
        },
    }


def _position(person: Person, lang: str) -> Title:
    """Return a signatory's position as a Title, so clause text can inflect it."""
    value = person.position.get(lang, person.position.get("*"))
    if isinstance(value, Mapping):
        return Title(value)
    return Title.plain(str(value) if value else BLANK)


def _signatory(person: Person, lang: str) -> Signatory:
    return Signatory(localized(person.position, lang), localized(person.name, lang), person.date)
