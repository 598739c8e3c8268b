"""Whether a text's lower case can stand in for the wordings' case-blind search.

The screen (screen.py) looks for a wording's needed words in a text's lower case.
That tells what the regex finds only where the regex treats every character of
the text as its lower case: not for a character outside the scripts judged here,
nor for one the regex takes for a needed letter it does not lower to (ſ is s to
it, İ lowers to two characters). `folded` gives the lower case where it can
stand in, and None where the text must be searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .patterns import RULES
from .screen import Folded, needs

#: The characters `folded` judges: Latin, Greek, Cyrillic, punctuation, symbols.
_JUDGED = "".join(chr(c) for r in ((0, 0x530), (0x2000, 0x2190)) for c in range(*r))


@lru_cache(maxsize=1)
def _unsafe() -> re.Pattern[str]:
    """Return a pattern found in a text whose lower case may hide what the wordings' case-
    blind search finds: a character outside those judged, or one the regex matches with
    a needed letter it does not lower to (ſ is s to it, İ lowers to two characters).

    Few letters have such a character (s and i do), and which of them the wordings need
    is read (`needs`, 0.2 ms a wording) only until every one of them is found."""
    flags = [wording.flags for w in RULES for ws in (*w.wording.values(), *w.anywhere.values())
             for wording in ws]
    shown = {ch for f in flags for ch in (_needed(f) if _CODED.search(f.pattern) else _shown(f))}
    taken = _taken(shown)
    odd = {letter for letter, chars in taken.items() if chars - _bad()}
    needed: set[str] = set()
    for f in flags:
        if odd <= needed:
            break
        needed |= _needed(f)
    return _pattern(set().union(*(taken[letter] for letter in odd & needed)))


def _needed(pattern: re.Pattern[str]) -> set[str]:
    """Return the letters of the words `needs` finds in `pattern`."""
    needed = needs(pattern)
    return set() if needed is None else {
        ch for word in (*needed.parts, *needed.whole, *needed.joined, *needed.starts)
        for ch in word}


#: An escape that writes a character the pattern does not show (\x73, \u017f, \N{...}).
_CODED = re.compile(r"\\[xuUN0-7afnrtv]")


def _shown(pattern: re.Pattern[str]) -> set[str]:
    """Return every letter the words `needs` finds in `pattern` may hold: it shows them
    (they are lowered one by one, but for Σ, which lowers to ς at the end of a word)."""
    text = pattern.pattern
    return {x for ch in set(text) for x in ch.lower()} | ({"ς"} if "Σ" in text else set())


def _taken(letters: set[str]) -> dict[str, set[str]]:
    """Return the judged characters re's IGNORECASE takes for each of `letters` (or its
    upper case) that lower to something else.

    Looked up by the upper case of their lower case, which the characters it takes for
    one another share, and confirmed by a regex for the few left (ſ for s, ı for i): a
    regex per letter took 3 % of checking 100 files."""
    taken: dict[str, set[str]] = {}
    for letter in letters:  # `needs` lowered it; the regex takes either case of it
        for ch in {letter, letter.upper()}:
            if len(ch) != 1:  # matches as many characters: none is a letter alone
                continue
            if len(ch.lower()) == 1:
                alike: Iterable[str] = _alike().get(ch.lower().upper(), ())
            else:  # İ: re lowers it to one character, Python to two
                alike = (m.group() for m in re.finditer(re.escape(ch), _JUDGED, re.IGNORECASE))
            taken.setdefault(letter, set()).update(
                c for c in alike if c.lower() != letter
                and re.fullmatch(re.escape(ch), c, re.IGNORECASE))
    return taken


@lru_cache(maxsize=1)
def _alike() -> dict[str, list[str]]:
    """Return the judged characters by the upper case of their lower case."""
    alike: dict[str, list[str]] = {}
    for ch in _JUDGED:
        alike.setdefault(ch.lower().upper(), []).append(ch)
    return alike


@lru_cache(maxsize=1)
def _bad() -> frozenset[str]:
    """Return the judged characters whose lower case is not one character, or is \\w where
    they are not (or the other way round): \\b must stay put."""
    return frozenset(ch for ch in _JUDGED if (lower := ch.lower()) != ch
                     and (len(lower) != 1 or _is_word(ch) != _is_word(lower)))


def _is_word(ch: str) -> bool:
    """Whether re's \\w takes the character `ch` (screen.py's `_WORD.match`)."""
    return ch.isalnum() or ch == "_"


def _pattern(taken: set[str]) -> re.Pattern[str]:
    """Return the pattern of a character not judged, `_bad` or `taken`, the judged ones
    written as ranges (a class of 1,700 characters took 1 % of checking 100 files)."""
    bad = _bad() | taken
    runs: list[list[int]] = []
    for code in (ord(ch) for ch in _JUDGED if ch not in bad):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    judged = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)
    return re.compile(f"[^{judged}]")


#: Every ASCII character.
_ASCII = "".join(map(chr, range(128)))


@lru_cache(maxsize=8)
def _finds_ascii(unsafe: str, flags: int) -> bool:
    """Whether the `_unsafe` pattern (its text and flags: a pattern's own hash reads its
    compiled code) finds an ASCII character; it finds none for the rules' letters. Only
    then is an ASCII text searched with it."""
    return re.compile(unsafe, flags).search(_ASCII) is not None


def folded(text: str) -> Folded | None:
    """Return `text` in lower case, where every needed word it holds for the case-blind
    search is in it as `needs` wrote it (and its words are the same words); None when
    that cannot be told (then search).

    An ASCII text (str.isascii() does not read it) is not searched when no ASCII
    character is unsafe: the search read every character of every English text, 2 % of
    checking 500 files."""
    unsafe = _unsafe()
    if text.isascii() and not _finds_ascii(unsafe.pattern, unsafe.flags):
        return Folded(text.lower())
    return None if unsafe.search(text) else Folded(text.lower())
