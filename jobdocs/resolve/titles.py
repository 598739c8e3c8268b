"""Check that a role gives its title in every form its language declares."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import Problem
from ..model import Role
from . import i18n, inflect


def title_problems(role: Role, lang: str, folders: Iterable[Path | str] = ()) -> list[Problem]:
    """Return a `title-case` error when the title lacks a form `lang`'s catalog asks for.

    For Russian the message proposes the missing forms when the `morph` extra is
    installed; it never fills them in.
    """
    title = role.title.get(lang)
    if title is None:
        return []  # the role's check reports the missing translation
    needed = i18n.title_forms(lang, folders)
    missing = [form for form in needed if form not in title.forms]
    if not missing:
        return []
    mark = title.mark
    path, line, column = (mark.path, mark.line, mark.column) if mark else (role.path, 1, 1)
    names = ", ".join(missing)
    message = (f"title.{lang}: give the title in the {names} "
               f"{'form' if len(missing) == 1 else 'forms'} too: the '{lang}' documents print "
               f"it in the {', '.join(needed)}")
    if len(title.forms) == 1:
        message += (f"; write title.{lang} as a mapping {{{', '.join(f'{f}: ...' for f in needed)}"
                    "}")
    return [Problem(path, line, column, message + _proposal(str(title), lang, missing),
                    "title-case")]


def _proposal(nominative: str, lang: str, missing: list[str]) -> str:
    if lang != "ru":
        return ""
    if not inflect.available():
        return f" (the morph extra proposes them: {inflect.INSTALL})"
    try:
        forms = inflect.propose(nominative)
    except inflect.CannotInflect:
        return ""
    return "; proposed, check before pasting: " + "; ".join(f"{f}: {forms[f]}" for f in missing)
