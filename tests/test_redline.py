"""The DOCX redline: native tracked changes that accept to NEW and reject to OLD."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from collections import Counter

import pytest
from conftest import KAM, edit_kam
from lxml import etree

from jobdocs import load_role, render_document, resolve
from jobdocs.diff import diff_roles
from jobdocs.diff.redline import redline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = dt.datetime(2026, 11, 20, 7, 0, tzinfo=dt.UTC)


def body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def view(data: bytes, accept: bool) -> list[str]:
    """Return the paragraph texts Word shows after "accept all" (or "reject all")."""
    dropped, kept_text = (f"{W}del", f"{W}t") if accept else (f"{W}ins", f"{W}delText")
    out, carry = [], ""
    for p in body(data).iter(f"{W}p"):
        text = carry
        for node in p.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            if node.tag == f"{W}tab" and node.getparent().tag != f"{W}r":
                continue  # a tab stop, not a tab
            inside = [a.tag for a in node.iterancestors() if a.tag in (f"{W}ins", f"{W}del")]
            if dropped in inside:
                continue
            if node.tag == f"{W}tab":
                text += "\t"
            elif node.tag in (kept_text, f"{W}t"):
                text += node.text or ""
        mark = p.find(f"{W}pPr/{W}rPr/{dropped}")
        if mark is not None:  # the paragraph mark is gone: the text joins the next paragraph
            carry = text
            continue
        carry = ""
        out.append(text)
    return out


def plain_view(data: bytes) -> list[str]:
    out = []
    for p in body(data).iter(f"{W}p"):
        out.append("".join("\t" if n.tag == f"{W}tab" else n.text or ""
                           for n in p.iter(f"{W}t", f"{W}tab")
                           if n.getparent().tag == f"{W}r"))
    return out


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    path = tmp_path_factory.mktemp("new") / "key-account-manager.yaml"
    path.write_text(edit_kam(extra=True), encoding="utf-8")
    return load_role(KAM), load_role(path)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_accept_all_gives_new_and_reject_all_gives_old(versions, lang):
    old, new = versions
    data = redline(diff_roles(old, new, [lang]), "Anna Legal", WHEN)
    assert view(data, accept=True) == plain_view(render_document(resolve(new, lang), "docx"))
    assert view(data, accept=False) == plain_view(render_document(resolve(old, lang), "docx"))


def test_revisions_are_native_with_author_date_and_unique_ids(versions):
    data = redline(diff_roles(*versions, ["ru"]), "Anna Legal", WHEN)
    root = body(data)
    marks = [e for e in root.iter(f"{W}ins", f"{W}del")]
    assert marks
    assert {e.get(f"{W}author") for e in marks} == {"Anna Legal"}
    assert {e.get(f"{W}date") for e in marks} == {"2026-11-20T07:00:00Z"}
    ids = Counter(e.get(f"{W}id") for e in marks)
    assert max(ids.values()) == 1
    for deleted in root.iter(f"{W}del"):
        if deleted.getparent().tag == f"{W}p":
            assert deleted.find(f".//{W}t") is None and deleted.find(f".//{W}delText") is not None


def test_whole_clauses_carry_paragraph_mark_revisions(versions):
    data = redline(diff_roles(*versions, ["ru"]), "Anna Legal", WHEN)
    inserted, deleted = [], []
    for p in body(data).iter(f"{W}p"):
        text = "".join(t.text for t in p.iter(f"{W}t", f"{W}delText"))
        if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None:
            inserted.append(text)
        if p.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            deleted.append(text)
    assert "2.6.Проводит видеовстречи с ключевыми клиентами." in inserted
    assert "4.1.Поддерживает хорошие рабочие взаимоотношения в трудовом коллективе." in inserted
    assert "2.22.Обеспечивает соблюдение режима коммерческой тайны." in deleted
    assert "2.26.Поддерживает хорошие рабочие взаимоотношения в трудовом коллективе." in deleted
    assert "–принципы ценообразования;" in inserted


def test_word_change_inside_a_clause(versions):
    data = redline(diff_roles(*versions, ["ru"]), "Anna Legal", WHEN)
    for p in body(data).iter(f"{W}p"):
        inserted = "".join(t.text for i in p.iter(f"{W}ins") for t in i.iter(f"{W}t"))
        deleted = "".join(t.text for d in p.iter(f"{W}del") for t in d.iter(f"{W}delText"))
        if "мерчендайзинг" in "".join(t.text for t in p.iter(f"{W}t")):
            assert (deleted, inserted) == ("15Осуществляет", "16Регулярно осуществляет")
            break
    else:
        pytest.fail("no merchandising clause")


def test_title_change_is_tracked_in_the_heading(versions):
    data = redline(diff_roles(*versions, ["en"]), "Anna Legal", WHEN)
    deleted = ["".join(t.text for t in d.iter(f"{W}delText")) for d in body(data).iter(f"{W}del")]
    assert "Account" in deleted


def test_cli_redline_uses_git_author(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / "roles").mkdir(parents=True)
    target = root / "roles" / "key-account-manager.yaml"
    target.write_text(KAM.read_text(encoding="utf-8"), encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Anna Legal", "-c", "user.email=a@example.com",
                        *args], cwd=root, check=True, capture_output=True,
                       env={"GIT_COMMITTER_DATE": "2026-11-20T10:00:00+03:00",
                            "PATH": "/usr/bin:/bin"})

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "one", "--date", "2026-11-01T10:00:00+03:00")
    target.write_text(KAM.read_text(encoding="utf-8").replace(
        "Осуществляет мерчендайзинг.", "Регулярно осуществляет мерчендайзинг."), encoding="utf-8")
    git("commit", "-qam", "two", "--date", "2026-11-20T10:00:00+03:00")
    monkeypatch.chdir(root)
    from click.testing import CliRunner

    from jobdocs.cli import cli

    out = tmp_path / "red.docx"
    result = CliRunner().invoke(cli, ["diff", "--from", "HEAD~1", "--to", "HEAD",
                                      "roles/key-account-manager.yaml", "-l", "ru", "-f", "docx",
                                      "-o", str(out)])
    assert result.exit_code == 1, result.output
    marks = list(body(out.read_bytes()).iter(f"{W}ins"))
    assert {m.get(f"{W}author") for m in marks} == {"Anna Legal"}
    assert {m.get(f"{W}date") for m in marks} == {"2026-11-20T07:00:00Z"}
    usage = CliRunner().invoke(cli, ["diff", "--from", "HEAD~1", "roles/key-account-manager.yaml",
                                     "-f", "docx"])
    assert usage.exit_code == 2


@pytest.mark.skipif(shutil.which("soffice") is None and not __import__("os").environ.get("CI"),
                    reason="LibreOffice is not installed (CI installs it)")
def test_libreoffice_opens_and_converts_the_redline(versions, tmp_path):
    from jobdocs.render.pdf import convert

    path = tmp_path / "red.docx"
    path.write_bytes(redline(diff_roles(*versions, ["ru"]), "Anna Legal", WHEN))
    [pdf] = convert([path], tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Проводит видеовстречи с ключевыми клиентами." in text
    assert "Обеспечивает соблюдение режима коммерческой тайны." in text  # shown struck out
