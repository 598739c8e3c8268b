"""The words of diff reports, in the language of the document they are about.

The Markdown report and the redline's summary of a Russian role speak
Russian, through the same gettext catalogs as the document frame
(locales/*/LC_MESSAGES/messages.po). The text format for terminals passes
`English` and stays in one language whatever the role's.
"""

from __future__ import annotations

import gettext

from ..resolve import i18n
from .align import ClauseChange, LangDiff, RoleDiff

KINDS = ("added", "changed", "moved", "removed", "references")

#: The messages of one language (a catalog, or English as written).
Catalog = gettext.NullTranslations
English = Catalog()


def catalog(lang: str) -> Catalog:
    """Return the translations reports about a document in `lang` use."""
    return i18n.translations(lang)


def count(t: Catalog, kind: str, n: int) -> str:
    """Return "3 added" (a summary's part) for a kind of change."""
    _ = t.gettext
    text = {"added": _("%(num)d added"), "changed": _("%(num)d changed"),
            "moved": _("%(num)d moved"), "removed": _("%(num)d removed"),
            "references": _("%(num)d reference renumbered"),
            "renumbered": _("%(num)d renumbered")}[kind]
    return text % {"num": n}


def label(t: Catalog, kind: str) -> str:
    """Return the label of one change: "added", "reference renumbered"."""
    _ = t.gettext
    return {"added": _("added"), "changed": _("changed"), "moved": _("moved"),
            "removed": _("removed"), "references": _("reference renumbered")}[kind]


def column(t: Catalog, kind: str) -> str:
    """Return the heading of a summary table's column."""
    pgettext = t.pgettext
    return {"section": pgettext("diff table", "Section"),
            "added": pgettext("diff table", "Added"),
            "changed": pgettext("diff table", "Changed"),
            "moved": pgettext("diff table", "Moved"),
            "removed": pgettext("diff table", "Removed"),
            "references": pgettext("diff table", "References")}[kind]


def summary(t: Catalog, d: LangDiff) -> str:
    """Return "1 added, 1 changed, 22 renumbered", or "no changes"."""
    counts = [count(t, k, sum(c.kind == k for c in d.changes)) for k in KINDS
              if any(c.kind == k for c in d.changes)]
    if d.renumbered:
        counts.append(count(t, "renumbered", len(d.renumbered)))
    return ", ".join(counts) or t.gettext("no changes")


def renumbered_line(t: Catalog, d: LangDiff) -> str:
    """Return the one line that stands for every renumbered clause, or ""."""
    n = len(d.renumbered)
    if not n:
        return ""
    sample = ", ".join(f"{c.old.number} → {c.new.number}" for c in d.renumbered[:3]
                       if c.old and c.new)
    more = ", …" if n > 3 else ""
    return t.ngettext("%(num)d clause renumbered", "%(num)d clauses renumbered", n) % {
        "num": n} + f" ({sample}{more})"


def heading(d: LangDiff, key: str) -> str:
    """Return a section's printed heading ("2. Duties") in the newer version that has it."""
    for doc in (d.new, d.old):
        if doc is not None:
            for s in doc.sections:
                if s.key == key:
                    return f"{s.number}. {s.heading}"
    return key


def _number(d: LangDiff, cid: str) -> str:
    for clause in d.old.all_clauses() if d.old else ():
        if clause.id == cid:
            return clause.number
    return cid


def move_note(t: Catalog, d: LangDiff, c: ClauseChange) -> str:
    """Return where a moved clause came from: " from 2. Duties and reworded"."""
    if c.kind != "moved":
        return ""
    _ = t.gettext
    if c.old_parent != c.new_parent and c.old_parent:
        where = _("from clause %(number)s") % {"number": _number(d, c.old_parent)}
    elif c.old_section != c.new_section or c.old_parent != c.new_parent:
        where = _("from %(section)s") % {"section": heading(d, c.old_section)}
    elif c.old_parent:
        where = _("within clause %(number)s") % {"number": _number(d, c.old_parent)}
    else:
        where = _("within the section")
    reworded = _("and reworded")
    return f" {where} {reworded}" if c.reworded else f" {where}"


def drift_line(t: Catalog, cid: str, changed: tuple[str, ...], unchanged: tuple[str, ...]) -> str:
    return t.gettext("'%(id)s' changed in %(changed)s but not in %(unchanged)s") % {
        "id": cid, "changed": ", ".join(changed), "unchanged": ", ".join(unchanged)}


def summary_lines(diff: RoleDiff, d: LangDiff) -> list[str]:
    """Return the redline's summary: versions, counts, the renumbering, field changes."""
    t = catalog(d.lang)
    _ = t.gettext
    old, new = diff.old_role, diff.new_role
    lines = [_("Changes from version %(old)s to version %(new)s") % {
        "old": old.version, "new": new.version}, summary(t, d)]
    if d.renumbered:
        lines.append(renumbered_line(t, d))
    lines += [drift_line(t, cid, a, b) for cid, a, b in diff.drift if d.lang in a + b]
    return lines


def redline_subject(d: LangDiff) -> str:
    """Return the redline's subject property: "Changes: version 1.0 → 1.1"."""
    assert d.old is not None and d.new is not None
    return catalog(d.lang).gettext("Changes: version %(old)s → %(new)s") % {
        "old": d.old.role_version, "new": d.new.role_version}
