"""Number the clauses of a role: the numbers documents print and ref() gives.

A section's clauses are numbered `s.c` (2.7); numbered sub-clauses add a
level per depth (1.6.1, 1.6.1.1). Dashed items have no number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Clause, Role
from .last import LastAnswer


def number_clauses(role: Role, order: Sequence[str] | None = None
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """Return clause id → printed number, and dashed item id → id of the clause it stands under.

    `order` is the sections' keys in printed order (default: the role's).
    """
    keys = [k for k in (order or role.sections) if role.sections.get(k)]
    last = _NUMBERED.get(role, keys)
    if last is not None:  # the role's other language, in the same order
        return dict(last[0]), dict(last[1])
    numbers: dict[str, str] = {}
    items: dict[str, str] = {}
    for s, key in enumerate(keys, start=1):
        _number(role.sections[key], str(s), numbers, items)
    _NUMBERED.keep(role, (numbers, items), keys)
    return dict(numbers), dict(items)  # (copies: the kept ones stay as they were)


#: The numbers of the role numbered last, by its sections' order.
_NUMBERED = LastAnswer()


def _number(clauses: Iterable[Clause], prefix: str, numbers: dict[str, str],
            items: dict[str, str]) -> None:
    for c, clause in enumerate(clauses, start=1):
        number = f"{prefix}.{c}"
        numbers[clause.id] = number
        if clause.numbered:
            _number(clause.children, number, numbers, items)
        else:
            for item in clause.children:
                items[item.id] = clause.id
