"""`jobdocs import` of 100 DOCX against python-docx reading the same files.

The documents are jobdocs' own Russian DOCX of 100 generated roles (each
with its approval block, numbered clauses, dashed items and the
acknowledgement sheet). jobdocs reads each into a role (`import_document`:
the paragraphs with Word's numbering spelt out, the structure, ids, title,
YAML); python-docx, in the peers' environment, opens each and reads every
paragraph's style and text and every table's cells: what any reader of a
DOCX does at least. Both in one warm process, taking turns.
"""

from __future__ import annotations

from libraries import line_library
from measure import command, in_process, interleave

from figures import JOBDOCS, Context, Figure, Row, at_most


def measure(ctx: Context) -> Figure:
    n = ctx.size(100)
    folder = ctx.tmp / "import"
    line_library(folder / "roles", n)
    (folder / "jobdocs.yaml").write_text("format: 1\nlanguages: [ru]\nformats: [docx]\n"
                                         "output: documents\n", encoding="utf-8")
    command([*JOBDOCS, "build", "-q"], folder)()
    docs = folder / "documents"
    files = sorted(docs.glob("*.docx"))
    from jobdocs.importer.document import import_document

    stats = interleave({
        "jobdocs": in_process(lambda: [import_document(path) for path in files]),
        "python-docx": lambda: ctx.peers.timed("read_docx", str(docs)),
    }, max(3, ctx.runs), warmup=1)
    figure = Figure(f"`jobdocs import` of {len(files)} DOCX",
                    f"jobdocs' Russian DOCX of {n} generated roles; median of "
                    f"{max(3, ctx.runs)} interleaved runs in one warm process each",
                    [Row("jobdocs (`import_document`), per document", stats["jobdocs"],
                         len(files), "ms"),
                     Row("python-docx reading styles, text, tables, per document",
                         stats["python-docx"], len(files), "ms")])
    figure.ratios.append(at_most("import CPU / python-docx reading CPU",
                                 stats["jobdocs"].cpu / stats["python-docx"].cpu, 2))
    return figure
