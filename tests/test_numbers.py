"""A registration number per document: per role, per language, or from a pattern and a register."""

from __future__ import annotations

import re
from pathlib import Path

from jobdocs.cli import cli

ROLES = ["key-account-manager", "client-manager"]


def numbers(out: Path) -> dict[str, str]:
    """Return the number line of every Markdown document in `out`."""
    found = {}
    for path in sorted(out.glob("*.md")):
        line = path.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n\n", 2)[1]
        found[path.name] = line.splitlines()[0]
    return found


def printed(out: Path) -> dict[str, str]:
    """Return the number each Markdown document in `out` prints after «№» / "No."."""
    return {k: re.sub(r"^.*?(№|No\.) ", "", v).rstrip("\\") for k, v in numbers(out).items()}


def profile(tmp_path: Path, number: str) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(f"name: ООО «Ромашка»\ndate: 2026-11-22\nnumber:\n{number}",
                    encoding="utf-8")
    return path


def render(runner, *args: str):
    return runner.invoke(cli, ["render", *args])


def test_a_pattern_gives_each_role_its_own_number_and_keeps_it(runner, tmp_path):
    org = profile(tmp_path, '  pattern: {ru: "{seq}-ДИ"}\n  register: numbers.yaml\n'
                            '  start: 15\n')
    out = tmp_path / "out"
    result = render(runner, *ROLES, "--org", str(org), "--lang", "ru", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert printed(out) == {"client-manager.ru.md": "16-ДИ",
                            "key-account-manager.ru.md": "15-ДИ"}
    register = (tmp_path / "numbers.yaml").read_text(encoding="utf-8")
    assert "key-account-manager: 15\nclient-manager: 16\n" in register
    # Rendered again, alone and in another order, each keeps its number; a new one gets 17.
    again = tmp_path / "again"
    result = render(runner, "corporate-client-manager", "client-manager", "--org", str(org),
                    "--lang", "ru", "-o", str(again))
    assert result.exit_code == 0, result.output
    assert printed(again) == {"client-manager.ru.md": "16-ДИ",
                              "corporate-client-manager.ru.md": "17-ДИ"}


def test_english_prints_no_number_unless_given_one(runner, tmp_path):
    org = profile(tmp_path, '  pattern: {ru: "{seq}-ДИ"}\n  register: numbers.yaml\n')
    out = tmp_path / "out"
    assert render(runner, *ROLES, "--org", str(org), "-o", str(out)).exit_code == 0
    lines = numbers(out)
    assert lines["key-account-manager.en.md"] == "22 November 2026\\"
    assert lines["key-account-manager.ru.md"].endswith("№ 1-ДИ\\")
    assert "No." not in (out / "client-manager.en.md").read_text(encoding="utf-8").split(
        "## 1.")[0]


def test_a_number_per_role_and_language(runner, tmp_path):
    org = profile(tmp_path, "  key-account-manager: {ru: 15-ДИ, en: JD-15}\n"
                            "  client-manager: 16-ДИ\n")
    out = tmp_path / "out"
    assert render(runner, *ROLES, "--org", str(org), "-l", "ru", "-l", "en",
                  "-o", str(out)).exit_code == 0
    assert printed(out) == {"client-manager.en.md": "16-ДИ", "client-manager.ru.md": "16-ДИ",
                   "key-account-manager.en.md": "JD-15", "key-account-manager.ru.md": "15-ДИ"}


def test_one_number_for_several_roles_is_wrong_usage(runner, tmp_path):
    out = tmp_path / "out"
    result = render(runner, *ROLES, "--set", "number=15-ДИ", "-o", str(out))
    assert result.exit_code == 2
    assert "15-ДИ" in result.output and "number per role" in result.output
    assert "--set number" in result.output
    assert not out.exists()
    one = render(runner, ROLES[0], "--set", "number=15-ДИ", "--lang", "ru", "-o", str(out))
    assert one.exit_code == 0
    assert numbers(out)["key-account-manager.ru.md"].endswith("№ 15-ДИ\\")


def test_a_pattern_without_seq_or_register_is_invalid_input(runner, tmp_path):
    org = profile(tmp_path, '  pattern: "ДИ"\n')
    result = render(runner, ROLES[0], "--org", str(org), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert re.search(r"org\.yaml:\d+:\d+: number\.pattern 'ДИ' must hold \{seq\}",
                     result.output)
    assert "register" in result.output


def test_a_broken_register_is_invalid_input(runner, tmp_path):
    org = profile(tmp_path, '  pattern: "{seq}-ДИ"\n  register: numbers.yaml\n')
    (tmp_path / "numbers.yaml").write_text("key-account-manager: first\n", encoding="utf-8")
    out = tmp_path / "out"
    result = render(runner, ROLES[0], "--org", str(org), "-o", str(out))
    assert result.exit_code == 1 and "numbers.yaml:1:1" in result.output
    assert not out.exists()


def test_numbers_from_the_project_file_where_the_profile_gives_none(runner, tmp_path,
                                                                   monkeypatch):
    (tmp_path / "jobdocs.yaml").write_text(
        'number:\n  pattern: {ru: "{seq}-ДИ"}\n  register: numbers.yaml\n  start: 7\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = render(runner, *ROLES, "--lang", "ru", "-o", "out")
    assert result.exit_code == 0, result.output
    assert printed(tmp_path / "out") == {"client-manager.ru.md": "8-ДИ",
                                         "key-account-manager.ru.md": "7-ДИ"}
    assert "key-account-manager: 7" in (tmp_path / "numbers.yaml").read_text(encoding="utf-8")
    (tmp_path / "org.yaml").write_text("number: {key-account-manager: 15-ДИ}\n",
                                       encoding="utf-8")
    result = render(runner, ROLES[0], "--org", "org.yaml", "--lang", "ru", "-o", "own")
    assert printed(tmp_path / "own") == {"key-account-manager.ru.md": "15-ДИ"}
