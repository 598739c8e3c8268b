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

from .. import __version__
from ..config.project import Project
from ..errors import MissingTool, UsageError
from ..files import STAGING_PREFIX, STAGING_SUFFIX, ensure_dir, shown, sweep_staging
from ..formats import file_name, parse_name
from ..intake import PROJECT
from ..resources import data_dir
from ..roles import loader
from ..roles.library import SUFFIXES
from ..settings import Settings, no_project
from ..workers import cpus, share
from . import inputs
from .documents import Printing
from .inputs import Manifest
from .orgs import Target, targets
from .worker import Outcome, Task, build_unit


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
                  formats: Sequence[str] = (), start: Callable[[int], Progress] | None = None
                  ) -> Summary:
    """Build the documents of the settings' project into its output folder and return
    the summary.

    `start(n)` is called with the number of units to build (roles to render
    for an organization) and returns a callback told of each one finished.
    """
    project = settings.project
    if project is None:
        raise UsageError(no_project(settings))
    began = time.perf_counter()
    out_root = ensure_dir((project.output or project.path.parent / "out").resolve())
    sweep_staging(out_root)  # what builds killed before they could clean up left
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=STAGING_SUFFIX,
                                    dir=out_root))
    try:
        build = _Build(settings, project, tuple(dict.fromkeys(formats or settings.formats)),
                       out_root, staging, force)
        tasks = {task.unit: task for task in build.tasks()}
        advance = start(len(tasks)) if start else None
        for outcome in _run(list(tasks.values()), jobs or default_jobs()):
            build.record(tasks[outcome.unit], outcome)
            if advance:
                advance(1)
        build.print_pdfs()
        build.manifest.forget(set(tasks) | build.current)
        build.manifest.save()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    build.summary.seconds = time.perf_counter() - began
    return build.summary


class _Build:
    """One build's state: what is current, what was written, what failed."""

    def __init__(self, settings: Settings, project: Project, formats: tuple[str, ...],
                 out_root: Path, staging: Path, force: bool) -> None:
        self.project, self.formats, self.force = project, formats, force
        self.out_root, self.staging = out_root, staging
        self.roles = _role_files(project)
        self.targets = targets(settings, [role.stem for role in self.roles])
        self.manifest = Manifest.load(out_root, _shared_inputs(project),
                                      project.path.parent.resolve())
        self.summary = Summary()
        self.printing = Printing(staging)
        self.pending: dict[str, Task] = {}  # the task of every document to print, by name
        self.current: set[str] = set()  # units found current, not built
        self.count = 0

    def key(self, target: Target, chain: str, name: str) -> str:
        """Return the input key of the document `name` (…/<role id>.<lang>.<format>)."""
        role_id, lang, fmt = parse_name(name)
        return inputs.doc_key(self.manifest.inputs, target.digest, chain, lang, fmt,
                              target.number(role_id, lang))

    def expected(self, unit: str, prefix: str) -> list[str]:
        """Return the names of every document a unit built before should have now."""
        entry = self.manifest.units[unit]
        langs = [lang for lang in entry["languages"]
                 if not self.project.languages or lang in self.project.languages]
        return [prefix + file_name(entry["id"], lang, fmt) for lang in langs
                for fmt in self.formats]

    def tasks(self) -> Iterator[Task]:
        """Yield a task for every unit with a document to build; count the current ones."""
        hashes: dict[Path, str] = {}
        for target in self.targets:
            prefix = f"{target.folder}/" if target.folder else ""
            for role in self.roles:
                unit = f"{prefix}{role.name}"
                chain = None if self.force else self.manifest.chain_hash(unit, hashes)
                skip: set[str] = set()
                if chain is not None:
                    names = self.expected(unit, prefix)
                    skip = {name for name in names
                            if self.manifest.current(unit, self.out_root,
                                                     {name: self.key(target, chain, name)})}
                    if len(skip) == len(names):
                        self.summary.unchanged += len(names)
                        self.current.add(unit)
                        continue
                self.count += 1
                yield Task(unit, self.count, str(role), target,
                           str(self.out_root / target.folder), str(self.out_root),
                           tuple(self.project.languages), self.formats, str(self.staging),
                           frozenset(skip), self.force, str(self.project.path.parent.resolve()))

    def record(self, task: Task, outcome: Outcome) -> None:
        """Count an outcome and remember what its documents were built from."""
        summary = self.summary
        summary.written += len(outcome.written)
        summary.unchanged += len(outcome.unchanged)
        summary.failed += outcome.failed
        summary.errors += outcome.errors
        if outcome.errors:
            self.manifest.units.pop(task.unit, None)
            return
        chain = inputs.chain_digest(outcome.files)
        # Documents of other formats or languages keep their entries: a stale one fails
        # its key next time, a current one (built by `-f md` before `-f docx`) is kept.
        docs = dict(self.manifest.units.get(task.unit, {}).get("docs", {}))
        for name in outcome.written + outcome.unchanged:
            stamp = inputs.stamp(self.out_root / name)
            if stamp:
                docs[name] = [self.key(task.target, chain, name), *stamp]
        self.manifest.units[task.unit] = {"id": outcome.role_id, "files": outcome.files,
                                          "languages": list(outcome.languages), "docs": docs,
                                          "chain": chain}
        for fmt, source, name in outcome.printed:
            self.printing.add_file(fmt, Path(source), name)
            self.pending[name] = task

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
            entry = self.manifest.units[task.unit]
            entry["docs"][name] = [self.key(task.target, entry["chain"], name),
                                   *(inputs.stamp(target) or ())]


def _shared_inputs(project: Project) -> str:
    """Return the hash of what every document depends on: jobdocs, its templates and
    catalogs, and the project's content settings (each organization's letterhead is
    in its own digest)."""
    data = loader.load(project.path, PROJECT).data
    return inputs.combine(__version__, inputs.tree_hash([data_dir("templates"),
                                                         data_dir("locales")]),
                          inputs.settings_hash(data if isinstance(data, dict) else {}))


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
    """Yield the outcome of every task as it is done, from `jobs` processes."""
    return share(build_unit, tasks, jobs, ordered=False)
