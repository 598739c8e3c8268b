"""One registry of output formats: a format added in one place (tests/format_plugin.py)
is offered by the command line (even one imported before it was registered), accepted
by the project schema, written by render and build alike, and downloaded from
`jobdocs serve`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from jobdocs.check import check_paths
from jobdocs.cli import cli
from jobdocs.errors import InvalidInput
from jobdocs.formats import FORMATS, NAMES, file_name, names, register

TESTS = Path(__file__).parent
KAM = TESTS.parent / "roles" / "key-account-manager.yaml"


def jobdocs_with_txt(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run jobdocs in a process where tests/format_plugin.py registered `txt` after the
    command line was imported (as a library user's code would)."""
    code = (f"import sys; sys.path.insert(0, {str(TESTS)!r}); from jobdocs.cli import main; "
            "import format_plugin; main()")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "roles").mkdir()
    shutil.copy(KAM, tmp_path / "roles")
    (tmp_path / "jobdocs.yaml").write_text("format: 1\nformats: [txt]\nlanguages: [en]\n"
                                           "output: documents\n", encoding="utf-8")
    return tmp_path


def test_the_shipped_formats_are_the_registry():
    assert names() == ("md", "docx", "pdf") and FORMATS["pdf"].printed_from == "docx"
    assert file_name("kam", "ru", "md") == "kam.ru.md"
    assert file_name("kam", "ru", "docx", "02-ivanova") == "kam.ru.02-ivanova.docx"


def test_a_format_registered_once_is_rendered_validated_and_built(project):
    without = subprocess.run([sys.executable, "-m", "jobdocs", "render", "key-account-manager",
                              "-f", "txt"], cwd=project, capture_output=True, text=True)
    assert without.returncode == 2  # not a format until it is registered
    rendered = jobdocs_with_txt("render", "key-account-manager", "-f", "txt", "-o", "out",
                                cwd=project)
    assert rendered.returncode == 0, rendered.stderr
    text = (project / "out" / "key-account-manager.en.txt").read_text(encoding="utf-8")
    assert text.startswith("Job Description") and "\n2.1 " in text
    checked = jobdocs_with_txt("validate", "jobdocs.yaml", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr  # the schema knows it
    built = jobdocs_with_txt("build", "-q", "-j", "1", cwd=project)
    assert built.returncode == 0, built.stderr
    assert (project / "documents" / "key-account-manager.en.txt").read_text(
        encoding="utf-8") == text


@contextmanager
def registered_txt() -> Iterator[None]:
    """Register tests/format_plugin.py's `txt` in this process, then forget it."""
    shipped, shipped_names = dict(FORMATS), list(NAMES)
    import format_plugin

    register(format_plugin.FORMAT)
    try:
        yield
    finally:
        FORMATS.clear()
        FORMATS.update(shipped)
        NAMES[:] = shipped_names


@pytest.fixture
def txt():
    """`txt` registered for one test."""
    with registered_txt():
        yield


def test_the_project_schema_read_before_a_format_is_registered_accepts_it(project):
    from jobdocs.config.project import load_project  # (reads the project schema)

    with pytest.raises(InvalidInput):  # not a format yet
        load_project(project / "jobdocs.yaml")
    with registered_txt():
        assert load_project(project / "jobdocs.yaml").formats == ("txt",)
        assert not check_paths([project / "jobdocs.yaml"]).problems
    with pytest.raises(InvalidInput):  # and no longer one
        load_project(project / "jobdocs.yaml")


def test_serve_offers_and_downloads_a_registered_format(project, txt):
    pytest.importorskip("starlette")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from jobdocs.serve.app import create_app
    from jobdocs.serve.site import Site

    client = TestClient(create_app(Site.here(project)), base_url="http://localhost")
    page = client.get("/roles/key-account-manager", params={"lang": "en"})
    assert "download?format=txt&amp;lang=en" in page.text
    got = client.get("/roles/key-account-manager/download", params={"lang": "en",
                                                                    "format": "txt"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/plain")
    assert 'filename="key-account-manager.en.txt"' in got.headers["content-disposition"]
    assert got.text.startswith("Job Description") and "\n2.1 " in got.text


FORMAT_OPTIONS = [["render", "--format"], ["build", "--format"], ["ack", "due", "--sheet-format"]]


@pytest.mark.parametrize("command", FORMAT_OPTIONS, ids=" ".join)
def test_the_command_line_imported_before_a_format_is_registered_lists_it(runner, command):
    def listed() -> str:
        result = runner.invoke(cli, [*command[:-1], "--help"])
        assert result.exit_code == 0, result.output
        words = next(line.split() for line in result.output.splitlines()
                     if command[-1] in line.split())
        return words[words.index(command[-1]) + 1]  # what the option takes

    assert listed() == "[md|docx|pdf]"
    with registered_txt():
        assert listed() == "[md|docx|pdf|txt]"
    assert listed() == "[md|docx|pdf]"


def test_the_command_line_imported_before_a_format_is_registered_takes_it(runner):
    def render(fmt: str):  # one document to standard output
        return runner.invoke(cli, ["render", str(KAM), "-l", "en", "-f", fmt, "-o", "-"])

    def refusal(fmt: str) -> str:
        result = render(fmt)
        assert result.exit_code == 2 and not result.stdout
        [line] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        return line.split(": ", 2)[-1]  # after click's "Invalid value for '--format' / '-f'"

    assert refusal("txt") == "'txt' is not an output format; use one of: md, docx, pdf"
    with registered_txt():
        written = render("txt")
        assert written.exit_code == 0, written.stderr
        assert written.stdout.startswith("Job Description") and "\n2.1 " in written.stdout
        assert refusal("odt") == "'odt' is not an output format; use one of: md, docx, pdf, txt"
    assert refusal("txt").startswith("'txt' is not")  # forgotten with its registration
