"""A page on another port of 127.0.0.1 cannot edit a role, in a real Chromium.

Cookies do not tell ports apart: a page served on 127.0.0.1:B (any local web
app, a dev server) may set a cookie that the browser then sends to jobdocs on
127.0.0.1:A, and SameSite does not stop it (it is the same "site"). The attack
of the audit planted the CSRF cookie and posted the matching value. It fails
now on two counts: the origin of the request, and a CSRF value that only the
server's secret can compute.
"""

from __future__ import annotations

import hashlib
import http.server
import re
import threading
from collections.abc import Iterator

import pytest
from serve_project import KAM
from test_serve_browser import browser, server  # noqa: F401  (fixtures)

ATTACK = """<!doctype html><html><body>
<script>
document.cookie = "jobdocs_csrf=PLANTEDPLANTEDPLANTEDPLANTED; path=/";
document.cookie = "jobdocs_session=PLANTEDPLANTEDPLANTEDPLANTED; path=/";
</script>
<form id="f" method="post" action="{target}">
<input name="csrf" value="PLANTEDPLANTEDPLANTEDPLANTED">
<input name="base" value="{base}"><input name="section" value="general">
<input name="op" value="save">
</form>
<script>
fetch("{target}", {{method: "POST", mode: "no-cors", credentials: "include",
  headers: {{"content-type": "application/x-www-form-urlencoded"}},
  body: new URLSearchParams(new FormData(document.getElementById("f")))}})
  .finally(() => document.getElementById("f").submit());
</script>
</body></html>"""


@pytest.fixture
def attacker() -> Iterator[tuple[http.server.HTTPServer, dict[str, str]]]:
    """A web server on another port of 127.0.0.1 that serves the attack page."""
    page: dict[str, str] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            body = page["html"].encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    srv = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv, page
    srv.shutdown()
    srv.server_close()


def test_a_page_on_another_port_cannot_edit_a_role(server, browser, attacker):  # noqa: F811
    url, root = server
    srv, page_html = attacker
    path = root / "roles" / f"{KAM}.yaml"
    before = path.read_bytes()
    page = browser
    base = hashlib.sha256(before).hexdigest()[:32]
    page_html["html"] = ATTACK.format(target=f"{url}/roles/{KAM}/edit", base=base)
    with page.expect_navigation(url=f"{url}/roles/{KAM}/edit", timeout=30_000) as nav:
        page.goto(f"http://127.0.0.1:{srv.server_address[1]}/")
    assert nav.value is not None and nav.value.status == 403
    assert path.read_bytes() == before

    # The person's own page still saves (its origin and CSRF value are the server's).
    page.goto(f"{url}/roles/{KAM}/edit")
    page.locator("#c-appointment").get_by_role("button", name="Удалить").first.click()
    page.get_by_role("button", name="Сохранить").first.click()
    page.wait_for_url(re.compile(r"/edit\?saved="))
    assert b"id: appointment\n" not in path.read_bytes()
