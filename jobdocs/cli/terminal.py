"""Text for a person at a terminal: control characters made visible, colour the click way."""

from __future__ import annotations

import os
import re
import sys

import click

# Control characters (but tab and newline), DEL, C1 controls and the bidirectional
# overrides that reorder what a terminal shows ("Trojan source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SGR = re.compile(r"\x1b\[[0-9;]{0,12}m")


def visible(text: str, keep_colors: bool = False) -> str:
    """Return `text` with control characters shown as escapes (`\\x1b`), so that text
    from a file cannot move the cursor, retitle the window or hide what follows.
    With `keep_colors`, the colour codes jobdocs itself wrote are kept."""
    def show(m: re.Match[str]) -> str:
        c = m.group(0)
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"

    if not keep_colors:
        return _CONTROL.sub(show, text)
    parts = _SGR.split(text)
    codes = _SGR.findall(text)
    out = [_CONTROL.sub(show, parts[0])]
    for code, part in zip(codes, parts[1:], strict=True):
        out += [code, _CONTROL.sub(show, part)]
    return "".join(out)


def echo(text: str, *, color: bool = False, err: bool = False, nl: bool = True) -> None:
    """Print text for a person: control characters visible, colours as asked."""
    click.echo(visible(text, keep_colors=color), nl=nl, err=err, color=color)


def use_color(choice: str, err: bool = False) -> bool:
    """Whether to colour: always, never, or (auto) on a terminal without NO_COLOR set."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    stream = sys.stderr if err else sys.stdout
    return not os.environ.get("NO_COLOR") and stream.isatty()
