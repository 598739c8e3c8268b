"""The Jinja sandbox clause text runs in: immutable data, bounded calls, clear misspellings."""

from __future__ import annotations

import difflib
import operator
from collections.abc import Mapping
from typing import Any

from jinja2 import StrictUndefined, pass_eval_context
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing

from ..model import Title
from . import limits


class ClauseSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (clause text cannot `.update()` the organization that
    the next role's document uses), refusing calls and operators that would allocate
    beyond the limits before they allocate."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        limits.tick()
        if operator_ == "**":
            raise SecurityError("the power operator is not allowed in clause text")
        if operator_ == "%":
            limits.percent_format(left)
            return operator.mod(left, right)
        limits.repetition(left, right)
        return operator.mul(left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            limits.brace_format(obj)  # newer Jinja wraps str.format here, not in call()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, str) and argument in ("format", "format_map"):
            limits.brace_format(obj)
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        limits.tick()
        limits.method_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


#: Filters that could loop or allocate without bound and that clause text has no use for.
_DROPPED = ("slice", "batch", "wordwrap", "filesizeformat", "urlize", "xmlattr", "pprint",
            "tojson", "random")


def bounded_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Return Jinja's filters with the ones that pad or expand checked first."""
    out = {k: v for k, v in filters.items() if k not in _DROPPED}
    center, indent, fmt, replace = (filters[k] for k in ("center", "indent", "format", "replace"))

    def bounded_center(value: Any, width: int = 80) -> str:
        limits.size(width, "center")
        return center(value, width)  # type: ignore[no-any-return]

    def bounded_indent(s: Any, width: int | str = 4, first: bool = False,
                       blank: bool = False) -> str:
        text = str(s)
        pad = width if isinstance(width, int) else len(str(width))
        limits.size(len(text) + (text.count("\n") + 1) * pad, "indent")
        return indent(s, width, first, blank)  # type: ignore[no-any-return]

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> str:
        limits.percent_format(value)
        return fmt(value, *args, **kwargs)  # type: ignore[no-any-return]

    @pass_eval_context
    def bounded_replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None) -> str:
        limits.replaced(str(s), str(old), str(new), -1 if count is None else count)
        return replace(eval_ctx, s, old, new, count)  # type: ignore[no-any-return]

    out.update(center=bounded_center, indent=bounded_indent, format=bounded_format,
               replace=bounded_replace)
    return out


class Undefined(StrictUndefined):
    """An undefined name or field that says what is wrong in the words of a role
    author: `'genetive' is not a field of the title (did you mean 'genitive'?)`,
    never a Python class name."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        name = self._undefined_name
        if self._undefined_obj is missing:
            return f"{name!r} is undefined"
        obj = self._undefined_obj
        fields = _fields(obj)
        close = difflib.get_close_matches(str(name), fields, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        have = f"; it has: {', '.join(fields)}" if fields else ""
        return f"{name!r} is not a field of {_what(obj)}{hint}{have}"


def _fields(obj: Any) -> list[str]:
    if isinstance(obj, Title):
        return sorted(obj.forms)
    if isinstance(obj, Mapping):
        return sorted(str(k) for k in obj)
    return []


def _what(obj: Any) -> str:
    if isinstance(obj, Title):
        return "the title"
    if isinstance(obj, Mapping):
        return "this value"
    if isinstance(obj, str):
        return "a text"
    if isinstance(obj, int | float):
        return "a number"
    return "this value"
