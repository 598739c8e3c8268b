"""What changed between the version an employee signed and the current one, in one line.

The clause-level diff of `jobdocs diff` (jobdocs.diff), reduced to the
numbers of the clauses that changed and how: `2.5 changed, 2.9 added, 4.3
removed; version 1.0 → 1.1`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..config.organization import Organization
from ..diff import diff_roles
from ..diff.labels import label
from ..errors import JobdocsError
from ..model import Role

#: Fields of a diff that are not part of the text an employee signs.
NOT_SIGNED = frozenset({"version", "languages", "extends", "id"})


@dataclass(frozen=True)
class Summary:
    """The clauses that changed, each (number, kind, id), and the other fields that did."""

    clauses: tuple[tuple[str, str, str], ...] = ()
    fields: tuple[tuple[str, str, str], ...] = ()  # (field, old, new)
    error: str = ""  # why the versions could not be compared

    @property
    def signed_text_changed(self) -> bool:
        """Whether what the employee signed changed: a clause, the title or a section.

        A new version label, another language or another parent alone leaves the
        text they read as it was; versions that cannot be compared count as changed.
        """
        return bool(self.error or self.clauses
                    or any(name not in NOT_SIGNED for name, _, _ in self.fields))

    def text(self, t: Any = None) -> str:
        """Return the summary as a person reads it; with `t`, a catalog of the diff's
        words (jobdocs.diff.labels.catalog), each kind of change in its language."""
        if self.error:
            return f"not compared: {self.error}"
        parts = [f"{number or cid} {label(t, kind) if t else kind}"
                 for number, kind, cid in self.clauses]
        fields = [f"{name} {old or '—'} → {new or '—'}" for name, old, new in self.fields]
        text = ", ".join(parts)
        if fields:
            text = f"{text}; {', '.join(fields)}" if text else ", ".join(fields)
        return text or "no clause changed"

    def as_json(self) -> dict[str, object]:
        return {"clauses": [{"number": n, "change": k, "id": i} for n, k, i in self.clauses],
                "fields": [{"field": f, "old": o, "new": n} for f, o, n in self.fields],
                **({"error": self.error} if self.error else {})}


def summarize(old: Role, new: Role, lang: str, org: Organization | None = None) -> Summary:
    """Return what changed from `old` to `new`, read in `lang`."""
    if lang not in old.languages or lang not in new.languages:
        common = [x for x in new.languages if x in old.languages]
        if not common:
            return Summary(error="the two versions have no language in common")
        lang = common[0]
    try:
        d = diff_roles(old, new, [lang], org).langs[0]
    except JobdocsError as e:
        return Summary(error=str(e).splitlines()[0])
    clauses = tuple((clause.number if (clause := c.new or c.old) else "", c.kind, c.id)
                    for c in d.changes)
    return Summary(clauses, tuple((f.field, f.old, f.new) for f in d.fields))
