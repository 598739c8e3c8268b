"""`jobdocs build --shard K/N`: N machines each build a deterministic share; the shares
together are the whole build, byte for byte, and their manifests merge into one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL

from jobdocs.cli import cli
from jobdocs.production.shards import Shard

ROOT = Path(__file__).parent.parent
STAFF = ("name,position,gender,role\n"
         "Иванова Мария Петровна,Менеджер,ж,key-account-manager\n"
         "Петров Иван Сергеевич,Старший менеджер,м,key-account-manager\n"
         "Сидоров Алексей,Помощник,,assistant-1\n"
         "Кузнецова Анна,Помощник,ж,assistant-2\n"
         "Смирнов Олег,Помощник,м,assistant-3\n"
         "Попова Елена,Помощник,ж,assistant-4\n"
         "Васильев Пётр,Помощник,м,assistant-5\n"
         "Морозова Ольга,Помощник,ж,assistant-5\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Six roles (five small, the key account manager), Ромашка, ru and en, md and docx."""
    (tmp_path / "roles").mkdir()
    for n in range(1, 6):
        (tmp_path / "roles" / f"assistant-{n}.yaml").write_text(
            MINIMAL.format(id=f"assistant-{n}"), encoding="utf-8")
    shutil.copy(ROOT / "roles" / "key-account-manager.yaml", tmp_path / "roles")
    (tmp_path / "org").mkdir()
    shutil.copy(ROOT / "examples" / "romashka" / "organization.yaml", tmp_path / "org")
    (tmp_path / "staff.csv").write_text(STAFF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(runner, project: Path, output: str, *args: str):
    """Run `jobdocs build` into the folder `output` of the project; return the result."""
    (project / "jobdocs.yaml").write_text(
        "format: 1\norganization: org/organization.yaml\nformats: [md, docx]\n"
        f"languages: [ru, en]\noutput: {output}\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", *(() if "--merge" in args else ("-j", "1")), *args])
    assert result.exit_code == 0, result.output
    return result


def documents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


@pytest.mark.parametrize("copies", [(), ("--per-employee", "--staff", "staff.csv")],
                         ids=["roles", "per-employee"])
def test_four_shards_are_one_full_build_byte_for_byte(runner, project, copies):
    build(runner, project, "full", *copies)
    full = documents(project / "full")
    assert len(full) == (24 if not copies else 32)
    shares = []
    for k in range(1, 5):
        build(runner, project, f"shard-{k}", "--shard", f"{k}/4", *copies)
        shares.append(documents(project / f"shard-{k}"))
        assert (project / f"shard-{k}" / f".jobdocs-manifest.{k}-of-4.json").is_file()
        assert not (project / f"shard-{k}" / ".jobdocs-manifest.json").exists()
    assert sum(len(share) for share in shares) == len(full)  # no document built twice
    union = {name: data for share in shares for name, data in share.items()}
    assert union == full
    # A DOCX and the Markdown of the same role and language are in the same share.
    for share in shares:
        assert {n.rsplit(".", 1)[0] for n in share if n.endswith(".md")} == \
            {n.rsplit(".", 1)[0] for n in share if n.endswith(".docx")}

    # Gathered in one folder (copied: every file's time is new), the manifests merge,
    # and a build finds every document current.
    gathered = project / "gathered"
    gathered.mkdir()
    for k in range(1, 5):
        for path in (project / f"shard-{k}").iterdir():
            if path.is_file():
                shutil.copy(path, gathered / path.name)
    merged = build(runner, project, "gathered", "--merge")
    assert merged.stderr == "4 manifests of shares merged\n"
    assert not list(gathered.glob(".jobdocs-manifest.*-of-4.json"))
    units = json.loads((gathered / ".jobdocs-manifest.json").read_text("utf-8"))["units"]
    assert sum(len(unit["docs"]) for unit in units.values()) == len(full)
    again = build(runner, project, "gathered", *copies)
    assert again.stderr.startswith(f"0 written, {len(full)} unchanged, 0 failed")
    assert documents(gathered) == full


def test_a_share_built_again_rebuilds_only_what_changed_in_it(runner, project):
    build(runner, project, "out", "--shard", "2/3")
    first = documents(project / "out")
    again = build(runner, project, "out", "--shard", "2/3")
    assert again.stderr.startswith(f"0 written, {len(first)} unchanged")
    # Another share in the same folder (a shared volume) leaves this one's manifest alone.
    build(runner, project, "out", "--shard", "1/3")
    assert (project / "out" / ".jobdocs-manifest.2-of-3.json").is_file()
    # A full build over the folder takes both in and builds only the third share.
    full = build(runner, project, "out")
    assert not list((project / "out").glob(".jobdocs-manifest.*-of-3.json"))
    written = int(full.stderr.split()[0])
    assert 0 < written < 24 and f"{24 - written} unchanged" in full.stderr


def test_every_copy_goes_to_the_role_its_employee_holds(runner, project):
    build(runner, project, "out", "--per-employee", "--staff", "staff.csv")
    names = sorted(documents(project / "out"))
    assert "key-account-manager.ru.01-ivanova.docx" in names
    assert "assistant-5.en.08-morozova.md" in names
    assert not [n for n in names if n.count(".") < 3]  # no role's own documents
    text = (project / "out" / "key-account-manager.ru.02-petrov.md").read_text("utf-8")
    assert "ознакомлен, один экземпляр получил:" in text and "Петров Иван Сергеевич" in text


def test_a_row_naming_an_unknown_role_fails_alone(runner, project):
    (project / "staff.csv").write_text(STAFF + "Новиков Сергей,Аналитик,м,analyst\n",
                                       encoding="utf-8")
    (project / "jobdocs.yaml").write_text(
        "format: 1\norganization: org/organization.yaml\nformats: [md]\n"
        "languages: [ru]\noutput: out\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", "-j", "1", "--per-employee", "--staff", "staff.csv"])
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if "analyst" in line]
    assert line.startswith("staff.csv:10:") and "not a role of the project" in line
    assert result.stderr.splitlines()[-1].startswith("8 written, 0 unchanged, 1 failed")


@pytest.mark.parametrize("args", [["--shard", "0/4"], ["--shard", "5/4"], ["--shard", "x"],
                                  ["--shard", "1/0"], ["--merge", "--shard", "1/2"],
                                  ["--staff", "staff.csv"], ["--per-employee"]])
def test_wrong_shares_and_lists_are_usage_errors(runner, project, args):
    (project / "jobdocs.yaml").write_text("format: 1\noutput: out\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", *args])
    assert result.exit_code == 2, result.output
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert args[0] in error or args[-1] in error
    assert not (project / "out").exists()


def test_shares_are_even_and_every_name_has_exactly_one():
    names = [f"org/role-{n}.{e:03d}-name" for n in range(100) for e in range(100)]
    shares = [Shard(k, 4) for k in range(1, 5)]
    counts = [sum(share.holds(name) for name in names) for share in shares]
    assert sum(counts) == len(names) and all(2300 < c < 2700 for c in counts)
    assert Shard.parse(" 3 / 8 ") == Shard(3, 8) and str(Shard(3, 8)) == "3/8"
