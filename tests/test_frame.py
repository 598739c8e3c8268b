"""The document frame is resolved once, into the Document; the writers only lay it out."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from test_docx import block_paragraphs as body_paragraphs

from jobdocs import load_role, render_document, resolve
from jobdocs.config.profile import load_organization

ROOT = Path(__file__).parent.parent
ROMASHKA = ROOT / "examples" / "romashka" / "organization.yaml"


def test_the_frame_holds_every_word_translated_and_dated():
    doc = resolve(load_role("key-account-manager"), "ru", load_organization(ROMASHKA))
    frame = doc.frame
    assert frame.approval.title == "УТВЕРЖДАЮ"
    assert [line.text for line in frame.approval.lines] == ["Генеральный директор",
                                                            "ООО «Ромашка»"]
    assert frame.approval.name == "И.И. Иванов"
    assert frame.approval.date.startswith("22 ноября 2026")
    assert frame.heading.kind == "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"
    assert frame.heading.number == "№ 16-ДИ"  # from examples/romashka/numbers.yaml
    assert [b.title for b in frame.agreements] == ["СОГЛАСОВАНО", "СОГЛАСОВАНО"]
    assert frame.sheet.columns[0] == "№ п/п" and len(frame.sheet.rows) == 12


def test_blanks_carry_their_captions():
    frame = resolve(load_role("key-account-manager"), "en").frame
    assert [(line.text, line.caption) for line in frame.approval.lines] == [
        ("", "(position)"), ("", "(organization)")]
    assert frame.approval.name == "" and frame.approval.name_caption == "(full name)"


def test_writers_print_the_frame_they_are_given():
    """A changed frame word shows in both writers: neither translates on its own."""
    doc = resolve(load_role("key-account-manager"), "ru")
    frame = doc.frame
    changed = type(doc)(**{**doc.__dict__, "frame": type(frame)(**{
        **frame.__dict__,
        "approval": type(frame.approval)(**{**frame.approval.__dict__, "title": "УТВЕРЖДЕНО"}),
        "sheet": type(frame.sheet)(**{**frame.sheet.__dict__, "title": "ЛИСТ"}),
    })})
    md = render_document(changed, "md").decode()
    assert "**УТВЕРЖДЕНО**" in md and "## ЛИСТ\n" in md and "УТВЕРЖДАЮ" not in md
    d = docx.Document(io.BytesIO(render_document(changed, "docx")))
    texts = [p.text for p in body_paragraphs(d)]
    assert texts[0] == "УТВЕРЖДЕНО" and "ЛИСТ" in texts and "УТВЕРЖДАЮ" not in texts


def test_no_translation_calls_in_the_writers():
    sources = [ROOT / "jobdocs" / "render" / "docx" / "writer.py",
               ROOT / "jobdocs" / "render" / "markdown.py",
               ROOT / "templates" / "markdown" / "document.md.j2"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(gettext|pgettext|i18n|_)\(", text), path
