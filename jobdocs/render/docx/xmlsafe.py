"""Keep what XML 1.0 cannot hold out of a Word document, and say so.

A role's `version`, a name in a profile or `--author` may carry control
characters (a stray escape, a form feed pasted from a PDF); lxml refuses them
with a ValueError, which reached users as an internal error. They are removed
from every text of the model before the DOCX is written, with one warning.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Mapping
from typing import Any, TypeVar

from ...errors import JobdocsWarning

T = TypeVar("T")

#: Characters XML 1.0 cannot carry (tab, newline and carriage return it can).
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def strip(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot hold."""
    return INVALID.sub("", text)


def clean(obj: T, what: str = "the Word document") -> T:
    """Return `obj` (a model object, a tuple, a mapping) with every text stripped of
    characters XML cannot hold; warn once when there were any."""
    found: list[str] = []
    out: T = _walk(obj, found)
    if found:
        shown = ", ".join(sorted({f"U+{ord(c):04X}" for s in found for c in INVALID.findall(s)}))
        warnings.warn(f"removed control characters ({shown}) that {what} cannot hold from "
                      f"{len(found)} text(s): {found[0][:40]!r}", JobdocsWarning, stacklevel=2)
    return out


def _walk(x: Any, found: list[str]) -> Any:
    kind = type(x)
    if kind is str:
        if INVALID.search(x):
            found.append(x)
            return strip(x)
        return x
    if kind in _ATOMS:
        return x
    names = _init_fields(kind)
    if names is not None:
        changes = {}
        for name in names:
            value = getattr(x, name)
            new = _walk(value, found)
            if new is not value:
                changes[name] = new
        return dataclasses.replace(x, **changes) if changes else x
    if isinstance(x, str):  # a str subclass
        return _walk(str(x), found) if INVALID.search(x) else x
    if isinstance(x, tuple | list):
        items = [_walk(i, found) for i in x]
        if all(a is b for a, b in zip(items, x, strict=True)):
            return x
        if hasattr(x, "_fields"):  # a named tuple
            return type(x)(*items)
        return type(x)(items)
    if isinstance(x, Mapping):
        pairs = {_walk(k, found): _walk(v, found) for k, v in x.items()}
        if all(k in x and x[k] is v for k, v in pairs.items()):
            return x
        return pairs
    return x


#: Types that hold no text.
_ATOMS = frozenset({int, float, bool, type(None), bytes})


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _init_fields(kind: type) -> tuple[str, ...] | None:
    """Return the names of a dataclass's init fields (None for a type that is none)."""
    if kind not in _FIELDS:
        _FIELDS[kind] = (tuple(f.name for f in dataclasses.fields(kind) if f.init)
                         if dataclasses.is_dataclass(kind) else None)
    return _FIELDS[kind]
