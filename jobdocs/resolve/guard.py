"""The Jinja sandbox clause text runs in: immutable data, bounded calls, clear misspellings.

Everything clause text can turn into text or a larger structure is measured before
it is built (see limits and measure): operators (`*`, `+`, `%`, `~`), the methods
of strings and bytes (padding, `join`, `translate`, `format`), the filters (`join`,
`string`, `list`, `map`, `format`, escaping...) and finally every printed value.
Nothing is folded at compile time, where those checks would not run.
"""

from __future__ import annotations

import difflib
import operator
from collections.abc import Mapping
from typing import Any

from jinja2 import StrictUndefined, nodes, pass_context, pass_environment, pass_eval_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.filters import make_attrgetter, sync_do_join, sync_do_list, sync_do_map, sync_do_sum
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import missing
from markupsafe import Markup

from ..model import CASES, Title
from . import limits, measure


class ClauseCodeGenerator(CodeGenerator):
    """Jinja's code generator with `a ~ b` measured before it is joined, and no value
    computed at compile time (where the sandbox's checks would not run)."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        if not isinstance(node, nodes.TemplateData | nodes.Const):
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)


#: What `getattr` finds on a dict itself (not one of its keys).
_DICT_ATTRIBUTES = frozenset(dir(dict))


class ClauseSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (clause text cannot `.update()` the organization that
    the next role's document uses), refusing calls and operators that would allocate
    beyond the limits before they allocate."""

    code_generator_class = ClauseCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        limits.tick()
        if operator_ == "**":
            raise SecurityError("the power operator is not allowed in clause text")
        if operator_ == "%":
            measure.percent_formatted(left, right)
            return operator.mod(left, right)
        if operator_ == "+":
            limits.added(left, right)
            return operator.add(left, right)
        limits.repetition(left, right)
        return operator.mul(left, right)

    def joined(self, values: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`: measured, then joined."""
        limits.tick()
        measure.check_all(values, "joining texts with ~")
        return "".join(map(str, values))

    def getattr(self, obj: Any, attribute: str) -> Any:
        # `title.genitive`, `vars.x`: a form of our Title, a key of a dict that no dict
        # attribute hides, read as the sandbox would find and pass them, without asking.
        if obj.__class__ is Title and attribute in CASES and attribute in obj.forms:
            return obj.forms[attribute]
        if obj.__class__ is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
            return obj[attribute]
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            return self._format(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, str) and argument in ("format", "format_map"):
            return self._format(obj, argument)
        return super().getitem(obj, argument)

    def _format(self, text: str, name: str) -> Any:
        """Return `text.format` (or `format_map`) sandboxed and measured first."""
        formatter = (SandboxedEscapeFormatter(self, escape=text.escape)
                     if isinstance(text, Markup) else SandboxedFormatter(self))

        def formatted(*args: Any, **kwargs: Any) -> str:
            if name == "format_map":
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs, args = args[0], ()
            measure.brace_formatted(text, args, kwargs, formatter.get_field)
            return type(text)(formatter.vformat(text, args, kwargs))

        return formatted

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        limits.tick()
        owner, name = getattr(__obj, "__self__", None), getattr(__obj, "__name__", "")
        if isinstance(owner, str | bytes) and args:
            if name == "join":
                items = list(args[0])  # a generator is read once: measure what is joined
                measure.joined(owner, items)
                args = (items, *args[1:])
            elif name == "translate":
                measure.translated(owner, args[0])
        limits.method_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


#: Filters that could loop or allocate without bound and that clause text has no use for.
_DROPPED = ("slice", "batch", "wordwrap", "filesizeformat", "urlize", "xmlattr", "pprint",
            "tojson", "random", "urlencode")


def bounded_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Return Jinja's filters with the ones that pad, join, print or expand checked first."""
    out = {k: v for k, v in filters.items() if k not in _DROPPED}
    center, indent, fmt, replace = (filters[k] for k in ("center", "indent", "format", "replace"))
    string, escape, forceescape = (filters[k] for k in ("string", "escape", "forceescape"))

    def bounded_center(value: Any, width: int = 80) -> str:
        limits.size(width, "center")
        return center(value, width)  # type: ignore[no-any-return]

    def bounded_indent(s: Any, width: int | str = 4, first: bool = False,
                       blank: bool = False) -> str:
        text = str(measure.check(s, "indent"))
        pad = width if isinstance(width, int) else len(str(width))
        limits.size(len(text) + (text.count("\n") + 1) * pad, "indent")
        return indent(s, width, first, blank)  # type: ignore[no-any-return]

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> str:
        measure.percent_formatted(value, kwargs or args)
        return fmt(value, *args, **kwargs)  # type: ignore[no-any-return]

    @pass_eval_context
    def bounded_replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None) -> str:
        measure.check(s, "replace")
        limits.replaced(str(s), str(old), str(new), -1 if count is None else count)
        return replace(eval_ctx, s, old, new, count)  # type: ignore[no-any-return]

    @pass_eval_context
    def bounded_join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
        items = list(value)
        if attribute is not None:
            getter = make_attrgetter(eval_ctx.environment, attribute)
            items = [getter(item) for item in items]
        measure.joined(d, items, "join")
        return sync_do_join(eval_ctx, items, d)

    def bounded_string(value: Any) -> str:
        return string(measure.check(value, "string"))  # type: ignore[no-any-return]

    def bounded_list(value: Any) -> list[Any]:
        items = []
        for item in sync_do_list(value):
            items.append(item)
            limits.size(len(items), "list")
        return items

    @pass_context
    def bounded_map(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        total = 0
        for item in sync_do_map(context, value, *args, **kwargs):
            total += measure.printed(item, limits.MAX_TEXT - total)
            limits.size(total, "map")
            yield item

    @pass_environment
    def bounded_sum(environment: Any, iterable: Any, attribute: Any = None,
                    start: Any = 0) -> Any:
        if not isinstance(start, int | float) or isinstance(start, bool):
            raise SecurityError("sum adds numbers in clause text")
        return sync_do_sum(environment, iterable, attribute, start)

    def bounded_escape(value: Any) -> Markup:
        measure.escaped(value)
        return escape(value)  # type: ignore[no-any-return]

    def bounded_forceescape(value: Any) -> Markup:
        measure.escaped(value if isinstance(value, str) else str(measure.check(value)))
        return forceescape(value)  # type: ignore[no-any-return]

    out.update(center=bounded_center, indent=bounded_indent, format=bounded_format,
               replace=bounded_replace, join=bounded_join, string=bounded_string,
               list=bounded_list, map=bounded_map, sum=bounded_sum, escape=bounded_escape,
               e=bounded_escape, forceescape=bounded_forceescape)
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
