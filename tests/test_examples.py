"""The committed example outputs are what jobdocs renders today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jobdocs.config.profile import load_organization
from jobdocs.production.batch import build, plan

EXAMPLES = Path(__file__).parent.parent / "examples"
SCRIPT = (EXAMPLES / "render.sh").read_text()
RUNS = re.findall(r"jobdocs render (.+?) \\\n\s+--org (\S+) (.+?) \$formats -o (\S+)", SCRIPT)


def test_script_renders_every_organization():
    assert [Path(org).parent.name for _, org, _, _ in RUNS] == [
        "romashka", "northwind", "nordhandel", "brightline", "elbtal"]


@pytest.mark.parametrize("roles, org, langs, out", RUNS, ids=[r[1] for r in RUNS])
def test_committed_outputs_are_up_to_date(tmp_path, roles, org, langs, out):
    root = EXAMPLES.parent
    refs = [str(root / r) if r.endswith(".yaml") else r for r in roles.split()]
    jobs = plan(refs, re.findall(r"--lang (\S+)", langs), ["md", "docx"])
    written = build(jobs, tmp_path, load_organization(root / org))
    assert written
    for path in written:
        committed = root / out / path.name
        assert committed.is_file(), f"{committed} is missing: run bash examples/render.sh"
        assert _reading(path) == _reading(committed), "run bash examples/render.sh"


def _reading(path: Path) -> object:
    """What a reader sees: the text of a Markdown file, the paragraphs of a DOCX (its
    bytes may change with python-docx's version; its words may not)."""
    if path.suffix != ".docx":
        return path.read_text(encoding="utf-8")
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [(p.style.name, p.text) for p in document.paragraphs], cells
