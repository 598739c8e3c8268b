"""What every page of `jobdocs serve` is built with: the page in the interface language
of its request, a one-line message page, the interface's words, the site served."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from . import ui
from .security import csrf_value
from .site import Site


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
