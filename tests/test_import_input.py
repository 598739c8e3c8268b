"""What `jobdocs import` reads: Word's own list numbering, text structure, bad input."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import parse_xml

import jobdocs
from jobdocs.cli import cli
from jobdocs.importer import import_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered_docx(path: Path) -> None:
    """A document numbered by Word: a two-level decimal list "%1." / "%1.%2.", and bullets."""
    d = docx.Document()
    d.add_paragraph("Должностная инструкция менеджера по продажам")
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="1.%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="1.%1.%2."/></w:lvl></w:abstractNum>'))
    numbering.insert(1, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    def item(text: str, num: int, level: int) -> None:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))

    d.add_heading("Общие положения", 1)
    item("Менеджер по продажам относится к категории специалистов.", 90, 0)
    item("Менеджер по продажам должен знать:", 90, 0)
    item("законодательство о торговле;", 90, 1)
    item("ассортимент товаров.", 90, 1)
    item("Менеджер по продажам руководствуется:", 90, 0)
    item("уставом организации;", 91, 0)
    item("настоящей инструкцией.", 91, 0)
    d.add_heading("Должностные обязанности", 1)
    d.add_paragraph("2.1. Принимает заказы клиентов.")
    d.add_paragraph("2.2. Консультирует клиентов в пределах, указанных в п. 2.1 и п. 1.2.1.")
    d.save(str(path))


def test_word_list_numbering_gives_clauses_sub_clauses_and_items(tmp_path):
    source = tmp_path / "sales.docx"
    _numbered_docx(source)

    role = yaml.safe_load(import_document(source, "ru").role_yaml)

    general = role["sections"]["general"]
    assert [c["text"]["ru"] for c in general] == [
        "Менеджер по продажам относится к категории специалистов.",
        "Менеджер по продажам должен знать:", "Менеджер по продажам руководствуется:"]
    assert [c["text"]["ru"] for c in general[1]["clauses"]] == [
        "законодательство о торговле;", "ассортимент товаров."]
    assert [c["text"]["ru"] for c in general[2]["items"]] == [
        "уставом организации;", "настоящей инструкцией."]
    advise = role["sections"]["duties"][1]["text"]["ru"]
    take, law = role["sections"]["duties"][0]["id"], general[1]["clauses"][0]["id"]
    assert advise == (f"Консультирует клиентов в пределах, указанных в п. {{{{ ref('{take}') }}}} "
                      f"и п. {{{{ ref('{law}') }}}}.")


def test_ids_are_kebab_case_latin_unique_and_leave_the_title_out(tmp_path):
    source = tmp_path / "duties.txt"
    source.write_text("Должностная инструкция менеджера по продажам\n1. Общие положения\n"
                      "1.1. Менеджер по продажам относится к категории специалистов.\n"
                      "1.2. Выполняет поручения руководителя.\n"
                      "1.3. Выполняет поручения руководителя.\n", encoding="utf-8")

    role = yaml.safe_load(import_document(source).role_yaml)

    assert role["id"] == "menedzher-po-prodazham"
    assert [c["id"] for c in role["sections"]["general"]] == [
        "otnositsya-kategorii-spetsialistov", "vypolnyaet-porucheniya-rukovoditelya",
        "vypolnyaet-porucheniya-rukovoditelya-2"]


def test_an_unknown_heading_becomes_a_declared_section(tmp_path):
    source = tmp_path / "conditions.md"
    body = "".join(f"## {n}. {heading}\n\n{n}.1. {text}\n\n" for n, (heading, text) in enumerate((
        ("General Provisions", "The Sales Manager is a specialist."),
        ("Working Conditions", "The working day is eight hours."),
        ("Job Duties", "Take orders."), ("Rights", "Receive information."),
        ("Responsibility", "Breach of duties."), ("Evaluation Criteria", "The sales plan.")),
        start=1))
    source.write_text(f"# Job Description: Sales Manager\n\n{body}", encoding="utf-8")

    result = import_document(source)
    role = yaml.safe_load(result.role_yaml)

    assert role["declare_sections"] == {"working-conditions": {
        "heading": {"en": "Working Conditions"}, "after": "general"}}
    assert role["sections"]["working-conditions"][0]["text"] == {
        "en": "The working day is eight hours."}
    assert "declared-section" in [f.rule for f in result.findings]
    written = tmp_path / "sales-manager.yaml"
    written.write_text(result.role_yaml, encoding="utf-8")
    back = jobdocs.resolve(jobdocs.load_role(written), "en")
    assert [(s.number, s.heading) for s in back.sections][:2] == [
        (1, "General Provisions"), (2, "Working Conditions")]


def test_jinja_in_the_source_stays_text(tmp_path):
    source = tmp_path / "braces.txt"
    source.write_text("Job Description: Sales Manager\n1. General Provisions\n"
                      "1.1. Fill in {{ name }} and {% raw %}.\n", encoding="utf-8")

    text = yaml.safe_load(import_document(source).role_yaml)["sections"]["general"][0]["text"]

    assert text["en"] == "Fill in {{ '{{' }} name {{ '}}' }} and {{ '{%' }} raw {{ '%}' }}."


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    files["not-docx"] = tmp_path / "notes.docx"
    files["not-docx"].write_bytes(b"just some text, not a Word file")
    files["corrupt"] = tmp_path / "corrupt.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<broken")
    files["corrupt"].write_bytes(buf.getvalue())
    files["password"] = tmp_path / "locked.docx"
    files["password"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    files["empty"] = tmp_path / "empty.docx"
    docx.Document().save(str(files["empty"]))
    files["encoding"] = tmp_path / "cp1251.txt"
    files["encoding"].write_bytes("1. Общие положения\n".encode("cp1251"))
    files["no-sections"] = tmp_path / "letter.txt"
    files["no-sections"].write_text("Dear colleagues,\nplease see the attachment.\n",
                                    encoding="utf-8")
    files["images"] = tmp_path / "scan.docx"
    d = docx.Document()
    d.add_paragraph().add_run().add_picture(io.BytesIO(_png()))
    d.save(str(files["images"]))
    return files


def _png() -> bytes:
    """A 1x1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


@pytest.mark.parametrize("kind", ["not-docx", "corrupt", "password", "empty", "encoding",
                                  "no-sections", "images"])
def test_bad_input_is_one_line_exit_1_and_nothing_written(kind, tmp_path, runner):
    source = _bad_files(tmp_path)[kind]
    out = tmp_path / "roles"

    result = runner.invoke(cli, ["import", str(source), "-o", str(out)])

    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {source}")
    assert "Traceback" not in result.output
    assert not out.exists() or list(out.iterdir()) == []


def test_cli_writes_the_role_and_the_profile_and_refuses_to_overwrite(tmp_path, runner):
    source = tmp_path / "kam.md"
    source.write_text("**УТВЕРЖДАЮ**\\\nГенеральный директор\\\nООО «Ромашка»\\\n"
                      "________________ И.И. Иванов\\\n22 ноября 2026 г.\n\n"
                      "# Должностная инструкция менеджера по продажам\n\n"
                      "## 1. Общие положения\n\n1.1. Относится к категории специалистов.\n",
                      encoding="utf-8")
    out = tmp_path / "roles"

    first = runner.invoke(cli, ["import", str(source), "-o", str(out)])
    again = runner.invoke(cli, ["import", str(source), "-o", str(out)])

    role = out / "menedzher-po-prodazham.yaml"
    profile = yaml.safe_load((out / "organizations" / "menedzher-po-prodazham.yaml").read_text(
        encoding="utf-8"))
    assert f"{source} -> {role}" in first.output
    assert first.exit_code == 1  # the role lacks rights, responsibility ... : said, not hidden
    assert "error [missing-section]" in first.output
    assert profile["approver"] == {"position": {"ru": "Генеральный директор"},
                                   "name": {"ru": "И.И. Иванов"},
                                   "date": __import__("datetime").date(2026, 11, 22)}
    assert profile["name"] == {"ru": "ООО «Ромашка»"}
    assert again.exit_code == 1 and "exists; give --force" in again.output


def test_translation_needs_one_file(tmp_path, runner):
    result = runner.invoke(cli, ["import", "a.md", "b.md", "--translation", "c.md"])
    assert result.exit_code == 2


def test_a_folder_imports_every_document_in_it(tmp_path, runner):
    folder = tmp_path / "old"
    folder.mkdir()
    for name, title in (("a.txt", "Sales Manager"), ("b.md", "Key Account Manager")):
        (folder / name).write_text(f"Job Description: {title}\n1. General Provisions\n"
                                   "1.1. Belongs to the specialists.\n", encoding="utf-8")
    (folder / "~$a.docx").write_bytes(b"Word's lock file")
    out = tmp_path / "roles"

    result = runner.invoke(cli, ["import", str(folder), "-o", str(out)])

    assert sorted(p.name for p in out.iterdir()) == ["key-account-manager.yaml",
                                                     "sales-manager.yaml"]
    assert result.output.count(" -> ") == 2


def test_in_a_project_the_roles_go_to_its_folder_and_its_house_style_applies(
        tmp_path, runner, monkeypatch):
    (tmp_path / "jobdocs.yaml").write_text(
        "format: 1\nroles: library\nhouse_style:\n  sections:\n    required: [general, duties]\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    seed = Path(__file__).parent / "fixtures" / "seeds" / "002-key-account-manager.ru.txt"

    result = runner.invoke(cli, ["import", str(seed)])

    assert result.exit_code == 0, result.output
    assert (tmp_path / "library" / "menedzher-po-rabote-s-klyuchevymi-klientami.yaml").is_file()
    assert " error " not in result.output


def test_a_word_document_as_offices_write_them(tmp_path):
    """Approval block in a table at the right, with line breaks; headings and clauses
    in one Word multilevel list (1. / 1.1.); the лист ознакомления as a table."""
    d = docx.Document()
    layout = d.add_table(rows=1, cols=2)
    layout.cell(0, 1).text = ("УТВЕРЖДАЮ\nГенеральный директор\nООО «Вектор»\n"
                              "____________ П.П. Сидоров\n«5» марта 2026 г.")
    d.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ")
    d.add_paragraph("05.03.2026 № 7-ДИ")
    d.add_paragraph("менеджера по продажам")
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="80">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="80"><w:abstractNumId w:val="80"/></w:num>'))
    texts = [(0, "Общие положения"), (1, "Менеджер по продажам относится к специалистам."),
             (1, "Подчиняется коммерческому директору."), (0, "Должностные обязанности"),
             (1, "Принимает заказы."), (1, "Ведёт учёт заказов по п. 2.1.")]
    for level, text in texts:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="80"/></w:numPr>'))
    d.add_paragraph("Коммерческий директор ____________ А.А. Петров")
    d.add_paragraph("ЛИСТ ОЗНАКОМЛЕНИЯ")
    sheet = d.add_table(rows=3, cols=5)
    for i, head in enumerate(("№ п/п", "Ф.И.О.", "Должность", "Дата", "Подпись")):
        sheet.cell(0, i).text = head
    source = tmp_path / "sales.docx"
    d.save(str(source))

    result = import_document(source)
    role = yaml.safe_load(result.role_yaml)
    profile = yaml.safe_load(result.profile_yaml)

    assert role["title"]["ru"]["genitive"] == "менеджера по продажам"
    assert list(role["sections"]) == ["general", "duties"]
    duties = role["sections"]["duties"]
    take = duties[0]["id"]
    assert duties[1]["text"]["ru"] == f"Ведёт учёт заказов по п. {{{{ ref('{take}') }}}}."
    assert profile["approver"] == {"position": {"ru": "Генеральный директор"},
                                   "name": {"ru": "П.П. Сидоров"},
                                   "date": __import__("datetime").date(2026, 3, 5)}
    assert profile["name"] == {"ru": "ООО «Вектор»"}
    assert profile["number"] == "7-ДИ"
    assert profile["author"] == {"position": {"ru": "Коммерческий директор"},
                                 "name": {"ru": "А.А. Петров"}}
    assert [f.rule for f in result.findings if f.severity != "info"] == []


@pytest.mark.parametrize("typed", ["1.2.", "1.2", "1.2)", "1.2.)"])
def test_clause_numbers_as_people_type_them(typed, tmp_path):
    source = tmp_path / "typed.txt"
    source.write_text("Job Description: Clerk\n1. General Provisions\n1.1. First.\n"
                      f"{typed} Second.\n1.2.1. Under the second.\n", encoding="utf-8")

    general = yaml.safe_load(import_document(source).role_yaml)["sections"]["general"]

    assert [c["text"]["en"] for c in general] == ["First.", "Second."]
    assert general[1]["clauses"][0]["text"]["en"] == "Under the second."


def test_tracked_changes_read_as_accepted(tmp_path):
    d = docx.Document()
    d.add_paragraph("Job Description: Clerk")
    d.add_paragraph("1. General Provisions")
    p = d.add_paragraph("1.1. The Clerk reports to the ")
    p._p.append(parse_xml(f'<w:ins {W} w:id="1" w:author="HR" w:date="2026-01-01T00:00:00Z">'
                          '<w:r><w:t xml:space="preserve">Head of Sales </w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {W} w:id="2" w:author="HR" w:date="2026-01-01T00:00:00Z">'
                          '<w:r><w:delText xml:space="preserve">Director </w:delText></w:r>'
                          '</w:del>'))
    p.add_run("of the branch.")
    source = tmp_path / "tracked.docx"
    d.save(str(source))

    general = yaml.safe_load(import_document(source).role_yaml)["sections"]["general"]

    assert general[0]["text"]["en"] == "The Clerk reports to the Head of Sales of the branch."


def test_a_section_word_before_the_number(tmp_path):
    source = tmp_path / "sections.txt"
    source.write_text("Должностная инструкция кассира\nРаздел 1. Общие положения\n"
                      "1.1. Кассир относится к категории специалистов.\n"
                      "РАЗДЕЛ II. ПРАВА\n1. Получать информацию.\n", encoding="utf-8")

    role = yaml.safe_load(import_document(source).role_yaml)

    assert {k: len(v) for k, v in role["sections"].items()} == {"general": 1, "rights": 1}
