"""Import one document (and its translation): read, recognize, name, write the YAML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, UsageError
from . import ids, pair, refs, structure, yaml_out
from .draft import Draft
from .source import read_source
from .title import title_value

_JINJA = re.compile(r"\{[{%#]|[}%#]\}")


@dataclass
class Imported:
    """One imported document: the role file's text, the suggested profile, the findings."""

    source: str
    role_id: str
    role_yaml: str
    profile_yaml: str = ""
    findings: list[Problem] = field(default_factory=list)
    sections: int = 0
    clauses: int = 0
    languages: tuple[str, ...] = ()
    #: Where each section and clause began in the document: (line, section key, clause
    #: id or "" for the heading), in order: a finding's line tells what it is about.
    places: tuple[tuple[int, str, str], ...] = ()


def import_document(path: Path, lang: str | None = None, translation: Path | None = None,
                    translation_lang: str | None = None) -> Imported:
    """Read one document (and its translation) into a format-2 role; raise BadInput."""
    draft = _read(path, lang)
    languages = [draft.lang]
    drafts = [draft]
    pairs: pair.Pairs = []
    if translation is not None:
        other = _read(translation, translation_lang)
        if other.lang == draft.lang:
            raise UsageError(f"{translation}: reads as '{other.lang}' like {path}; give "
                             "--translation-lang for a translation into another language")
        pairs = pair.align(draft, other)
        languages.append(other.lang)
        drafts.append(other)
    titles = {d.lang: title_value(d) for d in drafts if d.title}
    _name(draft, drafts, titles, pairs)
    _texts(drafts, pairs)
    data = yaml_out.role_data(draft, draft.role_id, languages, titles)
    header = (f"Imported by jobdocs from {Path(path).name}"
              + (f" and {Path(translation).name}" if translation else "")
              + ".\nReview the clause ids, the title's cases and the references "
              "(see docs/importing.md).")
    findings = [f for d in drafts for f in d.findings]
    profile = _profile(drafts)
    return Imported(str(path), draft.role_id, yaml_out.dump(data, header),
                    yaml_out.dump(profile, _PROFILE_HEADER) if profile else "",
                    sorted(findings, key=lambda p: (p.path != str(path), p.path, p.line or 0)),
                    len(draft.sections), sum(1 for _ in draft.clauses()), tuple(languages),
                    tuple(_places(draft)))


def _places(draft: Draft) -> list[tuple[int, str, str]]:
    """Return (line, section key, clause id) of each section heading and clause."""
    out = []
    for sec in draft.sections:
        out.append((sec.line, sec.key, ""))
        out.extend((c.line, sec.key, c.id) for c in sec.walk() if c.line)
    return sorted(out, key=lambda p: p[0])


def _texts(drafts: list[Draft], pairs: pair.Pairs) -> None:
    """Put each language's text (references resolved) on the original's clauses."""
    for d in drafts:
        for sec in d.sections:
            sec.headings.setdefault(d.lang, sec.heading)
            if sec.intro and sec.declared:
                sec.intros.setdefault(d.lang, sec.intro)
            elif sec.intro and sec.intro != sec.heading:
                d.find(sec.intro_line, f"the opening sentence of «{sec.heading}» («{sec.intro}») "
                       "is left to jobdocs, which prints its own", "section-intro", "info")
            for c in sec.walk():
                c.text = refs.resolve_marks(c.text, d.targets)
    original = drafts[0]
    for mine, theirs in pairs:
        mine.texts[drafts[-1].lang] = theirs.text
    for c in original.clauses():
        c.texts = {original.lang: c.text, **c.texts}
    for sec in original.sections:
        if not sec.declared:
            sec.intros = {}


def _read(path: Path, lang: str | None) -> Draft:
    draft = structure.parse(read_source(path), lang)
    for c in draft.clauses():
        c.text = _escape(c.text)
    for sec in draft.sections:
        sec.intro = _escape(sec.intro)
    draft.targets = refs.find_references(draft)
    return draft


def _escape(text: str) -> str:
    """Keep `{{`, `{%`, `{#` of the source as text: clause text is a Jinja template."""
    return _JINJA.sub(lambda m: f"{{{{ '{m.group(0)}' }}}}", text)


def _name(draft: Draft, drafts: list[Draft], titles: dict[str, Any], pairs: pair.Pairs) -> None:
    """Give the role and every clause an id, from the English text where there is one."""
    english = next((d for d in drafts if d.lang == "en"), draft)
    title = titles.get(english.lang) or titles.get(draft.lang) or ""
    if isinstance(title, dict):
        title = title.get("nominative") or title.get("genitive", "")
    draft.role_id = ids.slug(title or Path(draft.path).stem)
    counterpart = {id(a): b for a, b in pairs}
    taken: set[str] = {s.key for s in draft.sections}
    skip = str(title).split() + ids.title_words(titles)
    for c in draft.clauses():
        source = counterpart.get(id(c)) if english is not draft else None
        c.id = ids.make_id((source or c).text, taken, skip=skip)
        if source is not None or id(c) in counterpart:
            counterpart[id(c)].id = c.id
    for d in drafts[1:]:
        for c in d.clauses():
            if not c.id:
                c.id = ids.make_id(c.text, taken, skip=skip)


def _profile(drafts: list[Draft]) -> dict[str, Any]:
    """Merge what the frames of the documents held into one organization profile."""
    out: dict[str, Any] = {}
    for d in drafts:
        for key, value in d.profile.items():
            if key not in out:
                out[key] = value
            elif isinstance(value, dict) and isinstance(out[key], dict):
                for k, v in value.items():
                    if isinstance(v, dict) and isinstance(out[key].get(k), dict):
                        out[key][k] = {**out[key][k], **v}
                    else:
                        out[key].setdefault(k, v)
    return {"format": 1, **out} if out else {}


_PROFILE_HEADER = ("Suggested by jobdocs import from the approval block, the signatures and the "
                   "visas\nof the imported documents: check it, then use it with --org.")
