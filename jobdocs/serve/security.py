"""What keeps a browser on another site, another port or another machine out.

- Only the host names the server listens on are answered (no DNS rebinding);
  without a token, only the loopback names, whatever the address.
- Off the loopback address every request needs the token (at least MIN_TOKEN
  characters): `?token=` once (it becomes a cookie), or `Authorization: Bearer`.
- Every state-changing request (anything but GET and HEAD) must come from the
  server's own pages: `Sec-Fetch-Site`, when the browser sends it, is
  `same-origin`, and `Origin`, when sent, is the server's own origin (a page on
  another port of 127.0.0.1 is another origin, though the same "site" for cookies).
- Every form carries a CSRF value that is an HMAC, under a secret made when the
  server starts, of this browser's session cookie: a cookie planted by a page on
  another port is useless without the value only this server can compute.
- Request bodies are at most MAX_BODY bytes.
- Git revisions from a URL are refused unless they look like a revision: no
  leading '-', no whitespace, no '..' ranges.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
from urllib.parse import urlencode

from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_COOKIE = "jobdocs_token"
SESSION_COOKIE = "jobdocs_session"
#: The shortest token a server off the loopback address accepts.
MIN_TOKEN = 16
#: The largest request body (a form with four languages of the longest text fits).
MAX_BODY = 2 * 1024 * 1024
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD"})
REVISION = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./~^@{}+-]{0,99}")
_SESSION = re.compile(r"[A-Za-z0-9_-]{20,64}")


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


def token_problem(token: str | None, host: str) -> str:
    """Return why `token` cannot guard a server listening on `host` ('' when it can)."""
    if is_loopback(host) or token is None:
        return ""
    if len(token) < MIN_TOKEN:
        return (f"--token: off the loopback address the token must have at least {MIN_TOKEN} "
                f"characters ({'an empty one' if not token else 'a short one'} would let "
                "anyone on the network read and edit the roles); leave --token out for a new "
                "random one")
    return ""


def valid_revision(rev: str) -> bool:
    """Return whether `rev` may be handed to git as a revision."""
    return bool(REVISION.fullmatch(rev)) and ".." not in rev and not rev.endswith(".lock")


def _sign(secret: bytes, session: str) -> str:
    return hmac.new(secret, session.encode(), hashlib.sha256).hexdigest()


def csrf_value(request: Request) -> str:
    """Return the CSRF value this browser's forms carry (starting a session when it has none)."""
    session = request.cookies.get(SESSION_COOKIE, "")
    if not _SESSION.fullmatch(session):
        session = request.scope.setdefault("jobdocs.new_session", secrets.token_urlsafe(24))
    return _sign(request.scope["jobdocs.secret"], session)


def csrf_ok(request: Request, submitted: str) -> bool:
    """Return whether a form's CSRF value is the one this server gave this browser."""
    session = request.cookies.get(SESSION_COOKIE, "")
    if not _SESSION.fullmatch(session) or not submitted:
        return False
    want = _sign(request.scope["jobdocs.secret"], session)
    return hmac.compare_digest(want.encode(), submitted.encode())


def host_of(request: Request) -> str:
    """Return the host name of the request's Host header, without the port."""
    header = request.headers.get("host", "")
    if header.startswith("["):
        return header.split("]")[0] + "]"
    return header.rsplit(":", 1)[0]


def same_origin(request: Request) -> bool:
    """Return whether a state-changing request comes from this server's own pages."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser, or one that sends Sec-Fetch-Site (checked above)
    own = f"{request.url.scheme}://{request.headers.get('host', '')}".lower()
    return origin.lower() == own


class Guard:
    """ASGI middleware: the host check, the token, the origin of changes, body size."""

    def __init__(self, app: ASGIApp, hosts: set[str] | None, token: str | None,
                 secret: bytes | None = None) -> None:
        self.app = app
        self.token = token or None
        # Without a token nothing but the host check keeps a rebinding page out.
        self.hosts = set(hosts or ()) if self.token else set(hosts or ()) or set(LOOPBACK_HOSTS)
        self.secret = secret or secrets.token_bytes(32)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope["jobdocs.secret"] = self.secret
        request = Request(scope)
        refused = self._refusal(request)
        if refused is not None:
            await refused(scope, receive, send)
            return
        if self._entering(request):
            await self._enter(request)(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            new = scope.get("jobdocs.new_session")
            if message["type"] == "http.response.start" and new:
                cookie = f"{SESSION_COOKIE}={new}; Path=/; HttpOnly; SameSite=Strict"
                message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
            await send(message)

        await self.app(scope, _bounded(receive), send_with_cookie)

    def _refusal(self, request: Request) -> Response | None:
        if self.hosts and host_of(request) not in self.hosts:
            return PlainTextResponse("unknown host name", 400)
        if self.token and not (self._entering(request) or self._authorized(request)):
            return PlainTextResponse("jobdocs serve: open the address with ?token=... that "
                                     "the server printed at start", 401)
        if request.method not in SAFE_METHODS:
            if not same_origin(request):
                return PlainTextResponse("jobdocs serve: changes are accepted only from this "
                                         "server's own pages", 403)
            length = request.headers.get("content-length", "")
            if length and (not length.isdigit() or int(length) > MAX_BODY):
                return PlainTextResponse("jobdocs serve: the request is too large", 413)
        return None

    def _entering(self, request: Request) -> bool:
        """Whether the request brings the token in its address (`?token=`)."""
        given = request.query_params.get("token")
        return bool(self.token and given is not None
                    and hmac.compare_digest(given.encode(), self.token.encode()))

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


class TooLarge(Exception):
    """A request body that passed MAX_BODY while it was read."""


def _bounded(receive: Receive) -> Receive:
    """Return `receive` refusing a body (of unknown length) that grows past MAX_BODY."""
    total = 0

    async def wrapped() -> Message:
        nonlocal total
        message = await receive()
        if message["type"] == "http.request":
            total += len(message.get("body", b""))
            if total > MAX_BODY:
                raise TooLarge
        return message

    return wrapped
