"""Render clause text: Jinja in a sandbox, strict about undefined names."""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from .errors import Problem
from .model import Clause

MAX_TEXT = 20_000  # characters one clause may grow to once rendered


def upfirst(text: str) -> str:
    """Return `text` with its first letter in upper case and the rest untouched."""
    return text[:1].upper() + text[1:]


class _ClauseSandbox(SandboxedEnvironment):
    """A sandbox that also refuses arithmetic able to exhaust memory or time."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            raise SecurityError("the power operator is not allowed in clause text")
        size = len(left) if isinstance(left, str | list) else len(right) \
            if isinstance(right, str | list) else 0
        factor = right if isinstance(left, str | list) else left
        if size and isinstance(factor, int) and size * factor > MAX_TEXT:
            raise SecurityError("clause text would grow too long")
        return operator.mul(left, right)


@cache
def environment() -> SandboxedEnvironment:
    """Return the sandboxed environment clause text is rendered in."""
    env = _ClauseSandbox(undefined=StrictUndefined, autoescape=False)
    env.filters["upfirst"] = upfirst
    return env


@cache
def _compile(source: str) -> Template:
    return environment().from_string(source)


class RefError(Exception):
    """A cross-reference to a clause that has no number."""


def render(clause: Clause, lang: str, context: Mapping[str, Any],
           problems: list[Problem]) -> str:
    """Return the clause's text in `lang`, or '' after adding a problem to `problems`."""
    source = clause.text[lang]
    try:
        out = _compile(source).render(context)
    except TemplateSyntaxError as e:
        problems.append(_problem(clause, lang, f"template syntax: {e.message}", "jinja-syntax",
                                 line=e.lineno))
        return ""
    except UndefinedError as e:
        name = _undefined_name(str(e.message))
        known = sorted(k for k in context if not k.startswith("_"))
        hint = ""
        if name:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append(_problem(clause, lang, f"{e.message}{hint}; clause text may use: "
                                 f"{', '.join(known)}", "undefined-variable", name=name))
        return ""
    except RefError as e:
        problems.append(_problem(clause, lang, str(e), "unknown-ref"))
        return ""
    except SecurityError as e:
        problems.append(_problem(clause, lang, f"not allowed: {e}", "sandbox"))
        return ""
    except (TypeError, ValueError, ArithmeticError, LookupError) as e:
        problems.append(_problem(clause, lang, f"cannot render: {e}", "render"))
        return ""
    if len(out) > MAX_TEXT:
        problems.append(_problem(clause, lang, "clause text is too long once rendered", "render"))
        return ""
    return " ".join(out.split())


def _undefined_name(message: str) -> str | None:
    m = re.match(r"'([^']+)' is undefined", message) or re.search(
        r"has no attribute '([^']+)'", message)
    return m.group(1) if m else None


def _problem(clause: Clause, lang: str, message: str, rule: str, *,
             line: int | None = None, name: str | None = None) -> Problem:
    mark = clause.text_marks.get(lang) or clause.mark
    assert mark is not None
    row, col = mark.line, mark.column
    style = clause.text_styles.get(lang)
    source = clause.text[lang]
    if style in ("|", ">"):  # a block scalar starts on the next line, indented
        row += line or 1
        col = 1
    elif name and "\n" not in source:
        at = source.find(name)
        if at >= 0:
            col += at + (1 if style in ("'", '"') else 0)
    return Problem(mark.path, row, col, f"clause '{clause.id}' ({lang}): {message}", rule)


def make_ref(numbers: Mapping[str, str], items: Mapping[str, str]) -> Callable[[str], str]:
    """Return the `ref()` function clause text calls to print another clause's number."""

    def ref(clause_id: str) -> str:
        if clause_id in numbers:
            return numbers[clause_id]
        if clause_id in items:
            raise RefError(f"ref('{clause_id}') names an item of clause '{items[clause_id]}'; "
                           f"items have no number: refer to the clause")
        close = difflib.get_close_matches(str(clause_id), list(numbers), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise RefError(f"ref('{clause_id}'): no clause has that id{hint}")

    return ref
