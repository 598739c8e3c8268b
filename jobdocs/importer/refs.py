"""Turn hand-typed cross-references («в пределах, указанных в п. 2.4», "see
clause 7") into `ref()` calls to the clause they name, or report them."""

from __future__ import annotations

import re

from . import words
from .draft import Draft, DraftClause, DraftSection

#: A reference stands in clause text as this marker until ids are known.
_MARK = "\ue000{}\ue001"
_MARKED = re.compile("\ue000(\\d+)\ue001")


def find_references(draft: Draft) -> list[DraftClause]:
    """Mark every reference in the draft's clause texts; return the clauses they point to.

    The n-th marker in a text stands for the n-th clause of the returned list.
    References to a clause the document does not have stay as typed and are findings.
    """
    targets: list[DraftClause] = []
    by_number: dict[str, DraftClause] = {}
    for sec in draft.sections:
        if sec.number is not None:
            for c in sec.walk():
                if c.path:
                    by_number[".".join(map(str, (sec.number, *c.path)))] = c
    for sec in draft.sections:
        local = {".".join(map(str, c.path)): c for c in sec.walk() if c.path}
        for clause in sec.walk():
            clause.text = _mark(draft, sec, clause, by_number, local, targets)
    return targets


def _mark(draft: Draft, sec: DraftSection, clause: DraftClause, by_number: dict[str, DraftClause],
          local: dict[str, DraftClause], targets: list[DraftClause]) -> str:
    def numbers(m: re.Match[str]) -> str:
        def one(n: re.Match[str]) -> str:
            number = n.group(0)
            target = by_number.get(number) if sec.prefixed or "." in number else None
            if target is None and not sec.prefixed:
                target = local.get(number)
            if target is None:
                draft.find(clause.line, f"«{m.group(0)}» refers to clause {number}, which the "
                           "document does not have: the text is left as typed; point it at "
                           "the right clause with {{ ref('id') }}", "dangling-reference")
                return number
            targets.append(target)
            return _MARK.format(len(targets) - 1)

        return m.group(1) + m.group(0)[len(m.group(1)):].replace(
            m.group(2), words.NUMBER.sub(one, m.group(2)), 1)

    return words.REFERENCE.sub(numbers, clause.text)


def resolve_marks(text: str, targets: list[DraftClause]) -> str:
    """Replace the markers by `{{ ref('id') }}` now that the clauses have ids."""
    return _MARKED.sub(lambda m: f"{{{{ ref('{targets[int(m.group(1))].id}') }}}}", text)
