"""Every failure a user can cause is a JobdocsError: the CLI maps it to an exit code."""

from __future__ import annotations

from dataclasses import dataclass, field

#: What a finding names, by name (`clause`, `lang`, a rule's own): (name, value) pairs.
Args = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Problem:
    """One finding about an input file, with the position it was found at.

    `message` is the command line's English; `rule` and `args` (the clause, the
    language and each name the message mentions) let another front end word the
    finding itself (serve words it in the interface language, by rule id)."""

    path: str
    line: int | None
    column: int | None
    message: str
    rule: str = "invalid"
    severity: str = "error"
    args: Args = field(default=(), compare=False)

    def arg(self, name: str) -> str | None:
        """Return the value the finding names `name`, or None."""
        return next((v for k, v in self.args if k == name), None)

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
