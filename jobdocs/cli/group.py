"""The group every `jobdocs` command runs in: every JobdocsError mapped to its one-line
message and exit code in one place, warnings printed, closed pipes ended quietly."""

from __future__ import annotations

import errno
import io
import os
import sys
import traceback
import warnings
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import click

from ..errors import InvalidInput, JobdocsError, JobdocsWarning, UsageError
from ..files import ENVIRONMENT, refused, shown
from .terminal import echo, visible

#: A bug in jobdocs, not a user mistake.
INTERNAL_ERROR = 3
#: What a shell reports for a program whose reader went away (128 + SIGPIPE).
BROKEN_PIPE = 141


class Group(click.Group):
    """Map every JobdocsError to its one-line message and exit code, in one place."""

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        _escape_what_cannot_be_shown()
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
            for problem in e.problems:  # at its path from the current folder
                click.echo(visible(str(replace(problem, path=shown(problem.path)))), err=True)
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
            if e.errno in ENVIRONMENT:  # the machine's refusal, not a bug: one line, exit 1
                click.echo(f"Error: {visible(refused(e))}", err=True)
                ctx.exit(JobdocsError.exit_code)
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


def _escape_what_cannot_be_shown() -> None:
    """Let standard output and error show what their encoding cannot (Cyrillic under a
    Windows code page, cp1252) as escapes (\\u0414) instead of failing on it."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass  # closed, or not ours to change


def _undecodable(arg: str) -> bool:
    """Whether a command-line argument held bytes that are not UTF-8 (surrogate escapes)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
