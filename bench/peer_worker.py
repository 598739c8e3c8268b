"""Runs inside the peers' environment (bench/peers.py): one JSON call a line in, one out.

Nothing of jobdocs is imported here. Each timed function times only its
work, in this process: wall and CPU seconds.
"""

from __future__ import annotations

import io
import json
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

_templates: dict[str, Any] = {}


def versions(packages: list[str]) -> dict[str, Any]:
    import yaml

    out = {p: metadata.version(p) for p in packages}
    out["libyaml"] = "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    out["python"] = sys.version.split()[0]
    return {"versions": out}


def docxtpl(template: str, context_file: str) -> None:
    """Load a template, render it with a context, save it: what a docxtpl program does."""
    from docxtpl import DocxTemplate

    context = _templates.get(context_file)
    if context is None:
        context = _templates[context_file] = json.loads(Path(context_file).read_text("utf-8"))
    document = DocxTemplate(template)
    document.render(context)
    document.save(io.BytesIO())


def read_docx(folder: str) -> None:
    """Read every DOCX of a folder with python-docx: each paragraph's style and text,
    each table's cells, in the order of the body."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for path in sorted(Path(folder).glob("*.docx")):
        document = docx.Document(str(path))
        out = []
        for child in document.element.body.iterchildren():
            if child.tag.endswith("}p"):
                p = Paragraph(child, document)
                out.append((p.style.name if p.style is not None else "", p.text))
            elif child.tag.endswith("}tbl"):
                for row in Table(child, document).rows:
                    out.append(tuple(cell.text for cell in row.cells))


def load_yaml(folder: str) -> None:
    """Load every YAML file of a folder with PyYAML's C loader (safe, libyaml)."""
    import yaml

    for path in sorted(Path(folder).glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


TIMED = {"docxtpl": docxtpl, "read_docx": read_docx, "load_yaml": load_yaml}


def main() -> None:
    for line in sys.stdin:
        fn, *args = json.loads(line)
        try:
            if fn == "versions":
                answer = versions(*args)
            else:
                began, began_cpu = time.perf_counter(), time.process_time()
                TIMED[fn](*args)
                answer = {"wall": time.perf_counter() - began,
                          "cpu": time.process_time() - began_cpu}
        except Exception as e:  # tell the benchmark, which stops with it
            answer = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
