"""What every `jobdocs` command shares: the group that maps errors to exit codes,
option decorators declared once, colour and terminal-safe output."""

from __future__ import annotations

import errno
import os
import re
import sys
import traceback
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import InvalidInput, JobdocsError, JobdocsWarning, UsageError

if TYPE_CHECKING:
    from .config.project import Project
    from .roles.library import Library

#: A bug in jobdocs, not a user mistake.
INTERNAL_ERROR = 3
#: What a shell reports for a program whose reader went away (128 + SIGPIPE).
BROKEN_PIPE = 141

F = TypeVar("F", bound=Callable[..., Any])


class Group(click.Group):
    """Map every JobdocsError to its one-line message and exit code, in one place."""

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        for arg in given:
            if _undecodable(arg):
                click.echo(f"Error: argument {visible(arg)!r} is not valid UTF-8; rename the "
                           "file or retype the value", err=True)
                sys.exit(UsageError.exit_code)
        return super().main(given, *a, **kw)

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", JobdocsWarning)
            try:
                return self._invoke(ctx)
            finally:
                for w in caught:
                    if issubclass(w.category, JobdocsWarning):
                        echo(f"warning: {w.message}", err=True)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as e:
            raise click.UsageError(visible(str(e)), ctx) from None
        except InvalidInput as e:
            for problem in e.problems:
                click.echo(visible(str(problem)), err=True)
            ctx.exit(e.exit_code)
        except JobdocsError as e:
            click.echo(f"Error: {visible(str(e))}", err=True)
            ctx.exit(e.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as e:
            if e.errno == errno.EPIPE or isinstance(e, BrokenPipeError):
                _quiet_stdout()
                ctx.exit(BROKEN_PIPE)
            _internal(ctx, e)
        except Exception as e:
            _internal(ctx, e)


def _internal(ctx: click.Context, e: Exception) -> None:
    if (ctx.find_root().params.get("debug") or os.environ.get("JOBDOCS_DEBUG")):
        traceback.print_exc()
        hint = "please report it with the traceback above"
    else:
        hint = "this is a bug in jobdocs: rerun with --debug for the traceback, and report it"
    click.echo(f"internal error: {type(e).__name__}: {visible(str(e))} ({hint})", err=True)
    ctx.exit(INTERNAL_ERROR)


def _quiet_stdout() -> None:
    """The reader of standard output is gone: send what is left (the final flush)
    nowhere, so Python does not print an error on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's buffer): nothing will be flushed


def _undecodable(arg: str) -> bool:
    """Whether a command-line argument held bytes that are not UTF-8 (surrogate escapes)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# Control characters (but tab and newline), DEL, C1 controls and the bidirectional
# overrides that reorder what a terminal shows ("Trojan source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SGR = re.compile(r"\x1b\[[0-9;]{0,12}m")


def visible(text: str, keep_colors: bool = False) -> str:
    """Return `text` with control characters shown as escapes (`\\x1b`), so that text
    from a file cannot move the cursor, retitle the window or hide what follows.
    With `keep_colors`, the colour codes jobdocs itself wrote are kept."""
    def show(m: re.Match[str]) -> str:
        c = m.group(0)
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"

    if not keep_colors:
        return _CONTROL.sub(show, text)
    parts = _SGR.split(text)
    codes = _SGR.findall(text)
    out = [_CONTROL.sub(show, parts[0])]
    for code, part in zip(codes, parts[1:], strict=True):
        out += [code, _CONTROL.sub(show, part)]
    return "".join(out)


def echo(text: str, *, color: bool = False, err: bool = False, nl: bool = True) -> None:
    """Print text for a person: control characters visible, colours as asked."""
    click.echo(visible(text, keep_colors=color), nl=nl, err=err, color=color)


def use_color(choice: str, err: bool = False) -> bool:
    """Whether to colour: always, never, or (auto) on a terminal without NO_COLOR set."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    stream = sys.stderr if err else sys.stdout
    return not os.environ.get("NO_COLOR") and stream.isatty()


def _option(*decls: str, **kw: Any) -> Callable[[F], F]:
    return click.option(*decls, **kw)


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the version; the package metadata is read only when asked for (fast start)."""
    if value and not ctx.resilient_parsing:
        from . import __version__

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

        from .config.organization import with_project

        org = with_project(org, self.project)
        return replace(org, wording=(*org.wording, *self.wording())) if self.wording() else org


def workspace(explicit: bool = False) -> Workspace:
    """Find the project the current folder belongs to and build its role library.

    With `explicit` (the command was given its files and its output), a broken
    project file is reported as a warning instead of stopping the command.
    """
    from .config.project import find_file, load_project
    from .roles.library import Library

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
