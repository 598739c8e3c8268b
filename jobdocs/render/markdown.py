"""Write a Document as Markdown through the localized Jinja templates."""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model import BLANK, Document
from ..resolve import i18n
from ..resolve.sandbox import upfirst

TEMPLATE = "markdown/document.md.j2"

_INLINE = re.compile(r"([\\`*\[\]<>&|~])")
# A line break inside a value would start a heading or a list, or end a table row;
# other control characters have no place in a document.
_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# A run of underscores touching a word or a quote can open or close emphasis;
# one between spaces (a blank to fill by hand) cannot, and stays readable.
_UNDERSCORES = re.compile(r"(?<![_\\])_+")
_LINE_START = re.compile(r"^(#|>|[-+=]|\d+[.)])")


def _underscores(m: re.Match[str], text: str) -> str:
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    run = m.group(0)
    return run if before.isspace() and after.isspace() else run.replace("_", "\\_")


def escape(value: object, line_start: bool = True) -> str:
    """Return `value` as Markdown text that renders exactly as written.

    With `line_start=False` the value is known to stand inside a line, where a
    leading `1.` or `#` cannot start a list or a heading.

    Blanks to fill by hand (underscores between spaces) are left as they are.
    """
    text = _INLINE.sub(r"\\\1", _one_line(str(value)))
    text = _UNDERSCORES.sub(lambda m: _underscores(m, text), text)
    if not line_start:
        return text
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def _one_line(text: str) -> str:
    return _CONTROL.sub("", _BREAKS.sub(" ", text))


def comment(value: object) -> str:
    """Return `value` for the inside of an HTML comment: one line, no `--` (which
    would end it early and let the rest be read as HTML)."""
    text = _one_line(str(value))
    while "--" in text:
        text = text.replace("--", "- -")
    return text.replace(">", "&gt;")


@lru_cache(maxsize=16)  # keyed by input: bounded
def environment(folders: tuple[str, ...] = ()) -> Environment:
    """Return the template environment, a company's template folders first. It has no
    catalog: the Document's frame is translated when it is resolved, and the template
    only lays it out."""
    env = Environment(
        loader=FileSystemLoader([str(d) for d in i18n.template_dirs(folders)]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["md"] = escape
    env.filters["comment"] = comment
    env.filters["upfirst"] = upfirst
    env.globals["BLANK"] = BLANK
    return env


def render(doc: Document) -> str:
    """Return the Markdown text of a document."""
    def years(n: int) -> str:
        return i18n.years(int(n), doc.lang, "at least", doc.wording)

    def years_from(n: int) -> str:
        return i18n.years(int(n), doc.lang, "from", doc.wording)

    template = environment(doc.wording).get_template(TEMPLATE)
    out = template.render(doc=doc, years=years, years_from=years_from)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"
