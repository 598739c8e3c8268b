"""The positions of a parsed file's keys and values, each made a Mark when first read.

A role file of 600 lines holds some 2,300 keys and values, and building a role
asks where a few hundred of them are (its clauses and their texts); the rest
are asked for only to report a problem. The loader keeps the parser's own mark
of each (line and column from 0), which costs a fifth of making its Mark.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from ..model import Mark

Key = tuple[str | int, ...]
#: Makes a Mark as `Mark(...)` does, without NamedTuple's `__new__` (a Python call).
_new: Any = tuple.__new__


class Marks(MutableMapping[Key, Mark]):
    """Marks by key, kept in `raw` as the parser's marks (the loader's) or as Marks."""

    __slots__ = ("path", "raw")

    def __init__(self, path: str) -> None:
        self.path = path
        self.raw: dict[Key, Any] = {}

    def get(self, key: Key, default: Any = None) -> Any:
        found = self.raw.get(key)
        if found is None:
            return default
        if found.__class__ is Mark:
            return found
        made = self.raw[key] = _new(Mark, (self.path, found.line + 1, found.column + 1))
        return made

    def __getitem__(self, key: Key) -> Mark:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __setitem__(self, key: Key, mark: Mark) -> None:
        self.raw[key] = mark

    def __delitem__(self, key: Key) -> None:
        del self.raw[key]

    def __contains__(self, key: object) -> bool:
        return key in self.raw

    def __iter__(self) -> Iterator[Key]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def __repr__(self) -> str:
        return f"Marks({dict(self.items())!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return _marks, (self.path, dict(self.items()))


def _marks(path: str, marks: dict[Key, Mark]) -> Marks:
    made = Marks(path)
    made.raw.update(marks)
    return made


class ByLanguage(Mapping[str, Any]):
    """What the file says of each text of a clause, by language: its Mark (`read` is
    Loaded.mark) or its quoting style (`read` is the styles' get), each read when asked.
    A role's clauses hold some 6,000 texts in 100 files, and only a text a problem is
    reported at is ever asked where it is; making each one's Mark up front was 3 % of
    checking the files. Copied, pickled or compared, it is the dict it stands for."""

    __slots__ = ("_read", "_key", "_langs")

    def __init__(self, read: Callable[[Key], Any], key: Key, langs: Mapping[str, Any]) -> None:
        self._read, self._key, self._langs = read, key, langs  # the clause's key and texts

    def __getitem__(self, lang: str) -> Any:
        if lang not in self._langs:
            raise KeyError(lang)
        return self._read((*self._key, "text", lang))

    def __iter__(self) -> Iterator[str]:
        return iter(self._langs)

    def __len__(self) -> int:
        return len(self._langs)

    def __contains__(self, lang: object) -> bool:
        return lang in self._langs

    def __repr__(self) -> str:
        return repr(dict(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self.items()),)
