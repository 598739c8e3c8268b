"""Check one file as CI does: every problem in it, in one run.

Each file goes through the library's own road (load, inheritance, build,
resolve in every declared language), so validation never disagrees with
rendering; what the road reports is collected instead of stopping the run.
Warnings come on top. What a run found is a Report (paths.py runs many files).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..config.organization import Organization
from ..errors import InvalidInput, Problem, RoleNotFound
from ..frame import frame_spec
from ..model import Mark
from ..resolve import i18n, resolve
from ..resolve.law import documents, frame_law, law_of
from ..resolve.sections import missing_sections
from ..roles import library, loader
from ..roles.memo import MEMO
from ..roles.schema import schema_kind
from .lint import framed, lint
from .warnings import role_warnings

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class Report:
    """What one run of the checks found: the files checked and every finding."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    strict: bool = False

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def ok(self) -> bool:
        """True when nothing is an error (warnings alone pass, unless strict)."""
        return self.errors == 0

    def by_file(self) -> dict[str, list[Problem]]:
        """Return the findings per file: every file checked (clean ones with an
        empty list), then the other files findings point at (a parent role, a catalog)."""
        out: dict[str, list[Problem]] = {f: [] for f in self.files}
        for p in self.problems:
            out.setdefault(p.path, []).append(p)
        return out


@dataclass
class Record:
    """What checking a role file read: the files of its chain and where each parent
    was found ((id, near, path)). `role` stays False for other kinds of file."""

    role: bool = False
    files: list[Path] = field(default_factory=list)
    finds: list[tuple[str, Path, Path | None]] = field(default_factory=list)  # None: not found


def check_file(path: Path, org: Organization | None = None,
               loaded: loader.Loaded | None = None, roles: library.Library | None = None,
               read: library.Reader | None = None, record: Record | None = None
               ) -> tuple[list[Problem], tuple[str, ...]]:
    """Return every finding about one file, and the languages it declares.

    `loaded` is the file's content when it is not yet on disk (an edit to check
    before it is saved); the file and the roles it extends are read from disk by
    `read` (default: each parsed once per content, roles/memo.py; a server's
    reader confines them to its project), and found beside it, then in `roles`.
    `record` is told what was read. A file that needs more memory than the process's
    budget (jobdocs.budget) is one finding."""
    try:
        return _check_file(path, org, loaded, roles, read, record or Record())
    except MemoryError:
        from ..budget import exceeded

        return [Problem(str(path), None, None, exceeded("checking this file"), "memory")], ()


def _check_file(path: Path, org: Organization | None, loaded: loader.Loaded | None,
                roles: library.Library | None, read: library.Reader | None, record: Record
                ) -> tuple[list[Problem], tuple[str, ...]]:
    read_file = read or MEMO.read
    try:
        loaded = loaded or read_file(path)
    except InvalidInput as e:
        return e.problems, ()
    problems = []
    if loaded.schema_ref is not None:
        kind = schema_kind(loaded.schema_ref)
    else:
        kind = "project" if path.name == "jobdocs.yaml" else "role"
    if kind is None:
        problems.append(_unknown_schema(loaded))
    if kind in ("organization", "project"):
        from ..config.profile import load_organization
        from ..config.project import load_project

        try:
            (load_organization if kind == "organization" else load_project)(path)
        except InvalidInput as e:
            problems += e.problems
        return problems, ()
    lib = roles or library.Library()
    record.role = True

    def reading(p: Path) -> loader.Loaded:
        record.files.append(p)
        return loaded if p == path else read_file(p)

    def find(ref: str, near: Path) -> Path:
        try:
            found = lib.find(ref, near=near)
        except RoleNotFound:
            record.finds.append((ref, near, None))
            raise
        record.finds.append((ref, near, found))
        return found

    try:
        # keep_going: a missing translation must not hide a misspelt name elsewhere.
        role = library.load_role_with(path, reading, find, keep_going=problems)
    except InvalidInput as e:
        return problems + e.problems, ()
    have = _catalog_languages(org.wording if org else ())
    for i, lang in enumerate(role.languages):
        if lang not in have:
            problems.append(loaded.problem(
                ("languages", i), f"there is no catalog for language '{lang}' (there are: "
                f"{', '.join(sorted(have))}); add one (see docs/translating.md)",
                "no-catalog"))
    pairs = [(code, lang) for code, lang in documents(role, org) if lang in have]
    if org is not None:  # a law the profile names that the role is not written for
        pairs += [(law_of(org, lang), lang) for lang in role.languages
                  if lang in have and (org.law.get(lang) or org.law.get("*"))
                  and role.law and law_of(org, lang) not in role.law]
    resolved = {}  # linted below: each document is resolved once
    for code, lang in pairs:
        if lang not in role.title:
            continue  # a missing title is reported where the role gives its titles
        try:
            resolved[code, lang] = resolve(role, lang, org, trace=False, law=code,
                                           notes=problems, framed=framed(lang, code))
        except InvalidInput as e:
            problems += e.problems
    whose = org or Organization()
    problems += [p for code, lang in pairs for p in missing_sections(
        role, whose, frame_spec(whose.frame, lang, frame_law(whose, lang, code)).required)
    ] if pairs else missing_sections(role, whose)
    if not any(p.severity == "error" for p in problems):  # warnings are for sound files
        problems += role_warnings(loaded, role)
        problems += lint(loaded.path, role, org, resolved)
    return list(dict.fromkeys(problems)), role.languages


def _unknown_schema(loaded: loader.Loaded) -> Problem:
    m = loaded.schema_mark or Mark(loaded.path, 1, 1)
    return Problem(m.path, m.line, m.column, f"the modeline names schema "
                   f"'{loaded.schema_ref}', which jobdocs does not know, and checks the file as "
                   "a role; point it at `jobdocs schema role` saved as role-1.json",
                   "unknown-schema", "warning")


@lru_cache(maxsize=16)  # keyed by input: bounded
def _catalog_languages(folders: tuple[str, ...]) -> frozenset[str]:
    return frozenset(i18n.available_languages(folders))
