"""The lint screen's pattern of unsafe characters is the one its first way of building it
gave, built per needed letter with a regex each (jobdocs/check/lint/folding.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobdocs.check.lint import folding, screen
from jobdocs.check.lint.patterns import LintRule, Wording

#: Letters re's IGNORECASE takes another character for, or that lower to two.
ODD = "sſSiıIİkKKµμΜσςΣβϐθϑφϕπϖκϰρϱεϵωΩåÅẞßͅιΙ"


def _first_way(letters: set[str]) -> re.Pattern[str]:
    """The unsafe pattern for `letters` as first written: a regex per letter and character."""
    bad = {ch for ch in folding._JUDGED if len(ch.lower()) != 1
           or bool(screen._WORD.match(ch)) != bool(screen._WORD.match(ch.lower()))}
    for letter in letters:
        for ch in {letter, letter.upper()}:
            bad |= {m.group() for m in re.finditer(re.escape(ch), folding._JUDGED, re.IGNORECASE)
                    if m.group().lower() != letter}
    good = "".join(re.escape(ch) for ch in folding._JUDGED if ch not in bad)
    return re.compile(f"[^{good}]")


#: Every character judged, its neighbours, and a few it does not judge.
CHARACTERS = [chr(c) for c in (*range(0x540), *range(0x1ff0, 0x21a0), 0x1e9e, 0x1fbe, 0x4e00,
                               0x1f600, 0x10ffff)]


def _letters(rules: tuple[LintRule, ...]) -> set[str]:
    """Return the letters the wordings of `rules` need."""
    return {ch for w in rules for ws in (*w.wording.values(), *w.anywhere.values())
            for wording in ws if (needed := screen.needs(wording.flags)) is not None
            for word in (*needed.parts, *needed.whole, *needed.joined, *needed.starts)
            for ch in word}


LETTERS = _letters(folding.RULES)


def _same(letters: set[str]) -> None:
    new = folding._pattern(set().union(*folding._taken(letters).values()))
    old = _first_way(letters)
    assert [ch for ch in CHARACTERS if new.search(ch)] == [
        ch for ch in CHARACTERS if old.search(ch)]


FIRST = _first_way(LETTERS)


def test_the_pattern_is_the_first_ways_for_the_rules_letters():
    assert {"s", "i", "k"} <= LETTERS
    _same(LETTERS)
    folding._unsafe.cache_clear()
    assert [ch for ch in CHARACTERS if folding._unsafe().search(ch)] == [
        ch for ch in CHARACTERS if _first_way(LETTERS).search(ch)]


@given(st.sets(st.one_of(st.sampled_from(ODD), st.characters()), max_size=6))
def test_the_pattern_is_the_first_ways_for_any_letters(letters):
    _same(letters)


@given(st.text(st.one_of(st.sampled_from(ODD + "Ведёт учёт «заказов» — № 5 sales"),
                         st.characters())))
def test_the_unsafe_texts_are_the_first_ways(text):
    assert (folding._unsafe().search(text) is None) == (FIRST.search(text) is None)


@pytest.mark.parametrize("patterns", [
    [r"\bmaß", r"ΟΔΟΣ\b"],  # Σ lowers to ς at the end of a word
    [r"\x73ales", r"fine"],  # written by code: s, not shown
    [r"\u017fign", r"h\N{LATIN SMALL LETTER DOTLESS I}m"],
    [r"\163hip", r"FİNE"],
    [r"wage", r"\bpay\b"],  # no letter re takes another character for
    [r"[s]alary|(?:in)come"],
])
def test_the_pattern_is_the_first_ways_for_any_rules(monkeypatch, patterns):
    rules = (LintRule("x", "", {"ru": ""}, {"en": tuple(Wording(re.compile(p, re.I))
                                                        for p in patterns)}),)
    monkeypatch.setattr(folding, "RULES", rules)
    folding._unsafe.cache_clear()
    try:
        assert [ch for ch in CHARACTERS if folding._unsafe().search(ch)] == [
            ch for ch in CHARACTERS if _first_way(_letters(rules)).search(ch)]
    finally:
        folding._unsafe.cache_clear()


@given(st.text(st.one_of(st.characters(max_codepoint=127), st.sampled_from(ODD))))
def test_an_ascii_text_is_folded_as_the_search_would_fold_it(text):
    searched = folding._unsafe().search(text)
    lower = folding.folded(text)
    assert (lower is None) == (searched is not None)
    assert lower is None or lower.lower == text.lower()


def test_no_ascii_character_is_unsafe_for_the_rules_letters():
    unsafe = folding._unsafe()
    assert not folding._finds_ascii(unsafe.pattern, unsafe.flags)
    assert not any(folding._unsafe().search(chr(c)) for c in range(128))


def test_an_ascii_text_is_searched_where_an_ascii_character_is_unsafe(monkeypatch):
    monkeypatch.setattr(folding, "_unsafe", lambda: re.compile("[a]"))
    assert folding.folded("The cat") is None
    assert folding.folded("The dog").lower == "the dog"
