"""Build every document a project names: roles × organizations × languages × formats.

The output layout (docs/build.md): `OUTPUT/<role-id>.<lang>.<format>`, and
with several organizations one folder each, `OUTPUT/<profile name>/...`.
Units whose inputs are unchanged since the last build are skipped before any
work; the rest go to worker processes one role at a time; the PDFs of the
whole build are printed in one LibreOffice run at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config.project import Project
from ..errors import MissingTool, UsageError
from ..files import STAGING_PREFIX, STAGING_SUFFIX, ensure_dir, shown, sweep_staging, sync_folders
from ..formats import file_name
from ..garbage import fewer_collections
from ..roles.library import SUFFIXES
from ..settings import Settings, no_project
from ..workers import cpus, portions, share
from . import inputs
from .copies import Copy, read_copies
from .documents import Printing
from .inputs import Manifest
from .orgs import Target, targets
from .shards import Shard, fold_shards
from .worker import Outcome, Task, build_units


@dataclass
class Summary:
    """What a build did, counted in documents."""

    written: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def __str__(self) -> str:
        return (f"{self.written} written, {self.unchanged} unchanged, {self.failed} failed "
                f"in {self.seconds:.1f} s")


Progress = Callable[[int], None]  # called with the number of units just finished


def default_jobs() -> int:
    """Return the number of worker processes to use: every core."""
    return cpus()


def build_project(settings: Settings, *, jobs: int | None = None, force: bool = False,
                  formats: Sequence[str] = (), start: Callable[[int], Progress] | None = None,
                  shard: Shard | None = None, staff: Path | None = None) -> Summary:
    """Build the documents of the settings' project into its output folder and return
    the summary.

    `start(n)` is called with the number of units to build (roles to render
    for an organization) and returns a callback told of each one finished.
    `shard` builds only that share of the documents (shards.py), and keeps what
    it built in its own manifest. With `staff` (a staff list), each employee's
    copy of the role they hold is built instead of the roles' own documents.
    """
    project = settings.project
    if project is None:
        raise UsageError(no_project(settings))
    began = time.perf_counter()
    out_root = ensure_dir((project.output or project.path.parent / "out").resolve())
    sweep_staging(out_root)  # what builds killed before they could clean up left
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=STAGING_SUFFIX,
                                    dir=out_root))
    jobs = jobs or default_jobs()
    try:
        build = _Build(settings, project, tuple(dict.fromkeys(formats or settings.formats)),
                       out_root, staging, force, shard, staff)
        build.printing.jobs = jobs
        tasks = {task.number: task for task in build.tasks()}
        advance = start(len(tasks)) if start else None
        with fewer_collections():  # a forked worker starts with it too
            for outcome in _run(list(tasks.values()), jobs):
                build.record(tasks[outcome.number], outcome)
                if advance:
                    advance(1)
        build.print_pdfs()
        sync_folders(build.out_root / name for name in build.written)
        build.save()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    build.summary.seconds = time.perf_counter() - began
    return build.summary


def merge_manifests(settings: Settings) -> list[str]:
    """Fold the shards' manifests in the project's output folder into its manifest (a
    build does it too); return the names of those folded."""
    project = settings.project
    if project is None:
        raise UsageError(no_project(settings))
    out_root = (project.output or project.path.parent / "out").resolve()
    manifest = Manifest.load(out_root, inputs.shared(project),
                             project.path.parent.resolve())
    folded = fold_shards(manifest, out_root)
    if folded:
        manifest.save()
        for name in folded:
            (out_root / name).unlink(missing_ok=True)
    return folded


#: The copies a task of `--per-employee` builds at most: a role held by thousands
#: spreads over the workers.
COPIES_PER_TASK = 8


class _Build:
    """One build's state: what is current, what was written, what failed."""

    def __init__(self, settings: Settings, project: Project, formats: tuple[str, ...],
                 out_root: Path, staging: Path, force: bool, shard: Shard | None,
                 staff: Path | None) -> None:
        self.project, self.formats, self.force = project, formats, force
        self.out_root, self.staging, self.shard = out_root, staging, shard
        self.roles = _role_files(project)
        self.targets = targets(settings, [role.stem for role in self.roles])
        self.manifest = Manifest.load(out_root, inputs.shared(project),
                                      project.path.parent.resolve())
        self.summary = Summary()
        self.written: list[str] = []  # names of the documents written, to sync their folders
        self.copies: dict[str, list[Copy]] | None = None
        if staff is not None:
            found = read_copies(staff, {role.stem for role in self.roles}, project.roles)
            self.copies = found.copies
            self.summary.failed += len(found.problems)
            self.summary.errors += found.problems
        if shard is None:
            self.folded = fold_shards(self.manifest, out_root)
        else:  # what this share built last time, over what the folder's manifest knows
            self.folded = []
            self.manifest.fold(Manifest.load(out_root, self.manifest.inputs,
                                             self.manifest.folder, shard.manifest))
        self.printing = Printing(staging)
        self.pending: dict[str, Task] = {}  # the task of every document to print, by name
        self.keys_of_printed: dict[str, str] = {}  # and its input key
        self.units: set[str] = set()  # every unit of the project: the others are forgotten
        self.mine: dict[str, set[str]] = {}  # each unit's documents this build answers for
        self.count = 0

    def holds(self, key: str) -> bool:
        """Whether the documents `key` names are this build's (every one, unsharded)."""
        return self.shard is None or self.shard.holds(key)

    def keys(self, target: Target, chain: str, unit: str, prefix: str,
             copy: Copy | None) -> dict[str, str]:
        """Return {name: input key} of every document a unit built before should have
        now (an employee's copy's, with `copy`)."""
        entry = self.manifest.units[unit]
        role_id = entry["id"]
        langs = [lang for lang in entry["languages"]
                 if not self.project.languages or lang in self.project.languages]
        return {prefix + file_name(role_id, lang, fmt, copy.name if copy else ""):
                inputs.doc_key(self.manifest.inputs, target.digest, chain, lang, fmt,
                               target.number(role_id, lang), copy.digest() if copy else "")
                for lang in langs for fmt in self.formats}

    def tasks(self) -> Iterator[Task]:
        """Yield a task for every unit with a document to build; count the current ones."""
        hashes: dict[Path, str] = {}
        for target in self.targets:
            prefix = f"{target.folder}/" if target.folder else ""
            for role in self.roles:
                unit = f"{prefix}{role.name}"
                self.units.add(unit)
                if self.copies is None:
                    groups: list[Copy | None] = [None] if self.holds(prefix + role.stem) else []
                else:
                    groups = [c for c in self.copies.get(role.stem, ())
                              if self.holds(f"{prefix}{role.stem}.{c.name}")]
                if not groups:
                    continue
                chain = None if self.force else self.manifest.chain_hash(unit, hashes)
                todo, skip = [], set()
                for group in groups:
                    if chain is not None:
                        keys = self.keys(target, chain, unit, prefix, group)
                        current = {name for name in keys if self.manifest.current(
                            unit, self.out_root, {name: keys[name]})}
                        if len(current) == len(keys):
                            self.summary.unchanged += len(keys)
                            self.mine.setdefault(unit, set()).update(keys)
                            continue
                        skip |= current
                    todo.append(group)
                step = 1 if self.copies is None else COPIES_PER_TASK
                for at in range(0, len(todo), step):
                    chunk = todo[at:at + step]
                    self.count += 1
                    yield Task(unit, self.count, str(role), target,
                               str(self.out_root / target.folder), str(self.out_root),
                               tuple(self.project.languages), self.formats,
                               str(self.staging), frozenset(skip), self.force,
                               str(self.project.path.parent.resolve()), self.manifest.inputs,
                               None if self.copies is None else tuple(
                                   c for c in chunk if c is not None))

    def record(self, task: Task, outcome: Outcome) -> None:
        """Count an outcome and remember what its documents were built from."""
        summary = self.summary
        summary.written += len(outcome.written)
        self.written += outcome.written
        summary.unchanged += len(outcome.unchanged)
        summary.failed += outcome.failed
        summary.errors += outcome.errors
        if outcome.errors:
            self.manifest.units.pop(task.unit, None)
            return
        chain = inputs.chain_digest(outcome.files)
        entry = self.manifest.units.get(task.unit, {})
        # Documents of other formats or languages keep their entries: a stale one fails
        # its key next time, a current one (built by `-f md` before `-f docx`) is kept.
        docs = dict(entry.get("docs", {})) if entry.get("chain") == chain else {}
        for name, (key, digest) in outcome.docs.items():
            stamp = inputs.stamp(self.out_root / name)
            if stamp:
                docs[name] = [key, *stamp, digest]
        self.manifest.units[task.unit] = {"id": outcome.role_id, "files": outcome.files,
                                          "languages": list(outcome.languages), "docs": docs,
                                          "chain": chain}
        self.mine.setdefault(task.unit, set()).update(outcome.unchanged, outcome.docs)
        for fmt, source, name, key in outcome.printed:
            self.printing.add_file(fmt, Path(source), name)
            self.pending[name] = task
            self.keys_of_printed[name] = key

    def print_pdfs(self) -> None:
        """Print every PDF of the build in one LibreOffice run, and move each into place."""
        if not self.pending:
            return
        try:
            results = self.printing.run()
        except MissingTool as e:
            results = dict.fromkeys(self.pending, str(e))
        for name, task in self.pending.items():
            target, printed = self.out_root / name, results[name]
            if isinstance(printed, str):
                self.summary.failed += 1
                self.summary.errors.append(f"{shown(target)}: {printed}")
                continue
            os.replace(printed, target)
            self.summary.written += 1
            self.written.append(name)
            entry = self.manifest.units.get(task.unit)
            stamp = inputs.stamp(target)
            if entry is not None and stamp:
                entry["docs"][name] = [self.keys_of_printed[name], *stamp,
                                       inputs.file_hash(target)]
                self.mine[task.unit].add(name)

    def save(self) -> None:
        """Write the manifest: the whole folder's, or this share's own."""
        if self.shard is None:
            self.manifest.forget(self.units)
            self.manifest.save()
            for name in self.folded:
                (self.out_root / name).unlink(missing_ok=True)
            return
        units = self.manifest.units
        mine = Manifest(self.out_root / self.shard.manifest, self.manifest.inputs, {
            unit: {**units[unit], "docs": {name: doc for name, doc in units[unit]["docs"].items()
                                           if name in names}}
            for unit, names in self.mine.items() if unit in units})
        mine.save()


def _role_files(project: Project) -> list[Path]:
    """Return the role files of the project: every *.yaml and *.yml of its roles folder
    that is not a folder, as named there (a link is not followed here; the worker reads
    it only inside the project, and a FIFO is an error of its own, not left out)."""
    if not project.roles.is_dir():
        raise UsageError(f"{project.path}: no role folder {project.roles}; create it or "
                         "name another with `roles:`")
    folder = project.roles.resolve()
    return sorted(folder / p.name for p in folder.iterdir()
                  if p.suffix in SUFFIXES and not p.name.startswith(".") and not p.is_dir())


def _run(tasks: list[Task], jobs: int) -> Iterator[Outcome]:
    """Yield the outcome of every task as it is done, from `jobs` processes: a portion
    of tasks at a time (workers.py), built in turn with their documents written behind
    (behind.py)."""
    for outcomes in share(build_units, portions(tasks, jobs), jobs, ordered=False, chunk=1):
        yield from outcomes
