"""The acknowledgement pages: who must sign (with the copies to print), a role's status,
and marking a signature received. The register and the staff list are the project's
(`acknowledgements:` in jobdocs.yaml), as `jobdocs ack` reads them. Reading the staff list
and the register is blocking work: each page does it in the thread pool."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..ack.context import Context, build_context
from ..ack.due import Due, State
from ..ack.output import status_counts
from ..ack.register import Acknowledgement
from ..ack.sheet import METHODS
from ..config.table import parse_date
from ..diff.labels import catalog
from ..errors import InvalidInput, JobdocsError
from ..formats import FORMATS
from ..production.batch import Job, render_one
from .pages import message, page, say, site_of, ui_language
from .security import csrf_ok
from .site import ROLE_ID

#: The most employees the due page lists (the command line lists every one).
SHOWN = 500


@contextmanager
def opened(request: Request) -> Iterator[Context]:
    """Open the project's register for the request's organization; close it after."""
    site = site_of(request)
    org = site.organization(site.default_organization())
    ctx = build_context(site.project, site.settings.library, org)
    try:
        yield ctx
    finally:
        ctx.register.close()


def _due(request: Request, ctx: Context) -> Due | Response:
    if ctx.staff is None:
        return message(request, 404, say(request,
            "No staff list: name it as acknowledgements.staff in jobdocs.yaml."))
    return Due(ctx.staff, ctx.versions, ctx.register)


async def due_page(request: Request) -> Response:
    return await run_in_threadpool(_due_page, request)


def _due_page(request: Request) -> Response:
    try:
        with opened(request) as ctx:
            due = _due(request, ctx)
            if isinstance(due, Response):
                return due
            states = list(due.states())
            listed = [s for s in states if s.due]
            rows = [(s, due.changes(s)) for s in listed[:SHOWN]]
            counts = status_counts(states, "role")
            ctx.versions.save()
    except InvalidInput as e:
        return message(request, 422, "; ".join(str(p) for p in e.problems[:5]))
    except JobdocsError as e:
        return message(request, 422, str(e))
    return page(request, "acknowledgements.html", words=catalog(ui_language(request)),
                rows=rows, total=len(listed), employees=len(states), counts=counts,
                shown=SHOWN, today=dt.date.today().isoformat(),
                recorded=request.query_params.get("recorded", ""))


async def role_status(request: Request) -> Response:
    return await run_in_threadpool(_role_status, request)


def _role_status(request: Request) -> Response:
    role_id = request.path_params["role_id"]
    if not ROLE_ID.fullmatch(role_id) or site_of(request).entry(role_id) is None:
        return message(request, 404, say(request, "There is no role with that id."))
    try:
        with opened(request) as ctx:
            due = _due(request, ctx)
            if isinstance(due, Response):
                return due
            states = [s for s in due.states() if s.employee.role == role_id]
            rows = [(s, due.changes(s)) for s in states]
            current = ctx.versions.current(role_id)
    except InvalidInput as e:
        return message(request, 422, "; ".join(str(p) for p in e.problems[:5]))
    except JobdocsError as e:
        return message(request, 422, str(e))
    counts = status_counts(states, "role").get(role_id)
    return page(request, "acknowledgement_role.html", words=catalog(ui_language(request)),
                role=current.role,
                digest=current.content_hash, rows=rows, counts=counts,
                today=dt.date.today().isoformat())


def _employee(due: Due, number: str, role_id: str) -> State | None:
    return next((s for s in due.states() if s.employee.number == number
                 and s.employee.role == role_id), None)


async def sheet(request: Request) -> Response:
    """Download one due employee's copy to sign, with their row in the sheet."""
    return await run_in_threadpool(_sheet, request)


def _sheet(request: Request) -> Response:
    q = request.query_params
    fmt = q.get("format", "docx")
    if fmt not in ("docx", "md"):
        return message(request, 400, say(request, "That download is not available."))
    try:
        with opened(request) as ctx:
            due = _due(request, ctx)
            if isinstance(due, Response):
                return due
            state = _employee(due, q.get("number", ""), q.get("role", ""))
            if state is None:
                return message(request, 404, say(request,
                    "The staff list has no such employee in that role."))
            role = state.current.role
            lang = q.get("lang", "") if q.get("lang", "") in role.languages else \
                role.languages[0]
            site = site_of(request)  # the letterhead render gives this profile
            data = render_one(Job(role, lang, fmt, state.employee, state.line), ctx.org,
                              site.letterhead(ctx.org))
    except InvalidInput as e:
        return message(request, 422, "; ".join(str(p) for p in e.problems[:5]))
    except JobdocsError as e:
        return message(request, 422, str(e))
    name = Job(role, lang, fmt, state.employee, state.line).filename()
    return Response(data, media_type=FORMATS[fmt].media_type,
                    headers={"content-disposition": f'attachment; filename="{name}"'})


async def mark_received(request: Request) -> Response:
    """Record that an employee signed their role's current version (a POST with CSRF)."""
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    return await run_in_threadpool(_mark, request, fields)


def _mark(request: Request, fields: dict[str, str]) -> Response:
    if not csrf_ok(request, fields.get("csrf", "")):
        return message(request, 403, say(request,
            "The form expired or came from another site; reload the page and try again."))
    when = parse_date(fields.get("date", ""))
    method = fields.get("method", "paper")
    if when is None or when > dt.date.today() or method not in METHODS:
        return message(request, 422, say(request,
            "Give the day the employee signed (not in the future) and how."))
    try:
        with opened(request) as ctx:
            due = _due(request, ctx)
            if isinstance(due, Response):
                return due
            state = _employee(due, fields.get("number", ""), fields.get("role", ""))
            if state is None:
                return message(request, 404, say(request,
                    "The staff list has no such employee in that role."))
            current = state.current
            if fields.get("hash") != current.content_hash:
                return message(request, 409, say(request,
                    "The role changed since this page was opened; reload it and check "
                    "which version the employee signed."))
            e = state.employee
            ctx.register.record([Acknowledgement(
                e.number, e.role, current.label, current.content_hash, when,
                str(e.name), str(e.position), e.unit, "", method, "jobdocs serve")],
                {(e.role, current.content_hash): current.role})
    except InvalidInput as e:
        return message(request, 422, "; ".join(str(p) for p in e.problems[:5]))
    except JobdocsError as e:
        return message(request, 422, str(e))
    back = "/acknowledgements" if fields.get("back") != "role" else \
        f"/roles/{state.employee.role}/acknowledgements"
    return RedirectResponse(f"{back}?recorded={state.employee.number}", 303)

