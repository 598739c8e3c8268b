"""`jobdocs validate`: every problem in a role library, at its exact position, in one run."""

from __future__ import annotations

import json
import os
import re
import shutil
import tracemalloc
from pathlib import Path

import pytest

from jobdocs.check import RULES, check_paths
from jobdocs.check.lint import LINT_RULES
from jobdocs.cli import cli
from jobdocs.roles import loader
from jobdocs.roles.schema import SCHEMAS, schema_kind
from jobdocs.roles.schema_check import SCHEMA_RULES, as_json

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (error|warning) ([a-z-]+)$", re.M)


def expected(path: Path) -> list[tuple[int, int, str, str]]:
    """Return the findings a fixture declares in its `# expect: LINE:COL SEVERITY RULE` lines."""
    return [(int(line), int(col), severity, rule)
            for line, col, severity, rule in EXPECT.findall(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def library_report():
    return check_paths([FIXTURES])


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_fixture_gives_exactly_its_findings(library_report, fixture):
    found = [(p.line, p.column, p.severity, p.rule)
             for p in library_report.by_file()[str(fixture)]]
    assert found == expected(fixture)


# Rules no fixture file can show: the tests below produce them.
GENERATED = {"io", "size", "encoding", "too-many", "catalog-untranslated", "catalog-fuzzy",
             "catalog-placeholder", "catalog-syntax", "sandbox-time",
             "unnumbered-ref",  # needs a frame without numbers: tests/test_frames.py
             *LINT_RULES}  # tests/test_lint.py: a clause each flags, and one it lets stand


def test_every_rule_has_a_fixture_or_a_test():
    in_fixtures = {rule for f in FIXTURES.glob("*.yaml") for *_, rule in expected(f)}
    assert in_fixtures | GENERATED == set(RULES)
    assert not in_fixtures & GENERATED


def test_the_library_run_reports_every_fixture_finding_once(library_report):
    assert len(library_report.problems) == sum(len(expected(f)) for f in FIXTURES.glob("*.yaml"))
    assert library_report.files == tuple(str(f) for f in sorted(FIXTURES.glob("*.yaml")))


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_processes_sharing_the_files_find_the_same(library_report):
    assert check_paths([FIXTURES], jobs=2) == library_report


def test_every_rule_is_documented():
    doc = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    documented = re.findall(r"^### `([a-z-]+)`", doc, re.M)
    assert documented == list(RULES)


def test_shipped_roles_are_clean_with_strict(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    # The repository's jobdocs.yaml makes evaluation optional (purchasing-manager has none).
    result = runner.invoke(cli, ["validate", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("files checked: no problems\n")
    result = runner.invoke(cli, ["validate", "--strict", "--org",
                                 "examples/romashka/organization.yaml"])
    assert result.exit_code == 0, result.output


def test_the_default_house_style_requires_evaluation(runner, tmp_path, monkeypatch):
    # Outside the repository (whose jobdocs.yaml makes evaluation optional) no
    # jobdocs.yaml applies: the default house style.
    role = tmp_path / "purchasing-manager.yaml"
    shutil.copy(ROOT / "roles" / "purchasing-manager.yaml", role)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate", str(role)])
    assert result.exit_code == 1
    [finding] = result.output.splitlines()[:-1]
    assert "purchasing-manager.yaml:" in finding and "[missing-section]" in finding


# -- the modeline -------------------------------------------------------------------------


def test_the_modeline_of_our_schema_is_honoured(write_role):
    path = write_role()
    path.write_text("# yaml-language-server: $schema=../schemas/role-1.json\n"
                    + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert check_paths([path]).problems == ()


def test_the_organization_modeline_checks_the_file_as_a_profile(tmp_path):
    profile = tmp_path / "org.yaml"
    profile.write_text("# yaml-language-server: $schema=https://jobdocs.dev/schema/"
                       "organization-1.json\nname: Romashka LLC\nnumbr: 15\n", encoding="utf-8")
    [p] = check_paths([profile]).problems
    assert (p.line, p.column, p.rule) == (3, 1, "unknown-key")
    assert "did you mean 'number'?" in p.message


# -- strict, defaults, organization ------------------------------------------------------


def test_strict_turns_warnings_into_errors(runner, write_role):
    path = write_role(**{"  evaluation:": "  final: []\n  evaluation:"})
    assert runner.invoke(cli, ["validate", str(path)]).exit_code == 0
    result = runner.invoke(cli, ["validate", "--strict", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}:32:3: error [empty-section] section 'final' has no clauses; add clauses or "
        "remove the key",
        "1 file checked: 1 error (--strict: warnings count as errors)"]


def test_without_a_path_the_projects_roles_are_checked(runner, write_role, tmp_path,
                                                        monkeypatch):
    write_role(name="one")
    write_role(name="two", **{"ref('take-orders')": "ref('gone')"})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.output.splitlines()[:-1]] == [
        "roles/two.yaml", "roles/two.yaml"]
    assert result.output.splitlines()[-1] == "2 files checked: 2 errors"


def test_without_a_roles_directory_it_is_a_usage_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "no roles/ directory here" in result.stderr


def test_a_broken_organization_profile_is_a_finding(write_role, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text("name: Romashka LLC\ndate: 2026-13-01\n", encoding="utf-8")
    report = check_paths([write_role()], org=org)
    assert [(p.path, p.line, p.column, p.rule) for p in report.problems] == [
        (str(org), 2, 7, "yaml")]


def test_catalogs_of_declared_languages_must_be_complete(tmp_path):
    po = tmp_path / "wording" / "locales" / "fi" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Rights"\nmsgstr ""\n\n'
                  '#, fuzzy\nmsgid "Job Duties"\nmsgstr "Tehtävät"\n\n'
                  'msgid "for the job description of the {genitive}"\n'
                  'msgstr "{genitve} toimenkuvaan"\n\n'
                  'msgctxt "title forms"\nmsgid "nominative"\nmsgstr "nominative genetiivi"\n',
                  encoding="utf-8")
    from jobdocs.check.catalogs import catalog_problems

    found = [(p.path, p.line, p.rule) for p in catalog_problems(
        ["en", "fi"], tmp_path, folders=[tmp_path / "wording"])]
    name = str(po.relative_to(tmp_path))
    assert found == [(name, 5, "catalog-untranslated"), (name, 9, "catalog-fuzzy"),
                     (name, 12, "catalog-placeholder"), (name, 16, "catalog-placeholder")]


def test_a_company_catalog_may_leave_to_the_packaged_one_what_it_does_not_change(tmp_path):
    po = tmp_path / "wording" / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Rights"\nmsgstr ""\n\n'
                  'msgid "APPROVED"\nmsgstr "УТВЕРЖДЕНО"\n', encoding="utf-8")
    from jobdocs.check.catalogs import catalog_problems

    assert list(catalog_problems(["ru"], tmp_path, folders=[tmp_path / "wording"])) == []


# -- hostile input: one clear finding or error, no traceback, bounded time and memory ----


def bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


HOSTILE = {
    "alias-bomb": (bomb(), "1:4: error [yaml-alias] YAML anchor '&a' is not allowed"),
    "python-tag": (b"id: !!python/object/apply:os.system [rm -rf /]\n",
                   "1:5: error [yaml-tag] Python tag"),
    "deep-nesting": (b"id: " + b"[" * 500_000, "error [yaml-depth] nesting deeper than 50"),
    "huge-file": (b"id: x\n" + b"#" * (loader.MAX_BYTES + 1), ": error [size] the YAML file is "),
    "many-values": (b"vars: [" + b"1," * 200_000 + b"]\n", ": error [size] more than 50,000"),
    "binary": (bytes(range(256)) * 4, "1:1: error [encoding] binary file, not YAML text"),
    "utf-16": ("id: x\n".encode("utf-16"), "1:1: error [encoding] file is UTF-16"),
    "utf-16-no-bom": ("id: x\n".encode("utf-16-le"), "1:1: error [encoding] file is UTF-16"),
    "utf-32": ("id: x\n".encode("utf-32"), "1:1: error [encoding] file is UTF-32"),
    "latin-1": ("id: x\ntitle: café\n".encode("latin-1"), "2:11: error [encoding] not UTF-8"),
    "control-character": (b"id: a\x07b\n", "1:6: error [yaml] character U+0007 is not allowed"),
    "huge-integer": (b"version: " + b"9" * 5000 + b"\n", "1:10: error [yaml] invalid int value"),
    "duplicate-keys": (b"id: x\n" * 1000, ": error [too-many] stopped after 100 problems"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_gives_a_clear_finding_in_bounded_memory(runner, tmp_path, name):
    """Their time is measured by bench/hostile.py: tests never depend on timing."""
    content, message = HOSTILE[name]
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    result = runner.invoke(cli, ["validate", str(path)])
    tracemalloc.start()
    runner.invoke(cli, ["validate", str(path)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.exit_code == 1
    assert message in result.output.splitlines()[-2]
    assert "Traceback" not in result.output
    assert peak < 64 * 1024 * 1024


def test_every_duplicate_key_is_reported_up_to_the_limit(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_bytes(b"id: x\n" * 1000)
    problems = check_paths([path]).problems
    assert len(problems) == loader.MAX_PROBLEMS + 1
    assert problems[0].message == "duplicate key 'id' (first defined at line 1); keep one of them"


def test_a_missing_path_is_a_finding(runner, tmp_path):
    result = runner.invoke(cli, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{tmp_path / 'nope.yaml'}: error [io] no such file"


def test_a_directory_named_like_a_file_holding_nothing_is_a_usage_error(runner, tmp_path):
    (tmp_path / "role.yaml").mkdir()
    result = runner.invoke(cli, ["validate", str(tmp_path / "role.yaml")])
    assert result.exit_code == 2
    assert "no .yaml or .yml files in" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(runner, tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    result = runner.invoke(cli, ["validate", str(tmp_path / "pipe.yaml")])
    assert result.exit_code == 1
    assert "error [io] is not a regular file" in result.output


# -- the schema editors use ---------------------------------------------------------------


@pytest.mark.parametrize("kind", ["role", "organization"])
def test_schema_command_prints_the_schema_the_validator_uses(invoke, kind):
    result = invoke("schema", kind)
    assert result.exit_code == 0
    assert json.loads(result.output) == SCHEMAS[kind]


#: The keywords of JSON Schema draft 2020-12 the published schemas may use: no private ones.
STANDARD = {"$schema", "$id", "$ref", "$defs", "title", "description", "type", "properties",
            "patternProperties", "additionalProperties", "propertyNames", "required", "items",
            "minItems", "maxItems", "uniqueItems", "minProperties", "minimum", "maximum",
            "pattern", "enum", "format", "if", "then", "else", "not"}


def _keywords(schema):
    if isinstance(schema, dict):
        for key, value in schema.items():
            yield key
            if key in ("properties", "patternProperties", "$defs"):
                for sub in value.values():
                    yield from _keywords(sub)
            elif key != "enum":
                yield from _keywords(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _keywords(value)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_published_schemas_are_standard_draft_2020_12(kind):
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(SCHEMAS[kind])
    assert set(_keywords(SCHEMAS[kind])) <= STANDARD


def _editor_says_valid(path: Path) -> bool | None:
    """Return what an editor's schema check says of a file (None: it is not YAML it reads)."""
    import jsonschema
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    ref = loader.load(path).schema_ref
    # As jobdocs (and an editor that maps the file name to the schema) tells a project file.
    kind = (schema_kind(ref) if ref else None) or (
        "project" if path.name == "jobdocs.yaml" else "role")
    if data is None and kind != "role":
        data = {}
    validator = jsonschema.Draft202012Validator(
        SCHEMAS[kind], format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return validator.is_valid(as_json(data))


LOADER_RULES = {"io", "size", "encoding", "yaml", "yaml-alias", "yaml-tag", "yaml-merge",
                "yaml-depth", "duplicate-key", "too-many"}


@pytest.mark.parametrize("fixture", sorted(FIXTURES.parent.rglob("*.yaml")),
                         ids=lambda p: p.stem)
def test_the_editor_and_validate_agree_on_structure(library_report, fixture):
    found = {p.rule for p in check_paths([fixture]).problems}
    if found & LOADER_RULES:
        return  # the loader refuses the file before any schema: an editor shows YAML errors
    editor = _editor_says_valid(fixture)
    assert editor is not None
    assert editor == (not found & SCHEMA_RULES), sorted(found)


def test_the_shipped_roles_are_valid_for_the_editor():
    for path in sorted((ROOT / "roles").glob("*.yaml")):
        assert _editor_says_valid(path), path


def test_a_missing_translation_does_not_hide_a_misspelt_name(write_role):
    path = write_role(**{"{ru: Принимает заказы., en: Take orders.}": "{ru: Принимает заказы.}",
                         "{{ jurisdiction }}.\"\n        en": "{{ jurisdicton }}.\"\n        en"})
    found = [(p.line, p.column, p.rule) for p in check_paths([path]).problems]
    assert found == [(19, 13, "missing-translation"), (30, 52, "undefined-variable")]
