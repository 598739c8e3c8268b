"""The web application: its routes and its safety. The views (library.py, document.py,
compare.py, edit.py, acknowledgements.py) build their pages with pages.py, and never
import this module: the routes are wired here, in one place."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .ahead import Ahead
from .pages import message, say
from .security import Guard, TooLarge
from .site import Site

STATIC = Path(__file__).parent / "static"


def create_app(site: Site | None = None, *, token: str | None = None,
               hosts: set[str] | None = None, warm: bool = False, print_ahead: bool = False
               ) -> Starlette:
    """Return the application serving `site` (default: the current folder's project).

    Every page that reads or checks files is a plain function, which Starlette
    runs in its thread pool: a slow or hostile file never stalls the event loop.

    `token`, when given, is required of every request; `hosts` are the host
    names answered (default: localhost and the loopback addresses). With
    `warm`, every role is checked in the background from the start, so that the
    first visit to the library does not wait for it. With `print_ahead` (as
    `jobdocs serve` runs), a save prints the role's PDF in the background
    (jobdocs.serve.ahead).
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
    app.state.ahead = Ahead(print_ahead)
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
