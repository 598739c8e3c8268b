"""The options several commands share, declared once, and the project the current
folder belongs to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import InvalidInput
from .terminal import echo

if TYPE_CHECKING:
    from ..config.project import Project
    from ..roles.library import Library

F = TypeVar("F", bound=Callable[..., Any])


def _option(*decls: str, **kw: Any) -> Callable[[F], F]:
    return click.option(*decls, **kw)


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the version; the package metadata is read only when asked for (fast start)."""
    if value and not ctx.resilient_parsing:
        from .. import __version__

        click.echo(f"jobdocs, version {__version__}")
        ctx.exit()


version_option = _option("--version", is_flag=True, expose_value=False, is_eager=True,
                         callback=_version, help="Show the version and exit.")


color_option = _option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto",
    show_default=True, help="Colour the output: on a terminal (auto, unless NO_COLOR is set), "
    "always, or never.")

org_option = _option(
    "--org", "org_file", type=click.Path(path_type=Path), metavar="FILE",
    help="Organization profile: name, approver, agreements, date, number...")

set_option = _option(
    "--set", "settings", multiple=True, metavar="KEY=VALUE",
    help="A one-off profile value, e.g. --set date=2026-11-22 --set number=15-ДИ.")


def lang_option(help: str) -> Callable[[F], F]:
    """`--lang/-l`, repeatable, with the command's own help."""
    return _option("--lang", "-l", "langs", multiple=True, metavar="LANG", help=help)


def org_options(f: F) -> F:
    """`--org FILE` and `--set KEY=VALUE`, the profile a command resolves roles with."""
    return org_option(set_option(f))


@dataclass(frozen=True)
class Workspace:
    """What the current folder gives a command: the project (if any) and its role library."""

    project: Project | None
    library: Library

    def org(self, given: Path | None) -> Path | None:
        """Return the profile to use: the one given, else the project's."""
        if given is not None:
            return given
        return self.project.organization if self.project else None

    def wording(self) -> tuple[str, ...]:
        """Return the project's folder of catalogs and templates, if it names one."""
        return (str(self.project.wording),) if self.project and self.project.wording else ()

    def with_wording(self, org: Any) -> Any:
        """Return the profile with the project's wording searched after its own, and the
        project's declared sections and house style (config.organization.with_project)."""
        from dataclasses import replace

        from ..config.organization import with_project

        org = with_project(org, self.project)
        return replace(org, wording=(*org.wording, *self.wording())) if self.wording() else org


def workspace(explicit: bool = False) -> Workspace:
    """Find the project the current folder belongs to and build its role library.

    With `explicit` (the command was given its files and its output), a broken
    project file is reported as a warning instead of stopping the command.
    """
    from ..config.project import find_file, load_project
    from ..roles.library import Library

    found = find_file(Path.cwd())
    for note in found.notes:
        echo(f"warning: {note}", err=True)
    project = None
    if found.path is not None:
        try:
            project = load_project(found.path)
        except InvalidInput as e:
            if not explicit:
                raise
            for problem in e.problems:
                echo(f"warning: ignoring the project file: {problem}", err=True)
    return Workspace(project, Library([project.roles if project else Path.cwd() / "roles"]))


def is_file_arg(ref: str) -> bool:
    """Whether a ROLE argument names a file rather than a role id."""
    p = Path(ref)
    return p.suffix in (".yaml", ".yml") or len(p.parts) > 1
