"""The output formats jobdocs writes, and the name of every file it writes them to.

One registry: the command line's `--format` choices, the project schema's
`formats`, `jobdocs serve`'s download links and the production engine all read
`FORMATS`. A new output format is one entry here and a writer module with
`render(doc, reference_doc) -> bytes` (or `render(doc) -> str` for a text format).

This module imports nothing, so that `jobdocs --help` and the schemas can read it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """An output format: the module that writes it and what a browser is told it is."""

    name: str  # the file suffix and the --format value
    writer: str  # the module whose `render` writes it (imported when first asked for)
    media_type: str
    text: bool = False  # the writer returns str (written as UTF-8)
    # A printed format comes from another (pdf from docx): its module prints, with
    # `available()`, `from_docx(data, stem)` (one) and `convert_each(sources, dir, jobs=)` (many,
    # with up to `jobs` programs at once).
    printed_from: str = ""


FORMATS: dict[str, Format] = {}
#: The names of FORMATS, kept in step with it: the project schema's `formats` enum is
#: this very list, so a format registered after the schema was read is in it too.
NAMES: list[str] = []


def register(fmt: Format) -> None:
    """Add an output format (or replace the one of that name)."""
    FORMATS[fmt.name] = fmt
    if fmt.name not in NAMES:
        NAMES.append(fmt.name)


register(Format("md", "jobdocs.render.markdown", "text/markdown; charset=utf-8", text=True))
register(Format("docx", "jobdocs.render.docx.writer",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
register(Format("pdf", "jobdocs.render.pdf", "application/pdf", printed_from="docx"))


def names() -> tuple[str, ...]:
    """Return the names of every format, in the order they are offered."""
    return tuple(NAMES)


def file_name(role_id: str, lang: str, fmt: str, copy: str = "") -> str:
    """Return the name of a document's file: `<role-id>.<lang>.<format>`, or with a
    copy's name (one per employee) before the format: `<role-id>.<lang>.<copy>.<format>`.

    Every file jobdocs writes a document to is named here: render, build (and its
    manifest), serve's downloads.
    """
    return f"{role_id}.{lang}.{copy}.{fmt}" if copy else f"{role_id}.{lang}.{fmt}"


def parse_name(name: str) -> tuple[str, str, str]:
    """Return (role id, language, format) of a name `file_name` made (no copy)."""
    role_id, lang, fmt = name.rsplit("/", 1)[-1].rsplit(".", 2)
    return role_id, lang, fmt
