"""Every failure a user can cause is a JobdocsError: the CLI maps it to an exit code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One finding about an input file, with the position it was found at."""

    path: str
    line: int | None
    column: int | None
    message: str
    rule: str = "invalid"
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class JobdocsError(Exception):
    """The root of every error jobdocs reports to a user (exit code 1)."""

    exit_code = 1


class InvalidInput(JobdocsError):
    """One or more problems in the user's input files, each with its position."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RoleNotFound(JobdocsError):
    """A role id or path that names no role file."""


class JobdocsWarning(UserWarning):
    """Something jobdocs did to a user's input that the user should know about
    (a macro dropped from a reference document); the CLI prints it on stderr."""


class UsageError(JobdocsError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2


class MissingTool(JobdocsError):
    """An external program jobdocs needs (LibreOffice for PDF) is not installed."""
