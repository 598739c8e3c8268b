"""Which wordings a clause is read against, and a cheap test that rules most of them out.

A clause is read against every wording of every rule that applies under its
document's law, in its language and section: about fifteen case-blind regex
searches a text, and nearly every text matches none. Each wording has words
one of which every match of it contains (`needs`: "штраф" for `штраф\\w*`); a
text in lower case that holds none of them is not searched with that wording.
Lower case stands in for the regex's own case-blindness only in texts whose
every character it treats alike (folding.py); other texts are searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    #: Longer words, one of which every match holds as well: where the pattern joins
    #: words, as `(sales|fore)(man|men)` ("manager" holds "man", but no "salesman").
    #: Tested for a text that holds one of `parts` only: most hold none.
    joined: tuple[str, ...] = ()
    #: Words one of which every match starts with: a text is searched from the first of
    #: them it holds (`Folded.start`), not from its start (re tries a pattern that starts
    #: with \b case-blind at every character).
    starts: tuple[str, ...] = ()


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
        # (.data: each parsed level's items as a list; a loop over the level itself asks
        # its __getitem__ for every item, and for one more to end at an IndexError)
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags).data
        found = _factors(parsed)
        joined = _joined(parsed)
        starts = _starts(parsed)
    except (AttributeError, TypeError, ValueError, IndexError):
        return None
    if not found:
        return None
    if pattern.flags & re.ASCII:  # its \b is not the one a text's words are split by
        found = {(w, False) for w, _ in found}
    parts = tuple(sorted(w.lower() for w, whole in found if not whole))
    whole = frozenset(w.lower() for w, whole in found if whole)
    if not (whole or joined is None or min(map(len, joined[0])) <= min(map(len, parts))):
        joined_words = tuple(sorted({w.lower() for w in joined[0]}))
    else:
        joined_words = ()
    # The first place one of them is is where one is that another starts with.
    firsts = {w.lower() for w in starts[0]} if starts else set()
    return Needs(parts, whole, joined_words, tuple(sorted(
        w for w in firsts if not any(w != f and w.startswith(f) for f in firsts))))


_BOUNDARY = (_c.AT, _c.AT_BOUNDARY) if _c is not None else ()
_WORD = re.compile(r"\w+")


def _factors(items: Any, bounded: bool = False) -> set[tuple[str, bool]] | None:
    """Return strings one of which every match of the parsed `items` contains (the
    longest known), each with whether it is a whole word there, or None. `bounded`:
    `items` stand between two \\b."""
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
            found = _factors(av[-1].data, between or (bounded and len(items) == 1))
        elif op is _c.BRANCH:
            each = [_factors(branch.data, bounded and len(items) == 1) for branch in av[1]]
            found = None if any(f is None for f in each) else set().union(*each)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found = _factors(av[2].data)
        if found:
            choices.append(found)
    if run:
        choices.append({("".join(run), False)})
    if not choices:
        return None
    return max(choices, key=lambda words: (min(len(w) for w, _ in words), -len(words)))


_JOINED = 64  # at most this many joined words a wording: more cost more than a search
_EXACT, _PREFIX, _CONTAINS = "exact", "prefix", "contains"
Joined = tuple[set[str], str]


def _joined(items: list[Any]) -> Joined | None:
    """Return strings one of which every match of the parsed `items` is (_EXACT), starts
    with (_PREFIX) or contains (_CONTAINS), the longest known, or None."""
    choices: list[set[str]] = []
    run: set[str] | None = {""}  # what the items since the last unknown one matched
    start = True  # `run` is what every match starts with
    first: Joined | None = None  # what every match starts with, once `run` is cut
    for found in _items(items):
        kind = found[1] if found else None
        if found and kind == _EXACT and run is not None \
                and len(run) * len(found[0]) <= _JOINED:
            run = {r + w for r in run for w in found[0]}
            continue
        if found and kind == _EXACT:  # too many: begin again
            if run is not None:
                choices.append(run)
            run, start = set(found[0]), False
            continue
        joined = {r + w for r in run for w in found[0]} if run is not None and found \
            and kind == _PREFIX and len(run) * len(found[0]) <= _JOINED else None
        if start and run is not None:  # every match starts with `run`, and `joined`
            first = (joined, _PREFIX) if joined else (run, _PREFIX) if run != {""} else None
        choices += [c for c in (run, joined, found[0] if found else None) if c]
        run, start = None, False
    if run is not None and start:
        return run, _EXACT
    if run:
        choices.append(run)
    choices = [c for c in choices if "" not in c]
    if not choices:
        return None
    best = max(choices, key=lambda words: (min(map(len, words)), -len(words)))
    if first is not None and "" not in first[0] and first[0] == best:
        return first
    return best, _CONTAINS


def _items(items: list[Any]) -> Iterator[Joined | None]:
    """Yield what `_item` returns for each of `items`, a run of literals at once."""
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            yield {"".join(run)}, _EXACT
            run = []
        yield _item(op, av)
    if run:
        yield {"".join(run)}, _EXACT


def _item(op: Any, av: Any) -> Joined | None:
    """Return what `_joined` returns for one parsed item."""
    if op is _c.LITERAL:
        return {chr(av)}, _EXACT
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # match nothing: the words stay whole
        return {""}, _EXACT
    if op is _c.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
        return _joined(av[-1].data)
    if op is _c.BRANCH:
        each = [_joined(branch.data) for branch in av[1]]
        if any(e is None for e in each):
            return None
        words = set().union(*(e[0] for e in each))  # type: ignore[index]
        kinds = {e[1] for e in each}  # type: ignore[index]
        kind = _EXACT if kinds == {_EXACT} else _PREFIX if _CONTAINS not in kinds else _CONTAINS
        return (words, kind) if kind == _EXACT or "" not in words else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        inner = _joined(av[2].data)
        if inner is None or (av[0] == av[1] == 1):
            return inner
        return (inner[0], _PREFIX if inner[1] != _CONTAINS else _CONTAINS) \
            if "" not in inner[0] else None
    return None


def _starts(items: list[Any]) -> tuple[set[str], bool] | None:
    """Return strings one of which every match of the parsed `items` starts with, and
    whether each is a whole match, or None."""
    words = {""}
    for op, av in items:
        found: tuple[set[str], bool] | None = None
        if op is _c.LITERAL:
            found = {chr(av)}, True
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # they match nothing
            continue
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
            found = _starts(av[-1].data)
        elif op is _c.BRANCH:
            each = [_starts(branch.data) for branch in av[1]]
            if all(each):
                found = set().union(*(e[0] for e in each)), all(e[1] for e in each)  # type: ignore[index]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            inner = _starts(av[2].data)
            found = inner if inner is None or av[0] == av[1] == 1 else (inner[0], False)
        if found is None or len(words) * len(found[0]) > _JOINED:
            return (words, False) if "" not in words else None
        words = {w + f for w in words for f in found[0]}
        if not found[1]:
            return (words, False) if "" not in words else None
    return (words, True) if "" not in words else None


class Folded:
    """A text in lower case, which tells whether it holds what a wording needs."""

    def __init__(self, lower: str) -> None:
        self.lower = lower

    def holds(self, needed: Needs) -> bool:
        """Whether the text holds one of the words `needed`: if not, no match."""
        lower = self.lower
        for part in needed.parts:  # a loop: a generator costs more than the tests
            if part in lower:
                break
        else:
            return bool(needed.whole) and _whole(needed.whole).search(lower) is not None
        if not needed.joined:
            return True
        for word in needed.joined:
            if word in lower:
                return True
        return False

    def start(self, needed: Needs) -> int:
        """Where the first match of a wording that needs `needed` may start: where the
        first of the words every match starts with is (-1: nowhere, no match; 0 where
        they are not known)."""
        if not needed.starts:
            return 0
        lower = self.lower
        found = [at for word in needed.starts if (at := lower.find(word)) >= 0]
        return min(found) if found else -1


@lru_cache(maxsize=512)
def _whole(words: frozenset[str]) -> re.Pattern[str]:
    """Return the pattern that finds `words` between two \\b: wherever one of them is a
    \\w+ word of a text (and maybe elsewhere: a screen may let a text through).

    It starts with their first letters, each followed by a look back at what stands
    before it (the first \\b): re then skips to those letters in C, where a pattern
    that starts with \\b is tried at every character, three times as slow. Where one
    letter is in every word ("h" in he, his, she), it starts with that letter alone,
    and looks back at the part of each word before it: re then looks for one character,
    and a search costs a third."""
    common = frozenset.intersection(*map(frozenset, words)) if words else frozenset()
    if common:
        c = min(common)
        before: dict[str, list[str]] = {}  # the rest of each word, by what stands before
        for word in sorted(words):
            at = word.index(c) + 1
            before.setdefault(word[:at], []).append(re.escape(word[at:]))
        looks = (f"(?<=\\b{re.escape(ahead)})(?:{'|'.join(sorted(ends, key=len, reverse=True))})"
                 for ahead, ends in before.items())
        return re.compile(f"{re.escape(c)}(?:{'|'.join(looks)})\\b")
    firsts = []
    for first, same in groupby(sorted(words), key=lambda word: word[0]):
        rests = sorted((re.escape(word[1:]) for word in same), key=len, reverse=True)
        c = re.escape(first)
        firsts.append(f"{c}(?<!\\w{c})(?:{'|'.join(rests)})")
    return re.compile(f"(?:{'|'.join(firsts)})\\b")
