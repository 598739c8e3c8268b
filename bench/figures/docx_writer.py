"""One DOCX in one process: jobdocs' writer, docxtpl, and the zip floor.

All three write the Russian key account manager for Ромашка from the same
resolved Document:

- jobdocs: `render_document(doc, "docx")`, the writer every command uses, each
  run on another of the build figure's roles (the key account manager with its
  own id, title and wording, bench/libraries.py): the writer keeps what one
  document's frame and short texts cost for the next, and a run must find only
  what a build's next document finds, not the same document again;
- docxtpl: a Jinja-in-Word template of the same document, built here from
  jobdocs' reference document (its styles, page and footer), loaded,
  rendered and saved per document as a docxtpl program does (in the peers'
  environment);
- the zip floor: the parts of jobdocs' own output (the same bytes) written
  into a zip with the same compression: no writer can do less.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from libraries import ROMASHKA, kam_library
from measure import in_process, interleave

from figures import Context, Figure, Row, at_most


def documents(folder: Path, count: int) -> list[Any]:
    """Return `count` resolved Russian key account managers for Ромашка, each with its own
    id, title and wording (the roles of the build figure)."""
    from jobdocs import load_role, resolve
    from jobdocs.config.profile import load_organization

    kam_library(folder, count)
    org = load_organization(ROMASHKA)
    return [resolve(load_role(path), "ru", org) for path in sorted(folder.glob("*.yaml"))]


def rendering(docs: list[Any]) -> Any:
    """Return work that renders the next of `docs` each time it runs."""
    from jobdocs import render_document

    turn = iter(range(len(docs)))
    return lambda: render_document(docs[next(turn)], "docx")


def zip_floor(docx: bytes) -> Any:
    """Return work that zips the parts of `docx` again, as jobdocs' package does."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        parts = [(info, z.read(info)) for info in z.infolist()]

    def work() -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info, data in parts:
                dst.writestr(info, data)
        return out.getvalue()
    return work


def measure(ctx: Context) -> Figure:
    from jobdocs import render_document

    runs, warmup = max(20, ctx.runs * 8), 3
    docs = documents(ctx.tmp / "docx-roles", runs + warmup + 1)
    doc = docs.pop()
    docx = render_document(doc, "docx")
    template = docxtpl_template(ctx.tmp / "template.docx")
    context = ctx.tmp / "context.json"
    context.write_text(json.dumps(docxtpl_context(doc), default=str), encoding="utf-8")
    stats = interleave({
        "jobdocs": in_process(rendering(docs)),
        "docxtpl": lambda: ctx.peers.timed("docxtpl", str(template), str(context)),
        "zip": in_process(zip_floor(docx)),
    }, runs, warmup=warmup)
    clauses = len(doc.all_clauses())
    figure = Figure("One DOCX: the Russian key account manager",
                    f"{clauses} clauses, Ромашка's profile, from resolved Documents (each "
                    "run jobdocs writes the next of the build figure's roles, as a build "
                    f"does); median of {runs} interleaved runs in one process each",
                    [Row("jobdocs (`render_document(doc, \"docx\")`)", stats["jobdocs"],
                         unit="ms"),
                     Row("docxtpl (template of the same document: load, render, save)",
                         stats["docxtpl"], unit="ms"),
                     Row(f"zip floor (the same {len(docx) // 1024} KB of parts, zipped)",
                         stats["zip"], unit="ms")])
    cpu = stats["jobdocs"].cpu
    figure.ratios += [at_most("DOCX CPU / zip floor CPU", cpu / stats["zip"].cpu, 3),
                      at_most("DOCX CPU / docxtpl CPU", cpu / stats["docxtpl"].cpu, 1)]
    return figure


# docxtpl: the same document as a Jinja-in-Word template.

def _p(document: Any, style: str, text: str) -> None:
    document.add_paragraph(text, style=style)


def _signed(document: Any, style: str, block: str) -> None:
    _p(document, f"{style} Title", f"{{{{ {block}.title }}}}")
    _p(document, style, f"{{%p for line in {block}.lines %}}")
    _p(document, style, "{{ line }}")
    _p(document, style, "{%p endfor %}")
    _p(document, f"{style} Line", "")
    _p(document, f"{style} Caption", f"{{{{ {block}.sign_caption }}}}")
    _p(document, f"{style} Name", f"{{{{ {block}.name }}}}")
    _p(document, f"{style} Date", f"{{{{ {block}.date }}}}")


def docxtpl_template(path: Path) -> Path:
    """Write a docxtpl template of a job description, styled by jobdocs' reference document."""
    from jobdocs.render.docx import styles as s
    from jobdocs.render.docx import stylesheet
    from jobdocs.render.docx.page import open_reference

    document = open_reference(None)
    stylesheet.ensure(document, s.text_width(document.sections[-1]))
    _signed(document, s.APPROVAL, "approval")
    for style, loop in ((s.ORGANIZATION, "heading.organization"),):
        _p(document, style, f"{{%p for line in {loop} %}}")
        _p(document, style, "{{ line }}")
        _p(document, style, "{%p endfor %}")
    _p(document, s.DOCUMENT_TYPE, "{{ heading.kind }}")
    _p(document, s.DOCUMENT_DATE, "{{ heading.date }}\t{{ heading.number }}")
    _p(document, s.PLACE, "{{ heading.place }}")
    _p(document, s.DOCUMENT_TITLE, "{{ heading.title }}")
    _p(document, s.HEADING, "{%p for section in sections %}")
    _p(document, s.HEADING, "{{ section.number }}. {{ section.heading }}")
    _p(document, s.INTRO, "{%p if section.intro %}")
    _p(document, s.INTRO, "{{ section.intro }}")
    _p(document, s.INTRO, "{%p endif %}")
    _p(document, s.CLAUSE, "{%p for clause in section.clauses %}")
    _p(document, s.CLAUSE, "{%p if clause.number %}")
    _p(document, s.CLAUSE, "{{ clause.number }}.\t{{ clause.text }}")
    _p(document, s.CLAUSE, "{%p else %}")
    _p(document, s.ITEM, "–\t{{ clause.text }}")
    _p(document, s.CLAUSE, "{%p endif %}")
    _p(document, s.CLAUSE, "{%p endfor %}")
    _p(document, s.HEADING, "{%p endfor %}")
    _signed(document, s.SIGNATURE, "author")
    _p(document, s.ACKNOWLEDGEMENT, "{{ acknowledgement.title }}")
    _p(document, s.SIGNATURE, "\t\t\t")
    _p(document, s.SHEET_TITLE, "{{ sheet.title }}")
    _p(document, s.SHEET_SUBTITLE, "{%p for line in sheet.subtitle %}")
    _p(document, s.SHEET_SUBTITLE, "{{ line }}")
    _p(document, s.SHEET_SUBTITLE, "{%p endfor %}")
    table = document.add_table(rows=3, cols=5)
    table.style = document.styles[s.TABLE]
    for i, cell in enumerate(table.rows[0].cells):
        cell.paragraphs[0].add_run(f"{{{{ sheet.columns[{i}] }}}}")
        cell.paragraphs[0].style = document.styles[s.TABLE_HEADING]
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in sheet.rows %}")
    for i, cell in enumerate(table.rows[2].cells):
        cell.paragraphs[0].add_run(f"{{{{ row[{i}] }}}}")
        cell.paragraphs[0].style = document.styles[s.TABLE_TEXT]
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    document.save(str(path))
    return path


def docxtpl_context(doc: Any) -> dict[str, Any]:
    """Return the template's context: the same texts jobdocs' writer lays out."""
    frame = doc.frame

    def block(b: Any) -> dict[str, Any]:
        return {"title": b.title, "lines": [line.text or line.caption for line in b.lines],
                "name": b.name, "sign_caption": b.sign_caption, "date": b.date}

    return {
        "approval": block(frame.approval), "author": block(frame.author),
        "acknowledgement": block(frame.acknowledgement),
        "heading": {"organization": [line.text or line.caption
                                     for line in frame.heading.organization],
                    "kind": frame.heading.kind, "date": frame.heading.date,
                    "number": frame.heading.number,
                    "place": frame.heading.place.text or frame.heading.place.caption,
                    "title": frame.heading.title},
        "sections": [{"number": sec.number, "heading": sec.heading, "intro": sec.intro,
                      "clauses": [{"number": c.number, "text": c.text}
                                  for top in sec.clauses for c in top.walk()]}
                     for sec in doc.sections],
        "sheet": {"title": frame.sheet.title, "subtitle": list(frame.sheet.subtitle),
                  "columns": list(frame.sheet.columns),
                  "rows": [list(r) for r in frame.sheet.rows]},
    }
