"""The options several commands share, declared once, and this run's settings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..formats import FORMATS, names
from .terminal import echo

if TYPE_CHECKING:
    from ..settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def _option(*decls: str, **kw: Any) -> Callable[[F], F]:
    return click.option(*decls, **kw)


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the version; the package metadata is read only when asked for (fast start)."""
    if value and not ctx.resilient_parsing:
        from .. import __version__

        click.echo(f"jobdocs, version {__version__}")
        ctx.exit()


# (ParamType is generic from click 8.4 on; pyproject allows 8.2, where it is not.)
class FormatName(click.ParamType):  # type: ignore[type-arg]
    """An output format's name, checked against the registry (jobdocs.formats) when the
    command line is parsed, not when this module was imported: a format registered
    afterwards (a plugin, a library user) is accepted and listed in `--help` too."""

    name = "format"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return f"[{'|'.join(names())}]"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        if value in FORMATS:
            return str(value)
        self.fail(f"{value!r} is not an output format; use one of: {', '.join(names())}",
                  param, ctx)

    def shell_complete(self, ctx: click.Context, param: click.Parameter,
                       incomplete: str) -> list[click.shell_completion.CompletionItem]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(n) for n in names() if n.startswith(incomplete)]


#: The type of every option that takes an output format (render, build, ack due).
FORMAT = FormatName()

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
    "--set", "sets", multiple=True, metavar="KEY=VALUE",
    help="A one-off profile value, e.g. --set date=2026-11-22 --set number=15-ДИ.")


def lang_option(help: str) -> Callable[[F], F]:
    """`--lang/-l`, repeatable, with the command's own help."""
    return _option("--lang", "-l", "langs", multiple=True, metavar="LANG", help=help)


def org_options(f: F) -> F:
    """`--org FILE` and `--set KEY=VALUE`, the profile a command resolves roles with."""
    return org_option(set_option(f))


def settings(paths: Sequence[str | Path] = (), *, org: Path | None = None,
             sets: Sequence[str] = (), reference_doc: Path | None = None,
             lenient: bool = False, keep_going: bool = False) -> Settings:
    """Return this run's settings (jobdocs.settings): the project of `paths`, else of the
    current folder; what the search ignored is printed as a warning."""
    from ..settings import load_settings

    found = load_settings(paths, start=Path.cwd(), org=org, sets=sets,
                          reference_doc=reference_doc, lenient=lenient,
                          keep_going=keep_going)
    for note in found.notes:
        echo(f"warning: {note}", err=True)
    return found


def files_among(refs: Iterable[str | None]) -> list[str]:
    """Return the ROLE arguments that name files (the project is found from them)."""
    return [ref for ref in refs if ref is not None and is_file_arg(ref)]


def is_file_arg(ref: str) -> bool:
    """Whether a ROLE argument names a file rather than a role id."""
    p = Path(ref)
    return p.suffix in (".yaml", ".yml") or len(p.parts) > 1
