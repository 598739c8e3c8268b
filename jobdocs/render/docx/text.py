"""Text from the Document model as Word runs take it: plain text, one line."""

from __future__ import annotations

import re

from ...resolve.typography import nbsp

# Characters XML 1.0 cannot carry, and whitespace that would act as layout (a tab
# would jump to a tab stop): a role's text is plain text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LAYOUT_SPACE = re.compile(r"[\t\r\n]+")


def plain(text: str) -> str:
    """Return model text as one run of plain text: no tabs, breaks or control characters,
    and no-break spaces where a line must not break (between initials and surname ...)."""
    return nbsp(_LAYOUT_SPACE.sub(" ", _CONTROL.sub("", text)))
