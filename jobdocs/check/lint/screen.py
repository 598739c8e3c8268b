"""Which wordings a clause is read against, and a cheap test that rules most of them out.

A clause is read against every wording of every rule that applies under its
document's law, in its language and section: about fifteen case-blind regex
searches a text, and nearly every text matches none. Each wording has words
one of which every match of it contains (`needs`: "штраф" for `штраф\\w*`); a
text in lower case that holds none of them is not searched with that wording.
Lower case stands in for the regex's own case-blindness only in texts whose
every character it treats alike (`folded`); other texts are searched as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from typing import Any, NamedTuple

from .patterns import RULES, LintRule, Wording

# The running Python's own regex parser. It is private: a Python that lays it out
# otherwise gets no screen (`needs` says None), and every text is searched.
try:
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every Python jobdocs supports has them
    _c = _sre_parse = None


class Needs(NamedTuple):
    """Words in lower case one of which every match of a wording holds: `parts` anywhere
    in the text, `whole` as whole words (the pattern has \\b on both sides of them)."""

    parts: tuple[str, ...]
    whole: frozenset[str]


Rules = tuple[tuple[LintRule, tuple[tuple[Wording, Needs | None], ...]], ...]


class Reading(NamedTuple):
    """The rules that apply to a clause, each with its wordings in the order they are
    tried, each wording with what it needs (None: search every text with it); what one
    of them needs at least (`any`: a text that holds none of it is read against the
    `unscreened` wordings alone, in the same order)."""

    rules: Rules
    any: Needs
    unscreened: Rules


@lru_cache(maxsize=256)  # languages x laws x sections: bounded by the rules' data
def reading(lang: str, code: str, section: str | None) -> Reading:
    """Return what a clause of `section` in a `lang` document under law `code` is read
    against."""
    rules = []
    for rule in RULES:
        if code not in rule.articles:
            continue
        wordings = rule.anywhere.get(lang, ())
        if not rule.sections or section in rule.sections:
            wordings = (*rule.wording.get(lang, ()), *wordings)
        kept = tuple((w, needs(w.flags)) for w in wordings if not w.laws or code in w.laws)
        if kept:
            rules.append((rule, kept))
    screened = [n for _, kept in rules for _, n in kept if n is not None]
    unscreened = ((rule, tuple((w, n) for w, n in kept if n is None)) for rule, kept in rules)
    return Reading(tuple(rules), Needs(tuple(sorted({w for n in screened for w in n.parts})),
                                       frozenset().union(*(n.whole for n in screened))),
                   tuple((rule, kept) for rule, kept in unscreened if kept))


@lru_cache(maxsize=512)
def needs(pattern: re.Pattern[str]) -> Needs | None:
    """Return the words in lower case one of which every match of `pattern` holds, or
    None when there are none to tell (or this Python's regex parser cannot be read: then
    every text is searched, as without the screen)."""
    try:
        found = _factors(_sre_parse.parse(pattern.pattern, pattern.flags))
    except (AttributeError, TypeError, ValueError, IndexError):
        return None
    if not found:
        return None
    if pattern.flags & re.ASCII:  # its \b is not the one a text's words are split by
        found = {(w, False) for w, _ in found}
    return Needs(tuple(sorted(w.lower() for w, whole in found if not whole)),
                 frozenset(w.lower() for w, whole in found if whole))


_BOUNDARY = (_c.AT, _c.AT_BOUNDARY) if _c is not None else ()
_WORD = re.compile(r"\w+")


def _factors(items: Any, bounded: bool = False) -> set[tuple[str, bool]] | None:
    """Return strings one of which every match of the parsed `items` contains (the
    longest known), each with whether it is a whole word there, or None. `bounded`:
    `items` stand between two \\b."""
    items = list(items)
    if bounded and items and all(op is _c.LITERAL for op, _ in items):
        word = "".join(chr(av) for _, av in items)
        return {(word, _WORD.fullmatch(word) is not None)}
    choices: list[set[tuple[str, bool]]] = []
    run: list[str] = []
    for i, (op, av) in enumerate(items):
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            choices.append({("".join(run), False)})
            run = []
        found: set[tuple[str, bool]] | None = None
        if op is _c.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
            between = 0 < i < len(items) - 1 and items[i - 1] == _BOUNDARY \
                and items[i + 1] == _BOUNDARY
            found = _factors(av[-1], between or (bounded and len(items) == 1))
        elif op is _c.BRANCH:
            each = [_factors(branch, bounded and len(items) == 1) for branch in av[1]]
            found = None if any(f is None for f in each) else set().union(*each)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found = _factors(av[2])
        if found:
            choices.append(found)
    if run:
        choices.append({("".join(run), False)})
    if not choices:
        return None
    return max(choices, key=lambda words: (min(len(w) for w, _ in words), -len(words)))


#: The characters `folded` judges: Latin, Greek, Cyrillic, punctuation, symbols.
_JUDGED = "".join(chr(c) for r in ((0, 0x530), (0x2000, 0x2190)) for c in range(*r))


@lru_cache(maxsize=1)
def _unsafe() -> re.Pattern[str]:
    """Return a pattern found in a text whose lower case may hide what the wordings' case-
    blind search finds: a character outside those judged, or one the regex matches with
    a needed letter it does not lower to (ſ is s to it, İ lowers to two characters)."""
    letters = {ch for w in RULES for ws in (*w.wording.values(), *w.anywhere.values())
               for wording in ws if (needed := needs(wording.flags)) is not None
               for word in (*needed.parts, *needed.whole) for ch in word}
    bad = {ch for ch in _JUDGED if len(ch.lower()) != 1
           or bool(_WORD.match(ch)) != bool(_WORD.match(ch.lower()))}  # \b must stay put
    for letter in letters:  # `needs` lowered it; the regex takes either case of it
        for ch in {letter, letter.upper()}:
            bad |= {m.group() for m in re.finditer(re.escape(ch), _JUDGED, re.IGNORECASE)
                    if m.group().lower() != letter}
    good = "".join(re.escape(ch) for ch in _JUDGED if ch not in bad)
    return re.compile(f"[^{good}]")


class Folded:
    """A text in lower case, which tells whether it holds what a wording needs."""

    def __init__(self, lower: str) -> None:
        self.lower = lower

    def holds(self, needed: Needs) -> bool:
        """Whether the text holds one of the words `needed`: if not, no match."""
        lower = self.lower
        for part in needed.parts:  # a loop: a generator costs more than the tests
            if part in lower:
                return True
        return bool(needed.whole) and _whole(needed.whole).search(lower) is not None


@lru_cache(maxsize=512)
def _whole(words: frozenset[str]) -> re.Pattern[str]:
    """Return the pattern that finds `words` between two \\b: wherever one of them is a
    \\w+ word of a text (and maybe elsewhere: a screen may let a text through).

    It starts with their first letters, each followed by a look back at what stands
    before it (the first \\b): re then skips to those letters in C, where a pattern
    that starts with \\b is tried at every character, three times as slow."""
    firsts = []
    for first, same in groupby(sorted(words), key=lambda word: word[0]):
        rests = sorted((re.escape(word[1:]) for word in same), key=len, reverse=True)
        c = re.escape(first)
        firsts.append(f"{c}(?<!\\w{c})(?:{'|'.join(rests)})")
    return re.compile(f"(?:{'|'.join(firsts)})\\b")


def folded(text: str) -> Folded | None:
    """Return `text` in lower case, where every needed word it holds for the case-blind
    search is in it as `needs` wrote it (and its words are the same words); None when
    that cannot be told (then search)."""
    return None if _unsafe().search(text) else Folded(text.lower())
