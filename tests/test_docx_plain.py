"""Texts made plain for Word runs (render/docx/text.py): short ones kept, the same made
again; a text XML cannot hold noted every time it is met."""

from __future__ import annotations

from jobdocs.render.docx.text import noting, plain
from jobdocs.resolve.typography import nbsp


def test_a_kept_text_is_the_text_made_again() -> None:
    text = "Подпись И.И. Иванов, 10 %"
    assert plain(text) == plain(text) == nbsp(text)
    assert plain("a\tb") == plain("a\tb") == "a b"


def test_a_text_xml_cannot_hold_is_noted_each_time() -> None:
    with noting() as found:
        assert plain("a\x07b") == plain("a\x07b") == "ab"
    assert found == ["a\x07b", "a\x07b"]
