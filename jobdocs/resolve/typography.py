"""No-break spaces where a line must not break, in a form every font prints.

Between initials and a surname («И.И. Иванов»), before «г.» after a year,
inside «т. п.», «т. д.», «т. е.», between a number and its unit («2 лет»,
«10 %»), after «№». CLDR's narrow no-break space (U+202F, in Babel's
«22 ноября 2026 г.») prints as nothing in Times New Roman and Liberation
Serif, so it becomes the ordinary no-break space (U+00A0).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"
_NARROW = "\u202f"

_UPPER = "А-ЯЁA-Z"
_RULES = [
    # И.И. Иванов, И. И. Иванов: the initials stay with each other and the surname.
    (re.compile(rf"\b([{_UPPER}]\.)\s+(?=[{_UPPER}]\.)"), rf"\1{NBSP}"),
    (re.compile(rf"\b([{_UPPER}]\.)\s+(?=[{_UPPER}][а-яёa-z])"), rf"\1{NBSP}"),
    # Иванов И.И.: the surname stays with the initials after it.
    (re.compile(rf"\b([{_UPPER}][а-яёa-z]+)\s+(?=[{_UPPER}]\.(?:\s?[{_UPPER}]\.)?(?!\w))"),
     rf"\1{NBSP}"),
    # 2026 г., 2025–2026 гг.; г. Москва.
    (re.compile(r"(\d)\s+(?=гг?\.)"), rf"\1{NBSP}"),
    (re.compile(rf"(?<!\w)(г\.)\s+(?=[{_UPPER}])"), rf"\1{NBSP}"),
    # т. п., т. д., т. е., т. к., и т. п.
    (re.compile(r"(?<!\w)(и)\s+(?=т\.\s*[пдек]\.)"), rf"\1{NBSP}"),
    (re.compile(r"(?<!\w)(т\.)\s+(?=[пдек]\.)"), rf"\1{NBSP}"),
    # № 15, No. 15 (not «№ п/п», which may break in a narrow table column).
    (re.compile(r"(№|No\.)\s+(?=\w*\d)"), rf"\1{NBSP}"),
    # A number and its unit.
    (re.compile(r"(\d)\s+(?=(?:%|‰|₽|°|лет|года?|год|месяц(?:а|ев)?|дн(?:я|ей)|час(?:а|ов)?|"
                r"мин\.|км|м|см|мм|кг|т|руб\.|тыс\.|млн|млрд|years?|months?|days?|hours?|"
                r"km|kg|cm|mm)(?!\w))"), rf"\1{NBSP}"),
]


#: What each rule needs in a text before it can match: most texts give no rule a chance,
#: and these look-ups cost a tenth of searching with the rules.
_INITIAL = re.compile(rf"[{_UPPER}]\.")
_NUMBER = re.compile(r"\d\s")
_NEEDS: list[Callable[[str], object]] = [_INITIAL.search, _INITIAL.search, _INITIAL.search,
          lambda text: "г." in text, lambda text: "г." in text,
          lambda text: "т." in text, lambda text: "т." in text,
          lambda text: "№" in text or "No." in text, _NUMBER.search]


#: The letters before a full stop that some rule needs (an initial, «г.», «т.», «No.»).
_BEFORE_STOP = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZгтo")


def _may_need(text: str) -> bool:
    """Whether any rule could match: most texts give none a chance, and a look at each
    full stop tells that faster than any search with the rules' needs."""
    if "№" in text or _NUMBER.search(text):
        return True
    stop = text.find(".", 1)
    while stop > 0:
        if text[stop - 1] in _BEFORE_STOP:
            return True
        stop = text.find(".", stop + 1)
    return False


def nbsp(text: str) -> str:
    """Return `text` with no-break spaces where Russian and English typesetting want them."""
    text = text.replace(_NARROW, NBSP)
    if not _may_need(text):
        return text
    for needs, (pattern, replacement) in zip(_NEEDS, _RULES, strict=True):
        if needs(text):
            text = pattern.sub(replacement, text)
    return text
