"""The DOCX redline: native tracked changes that accept to NEW and reject to OLD."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import subprocess
import time
import zipfile
from collections import Counter

import docx
import pytest
from conftest import KAM, edit_kam
from lxml import etree

from jobdocs import load_role, render_document, resolve
from jobdocs.cli import cli
from jobdocs.diff import diff_roles
from jobdocs.diff.redline import redline
from jobdocs.render.docx.page import default_reference

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


@pytest.mark.libreoffice
def test_libreoffice_opens_and_converts_the_redline(versions, tmp_path):
    from jobdocs.render.pdf import convert

    path = tmp_path / "red.docx"
    path.write_bytes(redline(diff_roles(*versions, ["ru"]), "Anna Legal", WHEN))
    [pdf] = convert([path], tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Проводит видеовстречи с ключевыми клиентами." in text
    assert "Обеспечивает соблюдение режима коммерческой тайны." in text  # shown struck out


# -- one language per redline, the letterhead, standard output --------------------------


def test_a_change_only_in_english_gives_an_english_redline_holding_it(tmp_path, runner):
    path = tmp_path / "key-account-manager.yaml"
    path.write_text(KAM.read_text(encoding="utf-8").replace(
        "Carry out merchandising.", "Carry out merchandising weekly."), encoding="utf-8")
    refused = runner.invoke(cli, ["diff", str(KAM), str(path), "-f", "docx", "-o",
                                  str(tmp_path / "r.docx")])
    assert refused.exit_code == 2 and "--lang" in refused.stderr
    assert not (tmp_path / "r.docx").exists()
    out = tmp_path / "en.docx"
    result = runner.invoke(cli, ["diff", str(KAM), str(path), "-f", "docx", "-l", "en",
                                 "-o", str(out)])
    assert result.exit_code == 1, result.output
    inserted = ["".join(t.text for t in i.iter(f"{W}t")) for i in body(out.read_bytes())
                .iter(f"{W}ins")]
    assert inserted == [" weekly"]
    assert any(p.endswith("\tCarry out merchandising weekly.")
               for p in view(out.read_bytes(), accept=True))


def letterhead(tmp_path, text: str):
    ref = docx.Document(str(default_reference()))
    ref.sections[0].header.paragraphs[0].add_run(text)
    path = tmp_path / f"{text}.docx"
    ref.save(str(path))
    return path


def header_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return " ".join(z.read(n).decode() for n in z.namelist()
                        if n.startswith("word/header"))


def test_the_redline_takes_the_letterhead_of_the_profile_or_reference_doc(tmp_path, runner,
                                                                          edited):
    profile = tmp_path / "org.yaml"
    profile.write_text(f"name: {{ru: ООО «Ромашка»}}\nreference_doc: "
                       f"{letterhead(tmp_path, 'ProfileHead').name}\n", encoding="utf-8")
    out = tmp_path / "red.docx"
    args = ["diff", str(KAM), str(edited), "-f", "docx", "-l", "ru", "-o", str(out)]
    assert runner.invoke(cli, [*args, "--org", str(profile)]).exit_code == 1
    assert "ProfileHead" in header_text(out.read_bytes())
    given = letterhead(tmp_path, "GivenHead")
    result = runner.invoke(cli, [*args, "--org", str(profile), "--reference-doc", str(given)])
    assert result.exit_code == 1, result.output
    assert "GivenHead" in header_text(out.read_bytes())
    assert "ProfileHead" not in header_text(out.read_bytes())


@pytest.mark.parametrize("fmt", ["docx", "md", "json", "text"])
def test_dash_writes_to_standard_output(runner, edited, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["diff", str(KAM), str(edited), "-f", fmt, "-l", "ru",
                                 "-o", "-"])
    assert result.exit_code == 1
    assert not (tmp_path / "-").exists()
    if fmt == "docx":
        assert view(result.stdout_bytes, accept=True)
    else:
        assert "merchandising" in result.stdout


# -- the footer, the properties and the dates --------------------------------------------


def footer_view(data: bytes, accept: bool) -> set[str]:
    dropped = f"{W}del" if accept else f"{W}ins"
    out = set()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("word/footer"):
                for p in etree.fromstring(z.read(name)).iter(f"{W}p"):
                    out.add("".join(n.text or "" for n in p.iter(f"{W}t", f"{W}delText")
                                    if dropped not in [a.tag for a in n.iterancestors()]))
    return out - {""}


def test_the_footer_follows_accept_and_reject(versions):
    old, new = versions
    new = dataclasses.replace(new, version="1.1")
    data = redline(diff_roles(old, new, ["en"]), "Anna Legal", WHEN)
    old_doc, new_doc = resolve(old, "en"), resolve(new, "en")
    assert footer_view(data, accept=True) == {new_doc.frame.trace}
    assert footer_view(data, accept=False) == {old_doc.frame.trace}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = z.read("docProps/core.xml").decode()
    assert old_doc.content_hash in core and new_doc.content_hash in core
    assert "1.0 → 1.1" in core


def revision_dates(data: bytes) -> set[str | None]:
    return {e.get(f"{W}date") for e in body(data).iter(f"{W}ins", f"{W}del")}


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset: POSIX only")
@pytest.mark.parametrize("zone", ["Europe/Moscow", "America/Los_Angeles"])
def test_date_is_the_calendar_day_asked_for_in_any_time_zone(runner, edited, tmp_path,
                                                             monkeypatch, zone):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        out = tmp_path / "red.docx"
        result = runner.invoke(cli, ["diff", str(KAM), str(edited), "-f", "docx", "-l", "ru",
                                     "--date", "2026-12-01", "-o", str(out)])
        assert result.exit_code == 1, result.output
        assert revision_dates(out.read_bytes()) == {"2026-12-01T00:00:00Z"}
    finally:
        monkeypatch.undo()
        time.tzset()


def test_date_from_the_profile_else_none_never_2000(runner, edited, tmp_path):
    profile = tmp_path / "org.yaml"
    profile.write_text("name: {ru: ООО «Ромашка»}\ndate: 2026-11-15\n", encoding="utf-8")
    out = tmp_path / "red.docx"
    args = ["diff", str(KAM), str(edited), "-f", "docx", "-l", "ru", "-o", str(out)]
    assert runner.invoke(cli, [*args, "--org", str(profile)]).exit_code == 1
    assert revision_dates(out.read_bytes()) == {"2026-11-15T00:00:00Z"}
    assert runner.invoke(cli, args).exit_code == 1
    assert revision_dates(out.read_bytes()) == {None}
    with zipfile.ZipFile(out) as z:
        assert not any(b"2000-01-01" in z.read(n) for n in z.namelist())


# -- renumbering: one change per number, the text where it was ---------------------------


def test_a_renumbered_clause_is_one_change_and_its_text_stays_aligned(versions):
    data = redline(diff_roles(*versions, ["ru"]), "Anna Legal", WHEN)
    indents = set()
    for p in body(data).iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(f"{W}val") != "Clause" or p.find(
                f"{W}pPr/{W}rPr/{W}ins") is not None or p.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            continue
        runs = [c for c in p if c.tag in (f"{W}r", f"{W}ins", f"{W}del")]
        head = []
        for r in runs:
            if r.find(f".//{W}tab") is not None:
                break
            head.append(r)
        changes = [r.tag for r in head if r.tag != f"{W}r"]
        assert changes in ([], [f"{W}del", f"{W}ins"]), p.xpath("string()")
        ind = p.find(f"{W}pPr/{W}ind")
        indents.add(None if ind is None else (ind.get(f"{W}left"), ind.get(f"{W}hanging")))
    assert len(indents) == 1  # every clause's text at one place
    [(left, hanging)] = indents
    assert left == hanging  # the number hangs at the margin, its text at the indent


def test_a_summary_in_the_documents_language_comments_the_title(versions):
    data = redline(diff_roles(*versions, ["ru"]), "Anna Legal", WHEN)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
    lines = ["".join(t.text for t in p.iter(f"{W}t")) for p in comments.iter(f"{W}p")]
    assert lines == ["Изменения от версии 1.0 к версии 1.0",
                     "добавлено: 1, изменено: 2, перемещено: 1, удалено: 1, перенумеровано: 22",
                     "22 пункта перенумерованы (2.6 → 2.7, 2.7 → 2.8, 2.8 → 2.9, …)"]
    [comment] = comments.iter(f"{W}comment")
    assert comment.get(f"{W}date") == "2026-11-20T07:00:00Z"
    anchored = [p for p in body(data).iter(f"{W}p") if p.find(f".//{W}commentRangeStart")
                is not None]
    assert [p.xpath("string()") for p in anchored] == [
        "менеджера по работе с ключевыми клиентами"]
