"""A role's history page: its versions (who, when, the clause diff of each), the
changes since its last approved version with the Word redline, and marking the
current version approved (a git tag)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..diff import diff_roles
from ..diff.changes import LangDiff
from ..errors import JobdocsError
from ..model import Role
from ..roles import git as gitsource
from . import history
from .compare import field_label, field_value, summary
from .document import find
from .pages import message, page, say, site_of, ui_language
from .security import csrf_ok
from .site import Entry, Site

#: How many versions show their clause diff (the older ones are listed).
DIFFED = 10
#: What the changes are said with (shared with the compare page).
WORDS: dict[str, Any] = {"summary": summary, "field_label": field_label,
                         "field_value": field_value}


@dataclass(frozen=True)
class Shown:
    """A version of the role with what changed in it."""

    version: history.Version
    diff: LangDiff | None  # None: the first version, or one that cannot be read


def _load(rev: str, entry: Entry) -> Role | None:
    try:
        return gitsource.load_at(rev, os.path.relpath(entry.path))
    except JobdocsError:
        return None


def _lang(request: Request, *roles: Role | None) -> str:
    langs = [lang for lang in next((r.languages for r in roles if r), ())
             if all(r is None or lang in r.languages for r in roles)]
    ui = ui_language(request)
    asked = request.query_params.get("lang", "")
    return asked if asked in langs else ui if ui in langs else (langs[0] if langs else "")


def _diff(old: Role | None, new: Role | None, lang: str) -> LangDiff | None:
    if old is None or new is None or not lang:
        return None
    try:
        return diff_roles(old, new, [lang]).langs[0]
    except JobdocsError:
        return None


def history_page(request: Request) -> Response:
    site, entry, refused = find(request)
    if refused:
        return refused
    assert entry is not None
    folder = site.folder
    if history.repository(folder) is None:
        return page(request, "history.html", entry=entry, repository=False, shown=[],
                    approved="", since=None, lang="", query="", **WORDS)
    found = history.versions(folder, entry.path)
    roles = [_load(v.rev, entry) for v in found[:DIFFED]]
    parents = [_load(f"{v.rev}~1", entry) for v in found[:DIFFED]]
    lang = _lang(request, entry.role, *roles)
    shown = [Shown(v, _diff(parents[i], roles[i], lang) if i < DIFFED else None)
             for i, v in enumerate(found)]
    tag = history.approved(folder, entry.path, entry.id, _pattern(site))
    since = _diff(_load(tag, entry), entry.role, lang) if tag else None
    return page(request, "history.html", entry=entry, repository=True, shown=shown,
                approved=tag, since=since, lang=lang,
                query=urlencode({"role": entry.id, "from": tag, "lang": lang}), **WORDS)


def _pattern(site: Site) -> str:
    return site.project.approved if site.project else ""


async def approve(request: Request) -> Response:
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    return await run_in_threadpool(_approve, request, fields)


def _approve(request: Request, fields: dict[str, str]) -> Response:
    site, entry, refused = find(request)
    if refused:
        return refused
    assert entry is not None
    if not csrf_ok(request, fields.get("csrf", "")):
        return message(request, 403, say(request,
            "The form expired or came from another site; reload the page and try again."))
    folder = site_of(request).folder
    if history.repository(folder) is None or entry.role is None:
        return message(request, 422, say(request,
            "Only a valid role in a project kept in git can be marked approved."))
    with site.lock(entry.path):
        if not history.clean(folder, entry.path):
            return message(request, 409, say(request,
                "The role file has changes git has not recorded; save it here (or commit "
                "it) before marking it approved."))
        try:
            tag = history.approve(folder, entry.id, entry.role.version, _pattern(site))
        except history.HistoryError as e:
            return message(request, 422, say(request, "git refused: %(why)s") % {"why": e})
    return RedirectResponse(f"/roles/{entry.id}/history?{urlencode({'approved': tag})}", 303)
