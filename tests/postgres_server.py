"""A real PostgreSQL server for the tests: Debian's `postgresql` package, started in a
temporary folder on a free loopback port, stopped at the end of the session.

PostgreSQL refuses to run as root (CI runs as root). Then the server runs as
the unprivileged `postgres` account the Debian package creates (subprocess'
`user=`/`group=`), in a folder that account owns; the tests connect over TCP
with trust authentication, which only the loopback address can reach.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: The account the server runs as when the tests run as root.
ACCOUNT = "postgres"
SUPERUSER = "jobdocs"


def binaries() -> Path | None:
    """Return the folder of the newest installed server's programs, if any."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name.split(".")[0]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_account() -> dict[str, object]:
    """Return the Popen arguments that drop root to the server's account."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return {}
    import pwd

    try:
        entry = pwd.getpwnam(ACCOUNT)
    except KeyError:
        raise RuntimeError(f"running as root, and there is no '{ACCOUNT}' account to run "
                           "PostgreSQL as (Debian's postgresql package creates it)") from None
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


@contextmanager
def server() -> Iterator[str]:
    """Start a server; yield the URL of its `postgres` database as superuser."""
    import psycopg

    bindir = binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    drop = _as_account()
    folder = Path(tempfile.mkdtemp(prefix="jobdocs-pg-"))
    try:
        if drop:
            os.chown(folder, int(drop["user"]), int(drop["group"]))  # type: ignore[call-overload]
        data = folder / "data"
        subprocess.run([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER,
                        "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                       check=True, capture_output=True, cwd=folder, **drop)  # type: ignore
        port = _free_port()
        log = open(folder / "server.log", "wb")  # noqa: SIM115 - open while it runs
        proc = subprocess.Popen(
            [str(bindir / "postgres"), "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
             "-k", str(folder), "-c", "fsync=off", "-c", "full_page_writes=off",
             "-c", "max_connections=50"],
            stdout=log, stderr=subprocess.STDOUT, cwd=folder, **drop)  # type: ignore
        url = f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    psycopg.connect(url, connect_timeout=2).close()
                    break
                except psycopg.OperationalError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        log.flush()
                        raise RuntimeError("PostgreSQL did not start: " + (
                            folder / "server.log").read_text(errors="replace")[-2000:]
                        ) from None
                    time.sleep(0.2)
            yield url
        finally:
            proc.send_signal(signal.SIGINT)  # fast shutdown
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def new_database(url: str, name: str) -> str:
    """Create an empty database on the server at `url`; return its URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"
