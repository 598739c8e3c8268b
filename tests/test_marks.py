"""Clauses keep their identity in the DOCX: a hidden bookmark per clause paragraph."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from jobdocs.diff import diff_roles
from jobdocs.diff.redline import redline
from jobdocs.model import Clause, Role, Title
from jobdocs.render.docx import marks
from jobdocs.render.docx.writer import render
from jobdocs.resolve import resolve
from jobdocs.roles.library import load_role


def bookmarks(data: bytes) -> list[tuple[str, str]]:
    """Return (style, bookmark names) of every body paragraph that carries one."""
    document = docx.Document(io.BytesIO(data))
    out = []
    for p in document.paragraphs:
        names = [b.get(qn("w:name")) for b in p._p.iter(qn("w:bookmarkStart"))]
        if names:
            out.append((p.style.name, " ".join(names)))
    return out


def test_every_clause_item_and_heading_carries_its_id():
    role = load_role("key-account-manager")
    doc = resolve(role, "ru")
    data = render(doc)
    found = bookmarks(data)
    expected = []
    for section in doc.sections:
        expected.append(("Heading 1", f"_jds_{section.key}"))
        for clause in section.clauses:
            for c in clause.walk():
                style = "Clause Item" if not c.number else \
                    ("Clause" if c.level == 1 else f"Clause {c.level}")
                expected.append((style, "_jd_" + c.id.replace("-", "_")))
    assert found == expected
    assert render(doc) == data  # the same inputs, the same bytes


def test_a_long_id_gets_a_name_word_keeps():
    long_id = "check-the-creditworthiness-of-every-new-wholesale-client"
    name = marks.clause_name(long_id)
    assert len(name) == marks.MAX_NAME and name.startswith("_jd_check_the_credit")
    assert marks.decode(name) is None  # it reads back only against the role's ids
    assert marks.decode(name, ["other", long_id]) == long_id
    assert marks.decode(marks.clause_name("take-orders")) == "take-orders"
    assert marks.copied("_jd_take_orders_Copy_1") == "_jd_take_orders"
    assert marks.is_mark("_jd_take_orders_Copy_2") and not marks.is_mark("_Toc1234")


def test_a_redline_marks_each_clause_once(tmp_path):
    old = load_role("key-account-manager")
    duties = old.sections["duties"]
    moved = (duties[1], duties[0], *duties[2:-1])  # one moved, the last one removed
    added = Clause("new-duty", {lang: "Новая обязанность." for lang in old.languages})
    new = Role(**{**old.__dict__, "version": "1.1",
                  "sections": {**old.sections, "duties": (*moved, added)},
                  "title": {**old.title, "en": Title.plain("Key Account Manager")}})
    data = redline(diff_roles(old, new, ["ru"]), "jobdocs")
    names = [n for _, n in bookmarks(data)]
    assert len(names) == len(set(names))
    assert "_jd_new_duty" in names and marks.clause_name(duties[-1].id) in names
