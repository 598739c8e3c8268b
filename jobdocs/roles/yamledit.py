"""Change clauses in a role file without losing its comments, key order or layout.

ruamel.yaml's round trip keeps everything a person wrote around the values
that change; a changed text keeps its style (a `>-` block stays a block, long
new text is folded at about 72 columns).
"""

from __future__ import annotations

import difflib
import hashlib
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from ..errors import InvalidInput
from . import loader

#: Where a folded text breaks its lines.
FOLD_AT = 72
#: The keys under which a clause holds the clauses (or items) below it.
CHILDREN = ("clauses", "items")


class EditError(Exception):
    """An edit that cannot be made (no such clause, an id taken...)."""


def digest(data: bytes) -> str:
    """Return the fingerprint of a file's bytes that a form carries to detect changes."""
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass
class Located:
    """A clause in the file: the list holding it, its index there, its section."""

    siblings: CommentedSeq
    index: int
    section: str
    depth: int

    @property
    def node(self) -> CommentedMap:
        node: CommentedMap = self.siblings[self.index]
        return node


class RoleFile:
    """A role file opened for editing."""

    def __init__(self, text: str, name: str = "role file") -> None:
        # ruamel would follow aliases and take any size: our safe loader looks first.
        try:
            loader.parse(text, name)
        except InvalidInput as e:
            raise EditError(f"the file cannot be edited here: {e.problems[0]}") from None
        self.yaml = YAML()
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # never re-wrap what the author wrapped
        try:
            _, indent, block_seq = load_yaml_guess_indent(text)
            self.data = self.yaml.load(text)
        except YAMLError as e:
            raise EditError(f"the file is not YAML that can be edited here: {e}") from None
        if not isinstance(self.data, CommentedMap):
            raise EditError("the file is not a role (its top level is not a mapping)")
        # ruamel's guess: `indent` is where a sequence item's content starts, `block_seq`
        # where its dash is; mappings are indented like the dashes (ruamel's own recipe).
        offset = block_seq or 0
        self.yaml.indent(mapping=offset or indent or 2, sequence=indent or 2, offset=offset)
        self.original = text

    def dump(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()

    # -- finding ------------------------------------------------------------------------

    def sections(self) -> CommentedMap:
        sections = self.data.get("sections")
        if not isinstance(sections, CommentedMap):
            raise EditError("the role has no sections")
        return sections

    def find(self, clause_id: str) -> Located:
        for key, clauses in self.sections().items():
            found = _find(clauses, clause_id, str(key), 1)
            if found:
                return found
        raise EditError(f"the role file has no clause '{clause_id}'")

    def ids(self) -> set[str]:
        out: set[str] = set()

        def walk(seq: Any) -> None:
            for node in seq if isinstance(seq, list) else ():
                if isinstance(node, Mapping):
                    out.add(str(node.get("id")))
                    for k in CHILDREN:
                        walk(node.get(k))

        for clauses in self.sections().values():
            walk(clauses)
        return out

    # -- changing -----------------------------------------------------------------------

    def set_text(self, clause_id: str, texts: Mapping[str, str]) -> None:
        """Give a clause new text in some languages, keeping each text's style."""
        node = self.find(clause_id).node
        current = node.get("text")
        if not isinstance(current, CommentedMap):
            current = CommentedMap()
            node["text"] = current
        for lang, text in texts.items():
            put(current, lang, text)

    def remove(self, clause_id: str) -> None:
        at = self.find(clause_id)
        del at.siblings[at.index]

    def move(self, clause_id: str, step: int) -> None:
        """Move a clause up (-1) or down (+1) among its siblings, with its comments."""
        at = self.find(clause_id)
        to = at.index + step
        if not 0 <= to < len(at.siblings):
            raise EditError(f"clause '{clause_id}' cannot move further that way")
        node = at.siblings.pop(at.index)
        at.siblings.insert(to, node)

    def add(self, section: str, clause_id: str, texts: Mapping[str, str],
            under: str = "") -> None:
        """Add a clause at the end of a section, or at the end of a clause's sub-clauses."""
        if clause_id in self.ids():
            raise EditError(f"the role already has a clause '{clause_id}'")
        node = CommentedMap()
        node["id"] = clause_id
        node["text"] = CommentedMap((lang, styled(t, None)) for lang, t in texts.items())
        if under:
            parent = self.find(under).node
            key = next((k for k in CHILDREN if k in parent), "clauses")
            parent.setdefault(key, CommentedSeq()).append(node)
            return
        sections = self.sections()
        if section not in sections or not isinstance(sections[section], list):
            sections[section] = CommentedSeq()
        sections[section].append(node)


def _find(seq: Any, clause_id: str, section: str, depth: int) -> Located | None:
    if not isinstance(seq, CommentedSeq):
        return None
    for i, node in enumerate(seq):
        if not isinstance(node, Mapping):
            continue
        if node.get("id") == clause_id:
            return Located(seq, i, section, depth)
        for k in CHILDREN:
            found = _find(node.get(k), clause_id, section, depth + 1)
            if found:
                return found
    return None


def put(mapping: CommentedMap, key: str, text: str) -> None:
    """Set a text in a mapping in the style of the value it replaces.

    A mapping written inline (`text: {ru: ..., en: ...}`) stays inline and holds a
    plain scalar: ruamel would write a folded one there as a quoted string with
    control characters where the folds were.
    """
    value = styled(text, mapping.get(key))
    if mapping.fa.flow_style():
        value = "" + value  # a plain str: ruamel quotes it as it must
    mapping[key] = value


def styled(text: str, old: Any) -> Any:
    """Return `text` as a YAML scalar in the style of the value it replaces."""
    text = text.replace("\r\n", "\n").strip()
    if "\n" in text:
        return LiteralScalarString(text + "\n")
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(text)
    if len(text) <= FOLD_AT and not isinstance(old, FoldedScalarString):
        return text
    if "  " in text:
        return text  # a fold would merge the spaces; keep it on one line
    folded = FoldedScalarString(text)
    folded.fold_pos = fold_positions(text, keep=_kept_folds(old, text))
    return folded


def fold_positions(text: str, width: int = FOLD_AT, keep: Iterable[int] = ()) -> list[int]:
    """Return the spaces to fold `text` at: those in `keep`, and between them each line as
    long as it can be within `width` (a word longer than that stands on a line of its own)."""
    kept = set(keep)
    positions: list[int] = []
    start, last = 0, -1
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    for i in [*spaces, len(text)]:
        if i - start > width and last > start:
            positions.append(last)
            start = last + 1
        if i in kept:
            positions.append(i)
            start = i + 1
        last = i
    return sorted({p for p in positions if p + 1 < len(text)})


def _kept_folds(old: Any, text: str) -> list[int]:
    """Return where the folds of the text a new one replaces fall in the new one, where the
    words on both sides of a fold are still there: a reworded clause keeps its other lines."""
    folds = getattr(old, "fold_pos", None) if isinstance(old, FoldedScalarString) else None
    if not folds:
        return []
    old_words, new_words = str(old).split(" "), text.split(" ")
    old_breaks = {str(old).count(" ", 0, p) for p in folds}  # fold after word n
    new_at = [i for i, ch in enumerate(text) if ch == " "]  # the space after word n
    mapped: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        mapped.update({block.a + k: block.b + k for k in range(block.size)})
    return [new_at[mapped[n]] for n in sorted(old_breaks)
            if n in mapped and n + 1 in mapped and mapped[n + 1] == mapped[n] + 1]
