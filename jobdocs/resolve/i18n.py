"""Catalogs, dates, plurals and title forms for each language a document is written in.

Catalogs and templates are looked up along a search path: a company's folders
first (each may hold `locales/<lang>/LC_MESSAGES/messages.po` and
`templates/`), then the ones jobdocs ships. A message a company's catalog
translates wins; every other message falls back to the packaged catalog, as
gettext's fallback chain does. The library never looks at the current folder:
the search path is an argument (the CLI passes what jobdocs.yaml or the
profile names).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from ..errors import InvalidInput, Problem, UsageError
from ..model import CASES, Title
from ..resources import data_dir

DOMAIN = "messages"
#: The constructions a counted number of years can follow, as message contexts.
AFTER = {"at least": "at least", "from": "from"}


def locale_dirs(folders: Iterable[Path | str] = ()) -> list[Path]:
    """Return the catalog folders to search, a company's first, the packaged one last."""
    return [Path(f) / "locales" for f in folders] + [data_dir("locales")]


def template_dirs(folders: Iterable[Path | str] = ()) -> list[Path]:
    """Return the template folders to search, a company's first, the packaged one last."""
    return [Path(f) / "templates" for f in folders] + [data_dir("templates")]


def template_file() -> Path:
    """Return the packaged catalog template (messages.pot) every translation starts from."""
    return data_dir("locales") / f"{DOMAIN}.pot"


def catalog_files(lang: str, folders: Iterable[Path | str] = ()) -> list[Path]:
    """Return the `.po` files of `lang` along the search path, the one that wins first."""
    found = (d / lang / "LC_MESSAGES" / f"{DOMAIN}.po" for d in locale_dirs(folders))
    return [po for po in found if po.is_file()]


def available_languages(folders: Iterable[Path | str] = ()) -> list[str]:
    """Return the languages there is a catalog for, packaged or in a company's folder."""
    return sorted({p.parent.parent.name for d in locale_dirs(folders)
                   for p in d.glob(f"*/LC_MESSAGES/{DOMAIN}.po")})


def translations(lang: str, folders: Iterable[Path | str] = ()) -> gettext.GNUTranslations:
    """Return the gettext translations of the document frame for `lang`.

    The catalogs are compiled in memory from their `.po` files, which stay the
    one source of truth; untranslated and fuzzy entries are left out, so they
    fall back to the next catalog on the search path (and finally to English).
    """
    return _translations(lang, tuple(str(f) for f in folders))


@lru_cache(maxsize=64)  # a few languages and folders per run; bounded all the same
def _translations(lang: str, folders: tuple[str, ...]) -> gettext.GNUTranslations:
    files = catalog_files(lang, folders)
    if not files:
        have = ", ".join(available_languages(folders))
        raise UsageError(f"no catalog for language '{lang}' (there are: {have}); add one "
                         "(see docs/translating.md)")
    chain = [_compile(po, lang) for po in files]
    for first, then in zip(chain, chain[1:], strict=False):
        first.add_fallback(then)
    return chain[0]


def read_catalog(po: Path, lang: str) -> Catalog:
    """Read a `.po` file; raise InvalidInput (rule catalog-syntax) at the line that is wrong.

    The catalog is shared, not to be changed: `validate` reads each file twice (for the
    translations, and to check it), and parsing took 1.6 % of checking 100 files."""
    try:
        return _read_catalog(str(po), lang, po.read_bytes())
    except OSError as e:
        raise _syntax(po, None, str(e)) from None


@lru_cache(maxsize=16)  # by content: an edited file is read again
def _read_catalog(po: str, lang: str, content: bytes) -> Catalog:
    try:
        return read_po(io.BytesIO(content), locale=lang, abort_invalid=True)
    except PoFileError as e:
        raise _syntax(Path(po), getattr(e, "lineno", None), str(e)) from None
    except (UnicodeDecodeError, ValueError, UnknownLocaleError) as e:
        raise _syntax(Path(po), None, str(e)) from None


def _syntax(po: Path, line: int | None, what: str) -> InvalidInput:
    return InvalidInput(Problem(str(po), line or 1, 1, f"not a readable gettext catalog: {what}; "
                                "check it with `pybabel compile` (see docs/translating.md)",
                                "catalog-syntax"))


def _compile(po: Path, lang: str) -> gettext.GNUTranslations:
    catalog = read_catalog(po, lang)
    buf = io.BytesIO()
    try:
        write_mo(buf, catalog, use_fuzzy=False)
        buf.seek(0)
        return gettext.GNUTranslations(buf)
    except (ValueError, SyntaxError, TypeError, KeyError) as e:  # the Plural-Forms header
        raise _syntax(po, 1, f"{type(e).__name__}: {e}") from None


def locale_for(lang: str) -> Locale:
    """Return the Babel locale for a language code."""
    try:
        return Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        raise UsageError(f"'{lang}' is not a language Babel knows") from None


def format_date(date: dt.date | None, lang: str, locale: str | None = None,
                folders: Iterable[Path | str] = ()) -> str:
    """Return a date in the language's long form, or the blank form to fill by hand."""
    if date is None:
        return translations(lang, folders).gettext("«__» __________ 20__")
    return _long_date(date, locale or lang)


@lru_cache(maxsize=256)  # keyed by input: bounded; a document prints its date five times
def _long_date(date: dt.date, locale: str) -> str:
    return _babel_format_date(date, "long", locale=locale)


def years(n: int, lang: str, after: str = "at least",
          folders: Iterable[Path | str] = ()) -> str:
    """Return 'N years' in the form the construction `after` governs.

    after="at least": «не менее 1 года / 2 лет / 21 года», "mindestens 2 Jahre";
    after="from": «от 1 года / 5 лет», "ab 2 Jahren" (German takes the dative).
    The forms come from the catalog's plural forms (one/few/many in Russian).
    """
    if after not in AFTER:
        raise ValueError(f"years() counts after {' or '.join(map(repr, AFTER))}, not {after!r}")
    t = translations(lang, folders)
    if after == "from":
        form = t.npgettext("from", "%(num)d year", "%(num)d years", n)
    else:
        form = t.npgettext("at least", "%(num)d year", "%(num)d years", n)
    return form % {"num": n}


def title_forms(lang: str, folders: Iterable[Path | str] = ()) -> tuple[str, ...]:
    """Return the grammatical forms every role must give its title in for `lang`.

    Each language's catalog declares them, so that a language added in a
    company's folder declares its own. Unknown names are left out (and
    reported by `validate`).
    """
    # Translators: do not translate these words. List, separated by
    # spaces, the forms of the job title your translations and role
    # texts need, from: nominative genitive dative accusative
    # instrumental prepositional. A language that prints the title
    # the same way everywhere keeps: nominative
    declared = translations(lang, folders).pgettext("title forms", "nominative").split()
    forms = tuple(dict.fromkeys(f for f in declared if f in CASES))
    return forms if "nominative" in forms else ("nominative", *forms)


class _Forms(dict):  # type: ignore[type-arg]
    """A title's forms by case name; a name the title lacks prints the nominative (the
    role check and `validate`'s catalog-placeholder rule report it before it gets here)."""

    def __missing__(self, case: str) -> str:
        return str(self.get("nominative", ""))


def title_arguments(title: Title) -> dict[str, str]:
    """Return the arguments of a catalog message about the job title: each form the
    title has (one-form titles under every case name)."""
    return _Forms({case: getattr(title, case) for case in CASES if hasattr(title, case)})
