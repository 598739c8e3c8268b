"""Run the checks on files and folders as `jobdocs validate` does: every problem in every
file, in one run, with the settings of the files (their jobdocs.yaml); the catalogs
of every declared language are checked once.

    >>> report = check_paths(["roles"], strict=True)
    >>> report.ok, report.errors, report.warnings
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, UsageError
from ..roles import library
from ..roles.memo import confined
from .catalogs import catalog_problems
from .lint import lint_severities
from .many import check_many
from .runner import Report

if TYPE_CHECKING:
    from ..settings import Settings


def check_paths(paths: Sequence[str | Path], *, strict: bool = False,
                org: str | Path | None = None, jobs: int | None = None,
                settings: Settings | None = None) -> Report:
    """Check role files and directories of them, as `jobdocs validate` does.

    The checks run with `settings` (jobdocs.settings); by default, those of
    `paths`: the jobdocs.yaml of their folder or above, and `org` (default: the
    project's profile), which is checked too. The project's wording folders
    are searched after the profile's, before the packaged ones; their catalogs
    are checked. With `strict`, warnings count as errors. `jobs` processes
    share the files (default: one per CPU for large libraries). Parent roles
    are found beside their children, then in the project's library, then in
    the shipped one. Raise UsageError only when there is nothing to check.
    """
    if settings is None:
        from ..settings import load_settings

        settings = load_settings(paths, org=org, keep_going=True)
    files = role_files(paths)
    problems: list[Problem] = list(settings.problems)
    profile = settings.org
    languages: set[str] = set()
    read = confined(settings.library.confine, files)  # a link out of the project: a finding
    for found, declared in check_many(files, profile, jobs, settings.library, read):
        problems += found
        languages.update(declared)
    problems += catalog_problems(languages, folders=profile.wording)
    if settings.project is not None and settings.lint:
        problems = lint_severities(problems, settings.lint, str(settings.project.path))
    return _report([str(f) for f in files], problems, strict)


def role_files(paths: Iterable[str | Path]) -> list[Path]:
    """Return the files to check: files as given, directories searched for
    *.yaml and *.yml (hidden directories skipped); raise UsageError when none."""
    given = [Path(p) for p in paths]
    if not given:
        raise UsageError("give the role files or directories to check")
    files: list[Path] = []
    for path in given:
        if not path.is_dir():
            files.append(path)  # the loader reports a missing or unreadable file
            continue
        for top, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files += (Path(top, n) for n in sorted(names) if n.endswith(library.SUFFIXES))
    if not files:
        raise UsageError(f"no .yaml or .yml files in {', '.join(map(str, given))}")
    return list(dict.fromkeys(files))


def _report(files: list[str], problems: list[Problem], strict: bool) -> Report:
    if strict:
        problems = [replace(p, severity="error") for p in problems]
    order = {f: i for i, f in enumerate(files)}
    unique = sorted(dict.fromkeys(problems), key=lambda p: (
        order.get(p.path, len(order)), p.path, p.line or 0, p.column or 0))
    return Report(tuple(files), tuple(unique), strict)
