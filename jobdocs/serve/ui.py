"""The pages' language and templates: gettext catalogs of the `serve` domain, Jinja.

The interface speaks the languages that have a `locales/<lang>/LC_MESSAGES/serve.po`
(Russian, English, German, Swedish); a page takes its language from `?ui=`, then the cookie
that switch sets, then the browser's Accept-Language, else English.
"""

from __future__ import annotations

import gettext
import io
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..model import BLANK
from ..resolve.sandbox import upfirst
from ..resources import data_dir

DOMAIN = "serve"
DEFAULT = "en"
COOKIE = "jobdocs_ui"
TEMPLATES = Path(__file__).parent / "templates"


def tr(message: str) -> str:
    """Mark a message of the interface for extraction (`pybabel extract -k tr`)."""
    return message


@cache
def languages() -> tuple[str, ...]:
    """Return the languages the interface has a catalog for."""
    root = data_dir("locales")
    return tuple(sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


@lru_cache(maxsize=16)  # keyed by input: bounded
def catalog(lang: str) -> gettext.NullTranslations:
    """Return the interface's translations in `lang` (compiled in memory from the .po)."""
    po = data_dir("locales") / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as f:
        messages = read_po(f, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, messages, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def negotiate(query: str | None, cookie: str | None, accept: str | None) -> str:
    """Return the interface language for a request."""
    have = languages()
    for choice in (query, cookie):
        if choice in have:
            return choice
    weighted = []
    for n, part in enumerate((accept or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        weighted.append((-q, n, tag.strip().lower().split("-")[0]))
    for _q, _n, lang in sorted(weighted):
        if lang in have:
            return lang
    return DEFAULT if DEFAULT in have or not have else have[0]


@lru_cache(maxsize=16)  # keyed by input: bounded
def environment(lang: str) -> Environment:
    """Return the Jinja environment of the pages in `lang`: autoescaped HTML, strict names."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(
        default=True), undefined=StrictUndefined, extensions=["jinja2.ext.i18n"],
        trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.install_gettext_translations(catalog(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(ui_lang=lang, ui_languages=languages(), BLANK=BLANK,
                       own_name=lambda code: language_name(code, code))
    env.filters["upfirst"] = upfirst
    env.filters["language"] = lambda code, capital=True: language_name(code, lang, capital)
    return env


@lru_cache(maxsize=256)  # keyed by (language, interface language): bounded
def language_name(code: str, ui_lang: str, capital: bool = True) -> str:
    """Return a language's name as the interface in `ui_lang` writes it: «Английский»
    (at the start of a label), «английский» (inside a sentence, `capital=False`)."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(Locale.parse(ui_lang))
    except (ValueError, TypeError, UnknownLocaleError):
        return code
    if not name:
        return code
    return upfirst(name) if capital else name


def render(name: str, ui_lang: str, **context: Any) -> str:
    """Render page `name` with the interface in `ui_lang`."""
    return environment(ui_lang).get_template(name).render(context)
