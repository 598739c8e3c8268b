"""`jobdocs serve`: the role library in a browser (the optional `serve` extra).

The web framework is imported only when the command runs, so `jobdocs --help`
stays fast and works without the extra.
"""

from __future__ import annotations

import click

from ..errors import UsageError
from ..extras import install


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any other than loopback requires a token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--token", envvar="JOBDOCS_SERVE_TOKEN", metavar="TOKEN",
              help="Require this token of every browser (default off loopback: a new one, "
                   "printed at start). Also read from JOBDOCS_SERVE_TOKEN.")
def serve(host: str, port: int, token: str | None) -> None:
    """Serve the role library of this folder (its jobdocs.yaml, or ./roles) in a browser.

    Pages: the roles, each as it prints (ru, en...), its downloads, validation,
    compare, and an editor that checks every change before saving it.
    """
    try:
        import uvicorn

        from ..serve.app import create_app
        from ..serve.security import is_loopback, new_token, token_problem
    except ImportError as e:
        raise UsageError(f"jobdocs serve needs the serve extra: {install('serve')} "
                         f"({e.name} is missing)") from None
    problem = token_problem(token, host)
    if problem:
        raise UsageError(problem)
    if token is None and not is_loopback(host):
        token = new_token()
    token = token or None  # on loopback, an empty token is none
    hosts = None if is_loopback(host) else {host, "localhost", "127.0.0.1"}
    # Any address (0.0.0.0) answers under every name the machine has: the token guards it.
    from pathlib import Path

    from ..serve.site import Site
    from .options import settings

    # The project of this folder, as every command finds it (a planted one is named).
    site = Site(Path.cwd().resolve(), settings(keep_going=True))
    app = create_app(site, token=token, hosts=hosts if host not in ("0.0.0.0", "::") else set(),
                     warm=True, print_ahead=True)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    from .. import budget
    from ..serve.document import formats

    formats()  # every writer loaded now: a module loaded later counts against the budget
    budget.apply()  # one page that needs too much memory fails, not the server
    click.echo(f"jobdocs serve: open {url} (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
