"""A lawyer's lint: wording each jurisdiction's lawyers strike, found in the documents a
role prints under each law it is written for.

Every document is resolved as it would be printed (officers, titles, numbers in
place) and each clause the file itself writes is read against the rules of its
language that apply under the document's law (patterns.py). A finding is a
warning at the word it found, naming the article it rests on; a clause silences
one rule with `silence: {RULE: reason}`; jobdocs.yaml raises or lowers a rule
(`lint: {RULE: error}`), `--strict` makes every finding an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import NamedTuple

from ...config.organization import Organization
from ...errors import InvalidInput, Problem
from ...model import Clause, Document, Mark, Role
from ...resolve import resolve
from ...resolve.law import documents
from ...roles import positions
from .folding import folded
from .patterns import BY_ID, GENDER_MARK, NEUTRAL_TITLE, TITLE_GENDER, LintRule
from .screen import Reading, reading

#: The rest of the word a match stops in: a finding quotes whole words ("Absatzplans").
_WORD_END = re.compile(r"\w*")

#: Every lint rule id, beside the checks of the file's structure and text.
LINT_RULES = (*BY_ID, TITLE_GENDER.id)


class _Found(NamedTuple):
    clause: Clause
    lang: str
    rule: LintRule
    match: str
    note: str


def lint(path: str, role: Role, org: Organization | None = None,
         resolved: Mapping[tuple[str, str], Document] | None = None) -> list[Problem]:
    """Return the lint findings about the clauses the file at `path` writes; `resolved`
    holds documents already resolved, by (law, language), each with its frame where
    `framed` says the lint reads it: each is resolved once."""
    own: dict[str, Clause] = {}
    section: dict[str, str] = {}
    for name, clauses in role.sections.items():
        for top in clauses:
            for c in top.walk():
                section[c.id] = name
                if c.mark is not None and c.mark.path == path:
                    own[c.id] = c
    found: dict[tuple[str, str, str, str], list[tuple[_Found, str]]] = {}
    used: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for code, lang in documents(role, org):
        doc = (resolved or {}).get((code, lang))
        if doc is None:
            try:
                doc = resolve(role, lang, org, law=code, trace=False, notes=[])
            except InvalidInput:
                continue  # the file's errors are reported as such
        for hit in _hits(doc, own, section, code):
            if hit.rule.id in hit.clause.silence:
                used.add((hit.clause.id, hit.rule.id))
                continue
            key = (hit.clause.id, hit.lang, hit.rule.id, hit.match.lower())
            found.setdefault(key, []).append((hit, code))
        problems += _title_gender(doc, path, code)
    problems += (_finding(hits) for hits in found.values())
    problems += _silences(own.values(), used)
    return list(dict.fromkeys(problems))


def _hits(doc: Document, own: Mapping[str, Clause], section: Mapping[str, str],
          code: str) -> Iterator[_Found]:
    readings: dict[str | None, Reading] = {}  # by section: a document has a few
    for printed in doc.all_clauses():
        clause = own.get(printed.id)
        if clause is None:
            continue
        text = printed.text
        lower = folded(text)
        where = section.get(printed.id)
        read = readings.get(where)
        if read is None:
            read = readings[where] = reading(doc.lang, code, where)
        # One test for the words of every screened wording: most texts hold none.
        rules = read.unscreened if lower is not None and not lower.holds(read.any) \
            else read.rules
        for rule, wordings in rules:
            for wording, needed in wordings:
                at = 0
                if lower is not None and needed is not None:
                    if not lower.holds(needed) or (at := lower.start(needed)) < 0:
                        continue  # none of the words every match holds: no match
                m = wording.flags.search(text, at)  # (\b and look-behinds see before `at`)
                if m and not (wording.unless and wording.unless.search(text)):
                    yield _Found(clause, doc.lang, rule, _whole(text, m), wording.note)
                    break  # one finding per rule and clause


def _whole(text: str, m: re.Match[str]) -> str:
    """Return the words `m` found, to the end of the word it stops in."""
    tail = _WORD_END.match(text, m.end())
    return text[m.start():tail.end() if tail else m.end()]


def _finding(hits: list[tuple[_Found, str]]) -> Problem:
    hit = hits[0][0]
    articles = "; ".join(a for a in dict.fromkeys(hit.rule.articles[code] for _, code in hits)
                         if a) or hit.note
    words = " ".join(hit.match.split())
    note = f" ({hit.note})" if hit.note and hit.note != articles else ""
    mark = hit.clause.text_marks.get(hit.lang) or hit.clause.mark or Mark("", 1, 1)
    at = positions.locate(mark, re.compile(r"\s+".join(map(re.escape, words.split())),
                                           re.IGNORECASE)) or mark
    return Problem(mark.path, at.line, at.column,
                   f"clause '{hit.clause.id}' ({hit.lang}): \"{words}\"{note}: {hit.rule.reason} "
                   f"[{articles}]; reword it (or silence: {{{hit.rule.id}: REASON}})",
                   hit.rule.id, "warning")


def framed(lang: str, code: str) -> bool:
    """Whether the lint reads the printed frame of a `lang` document under law `code` (the
    German title, where the frame prints it): only then need the checks build it."""
    return lang == "de" and code in TITLE_GENDER.articles


def _title_gender(doc: Document, path: str, code: str) -> list[Problem]:
    """A German document's title names every sex, in the title or where the frame prints it."""
    if not framed(doc.lang, code):
        return []
    title = doc.title.nominative
    printed = f"{doc.frame.heading.full_title} {doc.frame.heading.title} {title}"
    if GENDER_MARK.search(printed) or NEUTRAL_TITLE.search(title):
        return []
    m = doc.title.mark
    if m is not None and m.path != path:
        return []  # the parent's title: reported in the parent's file
    m = m or Mark(path, 1, 1)
    return [Problem(m.path, m.line, m.column, f"the German title \"{title}\" names no sex: "
                    f"{TITLE_GENDER.reason} [{TITLE_GENDER.articles[code]}]; add (m/w/d) or "
                    "name the function (Vertriebsleitung)", TITLE_GENDER.id, "warning")]


def _silences(clauses: Iterable[Clause], used: set[tuple[str, str]]) -> Iterator[Problem]:
    for clause in clauses:
        mark = clause.mark or Mark("", 1, 1)
        for rule in clause.silence:
            if rule not in LINT_RULES:
                yield Problem(mark.path, mark.line, mark.column, f"clause '{clause.id}': "
                              f"silence: '{rule}' is no lint rule (they are: "
                              f"{', '.join(LINT_RULES)})", "unknown-rule")
            elif (clause.id, rule) not in used:
                yield Problem(mark.path, mark.line, mark.column, f"clause '{clause.id}': "
                              f"silence: '{rule}' finds nothing here any more; remove it",
                              "unused-silence", "warning")


def lint_severities(problems: Iterable[Problem], levels: Mapping[str, str], where: str
                    ) -> list[Problem]:
    """Return `problems` with the severities a project gives lint rules (`lint:` in
    jobdocs.yaml: error, warning, off), and an error for a rule it names that is none."""
    out = [Problem(where, None, None, f"lint: '{rule}' is no lint rule (they are: "
                   f"{', '.join(LINT_RULES)})", "unknown-rule")
           for rule in levels if rule not in LINT_RULES]
    for p in problems:
        level = levels.get(p.rule) if p.rule in LINT_RULES else None
        if level == "off":
            continue
        out.append(replace(p, severity=level) if level else p)
    return out
