"""jobdocs diff over several pairs, or over a folder with --from, in one process."""

from __future__ import annotations

import json

from conftest import KAM
from test_diff import repo  # noqa: F401  (the fixture)

from jobdocs.cli import cli


def test_several_pairs_in_one_run(runner, edited):
    result = runner.invoke(cli, ["diff", "key-account-manager", str(edited),
                                 "client-manager", "client-manager", "-l", "ru"])
    assert result.exit_code == 1
    one = runner.invoke(cli, ["diff", "key-account-manager", str(edited), "-l", "ru"])
    two = runner.invoke(cli, ["diff", "client-manager", "client-manager", "-l", "ru"])
    assert two.exit_code == 0
    assert result.output == one.output + two.output


def test_several_pairs_give_one_json_object_each(runner, edited):
    result = runner.invoke(cli, ["diff", "key-account-manager", str(edited),
                                 "client-manager", "client-manager", "-f", "json"])
    decoder, text, objects = json.JSONDecoder(), result.output, []
    while text.strip():
        found, end = decoder.raw_decode(text.strip())
        objects.append(found)
        text = text.strip()[end:]
    alone = runner.invoke(cli, ["diff", "client-manager", "client-manager", "-f", "json"])
    assert len(objects) == 2 and objects[1] == json.loads(alone.output)


def test_a_failing_pair_does_not_stop_the_others(runner, edited, tmp_path):
    result = runner.invoke(cli, ["diff", str(tmp_path / "missing.yaml"), "client-manager",
                                 str(KAM), str(edited), "-l", "ru"])
    assert result.exit_code == 2
    assert "missing.yaml" in result.stderr
    assert "1 added, 1 changed" in result.stdout


def test_odd_arguments_and_a_redline_of_several_are_usage_errors(runner, edited):
    odd = runner.invoke(cli, ["diff", "key-account-manager", str(edited), "client-manager"])
    assert odd.exit_code == 2 and "pairs" in odd.stderr
    many = runner.invoke(cli, ["diff", "key-account-manager", str(edited), "client-manager",
                               "client-manager", "-f", "docx", "-o", "x.docx"])
    assert many.exit_code == 2 and "one pair" in many.stderr


def test_from_a_revision_over_a_folder(runner, repo):  # noqa: F811
    (repo / "roles" / "client-manager.yaml").write_text("id: client-manager\n",
                                                        encoding="utf-8")
    result = runner.invoke(cli, ["diff", "--from", "HEAD~1", "roles", "-l", "ru"])
    assert result.exit_code == 1
    assert "roles/client-manager.yaml: new since HEAD~1" in result.stderr
    single = runner.invoke(cli, ["diff", "--from", "HEAD~1", "roles/key-account-manager.yaml",
                                 "-l", "ru"])
    assert result.stdout == single.stdout
