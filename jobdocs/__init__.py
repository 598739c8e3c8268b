"""jobdocs: job descriptions as code.

    >>> import jobdocs
    >>> role = jobdocs.load_role("key-account-manager")
    >>> doc = jobdocs.resolve(role, "ru")
    >>> markdown = jobdocs.render_document(doc, "md").decode()

The names below are imported on first use, so that `import jobdocs` (and
`jobdocs --help`) does not load Jinja, PyYAML, Babel and python-docx.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

#: Every public name, and the module it comes from.
_EXPORTS = {
    "Organization": ".config.organization",
    "InvalidInput": ".errors", "JobdocsError": ".errors", "JobdocsWarning": ".errors",
    "Problem": ".errors",
    "RoleNotFound": ".errors", "UsageError": ".errors",
    "Document": ".model", "Role": ".model",
    "render_document": ".render",
    "plan": ".production.batch",
    "resolve": ".resolve",
    "Settings": ".settings", "load_settings": ".settings",
    "Library": ".roles.library", "list_roles": ".roles.library", "load_role": ".roles.library",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from .config.organization import Organization as Organization
    from .errors import InvalidInput as InvalidInput
    from .errors import JobdocsError as JobdocsError
    from .errors import JobdocsWarning as JobdocsWarning
    from .errors import Problem as Problem
    from .errors import RoleNotFound as RoleNotFound
    from .errors import UsageError as UsageError
    from .model import Document as Document
    from .model import Role as Role
    from .production.batch import plan as plan
    from .render import render_document as render_document
    from .resolve import resolve as resolve
    from .roles.library import Library as Library
    from .roles.library import list_roles as list_roles
    from .roles.library import load_role as load_role
    from .settings import Settings as Settings
    from .settings import load_settings as load_settings

    __version__: str


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name], __name__), name)
    else:
        raise AttributeError(f"module 'jobdocs' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, "__version__"})


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jobdocs")
    except PackageNotFoundError:  # running from a source checkout that is not installed
        return "0.0.0+source"


class _Package(types.ModuleType):
    """Keep `jobdocs.resolve` the function once the `jobdocs.resolve` package is imported:
    Python names a subpackage on its parent, which would hide the function of that name."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
