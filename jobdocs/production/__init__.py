"""Build a whole project: every role × organization × language × format, in
parallel, rebuilding only what changed (`jobdocs build`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .run import Summary as Summary
    from .run import build_project as build_project

__all__ = ["Summary", "build_project"]


def __getattr__(name: str) -> Any:
    # Imported on first use: `import jobdocs.production` stays light.
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module 'jobdocs.production' has no attribute {name!r}")
