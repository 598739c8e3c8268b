"""The lint's cheap screen never hides a finding: a wording it rules out for a text
finds nothing in it (jobdocs/check/lint/screen.py)."""

from __future__ import annotations

import pytest
from test_lint import CASES

from jobdocs.check.lint import screen
from jobdocs.check.lint.patterns import RULES

WORDINGS = [w for rule in RULES for ws in (*rule.wording.values(), *rule.anywhere.values())
            for w in ws]
#: Every clause the lint tests flag or let stand, in upper, lower and title case too.
TEXTS = [t for case in CASES for text in case[4:] for t in (text, text.upper(), text.lower(),
                                                            text.title())]


@pytest.mark.parametrize("text", TEXTS)
def test_a_wording_the_screen_rules_out_finds_nothing(text):
    lower = screen.folded(text)
    assert lower is not None  # these texts are plain Latin and Cyrillic
    for wording in WORDINGS:
        needed = screen.needs(wording.flags)
        if needed is not None and not needed.search(lower):
            assert wording.flags.search(text) is None, (wording.flags.pattern, text)


def test_every_flagged_text_passes_the_screen():
    for *_, flagged, _ in CASES:
        lower = screen.folded(flagged)
        assert lower is not None
        assert any(screen.needs(w.flags) is None or screen.needs(w.flags).search(lower)
                   for w in WORDINGS if w.flags.search(flagged))


def test_letters_the_regex_takes_for_others_are_searched_as_before():
    # re's IGNORECASE takes ſ for s, ı and İ for i; İ lowers to two characters
    assert screen.folded("ſalesman") is None
    assert screen.folded("FİNE") is None
    assert screen.folded("hım") is None
    assert screen.folded("Ведёт учёт «заказов» — № 5") == "ведёт учёт «заказов» — № 5"
    assert screen.folded("漢字") is None  # a script it does not judge: searched


def test_needs_names_words_every_match_holds():
    assert screen.needs(RULES[0].wording["ru"][0].flags).pattern == "штраф"
    needed = screen.needs(RULES[0].anywhere["en"][0].flags)
    assert needed is not None and set(needed.pattern.split("|")) == {"fine", "fined"}
