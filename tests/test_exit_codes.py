"""Exit 3 is for bugs only: each input of the audit that ended in "internal error" is
now one clear line (or a finding) and exit 0, 1 or 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from jobdocs.cli import cli

ROOT = Path(__file__).parent.parent
KAM = ROOT / "roles" / "key-account-manager.yaml"


def run(runner, *args: str):
    result = runner.invoke(cli, list(args))
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result


def kam_with(tmp_path: Path, old: str, new: str) -> Path:
    text = KAM.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "key-account-manager.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_title_longer_than_a_word_property_still_makes_a_docx(runner, tmp_path):
    title = "Key Account Manager " * 20
    role = kam_with(tmp_path, "en: Key Account Manager", f"en: {title.strip()}")
    result = run(runner, "render", str(role), "-l", "en", "-f", "docx", "-o", str(tmp_path))
    assert result.exit_code == 0
    document = docx.Document(str(tmp_path / "key-account-manager.en.docx"))
    assert len(document.core_properties.title) == 255
    assert title.strip() in "\n".join(p.text for p in document.paragraphs)  # the page: all


def test_a_clause_text_yaml_reads_as_a_date_is_a_finding(runner, tmp_path):
    # the first English clause text on one line, whatever the shipped role says there
    line = re.search(r"^ +en: [A-Z][^{}\n]*\.$", KAM.read_text(encoding="utf-8"), re.M)
    assert line
    role = kam_with(tmp_path, line[0].strip(), "en: 2026-01-01")
    result = run(runner, "validate", str(role), "--format", "json")
    assert result.exit_code == 1
    [finding] = [f for f in json.loads(result.output)["problems"] if f["rule"] == "type"]
    assert "reads 2026-01-01 as a date" in finding["message"] and finding["line"]


def test_a_parent_id_longer_than_a_file_name_is_a_finding(runner, tmp_path):
    role = tmp_path / "x.yaml"
    role.write_text(f"id: x\nextends: {'a' * 300}\n", encoding="utf-8")
    for command in (["validate", str(role)], ["render", str(role), "-o", str(tmp_path)]):
        assert run(runner, *command).exit_code == 1
    assert run(runner, "render", "b" * 300, "-o", str(tmp_path)).exit_code in (1, 2)


def test_an_unknown_locale_is_a_finding_even_with_a_date(runner, tmp_path):
    result = run(runner, "render", str(KAM), "-l", "en", "--set", "locale.en=zz", "--set",
                 "date=2026-01-01", "-o", "-")
    assert result.exit_code == 1 and "locale.en: 'zz' is not a locale" in result.output


@pytest.mark.parametrize("command", [["render", str(KAM), "-l", "en", "-o", "{o}"],
                                     ["diff", str(KAM), str(KAM), "-f", "md", "-o", "{o}/r.md"]])
def test_an_output_place_the_system_cannot_reach_is_one_line(runner, tmp_path, monkeypatch,
                                                             command):
    unreachable = tmp_path / ("x" * 300)  # a name too long: like a folder not searchable
    result = run(runner, *(a.replace("{o}", str(unreachable)) for a in command))
    assert result.exit_code in (1, 2) and "File name too long" in result.output

    locked = tmp_path / "locked"
    real_is_dir, real_exists = Path.is_dir, Path.exists

    def guarded(real):  # type: ignore[no-untyped-def]
        def ask(self: Path) -> bool:
            if self.is_relative_to(locked) and self != locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)  # type: ignore[no-any-return]
        return ask

    monkeypatch.setattr(Path, "is_dir", guarded(real_is_dir))
    monkeypatch.setattr(Path, "exists", guarded(real_exists))
    result = run(runner, *(a.replace("{o}", str(tmp_path / "locked" / "out"))
                           for a in command))
    assert result.exit_code in (1, 2) and "Permission denied" in result.output


@pytest.mark.parametrize("text", [
    # a section heading again after its clauses, then a paragraph without a number
    "Должностная инструкция менеджера\n1. Общие положения\n1.1. Относится к специалистам.\n"
    "2. Должностные обязанности\n2.1. Принимает заказы.\nОбщие положения\nЕщё абзац.\n",
    # a heading between «1.» and «1.1»
    "Должностная инструкция менеджера\n1. Общие положения\nОбщие положения\n"
    "1.1. Относится к специалистам.\n",
    # no title line at all
    "1. Общие положения\n1.1. Относится к специалистам.\n2. Должностные обязанности\n"
    "2.1. Принимает заказы.\n",
])
def test_odd_documents_import_with_findings(runner, tmp_path, text):
    source = tmp_path / "doc.txt"
    source.write_text(text, encoding="utf-8")
    result = run(runner, "import", str(source), "-o", str(tmp_path / "roles"))
    assert result.exit_code == 1  # findings: the role does not validate yet
    assert list((tmp_path / "roles").glob("*.yaml"))


def test_a_finding_never_quotes_a_long_key_or_value_whole(runner, tmp_path):
    secret = "root_secret_token_" + "a1b2c3" * 30
    role = tmp_path / "keys.yaml"
    role.write_text(f"id: x\n{secret}: 1\nlanguages: [{secret}]\n", encoding="utf-8")
    result = run(runner, "validate", str(role))
    assert result.exit_code == 1 and "unknown key 'root_secret_token_" in result.output
    assert secret[:60] not in result.output
