"""Catalog completeness: every message of the document frame translated, none fuzzy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.pofile import read_po

from ..errors import Problem
from ..resolve.i18n import DOMAIN
from ..resources import data_dir


def catalog_problems(langs: Iterable[str], shown: Path | None = None) -> Iterator[Problem]:
    """Yield an error for each untranslated or fuzzy message in the catalogs of `langs`.

    A language without a catalog yields nothing here: the roles that declare
    it get a `no-catalog` finding instead. Paths are shown relative to
    `shown` (the working directory) when they lie below it.
    """
    for lang in sorted(set(langs)):
        po = data_dir("locales") / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.is_file():
            continue
        name = _relative(po, shown or Path.cwd())
        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
        for message in catalog:
            if not message.id:
                continue  # the header
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                yield Problem(name, message.lineno, 1, f"{lang}: {msgid!r} is not translated; "
                              "translate it (see CONTRIBUTING.md, Translations)",
                              "catalog-untranslated")
            elif message.fuzzy:
                yield Problem(name, message.lineno, 1, f"{lang}: the translation of {msgid!r} "
                              "is marked fuzzy; check it and remove the '#, fuzzy' flag",
                              "catalog-fuzzy")


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
