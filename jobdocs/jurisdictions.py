"""The jurisdictions role texts are written for: codes, names, each language's home law.

A role says which jurisdictions it is written for (`law:`), a clause which of
them it holds under, an organization profile which one its documents follow.
The codes are ISO 3166 (lower case), with ISO 3166-2:GB's `gb-eaw` for England
and Wales, whose employment law is not Scotland's. No I/O here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Jurisdiction:
    """A legal system a document can follow."""

    code: str
    name: str  # in English, for messages: "England and Wales"
    # As role texts print it after "legislation of" / «законодательством» / "Recht" /
    # "arbetsrätt" ({{ jurisdiction }}), per language; a profile's `jurisdiction:` wins.
    cited: Mapping[str, str]


JURISDICTIONS: dict[str, Jurisdiction] = {j.code: j for j in (
    Jurisdiction("ru", "Russia", {"ru": "Российской Федерации", "en": "the Russian Federation",
                                  "de": "der Russischen Föderation", "sv": "i Ryssland"}),
    Jurisdiction("gb-eaw", "England and Wales", {
        "en": "England and Wales", "ru": "Англии и Уэльса", "de": "von England und Wales",
        "sv": "i England och Wales"}),
    Jurisdiction("us", "the United States", {
        "en": "the United States", "ru": "Соединённых Штатов Америки",
        "de": "der Vereinigten Staaten", "sv": "i USA"}),
    Jurisdiction("de", "Germany", {"de": "der Bundesrepublik Deutschland", "en": "Germany",
                                   "ru": "Федеративной Республики Германия",
                                   "sv": "i Tyskland"}),
    Jurisdiction("se", "Sweden", {"sv": "i Sverige", "en": "Sweden", "de": "Schwedens",
                                  "ru": "Королевства Швеция"}),
)}

#: The law a document in a language follows when its profile names none: the
#: language's home country. Other languages follow none (law-bound clauses are left out).
HOME = {"ru": "ru", "en": "gb-eaw", "de": "de", "sv": "se"}

CODES = tuple(JURISDICTIONS)


def named(code: str) -> str:
    """Return "England and Wales (gb-eaw)" for messages, or the code alone if unknown."""
    j = JURISDICTIONS.get(code)
    return f"{j.name} ({code})" if j else (code or "no jurisdiction")


def home(lang: str) -> str:
    """Return the code of the law a `lang` document follows by default, or ""."""
    return HOME.get(lang, "")


def locale(lang: str, code: str) -> str:
    """Return the Babel locale a `lang` document under the law `code` takes when its
    profile names none: English is British (en_GB) except under American law."""
    if lang == "en":
        return "en_US" if code == "us" else "en_GB"
    return lang
