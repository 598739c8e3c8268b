"""Finding a role by the words a person types: any form of a title's words («менеджеры»
finds «менеджер», "managers" finds "Manager"), in any of its languages, its id, its
parent and version, and the initials of its title ("KAM", «МРКК»)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..importer.ids import transliterate

#: The shortest stem a typed word is cut to (shorter words must begin a word as typed).
MIN_STEM = 4
#: Letters an inflected form may add to a stem (Russian cases, English and German plurals).
ENDING = 3
#: Words a title's initials leave out.
_SMALL = frozenset("""по с со и в во на для к the of and for to a an der die das des und für
av och för i på""".split())


def stem(word: str) -> str:
    """Return what a word's forms begin with: «менеджеры» → «менедж»."""
    return word if len(word) <= MIN_STEM else word[:max(MIN_STEM, len(word) - ENDING)]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def initials(text: str) -> set[str]:
    """Return a title's initials, with and without its small words, and in Latin letters:
    "Key Account Manager" → kam; «менеджер по работе с ключевыми клиентами» → мпрскк,
    мркк, mrkk."""
    found = words(text)
    out = set()
    for chosen in (found, [w for w in found if w not in _SMALL]):
        if len(chosen) > 1:
            letters = "".join(w[0] for w in chosen)
            out |= {letters, transliterate(letters).replace(" ", "")}
    return out


class Searchable:
    """What a role can be found by."""

    def __init__(self, texts: Iterable[str], titles: Iterable[str]) -> None:
        self.words = {w for t in texts for w in words(t.replace("-", " "))}
        self.whole = " ".join(t.casefold() for t in texts)
        self.initials = {i for t in titles for i in initials(t)}

    def matches(self, query: str) -> bool:
        """Whether every word typed finds the role (a form of one of its words, a part of
        its id, or its initials)."""
        return all(self._finds(w) for w in words(query))

    def _finds(self, typed: str) -> bool:
        if typed in self.initials or typed in self.whole:
            return True
        s = stem(typed)
        return any(w.startswith(s) for w in self.words)
