"""The one round-trip editor of role files (roles/yamledit.py): serve's and import --into's."""

from __future__ import annotations

import yaml

from jobdocs.roles.yamledit import RoleFile, fold_positions

ROLE = """\
id: x  # a comment that stays
sections:
  rights:
    - id: inline
      text: {ru: Короткий текст., en: A short text.}
    - id: folded
      text:
        ru: >-
          Короткий текст.
        en: A short text.
"""
LONG = ("Запрашивать у подразделений организации информацию и документы, необходимые для "
        "выполнения должностных обязанностей, в том числе сведения о клиентах.")


def test_a_long_text_folds_at_72_columns_in_a_block_and_stays_plain_inline():
    rf = RoleFile(ROLE)
    rf.set_text("inline", {"ru": LONG})
    rf.set_text("folded", {"ru": LONG})
    out = rf.dump()
    data = yaml.safe_load(out)["sections"]["rights"]
    assert [c["text"]["ru"] for c in data] == [LONG, LONG]  # no control character anywhere
    assert "en: A short text.}" in out and "# a comment that stays" in out
    block = out.split("ru: >-\n")[1].split("\n        en:")[0].splitlines()
    assert len(block) > 1 and all(len(line.strip()) <= 72 for line in block)


def test_fold_positions_fill_each_line():
    positions = fold_positions(LONG, 40)
    lines, start = [], 0
    for p in [*positions, len(LONG)]:
        lines.append(LONG[start:p])
        start = p + 1
    assert " ".join(lines) == LONG
    assert all(len(line) <= 40 for line in lines)
    assert all(len(a) + 1 + len(b.split()[0]) > 40 for a, b in zip(lines, lines[1:], strict=False))


def test_a_reworded_text_keeps_the_lines_it_did_not_touch():
    role = """\
id: x
sections:
  duties:
    - id: advise
      text:
        ru: >-
          При необходимости консультирует клиента по оптимальному составлению
          заказа, исходя при этом из специфики бизнеса клиента и из
          стратегической нацеленности организации на долгосрочное
          сотрудничество с данным ключевым клиентом.
"""
    rf = RoleFile(role)
    new = yaml.safe_load(role)["sections"]["duties"][0]["text"]["ru"].replace(
        "При необходимости", "По запросу клиента")
    rf.set_text("advise", {"ru": new})
    assert rf.dump() == role.replace("При необходимости консультирует",
                                     "По запросу клиента консультирует")
