"""Turn a loaded role file into a Role, collecting every problem before failing."""

from __future__ import annotations

from typing import Any

from .errors import InvalidInput, Problem
from .loader import Key, Loaded
from .model import REQUIRED_CASES, SECTIONS, Clause, Role, Title
from .schema import check, dotted


def build_role(loaded: Loaded) -> Role:
    """Return the Role a loaded file describes; raise InvalidInput with every problem."""
    problems = check(loaded)
    if problems:
        raise InvalidInput(problems)
    data = loaded.data
    languages = tuple(data["languages"])
    problems += _check_languages(loaded, languages)
    titles = _titles(loaded, languages, problems)
    sections: dict[str, tuple[Clause, ...]] = {}
    seen: dict[str, Key] = {}
    for key in SECTIONS:
        if key in data["sections"]:
            clauses = data["sections"][key]
            sections[key] = tuple(
                _clause(loaded, c, ("sections", key, i), languages, seen, problems, data["id"])
                for i, c in enumerate(clauses)
            )
    if problems:
        raise InvalidInput(problems)
    return Role(
        id=data["id"],
        version=str(data["version"]),
        languages=languages,
        title=titles,
        sections=sections,
        vars=data.get("vars") or {},
        path=loaded.path,
    )


def _check_languages(loaded: Loaded, languages: tuple[str, ...]) -> list[Problem]:
    problems = []
    for i, lang in enumerate(languages):
        if lang in languages[:i]:
            problems.append(loaded.problem(("languages", i), f"language '{lang}' is listed twice",
                                           "duplicate-language"))
    return problems


def _texts(loaded: Loaded, text: dict[str, str], key: Key, languages: tuple[str, ...],
           problems: list[Problem]) -> None:
    for lang in languages:
        if lang not in text:
            problems.append(loaded.problem(
                key, f"{dotted(key)}: missing the '{lang}' text (the role's languages are "
                f"{', '.join(languages)})", "missing-translation"))
    for lang in text:
        if lang not in languages:
            problems.append(loaded.problem(
                (*key, lang), f"{dotted(key)}: text in '{lang}', which is not one of the role's "
                f"languages ({', '.join(languages)}); add it to languages or remove it",
                "undeclared-language", at_key=True))


def _titles(loaded: Loaded, languages: tuple[str, ...], problems: list[Problem]
            ) -> dict[str, Title]:
    raw = loaded.data["title"]
    _texts(loaded, raw, ("title",), languages, problems)
    titles = {}
    for lang, value in raw.items():
        key = ("title", lang)
        if isinstance(value, str):
            forms = {"nominative": value}
            if lang not in REQUIRED_CASES:
                titles[lang] = Title.plain(value)
                continue
        else:
            forms = dict(value)
        missing = [c for c in REQUIRED_CASES.get(lang, ()) if c not in forms]
        if missing:
            problems.append(loaded.problem(
                key, f"title.{lang}: give the title in the {', '.join(missing)} "
                f"case{'s' if len(missing) > 1 else ''} too (the templates print it so)",
                "title-case"))
        titles[lang] = Title(forms)
    return titles


def _clause(loaded: Loaded, raw: dict[str, Any], key: Key, languages: tuple[str, ...],
            seen: dict[str, Key], problems: list[Problem], origin: str) -> Clause:
    cid = raw["id"]
    if cid in seen:
        first = loaded.mark((*seen[cid], "id"))
        problems.append(loaded.problem(
            (*key, "id"), f"clause id '{cid}' is used twice (first at line {first.line}); "
            "give each clause its own id", "duplicate-id"))
    else:
        seen[cid] = key
    _texts(loaded, raw["text"], (*key, "text"), languages, problems)
    items = tuple(
        _clause(loaded, item, (*key, "items", i), languages, seen, problems, origin)
        for i, item in enumerate(raw.get("items", ()))
    )
    text_key = (*key, "text")
    return Clause(
        id=cid,
        text=dict(raw["text"]),
        items=items,
        mark=loaded.mark(key),
        text_marks={lang: loaded.mark((*text_key, lang)) for lang in raw["text"]},
        text_styles={lang: loaded.styles.get((*text_key, lang)) for lang in raw["text"]},
        origin=origin,
    )
