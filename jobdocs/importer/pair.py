"""Align a translation with the original, clause by clause: by section, then by
number, then by position for dashed items; report what has no partner."""

from __future__ import annotations

from .draft import Draft, DraftClause

Pairs = list[tuple[DraftClause, DraftClause]]


def align(original: Draft, translation: Draft) -> Pairs:
    """Return the pairs (original clause, translated clause); report the unpaired ones."""
    pairs: Pairs = []
    theirs = {s.key: s for s in translation.sections}
    for sec in original.sections:
        other = theirs.pop(sec.key, None)
        if other is None:
            original.find(sec.line, f"section «{sec.heading}» has no counterpart in "
                          f"{translation.path}", "unpaired-section")
            continue
        sec.headings[translation.lang] = other.heading
        if other.intro:
            sec.intros[translation.lang] = other.intro
        _pair_lists(original, translation, sec.clauses, other.clauses, pairs)
    for other in theirs.values():
        translation.find(other.line, f"section «{other.heading}» has no counterpart in "
                         f"{original.path}: left out", "unpaired-section")
    return pairs


def _pair_lists(original: Draft, translation: Draft, mine: list[DraftClause],
                theirs: list[DraftClause], pairs: Pairs) -> None:
    by_path = {c.path: c for c in theirs if c.path}
    used: set[int] = set()
    for n, clause in enumerate(mine):
        other = by_path.get(clause.path) if clause.path else None
        if other is None or id(other) in used:
            other = theirs[n] if n < len(theirs) and id(theirs[n]) not in used else None
        if other is None:
            original.find(clause.line, f"clause {clause.label or '–'} «{_short(clause.text)}» "
                          f"has no counterpart in {translation.path}", "unpaired-clause")
            continue
        used.add(id(other))
        pairs.append((clause, other))
        if not 0.4 < (len(other.text) + 20) / (len(clause.text) + 20) < 2.5:
            original.find(clause.line, f"clause {clause.label or '–'} «{_short(clause.text)}» "
                          f"is paired with «{_short(other.text)}» ({translation.path}:"
                          f"{other.line}), much longer or shorter: check that they say the "
                          "same", "check-pair", "info")
        _pair_lists(original, translation, clause.children, other.children, pairs)
    for other in theirs:
        if id(other) not in used:
            translation.find(other.line, f"clause {other.label or '–'} «{_short(other.text)}» "
                             f"has no counterpart in {original.path}: left out",
                             "unpaired-clause")


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
