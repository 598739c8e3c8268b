"""Render the roles named on the command line to files: `jobdocs render`, a one-off
build by the same engine as `jobdocs build`, without its manifest."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..config.organization import Organization
from ..config.staff import Employee, file_slug
from ..errors import InvalidInput, JobdocsError
from ..files import ensure_dir, shown, write_atomic
from ..formats import file_name
from ..model import Role
from ..resolve import resolve
from ..roles.library import load_role
from ..settings import letterhead
from .copies import copy_org
from .documents import Printing, produce, render_formats


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
        copy = file_slug(self.seq, self.employee) if self.employee is not None else ""
        return file_name(self.role.id, self.lang, self.fmt, copy)


def per_employee(jobs: Iterable[Job], staff: Sequence[Employee]) -> list[Job]:
    """Return every job once for each employee of the staff list: a copy each."""
    return [replace(job, employee=e, seq=n) for job in jobs
            for n, e in enumerate(staff, start=1)]


def _org_for(org: Organization | None, job: Job) -> Organization | None:
    """Return the profile a job's document is resolved with: for an employee's copy, the
    acknowledgement names them and the sheet holds their row."""
    if job.employee is None or org is None:
        return org
    return copy_org(org, job.employee)


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
            role.require_language(lang)
            jobs.extend(Job(role, lang, fmt) for fmt in formats)
    return jobs


def build(jobs: Iterable[Job], out_dir: Path, org: Organization | None = None,
          reference_doc: Path | None = None) -> list[Path]:
    """Render every job and write it to `out_dir`; return the paths written.

    A one-off build (jobdocs.production) without the manifest: every document
    is rendered, and every PDF printed, before the first file is written, so
    invalid clause text in any of them leaves the output directory untouched.
    DOCX and PDF take their styles from `reference_doc`, else from the
    profile's (settings.letterhead).
    """
    reference_doc = letterhead(reference_doc, None, org or Organization())
    jobs = list(jobs)
    given = org.number if org is not None else None
    if org is not None:
        org = replace(org, number=org.number.assign(job.role.id for job in jobs))
    rendered: dict[Path, bytes] = {}
    problems = []
    formats: dict[tuple[str, str, int], list[Job]] = {}
    for job in jobs:  # each document resolved once, in every format asked for
        formats.setdefault((job.role.id, job.lang, job.seq), []).append(job)
    with tempfile.TemporaryDirectory(prefix="jobdocs-render-") as tmp:
        printing = Printing(Path(tmp))
        for same in formats.values():
            try:
                doc = resolve(same[0].role, same[0].lang, _org_for(org, same[0]))
            except InvalidInput as e:
                problems += e.problems
                continue
            files = render_formats(doc, [job.fmt for job in same], reference_doc)
            for job in same:
                path = out_dir / job.filename()
                if job.fmt in files.to_print:
                    printing.add(job.fmt, files.to_print[job.fmt], str(path))
                else:
                    rendered[path] = files.files[job.fmt]
        if problems:
            raise InvalidInput(problems)
        printed = printing.run()
        failed = [f"{key}: {why}" for key, why in printed.items() if isinstance(why, str)]
        if failed:
            raise JobdocsError("; ".join(failed))
        rendered |= {Path(key): Path(pdf).read_bytes() for key, pdf in printed.items()}
    order = [out_dir / job.filename() for job in jobs]
    ensure_dir(out_dir)
    for i, path in enumerate(order):
        try:
            _write(path, rendered[path], "document")
        except JobdocsError as e:  # say what the folder holds now
            done = ", ".join(p.name for p in order[:i]) or "none"
            left = ", ".join(p.name for p in order[i:])
            raise JobdocsError(f"{e}. Written: {done}; not written: {left}") from e
    if org is not None and given is not None and org.number.issued != given.issued:
        # Numbers issued now are kept, so the next render gives each role the same one.
        _write(Path(org.number.register), org.number.register_text().encode("utf-8"),
               "number register")
    return order


def render_one(job: Job, org: Organization | None = None,
               reference_doc: Path | None = None) -> bytes:
    """Return one job's document, as `build` would write it (for `-o -`)."""
    reference_doc = letterhead(reference_doc, None, org or Organization())
    if org is not None:
        org = replace(org, number=org.number.assign([job.role.id]))
    return produce(resolve(job.role, job.lang, _org_for(org, job)), job.fmt, reference_doc)


def _write(path: Path, data: bytes, what: str) -> None:
    try:
        write_atomic(path, data)
    except OSError as e:
        raise JobdocsError(f"{shown(path)}: cannot write the {what}: {e.strerror or e}; "
                           "check the directory's permissions and free space") from e
