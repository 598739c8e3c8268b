"""Render many roles to files: the one function behind `jobdocs render`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..config.organization import Organization
from ..config.staff import Employee, file_slug
from ..errors import InvalidInput, JobdocsError, UsageError
from ..files import ensure_dir, write_atomic
from ..model import Document, Role
from ..resolve import resolve
from ..roles.library import load_role
from . import render_document


@dataclass(frozen=True)
class Job:
    """One document to write: a role in one language and format (and, for a copy per
    employee, the employee and their place in the staff list)."""

    role: Role
    lang: str
    fmt: str
    employee: Employee | None = None
    seq: int = 0

    def filename(self) -> str:
        if self.employee is None:
            return f"{self.role.id}.{self.lang}.{self.fmt}"
        return f"{self.role.id}.{self.lang}.{file_slug(self.seq, self.employee)}.{self.fmt}"


def per_employee(jobs: Iterable[Job], staff: Sequence[Employee]) -> list[Job]:
    """Return every job once for each employee of the staff list: a copy each."""
    return [replace(job, employee=e, seq=n) for job in jobs
            for n, e in enumerate(staff, start=1)]


def _org_for(org: Organization | None, job: Job) -> Organization | None:
    """Return the profile a job's document is resolved with: for an employee's copy, the
    acknowledgement names them and the sheet holds their row."""
    if job.employee is None or org is None:
        return org
    return replace(org, employee=job.employee, staff=(job.employee,), acknowledgement_rows=1)


def plan(role_refs: Sequence[str], langs: Sequence[str], formats: Sequence[str],
         load: Callable[[str], Role] = load_role) -> list[Job]:
    """Return every document to write; load every role first, so that bad input
    stops the run before any file is written."""
    roles, problems = [], []
    for ref in role_refs:
        try:
            roles.append(load(ref))
        except InvalidInput as e:
            problems += e.problems
    if problems:
        raise InvalidInput(problems)
    jobs: list[Job] = []
    for role in roles:
        for lang in langs or role.languages:
            if lang not in role.languages:
                raise UsageError(f"role '{role.id}' is written in "
                                 f"{', '.join(role.languages)}, not '{lang}'")
            jobs.extend(Job(role, lang, fmt) for fmt in formats)
    return jobs


def build(jobs: Iterable[Job], out_dir: Path, org: Organization | None = None,
          reference_doc: Path | None = None) -> list[Path]:
    """Render every job and write it to `out_dir`; return the paths written.

    Every document is rendered before the first file is written, so invalid
    clause text in any of them leaves the output directory untouched. DOCX
    and PDF take their styles from `reference_doc`, else from the profile's.
    """
    if reference_doc is None and org is not None and org.reference_doc:
        reference_doc = Path(org.reference_doc)
    jobs = list(jobs)
    given = org.number if org is not None else None
    if org is not None:
        org = replace(org, number=org.number.assign(job.role.id for job in jobs))
    rendered: list[tuple[Path, bytes]] = []
    problems = []
    docs: dict[tuple[str, str, int], Document] = {}
    docx_of: dict[tuple[str, str, int], bytes] = {}  # each DOCX rendered once, for docx and pdf
    pdfs: list[tuple[Path, bytes]] = []
    for job in jobs:
        key = (job.role.id, job.lang, job.seq)
        if key not in docs:
            try:
                docs[key] = resolve(job.role, job.lang, _org_for(org, job))
            except InvalidInput as e:
                problems += e.problems
                continue
        if job.fmt in ("docx", "pdf"):
            if key not in docx_of:
                docx_of[key] = render_document(docs[key], "docx", reference_doc)
            target = pdfs if job.fmt == "pdf" else rendered
            target.append((out_dir / job.filename(), docx_of[key]))
        else:
            rendered.append((out_dir / job.filename(),
                             render_document(docs[key], job.fmt, reference_doc)))
    if pdfs and not problems:
        rendered += _print(pdfs)
        order = {out_dir / job.filename(): n for n, job in enumerate(jobs)}
        rendered.sort(key=lambda pair: order[pair[0]])
    if problems:
        raise InvalidInput(problems)
    ensure_dir(out_dir)
    for i, (path, data) in enumerate(rendered):
        try:
            _write(path, data, "document")
        except JobdocsError as e:  # say what the folder holds now
            done = ", ".join(p.name for p, _ in rendered[:i]) or "none"
            left = ", ".join(p.name for p, _ in rendered[i:])
            raise JobdocsError(f"{e}. Written: {done}; not written: {left}") from e
    if org is not None and given is not None and org.number.issued != given.issued:
        # Numbers issued now are kept, so the next render gives each role the same one.
        _write(Path(org.number.register), org.number.register_text().encode("utf-8"),
               "number register")
    return [path for path, _ in rendered]


def render_one(job: Job, org: Organization | None = None,
               reference_doc: Path | None = None) -> bytes:
    """Return one job's document, as `build` would write it (for `-o -`)."""
    if reference_doc is None and org is not None and org.reference_doc:
        reference_doc = Path(org.reference_doc)
    if org is not None:
        org = replace(org, number=org.number.assign([job.role.id]))
    return render_document(resolve(job.role, job.lang, _org_for(org, job)), job.fmt,
                           reference_doc)


def _write(path: Path, data: bytes, what: str) -> None:
    try:
        write_atomic(path, data)
    except OSError as e:
        raise JobdocsError(f"{path}: cannot write the {what}: {e.strerror or e}; "
                           "check the directory's permissions and free space") from e


def _print(pdfs: list[tuple[Path, bytes]]) -> list[tuple[Path, bytes]]:
    """Return each PDF's path and bytes, printed from its DOCX in one LibreOffice run."""
    import tempfile

    from .pdf import convert

    with tempfile.TemporaryDirectory(prefix="jobdocs-render-") as tmp:
        sources = []
        for n, (_, data) in enumerate(pdfs):
            sources.append(Path(tmp) / f"{n}.docx")
            sources[-1].write_bytes(data)
        printed = convert(sources, Path(tmp) / "pdf")
        return [(path, pdf.read_bytes()) for (path, _), pdf in zip(pdfs, printed, strict=True)]
