"""Blocks someone signs, laid out as rows of tables that follow the page.

A signature is a form: the position on the left, a line to sign on, the name
(or a line for it) on the right, a caption under every line. Its parts stand in
the cells of a borderless table whose widths are shares of the text width, so
they end at the right margin on A4 and Letter, whatever the margins; a row
never breaks across pages, and a long list of visas continues on the next
page a row at a time. The lines are paragraph rules, never tab stops, which
would stay where they were set when a margin changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ...frame.printed import Line, SignedBlock
from . import styles as s
from .paragraphs import Body
from .tables import Table
from .text import plain
from .xmlsafe import INVALID

#: The approval block's two columns: the signature line, the name.
APPROVAL_COLUMNS = (0.42, 0.58)
#: A signature row: the position (with the title above and the date below), the line to
#: sign on, the name.
SIGNATURE_COLUMNS = (0.44, 0.22, 0.34)
#: A row of lines to sign on: who signs, the signature, the printed name, the date.
LINE_COLUMNS = (0.22, 0.26, 0.24, 0.28)
ROW_SPACE = 18.0  # pt above each signature row
GAP = 0.3  # cm between the texts of two cells
#: Signature tables written, by how they were written (what, for which page and styles), to
#: copy: the documents of a library share their approver and author, and a copy costs a
#: fraction of writing the table's paragraphs.
_WRITTEN: dict[tuple[Any, ...], Any] = {}
KEPT = 16


def copied(body: Body, blocks: Sequence[SignedBlock], write: Callable[..., Any], *args: Any
           ) -> None:
    """Write `blocks` as `write(body, *args)` does (`args`: the blocks as it takes them, the
    text width ...), or copy the table written so before. A block with a character XML
    cannot hold is written again, so that every such text is noted (see text.plain)."""
    styles = body.styles
    key = (write, *args, styles, len(styles))
    clean = not any(INVALID.search(text) for text in _texts(blocks))
    made = _WRITTEN.get(key) if clean else None
    if made is not None:
        body.end.addprevious(made.__copy__())  # (lxml copies the whole element)
        return
    element = write(body, *args)
    if clean:
        if len(_WRITTEN) >= KEPT:
            _WRITTEN.pop(next(iter(_WRITTEN)))
        _WRITTEN[key] = element.__copy__()


def _texts(blocks: Sequence[SignedBlock]) -> Iterator[str]:
    for block in blocks:
        yield from (block.title, block.name, block.sign_caption, block.name_caption,
                    block.date, block.date_caption)
        for line in block.lines:
            yield from (line.text, line.caption)


def approval(body: Body, block: SignedBlock, text_width: float, align: str = "right") -> Any:
    """Write the approval block (УТВЕРЖДАЮ), at most 8 cm wide; return its table element."""
    style = s.APPROVAL
    share = min(1.0, s.BLOCK / text_width)
    table = Table(body.end, APPROVAL_COLUMNS, text_width, share=share, align=align, gap=GAP)
    [cell] = table.row(spans=[2])
    body.add(f"{style} Title", plain(block.title), into=cell)
    for line in block.lines:
        [cell] = table.row(spans=[2])
        text_line(body, style, line, cell)
    sign, name = table.row()
    signature(body, style, block, sign, name)
    [cell] = table.row(spans=[2])
    body.add(f"{style} Date", plain(block.date), into=cell)
    return table.element


def rows(body: Body, blocks: Sequence[SignedBlock], text_width: float) -> Any:
    """Write signed blocks (the author's signature, visas) a row each; return the table."""
    style = s.SIGNATURE
    table = Table(body.end, SIGNATURE_COLUMNS, text_width, gap=GAP, row_space=ROW_SPACE)
    for block in blocks:
        label, sign, name = table.row()
        above = [f"{style} Title"]  # the styles of what stands above the last line
        body.add(f"{style} Title", plain(block.title), into=label)
        for n, line in enumerate(block.lines):
            if n + 1 < len(block.lines):
                above += [style] if line.text else [f"{style} Line", f"{style} Caption"]
            text_line(body, style, line, label)
        if not block.lines:
            above = []
        body.add(f"{style} Caption", into=label)  # level with the captions: the date is below
        body.add(f"{style} Date", plain(block.date), into=label)
        for cell in (sign, name):  # the signature stands level with the last line
            for spacer in above:
                body.add(spacer.replace(" Line", ""), into=cell)
        signature(body, style, block, sign, name)
    return table.element


def signed_by(body: Body, block: SignedBlock, text_width: float) -> Any:
    """Write one signature after a sentence (the acknowledgement): the line to sign on and
    the name, in the columns of the signature rows, and the date under them; return the
    table."""
    style = s.SIGNATURE
    table = Table(body.end, SIGNATURE_COLUMNS, text_width, gap=GAP, row_space=ROW_SPACE / 2)
    date, sign, name = table.row()
    body.add(style, into=date)
    body.add(f"{style} Caption", into=date)
    body.add(f"{style} Date", plain(block.date), into=date)
    signature(body, style, block, sign, name)
    return table.element


def lines(body: Body, blocks: Sequence[SignedBlock], text_width: float) -> Any:
    """Write lines to sign on for each who signs (employee, manager ...): who, then a line
    for the signature, the printed name and the date, each captioned under it; a name or
    date already known stands on its line. The signers share one row, which never breaks
    across pages: a page never ends between the employee's line and the manager's. Return
    the table."""
    style = s.SIGNATURE
    table = Table(body.end, LINE_COLUMNS, text_width, gap=GAP, row_space=ROW_SPACE)
    who, sign, name, date = table.row()
    for n, block in enumerate(blocks):
        if n:  # the room between two signers, the same in every cell
            for cell in (who, sign, name, date):
                body.add(f"{style} Space", into=cell)
        body.add(f"{style} Title", plain(block.title), into=who)
        body.add(f"{style} Caption", into=who)  # level with the captions
        for cell, text, caption in ((sign, "", block.sign_caption),
                                    (name, block.name, block.name_caption),
                                    (date, block.date, block.date_caption)):
            body.add(f"{style} Line", plain(text), into=cell)
            body.add(f"{style} Caption", plain(caption), into=cell)
    return table.element


def signature(body: Body, style: str, block: SignedBlock, sign: Any, name: Any) -> None:
    """Write a line to sign on with its caption, and the name or a line for it."""
    body.add(f"{style} Line", into=sign)
    body.add(f"{style} Caption", plain(block.sign_caption), into=sign)
    if block.name:
        body.add(f"{style} Name", plain(block.name), into=name)
    else:
        body.add(f"{style} Line", into=name)
        body.add(f"{style} Caption", plain(block.name_caption), into=name)


def text_line(body: Body, style: str, line: Line, cell: Any) -> None:
    """Write a line's text, or a line to fill in with its caption under it."""
    if line.text:
        body.add(style, plain(line.text), into=cell)
    else:
        body.add(f"{style} Line", into=cell)
        body.add(f"{style} Caption", plain(line.caption), into=cell)
