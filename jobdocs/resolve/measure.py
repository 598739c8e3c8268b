"""How long a value would print, found without printing it.

Clause text can build a small structure that prints enormous: a list of one
20,000-character string repeated 20,000 times costs a few kilobytes, and its
`str()` 400 million characters. Before anything of clause text is turned into
text (output, `~`, `join`, the `string` filter, `format`), its printed length is
measured here: walking the structure and stopping as soon as the sum passes the
budget, so a measurement costs at most about budget/2 steps, never the text.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import ItemsView, Iterable, KeysView, Mapping, ValuesView
from typing import Any

from ..model import Title
from . import limits

#: What prints through repr() of its parts: measured part by part.
_STRUCTURED = (int, bytes, list, tuple, set, frozenset, Mapping, KeysView, ValuesView, ItemsView)


def printed(value: Any, budget: int = limits.MAX_TEXT) -> int:
    """Return len(str(value)), or budget + 1 as soon as it is certain to be more."""
    if isinstance(value, str):
        return len(value)
    if value.__class__ is Title:  # `{{ title }}`: no structure to ask the ABCs about
        return len(str(value))
    if isinstance(value, _STRUCTURED) or (dataclasses.is_dataclass(value)
                                          and type(value).__str__ is object.__str__):
        return shown(value, budget)
    return len(str(value))  # a Title, a date, a number: short and already bounded


def shown(value: Any, budget: int = limits.MAX_TEXT) -> int:
    """Return len(repr(value)) (how a value prints inside a list), or budget + 1 as soon
    as it is certain to be more."""
    over = budget + 1
    if isinstance(value, str | bytes):
        if len(value) + 2 > budget:
            return over
        return min(len(repr(value)), over)
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return len(repr(value))
    if isinstance(value, int):
        digits = value.bit_length() * 30103 // 100000 + 2  # an upper bound, never str()
        return digits if digits <= budget else over
    if isinstance(value, Mapping):
        pairs = ((k, v) for k, v in value.items())
        return _items(pairs, len(value), 2 + _prefix(value, dict), budget, pairs=True)
    if isinstance(value, list | tuple):
        extra = 2 + _prefix(value, type(value)) + (1 if isinstance(value, tuple) and
                                                    len(value) == 1 else 0)
        return _items(value, len(value), extra, budget)
    if isinstance(value, set | frozenset):
        if not value:
            return len(repr(value))
        return _items(value, len(value), 2 + _prefix(value, set), budget)
    if isinstance(value, KeysView | ValuesView | ItemsView):
        name = type(value).__name__  # dict_items([...])
        return _items(value, len(value), len(name) + 4, budget)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value) if f.repr]
        names = sum(len(name) + 1 for name, _ in fields)
        return _items((v for _, v in fields), len(fields),
                      len(type(value).__name__) + 2 + names, budget)
    return min(len(repr(value)), over)


def _prefix(value: Any, plain: type) -> int:
    """Characters a subclass's repr adds (`frozenset(...)`, `Markup(...)`)."""
    return 0 if type(value) is plain else len(type(value).__name__) + 2


def _items(items: Iterable[Any], n: int, extra: int, budget: int, pairs: bool = False) -> int:
    total = extra + 2 * max(n - 1, 0) + (2 * n if pairs else 0)
    for item in items:
        if total > budget:
            return budget + 1
        if pairs:
            key, item = item
            total += shown(key, budget - total)
        total += shown(item, budget - total)
    return total if total <= budget else budget + 1


def check(value: Any, what: str = "the value") -> Any:
    """Return `value` when it prints within MAX_TEXT characters; refuse it otherwise."""
    if not isinstance(value, str) or len(value) > limits.MAX_TEXT:
        limits.size(printed(value), what)
    return value


def check_all(values: Iterable[Any], what: str, extra: int = 0) -> None:
    """Refuse printing all of `values` (and `extra` characters more) beyond MAX_TEXT."""
    total = extra
    limits.size(total, what)
    for value in values:
        total += printed(value, limits.MAX_TEXT - total)
        limits.size(total, what)


def joined(sep: Any, items: list[Any], what: str = "join()") -> None:
    """Refuse `sep.join(items)` whose result would pass MAX_TEXT."""
    gaps = len(sep) * max(len(items) - 1, 0) if isinstance(sep, str | bytes) else 0
    check_all(items, what, gaps)


def translated(text: Any, table: Any) -> None:
    """Refuse `text.translate(table)` whose result would pass MAX_TEXT: every character
    may become the longest text the table maps to."""
    if not isinstance(text, str | bytes):
        return
    values = table.values() if isinstance(table, Mapping) else table
    if isinstance(values, str | bytes):
        longest = 1
    elif isinstance(values, Iterable):
        longest = max((len(v) for v in values if isinstance(v, str)), default=1)
    else:
        raise limits.LimitError("translate() takes a mapping or a sequence in clause text")
    limits.size(len(text) * max(longest, 1), "translate()")


def escaped(value: Any, what: str = "escape") -> None:
    """Refuse HTML-escaping a text that would grow past MAX_TEXT (`&` becomes `&amp;`)."""
    text = value if isinstance(value, str) else None
    if text is None:
        check(value, what)
        return
    grow = 4 * (text.count("&") + text.count('"') + text.count("'")) + 3 * (
        text.count("<") + text.count(">"))
    limits.size(len(text) + grow, what)


def brace_formatted(fmt: str, args: tuple[Any, ...], kwargs: Mapping[str, Any],
                    get_field: Any) -> None:
    """Refuse `fmt.format(*args, **kwargs)` whose result would pass MAX_TEXT: each field
    (`{0}` may appear a thousand times) prints its value at its width and precision.
    `get_field` is the sandbox's own (it refuses what clause text may not reach)."""
    limits.brace_format(fmt)
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format reports the malformed string itself
    total, auto = 0, 0
    for literal, name, spec, conversion in fields:
        total += len(literal)
        if name is None:
            continue
        if name == "" or name[0] in ".[":
            name, auto = f"{auto}{name}", auto + 1
        try:
            value, _ = get_field(name, args, kwargs)
        except (LookupError, AttributeError, TypeError, ValueError):
            return  # str.format reports the missing field itself
        total += _field(value, conversion in ("r", "a"), spec or "")
        limits.size(total, "format()")


_PERCENT = re.compile(r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?"
                      r"(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<conv>[a-zA-Z%])?")


def percent_formatted(fmt: Any, values: Any) -> None:
    """Refuse `fmt % values` whose result would pass MAX_TEXT (`'%(a)s%(a)s' % {'a': ...}`
    prints its value twice)."""
    limits.percent_format(fmt)
    if not isinstance(fmt, str):
        return
    total, position = len(fmt), 0
    items = values if isinstance(values, tuple) else (values,)
    for m in _PERCENT.finditer(fmt):
        if m["conv"] in (None, "%"):
            continue
        if m["key"] is not None and isinstance(values, Mapping):
            value = values.get(m["key"])
        elif position < len(items):
            value, position = items[position], position + 1
        else:
            return  # `%` reports the missing value itself
        spec = f"{m['width'] or ''}.{m['precision'] or ''}"
        total += _field(value, m["conv"] in ("r", "a"), spec)
        limits.size(total, "a formatted value")


def _field(value: Any, as_repr: bool, spec: str) -> int:
    """The most characters one formatted field may take."""
    length = shown(value) if as_repr else printed(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        length = 2 * length + 330  # digit grouping; a float's 308 digits before the point
    return length + sum(int(n) for n in re.findall(r"\d+", spec))
