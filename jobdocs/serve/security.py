"""What keeps a browser on another site, or another machine, out.

- Only the host names the server listens on are answered (no DNS rebinding).
- Off the loopback address every request needs the token: `?token=` once (it
  becomes a cookie), or `Authorization: Bearer <token>`.
- Every form carries the CSRF value of its browser's cookie (double submit,
  SameSite=Strict), checked on every POST.
- Git revisions from a URL are refused unless they look like a revision: no
  leading '-', no whitespace, no '..' ranges.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from urllib.parse import urlencode

from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

TOKEN_COOKIE = "jobdocs_token"
CSRF_COOKIE = "jobdocs_csrf"
REVISION = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./~^@{}+-]{0,99}")


def is_loopback(host: str) -> bool:
    """Return whether `host` is a loopback address or 'localhost'."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


def valid_revision(rev: str) -> bool:
    """Return whether `rev` may be handed to git as a revision."""
    return bool(REVISION.fullmatch(rev)) and ".." not in rev and not rev.endswith(".lock")


def csrf_value(request: Request) -> str:
    """Return this browser's CSRF value (a new one when it has none yet)."""
    value = request.cookies.get(CSRF_COOKIE, "")
    if not re.fullmatch(r"[A-Za-z0-9_-]{20,64}", value):
        value = request.scope.setdefault("jobdocs.new_csrf", secrets.token_urlsafe(24))
    return value


def csrf_ok(request: Request, submitted: str) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return bool(cookie) and hmac.compare_digest(cookie.encode(), submitted.encode())


class Guard:
    """ASGI middleware: the host check, the token, and the CSRF cookie."""

    def __init__(self, app: ASGIApp, hosts: set[str], token: str | None) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        host = request.headers.get("host", "").rsplit(":", 1)[0] if not request.headers.get(
            "host", "").startswith("[") else request.headers.get("host", "").split("]")[0] + "]"
        if self.hosts and host not in self.hosts:
            await PlainTextResponse("unknown host name", 400)(scope, receive, send)
            return
        if self.token:
            given = request.query_params.get("token")
            if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
                await self._enter(request)(scope, receive, send)
                return
            if not self._authorized(request):
                await PlainTextResponse(
                    "jobdocs serve: open the address with ?token=... that the server printed "
                    "at start", 401)(scope, receive, send)
                return

        async def send_with_cookie(message: dict) -> None:  # type: ignore[type-arg]
            new = scope.get("jobdocs.new_csrf")
            if message["type"] == "http.response.start" and new:
                cookie = (f"{CSRF_COOKIE}={new}; Path=/; HttpOnly; SameSite=Strict")
                message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _authorized(self, request: Request) -> bool:
        assert self.token is not None
        want = self.token.encode()
        cookie = request.cookies.get(TOKEN_COOKIE, "")
        auth = request.headers.get("authorization", "")
        bearer = auth[7:] if auth.lower().startswith("bearer ") else ""
        return any(v and hmac.compare_digest(v.encode(), want) for v in (cookie, bearer))

    def _enter(self, request: Request) -> Response:
        """Trade the token in the address for a cookie, and drop it from the address."""
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        url = URL(path=request.url.path, query=urlencode(params))
        response = RedirectResponse(str(url), 303)
        assert self.token is not None
        response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
        return response
