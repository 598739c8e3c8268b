"""`jobdocs import --into`: a reviewed DOCX back into its role, edited the way Word saves it.

Each document here is the one jobdocs renders, edited in its XML as Word writes an
edited document (word_xml.py): runs split by w:rsid, w:proofErr and smart tags,
bookmarks moved between paragraphs, tracked changes with author and date,
comments. What the tests assert is what a reviewer of the import would check: the
YAML changed where the document changed and nowhere else, the rendered role prints
what the reviewer left, and the review is reported at its clauses.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
import yaml
from roundtrip_project import BUYER, make, rendered
from word_xml import WordDoc

from jobdocs.cli import cli
from jobdocs.resolve import resolve
from jobdocs.roles.library import Library

AUTHOR = "Anna Petrova"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make(tmp_path)


def run(runner, *args):
    return runner.invoke(cli, ["import", *map(str, args)], catch_exceptions=False)


def reviewed(tmp_path: Path, doc: WordDoc, name: str = "reviewed.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(doc.save())
    return path


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def texts(path: Path, lang: str = "ru") -> dict[str, str]:
    doc = resolve(Library([path.parent]).load(path), lang)
    return {c.id: c.text for c in doc.all_clauses()}


def test_an_unchanged_document_changes_nothing(project, tmp_path, runner):
    before = project.read_bytes()
    path = tmp_path / "buyer.ru.docx"
    path.write_bytes(rendered(project))
    result = run(runner, "--into", project, path)
    assert result.exit_code == 0, result.output
    assert "nothing to write" in result.output
    assert project.read_bytes() == before


def test_a_word_edit_changes_that_clause_in_that_language_only(project, tmp_path, runner):
    before = project.read_text(encoding="utf-8")
    doc = WordDoc(rendered(project))
    p = doc.paragraph("control-delivery")
    doc.word_runs(p)
    doc.move_mark_out(p)
    doc.replace(p, "сроки", "сроки и качество", author=AUTHOR)
    for other in ("find-suppliers", "place-orders", "purpose"):
        doc.word_runs(doc.paragraph(other))  # split runs alone change nothing
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    after = project.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-      text: {ru: Контролирует сроки поставки., en: Monitor delivery dates.}",
        "+      text: {ru: Контролирует сроки и качество поставки., en: Monitor delivery "
        "dates.}"]
    # The English text follows the Russian one it was translated from: due now.
    check = runner.invoke(cli, ["validate", str(project), "--format", "json"])
    due = [f for f in json.loads(check.output)["problems"] if f["rule"] == "translation-due"]
    assert [(f["line"], f["message"].split("'")[1]) for f in due] == [
        (after.splitlines().index("      text: {ru: Контролирует сроки и качество поставки., "
                                  "en: Monitor delivery dates.}") + 1, "control-delivery")]
    assert "due for translation: control-delivery (en)" in result.output
    assert f"2.4 control-delivery: deleted, inserted by {AUTHOR}, 2026-11-30 10:15" \
        in result.output


def test_reject_takes_the_tracked_changes_back(project, tmp_path, runner):
    before = project.read_bytes()
    doc = WordDoc(rendered(project))
    doc.replace(doc.paragraph("control-delivery"), "сроки", "сроки и качество", author=AUTHOR)
    doc.delete(doc.paragraph("keep-records"), AUTHOR)
    result = run(runner, "--into", project, reviewed(tmp_path, doc), "--reject")
    assert result.exit_code == 0, result.output
    assert "nothing to write" in result.output
    assert project.read_bytes() == before


def test_tracked_insertion_deletion_and_a_typed_reference(project, tmp_path, runner):
    doc = WordDoc(rendered(project))
    doc.insert_after(doc.paragraph("find-suppliers"), "2.2.\tПроверяет поставщиков, "
                     "найденных по п. 2.1, до переговоров по п. 2.2.", author=AUTHOR)
    doc.delete(doc.paragraph("keep-records"), AUTHOR)
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    duties = data["sections"]["duties"]
    assert [c["id"] for c in duties] == ["find-suppliers", "proveryaet-postavshchikov-naidennykh",
                                         "negotiate", "place-orders", "control-delivery"]
    new = duties[1]["text"]["ru"]
    # «п. 2.1» and «п. 2.2» name the clauses printed with those numbers in her document.
    assert new == ("Проверяет поставщиков, найденных по п. {{ ref('find-suppliers') }}, до "
                   "переговоров по п. {{ ref('negotiate') }}.")
    shown = texts(project)
    assert shown["proveryaet-postavshchikov-naidennykh"] == (
        "Проверяет поставщиков, найденных по п. 2.1, до переговоров по п. 2.3.")
    assert shown["place-orders"].endswith("по п. 2.3.")  # the kept ref() follows
    assert "keep-records" not in shown
    # The new clause has the Russian text in English too, and is due for translation.
    assert duties[1]["text"]["en"] == new and "follows" not in duties[1]


def test_comments_and_tracked_changes_are_reported_at_their_clauses(project, tmp_path, runner):
    doc = WordDoc(rendered(project))
    doc.comment(doc.paragraph("negotiate-prices"), "Уточнить у юриста.", AUTHOR)
    doc.comment(doc.starting("ДОЛЖНОСТНАЯ"), "Номер присвоит канцелярия.", "Ivan Sidorov")
    doc.replace(doc.paragraph("propose"), "руководству", "директору", author="Ivan Sidorov",
                date="2026-12-01T09:00:00Z")
    result = run(runner, "--into", project, reviewed(tmp_path, doc), "--format", "json")
    assert result.exit_code == 0, result.output
    review = json.loads(result.output)["review"]
    comments = [(n["number"], n["clause"], n["author"], n["date"], n["text"])
                for n in review if n["kind"] == "comment"]
    assert comments == [("2.2.1", "negotiate-prices", AUTHOR, "2026-11-30 10:20",
                         "Уточнить у юриста."),
                        ("", "", "Ivan Sidorov", "2026-11-30 10:20",
                         "Номер присвоит канцелярия.")]
    changes = {(n["clause"], n["kind"], n["author"], n["text"]) for n in review
               if n["kind"] != "comment"}
    assert changes == {("propose", "delete", "Ivan Sidorov", "руководству"),
                       ("propose", "insert", "Ivan Sidorov", "директору")}


def test_a_comment_cannot_drive_the_terminal(project, tmp_path, runner):
    doc = WordDoc(rendered(project))
    # XML carries no ESC, but a C1 control sequence (CSI) and a bidi override it does.
    doc.comment(doc.paragraph("propose"), "Красным: \x9b31m\u202eвнимание", AUTHOR)
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    assert "\x9b" not in result.output and "\u202e" not in result.output
    assert "Красным: \\x9b31m\\u202eвнимание" in result.output


def test_template_words_left_alone_stay_template(project, tmp_path, runner):
    doc = WordDoc(rendered(project))
    p = doc.paragraph("qualification")
    doc.word_runs(p)
    doc.replace(p, "высшим образованием", "высшим юридическим или экономическим образованием")
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    text = yaml.safe_load(project.read_text(encoding="utf-8"))["sections"]["general"][1]["text"]
    assert " ".join(text["ru"].split()) == (
        "На должность {{ title.genitive }} назначается лицо с высшим юридическим или "
        "экономическим образованием и опытом работы в закупках не менее "
        "{{ years(vars.experience_years) }}.")


@pytest.mark.parametrize("old, new, source, dropped", [
    # Words around the title: {{ title.genitive }} stays.
    ("обязанности", "обязанности и права старшего",
     "обязанности и права старшего {{ title.genitive }}.", False),
    # The title's own words changed: her words replace it, and the report says so.
    ("закупщика", "специалиста по закупкам", "обязанности специалиста по закупкам.", True),
])
def test_an_expression_stays_while_its_words_do(project, tmp_path, runner, old, new, source,
                                                dropped):
    doc = WordDoc(rendered(project))
    doc.replace(doc.paragraph("purpose"), old, new)
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    text = yaml.safe_load(project.read_text(encoding="utf-8"))["sections"]["general"][0]["text"]
    assert text["ru"] == f"Настоящая инструкция определяет {source}"
    assert ("[template-dropped] clause 'purpose': {{ title.genitive }} is typed words now"
            in result.output) == dropped


@pytest.mark.parametrize("edit, rule", [
    (lambda doc: doc.add_table_after(doc.paragraph("find-suppliers"), "Таблица"),
     "unplaced-table"),
    (lambda doc: doc.replace(doc.starting("ДОЛЖНОСТНАЯ"), "ИНСТРУКЦИЯ", "ИНСТРУКЦИЯ (проект)"),
     "frame-edit"),
])
def test_what_cannot_be_placed_stops_the_import(project, tmp_path, runner, edit, rule):
    before = project.read_bytes()
    doc = WordDoc(rendered(project))
    edit(doc)
    doc.replace(doc.paragraph("control-delivery"), "сроки", "сроки и качество")
    path = reviewed(tmp_path, doc)
    result = run(runner, "--into", project, path)
    assert result.exit_code == 1
    assert f"error [{rule}]" in result.output and "NOT written" in result.output
    assert project.read_bytes() == before
    result = run(runner, "--into", project, path, "--partial")
    assert result.exit_code == 1 and f"error [{rule}]" in result.output
    assert texts(project)["control-delivery"] == "Контролирует сроки и качество поставки."


def test_a_clause_whose_mark_was_lost_is_a_finding(project, tmp_path, runner):
    before = project.read_bytes()
    doc = WordDoc(rendered(project))
    p = doc.paragraph("control-delivery")
    p.remove(p.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                    "bookmarkStart"))
    doc.replace(p, "сроки", "сроки и качество")
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 1
    assert "error [lost-mark]" in result.output and "'control-delivery'" in result.output
    assert project.read_bytes() == before


def test_a_document_rendered_from_another_version_is_refused(project, tmp_path, runner):
    path = tmp_path / "old.docx"
    path.write_bytes(rendered(project))
    project.write_text(project.read_text(encoding="utf-8").replace("Находит", "Ищет"),
                       encoding="utf-8")
    result = run(runner, "--into", project, path)
    assert result.exit_code == 1
    assert "[stale-document]" in result.output or "rendered from content" in result.output


def test_an_edit_of_a_translation_follows_the_reference_text(project, tmp_path, runner):
    doc = WordDoc(rendered(project, "en"))
    doc.replace(doc.paragraph("find-suppliers"), "Find", "Identify")
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    node = yaml.safe_load(project.read_text(encoding="utf-8"))["sections"]["duties"][0]
    from jobdocs.roles.reference import text_hash

    assert node["text"] == {"ru": "Находит поставщиков.", "en": "Identify suppliers."}
    assert node["follows"] == {"en": text_hash("Находит поставщиков.")}


def test_a_document_of_another_role_is_refused(project, tmp_path, runner):
    other = tmp_path / "roles" / "other.yaml"
    other.write_text(BUYER.replace("id: buyer", "id: other"), encoding="utf-8")
    path = tmp_path / "buyer.docx"
    path.write_bytes(rendered(project))
    result = runner.invoke(cli, ["import", "--into", str(other), str(path)])
    assert result.exit_code == 2 and "role 'buyer', not of 'other'" in result.output


SENIOR = """\
# A senior buyer: the buyer with more experience and one duty more.
id: senior-buyer
extends: buyer
version: "1.0"
title:
  ru:
    nominative: старший закупщик
    genitive: старшего закупщика
    dative: старшему закупщику
    accusative: старшего закупщика
    instrumental: старшим закупщиком
    prepositional: старшем закупщике
  en: Senior Buyer
sections:
  duties:
    - id: mentor  # the one thing a senior buyer does on top
      after: keep-records
      text: {ru: Наставляет младших закупщиков., en: Mentor junior buyers.}
"""


@pytest.fixture
def senior(project):
    path = project.parent / "senior-buyer.yaml"
    path.write_text(SENIOR, encoding="utf-8")
    return path


def test_inherited_clauses_change_in_the_derived_role(project, senior, tmp_path, runner):
    parent_before = project.read_bytes()
    doc = WordDoc(rendered(senior))
    doc.replace(doc.paragraph("negotiate-terms"), "сроках", "сроках и объёмах")
    doc.delete(doc.paragraph("control-delivery"), AUTHOR)
    doc.insert_after(doc.paragraph("find-suppliers"), "Оценивает надёжность поставщиков.")
    doc.replace(doc.paragraph("mentor"), "младших", "новых")
    result = run(runner, "--into", senior, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    assert project.read_bytes() == parent_before  # never the parent, unless asked
    data = yaml.safe_load(senior.read_text(encoding="utf-8"))
    assert data["remove"] == ["control-delivery"]
    duties = {c["id"]: c for c in data["sections"]["duties"]}
    assert duties["negotiate"]["clauses"] == [
        {"id": "negotiate-terms", "text": {"ru": "о сроках и объёмах поставки.",
                                           "en": "on delivery terms."},
         "follows": duties["negotiate"]["clauses"][0]["follows"]}]
    assert "text" not in duties["negotiate"]  # a parent listed only to reach its sub-clause
    assert duties["otsenivaet-nadezhnost-postavshchikov"]["after"] == "find-suppliers"
    assert duties["mentor"]["text"]["ru"] == "Наставляет новых закупщиков."
    shown = texts(senior)
    assert list(shown)[list(shown).index("find-suppliers") + 1] == \
        "otsenivaet-nadezhnost-postavshchikov"
    assert "control-delivery" not in shown
    assert "# the one thing a senior buyer does on top" in senior.read_text(encoding="utf-8")


def test_with_parent_an_inherited_text_changes_where_it_is_written(project, senior, tmp_path,
                                                                   runner):
    senior_before = senior.read_bytes()
    doc = WordDoc(rendered(senior))
    doc.replace(doc.paragraph("find-suppliers"), "Находит", "Ищет и находит")
    result = run(runner, "--into", senior, reviewed(tmp_path, doc), "--parent")
    assert result.exit_code == 0, result.output
    assert senior.read_bytes() == senior_before
    assert "{ru: Ищет и находит поставщиков., en: Find suppliers.}" in \
        project.read_text(encoding="utf-8")


def swap(text: str, old: str, new: str) -> str:
    """Return `text` with `old` replaced, which it must hold."""
    assert old in text, old
    return text.replace(old, new, 1)


def edited_buyer() -> str:
    """The buyer, a version later: a duty reworded, one added, one removed, a right moved,
    a sub-clause added."""
    text = swap(BUYER, "Контролирует сроки поставки.", "Контролирует сроки и качество поставки.")
    text = swap(text, """    - id: keep-records
      text: {ru: Ведёт учёт договоров., en: Keep records of contracts.}
""", "")
    text = swap(text, """    - id: negotiate
""", """    - id: approve-suppliers
      text: {ru: Согласует выбор поставщика., en: Agree the choice of supplier.}
    - id: negotiate
""")
    text = swap(text, """        - id: negotiate-terms
          text: {ru: о сроках поставки., en: on delivery terms.}
""", """        - id: negotiate-terms
          text: {ru: о сроках поставки;, en: on delivery terms;}
        - id: negotiate-volumes
          text: {ru: об объёмах поставки., en: on delivery volumes.}
""")
    right = """    - id: propose
      text: {ru: Вносить предложения руководству., en: Make proposals to management.}
"""
    text = swap(text, right, "")
    return swap(text, "  rights:\n", "  rights:\n" + right)


@pytest.mark.parametrize("reject", [False, True])
def test_a_jobdocs_redline_round_trips(project, tmp_path, runner, reject):
    new = make(tmp_path / "new", edited_buyer())
    redline = tmp_path / "redline.docx"
    made = runner.invoke(cli, ["diff", str(project), str(new), "-l", "ru", "-f", "docx", "-o",
                               str(redline)])
    assert made.exit_code == 1 and redline.exists(), made.output  # 1: the versions differ
    before = project.read_bytes()
    result = run(runner, "--into", project, redline, *(["--reject"] if reject else []))
    assert result.exit_code == 0, result.output
    if reject:  # the old version: nothing to change
        assert "nothing to write" in result.output and project.read_bytes() == before
        return
    # Accepted: the new version's clauses, ids and texts, in its order.
    assert list(texts(project).items()) == list(texts(new).items())


def test_a_move_word_tracked_and_a_merge(project, tmp_path, runner):
    doc = WordDoc(rendered(project))
    doc.move_after(doc.paragraph("find-suppliers"), doc.paragraph("control-delivery"), AUTHOR)
    # Two paragraphs made one: the Enter between them deleted, untracked.
    first, second = doc.paragraph("request-information"), doc.paragraph("propose")
    for child in list(second):
        if child.tag != "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pPr":
            first.append(child)
    second.getparent().remove(second)
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    assert [c["id"] for c in data["sections"]["duties"]] == [
        "negotiate", "place-orders", "control-delivery", "find-suppliers", "keep-records"]
    assert [c["id"] for c in data["sections"]["rights"]] == ["request-information"]
    assert data["sections"]["rights"][0]["text"]["ru"] == (
        "Запрашивать информацию у подразделений.3.2.\tВносить предложения руководству."
        .replace("\t", " "))
    assert "removed  3.2 propose (merged into 'request-information')" in result.output


def test_a_document_without_marks_is_placed_by_number_and_text(project, tmp_path, runner):
    doc = WordDoc(rendered(project))
    for mark in list(doc.root.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart",
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkEnd")):
        mark.getparent().remove(mark)
    doc.replace(doc.starting("2.4."), "сроки", "сроки и качество", author=AUTHOR)
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    assert texts(project)["control-delivery"] == "Контролирует сроки и качество поставки."
    assert [line for line in result.output.splitlines() if line.startswith("  changed")] == [
        "  changed  2.4 control-delivery: «Контролирует сроки и качество поставки.»"]


def test_the_heading_of_a_section_the_role_declares(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = BUYER.replace("sections:\n", """declare_sections:
  conditions:
    heading: {ru: Условия работы, en: Working conditions}
    after: evaluation
sections:
  conditions:
    - id: office
      text: {ru: Работа в офисе., en: Office work.}
""", 1)
    path = make(tmp_path, text)
    doc = WordDoc(rendered(path))
    doc.replace(doc.starting("6. Условия"), "Условия работы", "Условия труда")
    result = run(runner, "--into", path, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    declared = yaml.safe_load(path.read_text(encoding="utf-8"))["declare_sections"]
    assert declared["conditions"]["heading"] == {"ru": "Условия труда",
                                                 "en": "Working conditions"}


def test_clauses_printed_with_bullets_keep_what_they_are(project, tmp_path, runner):
    """A frame may print a section's clauses as a bulleted list: marked paragraphs stay
    clauses (and sub-clauses) whatever mark they print with."""
    doc = WordDoc(rendered(project))
    for cid in ("find-suppliers", "negotiate", "negotiate-prices", "place-orders"):
        number = doc.paragraph(cid).find(".//{http://schemas.openxmlformats.org/"
                                         "wordprocessingml/2006/main}t")
        number.text = "•"
    doc.replace(doc.paragraph("control-delivery"), "сроки", "сроки и качество")
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.output.splitlines()[1:]
            if line.startswith("  ") and not line.startswith("   ")] == ["changed", "due"]
    assert texts(project)["control-delivery"] == "Контролирует сроки и качество поставки."


def test_a_document_jobdocs_did_not_render_is_refused(project, tmp_path, runner):
    import docx

    document = docx.Document()
    document.add_heading("1. Общие положения", 1)
    document.add_paragraph("1.1. Настоящая инструкция определяет обязанности закупщика.")
    path = tmp_path / "theirs.docx"
    document.save(path)
    result = runner.invoke(cli, ["import", "--into", str(project), str(path)])
    assert result.exit_code == 1
    assert "was not rendered by jobdocs" in result.output and "jobdocs import" in result.output


def test_a_clause_the_document_does_not_show_keeps_its_place(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = swap(BUYER, "reference: ru  # legal reviews the Russian text\n",
                "reference: ru\nlaw: {ru: [ru], de: [en]}\n")
    text = swap(text, """    - id: negotiate
""", """    - id: works-council
      law: [de]
      text: {en: Consult the works council.}
    - id: negotiate
""")
    path = make(tmp_path, text)
    doc = WordDoc(rendered(path))
    doc.move_after(doc.paragraph("find-suppliers"), doc.paragraph("place-orders"), AUTHOR)
    result = run(runner, "--into", path, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    duties = [c["id"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))["sections"][
        "duties"]]
    # Held under German law only, it is not in the Russian document: it stays after the
    # clause it followed.
    assert duties == ["negotiate", "place-orders", "find-suppliers", "works-council",
                      "control-delivery", "keep-records"]


def test_a_role_file_saved_meanwhile_is_not_overwritten(project, tmp_path, monkeypatch):
    from jobdocs.errors import JobdocsError
    from jobdocs.roundtrip import import_into, into

    doc = WordDoc(rendered(project))
    doc.replace(doc.paragraph("control-delivery"), "сроки", "сроки и качество")
    path = reviewed(tmp_path, doc)
    check = into.verify

    def serve_saves_meanwhile(*args):  # another program saves while the import checks
        project.write_text(project.read_text(encoding="utf-8") + "# saved by serve\n",
                           encoding="utf-8")
        return check(*args)

    monkeypatch.setattr(into, "verify", serve_saves_meanwhile)
    with pytest.raises(JobdocsError, match="changed while the review was imported"):
        import_into(project, path, library=Library([project.parent]))
    assert project.read_text(encoding="utf-8").endswith("# saved by serve\n")
    assert "сроки и качество" not in project.read_text(encoding="utf-8")


def test_a_new_item_and_a_new_sub_clause_by_their_style(project, tmp_path, runner):
    doc = WordDoc(rendered(project))
    doc.insert_after(doc.paragraph("know-law"), "–\tпорядок проведения тендеров;",
                     style="ClauseItem", author=AUTHOR)
    doc.insert_after(doc.paragraph("negotiate-terms"), "об условиях оплаты.", style="Clause2")
    result = run(runner, "--into", project, reviewed(tmp_path, doc))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    items = data["sections"]["general"][2]["items"]
    assert [i["text"]["ru"] for i in items] == [
        "законодательство о закупках;", "порядок проведения тендеров;", "рынок поставщиков."]
    subs = data["sections"]["duties"][1]["clauses"]
    assert [c["text"]["ru"] for c in subs] == ["о ценах;", "о сроках поставки.",
                                               "об условиях оплаты."]
    assert texts(project)[subs[2]["id"]] == "об условиях оплаты."


def test_a_language_the_role_lacks_is_worded_as_everywhere(project, tmp_path, runner):
    path = tmp_path / "buyer.docx"
    path.write_bytes(rendered(project))
    result = runner.invoke(cli, ["import", "--into", str(project), str(path), "-l", "de"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: {path}: role 'buyer' is written in ru, en, not 'de'; give --lang")
