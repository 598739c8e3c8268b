"""Settings, once: what a command, a build or the server knows before it reads a role.

One recipe for every front end (each command, `jobdocs build` and its workers,
`jobdocs serve`, the library's `check_paths`):

1. the project: the jobdocs.yaml of the files or folders given (their common
   folder, then its parents, as black and ruff find their configuration),
   else of the folder the command runs in;
2. the profile: `--org`, else the project's `organization`, with `--set` values;
3. the finished profile: the project's declared sections before the profile's,
   the profile's house style over the project's key by key, the project's
   section rules and numbers where the profile gives none, the project's
   wording folder searched after the profile's (`finish`);
4. the letterhead: `--reference-doc`, else jobdocs.yaml's `reference_doc`, else
   the profile's, else the one jobdocs ships (`letterhead`);
5. the defaults: the project's languages, formats and output folder.

Where files lie (`project`, `library`, `letterhead`, `output`) stays apart from
what a document says (`org`): the content hash reads the role and `org` only,
and `org` holds no path that enters it.

    >>> settings = load_settings(["roles"])          # the project of ./roles
    >>> role = settings.library.load("key-account-manager")
    >>> doc = resolve(role, "ru", settings.org)

A new setting: a key in the schema (roles/profile_schema.py) and a field on Project or
Organization, read where it is loaded (config/project.py, config/organization.py);
if it joins the project's value to the profile's, do it in `finish` and nowhere
else (CONTRACTS.md, C1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .config.organization import Organization, with_project
from .config.project import FILENAME, Project, find_file, load_project
from .errors import InvalidInput, Problem
from .roles.library import Library


@dataclass(frozen=True)
class Settings:
    """Everything resolved before a role is read; built once, passed down, never changed."""

    project: Project | None  # the jobdocs.yaml found (None: none, or none trusted)
    library: Library  # where a role id is looked up: the project's roles, then jobdocs'
    org: Organization  # the finished profile: what documents say of the organization
    profile: Path | None = None  # the profile file `org` was read from
    letterhead: Path | None = None  # the .docx DOCX and PDF take styles from (None: ours)
    notes: tuple[str, ...] = ()  # what the search for the project ignored, and why
    problems: tuple[Problem, ...] = ()  # a broken profile's, when loaded with keep_going

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages to write by default (none: every language a role declares)."""
        return self.project.languages if self.project else ()

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats to write by default."""
        return (self.project.formats if self.project else ()) or ("md",)

    @property
    def output(self) -> Path:
        """The folder documents go to by default."""
        return (self.project.output if self.project else None) or Path("out")

    @property
    def lint(self) -> Mapping[str, str]:
        """The severity the project gives lint rules (error, warning, off)."""
        return self.project.lint if self.project else {}

    @property
    def roles(self) -> Path | None:
        """The project's own role folder (None outside a project)."""
        return self.project.roles if self.project else None

    def finish(self, org: Organization) -> Organization:
        """Return another profile (a build's second organization, say) finished as `org`."""
        return finish(org, self.project)

    def organization(self, path: Path | str | None, sets: Sequence[str] = ()) -> Organization:
        """Return the profile at `path` (None: none) with `sets`, finished; a profile the
        project names is read only inside the project (links resolved), as its files."""
        from .config.profile import load_organization

        return self.finish(load_organization(path, sets, within=self.folder))

    @property
    def folder(self) -> Path | None:
        """The project's folder: its own files are read only inside it (None: no project)."""
        return self.project.path.parent.resolve() if self.project else None

    def letterhead_of(self, org: Organization) -> Path | None:
        """Return the letterhead of documents for another profile of this project."""
        return letterhead(None, self.project, org)


def finish(org: Organization, project: Project | None) -> Organization:
    """Return a profile as every front end uses it with `project`: the project's
    sections, house style and numbers joined to it, its wording folder after the
    profile's own."""
    if project is None:
        return org
    org = with_project(org, project)
    if project.wording is not None:
        org = replace(org, wording=(*org.wording, str(project.wording)))
    return org


def letterhead(given: Path | None, project: Project | None,
               org: Organization) -> Path | None:
    """Return the reference document: the one given, else jobdocs.yaml's, else the
    profile's; None for the one jobdocs ships."""
    if given is not None:
        return given
    if project is not None and project.reference_doc is not None:
        return project.reference_doc
    return Path(org.reference_doc) if org.reference_doc else None


def load_settings(paths: Sequence[str | Path] = (), *, start: Path | None = None,
                  org: Path | str | None = None, sets: Sequence[str] = (),
                  reference_doc: Path | None = None, lenient: bool = False,
                  keep_going: bool = False) -> Settings:
    """Resolve the settings of a command.

    The project is the one of `paths` (files or folders the command was given),
    else of `start` (the command line passes the current folder; None: no
    project). `org` is the profile (default: the project's), `sets` one-off
    `KEY=VALUE` values, `reference_doc` the letterhead given on the command line.
    With `lenient` (the command was given every file it reads and writes), a
    broken jobdocs.yaml is ignored with a note instead of stopping the command.
    With `keep_going` (`jobdocs validate`), a broken profile's problems are kept
    in `problems`, to be reported with the rest, and the profile left blank.
    """
    from .config.profile import load_organization

    project, notes = find_project(paths, start, lenient)
    profile = Path(org) if org is not None else (project.organization if project else None)
    # The project's own profile stays inside it; only the command line points elsewhere.
    within = project.path.parent.resolve() if project and org is None else None
    problems: list[Problem] = []
    try:
        loaded = load_organization(profile, sets, within=within)
    except InvalidInput as e:
        if not keep_going:
            raise
        problems += e.problems
        loaded = load_organization(None, ())
    finished = finish(loaded, project)
    roles = [project.roles] if project else ([start / "roles"] if start is not None else [])
    library = Library(roles, confine=project.path.parent if project else None)
    return Settings(project=project, library=library, org=finished, profile=profile,
                    letterhead=letterhead(reference_doc, project, finished),
                    notes=tuple(notes), problems=tuple(problems))


def find_project(paths: Sequence[str | Path], start: Path | None,
                 lenient: bool = False) -> tuple[Project | None, list[str]]:
    """Return the project of `paths` (else of `start`) and notes on what was ignored."""
    base = common_folder(paths) or start
    if base is None:
        return None, []
    found = find_file(base)
    notes = list(found.notes)
    if found.path is None:
        return None, notes
    try:
        return load_project(found.path), notes
    except InvalidInput as e:
        if not lenient:
            raise
        notes += [f"ignoring the project file: {problem}" for problem in e.problems]
        return None, notes


def common_folder(paths: Sequence[str | Path]) -> Path | None:
    """Return the deepest folder holding every path given (a folder holds itself)."""
    folders = []
    for p in paths:
        path = Path(p).absolute()
        folders.append(path if path.is_dir() else path.parent)
    if not folders:
        return None
    common = folders[0]
    for folder in folders[1:]:
        while not folder.is_relative_to(common):
            common = common.parent
    return common


def no_project(settings: Settings) -> str:
    """Return why a command that needs a project has none: one line, with the fix."""
    if settings.notes:
        return f"no {FILENAME} to use: {settings.notes[0]}"
    return f"no {FILENAME} in this directory or above; `jobdocs init` writes one"
