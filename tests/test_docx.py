"""The DOCX job description, read the way Word shows it: styles, texts, tables, pages."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt
from markdown_it import MarkdownIt

from jobdocs import JobdocsError, JobdocsWarning, list_roles, load_role, render_document, resolve
from jobdocs.config.organization import Organization, Person
from jobdocs.render.docx import styles as docx_styles
from jobdocs.render.docx.page import default_reference

ROOT = Path(__file__).parent.parent
SHIPPED = [(entry.id, lang) for entry in list_roles() for lang in entry.languages]
ROMASHKA = Organization(
    name={"ru": "ООО «Ромашка»", "en": "Romashka LLC"},
    place={"ru": "г. Москва", "en": "Moscow"},
    approver=Person({"ru": "Генеральный директор", "en": "General Director"},
                    {"ru": "И.И. Иванов", "en": "I.I. Ivanov"}, dt.date(2026, 11, 22)),
    author=Person({"ru": "Коммерческий директор"}, {"ru": "А.А. Петров"}),
    agreements=(Person({"ru": "Начальник юридического отдела"}, {"ru": "А.С. Орлов"}),
                Person({"ru": "Начальник отдела кадров"}, {"ru": "Е.В. Смирнова"})),
    number="15-ДИ", date=dt.date(2026, 11, 22), acknowledgement_rows=3,
    locale={"en": "en_GB"}, law="ru")


def document(role: str = "key-account-manager", lang: str = "ru", org: Organization | None = None,
             reference: Path | None = None):
    doc = resolve(load_role(role), lang, org)
    return doc, docx.Document(io.BytesIO(render_document(doc, "docx", reference)))


def body_paragraphs(d) -> list:
    """Return every paragraph of the body in reading order (python-docx's
    `document.paragraphs`: no table holds a heading or a clause)."""
    return list(d.paragraphs)


def block_paragraphs(d) -> list:
    """Return every non-empty paragraph of the body and of its borderless tables (the
    approval, date line and signatures), in reading order; not the sheet's cells."""
    from docx.text.paragraph import Paragraph

    found = []
    for element in d.element.body.iterchildren():
        if element.tag == qn("w:p"):
            found.append(Paragraph(element, d._body))
        elif element.tag == qn("w:tbl") and not element.xpath("./w:tblPr/w:tblStyle"):
            found += [Paragraph(p, d._body) for p in element.iter(qn("w:p"))
                      if "".join(p.itertext()).strip()]
    return found


def sheet_table(d):
    """Return the acknowledgement sheet's table."""
    [table] = [t for t in d.tables if t._tbl.xpath("./w:tblPr/w:tblStyle")]
    return table


def paragraphs(d) -> list[tuple[str, str]]:
    """Return (style, text) of every body and block paragraph with text, in reading order,
    with no-break spaces read as spaces (tests/test_typography.py checks where they go)."""
    return [(p.style.name, p.text.replace("\u00a0", " ")) for p in block_paragraphs(d)
            if p.text]


def styled(d, style: str) -> list[str]:
    return [text for name, text in paragraphs(d) if name == style]


def mm(*lengths) -> list[int]:
    """Return lengths in whole millimetres (Word stores them in twentieths of a point)."""
    return [round(length.mm) for length in lengths]


def cm(length) -> float:
    return round(length.cm, 2)


def markdown_blocks(markdown: str) -> list[str]:
    """Return the plain text of every heading, paragraph and list item of Markdown, in order."""
    blocks = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline" and token.children is not None:
            text = "".join(c.content if c.type in ("text", "code_inline") else
                           "\n" if c.type == "hardbreak" else " " if c.type == "softbreak" else ""
                           for c in token.children)
            blocks.append(text)
    return blocks


def markdown_body(role: str, lang: str, org: Organization | None = None) -> dict[str, list[str]]:
    """Return the section headings, clauses and items the Markdown writer prints."""
    md = render_document(resolve(load_role(role), lang, org), "md").decode()
    blocks = markdown_blocks(md)
    tokens = MarkdownIt("commonmark").parse(md)
    items = [t for i, t in enumerate(tokens) if t.type == "inline"
             and tokens[i - 2].type == "list_item_open"]
    return {
        "headings": [b for b in blocks if re.match(r"\d+\. \S", b)],
        "clauses": [b for b in blocks if re.match(r"\d+\.\d+\. ", b)],
        "items": [markdown_blocks(t.content)[0] for t in items],
    }


@pytest.fixture(scope="module")
def kam_ru():
    return document()


@pytest.fixture(scope="module")
def kam_en():
    return document(lang="en")


# What a reader sees, top to bottom.

def test_page_one_opens_with_the_approval_block_then_the_heading(kam_ru):
    doc, d = kam_ru
    assert paragraphs(d)[:10] == [
        ("Approval Title", "УТВЕРЖДАЮ"), ("Approval Caption", "(должность)"),
        ("Approval Caption", "(наименование организации)"),
        ("Approval Caption", "(подпись)"), ("Approval Caption", "(расшифровка подписи)"),
        ("Approval Date", "«__» __________ 20__ г."),
        ("Heading Blank Caption", "(наименование организации)"),
        ("Document Type", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"),
        ("Document Date", "«__» __________ 20__ г."), ("Document Date Number", "№ ________"),
    ]
    # Every blank is a ruled line over its caption, in a table that follows the page.
    lines = [p for p in d.element.body.iter(qn("w:p")) if p.style in ("ApprovalLine",
                                                                      "HeadingBlank")]
    assert len(lines) == 6 and all(not "".join(p.itertext()) for p in lines)
    assert styled(d, "Document Title") == ["менеджера по работе с ключевыми клиентами"]


def test_english_uses_english_conventions(kam_en):
    _, d = kam_en
    texts = [text for _, text in paragraphs(d)]
    assert texts[0] == "APPROVED"
    assert styled(d, "Document Type") == ["JOB DESCRIPTION"]
    assert styled(d, "Document Title") == ["Key Account Manager"]
    assert styled(d, "Acknowledgement") == [
        "I have read this job description and received one copy:"]
    assert styled(d, "Sheet Title") == ["ACKNOWLEDGEMENT SHEET"]


@pytest.mark.parametrize("role,lang", SHIPPED)
def test_sections_clauses_and_items_are_the_markdown_ones(role, lang):
    doc, d = document(role, lang)
    md = markdown_body(role, lang)
    assert styled(d, "Heading 1") == md["headings"]
    assert [t.replace("\t", " ") for t in styled(d, "Clause")] == md["clauses"]
    assert [t.removeprefix("–\t") for t in styled(d, "Clause Item")] == md["items"]
    assert len(md["clauses"]) == len(doc.clauses())


def test_intro_sentences_stand_under_their_headings(kam_ru):
    doc, d = kam_ru
    body = paragraphs(d)
    duties = body.index(("Heading 1", "2. Должностные обязанности"))
    assert body[duties + 1] == (
        "Body Text", "Менеджер по работе с ключевыми клиентами выполняет следующие "
        "должностные обязанности:")
    assert body[duties + 2][1].startswith("2.1.\t")


def test_signatures_agreements_and_acknowledgement_with_an_organization():
    doc, d = document(org=ROMASHKA)
    body = paragraphs(d)
    assert body[:6] == [
        ("Approval Title", "УТВЕРЖДАЮ"), ("Approval", "Генеральный директор"),
        ("Approval", "ООО «Ромашка»"), ("Approval Caption", "(подпись)"),
        ("Approval Name", "И.И. Иванов"), ("Approval Date", "22 ноября 2026 г.")]
    assert styled(d, "Organization") == ["ООО «Ромашка»"]
    assert styled(d, "Document Date") == ["22 ноября 2026 г."]
    assert styled(d, "Document Date Number") == ["№ 15-ДИ"]
    assert styled(d, "Place") == ["г. Москва"]
    tail = body[body.index(("Signature Title", "Коммерческий директор")):]
    # A row each: position (or СОГЛАСОВАНО and position) and date; line; name.
    assert [text for _, text in tail] == [
        "Коммерческий директор", "«__» __________ 20__ г.", "(подпись)", "А.А. Петров",
        "СОГЛАСОВАНО", "Начальник юридического отдела", "«__» __________ 20__ г.",
        "(подпись)", "А.С. Орлов",
        "СОГЛАСОВАНО", "Начальник отдела кадров", "«__» __________ 20__ г.",
        "(подпись)", "Е.В. Смирнова",
        "С должностной инструкцией ознакомлен(а), один экземпляр получил(а):",
        "«__» __________ 20__ г.", "(подпись)", "(расшифровка подписи)",
        "ЛИСТ ОЗНАКОМЛЕНИЯ", "с должностной инструкцией менеджера по работе с ключевыми клиентами",
        "от 22 ноября 2026 г. № 15-ДИ",
    ]
    table = sheet_table(d)
    assert len(table.rows) == 1 + 3


def test_acknowledgement_sheet_table(kam_ru):
    doc, d = kam_ru
    table = sheet_table(d)
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["№ п/п", "Ф.И.О.", "Должность", "Дата ознакомления", "Подпись"]
    assert cells[1:] == [[str(n), "", "", "", ""] for n in range(1, doc.acknowledgement_rows + 1)]
    assert table.style.name == "Acknowledgement Table"
    assert table.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    # The widths are shares of the text width, so the table follows a margin changed in Word.
    assert table._tbl.xpath("./w:tblPr/w:tblW/@w:type") == ["pct"]
    assert table._tbl.xpath("./w:tblPr/w:tblW/@w:w") == ["5000"]
    grid = [int(w) for w in table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
    assert abs(Emu(sum(grid) * 635).cm - 18) < 0.05


def test_every_paragraph_has_a_named_jobdocs_style(kam_ru):
    _, d = kam_ru
    names = {s.name for s in docx_styles.styles(18)}
    used = {p.style.name for p in body_paragraphs(d)}
    used |= {p.style.name for t in d.tables for c in t._cells for p in c.paragraphs}
    assert used <= names and "Normal" not in used


# Styles and page.

def test_page_is_a4_with_gost_margins_and_numbers_from_page_two(kam_ru):
    doc, d = kam_ru
    [section] = d.sections
    assert mm(section.page_width, section.page_height) == [210, 297]
    assert mm(section.left_margin, section.right_margin, section.top_margin,
              section.bottom_margin) == [20, 10, 20, 20]
    assert section.different_first_page_header_footer
    assert 'w:instr=" PAGE "' in section.header._element.xml
    assert section.header.paragraphs[0].alignment is None  # centred by its style
    assert section.header.paragraphs[0].style.name == "Header"
    assert "PAGE" not in section.first_page_header._element.xml


def test_every_page_carries_role_version_and_content_hash(kam_ru, kam_en):
    for (doc, d), words in ((kam_ru, "Роль {}, версия {}, содержимое {}"),
                            (kam_en, "Role {}, version {}, content {}")):
        trace = words.format(doc.role_id, doc.role_version, doc.content_hash)
        section = d.sections[0]
        assert [p.text for p in section.footer.paragraphs] == [trace]
        assert [p.text for p in section.first_page_footer.paragraphs] == [trace]


def test_styles_follow_gost(kam_ru):
    _, d = kam_ru
    styles = d.styles
    assert styles["Normal"].font.size == Pt(14)
    assert cm(styles["Body Text"].paragraph_format.first_line_indent) == 1.25
    clause = styles["Clause"].paragraph_format
    assert cm(clause.first_line_indent) == -cm(clause.left_indent) == -1.25
    approval = styles["Approval"].paragraph_format
    assert approval.alignment == 0  # left-aligned inside the block, not centred
    [block] = [t for t in d.tables if "УТВЕРЖДАЮ" in t.cell(0, 0).text]
    assert block._tbl.xpath("./w:tblPr/w:jc/@w:val") == ["right"]  # a right-hand block ...
    assert block._tbl.xpath("./w:tblPr/w:tblW/@w:w") == [str(round(8 / 18 * 5000))]  # 8 cm
    assert "Times New Roman" in styles.element.xml


def test_language_and_core_properties():
    doc, d = document(org=ROMASHKA)
    props = d.core_properties
    assert props.title == "Должностная инструкция менеджера по работе с ключевыми клиентами"
    assert props.subject == "Менеджер по работе с ключевыми клиентами"
    assert props.language == "ru-RU"
    assert props.revision == 2 and props.version == "2.0"
    assert props.created == props.modified == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    assert doc.content_hash in props.identifier
    assert '<w:lang w:val="ru-RU"' in d.styles.element.xml
    _, en = document(lang="en", org=ROMASHKA)
    assert en.core_properties.language == "en-GB"
    _, plain_en = document(lang="en")
    assert '<w:lang w:val="en-GB"' in plain_en.styles.element.xml


# Bytes: the same inputs, the same file.

def test_two_renders_are_byte_identical():
    doc = resolve(load_role("key-account-manager"), "ru", ROMASHKA)
    first = render_document(doc, "docx")
    assert render_document(doc, "docx") == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"


def test_undated_documents_say_no_date_rather_than_invent_one(kam_ru):
    _, d = kam_ru
    assert d.core_properties.created is None and d.core_properties.modified is None


def test_shipped_reference_is_what_the_script_makes():
    spec = importlib.util.spec_from_file_location("make_reference_docx",
                                                  ROOT / "tools" / "make_reference_docx.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    from jobdocs.render.docx.package import save

    assert save(script.make()) == default_reference().read_bytes(), (
        "run: python tools/make_reference_docx.py")


# The reference document.

@pytest.fixture
def letterhead(tmp_path) -> Path:
    """A company's reference document: its own margins, font and header, none of our styles."""
    ref = docx.Document()
    section = ref.sections[0]
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    ref.styles["Normal"].font.name = "Arial"
    ref.styles["Normal"].font.size = Pt(12)
    section.header.paragraphs[0].text = "ООО «Ромашка» · бланк"
    ref.add_paragraph("body text of the reference is dropped")
    path = tmp_path / "letterhead.docx"
    ref.save(str(path))
    return path


def test_reference_doc_gives_margins_fonts_and_letterhead(letterhead):
    doc, d = document(reference=letterhead)
    section = d.sections[0]
    assert mm(section.left_margin, section.right_margin) == [30, 15]
    assert d.styles["Normal"].font.name == "Arial"
    assert d.styles["Normal"].font.size == Pt(12)
    header = section.header._element.xml
    assert "ООО «Ромашка» · бланк" in header and 'w:instr=" PAGE "' in header
    width = Emu(section.page_width - section.left_margin - section.right_margin).cm
    [block] = [t for t in d.tables if "УТВЕРЖДАЮ" in t.cell(0, 0).text]
    assert block._tbl.xpath("./w:tblPr/w:tblW/@w:w") == [str(round(8 / width * 5000))]
    texts = [text for _, text in paragraphs(d)]
    assert "body text of the reference is dropped" not in texts
    assert texts[0] == "УТВЕРЖДАЮ"


def png(width: int = 4, height: int = 2) -> bytes:
    """Return a small grey PNG: a logo."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0,
                                                              0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_letterhead_logo_stays_on_page_one(tmp_path):
    ref = docx.Document()
    ref.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(png()), width=Cm(3))
    path = tmp_path / "logo.docx"
    ref.save(str(path))
    _, d = document(reference=path)
    section = d.sections[0]
    for header in (section.header, section.first_page_header):
        [blip] = header._element.xpath(".//a:blip")
        r_id = blip.get(qn("r:embed"))
        assert header.part.related_parts[r_id].blob.startswith(b"\x89PNG")
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_reference_doc_keeps_a_page_number_it_has(tmp_path):
    ref = docx.Document(str(default_reference()))
    section = ref.sections[0]
    from jobdocs.render.docx.ooxml import page_number

    page_number(section.footer.paragraphs[0])
    path = tmp_path / "numbered-footer.docx"
    ref.save(str(path))
    _, d = document(reference=path)
    xml = d.sections[0].header._element.xml + d.sections[0].footer._element.xml
    assert xml.count('w:instr=" PAGE "') == 1


def test_reference_doc_that_is_not_a_docx_fails_in_one_line(tmp_path):
    bad = tmp_path / "styles.docx"
    bad.write_text("not a zip")
    doc = resolve(load_role("key-account-manager"), "ru")
    with pytest.raises(JobdocsError, match=r"styles\.docx: not a Word document"):
        render_document(doc, "docx", bad)


# Text from a role is text.

def test_role_text_never_becomes_markup_fields_or_layout(write_role):
    role = write_role(**{"Take orders.": '"Take <w:b/> & {PAGE} \\t tab \\x01 now."'})
    doc = resolve(load_role(str(role)), "en")
    with pytest.warns(JobdocsWarning, match="U\\+0001"):  # XML cannot hold it: said, dropped
        data = render_document(doc, "docx")
    d = docx.Document(io.BytesIO(data))
    assert styled(d, "Clause")[1] == "2.1.\tTake <w:b/> & {PAGE} tab  now."  # no tab, no \x01
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fields = sum(z.read(n).count(b"PAGE ") for n in z.namelist())
    assert fields == 1  # the page number in the header, nothing else


def test_signatories_that_xml_cannot_hold_are_said_in_every_document():
    # Signature tables are copied from a document's before: a bad character still warns.
    org = Organization(approver=Person(position={"*": "Директор"}, name={"*": "И. Иванов\x01"}),
                       author=Person(position={"*": "Менеджер\x02"}, name={"*": "П. Петров"}))
    doc = resolve(load_role("key-account-manager"), "ru", org)
    written = []
    for _ in range(2):
        with pytest.warns(JobdocsWarning, match="U\\+0001, U\\+0002"):
            written.append(render_document(doc, "docx"))
    assert written[0] == written[1]


# The command line.

def test_render_md_and_docx_together(invoke, tmp_path):
    result = invoke("render", "key-account-manager", "--lang", "ru", "--format", "md",
                    "--format", "docx", "-o", str(tmp_path))
    assert result.output.split() == [str(tmp_path / "key-account-manager.ru.md"),
                                     str(tmp_path / "key-account-manager.ru.docx")]
    d = docx.Document(str(tmp_path / "key-account-manager.ru.docx"))
    assert styled(d, "Document Type") == ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"]


def test_render_with_reference_doc(invoke, tmp_path, letterhead):
    invoke("render", "key-account-manager", "--lang", "en", "--format", "docx",
           "--reference-doc", str(letterhead), "-o", str(tmp_path))
    d = docx.Document(str(tmp_path / "key-account-manager.en.docx"))
    assert mm(d.sections[0].left_margin) == [30]


def test_missing_reference_doc_is_wrong_usage(runner, tmp_path):
    result = runner.invoke(__import__("jobdocs.cli").cli.cli, [
        "render", "key-account-manager", "--format", "docx", "--reference-doc",
        str(tmp_path / "nope.docx"), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "nope.docx" in result.output


def test_bad_reference_doc_exits_1_and_writes_nothing(runner, tmp_path):
    from jobdocs.cli import cli

    bad = tmp_path / "bad.docx"
    bad.write_text("plain text")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["render", "key-account-manager", "--format", "docx",
                                 "--reference-doc", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "not a Word document" in result.output
    assert not out.exists()


def test_cli_start_up_does_not_import_python_docx():
    code = "import sys, jobdocs.cli; print('docx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
