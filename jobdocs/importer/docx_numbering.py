"""Word's list numbering, computed as Word computes it, from numbers we do not trust.

A paragraph in a numbered list carries no number in its text: Word computes it
from the paragraph's list (numPr: numId, ilvl) and the list's abstract
definition (numFmt, lvlText "%1.%2.", start). Every number read here (a level,
a start, an override) goes through `word_int`, clamped to the range Word allows:
a level of a billion or a start of «²» is read as Word would, never looped over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..intake.word import LEVELS, STARTS, word_int

_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """Return the qualified name of a WordprocessingML tag."""
    return f"{{{_NS}}}{tag}"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _List:
    levels: dict[int, Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


#: Characters of lvlText kept: Word's own dialog takes far fewer.
MAX_LEVEL_TEXT = 255


class Numbering:
    """Word's list numbering: definitions from numbering.xml, counters as Word keeps them."""

    def __init__(self, root: Any) -> None:
        self.lists: dict[str, _List] = {}
        abstracts: dict[str | None, dict[int, Level]] = {}
        if root is None:
            return
        for a in root.iterchildren(w("abstractNum")):
            abstracts[a.get(w("abstractNumId"))] = {
                word_int(lvl.get(w("ilvl")), LEVELS, 0): level(lvl) for lvl in a.iter(w("lvl"))}
        for num in root.iterchildren(w("num")):
            ref = num.find(w("abstractNumId"))
            levels = dict(abstracts.get(ref.get(w("val")) if ref is not None else "", {}))
            for override in num.iterchildren(w("lvlOverride")):
                ilvl = word_int(override.get(w("ilvl")), LEVELS, 0)
                start = override.find(w("startOverride"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = Level(levels[ilvl].fmt, levels[ilvl].text,
                                         word_int(start.get(w("val")), STARTS, 1))
            self.lists[str(num.get(w("numId")))] = _List(levels)

    def label(self, found: tuple[str, int] | None) -> tuple[str, int]:
        """Return the list number ("1.6.1.") of a paragraph with `found` (numId, ilvl),
        or its bullet level (1-based)."""
        if found is None or found[0] not in self.lists:
            return "", 0
        num_id, ilvl = found
        lst = self.lists[num_id]
        this = lst.levels.get(ilvl, Level())
        if this.fmt in ("bullet", "none"):
            return "", ilvl + 1
        lst.counters[ilvl] = lst.counters.get(ilvl, this.start - 1) + 1
        for deeper in [k for k in lst.counters if k > ilvl]:
            del lst.counters[deeper]
        text = this.text
        for k in range(ilvl + 1):
            lvl = lst.levels.get(k, Level())
            text = text.replace(f"%{k + 1}", format_number(lst.counters.get(k, lvl.start),
                                                           lvl.fmt))
        return text, 0


def num_pr(ppr: Any) -> tuple[str, int] | None:
    """Return (numId, ilvl) of a paragraph's (or a style's) properties, or None."""
    if ppr is None:
        return None
    pr = ppr.find(w("numPr"))
    if pr is None:
        return None
    num_id, ilvl = pr.find(w("numId")), pr.find(w("ilvl"))
    if num_id is None or num_id.get(w("val")) in (None, "0"):
        return None
    return str(num_id.get(w("val"))), word_int(ilvl.get(w("val")) if ilvl is not None else 0,
                                               LEVELS, 0)


def level(lvl: Any) -> Level:
    def val(tag: str, default: str) -> str:
        e = lvl.find(w(tag))
        return str(e.get(w("val"), default)) if e is not None else default

    return Level(val("numFmt", "decimal"), val("lvlText", "%1.")[:MAX_LEVEL_TEXT],
                 word_int(val("start", "1"), STARTS, 1))


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def format_number(n: int, fmt: str) -> str:
    """Return `n` as Word prints it in the list format `fmt` (past 32767, in digits)."""
    if n < 1 or n > STARTS[1]:
        return str(n)
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        for value, numeral in _ROMAN:
            count, n = divmod(n, value)
            out += numeral * count
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "russianLower":
        return _RU_LETTERS[(n - 1) % len(_RU_LETTERS)]
    if fmt == "russianUpper":
        return _RU_LETTERS[(n - 1) % len(_RU_LETTERS)].upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
