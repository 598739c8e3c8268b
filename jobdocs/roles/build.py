"""Turn a loaded role file into a Role, collecting every problem before failing.

A role that `extends` another is merged onto its parent by `inherit`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import InvalidInput, Problem
from ..jurisdictions import named
from ..model import MAX_DEPTH, Clause, Mark, Role, Title, made
from . import law
from . import sections as sections_config
from .inherit import check_inherited, merge
from .loader import Key, Loaded
from .marks import ByLanguage
from .schema_check import check, dotted


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
    data = _undated(loaded, loaded.data, (), problems) if loaded.dates else loaded.data
    languages = tuple(data.get("languages") or (parent.languages if parent else ()))
    problems += _check_languages(loaded, languages)
    titles = dict(parent.title) if parent else {}
    titles.update(_titles(loaded, data.get("title", {}), languages, problems,
                          partial=parent is not None))
    laws = law.role_law(loaded, languages, parent, problems)
    reference = law.reference(loaded, languages, parent, problems)
    inherited = {c.id: c.law for clauses in (parent.sections.values() if parent else ())
                 for top in clauses for c in top.walk()}
    where = _Where(loaded, languages, laws, inherited)
    seen: dict[str, Key] = {}
    own: dict[str, list[tuple[Clause, Key]]] = {}
    for key, clauses in (data.get("sections") or {}).items():
        for i, raw in enumerate(clauses or ()):
            at = ("sections", key, i)
            own.setdefault(key, []).append(
                (_clause(loaded, raw, at, where, seen, problems, data["id"]), at))
    if parent is None:
        sections = {key: tuple(c for c, _ in clauses) for key, clauses in own.items()}
    else:
        sections = merge(loaded, parent, own, problems, seen)
        check_inherited(loaded, parent, sections, titles, languages, problems, laws)
    declared = {d.key: d for d in parent.declared} if parent else {}
    declared.update((d.key, d) for d in sections_config.declarations(
        loaded, "role", languages, problems))  # a derived role may declare a section anew
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
        declared=tuple(declared.values()),
        section_marks=_section_marks(loaded, parent),
        law=laws,
        reference=reference,
        officers=law.officers(loaded, parent),
        reports_to=str(data.get("reports_to") or (parent.reports_to if parent else "")),
        details={**(parent.details if parent else {}), **(data.get("details") or {})},
    )


def _section_marks(loaded: Loaded, parent: Role | None) -> dict[str, Mark]:
    """Return where each section key is written, and under "" where a missing section is
    reported: the file's remove: (which may have emptied it), sections: or its top."""
    marks = dict(parent.section_marks) if parent else {}
    for key in (loaded.data.get("sections") or {}):
        marks[key] = loaded.key_marks.get(("sections", key)) or loaded.mark(("sections", key))
    top = next((loaded.key_marks[k] for k in (("remove",), ("sections",))
                if k in loaded.key_marks), Mark(loaded.path, 1, 1))
    marks[""] = top
    return marks


def _check_languages(loaded: Loaded, languages: tuple[str, ...]) -> list[Problem]:
    problems = []
    for i, lang in enumerate(languages):
        if lang in languages[:i]:
            problems.append(loaded.problem(("languages", i), f"language '{lang}' is listed twice",
                                           "duplicate-language"))
    return problems


def _texts(loaded: Loaded, text: dict[str, str], key: Key, languages: tuple[str, ...],
           problems: list[Problem], *, partial: bool = False,
           needed: tuple[str, ...] | None = None, held: tuple[str, ...] = (),
           where_law: law.Laws | None = None) -> None:
    """Report a text missing in a language it is needed in, or given in one never printed.

    `needed`: the languages the clause's jurisdictions (`held`) are written in."""
    needed = languages if needed is None else needed
    if tuple(text) == needed:  # nearly every text: each language it needs, no other
        return
    where = f" (under {', '.join(held)} the role is written in {', '.join(needed)})" if held \
        else f" (the role's languages are {', '.join(languages)})"
    for lang in () if partial else needed:
        if lang not in text:
            problems.append(loaded.problem(
                key, f"{dotted(key)}: missing the '{lang}' text{where}", "missing-translation",
                args=(("missing", lang),)))
    for lang in text:
        if lang not in languages:
            problems.append(loaded.problem(
                (*key, lang), f"{dotted(key)}: text in '{lang}', which is not one of the role's "
                f"languages ({', '.join(languages)}); add it to languages or remove it",
                "undeclared-language", at_key=True))
        elif lang not in needed and all(code in (where_law or {}) for code in held):
            problems.append(loaded.problem(
                (*key, lang), f"{dotted(key)}: text in '{lang}' is never printed{where}; "
                f"remove it, or add '{lang}' to the role's law: for "
                f"{' or '.join(named(c) for c in held)}", "undeclared-language", at_key=True))


def _undated(loaded: Loaded, value: Any, key: Key, problems: list[Problem]) -> Any:
    """Return the role's data with every value YAML read as a date (`text: 2026-01-01`,
    which a JSON schema sees as text) back as the text it was, each one a finding.
    The loaded data is left as it is (it may be shared)."""
    if isinstance(value, dict):
        out = {k: _undated(loaded, v, (*key, k), problems) for k, v in value.items()}
        return value if all(out[k] is value[k] for k in value) else out
    if isinstance(value, list):
        items = [_undated(loaded, v, (*key, i), problems) for i, v in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dt.date):
        problems.append(loaded.problem(key, f"{dotted(key)}: YAML reads {value} as a date; put "
                                       "it in quotes to keep it as text", "type"))
        return value.isoformat()
    return value


def _titles(loaded: Loaded, raw: Any, languages: tuple[str, ...], problems: list[Problem],
            partial: bool = False) -> dict[str, Title]:
    _texts(loaded, raw, ("title",), languages, problems, partial=partial)
    titles = {}
    for lang, value in raw.items():
        # Which forms a language needs, its catalog declares: resolve checks them.
        forms = {"nominative": value} if isinstance(value, str) else dict(value)
        titles[lang] = Title(forms, loaded.mark(("title", lang)))
    return titles


class _Where:
    """What a clause's languages depend on: the role's languages and law, and the law of
    the clauses a derived role inherits (by id)."""

    def __init__(self, loaded: Loaded, languages: tuple[str, ...], laws: law.Laws,
                 inherited: dict[str, tuple[str, ...]]) -> None:
        self.languages, self.laws, self.inherited = languages, laws, inherited
        self.mark, self.style = loaded.mark, loaded.styles.get  # (a text's, by its key)


def _clause(loaded: Loaded, raw: dict[str, Any], key: Key, where: _Where,
            seen: dict[str, Key], problems: list[Problem], origin: str, level: int = 1,
            outer: tuple[str, ...] = ()) -> Clause:
    cid = raw["id"]
    languages = where.languages
    written = tuple(raw.get("law") or ())
    own = written or tuple(where.inherited.get(cid, ()))
    if written:
        law.check_clause_law(loaded, key, cid, written, outer, where.laws, problems)
    held = law.effective(own, outer) if own or outer else ()  # most clauses hold everywhere
    if cid in seen:
        first = loaded.mark((*seen[cid], "id"))
        problems.append(loaded.problem(
            (*key, "id"), f"clause id '{cid}' is used twice (first at line {first.line}); "
            "give each clause its own id", "duplicate-id"))
    else:
        seen[cid] = key
    text = raw.get("text")
    if text is not None and (held and where.laws or tuple(text) != languages):
        # (nearly every text is in each of the role's languages and no other: nothing to say)
        _texts(loaded, text, (*key, "text"), languages, problems,
               needed=law.needed(where.laws, held, languages),
               held=held if where.laws else (), where_law=where.laws)
    numbered = "clauses" in raw
    kind = "clauses" if numbered else "items"
    under = raw.get(kind)
    if under and level >= MAX_DEPTH:
        problems.append(loaded.problem(
            (*key, kind), f"clause '{cid}' is at level {level}; sub-clauses may nest "
            f"{MAX_DEPTH} levels deep at most: make a deeper list a clause of its own",
            "too-deep", at_key=True))
    children = tuple([
        _clause(loaded, child, (*key, kind, i), where, seen, problems, origin, level + 1, held)
        for i, child in enumerate(under)
    ]) if under else ()
    follows = raw.get("follows") or {}
    text = dict(text or {})
    return made(
        Clause,
        id=cid,
        text=text,
        children=children,
        numbered=numbered,
        mark=loaded.marks.get(key) or loaded.mark(key),
        text_marks=ByLanguage(where.mark, key, text),  # each read from the file when asked
        text_styles=ByLanguage(where.style, key, text),
        origin=origin,
        law=written,
        follows={"*": follows} if isinstance(follows, str) else dict(follows),
        silence=dict(raw.get("silence") or {}),
    )
