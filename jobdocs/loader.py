"""Load YAML safely, keeping the file, line and column of every node.

Role files come from many authors, so the loader accepts only plain data:
no anchors or aliases (which also rules out alias bombs), no merge keys, no
tags beyond YAML's core schema, bounded size and depth, UTF-8 only. Every
duplicate key is reported, not silently overwritten as PyYAML does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InvalidInput, Problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
_CORE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_MERGE = "tag:yaml.org,2002:merge"

Key = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """A position in a file; line and column count from 1."""

    path: str
    line: int
    column: int


@dataclass
class Loaded:
    """A YAML document as plain data, with the position of every value and key."""

    path: str
    data: Any
    marks: dict[Key, Mark] = field(default_factory=dict)
    key_marks: dict[Key, Mark] = field(default_factory=dict)
    # For scalars: the quoting style (None for plain) so columns inside
    # a string can be found again.
    styles: dict[Key, str | None] = field(default_factory=dict)

    def mark(self, key: Key) -> Mark:
        """Return the position of the value at `key`, or of its nearest parent."""
        while key not in self.marks and key:
            key = key[:-1]
        return self.marks.get(key, Mark(self.path, 1, 1))

    def problem(self, key: Key, message: str, rule: str = "invalid", *, at_key: bool = False,
                severity: str = "error") -> Problem:
        """Return a Problem positioned at the value (or the key) at `key`."""
        m = self.key_marks.get(key) if at_key else None
        m = m or self.mark(key)
        return Problem(m.path, m.line, m.column, message, rule, severity)


def read_text(path: Path | str) -> str:
    """Read a file as UTF-8 text, refusing what is not text with one clear problem."""
    name = str(path)
    p = Path(path)
    if p.is_dir():
        raise InvalidInput(Problem(name, None, None, "is a directory, not a YAML file", "io"))
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput(Problem(
                name, None, None,
                f"file is {size:,} bytes; role files may be at most {MAX_BYTES:,} bytes", "size"))
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(Problem(name, None, None, "no such file", "io")) from None
    except OSError as e:
        raise InvalidInput(Problem(name, None, None, f"cannot read: {e.strerror}", "io")) from e
    return decode(raw, name)


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 bytes, naming the encoding a file seems to be in when it is not."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(Problem(name, 1, 1, "file is UTF-16; save it as UTF-8", "encoding"))
    if b"\x00" in raw[:8192]:
        raise InvalidInput(Problem(name, 1, 1, "binary file, not YAML text", "encoding"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise InvalidInput(Problem(
            name, line, column,
            "not UTF-8 (Latin-1 or Windows-1251?); save the file as UTF-8", "encoding")) from None
    return text.removeprefix("\ufeff")


def load(path: Path | str) -> Loaded:
    """Read and parse one YAML file; raise InvalidInput with every problem found."""
    return parse(read_text(path), str(path))


def parse(text: str, name: str) -> Loaded:
    """Parse YAML text into a Loaded document; raise InvalidInput on any problem."""
    builder = _Builder(name)
    try:
        builder.run(text)
    except yaml.MarkedYAMLError as e:
        m = e.problem_mark or e.context_mark
        what = e.problem or e.context or "invalid YAML"
        if m is None:
            raise InvalidInput(Problem(name, None, None, f"YAML syntax: {what}", "yaml")) from None
        raise InvalidInput(
            Problem(name, m.line + 1, m.column + 1, f"YAML syntax: {what}", "yaml")
        ) from None
    except yaml.YAMLError as e:
        raise InvalidInput(Problem(name, None, None, f"YAML: {e}", "yaml")) from None
    except _Stop:
        pass
    if builder.problems:
        raise InvalidInput(builder.problems)
    return builder.result


class _Stop(Exception):
    """Raised inside the builder once a problem makes the rest meaningless."""


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.result = Loaded(name, None)
        self._resolver = yaml.resolver.Resolver()
        self._constructor = yaml.constructor.SafeConstructor()

    def _mark(self, m: Any) -> Mark:
        return Mark(self.name, m.line + 1, m.column + 1)

    def _fail(self, event: Any, message: str, rule: str) -> None:
        m = self._mark(event.start_mark)
        self.problems.append(Problem(self.name, m.line, m.column, message, rule))
        raise _Stop

    def run(self, text: str) -> None:
        loader = _Parser(text)
        try:
            events = iter(loader.get_event, None)
            docs = 0
            for event in events:
                if isinstance(event, yaml.DocumentStartEvent):
                    docs += 1
                    if docs > 1:
                        self._fail(event, "more than one YAML document in the file; "
                                   "remove the second '---'", "yaml")
                    first = next(events)
                    if isinstance(first, yaml.DocumentEndEvent):
                        break
                    self.result.data = self._value(first, events, (), 0)
                if isinstance(event, yaml.StreamEndEvent):
                    break
        finally:
            loader.dispose()

    def _check_node(self, event: Any, depth: int) -> None:
        if isinstance(event, yaml.AliasEvent):
            self._fail(event, f"YAML alias '*{event.anchor}' is not allowed in role files; "
                       "write the value out", "yaml-alias")
        if getattr(event, "anchor", None):
            self._fail(event, f"YAML anchor '&{event.anchor}' is not allowed in role files; "
                       "write the value out where it is needed", "yaml-alias")
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and tag not in _CORE_TAGS:
            kind = "Python tag" if tag.startswith("tag:yaml.org,2002:python/") else "tag"
            self._fail(event, f"{kind} '{tag}' is not allowed; role files hold plain data only",
                       "yaml-tag")
        if depth > MAX_DEPTH:
            self._fail(event, f"nesting deeper than {MAX_DEPTH} levels", "yaml-depth")

    def _value(self, event: Any, events: Any, key: Key, depth: int) -> Any:
        self._check_node(event, depth)
        self.result.marks[key] = self._mark(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            self.result.styles[key] = event.style
            return self._scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in events:
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self._value(child, events, (*key, len(items)), depth + 1))
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(events, key, depth)
        self._fail(event, "unexpected YAML structure", "yaml")  # pragma: no cover

    def _mapping(self, events: Any, key: Key, depth: int) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        for k_event in events:
            if isinstance(k_event, yaml.MappingEndEvent):
                return mapping
            self._check_node(k_event, depth + 1)
            if not isinstance(k_event, yaml.ScalarEvent):
                self._fail(k_event, "a mapping key must be a plain string", "yaml")
            # Keys stay strings: a language code such as `no` must not become False.
            k = k_event.value
            if self._resolver.resolve(yaml.ScalarNode, k_event.value, k_event.implicit) == _MERGE:
                self._fail(k_event, "merge keys ('<<') are not allowed; write the keys out",
                           "yaml-merge")
            child_key = (*key, k)
            k_mark = self._mark(k_event.start_mark)
            if k in mapping:
                first = self.result.key_marks[child_key]
                self.problems.append(Problem(
                    self.name, k_mark.line, k_mark.column,
                    f"duplicate key '{k}' (first defined at line {first.line}); "
                    "keep one of them", "duplicate-key"))
                # Parse the duplicate's value but keep the first one.
                saved = dict(self.result.marks), dict(self.result.key_marks)
                self._value(next(events), events, child_key, depth + 1)
                self.result.marks, self.result.key_marks = saved
                continue
            self.result.key_marks[child_key] = k_mark
            mapping[k] = self._value(next(events), events, child_key, depth + 1)
        return mapping  # pragma: no cover

    def _scalar(self, event: Any) -> Any:
        if event.tag and event.tag != "!":
            tag = event.tag
        else:
            tag = self._resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == "tag:yaml.org,2002:str":
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError as e:
            self._fail(event, f"invalid {tag.rsplit(':', 1)[-1]} value: {e}", "yaml")
