"""Every mistake a user can make ends in one clear line and exit 1 or 2, never in
"internal error" (exit 3); what reaches Markdown is escaped for its place."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from jobdocs.cli import cli

ROOT = Path(__file__).parent.parent
KAM = ROOT / "roles" / "key-account-manager.yaml"
CM = str(ROOT / "roles" / "client-manager.yaml")


def role_with(tmp_path: Path, old: str, new: str, name: str = "kam.yaml") -> str:
    text = KAM.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


def run(runner, *args: str):
    result = runner.invoke(cli, list(args))
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!timestamp foo", "!!int abc",
                                    "!!float x", "!!binary ===", "!!null x"])
def test_a_yaml_tag_with_a_bad_value_is_a_finding(runner, tmp_path, tagged):
    path = role_with(tmp_path, "\nid: key-account-manager", f"\nid: {tagged}")
    result = run(runner, "validate", path)
    assert result.exit_code == 1
    assert re.search(r"kam\.yaml:\d+:\d+: error \[yaml[a-z-]*\]|error \[type\]", result.stdout)


def test_a_tagged_set_value_is_not_an_internal_error(runner, tmp_path):
    run(runner, "render", str(KAM), "-l", "en", "--set", "name=!!timestamp foo",
        "-o", str(tmp_path))


def test_control_characters_in_a_version_are_dropped_from_docx_with_a_warning(runner, tmp_path):
    path = role_with(tmp_path, 'version: "', 'version: "\\a\\e')
    result = run(runner, "render", path, "-l", "en", "-f", "md", "-f", "docx",
                 "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "warning: removed control characters (U+0007, U+001B)" in result.stderr
    md = (tmp_path / "out" / "key-account-manager.en.md").read_text(encoding="utf-8")
    assert "\x07" not in md and "\x1b" not in md


@pytest.mark.parametrize("setting", ["name=A\x01B", "approver.name=X\x1bY", "place=a\x0bb"])
def test_control_characters_in_a_profile_value(runner, tmp_path, setting):
    result = run(runner, "render", str(KAM), "-l", "en", "-f", "docx", "--set", setting,
                 "-o", str(tmp_path))
    assert result.exit_code == 0 and "warning: removed control characters" in result.stderr


def test_control_characters_in_the_author_of_a_redline(runner, tmp_path):
    result = run(runner, "diff", str(KAM), CM, "-l", "en", "-f", "docx", "--author",
                 "A\x01B", "-o", str(tmp_path / "r.docx"))
    assert result.exit_code == 1  # the roles differ
    assert (tmp_path / "r.docx").is_file()


def test_an_unknown_locale_is_not_an_internal_error(runner, tmp_path):
    run(runner, "render", str(KAM), "-l", "en", "-f", "docx", "--set", "locale.en=zz",
        "-o", str(tmp_path))


def test_a_date_with_a_time_is_a_usage_error(runner, tmp_path):
    result = run(runner, "diff", str(KAM), CM, "-l", "en", "-f", "docx", "--date",
                 "0001-01-01T00:00:00+01:00", "-o", str(tmp_path / "r.docx"))
    assert result.exit_code == 2


@pytest.mark.parametrize("where", ["folder", "missing/deeper/r.md", "file/r.md"])
def test_diff_to_a_place_that_cannot_be_written(runner, tmp_path, where):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("")
    target = tmp_path / where if where != "missing/deeper/r.md" else Path("/proc/none/r.md")
    result = run(runner, "diff", str(KAM), CM, "-f", "md", "-o", str(target))
    assert result.exit_code == 2 and "-o " in result.stderr


@pytest.mark.parametrize("option", ["--set", "--author"])
def test_arguments_that_are_not_utf8(runner, tmp_path, option):
    value = os.fsdecode(b"name=\xff" if option == "--set" else b"\xff")
    command = ["render", str(KAM), "-o", str(tmp_path)] if option == "--set" else \
        ["diff", str(KAM), CM, "-f", "docx", "-o", str(tmp_path / "r.docx")]
    result = run(runner, *command, option, value)
    assert result.exit_code == 2 and "not valid UTF-8" in result.stderr


def render_md(runner, tmp_path, *args: str, role: str = str(KAM)) -> str:
    result = run(runner, "render", role, "-l", "en", "-f", "md", "-o", "-", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_version_cannot_break_out_of_the_header_comment(runner, tmp_path):
    path = role_with(tmp_path, 'version: "', 'version: "--><script>x</script><!-- ')
    first = render_md(runner, tmp_path, role=path).splitlines()[0]
    assert first.startswith("<!-- ") and first.endswith(" -->")
    assert first[5:-4].count("--") == 0


def test_a_newline_in_a_profile_value_starts_no_heading(runner, tmp_path):
    md = render_md(runner, tmp_path, "--set", "name=Acme\n# Fired\n- all of you")
    assert [line for line in md.splitlines() if line.startswith("#")][0].startswith(
        "# ")  # the title, nothing planted before it
    assert not any(line.startswith(("# Fired", "- all")) for line in md.splitlines())


def test_tildes_are_escaped_in_documents_and_diffs(runner, tmp_path):
    path = role_with(tmp_path, "Find and win new clients.", "Find and win ~~no~~ new clients.")
    assert "\\~\\~no\\~\\~" in render_md(runner, tmp_path, role=path)
    diff = run(runner, "diff", str(KAM), path, "-l", "en", "-f", "md")
    assert "~~no~~" not in diff.stdout.replace("\\~", "")
