"""A document in the formats asked for: the one recipe `jobdocs render`, `jobdocs build`
and `jobdocs serve`'s downloads write documents by.

Each format a document is written in comes from the registry (jobdocs.formats).
A format another is printed from (the DOCX of a PDF) is rendered once; printed
formats are gathered, so that a whole run prints them in one LibreOffice start
(`Printing`), which costs seconds where a document costs a fraction of one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from ..formats import FORMATS
from ..model import Document
from ..render import output_format, render_document
from ..workers import cpus


@dataclass
class Rendered:
    """One document's files: the bytes of each format written as it is, and for each
    printed format, the bytes it is printed from."""

    files: dict[str, bytes] = field(default_factory=dict)
    to_print: dict[str, bytes] = field(default_factory=dict)


def render_formats(doc: Document, formats: Sequence[str],
                   letterhead: Path | None = None) -> Rendered:
    """Return `doc` in every format of `formats`, each source rendered once."""
    sources: dict[str, bytes] = {}

    def source(fmt: str) -> bytes:
        if fmt not in sources:
            sources[fmt] = render_document(doc, fmt, letterhead)
        return sources[fmt]

    out = Rendered()
    for fmt in formats:
        spec = output_format(fmt)
        if spec.printed_from:
            out.to_print[fmt] = source(spec.printed_from)
        else:
            out.files[fmt] = source(fmt)
    return out


def produce(doc: Document, fmt: str, letterhead: Path | None = None) -> bytes:
    """Return one document in one format (a download, `render -o -`)."""
    return render_document(doc, fmt, letterhead)


@dataclass
class Printing:
    """The printed documents of one run, printed together: for each printed format, one
    LibreOffice start whatever the number of documents (a few at once, on up to `jobs`
    cores, when there are many)."""

    staging: Path  # a folder of the run's own, for the sources and what is printed
    queue: list[tuple[str, Path, str]] = field(default_factory=list)  # (format, source, key)
    jobs: int = field(default_factory=cpus)  # the printing programs that may run at once

    def add(self, fmt: str, source: bytes, key: str) -> None:
        """Queue a document to print: `source` is the bytes it is printed from."""
        path = self.staging / f"{len(self.queue)}.{FORMATS[fmt].printed_from}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(source)
        self.add_file(fmt, path, key)

    def add_file(self, fmt: str, source: Path, key: str) -> None:
        """Queue a source already written (by a worker process) under a unique stem."""
        self.queue.append((fmt, source, key))

    def run(self) -> dict[str, Path | str]:
        """Print everything queued; return each key's printed file (in the staging
        folder, to be moved or read), or why it was not printed (one line). Raise
        MissingTool when the printing program is not installed."""
        results: dict[str, Path | str] = {}
        for fmt in dict.fromkeys(f for f, _, _ in self.queue):
            batch = [(source, key) for f, source, key in self.queue if f == fmt]
            out_dir = self.staging / f"printed-{fmt}"
            said = import_module(FORMATS[fmt].writer).convert_each(
                [source for source, _ in batch], out_dir, jobs=self.jobs)
            for source, key in batch:
                results[key] = said[source] or out_dir / f"{source.stem}.{fmt}"
        return results
