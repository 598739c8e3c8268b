"""The diff and the redline on a clause tree: sub-clauses at every level, moves between levels."""

from __future__ import annotations

import json
import re

import pytest
from test_redline import plain_view, view

from jobdocs import load_role, render_document, resolve
from jobdocs.diff import diff_roles
from jobdocs.diff.formats import to_json, to_markdown, to_text
from jobdocs.diff.redline import redline

OLD = """\
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
              text: {ru: налоги;, en: taxes;}
        - id: know-market
          text: {ru: "рынок:", en: "the market:"}
          items:
            - id: market-prices
              text: {ru: цены;, en: prices;}
            - id: market-rivals
              text: {ru: конкурентов., en: rivals.}
        - id: know-products
          text: {ru: продукты., en: the products.}
"""

NEW = """\
  general:
    - id: category
      text: {ru: Относится к специалистам., en: Belongs to specialists.}
    - id: must-know
      text: {ru: "Должен знать:", en: "Must know:"}
      clauses:
        - id: know-contracts
          text: {ru: договорное право;, en: contract law;}
        - id: know-law
          text: {ru: законодательство;, en: the law;}
          clauses:
            - id: know-tax
              text: {ru: налоговое право;, en: tax law;}
            - id: know-labour
              text: {ru: трудовое право;, en: labour law;}
        - id: know-market
          text: {ru: "рынок:", en: "the market:"}
          items:
            - id: market-rivals
              text: {ru: конкурентов;, en: rivals;}
            - id: market-prices
              text: {ru: цены., en: prices.}
"""

MOVED_TO_DUTIES = """\
    - id: know-products
      text: {ru: продукты., en: the products.}
"""


def _role(write_role, name: str, general: str, duties_extra: str = ""):
    path = write_role(name=name)
    text = path.read_text(encoding="utf-8").replace("id: " + name, "id: tree", 1)
    start, end = text.index("  general:"), text.index("  duties:")
    text = text[:start] + general + text[end:]
    text = text.replace("  duties:\n", "  duties:\n" + duties_extra, 1)
    path.write_text(text, encoding="utf-8")
    return load_role(path)


@pytest.fixture
def tree(write_role):
    return (_role(write_role, "old", OLD),
            _role(write_role, "new", NEW, MOVED_TO_DUTIES))


def test_matched_by_id_at_every_level(tree):
    [ru] = diff_roles(*tree, ["ru"]).langs
    assert [(c.kind, c.id, c.old.number if c.old else "", c.new.number if c.new else "")
            for c in ru.changes] == [
        ("moved", "know-contracts", "1.2.1.1", "1.2.1"),
        ("changed", "know-tax", "1.2.1.2", "1.2.2.1"),
        ("added", "know-labour", "", "1.2.2.2"),
        ("changed", "know-market", "1.2.2", "1.2.3"),
        ("moved", "know-products", "1.2.3", "2.1"),
        ("references", "advise", "2.2", "2.3")]
    assert [(c.id, c.old.number, c.new.number) for c in ru.renumbered] == [
        ("know-law", "1.2.1", "1.2.2"), ("take-orders", "2.1", "2.2")]
    moved = next(c for c in json.loads(to_json(diff_roles(*tree, ["ru"])))["languages"][0][
        "changes"] if c["id"] == "know-contracts")
    assert (moved["old"]["parent"], moved["new"]["parent"]) == ("know-law", "must-know")
    market = next(c for c in ru.changes if c.id == "know-market")
    assert sorted((i.id, i.kind) for i in market.items) == [
        ("market-prices", "changed"), ("market-rivals", "moved")]


def test_a_move_between_levels_or_sections_says_where_from(tree):
    result = diff_roles(*tree)
    text = to_text(result)
    assert "> 1.2.1.1 → 1.2.1 [know-contracts] moved from clause 1.2.1: " in text
    assert "> 1.2.3 → 2.1 [know-products] moved from clause 1.2: " in text
    assert "2 clauses renumbered (1.2.1 → 1.2.2, 2.1 → 2.2)" in text
    md = to_markdown(result)
    assert "- **1.2.1.1 → 1.2.1** Перемещён из пункта 1.2.1 (`know-contracts`)" in md
    assert "- **1.2.1.1 → 1.2.1** Moved from clause 1.2.1 (`know-contracts`)" in md
    assert "  - перемещён: конкурентов<del>.</del><ins>;</ins>" in md
    assert md.count("пункта перенумерованы") == 1


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_accept_all_gives_new_and_reject_all_old_at_every_level(tree, lang):
    old, new = tree
    data = redline(diff_roles(old, new, [lang]), "Anna Legal")
    assert view(data, accept=True) == plain_view(render_document(resolve(new, lang), "docx"))
    assert view(data, accept=False) == plain_view(render_document(resolve(old, lang), "docx"))


DECLARED = """\
declare_sections:
  working-conditions:
    heading: {ru: Условия работы, en: Working Conditions}
    after: responsibility
    intro: {ru: "Для {{ title.genitive }} установлены:", en: "The {{ title }} works:"}
"""
CONDITIONS = """\
  working-conditions:
    - id: hours
      text: {ru: "Режим работы:", en: "Working hours:"}
      clauses:
        - id: week
          text: {ru: пятидневная рабочая неделя;, en: a five-day week;}
        - id: trips
          text: {ru: командировки., en: business trips.}
    - id: take-orders
      text: {ru: Принимает заказы., en: Take orders.}
"""


def _declared(write_role, name: str, heading: str = "Условия работы", extra: str = ""):
    path = write_role(name=name)
    text = path.read_text(encoding="utf-8").replace("id: " + name, "id: tree", 1)
    text = text.replace("sections:\n", DECLARED.replace("Условия работы", heading)
                        + "sections:\n", 1)
    text = re.sub(r"    - id: take-orders\n      text: .*\n", "", text)
    conditions = CONDITIONS.replace("en: business trips.}\n", "en: business trips.}\n" + extra)
    path.write_text(text + conditions, encoding="utf-8")
    return load_role(path)


@pytest.fixture
def declared(write_role):
    base = _role(write_role, "base", OLD)
    first = _declared(write_role, "first")
    second = _declared(write_role, "second", "Условия труда",
                       "        - id: remote\n          text: {ru: удалённая работа., "
                       "en: remote work.}\n")
    return base, first, second


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("pair", [(0, 1), (1, 2), (0, 2), (2, 0)])
def test_declared_sections_accept_and_reject_exactly(declared, lang, pair):
    old, new = declared[pair[0]], declared[pair[1]]
    data = redline(diff_roles(old, new, [lang]), "Anna Legal")
    assert view(data, accept=True) == plain_view(render_document(resolve(new, lang), "docx"))
    assert view(data, accept=False) == plain_view(render_document(resolve(old, lang), "docx"))


def test_a_clause_moved_into_a_declared_section_is_a_move(declared):
    base, first, second = declared
    [ru] = diff_roles(base, first, ["ru"]).langs
    assert ("section.working-conditions", "", "Условия работы") in [
        (f.field, f.old, f.new) for f in ru.fields]
    kinds = {c.id: c.kind for c in ru.changes}
    assert kinds["take-orders"] == "moved" and kinds["hours"] == kinds["week"] == "added"
    assert "Перемещён из раздела 2. Должностные обязанности (`take-orders`)" in to_markdown(
        diff_roles(base, first, ["ru"]))
    [ru2] = diff_roles(first, second, ["ru"]).langs
    assert [(c.kind, c.id) for c in ru2.changes] == [("added", "remote")]
