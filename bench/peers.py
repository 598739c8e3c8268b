"""The tools jobdocs is measured against, in a virtual environment of their own.

The benchmark installs them itself (`pip`, from PyPI) into
`$JOBDOCS_BENCH_CACHE` (default: `~/.cache/jobdocs-bench`), once, and
reuses them; `--refresh-peers` makes it again with their newest releases.
They live apart from jobdocs' own environment, so their versions are their
newest, not what jobdocs' dependencies pin, and jobdocs' code is never in
their way: docxtpl, check-jsonschema, python-docx (reading a DOCX) and
PyYAML's C loader (libyaml). LibreOffice is the system's (`soffice`), the
zip floor Python's own zipfile.

In-process peers run in one long-lived worker (bench/peer_worker.py) in that
environment, which times each call itself, so that talking to it costs
nothing measured.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

from measure import Timing

PACKAGES = ["docxtpl", "check-jsonschema", "python-docx", "pyyaml"]
WORKER = Path(__file__).with_name("peer_worker.py")


def cache_dir() -> Path:
    """Return the benchmark's cache folder (peers, generated libraries)."""
    given = os.environ.get("JOBDOCS_BENCH_CACHE")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return Path(base or Path.home() / ".cache") / "jobdocs-bench"


def _bin(env: Path, name: str) -> Path:
    folder = env / ("Scripts" if os.name == "nt" else "bin")
    return folder / (f"{name}.exe" if os.name == "nt" else name)


class Peers:
    """The peers' environment: its Python, its commands, its worker."""

    def __init__(self, refresh: bool = False) -> None:
        self.env = cache_dir() / "peers"
        if refresh and self.env.exists():
            shutil.rmtree(self.env)
        if not _bin(self.env, "check-jsonschema").exists():
            print(f"(installing the peers into {self.env}: {', '.join(PACKAGES)})",
                  file=sys.stderr)
            venv.EnvBuilder(with_pip=True, clear=True).create(self.env)
            subprocess.run([str(self.python), "-m", "pip", "install", "-q",
                            "--disable-pip-version-check", *PACKAGES], check=True)
        self._worker: subprocess.Popen[str] | None = None

    @property
    def python(self) -> Path:
        return _bin(self.env, "python")

    def command(self, name: str) -> str:
        """Return the path of one of the peers' commands (check-jsonschema)."""
        return str(_bin(self.env, name))

    def versions(self) -> dict[str, str]:
        """Return the version of every peer package, and whether PyYAML has libyaml."""
        out = self.call("versions", PACKAGES)
        return dict(out["versions"])

    def call(self, fn: str, *args: Any) -> dict[str, Any]:
        """Call a function of the worker; return what it answered."""
        if self._worker is None:
            self._worker = subprocess.Popen([str(self.python), str(WORKER)], text=True,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._worker.stdin and self._worker.stdout
        self._worker.stdin.write(json.dumps([fn, *args]) + "\n")
        self._worker.stdin.flush()
        line = self._worker.stdout.readline()
        if not line:
            raise SystemExit(f"the peer worker stopped during {fn}")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise SystemExit(f"peer {fn}: {answer['error']}")
        return answer

    def timed(self, fn: str, *args: Any) -> Timing:
        """Call a timed function of the worker; return its own timing of the work."""
        answer = self.call(fn, *args)
        return Timing(answer["wall"], answer["cpu"])

    def close(self) -> None:
        if self._worker is not None:
            assert self._worker.stdin
            self._worker.stdin.close()
            self._worker.wait()
            self._worker = None
