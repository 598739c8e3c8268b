"""examples/imported/ holds what `jobdocs import` makes of the seeds today."""

from __future__ import annotations

from pathlib import Path

import pytest

import jobdocs
from jobdocs.cli import cli
from jobdocs.config.organization import Organization, with_project
from jobdocs.config.profile import load_organization
from jobdocs.config.project import load_project
from jobdocs.roles.schema import SCHEMAS, as_text, file_name

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "imported"
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
ROLES = sorted((EXAMPLE / "roles").glob("*.yaml"))
FIX = "run bash examples/imported/import.sh"


def test_every_seed_has_its_committed_role(tmp_path, runner):
    runner.invoke(cli, ["import", *map(str, SEEDS), "-o", str(tmp_path)])

    for name in ("", "organizations/"):
        imported = {p.name: p.read_text(encoding="utf-8")
                    for p in sorted(tmp_path.glob(f"{name}*.yaml"))}
        committed = {p.name: p.read_text(encoding="utf-8")
                     for p in sorted((EXAMPLE / "roles").glob(f"{name}*.yaml"))}
        assert imported == committed, FIX


def test_the_schemas_the_modelines_name_are_the_published_ones():
    for kind in SCHEMAS:
        assert (EXAMPLE / "schemas" / file_name(kind)).read_text(encoding="utf-8") == \
            as_text(kind), FIX


@pytest.mark.parametrize("role_file", ROLES, ids=[p.stem for p in ROLES])
def test_committed_documents_are_what_the_roles_render(role_file):
    role = jobdocs.load_role(role_file)
    profile = EXAMPLE / "roles" / "organizations" / role_file.name
    org = load_organization(profile) if profile.is_file() else Organization()
    org = with_project(org, load_project(EXAMPLE / "jobdocs.yaml"))
    for lang in role.languages:
        doc = jobdocs.resolve(role, lang, org)
        committed = EXAMPLE / "out" / f"{role.id}.{lang}.md"
        assert committed.read_text(encoding="utf-8") == jobdocs.render_document(
            doc, "md").decode(), FIX
