"""The web application: routes, the page helper every view uses, and its safety."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import ui
from .security import Guard, TooLarge, csrf_value
from .site import Site

STATIC = Path(__file__).parent / "static"


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Return page `name` in the interface language of this request."""
    lang = ui_language(request)
    html = ui.render(name, lang, request=request, csrf=csrf_value(request), **context)
    response = HTMLResponse(html, status)
    if request.query_params.get("ui") == lang:
        response.set_cookie(ui.COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def ui_language(request: Request) -> str:
    return ui.negotiate(request.query_params.get("ui"), request.cookies.get(ui.COOKIE),
                        request.headers.get("accept-language"))


def say(request: Request, text: str) -> str:
    """Return a message of the interface in this request's language
    (`pybabel extract -k say:2 -k tr` finds them)."""
    return ui.catalog(ui_language(request)).gettext(text)


def message(request: Request, status: int, text: str) -> HTMLResponse:
    """Return a page that says one thing (an unknown role, a refused revision...)."""
    return page(request, "message.html", status, text=text)


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def create_app(site: Site | None = None, *, token: str | None = None,
               hosts: set[str] | None = None, warm: bool = False) -> Starlette:
    """Return the application serving `site` (default: the current folder's project).

    Every page that reads or checks files is a plain function, which Starlette
    runs in its thread pool: a slow or hostile file never stalls the event loop.

    `token`, when given, is required of every request; `hosts` are the host
    names answered (default: localhost and the loopback addresses). With
    `warm`, every role is checked in the background from the start, so that the
    first visit to the library does not wait for it.
    """
    from . import acknowledgements, compare, document, edit, importing, library, newrole, versions

    routes = [
        Route("/", library.index),
        Route("/validate", library.validation),
        Route("/compare", compare.compare),
        Route("/compare/redline", compare.redline_download),
        Route("/roles/new", newrole.new_role, methods=["GET", "POST"]),
        Route("/import", importing.import_page, methods=["GET", "POST"]),
        Route("/roles/{role_id}", document.role_page),
        Route("/roles/{role_id}/download", document.download),
        Route("/roles/{role_id}/edit", edit.editor, methods=["GET", "POST"]),
        Route("/roles/{role_id}/history", versions.history_page),
        Route("/roles/{role_id}/approve", versions.approve, methods=["POST"]),
        Route("/roles/{role_id}/acknowledgements", acknowledgements.role_status),
        Route("/acknowledgements", acknowledgements.due_page),
        Route("/acknowledgements/sheet", acknowledgements.sheet),
        Route("/acknowledgements/record", acknowledgements.mark_received, methods=["POST"]),

        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    allowed = hosts if hosts is not None else {"localhost", "127.0.0.1", "[::1]"}
    app = Starlette(routes=routes, middleware=[Middleware(Guard, hosts=allowed, token=token)],
                    exception_handlers={404: _not_found, TooLarge: _too_large,
                                        MemoryError: _too_much_memory})
    app.state.site = site or Site.here()
    if warm:
        import threading

        threading.Thread(target=app.state.site.entries, name="jobdocs-warm", daemon=True).start()
    return app


async def _not_found(request: Request, exc: Exception) -> Response:
    return message(request, 404, say(request, "No such page."))


async def _too_large(request: Request, exc: Exception) -> Response:
    return message(request, 413, say(request, "The request is too large."))


async def _too_much_memory(request: Request, exc: Exception) -> Response:
    """Past the server's memory budget (jobdocs.budget): this page fails, not the server."""
    return message(request, 500, say(request, "This page needs more memory than the server "
                                              "may take; the other pages still work."))
