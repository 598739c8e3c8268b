"""Catalogs, dates and plurals for each language a document is written in."""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..errors import UsageError
from ..resources import data_dir

DOMAIN = "messages"


def available_languages() -> list[str]:
    """Return the languages jobdocs has a catalog for."""
    root = data_dir("locales")
    return sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@cache
def translations(lang: str) -> gettext.GNUTranslations:
    """Return the gettext translations of the document frame for `lang`.

    The catalog is compiled in memory from its `.po` file, which stays the one
    source of truth (`pybabel compile` still works for other tools).
    """
    po = data_dir("locales") / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        have = ", ".join(available_languages())
        raise UsageError(f"no catalog for language '{lang}' (jobdocs has: {have})")
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def locale_for(lang: str) -> Locale:
    """Return the Babel locale for a language code."""
    try:
        return Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        raise UsageError(f"'{lang}' is not a language Babel knows") from None


def format_date(date: dt.date | None, lang: str, locale: str | None = None) -> str:
    """Return a date in the language's long form, or the blank form to fill by hand."""
    if date is None:
        return translations(lang).gettext("«__» __________ 20__")
    return _babel_format_date(date, "long", locale=locale or lang)


def years(n: int, lang: str) -> str:
    """Return 'N years' in the form that follows 'at least' («не менее 2 лет»)."""
    return translations(lang).npgettext("at least", "%(num)d year", "%(num)d years", n) % {
        "num": n
    }
