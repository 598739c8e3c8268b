"""Catalog checks: every message translated somewhere on the search path, none fuzzy,
placeholders a document can fill, title forms a language can declare."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem
from ..model import CASES
from ..resolve import i18n

#: Named placeholders: %(num)d, and {genitive} in the messages about the job title.
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def _names(text: str) -> set[str]:
    return {a or b for a, b in _PLACEHOLDER.findall(text)}


def catalog_problems(langs: Iterable[str], shown: Path | None = None,
                     folders: Iterable[Path | str] = ()) -> Iterator[Problem]:
    """Yield an error for each problem in the catalogs of `langs`, a company's too.

    A message a company's catalog leaves empty falls back to the next catalog on
    the search path, so it is untranslated only when no catalog translates it. A
    language without a catalog yields nothing here: the roles that declare it get
    a `no-catalog` finding instead. Paths are shown relative to `shown` (the
    working directory) when they lie below it.
    """
    folders = tuple(folders)
    for lang in sorted(set(langs)):
        files = i18n.catalog_files(lang, folders)
        try:
            catalogs = [i18n.read_catalog(po, lang) for po in files]
            forms = set(i18n.title_forms(lang, folders)) if files else set()
        except InvalidInput as e:  # as resolving a role in `lang` reports it: one finding
            yield from e.problems
            continue
        for n, (po, catalog) in enumerate(zip(files, catalogs, strict=True)):
            later = catalogs[n + 1:]
            name = _relative(po, shown or Path.cwd())
            for message in catalog:
                if message.id:  # not the header
                    yield from _message_problems(name, lang, message, later, forms)


def _message_problems(name: str, lang: str, message: Any, later: list[Any],
                      forms: set[str]) -> Iterator[Problem]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if not all(strings):
        if not any(_translated(c, message) for c in later):
            yield Problem(name, message.lineno, 1, f"{lang}: {msgid!r} is not translated; "
                          "translate it (see docs/translating.md)", "catalog-untranslated")
        return
    if message.fuzzy:
        yield Problem(name, message.lineno, 1, f"{lang}: the translation of {msgid!r} "
                      "is marked fuzzy; check it and remove the '#, fuzzy' flag",
                      "catalog-fuzzy")
        return
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    allowed = {name for text in ids for name in _names(text)}
    if allowed & set(CASES):
        allowed |= forms  # the title: any form the language declares
    for string in strings:
        for bad in sorted(_names(string) - allowed):
            may = ", ".join(sorted(allowed)) or "none"
            yield Problem(name, message.lineno, 1, f"{lang}: the translation of {msgid!r} "
                          f"uses '{bad}', which the document cannot fill (it may use: "
                          f"{may}); check the spelling, or declare the title form in "
                          "the 'title forms' message", "catalog-placeholder")
    if message.context == "title forms":
        for bad in [f for f in strings[0].split() if f not in CASES]:
            yield Problem(name, message.lineno, 1, f"{lang}: the title forms name {bad!r}, "
                          f"which is none of: {', '.join(CASES)}", "catalog-placeholder")


def _translated(catalog: Any, message: Any) -> bool:
    other = catalog.get(message.id, context=message.context)
    if other is None or other.fuzzy:
        return False
    strings = other.string if isinstance(other.string, tuple) else (other.string,)
    return all(strings)


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
