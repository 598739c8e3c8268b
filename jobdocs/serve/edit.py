"""The editor: change, add, move or remove a clause; checked before it is saved.

Every form carries the fingerprint of the file as the page showed it: when
the file changed on disk since, the save is refused and what the person typed
is shown again, so nothing is lost. An edit that makes the role invalid is
refused with the findings, and the file is left as it was. A save reads, checks
and writes the file under a lock, and compares the file once more just before
the new one is renamed into place; a text longer than MAX_TEXT is refused, never
cut.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import JobdocsError, Problem
from ..files import FileChanged, write_atomic
from ..resolve import resolve
from .app import message, page, say
from .document import find
from .security import csrf_ok
from .site import Entry, Site, check_candidate
from .ui import tr
from .yamledit import CHILDREN, EditError, RoleFile, digest

#: A clause id as the role format allows it.
CLAUSE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
#: The longest text a field may hold.
MAX_TEXT = 20_000
ACTIONS = ("save", "up", "down", "remove", "add")


@dataclass
class Node:
    """A clause of the file as the editor shows it."""

    id: str
    number: str
    texts: dict[str, str]
    children: list[Node] = field(default_factory=list)


@dataclass
class Kept:
    """What a refused form held, to show it again."""

    clause: str = ""
    section: str = ""
    new_id: str = ""
    under: str = ""
    texts: dict[str, str] = field(default_factory=dict)


def _nodes(seq: Any, numbers: Mapping[str, str], langs: tuple[str, ...]) -> list[Node]:
    out = []
    for node in seq if isinstance(seq, list) else ():
        if not isinstance(node, Mapping) or not isinstance(node.get("id"), str):
            continue
        text = node.get("text")
        texts = {lang: str(text.get(lang, "")) if isinstance(text, Mapping) else str(text or "")
                 for lang in langs}
        kids = [n for k in CHILDREN for n in _nodes(node.get(k), numbers, langs)]
        out.append(Node(node["id"], numbers.get(node["id"], ""), texts, kids))
    return out


def _numbers(entry: Entry) -> tuple[dict[str, str], dict[str, str]]:
    """Return each clause's printed number and each section's heading, when it resolves."""
    if entry.role is None:
        return {}, {}
    try:
        doc = resolve(entry.role, entry.role.languages[0], trace=False)
    except JobdocsError:
        return {}, {}
    numbers: dict[str, str] = {}

    def walk(clauses: Any) -> None:
        for c in clauses:
            numbers[c.id] = c.number
            walk(getattr(c, "children", ()))

    for s in doc.sections:
        walk(s.clauses)
    return numbers, {s.key: f"{s.number}. {s.heading}" for s in doc.sections}


def _editor(request: Request, site: Site, entry: Entry, text: str, status: int = 200, *,
            problems: tuple[Problem, ...] = (), refusal: str = "", kept: Kept | None = None
            ) -> Response:
    try:
        rf = RoleFile(text, site.relative(entry.path))
        sections = rf.sections()
    except EditError as e:
        return message(request, 422, str(e))
    langs = tuple(str(x) for x in (rf.data.get("languages") or ()))
    if not langs and entry.role is not None:
        langs = entry.role.languages
    numbers, headings = _numbers(entry)
    tree = [(str(k), headings.get(str(k), str(k)), _nodes(v, numbers, langs))
            for k, v in sections.items()]
    saved = request.query_params.get("saved", "")
    kept = kept or Kept()
    return page(request, "edit.html", status, entry=entry, tree=tree, langs=langs,
                base=digest(text.encode("utf-8")), file=site.relative(entry.path),
                problems=problems, refusal=refusal, kept=kept, saved=saved,
                inline=bool(refusal and (kept.clause or kept.section)),
                relative=site.relative)


async def editor(request: Request) -> Response:
    form = await request.form() if request.method == "POST" else None
    fields = {k: v for k, v in form.items() if isinstance(v, str)} if form else None
    # Reading, checking and writing files is blocking work: never on the event loop.
    return await run_in_threadpool(_edit, request, fields)


def _edit(request: Request, fields: dict[str, str] | None) -> Response:
    site, entry, refused = find(request)
    if refused:
        return refused
    assert entry is not None
    if not entry.editable:
        return message(request, 403, say(request,
            "Roles shipped with jobdocs are read-only here; copy the role into the project's "
            "roles folder to edit it."))
    try:
        current = site.read(entry)
    except JobdocsError as e:
        return message(request, 422, _unreadable(site, e))
    if fields is None:
        return _editor(request, site, entry, current)
    if not csrf_ok(request, fields.get("csrf", "")):
        return message(request, 403, say(request,
            "The form expired or came from another site; reload the page and try again."))
    kept = Kept(fields.get("clause", ""), fields.get("section", ""), fields.get("new_id", ""),
                fields.get("under", ""), {k[5:]: v for k, v in fields.items()
                                          if k.startswith("text-")})
    longest = max((len(v) for v in kept.texts.values()), default=0)
    if longest > MAX_TEXT:
        return _editor(request, site, entry, current, 422, kept=kept, refusal=say(
            request, "A clause text may hold at most %(most)s characters; this one has "
            "%(has)s. Nothing was saved: shorten the text (it is kept below) or split the "
            "clause.") % {"most": f"{MAX_TEXT:,}", "has": f"{longest:,}"})
    with site.lock(entry.path):  # one save of a file at a time: read, check, write
        return _save(request, site, entry, fields, kept)


def _save(request: Request, site: Site, entry: Entry, fields: dict[str, str],
          kept: Kept) -> Response:
    try:
        current = site.read(entry)
    except JobdocsError as e:
        return message(request, 422, _unreadable(site, e))
    base = fields.get("base", "")
    if base != digest(current.encode("utf-8")):
        return _changed(request, site, entry, current, kept)
    try:
        rf = RoleFile(current, site.relative(entry.path))
        target = _apply(rf, fields.get("action", ""), kept)
    except EditError as e:
        return _editor(request, site, entry, current, 422, kept=kept,
                       refusal=say(request, str(e)))
    candidate = rf.dump()
    problems = tuple(p for p in check_candidate(entry.path, candidate, site.profile())
                     if p.severity == "error")
    if problems:
        return _editor(request, site, entry, current, 422, problems=problems, kept=kept,
                       refusal=say(request, "The change would make the role invalid, so it was "
                                         "not saved. Your text is kept below."))

    def unchanged() -> bool:  # another program may have written the file while we checked
        try:
            return digest(site.read(entry).encode("utf-8")) == base
        except JobdocsError:
            return False

    try:
        write_atomic(entry.path, candidate.encode("utf-8"), unchanged=unchanged)
    except FileChanged:
        return _changed(request, site, entry, site.read(entry), kept)
    except OSError as e:
        return message(request, 500, say(request, "The file could not be written: %(why)s")
                       % {"why": e.strerror or str(e)})
    anchor = f"#c-{target}" if target else ""
    return RedirectResponse(f"/roles/{entry.id}/edit?saved={target}{anchor}", 303)


def _changed(request: Request, site: Site, entry: Entry, current: str, kept: Kept) -> Response:
    return _editor(request, site, entry, current, 409, kept=kept, refusal=say(request,
        "The file changed on disk since this page was opened, so nothing was saved. "
        "Your text is kept below: check the file's new content and save again."))


def _unreadable(site: Site, error: JobdocsError) -> str:
    problems = getattr(error, "problems", ())
    if problems:
        p = problems[0]
        return f"{site.relative(p.path)}: {p.message}"
    return str(error)


def _apply(rf: RoleFile, action: str, kept: Kept) -> str:
    """Make the change a form asks for; return the clause to show afterwards."""
    if action not in ACTIONS:
        raise EditError(tr("Unknown action."))
    langs = [str(lang) for lang in rf.data.get("languages") or ()]
    kept.texts = {k: v for k, v in kept.texts.items() if k in langs}
    if action == "add":
        if not CLAUSE_ID.fullmatch(kept.new_id):
            raise EditError(tr("A clause id is lowercase letters, digits and hyphens, "
                              "like 'handle-complaints'."))
        if not all(v.strip() for v in kept.texts.values()) or not kept.texts:
            raise EditError(tr("Write the clause in every language of the role."))
        rf.add(kept.section, kept.new_id, kept.texts, under=kept.under)
        return kept.new_id
    if not CLAUSE_ID.fullmatch(kept.clause):
        raise EditError(tr("Unknown clause."))
    if action == "save":
        rf.set_text(kept.clause, kept.texts)
    elif action == "remove":
        rf.remove(kept.clause)
        return ""
    else:
        rf.move(kept.clause, -1 if action == "up" else 1)
    return kept.clause
