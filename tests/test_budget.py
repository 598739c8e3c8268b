"""The memory budget of a process: a role that needs more is one error, and the
other roles still build and serve.

No role should come near the budget (clause text and files are bounded before
they allocate), so the tests make one role hungry on purpose: a sitecustomize
module, on the PYTHONPATH of every process the command starts, makes resolving
the role `hungry` ask for twice the budget.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no data limit on Windows")

HUNGRY = """\
import sys

import jobdocs.resolve
from jobdocs import budget

r = sys.modules["jobdocs.resolve"]  # the package: jobdocs.resolve is also a function

real = r.resolve


def resolve(role, *args, **kwargs):
    if role.id == "hungry":
        bytearray(2 * budget.budget_bytes())
    return real(role, *args, **kwargs)


r.resolve = resolve
"""


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "project"
    (root / "roles").mkdir(parents=True)
    for name in ("client-manager", "key-account-manager"):
        shutil.copy(ROOT / "roles" / f"{name}.yaml", root / "roles")
    text = (ROOT / "roles" / "client-manager.yaml").read_text(encoding="utf-8")
    (root / "roles" / "hungry.yaml").write_text(
        text.replace("id: client-manager", "id: hungry", 1), encoding="utf-8")
    (root / "jobdocs.yaml").write_text("roles: roles\nformats: [md]\nlanguages: [en]\n",
                                       encoding="utf-8")
    (tmp_path / "hook").mkdir()
    (tmp_path / "hook" / "sitecustomize.py").write_text(HUNGRY, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "hook"), "JOBDOCS_MEMORY_MB": "300"}
    return root, env


def test_a_build_worker_past_the_budget_fails_that_role_only(project):
    root, env = project
    result = subprocess.run([sys.executable, "-m", "jobdocs", "build", "-j", "2"], cwd=root,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if "hungry" in line]
    assert len(errors) == 1 and "needs more memory than one jobdocs process may take (300 MB" \
        in errors[0]
    assert "internal error" not in result.stderr
    out = root / "out"
    assert (out / "client-manager.en.md").is_file() and (out / "key-account-manager.en.md"
                                                          ).is_file()
    assert not (out / "hungry.en.md").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_the_server_past_the_budget_fails_that_page_only(project):
    pytest.importorskip("uvicorn")
    root, env = project
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "jobdocs", "serve", "--port", str(port)],
                              cwd=root, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        server.stderr.readline()  # "open http://..." once it listens
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, _ = _get(url + "/")
                break
            except OSError:
                time.sleep(0.1)
        status, page = _get(url + "/roles/hungry?lang=en")
        assert status == 500 and "needs more memory than the server may take" in page
        status, page = _get(url + "/roles/client-manager?lang=en")
        assert status == 200 and "Client Manager" in page
    finally:
        server.terminate()
        server.wait(30)
        if server.stderr:
            server.stderr.close()
