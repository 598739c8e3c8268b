"""The words that mark structure in a job description, in ru, en, de and sv:
section headings, the frame's blocks, the title line, cross-references."""

from __future__ import annotations

import re
from functools import cache, lru_cache

#: Heading phrases per section, lower case; a heading starts with one of them.
#: The longest match wins ("job responsibilities" is the duties, "responsibilities"
#: alone the liability section).
HEADINGS: dict[str, tuple[str, ...]] = {
    "general": ("общие положения", "general provisions", "general", "allgemeine bestimmungen",
                "allgemeines", "allgemeine angaben", "allmänna bestämmelser", "allmänt"),
    "duties": ("должностные обязанности", "обязанности", "функциональные обязанности",
               "job duties", "job responsibilities", "duties", "key responsibilities",
               "amtliche verpflichtungen", "aufgaben", "pflichten", "dienstpflichten",
               "arbetsuppgifter", "uppgifter", "skyldigheter"),
    "rights": ("права", "rights", "rechte", "befugnisse", "kompetenzen", "rättigheter",
               "befogenheter"),
    "responsibility": ("ответственность", "responsibility", "responsibilities", "liability",
                       "verantwortung", "haftung", "ansvar"),
    "evaluation": ("критерии оценки", "критериями оценки", "показатели оценки",
                   "evaluation criteria", "performance evaluation", "criteria for evaluating",
                   "criteria for assessing", "kriterien zur bewertung", "bewertungskriterien",
                   "leistungsbewertung", "bedömningskriterier", "kriterier för bedömning",
                   "utvärderingskriterier"),
    "relationships": ("взаимоотношения", "связи по должности", "служебные связи",
                      "working relationships", "relationships", "zusammenarbeit",
                      "schnittstellen", "serviceanschlüsse", "samarbete och kontakter",
                      "samarbete", "relationer"),
    "final": ("заключительные положения", "final provisions", "schlussbestimmungen",
              "slutbestämmelser", "slutliga bestämmelser"),
}


@cache
def heading_phrases() -> list[tuple[str, str]]:
    """Return (phrase, section key), longest first; jobdocs' own catalogs included."""
    pairs = {(p, key) for key, phrases in HEADINGS.items() for p in phrases}
    try:
        from ..frame import PRESETS
        from ..frame.wording import Msg
        from ..model import SECTIONS
        from ..resolve import i18n

        # The built-in sections under every preset's heading (About the Role, Aufgaben).
        headings = {(key, words.msgid) for preset in PRESETS.values()
                    for key, words in preset["sections"]["headings"].items()
                    if isinstance(words, Msg) and key in SECTIONS}
        for lang in i18n.available_languages():
            t = i18n.translations(lang)
            pairs |= {(t.gettext(h).lower(), key) for key, h in headings}
    except Exception:  # a broken catalog must not stop an import; the built-in words stay
        pass
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


def section_of(text: str, loose: bool = True) -> str | None:
    """Return the section key a heading text names, or None.

    A heading may go on after its phrase («Права менеджера …»); when the line
    has no number or heading markup (`loose` false) a one-word phrase must be
    the whole line, so that "General Director" is not a heading.
    """
    low = text.lower().strip(" :.")
    for phrase, key in heading_phrases():
        if low == phrase:
            return key
        if low.startswith(phrase) and not low[len(phrase)].isalnum() and (
                loose or " " in phrase):
            return key
    return None


#: The frame's blocks: the approval, the visas, the acknowledgement and its sheet.
APPROVAL = re.compile(r"^(утверждаю|утвержден[аоы]?\b|approved\b|i approve\b|genehmigt\b|"
                      r"freigegeben\b|jag godkänner|jag godkände|godkänd\b|fastställd)", re.I)
AGREED = re.compile(r"^(согласовано|agreed\b|vereinbart\b|abgestimmt\b|överenskommet|"
                    r"samråd)", re.I)
ACKNOWLEDGEMENT = re.compile(r"(ознакомлен|i have read|have been acquainted|zur kenntnis "
                             r"genommen|habe die stellenbeschreibung|tagit del av)", re.I)
SHEET = re.compile(r"^(лист ознакомления|acknowledgement sheet|acknowledgment sheet|"
                   r"kenntnisnahme|bekräftelse)", re.I)
CAPTION = re.compile(r"\((подпись|расшифровка подписи|фамилия|ф\.и\.о\.|должность|signature|"
                     r"full name|surname|last name|name|position|organization|organisation|"
                     r"unterschrift|namnteckning|namnförtydligande|наименование организации|"
                     r"место составления|place|ort|datum|date)[^)]*\)", re.I)
SIGNATURE_LINE = re.compile(r"_{4,}|\(подпись\)|\(signature\)|\(unterschrift\)|"
                            r"\(namnteckning\)", re.I)
AUTHOR = re.compile(r"^(руководитель структурного подразделения|head of (the )?structural unit|"
                    r"leiter der organisationseinheit|chef för enheten|erstellt\b)", re.I)

#: The frame's messages whose translations (in every catalog jobdocs has) also mark a block.
_FRAME_MESSAGES = {
    "approval": ("APPROVED",), "agreed": ("AGREED",), "author": ("Head of the structural unit",),
    "acknowledgement": ("I have read this job description and received one copy:",),
    "sheet": ("ACKNOWLEDGEMENT SHEET",),
}
_FRAME_PATTERNS = {"approval": APPROVAL, "agreed": AGREED, "author": AUTHOR, "sheet": SHEET}


def block(text: str, kind: str) -> bool:
    """Tell whether a line opens a block of the frame: approval, agreed, author,
    acknowledgement or sheet."""
    if kind == "acknowledgement":
        if ACKNOWLEDGEMENT.search(text):
            return True
    elif _FRAME_PATTERNS[kind].match(text):
        return True
    low = text.lower()
    return any(low.startswith(phrase) for phrase in _catalog_phrases(kind))


@lru_cache(maxsize=8)  # one entry per kind of block
def _catalog_phrases(kind: str) -> tuple[str, ...]:
    phrases: set[str] = set()
    try:
        from ..resolve import i18n

        for lang in i18n.available_languages():
            t = i18n.translations(lang)
            phrases |= {t.gettext(m).lower().rstrip(": ") for m in _FRAME_MESSAGES[kind]}
    except Exception:  # a broken catalog must not stop an import; the built-in words stay
        pass
    return tuple(p for p in phrases if p)


#: The document type that opens the heading; the title follows it.
DOC_TYPE = re.compile(
    r"^(должностная инструкция|job description|stellenbeschreibung|arbetsbeskrivning|"
    r"befattningsbeskrivning)\b[\s:–—-]*(?:(?:för|für|des|der|for|of)\s+)?(.*)$", re.I)

#: A hand-typed cross-reference: the word, then one or more clause numbers.
_NUM = r"\d+(?:\.\d+)*"
REFERENCE = re.compile(
    r"(?<![\w.])(п\.|пп\.|пункт[а-я]*|подпункт[а-я]*|clauses?|items?|paragraphs?|points?|"
    r"sections?|punkt(?:en)?|ziffer[n]?|nr\.|abschnitt|absatz|avsnitt|moment)\s*"
    rf"({_NUM}\.?(?:\s*(?:,|и|and|or|und|oder|och|eller|[-–—])\s*{_NUM}\.?)*)", re.I)
NUMBER = re.compile(_NUM)

#: Words of this language that tell a text's language when --lang is not given.
LANGUAGE_HINTS = {
    "en": ("the", "and", "of", "shall", "must", "clients", "manager"),
    "de": ("der", "die", "und", "des", "mit", "für", "von"),
    "sv": ("och", "för", "att", "med", "av", "som", "till"),
}


def detect_language(texts: list[str]) -> str:
    """Return ru for Cyrillic text, else the Latin language whose small words are most common."""
    sample = " ".join(texts[:200])
    letters = [c for c in sample if c.isalpha()]
    if letters and sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters) > len(letters) / 3:
        return "ru"
    words = re.findall(r"\w+", sample.lower())
    scores = {lang: sum(words.count(w) for w in hints) for lang, hints in LANGUAGE_HINTS.items()}
    return max(scores, key=lambda k: scores[k]) if any(scores.values()) else "en"
