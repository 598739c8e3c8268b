"""The memory one process of jobdocs may take: a build or validate worker, the server.

Clause text is bounded before it allocates (resolve/limits.py), and every file is
capped as it comes in (intake), so no role should come near this budget; it is
the backstop for what those bounds did not foresee. Each worker process of
`jobdocs build` and `jobdocs validate`, and the `jobdocs serve` process, set it as
their data limit (the heap, anonymous memory and thread stacks: RLIMIT_DATA) at
start. An allocation past it fails with MemoryError, which ends only the role or
request that asked: that role is one error, the others still build and serve.

MEMORY_MB by default; the environment variable JOBDOCS_MEMORY_MB sets another.
Where the operating system has no such limit (Windows), nothing is set.
"""

from __future__ import annotations

import os

#: Megabytes of data one process may take.
MEMORY_MB = 1024
ENV = "JOBDOCS_MEMORY_MB"


def budget_bytes() -> int:
    """Return the budget in bytes: JOBDOCS_MEMORY_MB when it is a whole number, else MEMORY_MB."""
    given = os.environ.get(ENV, "").strip()
    mb = int(given) if given.isdigit() and int(given) > 0 else MEMORY_MB
    return mb * 1024 * 1024


def apply() -> bool:
    """Set this process's data limit to the budget (never raising one already lower);
    return whether the operating system enforces it."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    kind = getattr(resource, "RLIMIT_DATA", None)
    if kind is None:  # pragma: no cover - every POSIX system Python runs on has it
        return False
    soft, hard = resource.getrlimit(kind)
    want = budget_bytes()
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft == resource.RLIM_INFINITY or soft > want:
        try:
            resource.setrlimit(kind, (want, hard))
        except (ValueError, OSError):  # already using more than the budget
            return False
    return True


def exceeded(what: str) -> str:
    """Return the one line that says `what` needed more memory than the budget."""
    return (f"{what} needs more memory than one jobdocs process may take "
            f"({budget_bytes() // (1024 * 1024)} MB; set {ENV} for another budget)")
