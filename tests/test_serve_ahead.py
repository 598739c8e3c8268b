"""A PDF is printed ahead after a save, so its download answers at once; printing ahead
is bounded (one at a time, a few roles waiting, never past the size limits)."""

from __future__ import annotations

import threading
import warnings

import pytest

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")

from serve_project import KAM, new_client, new_project, post_editor  # noqa: E402

from jobdocs.render import pdf  # noqa: E402
from jobdocs.serve import ahead  # noqa: E402

project = pytest.fixture(new_project)


@pytest.fixture
def client(project):
    """A test client of a server that prints ahead, as `jobdocs serve` runs (the other
    tests' servers do not: no LibreOffice behind every save of the suite)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from jobdocs.serve.app import create_app
    from jobdocs.serve.site import Site

    return TestClient(create_app(Site.here(), print_ahead=True), base_url="http://localhost")


def test_an_application_made_without_print_ahead_prints_only_when_asked(project, printed):
    plain = new_client(project)
    assert post_editor(plain, KAM, "save", {"text.category.en": "The {{ title }} is a "
                                            "manager."}).status_code == 303
    assert plain.app.state.ahead.wait(60) and printed == []


@pytest.fixture
def printed(monkeypatch) -> list[str]:
    """Stand in for LibreOffice: each print is recorded (its stem), and gives a PDF that
    names what it was printed from."""
    calls: list[str] = []

    def from_docx(data: bytes, stem: str = "document") -> bytes:
        calls.append(stem)
        return b"%PDF-1.7 printed from " + stem.encode() + b" " + str(len(data)).encode()

    monkeypatch.setattr(pdf, "available", lambda: True)
    monkeypatch.setattr(pdf, "from_docx", from_docx)
    return calls


def test_a_save_prints_the_pdf_ahead_and_the_download_prints_nothing(client, printed):
    saved = post_editor(client, KAM, "save", {"text.category.en": "The {{ title }} is a "
                                              "manager of the sales department."})
    assert saved.status_code == 303
    assert client.app.state.ahead.wait(60)
    # each document the role makes for the default organization (under its law), once
    assert sorted(printed) == [f"{KAM}.en", f"{KAM}.ru"]
    before = len(printed)
    got = client.get(f"/roles/{KAM}/download", params={"format": "pdf", "lang": "en"})
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    assert f"{KAM}.en".encode() in got.content
    assert len(printed) == before  # printed ahead: nothing printed while the person waited
    other = client.get("/roles/client-manager/download", params={"format": "pdf", "lang": "ru"})
    assert other.status_code == 200 and len(printed) == before + 1  # not saved: printed now


def test_a_role_file_past_the_limit_is_not_printed_ahead(client, printed, monkeypatch):
    monkeypatch.setattr(ahead, "MAX_SOURCE", 100)
    assert post_editor(client, KAM, "save", {"text.category.en": "The {{ title }} is a "
                                             "manager."}).status_code == 303
    assert client.app.state.ahead.wait(60)
    assert printed == []
    got = client.get(f"/roles/{KAM}/download", params={"format": "pdf", "lang": "en"})
    assert got.status_code == 200 and printed == [f"{KAM}.en"]  # printed when asked for


def test_printing_ahead_is_one_at_a_time_with_a_few_roles_waiting(monkeypatch):
    release = threading.Event()
    started = threading.Event()
    busy, most, done = [0], [0], []
    lock = threading.Lock()

    def slow(fmt: str, source: bytes, stem: str) -> bytes:
        with lock:
            busy[0] += 1
            most[0] = max(most[0], busy[0])
        started.set()
        release.wait(30)
        with lock:
            busy[0] -= 1
            done.append(stem)
        return b"%PDF"

    monkeypatch.setattr(ahead, "_print", slow)
    printer = ahead.Ahead()
    printer.schedule("first", lambda: [("pdf", b"1", "first")])
    assert started.wait(30)  # the first is printing; ten more saves come in
    for n in range(10):
        printer.schedule(f"role-{n}", lambda n=n: [("pdf", str(n).encode(), f"role-{n}")])
    printer.schedule("role-9", lambda: [("pdf", b"9", "role-9")])  # saved again: one place
    release.set()
    assert printer.wait(60)
    assert most[0] == 1  # never two at once
    assert done == ["first", "role-6", "role-7", "role-8", "role-9"]  # the newest waited
    too_big = b"x" * (ahead.MAX_PRINTED + 1)
    printer.schedule("huge", lambda: [("pdf", too_big, "huge")])
    assert printer.wait(60) and "huge" not in done


def test_a_pdf_printed_ahead_is_given_only_for_the_same_source(monkeypatch):
    calls: list[bytes] = []
    monkeypatch.setattr(ahead, "_print", lambda fmt, source, stem: calls.append(source) or
                        b"%PDF " + source)
    printer = ahead.Ahead()
    printer.schedule("r", lambda: [("pdf", b"version 1", "r.ru")])
    assert printer.wait(60)
    assert printer.printed("pdf", b"version 1", "r.ru") == b"%PDF version 1"
    assert printer.printed("pdf", b"version 2", "r.ru") == b"%PDF version 2"
    assert calls == [b"version 1", b"version 2"]
