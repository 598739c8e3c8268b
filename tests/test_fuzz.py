"""Fuzzing: generated and mutated role files, clause texts, profile values, reference
documents and command lines raise nothing but jobdocs' own errors.

The mutation corpus runs in a process of its own under a memory limit; the
property tests run here, with few enough examples that all of it stays well
inside two minutes on a CI runner.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import fuzz_corpus
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobdocs import JobdocsError, render_document, resolve
from jobdocs.cli import cli
from jobdocs.errors import JobdocsWarning

ROOT = Path(__file__).parent.parent
KAM = ROOT / "roles" / "key-account-manager.yaml"
MEMORY_LIMIT = 500 * 1024 * 1024
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def _quiet_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", JobdocsWarning)
        yield


@pytest.mark.skipif(os.name != "posix", reason="resource.setrlimit is POSIX")
def test_the_mutation_corpus_runs_under_a_memory_limit():
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    result = subprocess.run([sys.executable, "fuzz_corpus.py", "7", "250"], cwd=ROOT / "tests",
                            capture_output=True, text=True, timeout=300, preexec_fn=limit)
    assert result.returncode == 0, result.stderr[-3000:]
    counts = dict(part.split("=") for part in result.stdout.split())
    assert sum(map(int, counts.values())) == 250 and int(counts.get("rendered", 0)) > 0


def test_the_shipped_roles_survive_the_road(tmp_path):
    for path in fuzz_corpus.SHIPPED:
        assert fuzz_corpus.exercise(path.read_text(encoding="utf-8"), tmp_path) == "rendered"


TOKENS = ["{{", "}}", "{%", "%}", " if ", " else ", "endif", "title", ".", "genitive",
          "genetive", "(", ")", "[", "]", "'a'", "*", "%", "9999999999", "ljust", "center",
          "format", "replace", "|", "upfirst", "center(99999999)", "ref('x')", "ref(", "org",
          "approver", "vars", "years(2)", "~", "\n", "-->", "__class__", "**", "1", ",", "~~",
          "\x1b", "\x00", "{0:>99999}", "jurisdiction"]


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=25).map("".join))
def test_generated_clause_text(tmp_path_factory, source):
    text = KAM.read_text(encoding="utf-8").replace(
        "Carry out merchandising.", json.dumps(source), 1)
    fuzz_corpus.exercise(text, tmp_path_factory.mktemp("clause"))


@FUZZ
@given(st.binary(max_size=400) | st.text(max_size=400))
def test_random_bytes_and_text_as_a_role_file(tmp_path_factory, data):
    assert fuzz_corpus.exercise(data, tmp_path_factory.mktemp("raw")) in (
        "refused", "loaded", "rendered")


KEYS = ["name", "place", "date", "number", "locale.en", "jurisdiction", "approver.name",
        "approver.position", "approver.position.en", "author.name", "vars.x", "nonsense",
        "name.en", "date.x", ""]


@FUZZ
@given(st.sampled_from(KEYS), st.text(max_size=40))
def test_generated_profile_values(key, value):
    from jobdocs.config.profile import load_organization
    from jobdocs.roles.library import load_role

    try:
        org = load_organization(None, [f"{key}={value}"])
        doc = resolve(load_role(KAM), "en", org)
        render_document(doc, "md").decode("utf-8")
        import docx

        docx.Document(io.BytesIO(render_document(doc, "docx")))
    except JobdocsError:
        pass


REFERENCE = (ROOT / "templates" / "docx" / "reference.docx").read_bytes()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(REFERENCE) - 1), st.integers(0, 255)),
                max_size=8), st.integers(100, len(REFERENCE)))
def test_mutated_reference_documents(tmp_path_factory, flips, length):
    from jobdocs.roles.library import load_role

    data = bytearray(REFERENCE[:length])
    for at, value in flips:
        if at < len(data):
            data[at] = value
    path = tmp_path_factory.mktemp("ref") / "letterhead.docx"
    path.write_bytes(bytes(data))
    try:
        out = render_document(resolve(load_role(KAM), "en"), "docx", path)
    except JobdocsError:
        return
    assert zipfile.ZipFile(io.BytesIO(out)).testzip() is None


ARGS = ["render", "show", "diff", "validate", "list", "schema", str(KAM), "nope", "-", "-o",
        "-l", "en", "ru", "zz", "-f", "md", "docx", "json", "--set", "name=x", "=", "--org",
        "--color", "always", "--strict", "--date", "2026-13-40", "--author", "\x01",
        "--from", "HEAD~999", "key-account-manager", "--reference-doc", "/dev/null"]


@FUZZ
@given(st.lists(st.sampled_from(ARGS), min_size=1, max_size=7))
def test_generated_command_lines(tmp_path_factory, args):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("cli")
    args = [part for a in args for part in (["-o", str(folder / "out")] if a == "-o" else [a])]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "internal error" not in result.stderr, (args, result.stderr)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killing_a_render_never_leaves_a_partial_document(tmp_path):
    import random
    import signal
    import time

    from jobdocs.files import TMP_SUFFIX

    out = tmp_path / "out"
    rng = random.Random(3)
    command = [sys.executable, "-m", "jobdocs", "render", str(KAM), str(ROOT / "roles" /
               "client-manager.yaml"), "-f", "docx", "-f", "md", "-o", str(out)]
    for _ in range(8):
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for path in out.glob("*") if out.exists() else ():
            if path.name.endswith(TMP_SUFFIX):
                assert path.name.startswith(".")  # hidden, and swept by a later run
            elif path.suffix == ".docx":
                assert zipfile.ZipFile(path).testzip() is None
            else:
                assert path.read_text(encoding="utf-8").endswith("\n")
