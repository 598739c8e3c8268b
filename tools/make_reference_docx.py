"""Write templates/docx/reference.docx, the reference document jobdocs styles DOCX output with.

    python tools/make_reference_docx.py [OUTPUT]

A4, margins 20/10/20/20 mm (left/right/top/bottom, ГОСТ Р 7.0.97-2025),
Times New Roman 14 pt, and every named style the writer uses
(jobdocs/render/docx/styles.py, written by stylesheet.py). The same inputs give
the same bytes, so the shipped file can be checked against this script
(tests/test_docx.py does).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from jobdocs.render.docx import package as docx_package
from jobdocs.render.docx import styles as docx_styles
from jobdocs.render.docx import stylesheet

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "templates" / "docx" / "reference.docx"
PAGE = (Mm(210), Mm(297))
MARGINS = {"left": Mm(20), "right": Mm(10), "top": Mm(20), "bottom": Mm(20)}
HEADER_DISTANCE = Mm(10)
# python-docx's own template carries a thumbnail, custom XML and a second copy of
# the styles; a reference document needs none of them.
DROP_RELATIONSHIPS = ("thumbnail", "customXml", "stylesWithEffects")
KEEP_STYLES = {"Normal", "Default Paragraph Font", "Normal Table", "No List", "Table Grid"}
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>jobdocs</Application></Properties>"
)


def drop_parts(document: Any) -> None:
    for rels in (document.part.package.rels, document.part.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DROP_RELATIONSHIPS:
                rels.pop(r_id)


def set_fonts(document: Any) -> None:
    """Make Times New Roman the font of every script, with no theme fonts to override it."""
    rpr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), docx_styles.FONT)
    ppr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    for child in list(ppr):
        ppr.remove(child)


def prune_styles(document: Any, wanted: set[str]) -> None:
    for style in list(document.styles):
        if style.name not in wanted | KEEP_STYLES:
            style.element.getparent().remove(style.element)


def make() -> Any:
    """Return the reference document."""
    document = docx.Document()
    drop_parts(document)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    for side, size in MARGINS.items():
        setattr(section, f"{side}_margin", size)
    section.header_distance = section.footer_distance = HEADER_DISTANCE
    section.different_first_page_header_footer = True
    width = docx_styles.text_width(section)
    specs = docx_styles.styles(width)
    prune_styles(document, {spec.name for spec in specs})
    set_fonts(document)
    for spec in specs:
        stylesheet.apply(document, spec)
    stylesheet.apply_table_style(document)
    settings = document.settings.element
    for proof in settings.findall(qn("w:proofState")):  # "already checked": it never was
        settings.remove(proof)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = document.core_properties
    props.title = "jobdocs reference document"
    props.author = props.last_modified_by = "jobdocs"
    props.comments = "Styles, page and header/footer for jobdocs DOCX output."
    props._element._remove_created()  # no date: the documents give their own, or none
    props._element._remove_modified()
    props.revision = 1
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML.encode()
    return document


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUTPUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(docx_package.save(make()))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
