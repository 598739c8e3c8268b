"""Read section declarations and the house style from a role, a profile or jobdocs.yaml.

    declare_sections:
      working-conditions:
        heading: {ru: Условия работы, en: Working Conditions}
        after: responsibility
        intro: {ru: ..., en: ...}
    house_style:
      sections: {order: [...], required: [...]}

The schema has checked the shapes; what depends on other files (a key declared
twice, an order naming an unknown section) is checked when a document is resolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import Problem
from ..model import REQUIRED_SECTIONS, SECTIONS, SectionDecl, SectionRules
from ..roles.loader import Loaded


def declarations(loaded: Loaded, source: str, languages: Sequence[str] = (),
                 problems: list[Problem] | None = None) -> tuple[SectionDecl, ...]:
    """Return the sections a file declares; with `languages` (a role's), add a problem to
    `problems` for a heading or intro missing in one of them, or a built-in key redeclared."""
    raw: dict[str, Any] = (loaded.data or {}).get("declare_sections") or {}
    out = []
    for key, value in raw.items():
        at = ("declare_sections", key)
        mark = loaded.key_marks.get(at) or loaded.mark(at)
        if problems is not None and key in SECTIONS:
            problems.append(loaded.problem(
                at, f"declare_sections: '{key}' is a built-in section; declare a section of "
                "your own under another key", "duplicate-section", at_key=True))
            continue
        if problems is not None:
            for field in ("heading", "intro") if value.get("intro") else ("heading",):
                missing = [lang for lang in languages if lang not in value.get(field, {})]
                if missing:
                    problems.append(loaded.problem(
                        (*at, field), f"declare_sections.{key}.{field}: missing the "
                        f"{', '.join(missing)} text (the role's languages are "
                        f"{', '.join(languages)})",
                        "missing-heading" if field == "heading" else "missing-translation"))
        out.append(SectionDecl(key=key, heading=dict(value.get("heading") or {}),
                               after=value.get("after"), before=value.get("before"),
                               intro=dict(value.get("intro") or {}), mark=mark, source=source,
                               law=tuple(value.get("law") or ())))
    return tuple(out)


def rules(loaded: Loaded) -> SectionRules | None:
    """Return the section rules of a file's house style, or None when it gives none."""
    style = ((loaded.data or {}).get("house_style") or {}).get("sections")
    if not style:
        return None
    order = tuple(style.get("order") or SECTIONS)
    required = style.get("required", [k for k in REQUIRED_SECTIONS if k in order])
    return SectionRules(order=order, required=tuple(required),
                      mark=loaded.mark(("house_style", "sections")))
