"""What a role file says about law: the jurisdictions it is written for (`law:`), its
reference language (`reference:`), its officers, and the languages a clause under
some jurisdictions must be written in. See docs/role-format.md, "Jurisdictions".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import Problem
from ..jurisdictions import named
from ..model import Role, Title
from .loader import Key, Loaded

Laws = Mapping[str, tuple[str, ...]]


def role_law(loaded: Loaded, languages: Sequence[str], parent: Role | None,
             problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    """Return the jurisdictions the role is written for, each with its languages."""
    raw = loaded.data.get("law")
    if raw is None:  # the parent's, in the languages this role has
        return {code: tuple(lang for lang in langs if lang in languages)
                for code, langs in (parent.law if parent else {}).items()}
    out = {}
    for code, langs in raw.items():
        for i, lang in enumerate(langs):
            if lang not in languages:
                problems.append(loaded.problem(
                    ("law", code, i), f"law.{code}: '{lang}' is not one of the role's "
                    f"languages ({', '.join(languages)})", "undeclared-language"))
        out[code] = tuple(langs)
    return out


def reference(loaded: Loaded, languages: Sequence[str], parent: Role | None,
              problems: list[Problem]) -> str:
    """Return the language legal reviews, whose texts the translations follow, or ""."""
    value = loaded.data.get("reference")
    if value is None:
        return parent.reference if parent else ""
    if value not in languages:
        problems.append(loaded.problem(("reference",), f"reference: '{value}' is not one of "
                                       f"the role's languages ({', '.join(languages)})",
                                       "undeclared-language"))
    return str(value)


def officers(loaded: Loaded, parent: Role | None) -> dict[str, dict[str, Title]]:
    """Return the role's own officers (its parent's, with this file's replacing them)."""
    out = {name: dict(by_lang) for name, by_lang in (parent.officers if parent else {}).items()}
    for name, value in (loaded.data.get("officers") or {}).items():
        per_lang = value if isinstance(value, Mapping) else {"*": value}
        out[name] = {lang: as_title(forms, loaded.mark(("officers", name)))
                     for lang, forms in per_lang.items()}
    return out


def as_title(value: Any, mark: Any = None) -> Title:
    """Return a position (one string, or its forms) as a Title clause text can inflect."""
    if isinstance(value, Mapping):
        return Title(dict(value), mark)
    return Title.plain(str(value))


def effective(own: Sequence[str], outer: Sequence[str]) -> tuple[str, ...]:
    """Return where a clause holds: its own law within its parent clause's (() everywhere)."""
    if not outer:
        return tuple(own)
    if not own:
        return tuple(outer)
    return tuple(code for code in own if code in outer)


def needed(laws: Laws, law: Sequence[str], languages: Sequence[str]) -> tuple[str, ...]:
    """Return the languages a clause holding under `law` must be written in."""
    if not law or not laws:
        return tuple(languages)
    wanted = {lang for code in law for lang in laws.get(code, ())}
    return tuple(lang for lang in languages if lang in wanted)


def check_clause_law(loaded: Loaded, key: Key, cid: str, own: Sequence[str],
                     outer: Sequence[str], laws: Laws, problems: list[Problem]) -> None:
    """Report a clause law the role is not written for, or one its parent clause excludes."""
    if not own:
        return
    if not laws:
        problems.append(loaded.problem(
            (*key, "law"), f"clause '{cid}' holds under {', '.join(own)}, but the role says "
            "no law it is written for; add law: {CODE: [languages]} at the top",
            "unknown-law", at_key=True))
        return
    for i, code in enumerate(own):
        if code not in laws:
            problems.append(loaded.problem(
                (*key, "law", i), f"clause '{cid}': the role is not written for "
                f"{named(code)} (its law: {', '.join(laws)}); add it to the role's law: or "
                "remove it here", "unknown-law"))
        elif outer and code not in outer:
            problems.append(loaded.problem(
                (*key, "law", i), f"clause '{cid}': {named(code)} is outside the law of the "
                f"clause it stands under ({', '.join(outer)}), so it is never printed",
                "unknown-law"))
