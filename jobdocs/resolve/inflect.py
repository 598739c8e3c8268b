"""Propose the case forms of a Russian job title with pymorphy3 (the `morph` extra).

Only the head noun is inflected, with the adjectives before it agreeing; the
dependent phrase after it («по работе с ключевыми клиентами», «генерального
директора») stays as written. Hyphenated words inflect as pymorphy3 knows
them (вице-президент → вице-президента, инженер-программист →
инженера-программиста), and each word keeps its capitals. These are
proposals for a person to check and paste into the role file: forms written
in YAML always win, and jobdocs never fills a missing form in by itself.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..errors import UsageError
from ..extras import install
from ..model import CASES

#: pymorphy3's grammemes for our case names.
GRAMMEMES = {"nominative": "nomn", "genitive": "gent", "dative": "datv", "accusative": "accs",
             "instrumental": "ablt", "prepositional": "loct"}
INSTALL = install("morph")
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


class CannotInflect(UsageError):
    """The phrase has no Russian head noun in the nominative to inflect."""


def available() -> bool:
    """Return whether pymorphy3 and its Russian dictionary are installed."""
    try:
        _analyzer()
    except ImportError:
        return False
    return True


@cache
def _analyzer() -> Any:
    import pymorphy3  # the optional `morph` extra

    return pymorphy3.MorphAnalyzer(lang="ru")


def propose(title: str) -> dict[str, str]:
    """Return every case form of a Russian title in the nominative, by case name.

    Raise ImportError without the `morph` extra, CannotInflect when the phrase
    does not start with a noun (and its adjectives) in the nominative.
    """
    morph = _analyzer()
    run: list[re.Match[str]] = []  # the head noun and the adjectives before it
    for m in _WORD.finditer(title):
        if title[run[-1].end() if run else 0:m.start()].strip():
            break  # punctuation or a Latin word ends the run
        if (_noun(morph, m.group()) is None and _adjective(morph, m.group()) is None
                or _function_word(morph, m.group())):
            break  # not in the nominative, or a preposition: the dependent phrase begins
        run.append(m)
    heads = [i for i, m in enumerate(run) if _noun(morph, m.group())]
    if not heads:
        raise CannotInflect(f"«{title}»: found no Russian noun in the nominative to inflect; "
                            "write the forms by hand")
    # The last noun of the run is the head: «старший менеджер» (старший is a noun too).
    head_at = heads[-1]
    head = _noun(morph, run[head_at].group())
    forms = {}
    for case in CASES:
        grammemes = {GRAMMEMES[case]}
        new_head = head.inflect(grammemes)
        if new_head is None:
            raise CannotInflect(f"«{title}»: pymorphy3 cannot put «{head.word}» in the {case}")
        out = title
        for i in range(head_at, -1, -1):  # right to left, so earlier offsets hold
            m = run[i]
            if i == head_at:
                word = new_head.word
            else:
                word = _agree(morph, m.group(), head, grammemes)
            out = out[:m.start()] + _cased(word, m.group()) + out[m.end():]
        forms[case] = out
    return forms


def _noun(morph: Any, word: str) -> Any:
    return next((p for p in morph.parse(word.lower()) if p.tag.POS == "NOUN"
                 and "nomn" in p.tag and "sing" in p.tag), None)


def _function_word(morph: Any, word: str) -> bool:
    """Return whether `word` can be a preposition, conjunction or particle («по» is also
    the abbreviation ПО, a noun)."""
    return any(p.tag.POS in ("PREP", "CONJ", "PRCL") for p in morph.parse(word.lower()))


def _adjective(morph: Any, word: str) -> Any:
    return next((p for p in morph.parse(word.lower()) if p.tag.POS in ("ADJF", "PRTF")
                 and "nomn" in p.tag and "sing" in p.tag), None)


def _agree(morph: Any, word: str, head: Any, grammemes: set[str]) -> str:
    adjective = _adjective(morph, word)
    if adjective is None:
        return word
    wanted = set(grammemes)
    if "accs" in wanted and head.tag.animacy:
        wanted.add(head.tag.animacy)  # «генерального директора», not «генеральный»
    if head.tag.gender:
        wanted.add(head.tag.gender)
    found = adjective.inflect(wanted) or adjective.inflect(set(grammemes))
    return found.word if found else word


def _cased(new: str, old: str) -> str:
    """Return `new` with the capitals of `old`: ВИЦЕ-ПРЕЗИДЕНТ, Генеральный, вице-президент."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    parts, olds = new.split("-"), old.split("-")
    if len(parts) == len(olds):
        return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p
                        for p, o in zip(parts, olds, strict=True))
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def as_yaml(forms: dict[str, str]) -> str:
    """Return the forms as the `title.ru` mapping of a role file."""
    lines = ["title:", "  ru:"] + [f"    {case}: {forms[case]}" for case in CASES]
    return "\n".join(lines) + "\n"
