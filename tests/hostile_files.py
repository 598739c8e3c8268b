"""Hostile files of the audit, made on demand: for the tests and for bench/hostile.py.

Each maker writes one file (or link, FIFO, folder) into a folder and returns its
path; none needs more than a few megabytes on disk, however much it would take
to read naively.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SECRET = "password_of_the_director: hunter2\nroot:x:0:0:root:/root:/bin/bash\n"
TITLE = "Должностная инструкция менеджера по продажам"


def job_description(folder: Path, name: str = "sales.docx", paragraphs: int = 0) -> Any:
    """Return a small Word job description (python-docx Document), saved as `name`."""
    import docx

    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_heading("1. Общие положения", 1)
    d.add_paragraph("1.1. Менеджер по продажам относится к категории специалистов.")
    d.add_heading("2. Должностные обязанности", 1)
    d.add_paragraph("2.1. Принимает заказы клиентов.")
    for i in range(paragraphs):
        d.add_paragraph(f"2.{i + 2}. Выполняет поручение номер {i + 1}.")
    d.save(str(folder / name))
    return d


def _numbered(fmt: str = "decimal", ilvl: str = "0", start: str = "1",
              override: str = "") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        from docx.oxml import parse_xml

        path = folder / f"numbered-{fmt}-{abs(hash((ilvl, start, override)))}.docx"
        d = job_description(folder, path.name)
        numbering = d.part.numbering_part.element
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="90"><w:lvl w:ilvl="{ilvl}"><w:start '
            f'w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
            '</w:abstractNum>'))
        again = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/>'
                 '</w:lvlOverride>') if override else ""
        numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/>'
                                   f'{again}</w:num>'))
        for text in ("Принимает заказы.", "Консультирует клиентов."):
            p = d.add_paragraph(text)
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))
        d.save(str(path))
        return path

    return make


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _zip(path: Path, parts: dict[str, bytes], big: tuple[str, bytes, int, bytes] | None = None
         ) -> Path:
    """Write `parts` as a zip; `big` = (name, head, megabytes of filler, tail) streamed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            if big and name == big[0]:
                continue
            z.writestr(name, content)
        if big:
            name, head, megabytes, tail = big
            with z.open(name, "w", force_zip64=True) as f:
                f.write(head)
                filler = b" " * (1 << 20)
                for _ in range(megabytes):
                    f.write(filler)
                f.write(tail)
    return path


#: Megabytes the bombs unpack to: the audit's sizes (bench/hostile.py), or less (the tests).
BOMB_MB = {"image": 1536, "xml": 700}


def image_bomb(folder: Path) -> Path:
    """A document whose image unpacks to 1.5 GB of zeros (in 1.5 MB)."""
    job_description(folder, "base.docx")
    return _zip(folder / "image-bomb.docx", _parts(folder / "base.docx"),
                ("word/media/image1.png", b"", BOMB_MB["image"], b""))


def xml_bomb(folder: Path) -> Path:
    """A document whose document.xml unpacks to 700 MB (of spaces between the tags)."""
    job_description(folder, "base.docx")
    parts = _parts(folder / "base.docx")
    head, tail = parts["word/document.xml"].split(b"<w:body>")
    return _zip(folder / "xml-bomb.docx", parts,
                ("word/document.xml", head + b"<w:body>", BOMB_MB["xml"], tail))


def many_styles(folder: Path) -> Path:
    """A document with 20,000 styles, each paragraph in the last one."""
    from docx.oxml import parse_xml

    d = job_description(folder, "styles.docx", paragraphs=200)
    styles = d.styles.element
    for i in range(20_000):
        styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="S{i}">'
                                f'<w:name w:val="Style {i}"/></w:style>'))
    for p in d.paragraphs:
        p._p.get_or_add_pPr().insert(0, parse_xml(f'<w:pStyle {W} w:val="S19999"/>'))
    d.save(str(folder / "styles.docx"))
    return folder / "styles.docx"


def hidden_text(folder: Path) -> Path:
    """A document with a nested table, a content control and an embedded document."""
    from docx.oxml import parse_xml

    d = job_description(folder, "hidden.docx")
    table = d.add_table(rows=1, cols=1)
    inner = table.cell(0, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).paragraphs[0].text = "2.3. Ведёт учёт договоров во вложенной таблице."
    d.element.body.insert(len(d.element.body) - 1, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>2.4. Готовит отчёты в элементе '
        'управления.</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    d.element.body.insert(len(d.element.body) - 1, parse_xml(
        '<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:id="rIdMissing"/>'))
    d.save(str(folder / "hidden.docx"))
    return folder / "hidden.docx"


def after_acknowledgement(folder: Path) -> Path:
    path = folder / "after.txt"
    path.write_text(f"{TITLE}\n\n1. Общие положения\n1.1. Относится к категории специалистов.\n"
                    "2. Должностные обязанности\n2.1. Принимает заказы клиентов.\n\n"
                    "С инструкцией ознакомлен:\n________________ И.И. Иванов\n\n"
                    "3. Права\n3.1. Получать информацию о деятельности организации.\n",
                    encoding="utf-8")
    return path


def escapes(folder: Path) -> Path:
    path = folder / "escapes.txt"
    path.write_text(f"{TITLE}\n\n1. Общие положения\x1b]0;owned\x07\n"
                    "1.1. Относится \x1b[2J к категории специалистов.\n", encoding="utf-8")
    return path


def heading_spaces(folder: Path) -> Path:
    """A Markdown heading with 5,000 spaces inside (a cubic pattern took minutes)."""
    path = folder / "heading.md"
    path.write_text("#" + " " * 5000 + "x" + " " * 5000 + "#a\n\n1. Общие положения\n\n"
                    "1.1. Относится к категории специалистов.\n", encoding="utf-8")
    return path


def big_text(folder: Path) -> Path:
    """A text of 130 MB (sparse: it takes no room on disk)."""
    path = folder / "big.txt"
    with path.open("wb") as f:
        f.write(b"1.1. ")
        f.truncate(130 * 1024 * 1024)
    return path


def fifo(folder: Path, name: str = "fifo.md") -> Path | None:
    if not hasattr(os, "mkfifo"):
        return None
    path = folder / name
    os.mkfifo(path)
    return path


def device(folder: Path, name: str = "zero.docx") -> Path | None:
    if not Path("/dev/zero").exists():
        return None
    path = folder / name
    path.symlink_to("/dev/zero")
    return path


def outside(folder: Path, name: str = "linked.yaml", to: Path | None = None) -> Path:
    """A link to a file outside `folder` (`to`, else one level up) that holds secrets."""
    secret = to or folder.parent / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = folder / name
    path.symlink_to(secret)
    return path


def latin1(folder: Path, name: str = "latin.txt") -> Path:
    path = folder / name
    path.write_bytes(f"{TITLE}\n1. Общие положения\n1.1. café\n".encode().replace(
        "café".encode(), "café".encode("latin-1")))
    return path


def folder_named(folder: Path, name: str = "x.docx") -> Path:
    (folder / name).mkdir()
    return folder / name


#: The documents `jobdocs import` is given in the audit, by name.
IMPORTS: dict[str, Callable[[Path], Path | None]] = {
    "fifo": fifo, "device": device, "folder": folder_named, "latin-1": latin1,
    "big-text": big_text, "image-bomb": image_bomb, "xml-bomb": xml_bomb,
    "huge-ilvl": _numbered(ilvl="999999999"),
    "huge-roman": _numbered("upperRoman", start="2000000000"),
    "huge-letter": _numbered("lowerLetter", start="100000000"),
    "superscript-start": _numbered(start="²"),
    "huge-override": _numbered(override="9999999999999"),
    "many-styles": many_styles, "heading-spaces": heading_spaces, "hidden-text": hidden_text,
    "after-acknowledgement": after_acknowledgement, "escapes": escapes,
}

