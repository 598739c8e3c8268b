"""The lint's cheap screen never hides a finding: a wording it rules out for a text
finds nothing in it (jobdocs/check/lint/screen.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_lint import CASES, findings

from jobdocs.check.lint import folding, screen
from jobdocs.check.lint.patterns import BY_ID, RULES

WORDINGS = [w for rule in RULES for ws in (*rule.wording.values(), *rule.anywhere.values())
            for w in ws]
#: Every clause the lint tests flag or let stand, in upper, lower and title case too.
TEXTS = [t for case in CASES for text in case[4:] for t in (text, text.upper(), text.lower(),
                                                            text.title())]


@pytest.mark.parametrize("text", TEXTS)
def test_a_wording_the_screen_rules_out_finds_nothing(text):
    lower = folding.folded(text)
    assert lower is not None  # these texts are plain Latin and Cyrillic
    for wording in WORDINGS:
        needed = screen.needs(wording.flags)
        if needed is not None and not lower.holds(needed):
            assert wording.flags.search(text) is None, (wording.flags.pattern, text)


def test_every_flagged_text_passes_the_screen():
    for *_, flagged, _ in CASES:
        lower = folding.folded(flagged)
        assert lower is not None
        assert all(screen.needs(w.flags) is None or lower.holds(screen.needs(w.flags))
                   for w in WORDINGS if w.flags.search(flagged))


def test_letters_the_regex_takes_for_others_are_searched_as_before():
    # re's IGNORECASE takes ſ for s, ı and İ for i; İ lowers to two characters
    assert folding.folded("ſalesman") is None
    assert folding.folded("FİNE") is None
    assert folding.folded("hım") is None
    assert folding.folded("Ведёт учёт «заказов» — № 5").lower == "ведёт учёт «заказов» — № 5"
    assert folding.folded("漢字") is None  # a script it does not judge: searched


def test_needs_names_words_every_match_holds():
    assert screen.needs(RULES[0].wording["ru"][0].flags) == screen.Needs(
        ("штраф",), frozenset(), (), ("штраф",))
    assert screen.needs(RULES[0].anywhere["en"][0].flags).parts == ("fine", "fined")


def test_a_word_between_word_boundaries_is_needed_whole():
    pronoun = screen.needs(BY_ID["gendered-wording"].anywhere["en"][0].flags)
    assert pronoun is not None and "he" in pronoun.whole and not pronoun.parts
    assert not folding.folded("The manager reports to the head.").holds(pronoun)
    assert folding.folded("He reports to the head.").holds(pronoun)


@pytest.mark.parametrize("text", ["(he) reports", "she's away", "himself.", "her", "the-his",
                                  "hers_", "he2", "shed", "thesis", "шеф he"])
def test_a_whole_word_is_found_wherever_it_is_one_of_the_texts_words(text):
    # the screen searches for them between \b; a text whose \w+ words hold one passes
    pronoun = screen.needs(BY_ID["gendered-wording"].anywhere["en"][0].flags)
    assert pronoun is not None
    words = set(screen._WORD.findall(text))
    assert screen.Folded(text).holds(pronoun) == (not pronoun.whole.isdisjoint(words))


@given(st.text(alphabet="hesimrвсячк .,'-_1é", max_size=14),
       st.frozensets(st.sampled_from(["he", "her", "hers", "him", "his", "she", "s", "всяк"]),
                     min_size=1))
def test_the_whole_words_pattern_finds_what_a_set_of_the_words_holds(text, words):
    assert (screen._whole(words).search(text) is not None) == (
        not words.isdisjoint(screen._WORD.findall(text)))


@pytest.mark.parametrize(("words", "first"), [
    ({"he", "his", "she", "herself"}, "h"), ({"ung", "unga", "yngre"}, "g"), ({"s", "he"}, "(")])
def test_words_that_share_a_letter_are_looked_for_at_it(words, first):
    pattern = screen._whole(frozenset(words))
    assert pattern.pattern[0] == first  # re scans for that one character
    for word in words:
        assert pattern.search(f"({word})") and pattern.search(f"x {word}.")
        assert not pattern.search(f"x{word}") and not pattern.search(f"{word}_")


@pytest.fixture
def no_parser(monkeypatch):
    """A Python whose private regex parser jobdocs cannot read."""
    monkeypatch.setattr(screen, "_sre_parse", None)
    for cached in (screen.needs, screen.reading, folding._unsafe):
        cached.cache_clear()
    yield
    for cached in (screen.needs, screen.reading, folding._unsafe):
        cached.cache_clear()


def test_without_a_readable_regex_parser_every_text_is_searched(no_parser, tmp_path):
    assert all(screen.needs(w.flags) is None for w in WORDINGS)
    rule, law, lang, section, flagged, clean = CASES[0]
    assert [f.rule for f in findings(tmp_path, law, lang, section, flagged)] == [rule]
    assert findings(tmp_path, law, lang, section, clean) == []



@pytest.mark.parametrize("text", TEXTS)
def test_a_text_that_holds_none_of_a_readings_words_holds_none_of_its_wordings(text):
    lower = folding.folded(text)
    assert lower is not None
    for _, law, lang, section, *_ in CASES:
        read = screen.reading(lang, law, section)
        assert read.unscreened == tuple(
            (rule, kept) for rule, ws in read.rules
            if (kept := tuple((w, n) for w, n in ws if n is None)))
        if not lower.holds(read.any):  # then the lint reads it against the unscreened alone
            assert not any(lower.holds(n) for _, ws in read.rules for _, n in ws if n)


def test_joined_words_rule_out_a_text_that_holds_only_the_short_ones():
    # "manager" holds "man", which every match of the wording holds, but no "salesman"
    joined = screen.needs(BY_ID["gendered-wording"].anywhere["en"][1].flags)
    assert joined is not None and "man" in joined.parts
    assert {"salesman", "foremen", "manpower", "man-hour", "manned"} <= set(joined.joined)
    assert not folding.folded("The Manager reports to the head.").holds(joined)
    assert folding.folded("The SALESMAN reports to the head.").holds(joined)
    assert folding.folded("Manpower planning").holds(joined)
    assert not folding.folded("The sales team").holds(joined)  # no "man" at all


@pytest.mark.parametrize(("pattern", "joined"), [
    ("(ab|c)(de|f)", ({"abde", "abf", "cde", "cf"}, "exact")),
    (r"\bab(cd|de)s?\b", ({"abcd", "abde"}, "prefix")),
    (r"x\s+(ab|c)(de|f)", ({"abde", "abf", "cde", "cf"}, "contains")),
    ("ab(cd|e?)fg", ({"ab"}, "prefix")),  # e? may match nothing: no "abfg" to join
    ("(a|b*)cd", ({"cd"}, "contains")),
    ("ab+cd", ({"ab"}, "prefix")),
    ("(ab|c*)", None),
])
def test_joined_words_are_what_every_match_is_starts_with_or_holds(pattern, joined):
    import re

    got = screen._joined(list(screen._sre_parse.parse(pattern, re.IGNORECASE)))
    assert got == joined


@given(st.lists(st.sampled_from(["sales", "Sales", "man", "MEN", "fore", "power", "-hours",
                                 "ned", "ager", "work", " ", "s", "chair", "-"]), max_size=8))
def test_a_text_the_joined_words_rule_out_holds_no_match(pieces):
    text = "".join(pieces)
    for wording in BY_ID["gendered-wording"].anywhere["en"]:
        needed = screen.needs(wording.flags)
        lower = folding.folded(text)
        if wording.flags.search(text):
            assert lower is not None and needed is not None and lower.holds(needed), text


def _screened_search(wording, text):
    """Search `text` as the lint does: after the screen, from where it says."""
    lower, needed = folding.folded(text), screen.needs(wording.flags)
    if lower is None or needed is None:
        return wording.flags.search(text)
    if not lower.holds(needed) or (at := lower.start(needed)) < 0:
        return None
    return wording.flags.search(text, at)


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_searched_from_the_first_start_word_finds_the_same(text):
    for wording in WORDINGS:
        plain, screened = wording.flags.search(text), _screened_search(wording, text)
        assert (plain and plain.span()) == (screened and screened.span()), wording.flags.pattern


@given(st.lists(st.sampled_from(["under", "Under", "UNDER", " ", "\n", "12", "5", "clause",
                                 "young", "YOUTHFUL", "new", "fresh", "recent", "graduates",
                                 "digital", "natives", "no", "not", "NO", "more", "than",
                                 "years", "'", "of", "experience", "older", "below", ".",
                                 "x", "_", "-", "he", "она", "молод", "в возрасте", "до",
                                 "не старше", "моложе", "ung", "jünger", "Jung"]), max_size=12))
def test_the_screened_search_finds_what_the_plain_search_finds(pieces):
    text = "".join(pieces)
    for wording in WORDINGS:
        plain, screened = wording.flags.search(text), _screened_search(wording, text)
        assert (plain and plain.span()) == (screened and screened.span()), (
            wording.flags.pattern, text)


@pytest.mark.parametrize(("pattern", "starts"), [
    (r"\b(ab|c)(de|f)\b", ({"abde", "abf", "cde", "cf"}, True)),
    (r"(?<!x)ab\s+cd", ({"ab"}, False)),
    ("ab(cd|e?)fg", ({"ab"}, False)),  # e? may match nothing: nothing known after "ab"
    ("(ab)+c", ({"ab"}, False)),
    ("(a|b*)cd", None),
    (r"\w+ab", None),
])
def test_start_words_are_what_every_match_starts_with(pattern, starts):
    import re

    assert screen._starts(list(screen._sre_parse.parse(pattern, re.IGNORECASE))) == starts


def test_the_age_wording_is_searched_from_its_first_word():
    age = screen.needs(BY_ID["age-wording"].anywhere["en"][0].flags)
    assert age is not None and {"under", "no", "young"} <= set(age.starts)
    assert "not" not in age.starts  # "no" is where "not" is
    text = "The head reports under clause 1.2 (no older than 30)."
    assert folding.folded(text).start(age) == text.index("under")
    assert folding.folded("Keeps the records.").start(age) == -1
