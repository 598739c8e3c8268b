"""The organizations a build writes for: each profile loaded once, checked before
any work, finished by the settings' one recipe, given its letterhead and a number
for every role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..config.organization import Organization
from ..errors import InvalidInput, JobdocsError, UsageError
from ..files import write_atomic
from ..settings import Settings
from . import inputs


@dataclass(frozen=True)
class Target:
    """One organization of a build: its profile, output folder and finished profile."""

    path: str | None  # the profile file; None: no profile, blank requisites
    folder: str  # output subfolder ("" when the build has one organization)
    org: Organization
    digest: str  # hash of the profile, and of the reference document and wording it names
    letterhead: str | None = None  # the reference document of its DOCX and PDF (None: ours)

    def number(self, role_id: str, lang: str) -> str:
        return self.org.number.for_document(role_id, lang)


def targets(settings: Settings, role_ids: Sequence[str]) -> list[Target]:
    """Return the build's organizations; raise with every problem of every profile.

    Each profile is finished as every command finishes one (Settings.organization)
    and takes the letterhead render would give it (jobdocs.yaml's, else its own).
    Numbers issued from a profile's pattern are kept in its register now, so
    that every worker prints the same number a role was given before.
    """
    project = settings.project
    assert project is not None
    paths = project.organizations or ((project.organization,) if project.organization else ())
    folders = {str(p.resolve()): p.stem for p in paths}
    if len(set(folders.values())) < len(folders):
        raise UsageError(f"{project.path}: two organization profiles have the same file "
                         "name; their documents would go to the same folder")
    found: list[Target] = []
    problems = []
    for path, folder in (folders.items() if folders else [(None, "")]):
        try:
            org = settings.organization(path)
        except InvalidInput as e:
            problems += e.problems
            continue
        org = replace(org, number=_numbers(org, role_ids))
        letterhead = settings.letterhead_of(org)
        digest = inputs.combine(inputs.file_hash(Path(path)) if path else "",
                                inputs.file_hash(letterhead) if letterhead else "",
                                inputs.tree_hash(Path(w) for w in org.wording))
        found.append(Target(path, folder if len(folders) > 1 else "", org, digest,
                            str(letterhead) if letterhead else None))
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
