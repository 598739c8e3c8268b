"""Number the clauses of a role: the numbers documents print and ref() gives."""

from __future__ import annotations

from ..model import Role


def number_clauses(role: Role) -> tuple[dict[str, str], dict[str, str]]:
    """Return clause id → printed number, and item id → id of the clause it stands under."""
    numbers: dict[str, str] = {}
    items: dict[str, str] = {}
    for s, key in enumerate(role.sections, start=1):
        for c, clause in enumerate(role.sections[key], start=1):
            numbers[clause.id] = f"{s}.{c}"
            items.update((item.id, clause.id) for item in clause.items)
    return numbers, items
