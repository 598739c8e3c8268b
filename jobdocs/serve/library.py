"""The library page (every role, filtered by text) and the validation page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from ..errors import Problem
from ..roles import loader
from . import chips
from .findings import Finding, localized
from .pages import page, site_of, ui_language
from .search import Searchable
from .site import Entry


@dataclass(frozen=True)
class Row:
    """One line of the library table."""

    id: str
    title: str
    version: str
    parent: str
    languages: tuple[str, ...]
    errors: int  # the role file's own (a parent's are counted at the parent)
    warnings: int
    editable: bool
    parent_errors: bool = False  # a role it extends has errors of its own
    found: Searchable = field(compare=False, repr=False,
                              default_factory=lambda: Searchable((), ()))


def row(entry: Entry, lang: str) -> Row:
    """Return the library's line of a role: its own findings counted (as `jobdocs
    validate` counts them, each at the file it is in), a parent's only flagged."""
    own = [p for p in entry.problems if _same(p.path, entry)]
    errors = sum(p.severity == "error" for p in own)
    warnings = sum(p.severity == "warning" for p in own)
    inherited = entry.errors > errors
    role = entry.role
    if role is None:
        return Row(entry.id, "", "", "", (), max(errors, 0 if inherited else 1), warnings,
                   entry.editable, inherited, Searchable((entry.id,), ()))
    title = role.title.get(lang) or role.title.get("en") or next(iter(role.title.values()))
    titles = [form for t in role.title.values() for form in dict.fromkeys(t.forms.values())]
    found = Searchable((entry.id, *titles, role.extends or "", role.version),
                       (str(t) for t in role.title.values()))
    return Row(entry.id, str(title), role.version, role.extends or "", role.languages,
               errors, warnings, entry.editable, inherited, found)


def index(request: Request) -> Response:
    site = site_of(request)
    lang = ui_language(request)
    query = request.query_params.get("q", "")[:200]
    rows = [row(e, lang) for e in site.entries()]
    shown = [r for r in rows if r.found.matches(query)] if query.strip() else rows
    return page(request, "library.html", rows=shown, total=len(rows), q=query,
                folder=site.relative(site.local_dir))


@dataclass(frozen=True)
class Listed:
    """A finding with the role and clause it points at, for the validation page."""

    finding: Finding
    role_id: str
    clause: str
    number: str


def clause_lines(path: str) -> list[tuple[int, str]]:
    """Return (first line, clause id) of every clause and item of a role file, in order."""
    try:
        loaded = loader.load(path)
    except Exception:  # an unreadable file: its findings link to the role, not a clause
        return []
    return lines_of(loaded)


def lines_of(loaded: loader.Loaded) -> list[tuple[int, str]]:
    """Return (first line, clause id) of every clause and item of a parsed role file."""
    out = []
    for key, mark in loaded.marks.items():
        if len(key) >= 3 and key[0] == "sections" and isinstance(key[-1], int):
            value = _at(loaded.data, key)
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                out.append((mark.line, value["id"]))
    return sorted(out)


def _at(data: object, key: tuple[str | int, ...]) -> object:
    for k in key:
        try:
            data = data[k]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def validation(request: Request) -> Response:
    """Every finding of the library once (a parent's in none of its children), as
    `jobdocs validate` counts them, in the interface language."""
    site = site_of(request)
    lang = ui_language(request)
    entries = site.entries()
    listed: list[Listed] = []
    seen: set[Problem] = set()
    for e in entries:
        lines = clause_lines(str(e.path)) if e.problems else []
        numbers = chips.clause_numbers(e.role, site.profile())[0] if (
            e.role and e.problems) else {}
        for p in e.problems:
            if p in seen:
                continue
            seen.add(p)
            clause = ""
            own = p.line is not None and _same(p.path, e)
            if own and p.line is not None:
                at = p.line
                clause = next((cid for line, cid in reversed(lines) if line <= at), "")
            [f] = localized([p], lang, site, numbers)
            listed.append(Listed(f, e.id if own else "", clause, numbers.get(clause, "")))
    errors = sum(x.finding.severity == "error" for x in listed)
    return page(request, "validation.html", findings=listed, files=len(entries), errors=errors,
                warnings=len(listed) - errors, folder=site.relative(site.local_dir))


def _same(path: str, entry: Entry) -> bool:
    if path == str(entry.path):
        return True
    try:
        return Path(path).resolve() == entry.path.resolve()
    except OSError:
        return False
