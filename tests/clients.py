"""The real clients some tests open: a test marked `libreoffice` (LibreOffice lays
the document out, poppler's pdftotext reads the PDF back) or `chromium` (Debian's
headless Chromium, driven by Playwright) is skipped where its client is missing,
except under CI (`CI` set), where .ci/run installs them and a missing client is a
failure, never a skip. Every such test is also `slow`, and so is every test of a
real server (the `postgres_url` fixture), so that `pytest -m "not slow"` runs the
rest of the suite on a machine without them (conftest.py applies this).
"""

from __future__ import annotations

import os
import shutil

import pytest

UNDER_CI = bool(os.environ.get("CI"))
HAVE_LIBREOFFICE = bool(shutil.which("soffice") and shutil.which("pdftotext"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

#: What each client mark needs, and what to install when it is missing.
MISSING = {
    "libreoffice": None if HAVE_LIBREOFFICE else
    "LibreOffice (soffice) or pdftotext is not installed; .ci/run installs "
    "libreoffice-writer-nogui and poppler-utils",
    "chromium": None if CHROMIUM else
    "Debian's chromium is not installed (apt-get install chromium)",
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
            if missing and not UNDER_CI:
                item.add_marker(pytest.mark.skip(reason=missing))
