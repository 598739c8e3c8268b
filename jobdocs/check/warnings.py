"""Findings that do not stop a document from rendering but deserve a look.

They are warnings: `jobdocs validate --strict` turns them into errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import Args, Problem
from ..model import Clause, Role
from ..roles.loader import Loaded
from ..roles.reference import as_yaml, due

#: Characters (after joining lines) above which a clause should be split.
LONG_CLAUSE = 600

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def role_warnings(loaded: Loaded, role: Role) -> Iterator[Problem]:
    """Yield the warnings about a role file: empty sections, clauses that read
    the same in two languages, very long clauses, translations due for review,
    an id unlike the file name."""
    yield from _empty_sections(loaded, role)
    languages = role.languages
    for clause in _own_clauses(loaded, role):
        # Nearly every clause: its texts begin with different characters (so with different
        # words) and none is long: then neither is asked (two generators a clause, 3 % of
        # checking 500 files).
        text = clause.text
        firsts = set()
        for lang in languages:
            firsts.add(text.get(lang, "").lstrip()[:1])
        if len(firsts) < len(languages):
            yield from _same_in_two_languages(clause, languages)
        for each in text.values():
            if len(each) > LONG_CLAUSE:
                yield from _long(clause)
                break
    yield from _due(role, loaded.path)
    stem = Path(loaded.path).stem
    if role.id != stem:
        yield loaded.problem(("id",), f"id '{role.id}' differs from the file name "
                             f"'{Path(loaded.path).name}'; name the file {role.id}.yaml so that "
                             f"`jobdocs render {role.id}` finds it", "id-file-name",
                             severity="warning")


def _warning(clause: Clause, lang: str, message: str, rule: str, args: Args = ()) -> Problem:
    mark = clause.text_marks.get(lang) or clause.mark
    assert mark is not None
    return Problem(mark.path, mark.line, mark.column, f"clause '{clause.id}' ({lang}): {message}",
                   rule, "warning", (("clause", clause.id), ("lang", lang), *args))


def _own_clauses(loaded: Loaded, role: Role) -> list[Clause]:
    """Return the clauses and items this file wrote (not those it inherits)."""
    path = loaded.path
    return [c for clauses in role.sections.values() for clause in clauses
            for c in (clause.walk() if clause.children else (clause,))
            if c.mark is not None and c.mark.path == path]


def _empty_sections(loaded: Loaded, role: Role) -> Iterator[Problem]:
    sections = loaded.data.get("sections") if isinstance(loaded.data, dict) else None
    for key, clauses in (sections or {}).items():
        if clauses == []:
            yield loaded.problem(("sections", key), f"section '{key}' has no clauses; add "
                                 "clauses or remove the key", "empty-section", at_key=True,
                                 severity="warning")


def _same_in_two_languages(clause: Clause, languages: tuple[str, ...]) -> Iterator[Problem]:
    firsts = {(clause.text.get(lang, "").split(None, 1) or [""])[0] for lang in languages}
    if len(firsts) == len(languages):
        return  # no two texts begin with the same word (nearly every clause): none the same
    seen: dict[str, str] = {}
    for lang in languages:
        text = " ".join(clause.text.get(lang, "").split())
        if text not in seen:
            seen[text] = lang
        elif any(ch.isalpha() for ch in _TAG.sub("", text)):  # words, not names or numbers
            yield _warning(clause, lang, f"the text is the same as the '{seen[text]}' text; "
                           f"translate it", "same-in-two-languages", (("other", seen[text]),))


def _long(clause: Clause) -> Iterator[Problem]:
    for lang, text in clause.text.items():
        if len(text) <= LONG_CLAUSE:
            continue  # joining its lines only shortens it
        length = len(" ".join(text.split()))
        if length > LONG_CLAUSE:
            yield _warning(clause, lang, f"{length} characters long; split it into clauses or "
                           f"items of at most {LONG_CLAUSE} characters", "long-clause",
                           (("length", str(length)), ("most", str(LONG_CLAUSE))))


def _due(role: Role, path: str) -> Iterator[Problem]:
    for d in due(role):
        mark = d.clause.text_marks.get(d.lang) or d.clause.mark
        if mark is None or mark.path != path:
            continue
        why = (f"the {role.reference} text changed since this translation was written (it "
               f"follows {d.follows})" if d.follows else
               f"it records no {role.reference} text it follows")
        yield Problem(mark.path, mark.line, mark.column,
                      f"clause '{d.clause.id}' ({d.lang}): translation due: {why}; check it "
                      f"against the {role.reference} text, then write follows: {as_yaml(d.now)} "
                      f"(or follows: {{{d.lang}: {as_yaml(d.now)}}} for this translation "
                      "alone)",
                      "translation-due", "warning",
                      (("clause", d.clause.id), ("lang", d.lang), ("reference", role.reference)))
