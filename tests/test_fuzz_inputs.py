"""Fuzzing of the other doors in: documents to import (DOCX, Markdown, text), build
manifests and the serve forms, each corpus in a process of its own under a memory
limit, every input under a time limit; any exit but jobdocs' own errors, any hang,
any 500 fails. Counts are bounded so the suite stays quick; the corpora are `slow`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobdocs import JobdocsError
from jobdocs.importer.source import Line, Source, markdown_lines, text_lines
from jobdocs.importer.structure import parse

TESTS = Path(__file__).parent
MEMORY_LIMIT = 500 * 1024 * 1024
FUZZ = settings(max_examples=80, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def _corpus(mode: str, seed: int, n: int) -> dict[str, int]:
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    result = subprocess.run([sys.executable, "fuzz_inputs.py", mode, str(seed), str(n)],
                            cwd=TESTS, capture_output=True, text=True, timeout=600,
                            preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(TESTS)})
    assert result.returncode == 0, result.stderr[-4000:]
    counts = dict(part.split("=") for part in result.stdout.split())
    assert sum(map(int, counts.values())) == n
    return {k: int(v) for k, v in counts.items()}


pytestmark = pytest.mark.skipif(os.name != "posix", reason="resource.setrlimit and SIGALRM")


@pytest.mark.slow
def test_documents_to_import_under_a_memory_limit():
    counts = _corpus("import", 21, 120)
    assert counts.get("imported", 0) > 0 and counts.get("refused", 0) > 0


@pytest.mark.slow
def test_build_manifests_under_a_memory_limit():
    assert _corpus("manifest", 7, 40) == {"built": 40}


@pytest.mark.slow
def test_serve_forms_under_a_memory_limit():
    counts = _corpus("serve", 5, 50)  # a saved change ends on its page again: 200
    assert counts.get("200", 0) > 0 and counts.get("422", 0) + counts.get("409", 0) > 0


import fuzz_inputs  # noqa: E402


@FUZZ
@given(st.lists(st.sampled_from(fuzz_inputs.LINES), min_size=1, max_size=30),
       st.lists(st.integers(0, 3), min_size=30, max_size=30))
def test_generated_documents_are_a_draft_or_one_error(lines, marks):
    source = Source("doc.txt", tuple(Line(t, n, heading=marks[n - 1] % 3, bullet=marks[n - 1] // 3)
                                     for n, t in enumerate(lines, start=1)))
    try:
        parse(source)
    except JobdocsError:
        pass


@FUZZ
@given(st.text(max_size=600))
def test_any_text_reads_as_lines_in_linear_time(text):
    for read in (markdown_lines, text_lines):
        try:
            read(text)
        except JobdocsError:
            pass
