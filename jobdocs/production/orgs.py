"""The organizations a build writes for: each profile loaded once, checked before
any work, given the project's house style and a number for every role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..config.organization import Organization, with_project
from ..config.project import Project
from ..errors import InvalidInput, JobdocsError, UsageError
from ..files import write_atomic
from . import inputs


@dataclass(frozen=True)
class Target:
    """One organization of a build: its profile, output folder and finished profile."""

    path: str | None  # the profile file; None: no profile, blank requisites
    folder: str  # output subfolder ("" when the build has one organization)
    org: Organization
    digest: str  # hash of the profile, and of the reference document and wording it names

    def number(self, role_id: str, lang: str) -> str:
        return self.org.number.for_document(role_id, lang)


def targets(project: Project, role_ids: Sequence[str]) -> list[Target]:
    """Return the build's organizations; raise with every problem of every profile.

    Each gets the project's house style (the profile's wins key by key) and
    the project's wording folder (searched after the profile's own).

    Numbers issued from a profile's pattern are kept in its register now, so
    that every worker prints the same number a role was given before.
    """
    from ..config.profile import load_organization

    paths = project.organizations or ((project.organization,) if project.organization else ())
    folders = {str(p.resolve()): p.stem for p in paths}
    if len(set(folders.values())) < len(folders):
        raise UsageError(f"{project.path}: two organization profiles have the same file "
                         "name; their documents would go to the same folder")
    found: list[Target] = []
    problems = []
    for path, folder in (folders.items() if folders else [(None, "")]):
        try:
            org = load_organization(path)
        except InvalidInput as e:
            problems += e.problems
            continue
        wording = (*org.wording, *((str(project.wording),) if project.wording else ()))
        org = with_project(org, project)  # its sections, house style over ours, numbers
        org = replace(org, number=_numbers(org, role_ids), wording=wording)
        reference = "" if project.reference_doc else org.reference_doc
        digest = inputs.combine(inputs.file_hash(Path(path)) if path else "",
                                inputs.file_hash(Path(reference)) if reference else "",
                                inputs.tree_hash(Path(w) for w in wording))
        found.append(Target(path, folder if len(folders) > 1 else "", org, digest))
    if problems:
        raise InvalidInput(problems)
    return found


def _numbers(org: Organization, role_ids: Sequence[str]):  # type: ignore[no-untyped-def]
    numbers = org.number.assign(role_ids)
    if numbers.register and numbers.issued != org.number.issued:
        try:
            write_atomic(Path(numbers.register), numbers.register_text().encode("utf-8"))
        except OSError as e:
            raise JobdocsError(f"{numbers.register}: cannot write the number register: "
                               f"{e.strerror or e}") from e
    return numbers
