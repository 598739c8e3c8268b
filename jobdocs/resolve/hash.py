"""The content hash every document carries: what it says, wherever its files lie."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from ..config.organization import Organization
from ..model import SECTIONS, Clause, Role

_NOT_CONTENT = {"path", "mark", "text_marks", "text_styles", "origin", "chain",
                "house_style",  # how a document looks is not what it says
                "section_marks", "source",
                "wording",  # where a company's catalogs lie (like the packaged ones, unhashed)
                "reference_doc",  # where its letterhead lies: how a document looks
                "section_rules",  # only their order changes what a document says (below)
                "reference", "follows", "silence"}  # how a role is reviewed, not what it says


def _content(value: Any) -> Any:
    """Return a dataclass tree as plain data, without positions and file names."""
    kind = _KINDS.get(value.__class__)
    if kind is None:
        kind = _kind(value.__class__)
    if kind is _LEAF:
        return value
    if kind is _CLAUSE:
        # A clause's children are hashed under the key its file gives them, so that a
        # format-1 role keeps the hash of the documents printed (and signed) before
        # format 2 existed.
        out = {"id": value.id, "text": _content(value.text)}
        if value.children:
            out["clauses" if value.numbered else "items"] = _content(value.children)
        return out
    if kind is _MAPPING:
        return {k: _content(v) for k, v in value.items()}
    if kind is _SEQUENCE:
        return [_content(v) for v in value]
    # A dataclass: empty fields are left out, so that a new optional field does not
    # change the hash of documents printed (and signed) before it existed.
    out = {}
    for name in kind:
        field = getattr(value, name)
        if field not in ("", None, (), {}):
            out[name] = _content(field)
    return out


_LEAF, _CLAUSE, _MAPPING, _SEQUENCE = "leaf", "clause", "mapping", "sequence"
#: What `_content` does with a value of each class: one of the above, or (a dataclass)
#: the names of its fields that are content. A document's tree holds some 800 values:
#: asking each its class's questions again was half the time of resolving it.
_KINDS: dict[type, str | tuple[str, ...]] = {}


def _kind(cls: type) -> str | tuple[str, ...]:
    kind: str | tuple[str, ...]
    if issubclass(cls, Clause):
        kind = _CLAUSE
    elif is_dataclass(cls):
        kind = tuple(f.name for f in fields(cls) if f.name not in _NOT_CONTENT)
    elif issubclass(cls, Mapping):
        kind = _MAPPING
    elif issubclass(cls, list | tuple):
        kind = _SEQUENCE
    else:
        kind = _LEAF
    _KINDS[cls] = kind
    return kind


def content_hash(role: Role, org: Organization) -> str:
    """Return a short hash of what a document says, wherever its files lie.

    Of the profile's numbers only the role's own goes in: issuing a number to
    another role (or moving the register) leaves this role's hash alone.
    """
    printed = {lang: org.number.for_document(role.id, lang) for lang in role.languages}
    pairs = list(_org_pairs(org))
    if len(set(printed.values())) == 1:
        if next(iter(printed.values())):
            pairs.append(("number", _dumps(next(iter(printed.values())))))
    else:
        pairs.append(("number", _dumps(printed)))
    pairs.sort()
    # As json.dumps([role_data, org_data], sort_keys=True) writes it, the profile's
    # part written once per profile.
    org_json = "{" + ", ".join(f"{_dumps(k)}: {v}" for k, v in pairs) + "}"
    payload = f"[{_dumps(_content(role))}, {org_json}]"
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


#: The profile's part of the hash, but for its number, as (key, JSON text) pairs: the
#: same for every document of a build, and as long to write as the role's own part.
#: Found by equality (a frozen profile: the same object nearly always), a few kept.
_ORG_PAIRS: list[tuple[Organization, tuple[tuple[str, str], ...]]] = []
_ORG_PAIRS_KEPT = 4


def _org_pairs(org: Organization) -> tuple[tuple[str, str], ...]:
    for at, (kept, pairs) in enumerate(_ORG_PAIRS):
        if kept is org:
            return pairs
        if kept == org:
            # An equal copy (a build's worker gets one per chunk of units, unpickled):
            # kept in the old one's place, so that its next documents are found by
            # identity, not by comparing every field again (the numbers of thousands
            # of roles each time).
            _ORG_PAIRS[at] = org, pairs
            return pairs
    org_data = _content(org)
    org_data.pop("number", None)
    if org.section_rules and org.section_rules.order != SECTIONS:
        org_data["section_order"] = list(org.section_rules.order)
    pairs = tuple((k, _dumps(v)) for k, v in org_data.items())
    del _ORG_PAIRS[_ORG_PAIRS_KEPT - 1:]
    _ORG_PAIRS.insert(0, (org, pairs))
    return pairs
