"""The words of a frame: a preset's catalog messages, or a company's own texts.

A preset words every block with gettext messages (marked `N_`), so that each
language's catalog translates them; a company that changes a word gives its
own text, one for every language or one per language, and a language it gives
none falls back to the preset's message.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Msg:
    """A preset's wording: a catalog message, translated into each document's language."""

    msgid: str

    def text(self, lang: str, t: gettext.NullTranslations) -> str:
        return t.gettext(self.msgid)


@dataclass(frozen=True)
class Text:
    """A company's own wording: one text for every language ("*"), or one per language;
    where it gives none, the preset's message (`fallback`)."""

    texts: Mapping[str, str]
    fallback: Msg | None = field(default=None, compare=False)

    def text(self, lang: str, t: gettext.NullTranslations) -> str:
        found = self.texts.get(lang, self.texts.get("*"))
        if found is not None:
            return found
        return self.fallback.text(lang, t) if self.fallback else ""


Wording = Msg | Text


def N_(message: str) -> Msg:
    """Mark a preset's message for extraction (Babel's default keyword); it is translated
    when a document is built."""
    return Msg(message)


def wording(value: Any, under: Any = None) -> Wording:
    """Return a definition's wording: a Msg stays one; a text (or a text per language)
    becomes a company's Text over the wording it replaces (`under`)."""
    if isinstance(value, Msg | Text):
        return value
    texts = {str(k): str(v) for k, v in value.items()} if isinstance(value, Mapping) else {
        "*": str(value)}
    fallback = under if isinstance(under, Msg) else under.fallback if isinstance(
        under, Text) else None
    return Text(texts, fallback)


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Put the values a frame's words may name ({nominative}, {genitive}, {organization}...)
    into `text`; a brace that names none stays as written. No attribute or index lookups,
    no format specs: a company's text is data, never a format string."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
