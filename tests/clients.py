"""The real clients some tests open: a test marked `libreoffice` (LibreOffice lays
the document out, poppler's pdftotext reads the PDF back), `uno` (LibreOffice edits a
document as a reviewer would, driven through UNO by Debian's python3-uno) or
`chromium` (Debian's headless Chromium, driven by Playwright) is skipped where its
client is missing,
except under CI (`CI` set), where .ci/run installs them and a missing client is a
failure, never a skip. Every such test is also `slow`, and so is every test of a
real server (the `postgres_url` fixture), so that `pytest -m "not slow"` runs the
rest of the suite on a machine without them (conftest.py applies this).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable

import pytest

UNDER_CI = bool(os.environ.get("CI"))


@functools.cache
def uno_python() -> str | None:
    """Return the Python that drives LibreOffice through UNO (tests/lo_editor.py): one that
    imports LibreOffice's `uno` module (Debian's python3 with python3-uno; this interpreter
    where it can), or None."""
    if not shutil.which("soffice"):
        return None
    for candidate in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True,
                                        check=False).returncode == 0:
            return candidate
    return None
HAVE_LIBREOFFICE = bool(shutil.which("soffice") and shutil.which("pdftotext"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

#: What each client mark needs, and what to install when it is missing.
MISSING: dict[str, str | None | Callable[[], str | None]] = {
    "libreoffice": None if HAVE_LIBREOFFICE else
    "LibreOffice (soffice) or pdftotext is not installed; .ci/run installs "
    "libreoffice-writer-nogui and poppler-utils",
    "chromium": None if CHROMIUM else
    "Debian's chromium is not installed (apt-get install chromium)",
    # Asked only when a test needs it (it starts a Python or two).
    "uno": lambda: None if uno_python() else
    "no Python imports LibreOffice's uno module; .ci/run installs python3-uno",
}


#: Fixtures that start a real server (they skip or fail by themselves).
SERVERS = ("postgres_url",)


def mark_clients(items: list[pytest.Item]) -> None:
    """Mark every test that opens a real client slow, and skip it where the client is
    missing (not under CI)."""
    for item in items:
        if any(name in getattr(item, "fixturenames", ()) for name in SERVERS):
            item.add_marker(pytest.mark.slow)
        for name, missing in MISSING.items():
            if item.get_closest_marker(name) is None:
                continue
            item.add_marker(pytest.mark.slow)
            if callable(missing):
                missing = missing()
            if missing and not UNDER_CI:
                item.add_marker(pytest.mark.skip(reason=missing))
