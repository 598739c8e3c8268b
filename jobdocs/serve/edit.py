"""The editor: a whole role (or one section) in one form, checked before it is saved.

Nothing typed is lost: moving, adding and removing clauses change the form (in
the page, or by a round trip without a script) and only "Save" writes, all of
it at once. The form carries the fingerprint of the file as the page showed it:
when the file changed on disk since, the save is refused and the form is shown
again as it was typed. An edit that makes the role invalid is refused with the
findings at their clauses, and the file is left as it was. A save reads,
checks and writes the file under a lock, and compares the file once more just
before the new one is renamed into place; a text longer than MAX_TEXT is
refused, never cut.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, unquote, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import JobdocsError, Problem
from ..files import FileChanged, write_atomic
from ..roles import loader, reference
from ..roles.yamledit import EditError, RoleFile, digest
from . import chips, history
from .document import find, print_ahead
from .draft import OPS, SECTION_KEY, Draft, from_file, from_form, write
from .findings import localized
from .library import lines_of
from .pages import message, page, say, ui_language
from .security import csrf_ok
from .site import Entry, Site, check_candidate

#: The longest text a field may hold.
MAX_TEXT = 20_000
#: The cookie that remembers the name this browser's saves are committed under.
AUTHOR_COOKIE = "jobdocs_author"


async def editor(request: Request) -> Response:
    form = await request.form() if request.method == "POST" else None
    fields: dict[str, list[str]] | None = None
    if form is not None:
        fields = {}
        for k, v in form.multi_items():
            if isinstance(v, str):
                fields.setdefault(k, []).append(v)
    # Reading, checking and writing files is blocking work: never on the event loop.
    return await run_in_threadpool(_edit, request, fields)


def _edit(request: Request, fields: dict[str, list[str]] | None) -> Response:
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
        rf = RoleFile(current, site.relative(entry.path))
        langs = _langs(rf, entry)
        only = request.query_params.get("section", "")
        if fields is None:
            draft = from_file(rf, langs, only if SECTION_KEY.fullmatch(only) else "")
            return _editor(request, site, entry, current, draft)
    except JobdocsError as e:
        return message(request, 422, _unreadable(site, e))
    except EditError as e:
        return message(request, 422, refusal(request, e))
    if not csrf_ok(request, _one(fields, "csrf")):
        return message(request, 403, say(request,
            "The form expired or came from another site; reload the page and try again."))
    try:
        draft = from_form(fields, langs)
    except EditError as e:
        return message(request, 422, refusal(request, e))
    base = _one(fields, "base")
    try:
        _unmark(request, site, entry, draft, fields)
    except EditError as e:  # shown again as typed, with the chips it had
        carried = {k.removeprefix("chips."): v[-1] for k, v in fields.items()
                   if k.startswith("chips.") and v}
        return _editor(request, site, entry, current, draft, 422, base=base,
                       refusal=refusal(request, e), carried=carried)
    longest = max((len(t) for n in draft.nodes() for t in n.texts.values()), default=0)
    if longest > MAX_TEXT:
        return _editor(request, site, entry, current, draft, 422, base=base, refusal=say(
            request, "A clause text may hold at most %(most)s characters; this one has "
            "%(has)s. Nothing was saved: shorten the text (it is kept below) or split the "
            "clause.") % {"most": f"{MAX_TEXT:,}", "has": f"{longest:,}"})
    op, _, target = _one(fields, "op").partition(":")
    if op in OPS:  # a change of the form only (the page without its script)
        try:
            shown = draft.apply(op, target)
        except EditError as e:
            return _editor(request, site, entry, current, draft, 422, base=base,
                           refusal=refusal(request, e))
        return _editor(request, site, entry, current, draft, base=base, focus=shown,
                       pending=True)
    with site.lock(entry.path):  # one save of a file at a time: read, check, write
        return _save(request, site, entry, draft, base, fields)


def refusal(request: Request, error: EditError) -> str:
    """Return why an edit cannot be made, in the interface language (an EditError holds
    the message, and the values it names)."""
    text, *values = error.args
    said = say(request, str(text))
    return said % values[0] if values and isinstance(values[0], Mapping) else said


def _chips(request: Request, site: Site, entry: Entry, langs: tuple[str, ...],
           texts: list[str]) -> dict[str, Any]:
    """Return the chips of `texts` and the menus, per language (chips.chips)."""
    if entry.role is None:
        return {}
    return chips.chips(entry.role, langs, site.profile(), texts, lambda s: say(request, s))


def _unmark(request: Request, site: Site, entry: Entry, draft: Draft,
            fields: Mapping[str, list[str]]) -> None:
    """Give the chips a page without a script showed in brackets their tags back; raise
    the first EditError after all (a text that cannot be given back stays as typed)."""
    menus: dict[str, dict[str, str]] | None = None
    errors: list[EditError] = []
    for node in draft.nodes():
        for lang, text in node.texts.items():
            if chips.OPEN not in text and chips.CLOSE not in text:
                continue
            pairs = chips.read_pairs(_one(fields, f"chips.{node.key}.{lang}"))
            if menus is None:
                data = _chips(request, site, entry, draft.langs, [])
                menus = {x: chips.menu_words(data, x) for x in draft.langs}
            try:
                node.texts[lang] = chips.unmarked(text, pairs, menus.get(lang, {}))
            except EditError as e:
                errors.append(e)
    if errors:
        raise errors[0]


def _one(fields: Mapping[str, list[str]], key: str) -> str:
    values = fields.get(key) or [""]
    return values[-1]


def _langs(rf: RoleFile, entry: Entry) -> tuple[str, ...]:
    langs = tuple(str(x) for x in (rf.data.get("languages") or ()))
    if not langs and entry.role is not None:
        langs = entry.role.languages
    return langs


def _save(request: Request, site: Site, entry: Entry, draft: Draft, base: str,
          fields: Mapping[str, list[str]]) -> Response:
    try:
        current = site.read(entry)
    except JobdocsError as e:
        return message(request, 422, _unreadable(site, e))
    if base != digest(current.encode("utf-8")):
        return _changed(request, site, entry, current, draft, base)
    try:
        rf = RoleFile(current, site.relative(entry.path))
        titles = entry.role.title if entry.role else dict(rf.data.get("title") or {})
        ref_lang = entry.role.reference if entry.role else str(rf.data.get("reference") or "")
        write(rf, draft, titles, _inherited(entry), ref_lang)
    except EditError as e:
        return _editor(request, site, entry, current, draft, 422, base=base,
                       refusal=refusal(request, e))
    candidate = rf.dump()
    problems = tuple(p for p in check_candidate(entry.path, candidate, site.profile())
                     if p.severity == "error")
    if problems:
        return _editor(request, site, entry, current, draft, 422, base=base, problems=problems,
                       candidate=candidate, refusal=say(request,
            "The change would make the role invalid, so it was not saved. Your text is "
            "kept below."))

    def unchanged() -> bool:  # another program may have written the file while we checked
        try:
            return digest(site.read(entry).encode("utf-8")) == base
        except JobdocsError:
            return False

    try:
        write_atomic(entry.path, candidate.encode("utf-8"), unchanged=unchanged)
    except FileChanged:
        return _changed(request, site, entry, site.read(entry), draft, base)
    except OSError as e:
        return message(request, 500, say(request, "The file could not be written: %(why)s")
                       % {"why": e.strerror or str(e)})
    author = history.valid_name(_one(fields, "author"))
    subject = _one(fields, "note") or say(request, "%(role)s: changed in the browser") % {
        "role": entry.id}
    commit = history.record(site.folder, entry.path, author, subject)
    print_ahead(request, entry.id)
    only = request.query_params.get("section", "")
    back = {"section": only} if SECTION_KEY.fullmatch(only) else {}
    back |= {"saved": "1", "commit": commit} if commit else {"saved": "1"}
    return remember(RedirectResponse(f"/roles/{entry.id}/edit?{urlencode(back)}", 303), author)


def remember(response: Response, author: str) -> Response:
    """Return `response` remembering the name this browser's saves are committed under."""
    if author:
        response.set_cookie(AUTHOR_COOKIE, quote(author), max_age=365 * 86400,
                            samesite="strict", httponly=True)
    return response


def _author(request: Request, site: Site) -> str:
    """Return the name a save is committed under: the one given last in this browser,
    else the repository's configured user."""
    return history.valid_name(unquote(request.cookies.get(AUTHOR_COOKIE, ""))) or \
        history.configured_name(site.folder)


def _inherited(entry: Entry) -> set[str]:
    if entry.role is None:
        return set()
    return {c.id for clauses in entry.role.sections.values() for top in clauses
            for c in top.walk()}


def _changed(request: Request, site: Site, entry: Entry, current: str, draft: Draft,
             base: str) -> Response:
    return _editor(request, site, entry, current, draft, 409, base=base, refusal=say(request,
        "The file changed on disk since this page was opened, so nothing was saved. "
        "Your text is kept below: check the file's new content and save again."))


def _unreadable(site: Site, error: JobdocsError) -> str:
    problems = getattr(error, "problems", ())
    if problems:
        p = problems[0]
        return f"{site.relative(p.path)}: {p.message}"
    return str(error)


def _editor(request: Request, site: Site, entry: Entry, text: str, draft: Draft,
            status: int = 200, *, base: str = "", problems: tuple[Problem, ...] = (),
            refusal: str = "", candidate: str = "", focus: str = "", pending: bool = False,
            carried: Mapping[str, str] | None = None) -> Response:
    """Return the editor page showing `draft` (the file's, or what was typed; `carried`:
    KEY.LANG → the chips a text typed without a script still shows in brackets)."""
    langs = draft.langs
    ui = ui_language(request)
    numbers, headings = _numbers(entry, ui)
    problems = tuple(dict.fromkeys(problems))
    at = _at_clauses(problems, candidate, entry)
    data = _chips(request, site, entry, langs, [t for n in draft.nodes()
                                                for t in n.texts.values()])
    shown = {}  # KEY.LANG → the text with its chips in brackets, the pairs that undo them
    for n in draft.nodes():
        for lang, source in n.texts.items():
            words, pairs = chips.marked(source, chips.labels(data, lang))
            kept = (carried or {}).get(f"{n.key}.{lang}", "") if chips.OPEN in source else ""
            shown[f"{n.key}.{lang}"] = (words, json.dumps(pairs, ensure_ascii=False)
                                        if pairs else kept)
    only = request.query_params.get("section", "")
    due: dict[str, set[str]] = {}
    if entry.role is not None:
        for d in reference.due(entry.role):
            due.setdefault(d.clause.id, set()).add(d.lang)
    repository = history.repository(site.folder) is not None
    return page(request, "edit.html", status, due=due, repository=repository,
                author=_author(request, site) if repository else "",
                commit=request.query_params.get("commit", ""),
                reference=entry.role.reference if entry.role else "", entry=entry, draft=draft,
                langs=langs, shown=shown,
                insertable={x: chips.menu_words(data, x) for x in langs},
                headings=headings, numbers=numbers, base=base or digest(text.encode("utf-8")),
                file=site.relative(entry.path), problems=localized(problems, ui, site, numbers),
                at=at, refusal=refusal, focus=focus, pending=pending,
                saved=request.query_params.get("saved") == "1" and not refusal,
                only=only if only in draft.sections and len(draft.sections) == 1 else "",
                all_sections=list(headings) or list(draft.sections),
                chips_json=json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))


def _at_clauses(problems: tuple[Problem, ...], candidate: str, entry: Entry
                ) -> dict[str, list[int]]:
    """Return clause id → the indexes of the findings about it (in the candidate text)."""
    if not problems or not candidate:
        return {}
    try:
        lines = lines_of(loader.parse(candidate, str(entry.path)))
    except JobdocsError:
        return {}
    out: dict[str, list[int]] = {}
    for i, p in enumerate(problems):
        if p.line is None:
            continue
        line = p.line
        clause = next((cid for first, cid in reversed(lines) if first <= line), "")
        if clause:
            out.setdefault(clause, []).append(i)
    return out


def _numbers(entry: Entry, ui: str) -> tuple[dict[str, str], dict[str, str]]:
    """Return each clause's printed number and each section's heading (in the interface
    language when the role is written in it), when the role resolves."""
    from ..resolve import resolve

    if entry.role is None:
        return {}, {}
    lang = ui if ui in entry.role.languages else entry.role.languages[0]
    try:
        doc = resolve(entry.role, lang, trace=False)
    except JobdocsError:
        return {}, {}
    numbers = {c.id: c.number for s in doc.sections for top in s.clauses for c in top.walk()}
    return numbers, {s.key: f"{s.number}. {s.heading}" for s in doc.sections}
