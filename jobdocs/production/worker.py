"""Build one unit of a project: one role file for one organization, every
language and format (or, for `--per-employee`, some of its employees' copies),
one document at a time (memory stays flat).

A Task goes to a worker process and an Outcome comes back; both are small
and picklable, so the work spreads over processes started with `spawn`
(the only way on Windows) as well as in this process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from ..errors import InvalidInput, JobdocsError
from ..files import holds, shown, write_atomic
from ..formats import FORMATS, file_name
from ..intake import ROLE
from ..roles import loader
from ..roles.memo import MEMO, Within
from .behind import Behind, Written
from .copies import Copy, copy_org
from .inputs import chain_digest, chain_files, data_hash, doc_key
from .orgs import Target


@dataclass(frozen=True)
class Task:
    """One role file to build for one organization."""

    unit: str  # the manifest's name for it
    number: int  # unique in the build: names the PDF sources
    role: str  # role file
    target: Target  # the organization, its folder and finished profile
    out_dir: str  # the folder this unit's documents go to
    out_root: str  # the build's output folder, which document names are relative to
    langs: tuple[str, ...]  # () = every language the role declares
    formats: tuple[str, ...]
    staging: str  # where DOCX files to print as PDF go
    skip: frozenset[str] = frozenset()  # documents that are current: neither render nor write
    force: bool = False  # write even the documents whose bytes are the same
    folder: str = ""  # the project's: role files are read only inside it (or shipped)
    shared: str = ""  # the hash of the inputs every document shares (keys, inputs.py)
    copies: tuple[Copy, ...] | None = None  # the employees' copies to build, not the role's


@dataclass
class Outcome:
    """What building a unit did; names are relative to the build's output folder."""

    unit: str
    number: int = 0  # the task's
    role_id: str = ""
    files: dict[str, str] = field(default_factory=dict)  # role chain {path: hash}
    languages: tuple[str, ...] = ()
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # The input key and the hash of the bytes of each document written or found the same.
    docs: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Documents to print: (format, the source written in the staging folder, name, key).
    printed: list[tuple[str, str, str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: int = 0


def build_unit(task: Task) -> Outcome:
    """Load, resolve, render and write the documents of one unit; never raise for
    a problem in the role: report it in the Outcome."""
    return build_units([task])[0]


def build_units(tasks: Sequence[Task]) -> list[Outcome]:
    """Build units in turn, as `build_unit` does, each document written while the next
    ones are built (behind.py)."""
    with Behind() as writes:
        outcomes = [_unit(task, writes) for task in tasks]
    for task, outcome in zip(tasks, outcomes, strict=True):
        if outcome.errors:  # (counted now that every write is settled)
            _tally(task, outcome)
    return outcomes


def _unit(task: Task, writes: Behind) -> Outcome:
    outcome = Outcome(task.unit, task.number)
    try:
        try:
            _build(task, outcome, writes)
        except BaseException:
            writes.settle()  # what was written before goes first, as written in turn
            raise
    except Exception as e:  # (MemoryError too)
        _fail(task, outcome, e)
    return outcome


def _fail(task: Task, outcome: Outcome, error: BaseException) -> None:
    """Report what failed a unit in its outcome (`_tally` counts what it did not write,
    once the unit's writes in flight are settled)."""
    if isinstance(error, InvalidInput):  # at their paths from the current folder, as render says
        outcome.errors += [str(replace(p, path=shown(p.path))) for p in error.problems]
    elif isinstance(error, JobdocsError):
        outcome.errors.append(f"{shown(task.role)}: {error}")
    elif isinstance(error, MemoryError):  # past the process's budget: this role only
        from ..budget import exceeded

        outcome.errors.append(f"{task.role}: {exceeded('building this role')}")
    elif isinstance(error, Exception):  # a bug in jobdocs: fail this role, build the others
        outcome.errors.append(f"{shown(task.role)}: internal error: {type(error).__name__}: "
                              f"{error} (please report it)")
    else:
        raise error


def _tally(task: Task, outcome: Outcome) -> None:
    """Count the documents a failed unit did not write; it prints none."""
    copies = 1 if task.copies is None else len(task.copies)
    langs = [lang for lang in outcome.languages if not task.langs or lang in task.langs]
    expected = len(langs or task.langs or ("",)) * len(task.formats) * copies
    outcome.failed = max(1, expected - len(outcome.written) - len(outcome.unchanged))
    outcome.printed = []


def _build(task: Task, outcome: Outcome, writes: Behind) -> None:
    from ..resolve import resolve
    from ..roles.library import find_role, load_role_with
    from .documents import render_formats

    read: list[Path] = []

    confined = Within(Path(task.folder)) if task.folder else None

    def recording(path: Path) -> loader.Loaded:
        read.append(Path(path))
        return confined(path) if confined else loader.load(path, ROLE)

    try:
        role = load_role_with(Path(task.role), recording,
                              lambda ref, near: find_role(ref, near=near))
    finally:
        MEMO.forget(task.role)  # read once per build; only the parents are read again
        outcome.files = chain_files(read, Path(task.folder) if task.folder else None)
    outcome.role_id, outcome.languages = role.id, role.languages
    target, chain = task.target, chain_digest(outcome.files)
    reference = Path(target.letterhead) if target.letterhead else None
    out_dir, root = Path(task.out_dir), Path(task.out_root)
    for lang in [lang for lang in role.languages if not task.langs or lang in task.langs]:
        number = target.number(role.id, lang)
        for n, copy in enumerate((None,) if task.copies is None else task.copies):
            names = {fmt: (out_dir / file_name(role.id, lang, fmt, copy.name if copy else ""))
                     .relative_to(root).as_posix() for fmt in task.formats}
            todo = [fmt for fmt in task.formats if names[fmt] not in task.skip]
            outcome.unchanged += [names[fmt] for fmt in task.formats if fmt not in todo]
            if not todo:
                continue
            org = target.org if copy is None else copy_org(target.org, copy.employee)
            # (built while the documents before are written)
            rendered = render_formats(resolve(role, lang, org), todo, reference)
            keys = {fmt: doc_key(task.shared, target.digest, chain, lang, fmt, number,
                                 copy.digest() if copy else "") for fmt in todo}
            for fmt, data in rendered.files.items():
                writes.start(outcome, partial(_write, root / names[fmt], data, task.force),
                             partial(_wrote, names[fmt], keys[fmt]),
                             partial(_fail, task))
            if rendered.to_print:
                writes.settle()
            for fmt, data in rendered.to_print.items():  # printed at the end, all in one run
                source = Path(task.staging) / \
                    f"{task.number}-{lang}-{n}.{FORMATS[fmt].printed_from}"
                source.write_bytes(data)
                outcome.printed.append((fmt, str(source), names[fmt], keys[fmt]))


def _write(path: Path, data: bytes, force: bool) -> Written:
    """Write a document unless the file already holds exactly these bytes; return whether
    it was written, and the hash of the bytes."""
    try:
        if not force and holds(path, data):
            return False, data_hash(data)
        write_atomic(path, data, sync_folder=False)  # the build syncs each folder once
    except OSError as e:
        raise JobdocsError(f"{path}: cannot write the document: {e.strerror or e}") from e
    return True, data_hash(data)


def _wrote(name: str, key: str, outcome: Outcome, written: Written) -> None:
    (outcome.written if written[0] else outcome.unchanged).append(name)
    outcome.docs[name] = (key, written[1])

