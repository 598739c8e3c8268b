"""`jobdocs diff`: clauses matched by id, words diffed, renumbering kept apart."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import KAM  # the role as shipped in 1.0, frozen for these tests
from markdown_it import MarkdownIt

from jobdocs import load_role
from jobdocs.cli import cli
from jobdocs.diff import Segment, diff_roles, labels, word_diff
from jobdocs.diff.formats import to_json, to_markdown, to_text
from jobdocs.resolve.i18n import available_languages


@pytest.fixture
def result(edited):
    return diff_roles(load_role(KAM), load_role(edited))


def test_exactly_four_changes_and_one_renumbering_line(result):
    for d in result.langs:
        assert [(c.kind, c.id) for c in d.changes] == [
            ("added", "video-calls"), ("changed", "merchandising"),
            ("removed", "trade-secrets"), ("moved", "working-relationships")]
        assert len(d.renumbered) == 22
    assert result.drift == ()


def test_numbers_on_both_sides(result):
    ru = {c.id: c for c in result.langs[0].changes}
    assert ru["video-calls"].new.number == "2.6"
    assert (ru["merchandising"].old.number, ru["merchandising"].new.number) == ("2.15", "2.16")
    assert ru["trade-secrets"].old.number == "2.22"
    moved = ru["working-relationships"]
    assert (moved.old_section, moved.new_section) == ("duties", "responsibility")
    assert (moved.old.number, moved.new.number) == ("2.26", "4.1")


def test_text_output(result):
    text = to_text(result)
    assert "key-account-manager 1.0 (ru): 1 added, 1 changed, 1 moved, 1 removed, " \
           "22 renumbered" in text
    assert "~ 2.15 → 2.16 [merchandising] changed: [-Осуществляет-]{+Регулярно " \
           "осуществляет+} мерчендайзинг." in text
    assert "> 2.26 → 4.1 [working-relationships] moved from 2. Должностные обязанности" in text
    assert text.count("22 clauses renumbered (2.6 → 2.7, 2.7 → 2.8, 2.8 → 2.9, …)") == 4
    assert "\x1b[" not in text
    assert "\x1b[32mРегулярно осуществляет\x1b[0m" in to_text(result, color=True)


def test_markdown_output_renders_inline_and_per_clause(result):
    md = to_markdown(result)
    assert "| 2. Должностные обязанности | 1 | 1 | 0 | 1 | 0 |" in md
    assert ("<del>Осуществляет</del><ins>Регулярно осуществляет</ins> мерчендайзинг."
            in md)
    html = MarkdownIt("commonmark").enable("table").render(md)
    for tag in ("ins", "del"):  # never spanning paragraphs or list items
        for chunk in re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S):
            assert "\n" not in chunk and "<li>" not in chunk and "<p>" not in chunk


def test_markdown_speaks_each_documents_language(result):
    md = to_markdown(result)
    ru, en = md.split("## key-account-manager 1.0 (en)")
    assert ru.startswith("## key-account-manager 1.0 (ru): добавлено: 1, изменено: 1, "
                         "перемещено: 1, удалено: 1, перенумеровано: 22\n")
    assert "| Раздел | Добавлено | Изменено | Перемещено | Удалено | Ссылки |" in ru
    assert "- **2.26 → 4.1** Перемещён из раздела 2. Должностные обязанности " \
           "(`working-relationships`)" in ru
    assert "22 пункта перенумерованы (2.6 → 2.7, 2.7 → 2.8, 2.8 → 2.9, …)." in ru
    assert en.startswith(": 1 added, 1 changed, 1 moved, 1 removed, 22 renumbered\n")
    assert "| Section | Added | Changed | Moved | Removed | References |" in en
    assert "22 clauses renumbered (2.6 → 2.7" in en
    assert "Раздел" not in en


def test_json_output_is_stable_and_documented(result):
    data = json.loads(to_json(result))
    assert data["version"] == 1
    ru = data["languages"][0]
    assert ru["summary"] == {"added": 1, "changed": 1, "moved": 1, "removed": 1,
                             "references": 0, "renumbered": 22}
    change = next(c for c in ru["changes"] if c["id"] == "merchandising")
    assert change["segments"] == [
        {"op": "delete", "text": "Осуществляет"},
        {"op": "insert", "text": "Регулярно осуществляет"},
        {"op": "equal", "text": " мерчендайзинг."}]
    assert ru["renumbered"][0] == {"id": "visit-and-negotiate", "old": "2.6", "new": "2.7"}


@pytest.mark.parametrize("old, new, expected", [
    ("Ведёт учёт заказов.", "Ведёт полный учёт заказов.",
     [("equal", "Ведёт "), ("insert", "полный "), ("equal", "учёт заказов.")]),
    ("Keep records, reports.", "Keep records; reports.",
     [("equal", "Keep records"), ("delete", ","), ("insert", ";"), ("equal", " reports.")]),
    ("прайс-листа", "прайс-листов", [("delete", "прайс-листа"), ("insert", "прайс-листов")]),
])
def test_word_diff_never_cuts_words(old, new, expected):
    assert word_diff(old, new) == tuple(Segment(op, t) for op, t in expected)


def test_reference_renumbered_is_not_a_wording_change(tmp_path):
    text = KAM.read_text(encoding="utf-8")
    text = text.replace("    - id: plan-sales-targets", "    - id: new-first\n      text:\n"
                        "        ru: Новая обязанность.\n        en: A new duty.\n"
                        "        de: Eine neue Aufgabe.\n        sv: En ny uppgift.\n"
                        "    - id: plan-sales-targets", 1)
    path = tmp_path / "key-account-manager.yaml"
    path.write_text(text, encoding="utf-8")
    [ru, en, de, sv] = diff_roles(load_role(KAM), load_role(path)).langs
    kinds = {c.id: c.kind for c in ru.changes}
    assert kinds == {"new-first": "added", "maximize-orders": "references"}
    ref = next(c for c in ru.changes if c.id == "maximize-orders")
    assert Segment("delete", "2.4") in ref.segments and Segment("insert", "2.5") in ref.segments
    assert not ref.reworded


def test_translation_drift_is_flagged(tmp_path):
    text = KAM.read_text(encoding="utf-8").replace("Осуществляет мерчендайзинг.",
                                                  "Регулярно осуществляет мерчендайзинг.")
    path = tmp_path / "key-account-manager.yaml"
    path.write_text(text, encoding="utf-8")
    result = diff_roles(load_role(KAM), load_role(path))
    assert result.drift == (("merchandising", ("ru",), ("de", "en", "sv")),)
    assert ("translation drift: 'merchandising' changed in ru but not in de, en, sv"
            in to_text(result))


def test_title_version_and_items(tmp_path):
    text = KAM.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"')
    text = text.replace("en: Key Account Manager", "en: Key Accounts Manager")
    text = text.replace("методы изучения спроса", "методы анализа спроса")
    path = tmp_path / "key-account-manager.yaml"
    path.write_text(text, encoding="utf-8")
    [ru, en, *_] = diff_roles(load_role(KAM), load_role(path)).langs
    assert [(f.field, f.old, f.new) for f in en.fields] == [
        ("title", "Key Account Manager", "Key Accounts Manager"), ("version", "1.0", "1.1")]
    [must_know] = [c for c in ru.changes if c.kind == "changed"]
    [item] = [i for i in must_know.items if i.kind != "same"]
    assert item.segments[:3] == (Segment("equal", "методы "), Segment("delete", "изучения"),
                                 Segment("insert", "анализа"))


def test_change_in_a_base_reaches_the_derived_role(tmp_path):
    for name in ("client-manager", "corporate-client-manager"):
        (tmp_path / f"{name}.yaml").write_text(
            (Path(__file__).parent.parent / "roles" / f"{name}.yaml").read_text(
                encoding="utf-8"), encoding="utf-8")
    old = load_role(tmp_path / "corporate-client-manager.yaml")
    base = tmp_path / "client-manager.yaml"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "Формирует клиентскую базу", "Формирует и актуализирует клиентскую базу"),
        encoding="utf-8")
    [ru] = diff_roles(old, load_role(tmp_path / "corporate-client-manager.yaml"), ["ru"]).langs
    assert [(c.kind, c.id) for c in ru.changes] == [("changed", "maintain-client-base")]


def test_cli_exit_codes_and_formats(runner, edited, tmp_path):
    same = runner.invoke(cli, ["diff", str(KAM), str(KAM)])
    assert same.exit_code == 0 and "no changes" in same.output
    changed = runner.invoke(cli, ["diff", str(KAM), str(edited), "--format", "json"])
    assert changed.exit_code == 1
    assert json.loads(changed.output)["languages"][1]["lang"] == "en"
    out = tmp_path / "diff.md"
    assert runner.invoke(cli, ["diff", str(KAM), str(edited), "-f", "md", "-o", str(out),
                               "-l", "en"]).exit_code == 1
    assert out.read_text().startswith("## key-account-manager 1.0 (en): 1 added")
    bad = runner.invoke(cli, ["diff", str(KAM), "no-such-role"])
    assert bad.exit_code == 2 and "no-such-role: no such role file" in bad.stderr
    assert runner.invoke(cli, ["diff", str(KAM)]).exit_code == 2
    assert runner.invoke(cli, ["diff", str(KAM), str(edited), "-l", "fi"]).exit_code == 2


@pytest.fixture
def repo(tmp_path, monkeypatch, edited):
    """A git repository whose roles/key-account-manager.yaml has two commits."""
    monkeypatch.chdir(tmp_path / "repo" if (tmp_path / "repo").exists() else tmp_path)
    root = tmp_path / "repo"
    (root / "roles").mkdir(parents=True)
    target = root / "roles" / "key-account-manager.yaml"

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Anna Legal", "-c", "user.email=a@example.com",
                        *args], cwd=root, check=True, capture_output=True)

    git("init", "-q")
    target.write_text(KAM.read_text(encoding="utf-8"), encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "first", "--date", "2026-11-01T10:00:00+03:00")
    target.write_text(edited.read_text(encoding="utf-8"), encoding="utf-8")
    git("commit", "-qam", "second", "--date", "2026-11-20T10:00:00+03:00")
    monkeypatch.chdir(root)
    return root


def test_git_revisions_as_inputs(runner, repo):
    spelled = runner.invoke(cli, ["diff", "HEAD~1:roles/key-account-manager.yaml",
                                  "HEAD:roles/key-account-manager.yaml", "-l", "ru"])
    short = runner.invoke(cli, ["diff", "--from", "HEAD~1", "--to", "HEAD",
                                "roles/key-account-manager.yaml", "-l", "ru"])
    worktree = runner.invoke(cli, ["diff", "--from", "HEAD~1",
                                   "roles/key-account-manager.yaml", "-l", "ru"])
    assert spelled.exit_code == short.exit_code == worktree.exit_code == 1
    assert spelled.output == short.output == worktree.output
    assert "1 added, 1 changed, 1 moved, 1 removed, 22 renumbered" in spelled.output
    unknown = runner.invoke(cli, ["diff", "--from", "v9.9", "roles/key-account-manager.yaml"])
    assert unknown.exit_code == 2 and "'v9.9' is not a git revision" in unknown.stderr


def test_languages_and_parent_are_reported(tmp_path):
    path = tmp_path / "kam-ru.yaml"
    path.write_text("id: kam-ru\nextends: lead-key-account-manager\n"
                    "languages: [ru]\nremove: [english, foreign-clients]\n", encoding="utf-8")
    [ru] = diff_roles(load_role("key-account-manager"), load_role(path)).langs
    assert {c.kind for c in ru.changes} == {"changed"}  # the title is printed in clauses
    fields = {f.field: (f.old, f.new) for f in ru.fields}
    assert fields["title.genitive"] == ("менеджера по работе с ключевыми клиентами",
                                        "ведущего менеджера по работе с ключевыми клиентами")
    assert fields["languages"] == ("ru, en, de, sv", "ru")
    assert fields["extends"] == ("", "lead-key-account-manager")
    assert fields["id"] == ("key-account-manager", "kam-ru")


@pytest.mark.parametrize("lang", [lang for lang in available_languages() if lang != "en"])
def test_every_catalog_language_gets_its_own_report_words(lang, edited):
    [d] = diff_roles(load_role(KAM), load_role(edited), [lang]).langs
    t = labels.catalog(lang)
    english = labels.English
    for kind in ("section", *labels.KINDS):
        assert labels.column(t, kind) != labels.column(english, kind)
    assert labels.summary(t, d) != labels.summary(english, d)
    assert labels.renumbered_line(t, d) != labels.renumbered_line(english, d)
    assert f"| {labels.column(t, 'section')} |" in to_markdown(
        diff_roles(load_role(KAM), load_role(edited), [lang]))
