"""Load YAML safely, keeping the file, line and column of every node.

Role files come from many authors, so the loader accepts only plain data:
no anchors or aliases (which also rules out alias bombs), no merge keys, no
tags beyond YAML's core schema, bounded size, depth and node count, UTF-8
only. Every duplicate key is reported, not silently overwritten as PyYAML
does. It reads libyaml's parse events (PyYAML's C parser) when present.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Args, InvalidInput, Problem
from ..intake import reader
from ..model import Mark
from .marks import Key as Key  # (where it was before)
from .marks import Marks

MAX_BYTES = reader.YAML.limit
MAX_DEPTH = 50
MAX_NODES = 50_000  # the largest shipped role has about 600
MAX_PROBLEMS = 100  # per file: a hostile file must not flood the report

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_ALLOWED_TAGS = {None, "!"} | {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_SeqStart, _SeqEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MapStart, _MapEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server[ \t]*:[ \t]*\$schema=(\S+)", re.M)
_BREAKS = "\r\n\x85\u2028\u2029"  # YAML 1.1 line breaks ("\r\n" is one)
_RESOLVER: Any = yaml.resolver.Resolver
#: The first characters of a plain scalar that some implicit resolver (int, bool, date...)
#: looks at: PyYAML's resolver asks only those, and a plain text that starts otherwise is
#: a string (None: some resolver looks at every text).
_IMPLICIT_FIRST = (
    None if None in _RESOLVER.yaml_implicit_resolvers or _RESOLVER.yaml_path_resolvers
    else frozenset(_RESOLVER.yaml_implicit_resolvers))


@dataclass
class Loaded:
    """A YAML document as plain data, with the position of every value and key."""

    path: str
    data: Any
    # Where each value and key is (parsed here: `Marks`, each made a Mark when read).
    marks: MutableMapping[Key, Mark] = field(default_factory=dict)
    key_marks: MutableMapping[Key, Mark] = field(default_factory=dict)
    # For scalars: the quoting style (None for plain) so columns inside
    # a string can be found again.
    styles: dict[Key, str | None] = field(default_factory=dict)
    # The `# yaml-language-server: $schema=...` modeline, if the file has one.
    schema_ref: str | None = None
    schema_mark: Mark | None = None
    # False when the parser saw no value YAML reads as a date (nothing to give back as text).
    dates: bool = True

    def mark(self, key: Key) -> Mark:
        """Return the position of the value at `key`, or of its nearest parent."""
        marks = self.marks
        found = marks.get(key)
        while found is None and key:
            key = key[:-1]
            found = marks.get(key)
        return Mark(self.path, 1, 1) if found is None else found

    def problem(self, key: Key, message: str, rule: str = "invalid", *, at_key: bool = False,
                severity: str = "error", args: Args = ()) -> Problem:
        """Return a Problem positioned at the value (or the key) at `key`."""
        m = self.key_marks.get(key) if at_key else None
        m = m or self.mark(key)
        return Problem(m.path, m.line, m.column, message, rule, severity, args)


def read_text(path: Path | str, kind: reader.Kind = reader.YAML,
              within: Path | str | None = None) -> str:
    """Read a YAML file as UTF-8 text through the one reader (see jobdocs.intake)."""
    return reader.decode(reader.read_bytes(path, kind, within=within), str(path), "YAML text")


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 bytes, naming the encoding a file seems to be in when it is not."""
    return reader.decode(raw, name, "YAML text")


def load(path: Path | str, kind: reader.Kind = reader.YAML,
         within: Path | str | None = None) -> Loaded:
    """Read and parse one YAML file of `kind` (inside the folder `within`, when given);
    raise InvalidInput with every problem found."""
    return parse(read_text(path, kind, within), str(path))


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
        if "nesting depth" in what:  # libyaml's own bound, met before ours when it scans ahead
            raise InvalidInput(Problem(name, m.line + 1, m.column + 1,
                                       f"nesting deeper than {MAX_DEPTH} levels", "yaml-depth")
                               ) from None
        raise InvalidInput(
            Problem(name, m.line + 1, m.column + 1, f"YAML syntax: {what}", "yaml")
        ) from None
    except yaml.reader.ReaderError as e:
        line, column = _position(text, e.position, in_bytes=_Parser is not yaml.SafeLoader)
        char = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise InvalidInput(Problem(name, line, column, f"character {char} is not allowed in "
                                   "YAML text; delete it", "yaml")) from None
    except yaml.YAMLError as e:
        raise InvalidInput(Problem(name, None, None, f"YAML: {e}", "yaml")) from None
    except _Stop:
        pass
    if builder.problems:
        raise InvalidInput(builder.problems)
    loaded = builder.result
    if "yaml-language-server" in text:
        modeline = _MODELINE.search(text)
        if modeline:
            loaded.schema_ref = modeline.group(1)
            loaded.schema_mark = Mark(name, *_position(text, modeline.start(1)))
    return loaded


def _position(text: str, offset: int, *, in_bytes: bool = False) -> tuple[int, int]:
    """Return the line and column (from 1) of a character (or UTF-8 byte) offset."""
    if in_bytes:
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    breaks = sum(text.count(b, 0, offset) for b in _BREAKS) - text.count("\r\n", 0, offset)
    start = max(text.rfind(b, 0, offset) for b in _BREAKS) + 1
    return breaks + 1, offset - start + 1


class _Stop(Exception):
    """Raised inside the builder once a problem makes the rest meaningless."""


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        marks, key_marks = Marks(name), Marks(name)
        self.result = Loaded(name, None, marks, key_marks, dates=False)
        # The parser's own marks go in as they are: each is made a Mark when read.
        self.marks, self.key_marks = marks.raw, key_marks.raw
        self.styles = self.result.styles
        self.nodes = 0
        self._resolver: Any = yaml.resolver.Resolver()  # untyped in types-PyYAML
        self._constructor = yaml.constructor.SafeConstructor()

    def _fail(self, event: Any, message: str, rule: str) -> None:
        m = event.start_mark
        self.problems.append(Problem(self.name, m.line + 1, m.column + 1, message, rule))
        raise _Stop

    def _add(self, event: Any, message: str, rule: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self._fail(event, f"stopped after {MAX_PROBLEMS} problems in this file", "too-many")
        m = event.start_mark
        self.problems.append(Problem(self.name, m.line + 1, m.column + 1, message, rule))

    def run(self, text: str) -> None:
        parser = _Parser(text)
        self.next = parser.get_event
        try:
            docs = 0
            while (event := self.next()) is not None:
                if isinstance(event, yaml.DocumentStartEvent):
                    docs += 1
                    if docs > 1:
                        self._fail(event, "more than one YAML document in the file; "
                                   "remove the second '---'", "yaml")
                    first = self.next()
                    if isinstance(first, yaml.DocumentEndEvent):
                        break
                    self.result.data = self._value(first, (), 0)
                elif isinstance(event, yaml.StreamEndEvent):
                    break
        finally:
            parser.dispose()

    def _check(self, event: Any, depth: int) -> None:
        if event.anchor is None and event.tag is None and depth <= MAX_DEPTH \
                and self.nodes < MAX_NODES:  # nearly every event: a plain value or key
            self.nodes += 1
            return
        if event.__class__ is _Alias:
            self._fail(event, f"YAML alias '*{event.anchor}' is not allowed in role files; "
                       "write the value out", "yaml-alias")
        if event.anchor:
            self._fail(event, f"YAML anchor '&{event.anchor}' is not allowed in role files; "
                       "write the value out where it is needed", "yaml-alias")
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            kind = "Python tag" if tag.startswith("tag:yaml.org,2002:python/") else "tag"
            self._fail(event, f"{kind} '{tag}' is not allowed; role files hold plain data only",
                       "yaml-tag")
        if depth > MAX_DEPTH:
            self._fail(event, f"nesting deeper than {MAX_DEPTH} levels", "yaml-depth")
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._fail(event, f"more than {MAX_NODES:,} keys and values; role files are far "
                       "smaller", "size")

    def _value(self, event: Any, key: Key, depth: int) -> Any:
        self._check(event, depth)
        self.marks[key] = event.start_mark
        cls = event.__class__
        if cls is _Scalar:
            self.styles[key] = event.style
            return self._scalar(event)
        if cls is _SeqStart:
            return self._sequence(key, depth)
        return self._mapping(key, depth)  # the parser yields nothing else here

    def _plain(self, event: Any, key: Key, depth: int) -> Any:
        """Return a value as `_value` does, a scalar without a tag or anchor (nearly every
        value) without its calls."""
        if event.__class__ is not _Scalar or event.anchor is not None or \
                event.tag is not None or depth > MAX_DEPTH or self.nodes >= MAX_NODES:
            return self._value(event, key, depth)
        self.nodes += 1
        self.marks[key] = event.start_mark
        self.styles[key] = event.style
        value = event.value
        if event.implicit[0] and (not value or _IMPLICIT_FIRST is None
                                  or value[0] in _IMPLICIT_FIRST):
            return self._scalar(event)  # a value some resolver looks at
        return value

    def _sequence(self, key: Key, depth: int) -> list[Any]:
        items: list[Any] = []
        plain, next_event = self._plain, self.next
        while (child := next_event()).__class__ is not _SeqEnd:
            items.append(plain(child, (*key, len(items)), depth + 1))
        return items

    def _mapping(self, key: Key, depth: int) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        plain, next_event, key_marks = self._plain, self.next, self.key_marks
        depth += 1
        shallow = depth <= MAX_DEPTH
        while (k_event := next_event()).__class__ is not _MapEnd:
            if k_event.__class__ is _Scalar and k_event.anchor is None and \
                    k_event.tag is None and shallow and self.nodes < MAX_NODES:
                self.nodes += 1  # nearly every key: as `_check` counts it
            else:
                self._check(k_event, depth)
                if k_event.__class__ is not _Scalar:
                    hint = ("; a value that starts with '{{' must be in quotes"
                            if k_event.__class__ is _MapStart and k_event.flow_style else "")
                    self._fail(k_event, f"a mapping key must be a plain string{hint}", "yaml")
            # Keys stay strings: a language code such as `no` must not become False.
            k = k_event.value
            if k == "<<" and k_event.implicit[0]:
                self._fail(k_event, "merge keys ('<<') are not allowed; write the keys out",
                           "yaml-merge")
            child_key = (*key, k)
            if k in mapping:
                first = key_marks[child_key].line + 1  # (the parser's mark: from 0)
                self._add(k_event, f"duplicate key '{k}' (first defined at line {first}); "
                          "keep one of them", "duplicate-key")
                # Check the duplicate's value too, but keep the first one and its positions.
                kept = self.marks, self.key_marks, self.styles
                self.marks, self.key_marks, self.styles = {}, {}, {}
                self._value(next_event(), child_key, depth)
                self.marks, self.key_marks, self.styles = kept
                continue
            key_marks[child_key] = k_event.start_mark
            mapping[k] = plain(next_event(), child_key, depth)
        return mapping

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0]:  # quoted or block: a string without asking
                return event.value
            value = event.value
            if value and _IMPLICIT_FIRST is not None and value[0] not in _IMPLICIT_FIRST:
                return value  # most texts: no resolver to ask
            tag = self._resolver.resolve(yaml.ScalarNode, value, event.implicit)
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        if tag == _TIMESTAMP:
            self.result.dates = True
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as e:
            self._fail(event, f"invalid {tag.rsplit(':', 1)[-1]} value {event.value[:40]!r}: "
                       f"{e}", "yaml")
        except (KeyError, AttributeError, TypeError, IndexError):  # !!bool maybe, !!timestamp x
            self._fail(event, f"invalid {tag.rsplit(':', 1)[-1]} value {event.value[:40]!r}; "
                       "write the value without the tag", "yaml")
