"""The Russian key account manager as DOCX, in one process: jobdocs, docxtpl, pandoc.

    python bench/compare_docx.py [--runs 30]

All three start from the same resolved Document (numbers, references and
frame wording done) and write the same content with the same styles:

- jobdocs: `render_document(doc, "docx")`, the writer `jobdocs render` uses;
- docxtpl: a Jinja-in-Word template of the same document, which this script
  builds from jobdocs' reference document (its styles, page and footer), then
  loads, renders and saves once per run, as a docxtpl program would;
- pandoc: jobdocs' Markdown of the document through `pandoc --reference-doc`
  (pypandoc_binary), one pandoc process per document.

It prints the median milliseconds of each and their ratio to jobdocs.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jobdocs import load_role, render_document, resolve
from jobdocs.config.profile import load_organization
from jobdocs.render.docx import styles as s
from jobdocs.render.docx.page import default_reference, open_reference

ROOT = Path(__file__).parent.parent
ORG = ROOT / "examples" / "romashka" / "organization.yaml"


def document() -> Any:
    """Return the resolved Russian key account manager for Ромашка."""
    return resolve(load_role("key-account-manager"), "ru", load_organization(ORG))


def cpu() -> float:
    """Return the CPU seconds of this process and of its finished children (pandoc)."""
    me, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def median_ms(work: Callable[[], object], runs: int, warmup: int = 3) -> tuple[float, float]:
    """Return the median wall time and the median CPU time of `work`, in milliseconds.

    On a shared machine the wall time includes waiting for a core; the CPU
    time is what the work itself costs.
    """
    for _ in range(warmup):
        work()
    wall, used = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), cpu()
        work()
        wall.append((time.perf_counter() - began) * 1000)
        used.append((cpu() - began_cpu) * 1000)
    return statistics.median(wall), statistics.median(used)


# docxtpl: the same document as a Jinja-in-Word template.

def _p(document: Any, style: str, text: str) -> None:
    document.add_paragraph(text, style=style)


def _signed(document: Any, style: str, block: str) -> None:
    _p(document, f"{style} Title", f"{{{{ {block}.title }}}}")
    _p(document, style, f"{{%p for line in {block}.lines %}}")
    _p(document, style, "{{ line }}")
    _p(document, style, "{%p endfor %}")
    _p(document, f"{style} Line", f"\t\t{{{{ {block}.name }}}}")
    _p(document, f"{style} Line Caption", f"\t{{{{ {block}.sign_caption }}}}")
    _p(document, f"{style} Date", f"{{{{ {block}.date }}}}")


def docxtpl_template(path: Path) -> Path:
    """Write a docxtpl template of a job description, styled by jobdocs' reference document."""
    document = open_reference(None)
    s.ensure(document, s.text_width(document.sections[-1]))
    _signed(document, s.APPROVAL, "approval")
    _p(document, s.ORGANIZATION, "{%p for line in heading.organization %}")
    _p(document, s.ORGANIZATION, "{{ line }}")
    _p(document, s.ORGANIZATION, "{%p endfor %}")
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
        cell.paragraphs[0].add_run(f"{{{{ row[{i}] }}}}" if i else
                                   "{{ row[0] }}")
        cell.paragraphs[0].style = document.styles[s.TABLE_TEXT]
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run("{%tr endfor %}")
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    import pypandoc
    from docxtpl import DocxTemplate

    doc = document()
    markdown = render_document(doc, "md").decode()
    reference = default_reference()
    with tempfile.TemporaryDirectory() as tmp:
        template = docxtpl_template(Path(tmp) / "template.docx")
        context = docxtpl_context(doc)

        def with_docxtpl() -> bytes:
            tpl = DocxTemplate(str(template))
            tpl.render(context)
            out = io.BytesIO()
            tpl.save(out)
            return out.getvalue()

        out_docx = str(Path(tmp) / "pandoc.docx")

        def with_pandoc() -> None:
            pypandoc.convert_text(markdown, "docx", format="markdown", outputfile=out_docx,
                                  extra_args=["--reference-doc", str(reference)])

        results = {
            "jobdocs": median_ms(lambda: render_document(doc, "docx"), args.runs),
            "docxtpl": median_ms(with_docxtpl, args.runs),
            "pandoc": median_ms(with_pandoc, max(5, args.runs // 3), warmup=1),
        }
    clauses = len(doc.all_clauses())
    print(f"Russian key account manager ({clauses} clauses), DOCX, median of {args.runs} "
          "runs in one process:")
    print(f"  {'':<8} {'wall':>8}    {'CPU':>8}    CPU ratio")
    base = results["jobdocs"][1]
    for name, (wall, used) in results.items():
        print(f"  {name:<8} {wall:5.1f} ms    {used:5.1f} ms    {used / base:5.2f} × jobdocs")
    wall, used = median_ms(lambda: resolve(load_role("key-account-manager"), "ru",
                                           load_organization(ORG)), args.runs)
    print(f"  (load and resolve before any of them: {wall:.1f} ms wall, {used:.1f} ms CPU)")


if __name__ == "__main__":
    main()
