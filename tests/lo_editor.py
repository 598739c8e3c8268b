"""Edit a DOCX in LibreOffice as a reviewer would, driven through UNO; save it as DOCX.

Run by a Python that has LibreOffice's `uno` module (Debian's python3 with
python3-uno), not by the test's own interpreter:

    python3 tests/lo_editor.py IN.docx OUT.docx EDITS.json

EDITS.json is a list of steps, applied in order; a paragraph is named by the
start of its text (its number, «2.4.»):

    {"do": "author", "name": "Anna Petrova"}        who the tracked changes are by
    {"do": "track", "on": true}                     track changes from here on (or not)
    {"do": "replace", "in": "2.4.", "old": "консультирует", "new": "подробно консультирует"}
    {"do": "insert", "after": "2.3.", "text": "Новый пункт.", "style": "Clause"}
    {"do": "delete", "at": "2.9."}                  the paragraph, its mark with it
    {"do": "move", "at": "3.2.", "after": "3.5."}   cut and paste, as a reviewer drags it
    {"do": "copy", "at": "2.7.", "after": "2.8."}   copy and paste
    {"do": "split", "in": "2.6.", "before": "регулярно"}   Enter before those words
    {"do": "join", "at": "1.1."}                    Delete at its end: the next one joins it
    {"do": "comment", "in": "2.4.", "on": "консультирует", "text": "...", "author": "..."}

Nothing here knows jobdocs: the document is edited through LibreOffice's own
API, and LibreOffice writes the DOCX.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # type: ignore[import-not-found]

DOCX = "MS Word 2007 XML"


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start(profile):
    pipe = f"jobdocs_editor_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 60
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return office, ctx
        except Exception:
            if time.monotonic() > deadline or office.poll() is not None:
                office.kill()
                raise SystemExit("LibreOffice did not start") from None
            time.sleep(0.2)


def paragraphs(text):
    """Yield the paragraphs of a text, those in table cells included, in order."""
    items = text.createEnumeration()
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.Paragraph"):
            yield item
        elif item.supportsService("com.sun.star.text.TextTable"):
            for name in item.getCellNames():
                yield from paragraphs(item.getCellByName(name).getText())


def find(doc, start):
    for p in paragraphs(doc.Text):
        if p.getString().startswith(start):
            return p
    raise SystemExit(f"no paragraph starts with {start!r}")


def span(p, old):
    """Return a cursor over the first `old` in paragraph p."""
    text = p.getText()
    at = p.getString().index(old)
    cursor = text.createTextCursorByRange(p.getStart())
    cursor.goRight(at, False)
    cursor.goRight(len(old), True)
    return cursor


def set_author(ctx, name):
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    given, _, family = name.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def apply(ctx, doc, step):
    do = step["do"]
    if do == "author":
        set_author(ctx, step["name"])
    elif do == "track":
        doc.RecordChanges = bool(step["on"])
    elif do == "replace":
        span(find(doc, step["in"]), step["old"]).setString(step["new"])
    elif do == "insert":
        p = find(doc, step["after"])
        text = p.getText()
        cursor = text.createTextCursorByRange(p.getEnd())
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor = text.createTextCursorByRange(cursor.getEnd())
        if step.get("style"):
            cursor.setPropertyValue("ParaStyleName", step["style"])
        text.insertString(cursor, step["text"], False)
    elif do == "delete":
        p = find(doc, step["at"])
        cursor = p.getText().createTextCursorByRange(p.getStart())
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)  # the paragraph mark: the next paragraph comes up
        cursor.setString("")
    elif do in ("move", "copy"):
        ctl = doc.getCurrentController()
        p = find(doc, step["at"])
        cursor = p.getText().createTextCursorByRange(p.getStart())
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)
        ctl.select(cursor)
        clip = ctl.getTransferable()
        if do == "move":
            ctl.getViewCursor().setString("")
        q = find(doc, step["after"])
        view = ctl.getViewCursor()
        view.gotoRange(q.getEnd(), False)
        view.goRight(1, False)
        ctl.insertTransferable(clip)
    elif do == "split":
        p = find(doc, step["in"])
        cursor = p.getText().createTextCursorByRange(p.getStart())
        cursor.goRight(p.getString().index(step["before"]), False)
        p.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    elif do == "join":
        p = find(doc, step["at"])
        cursor = p.getText().createTextCursorByRange(p.getEnd())
        cursor.goRight(1, True)
        cursor.setString(" ")
    elif do == "comment":
        p = find(doc, step["in"])
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = step.get("author", "")
        note.Content = step["text"]
        now = time.gmtime()
        when = uno.createUnoStruct("com.sun.star.util.DateTime")
        when.Year, when.Month, when.Day = now.tm_year, now.tm_mon, now.tm_mday
        when.Hours, when.Minutes, when.Seconds = now.tm_hour, now.tm_min, now.tm_sec
        note.DateTimeValue = when
        p.getText().insertTextContent(span(p, step["on"]), note, True)
    else:
        raise SystemExit(f"unknown step {do!r}")


def main():
    source, target, edits = sys.argv[1:4]
    with open(edits, encoding="utf-8") as f:
        steps = json.load(f)
    # A comment shown in the margin needs window layouts the no-GUI LibreOffice package
    # leaves out (it aborts drawing one): comments go in after the other edits, into
    # the document loaded again without a view.
    edits = [s for s in steps if s["do"] != "comment"]
    notes = [s for s in steps if s["do"] in ("comment", "author")]
    with tempfile.TemporaryDirectory() as work:
        # LibreOffice's lock file goes beside the copy it opens, never beside the input.
        opened = os.path.join(work, "document.docx")
        with open(source, "rb") as f, open(opened, "wb") as out:
            out.write(f.read())
        url = uno.systemPathToFileUrl(opened)
        office, ctx = start(os.path.join(work, "profile"))
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        try:
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {source}")
            for step in edits:
                apply(ctx, doc, step)
            doc.storeToURL(url, (prop("FilterName", DOCX),))
            doc.close(True)
            if len(notes) > sum(s["do"] == "author" for s in notes):
                doc = ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.text.TextDocument", ctx)
                doc.load((prop("URL", url), prop("FilterName", DOCX)))
                for step in notes:
                    apply(ctx, doc, step)
                doc.storeToURL(url, (prop("FilterName", DOCX),))
                doc.close(True)
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
        with open(opened, "rb") as f, open(target, "wb") as out:
            out.write(f.read())


if __name__ == "__main__":
    main()
