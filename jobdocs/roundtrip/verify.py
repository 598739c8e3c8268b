"""Check what an import would write before it is written: the new role loads and
validates, holds the reviewed clauses in the reviewed order with the planned texts, and
keeps every other text as it was."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..config.organization import Organization
from ..errors import InvalidInput, Problem
from ..model import Clause, DocClause, Role
from ..roles import loader
from ..roles.library import Library

if TYPE_CHECKING:
    from .into import RoundTrip


def verify(result: RoundTrip, role: Role, library: Library, org: Organization
           ) -> list[Problem]:
    """Return why the planned files must not be written (nothing when they may be)."""
    texts = result.written.texts
    shown = result.document

    def read(p: Path) -> loader.Loaded:
        return loader.parse(texts[str(p)], str(p)) if str(p) in texts else loader.load(p)

    from ..check.runner import check_file
    from ..resolve import resolve

    path = Path(role.path)
    problems, _ = check_file(path, org, loaded=read(path), read=read, roles=library)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return [Problem(shown, None, None, f"the role as the review would leave it does not "
                        f"validate, so nothing was written: {p}", "invalid-result")
                for p in errors]
    try:
        new_role = library.load_with(path, read)
        new = resolve(new_role, result.lang, org)
    except InvalidInput as e:
        return [Problem(shown, None, None, f"the role as the review would leave it does not "
                        f"load: {p}", "invalid-result") for p in e.problems]
    out = []
    plan = result.plan
    want = {key: [_shape(t) for t in trees] for key, trees in plan.tree.items() if trees}
    have = {s.key: [_doc_shape(c) for c in s.clauses] for s in new.sections}
    for key in sorted(set(want) | set(have)):
        if want.get(key) != have.get(key):
            out.append(_wrong(shown, f"section '{key}' would not hold the clauses in the order "
                              "the document has them"))
    old = _sources(role)
    now = _sources(new_role)
    for cid, clause in now.items():
        if cid not in {c.id for c in new.all_clauses()}:
            continue
        for lang, text in clause.text.items():
            if lang == result.lang:
                expected = plan.texts.get(cid) or plan.new.get(cid)
                if expected is None and cid in old:
                    expected = old[cid].text.get(lang)
            elif cid in plan.new:
                expected = plan.new[cid]
            else:
                expected = old[cid].text.get(lang) if cid in old else None
            if expected is None or " ".join(text.split()) != " ".join(expected.split()):
                out.append(_wrong(shown, f"clause '{cid}' would not have the {lang} text "
                                  "planned for it"))
    gone = set(plan.removed)
    for clause in old.values():  # what stood under a removed clause goes with it
        if clause.id in gone:
            gone |= {c.id for c in clause.walk()}
    for cid in sorted(set(old) - set(now) - gone):  # a clause the document does not show too
        out.append(_wrong(shown, f"clause '{cid}' would be lost"))
    return out


def _wrong(shown: str, message: str) -> Problem:
    return Problem(shown, None, None, f"{message}: the review cannot be written into this "
                   "role as it is (nothing was written); please report it with the document",
                   "round-trip")


def _shape(tree: object) -> tuple[str, bool, list[object]]:
    return (tree.id, tree.item, [_shape(c) for c in tree.children])  # type: ignore[attr-defined]


def _doc_shape(clause: DocClause) -> tuple[str, bool, list[object]]:
    return (clause.id, not clause.number, [_doc_shape(c) for c in clause.children])


def _sources(role: Role) -> dict[str, Clause]:
    return {c.id: c for tops in role.sections.values() for top in tops for c in top.walk()}
