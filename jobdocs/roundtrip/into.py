"""`jobdocs import --into ROLE FILE.docx`: a reviewed job description back into its role.

The document must have been rendered from the role as it is now (same content
hash): what differs from that rendering is the review. Its paragraphs are
placed (placing.py), the differences planned (changes.py) and written into the
role file (writeback.py); the new role is then loaded and checked like any
other, and must print exactly the reviewed document, or nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import intake
from ..config.organization import Organization
from ..errors import InvalidInput, JobdocsError, Problem, UsageError
from ..files import FileChanged, write_atomic
from ..files import shown as shown_path
from ..intake.word import open_package
from ..model import Document, Role
from ..roles import loader
from ..roles.library import Library
from ..roles.yamledit import EditError, RoleFile
from . import edited as reading
from . import regions, wordml
from .changes import Plan, plan
from .placing import Placer
from .review import Note, notes
from .verify import verify
from .writeback import Writer, Written


@dataclass
class RoundTrip:
    """What an import into a role found, planned and wrote."""

    role: str  # the role's id
    path: Path  # the role file
    document: str
    lang: str
    view: str  # accept or reject
    plan: Plan
    notes: list[Note] = field(default_factory=list)
    written: Written = field(default_factory=Written)
    wrote: list[str] = field(default_factory=list)  # the files written
    dry_run: bool = False  # asked to write nothing

    @property
    def findings(self) -> list[Problem]:
        return self.plan.findings

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.findings if p.severity == "error"]


@dataclass(frozen=True)
class Origin:
    """What a document says it was rendered from (its core properties)."""

    role: str
    content: str  # the content hash of the document the review started from
    lang: str
    redline: bool


def origin(doc: reading.Edited) -> Origin:
    """Read the role, content hash and language a jobdocs document records."""
    parts = doc.identifier.split("→")
    old = parts[0].split()
    lang = doc.language.split("-")[0].lower()
    if len(old) != 3:
        return Origin("", "", lang, False)
    return Origin(old[0], old[2], lang, len(parts) == 2)


def import_into(role_ref: str | Path, document: Path, *, library: Library,
                org: Organization | None = None, reject: bool = False, partial: bool = False,
                parent: bool = False, lang: str | None = None, write: bool = True,
                render: Callable[[Document], bytes] | None = None) -> RoundTrip:
    """Bring the review in `document` into the role `role_ref`; write it unless `write` is
    False or something could not be placed (everything else is written with `partial`)."""
    org = org or Organization()
    path = library.find(str(role_ref))
    role = library.load(path)
    doc = wordml.read(document)
    found = origin(doc)
    shown = str(document)
    if not found.role and not any(s.marks for s in doc.sources):
        raise InvalidInput(Problem(shown, None, None, "the document was not rendered by "
                                   "jobdocs (its properties name no role, and no paragraph "
                                   "carries a clause's mark): import it as a role of its own "
                                   f"with `jobdocs import {shown}`", "not-rendered"))
    if found.role and found.role != role.id:
        raise UsageError(f"{shown} is a job description of role '{found.role}', not of "
                         f"'{role.id}': import it --into {found.role}")
    lang = lang or found.lang or role.languages[0]
    try:
        role.require_language(lang)
    except UsageError as e:  # in the words every command uses
        raise UsageError(f"{shown}: {e}; give --lang") from None
    from ..resolve import resolve, text_context

    base = resolve(role, lang, org)
    if found.content and found.content != base.content_hash:
        raise InvalidInput(Problem(shown, None, None, f"the document was rendered from "
                                   f"content {found.content} of role '{role.id}', and the role "
                                   f"with this profile now gives {base.content_hash}: import "
                                   "into the role (and with the --org) it was rendered from, "
                                   "e.g. a checkout of that commit", "stale-document"))
    view = reading.REJECT if reject else reading.ACCEPT
    head, body, tail = regions.split(doc.paragraphs(view))
    body, findings = regions.body_tables(shown, body)
    if found.role:  # a document of jobdocs': its frame must be the one jobdocs printed
        findings += _frame(shown, doc, base, head, tail, found, view, render)
    outline = Placer(shown, base, body).place()
    outline.findings[:0] = findings
    context = text_context(role, lang, org)
    result = RoundTrip(role.id, path, shown, lang, view,
                       plan(outline, base, role, context, shown), dry_run=not write)
    numbers = {c.id: c.number for c in base.all_clauses()}
    result.notes = notes(doc, outline, numbers, numbers)
    if result.plan.empty:
        return result
    files = _files(role, library, parent)
    parent_ids = _inherited(role, library)
    visible = set(numbers)
    try:
        result.written = Writer(role, files, result.plan, visible, parent_ids).write(parent)
    except EditError as e:
        result.plan.findings.append(Problem(shown, None, None, f"cannot write the review into "
                                            f"{path}: {e}", "unplaced"))
        return result
    result.plan.findings += verify(result, role, library, org)
    if write and (partial or not result.errors) and not _broken(result):
        for name, text in result.written.texts.items():
            before = files[name].original

            def unchanged(name: str = name, before: str = before) -> bool:
                return loader.read_text(name, intake.ROLE) == before

            try:  # serve may save the file meanwhile: then nothing of ours replaces it
                write_atomic(Path(name), text.encode("utf-8"), unchanged=unchanged)
            except FileChanged:
                raise JobdocsError(f"{shown_path(name)} changed while the review was imported, so "
                                   "it was not written: import the document again") from None
            result.wrote.append(name)
    return result


def _broken(result: RoundTrip) -> bool:
    """Whether the written role would not print the document (never written, --partial or not)."""
    return any(p.rule in ("round-trip", "invalid-result") for p in result.errors)


def _frame(shown: str, doc: reading.Edited, base: Document, head: list[reading.Para],
           tail: list[reading.Para], found: Origin, view: str,
           render: Callable[[Document], bytes] | None) -> list[Problem]:
    if render is None:
        from ..render.docx.writer import render as render_docx

        render = render_docx
    printed = wordml.of_package(open_package(render(base), "rendered", intake.DOCUMENT))
    if found.redline:  # the reviewer's frame is the new version's; compare the old one
        view = reading.REJECT
        head, _, tail = regions.split(doc.paragraphs(view))
    b_head, _, b_tail = regions.split(printed.paragraphs(reading.ACCEPT))
    out = regions.frame_edits(shown, head, b_head, "above the clauses")
    out += regions.frame_edits(shown, tail, b_tail, "below the clauses")
    out += regions.story_edits(shown, doc.story_texts[view], printed.story_texts[reading.ACCEPT])
    return out


def _files(role: Role, library: Library, parent: bool) -> dict[str, RoleFile]:
    """Open the role file (and, with `parent`, the files it inherits from) for editing."""
    paths = [role.path]
    if parent:
        paths += [str(library.find(rid, near=Path(role.path).parent)) for rid in role.chain]
    out = {}
    for p in paths:
        text = loader.read_text(p, intake.ROLE)
        out[p] = RoleFile(text, p)
    return out


def _inherited(role: Role, library: Library) -> set[str]:
    if not role.extends:
        return set()
    parent = library.load(library.find(role.extends, near=Path(role.path).parent))
    return {c.id for tops in parent.sections.values() for top in tops for c in top.walk()}
