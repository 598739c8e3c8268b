"""Bounds on clause text: what a call would allocate is refused before it allocates.

Role files come through pull requests from many authors and `jobdocs validate`
renders their clause text on CI runners, so a clause must not be able to take
gigabytes (`'a'.ljust(1999999999)`, `(1,) * 2000000000`) or minutes. Each limit
hit is a LimitError, reported as one finding with the clause's position and a
rule id: `sandbox-size`, `sandbox-depth` or `sandbox-time`.
"""

from __future__ import annotations

import contextvars
import re
import string
import time
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2.exceptions import SecurityError

#: Characters one clause may grow to once rendered, and any one value in it.
MAX_TEXT = 20_000
#: Characters of clause text that holds template tags (plain text is not rendered).
MAX_SOURCE = 20_000
#: Brackets and `{% if %}` blocks clause text may nest.
MAX_NESTING = 32
#: Seconds one clause may take to render.
TIME_LIMIT = 2.0

_deadline: contextvars.ContextVar[float] = contextvars.ContextVar("jobdocs_clause_deadline",
                                                                  default=float("inf"))


class LimitError(SecurityError):
    """Clause text went past one of the limits above."""

    def __init__(self, message: str, rule: str = "sandbox-size") -> None:
        super().__init__(message)
        self.rule = rule


def size(n: Any, what: str = "the text") -> None:
    """Refuse a result of `n` characters (or items) beyond MAX_TEXT."""
    if isinstance(n, int) and n > MAX_TEXT:
        raise LimitError(f"{what} would grow to {n:,} characters; a clause holds at most "
                         f"{MAX_TEXT:,}")


_BRACKETS = re.compile(r"[()\[\]]")
_BLOCKS = re.compile(r"\{%[-+]?\s*(if|endif)\b")


def check_source(source: str) -> None:
    """Refuse clause text too long or too deeply nested to compile safely."""
    if len(source) > MAX_SOURCE:
        raise LimitError(f"clause text with template tags is {len(source):,} characters; "
                         f"at most {MAX_SOURCE:,}")
    if source.count("(") + source.count("[") <= MAX_NESTING \
            and source.count("{%") <= MAX_NESTING:  # nearly every text: too few to go deep
        return
    depth = deepest = 0
    for ch in _BRACKETS.findall(source):  # (brackets alone)
        if ch in "([":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    blocks = deepest_block = 0
    for m in _BLOCKS.finditer(source) if source.count("{%") > MAX_NESTING else ():
        blocks += 1 if m.group(1) == "if" else -1
        deepest_block = max(deepest_block, blocks)
    if max(deepest, deepest_block) > MAX_NESTING:
        raise LimitError(f"clause text nests {max(deepest, deepest_block)} levels deep; "
                         f"at most {MAX_NESTING}", "sandbox-depth")


def start_clock() -> contextvars.Token[float]:
    """Start the time limit of one clause; pass the token to `stop_clock`."""
    return _deadline.set(time.monotonic() + TIME_LIMIT)


def stop_clock(token: contextvars.Token[float]) -> None:
    _deadline.reset(token)


def tick() -> None:
    """Refuse to go on once the clause has used up its time."""
    if time.monotonic() > _deadline.get():
        raise LimitError(f"clause text took more than {TIME_LIMIT:g} seconds to render",
                         "sandbox-time")


def bounded(chunks: Iterable[str]) -> str:
    """Join rendered output, stopping as soon as it grows past MAX_TEXT or the time limit."""
    out, total = [], 0
    for chunk in chunks:
        total += len(chunk)
        size(total, "the clause")
        tick()
        out.append(chunk)
    return "".join(out)


_SEQUENCES = (str, list, tuple, bytes)


def repetition(left: Any, right: Any) -> None:
    """Refuse `seq * n` (either way round) beyond MAX_TEXT items."""
    seq, n = (left, right) if isinstance(left, _SEQUENCES) else (right, left)
    if isinstance(seq, _SEQUENCES) and isinstance(n, int) and not isinstance(n, bool):
        size(len(seq) * n, "a repetition")


_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def added(left: Any, right: Any) -> None:
    """Refuse `a + b` of two texts or lists beyond MAX_TEXT characters (or items)."""
    if isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
        size(len(left) + len(right), "joining with +")


def percent_format(fmt: Any) -> None:
    """Refuse `'%9999999d' % x`: widths and precisions beyond MAX_TEXT, or taken from `*`."""
    if not isinstance(fmt, str):
        return
    for m in _PERCENT.finditer(fmt):
        for n in m.groups():
            if n == "*":
                raise LimitError("'*' widths are not allowed in clause text")
            if n:
                size(int(n), "a formatted value")


def brace_format(fmt: str) -> None:
    """Refuse `'{0:>9999999}'.format(x)`: large widths and nested specifications."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format reports the malformed string itself
    for _, _, spec, _ in fields:
        if not spec:
            continue
        if "{" in spec:
            raise LimitError("nested format specifications are not allowed in clause text")
        for n in re.findall(r"\d+", spec):
            size(int(n), "a formatted value")


def method_call(obj: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuse a call of a str (or bytes) method whose result would exceed MAX_TEXT."""
    self = getattr(obj, "__self__", None)
    if not isinstance(self, str | bytes):
        return
    name = getattr(obj, "__name__", "")
    arg = args[0] if args else None
    if name in ("ljust", "rjust", "center", "zfill"):
        size(arg if arg is not None else kwargs.get("width"), f"{name}()")
    elif name == "expandtabs":
        tab = arg if arg is not None else kwargs.get("tabsize", 8)
        if isinstance(tab, int):
            size(len(self) * max(tab, 1), "expandtabs()")
    elif name == "replace" and len(args) >= 2:
        replaced(self, *args[:3])
    elif name in ("format", "format_map") and isinstance(self, str):
        brace_format(self)


def replaced(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    """Refuse `text.replace(old, new)` whose result would exceed MAX_TEXT."""
    if not all(isinstance(x, str) for x in (text, old, new)) and not all(
            isinstance(x, bytes) for x in (text, old, new)):
        return
    n = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        n = min(n, count)
    size(len(text) + n * max(len(new) - len(old), 0), "replace()")
