"""Reports: the same findings for a person, a script, GitHub, code scanning and CI."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from jobdocs.check import RULES, Report, check_paths
from jobdocs.check.report import FORMATS, destinations, render
from jobdocs.check.report.github import step_summary
from jobdocs.cli import cli
from jobdocs.errors import Problem, UsageError

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"

REPORT = Report(
    files=("roles/a.yaml", "roles/b.yaml"),
    problems=(
        Problem("roles/a.yaml", 3, 7, "duplicate key 'id' (first defined at line 1)",
                "duplicate-key"),
        Problem("roles/a.yaml", 9, 5, "section 'final' has no clauses", "empty-section",
                "warning"),
        Problem("roles/gone.yaml", None, None, "no such file", "io"),
    ),
)


def test_text_is_one_line_per_finding_and_a_summary():
    assert render(REPORT, "text").splitlines() == [
        "roles/a.yaml:3:7: error [duplicate-key] duplicate key 'id' (first defined at line 1)",
        "roles/a.yaml:9:5: warning [empty-section] section 'final' has no clauses",
        "roles/gone.yaml: error [io] no such file",
        "2 files checked: 2 errors, 1 warning",
    ]


def test_text_is_coloured_only_when_asked():
    coloured = render(REPORT, "text", color=True)
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured
    assert "\x1b[" not in render(REPORT, "text")


def test_json_has_a_version_summary_counts_and_positions():
    data = json.loads(render(REPORT, "json"))
    assert data["version"] == 1
    assert data["summary"] == {"files": 2, "files_with_problems": 2, "errors": 2, "warnings": 1}
    assert data["files"][1] == {"path": "roles/b.yaml", "errors": 0, "warnings": 0}
    assert data["problems"][0] == {
        "path": "roles/a.yaml", "line": 3, "column": 7, "severity": "error",
        "rule": "duplicate-key", "message": "duplicate key 'id' (first defined at line 1)"}
    assert data["problems"][2]["line"] is None


def test_github_annotations_escape_what_workflow_commands_need():
    tricky = Report(("r,1:x.yaml",), (Problem("r,1:x.yaml", 2, 4, "50% done\nnext", "yaml"),))
    assert render(tricky, "github").splitlines()[0] == (
        "::error file=r%2C1%3Ax.yaml,line=2,col=4,title=jobdocs [yaml]::50%25 done%0Anext")
    lines = render(REPORT, "github").splitlines()
    assert lines[1] == ("::warning file=roles/a.yaml,line=9,col=5,title=jobdocs "
                        "[empty-section]::section 'final' has no clauses")
    assert lines[2] == "::error file=roles/gone.yaml,title=jobdocs [io]::no such file"


def test_github_step_summary_is_a_markdown_table():
    summary = step_summary(REPORT).splitlines()
    assert summary[0] == "### jobdocs validate: 2 files checked: 2 errors, 1 warning"
    assert summary[4] == ("| ❌ | `roles/a.yaml:3:7` | `duplicate-key` | duplicate key 'id' "
                          "(first defined at line 1) |")


def test_sarif_is_a_2_1_0_log_with_rules_and_regions():
    log = json.loads(render(REPORT, "sarif"))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(r["shortDescription"]["text"] for r in rules)
    first, warning, missing = run["results"]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "duplicate-key"
    assert first["level"] == "error" and warning["level"] == "warning"
    assert first["message"] == {"text": "duplicate key 'id' (first defined at line 1)"}
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "roles/a.yaml"
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["region"] == {"startLine": 3, "startColumn": 7}
    assert "region" not in missing["locations"][0]["physicalLocation"]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == ["roles/a.yaml", "roles/b.yaml", "roles/gone.yaml"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_junit_has_one_test_case_per_file():
    suites = ET.fromstring(render(REPORT, "junit"))
    suite = suites.find("testsuite")
    assert suite is not None and suite.get("tests") == "3" and suite.get("failures") == "2"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert list(cases) == ["roles/a.yaml", "roles/b.yaml", "roles/gone.yaml"]
    failure = cases["roles/a.yaml"].find("failure")
    assert failure is not None and failure.text == (
        "roles/a.yaml:3:7: error [duplicate-key] duplicate key 'id' (first defined at line 1)")
    assert "empty-section" in cases["roles/a.yaml"].findtext("system-out", "")
    assert list(cases["roles/b.yaml"]) == []


def test_junit_survives_characters_xml_cannot_hold():
    odd = Report(("x.yaml",), (Problem("x.yaml", 1, 1, "bad \x01 byte", "yaml"),))
    assert ET.fromstring(render(odd, "junit")).find(".//failure") is not None


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_carries_every_finding_of_the_fixture_library(fmt, monkeypatch):
    monkeypatch.chdir(FIXTURES.parent.parent.parent)  # reports name files from here
    report = check_paths([FIXTURES])
    out = render(report, fmt)
    for p in report.problems:  # the library's findings name files as found...
        assert os.path.isabs(p.path)
    # ...every report as a person reads them here: tests/fixtures/invalid/...
    report = replace(report, problems=tuple(replace(p, path=os.path.relpath(p.path))
                                            for p in report.problems))
    if fmt == "json":
        found = [(p["path"], p["line"], p["column"], p["rule"])
                 for p in json.loads(out)["problems"]]
        assert found == [(p.path, p.line, p.column, p.rule) for p in report.problems]
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        regions = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"])
                   for r in results]
        assert regions == [(p.rule, {"startLine": p.line, "startColumn": p.column})
                           for p in report.problems]
    if fmt == "github":
        assert len(out.splitlines()) == len(report.problems) + 1
        for p in report.problems:
            assert f"file={p.path},line={p.line},col={p.column}," in out
    if fmt == "text":
        for p in report.problems:
            assert f"{p.path}:{p.line}:{p.column}: {p.severity} [{p.rule}] " in out
    if fmt == "junit":
        failing = {c.get("name") for c in ET.fromstring(out).iter("testcase")
                   if c.find("failure") is not None}
        assert failing == {p.path for p in report.problems if p.severity == "error"}


# -- where each format goes ---------------------------------------------------------------


def test_the_nth_output_belongs_to_the_nth_format():
    assert destinations(["sarif", "junit", "github"], ["x.sarif", "j.xml"], "text") == [
        ("sarif", "x.sarif"), ("junit", "j.xml"), ("github", "-")]
    assert destinations([], [], "github") == [("github", "-")]
    assert destinations([], ["report.txt"], "text") == [("text", "report.txt")]


@pytest.mark.parametrize("formats, outputs, message", [
    (["json", "sarif"], [], "would all print to standard output"),
    (["json"], ["a", "b"], r"2 outputs \(-o\) for 1 formats"),
])
def test_ambiguous_destinations_are_usage_errors(formats, outputs, message):
    with pytest.raises(UsageError, match=message):
        destinations(formats, outputs, "text")


def test_several_reports_in_one_run(runner, write_role, tmp_path):
    role = write_role(**{"ref('take-orders')": "ref('gone')"})
    result = runner.invoke(cli, ["validate", str(role), "-f", "sarif", "-f", "junit", "-f",
                                 "json", "-o", str(tmp_path / "r.sarif"), "-o",
                                 str(tmp_path / "out" / "junit.xml")])
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["errors"] == 2
    assert json.loads((tmp_path / "r.sarif").read_text())["runs"][0]["results"]
    assert ET.parse(tmp_path / "out" / "junit.xml").getroot().tag == "testsuites"


def test_github_actions_get_annotations_and_a_step_summary(runner, write_role, tmp_path,
                                                           monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    role = write_role(**{"ref('take-orders')": "ref('gone')"})
    result = runner.invoke(cli, ["validate", str(role)])
    assert result.exit_code == 1
    assert result.output.startswith(f"::error file={role},line=22,col=62,title=jobdocs "
                                    "[unknown-ref]::clause 'advise' (ru): ref('gone')")
    assert summary.read_text().startswith("earlier step\n### jobdocs validate: 1 file checked")


def test_an_output_that_cannot_be_written_is_a_usage_error(runner, write_role, tmp_path):
    (tmp_path / "taken").write_text("")
    result = runner.invoke(cli, ["validate", str(write_role()), "-f", "json", "-o",
                                 str(tmp_path / "taken" / "r.json")])
    assert result.exit_code == 2
    assert "cannot write the report" in result.stderr
