"""The Markdown job description reads as a finished document."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from jobdocs import load_role, render_document, resolve
from jobdocs.render.markdown import escape

GOLDEN = Path(__file__).parent / "golden"
SHIPPED = ["key-account-manager", "client-manager", "corporate-client-manager"]


def markdown(role: str, lang: str) -> str:
    return render_document(resolve(load_role(role), lang), "md").decode()


@pytest.fixture(scope="module")
def kam_ru() -> str:
    return markdown("key-account-manager", "ru")


@pytest.fixture(scope="module")
def kam_en() -> str:
    return markdown("key-account-manager", "en")


def test_russian_heading_has_the_genitive_title(kam_ru):
    assert "# Должностная инструкция менеджера по работе с ключевыми клиентами\n" in kam_ru


def test_every_section_of_the_seed_in_order(kam_ru, kam_en):
    assert re.findall(r"^## \d\. .*", kam_ru, re.M) == [
        "## 1. Общие положения", "## 2. Должностные обязанности", "## 3. Права",
        "## 4. Ответственность", "## 5. Критерии оценки работы",
        "## 6. Взаимоотношения (связи по должности)", "## 7. Заключительные положения"]
    assert re.findall(r"^## \d\. .*", kam_en, re.M) == [
        "## 1. General Provisions", "## 2. Job Duties", "## 3. Rights", "## 4. Responsibility",
        "## 5. Performance Evaluation Criteria", "## 6. Working Relationships",
        "## 7. Final Provisions"]


def test_twenty_nine_duties_numbered_without_gaps(kam_ru):
    numbers = re.findall(r"^2\.(\d+)\. ", kam_ru, re.M)
    assert numbers == [str(n) for n in range(1, 30)]


def test_the_seeds_dangling_clause_reference_is_resolved(kam_ru, kam_en):
    advise = re.search(r"^(2\.\d+)\. При необходимости консультирует клиента", kam_ru, re.M)
    assert advise is not None
    assert f"В рамках условий, указанных в пункте {advise.group(1)}," in kam_ru
    assert f"Within the terms of clause {advise.group(1)}," in kam_en


def test_must_know_list_stands_under_its_clause(kam_ru):
    block = kam_ru.split("должен знать:\n\n", 1)[1].split("\n\n", 1)[0]
    items = block.splitlines()
    assert len(items) == 9
    assert all(line.startswith("- ") for line in items)
    assert items[-1].endswith(".") and items[0].endswith(";")


def test_approval_block_with_blanks(kam_ru, kam_en):
    assert kam_ru.split("\n\n")[1] == (
        "**УТВЕРЖДАЮ**\\\n________________ (должность)\\\n"
        "________________ (наименование организации)\\\n"
        "________________ (подпись) ________________ (расшифровка подписи)\\\n"
        "«\\_\\_» __________ 20\\_\\_ г.")
    assert kam_en.split("\n\n")[1].startswith("**APPROVED**\\\n")


def test_acknowledgement_sentence_and_sheet(kam_ru):
    assert "С должностной инструкцией ознакомлен(а), один экземпляр получил(а):" in kam_ru
    table = kam_ru.split("## ЛИСТ ОЗНАКОМЛЕНИЯ", 1)[1]
    assert "| № п/п | Ф.И.О. | Должность | Дата ознакомления | Подпись |" in table
    assert re.findall(r"^\| (\d+) \|", table, re.M) == [str(n) for n in range(1, 9)]


def test_author_signature_before_acknowledgement(kam_ru):
    author = kam_ru.index("Руководитель структурного подразделения\\\n")
    assert author < kam_ru.index("С должностной инструкцией ознакомлен(а)")


def test_markdown_renders_as_intended(kam_ru):
    html = MarkdownIt("commonmark").enable("table").render(kam_ru)
    assert html.count("<h2>") == 8  # seven sections and the acknowledgement sheet
    assert "<strong>УТВЕРЖДАЮ</strong><br />" in html
    assert "«__» __________ 20__ г." in html  # the blank date, not emphasis
    assert "<em>" not in html
    assert html.count("<strong>") == 3  # УТВЕРЖДАЮ and two blank СОГЛАСОВАНО visas
    assert html.count("<tr>") == 9
    assert "<hr />" in html


@pytest.mark.parametrize("text", [
    "*bold* _it_ `code` [link](http://x) <script>alert(1)</script> a|b & c",
    "# not a heading", "1. not a list", "- not an item", "snake_case __init__",
])
def test_escaped_text_renders_literally(text):
    html = MarkdownIt("commonmark").render(f"1.1. {escape(text)}\n\n{escape(text)}\n")
    body = html.replace("<p>", "").replace("</p>", "").splitlines()
    unescaped = [line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                 .replace("&quot;", '"') for line in body]
    assert unescaped == [f"1.1. {text}", text]


@pytest.mark.parametrize("role, lang", [(role, lang) for role in SHIPPED
                                        for lang in load_role(role).languages])
def test_golden(role, lang):
    """Whole documents, compared with tests/golden/: refresh on purpose with
    JOBDOCS_UPDATE_GOLDEN=1 and review the diff."""
    text = markdown(role, lang)
    golden = GOLDEN / f"{role}.{lang}.md"
    if os.environ.get("JOBDOCS_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
