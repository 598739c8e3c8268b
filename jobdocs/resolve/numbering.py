"""Number the clauses of a role: the numbers documents print and ref() gives.

A section's clauses are numbered `s.c` (2.7); numbered sub-clauses add a
level per depth (1.6.1, 1.6.1.1). Dashed items have no number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Clause, Role


def number_clauses(role: Role, order: Sequence[str] | None = None
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """Return clause id → printed number, and dashed item id → id of the clause it stands under.

    `order` is the sections' keys in printed order (default: the role's).
    """
    numbers: dict[str, str] = {}
    items: dict[str, str] = {}
    keys = [k for k in (order or role.sections) if role.sections.get(k)]
    for s, key in enumerate(keys, start=1):
        _number(role.sections[key], str(s), numbers, items)
    return numbers, items


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
