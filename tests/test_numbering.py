"""Format 2: numbered sub-clauses to any depth, as every output prints them."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Cm

from jobdocs import load_role, resolve
from jobdocs.errors import InvalidInput
from jobdocs.render import render_document
from jobdocs.show import show_role

NESTED = """\
  general:
    - id: category
      text: {ru: Относится к специалистам., en: Belongs to specialists.}
    - id: must-know
      text: {ru: "Должен знать:", en: "Must know:"}
      clauses:
        - id: know-law
          text: {ru: законодательство;, en: the law;}
          clauses:
            - id: know-contracts
              text: {ru: договорное право;, en: contract law;}
            - id: know-tax
              text:
                ru: "налоги (см. {{ ref('know-contracts') }});"
                en: "taxes (see {{ ref('know-contracts') }});"
        - id: know-market
          text: {ru: рынок., en: the market.}
          items:
            - id: market-prices
              text: {ru: цены;, en: prices;}
"""


def _role(write_role, general: str = NESTED):
    path = write_role(name="nested")
    text = path.read_text(encoding="utf-8")
    start = text.index("  general:")
    end = text.index("  duties:")
    path.write_text(text[:start] + general + text[end:], encoding="utf-8")
    return path


def _numbers(clauses):
    out = []
    for c in clauses:
        out.append((c.number, c.text))
        out += _numbers(c.children)
    return out


def test_sub_clauses_number_hierarchically_and_ref_prints_any_level(write_role):
    doc = resolve(load_role(_role(write_role)), "en")
    assert _numbers(doc.sections[0].clauses) == [
        ("1.1", "Belongs to specialists."), ("1.2", "Must know:"), ("1.2.1", "the law;"),
        ("1.2.1.1", "contract law;"), ("1.2.1.2", "taxes (see 1.2.1.1);"),
        ("1.2.2", "the market."), ("", "prices;")]
    know = doc.sections[0].clauses[1]
    assert know.numbered and not know.children[1].numbered
    assert [c.level for c in doc.all_clauses()[:7]] == [1, 1, 2, 3, 3, 2, 3]


def test_markdown_prints_every_number_and_the_dashed_list(write_role):
    text = render_document(resolve(load_role(_role(write_role)), "ru"), "md").decode()
    assert ("1.2. Должен знать:\n\n1.2.1. законодательство;\n\n1.2.1.1. договорное право;\n\n"
            "1.2.1.2. налоги (см. 1.2.1.1);\n\n1.2.2. рынок.\n\n- цены;\n") in text


def test_docx_prints_the_same_numbers_in_level_styles(write_role):
    doc = resolve(load_role(_role(write_role)), "ru")
    document = docx.Document(io.BytesIO(render_document(doc, "docx")))
    clauses = [(p.style.name, p.text) for p in document.paragraphs
               if p.style.name.startswith("Clause")][:7]
    assert clauses == [
        ("Clause", "1.1.\tОтносится к специалистам."), ("Clause", "1.2.\tДолжен знать:"),
        ("Clause 2", "1.2.1.\tзаконодательство;"), ("Clause 3", "1.2.1.1.\tдоговорное право;"),
        ("Clause 3", "1.2.1.2.\tналоги (см. 1.2.1.1);"), ("Clause 2", "1.2.2.\tрынок."),
        ("Clause Item", "–\tцены;")]


def test_docx_aligns_the_text_of_a_level_to_its_longest_number(write_role):
    many = "".join(f"        - id: k{i}\n          text: {{ru: п{i};, en: i{i};}}\n"
                   for i in range(1, 13))
    general = NESTED.replace("          clauses:\n            - id: know-contracts",
                             "          clauses:\n" + many.replace("        -", "            -")
                             .replace("          text", "              text")
                             + "            - id: know-contracts")
    doc = resolve(load_role(_role(write_role, general)), "ru")
    document = docx.Document(io.BytesIO(render_document(doc, "docx")))
    level3 = [p for p in document.paragraphs if p.style.name == "Clause 3"]
    assert [p.text.split("\t")[0] for p in (level3[0], level3[9])] == ["1.2.1.1.", "1.2.1.10."]
    indents = {(p.paragraph_format.left_indent, p.paragraph_format.first_line_indent)
               for p in level3}
    assert len(indents) == 1  # 1.2.1.1 and 1.2.1.10 put their text at one place
    [(left, first)] = indents
    assert left == -first and left > Cm(1.25)
    stops = [(t.position, t.alignment) for t in level3[0].paragraph_format.tab_stops]
    assert stops[-1][0] == left  # and the style's own tab stop is cleared before it


def test_show_gives_numbers_and_origin_at_every_level(write_role):
    text = show_role(load_role(_role(write_role)), ["en"])
    assert "      clauses:\n        - id: know-law  # 1.2.1 · own\n" in text
    assert "            - id: know-contracts  # 1.2.1.1 · own\n" in text
    assert "          items:\n            - id: market-prices  # own\n" in text


def _problems(path) -> list[tuple[int, int, str, str]]:
    with pytest.raises(InvalidInput) as e:
        load_role(path)
    return [(p.line, p.column, p.rule, p.message) for p in e.value.problems]


def test_clauses_and_items_together_is_refused(write_role):
    general = NESTED.replace("          items:\n", "          clauses: [{id: x, text: {ru: x, "
                             "en: x}}]\n          items:\n")
    [(line, column, rule, _)] = _problems(_role(write_role, general))
    assert (line, column, rule) == (30, 11, "clauses-and-items")


def test_depth_over_six_levels_is_refused(write_role):
    general = "  general:\n"
    indent = "    "
    for level in range(1, 8):
        general += f"{indent}- id: level-{level}\n{indent}  text: {{ru: у{level}, en: l{level}}}\n"
        if level < 7:
            general += f"{indent}  clauses:\n"
        indent += "    "
    [(line, column, rule, message)] = _problems(_role(write_role, general))
    assert (line, column, rule) == (30, 27, "too-deep")
    assert "level 6" in message


def test_ref_to_a_dashed_item_is_refused(write_role):
    general = NESTED.replace("ref('know-contracts')", "ref('market-prices')")
    with pytest.raises(InvalidInput) as e:
        resolve(load_role(_role(write_role, general)), "en")
    assert [p.rule for p in e.value.problems] == ["unknown-ref"]


def test_a_derived_role_overrides_adds_and_removes_at_any_depth(write_role):
    _role(write_role)
    path = write_role("""\
        id: child
        extends: nested
        remove: [know-tax]
        sections:
          general:
            - id: must-know
              clauses:
                - id: know-law
                  clauses:
                    - id: know-labour
                      before: know-contracts
                      text: {ru: трудовое право;, en: labour law;}
                    - {id: know-contracts, text: {ru: гражданское право;, en: civil law;}}
                - {id: know-products, after: know-law, text: {ru: товары;, en: the products;}}
        """, name="child")
    doc = resolve(load_role(path), "en")
    assert _numbers(doc.sections[0].clauses)[1:] == [
        ("1.2", "Must know:"), ("1.2.1", "the law;"), ("1.2.1.1", "labour law;"),
        ("1.2.1.2", "civil law;"), ("1.2.2", "the products;"), ("1.2.3", "the market."),
        ("", "prices;")]
    origins = {c.id: c.origin for c in doc.all_clauses()}
    assert (origins["know-law"], origins["know-labour"], origins["know-market"]) == (
        "nested", "child", "nested")


def test_an_id_used_at_two_levels_is_reported_where_it_is_used_again(write_role):
    general = NESTED.replace("- id: know-tax", "- id: must-know")
    found = _problems(_role(write_role, general))
    assert [(line, column, rule) for line, column, rule, _ in found] == [
        (23, 19, "duplicate-id")]
    assert "clause id 'must-know' is used twice (first at line 15)" in found[0][3]


@pytest.mark.libreoffice
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_pdf_prints_every_number_at_every_level(tmp_path, lang):
    from test_docx import ROMASHKA
    from test_pdf import in_order, pages, trace, without_page_furniture

    from jobdocs.render import pdf

    doc = resolve(load_role("purchasing-manager"), lang, ROMASHKA)
    source = tmp_path / f"purchasing-manager.{lang}.docx"
    source.write_bytes(render_document(doc, "docx"))
    [printed] = pdf.convert([source], tmp_path / "out")
    body = "\n".join(without_page_furniture(pages(printed), trace(doc)))
    expected = [f"{c.number}. {c.text}" if c.number else c.text for c in doc.all_clauses()]
    assert "1.6.1.1. " in "\n".join(expected) and len(expected) > 60
    assert in_order(body, expected) == []
