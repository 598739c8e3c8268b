"""One door in: every byte jobdocs reads from a user comes through here.

- `read_bytes(path, kind, within=...)` / `read_text(...)`: a regular file only
  (no FIFO, device or socket; opened non-blocking), inside the project folder
  where one applies (links resolved, then confined), under the size cap of its
  kind (ROLE, PROFILE, PROJECT, REFERENCE, DOCUMENT, TEXT, STAFF, SHEET,
  MANIFEST, CATALOG...);
- `read_package(path, kind)` / `open_package(data, path, kind)`: every Word
  package, with zip limits (parts, unpacked size, compression ratio) and safe XML;
- `word_int(value, bounds, default)`: every number read from a foreign document,
  parsed defensively and clamped to Word's own ranges.

Each refusal is an `Unreadable` (an InvalidInput with one Problem): exit code 1,
one line naming the file, what is wrong and how to fix it.
"""

from __future__ import annotations

from .reader import (
    CATALOG,
    DOCUMENT,
    MANIFEST,
    PROFILE,
    PROJECT,
    REFERENCE,
    REGISTER,
    ROLE,
    SHEET,
    STAFF,
    TEMPLATE,
    TEXT,
    YAML,
    Kind,
    Unreadable,
    confine,
    decode,
    fingerprint,
    is_regular,
    read_bytes,
    read_text,
)

_WORD = ("Package", "open_package", "parse_xml", "read_package", "word_int")


def __getattr__(name: str) -> object:
    if name in _WORD:  # lxml is imported only where a Word package is opened
        from . import word

        return getattr(word, name)
    raise AttributeError(name)


__all__ = ["CATALOG", "DOCUMENT", "MANIFEST", "PROFILE", "PROJECT", "REFERENCE", "REGISTER",
           "ROLE", "SHEET", "STAFF", "TEMPLATE", "TEXT", "YAML", "Kind", "Package",
           "Unreadable", "confine", "decode", "fingerprint", "is_regular", "open_package",
           "parse_xml",
           "read_bytes", "read_package", "read_text", "word_int"]
