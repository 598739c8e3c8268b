"""jobdocs: job descriptions as code.

    >>> import jobdocs
    >>> role = jobdocs.load_role("key-account-manager")
    >>> doc = jobdocs.resolve(role, "ru")
    >>> markdown = jobdocs.render_document(doc, "md").decode()
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .config.organization import Organization as Organization
from .errors import InvalidInput as InvalidInput
from .errors import JobdocsError as JobdocsError
from .errors import Problem as Problem
from .errors import RoleNotFound as RoleNotFound
from .errors import UsageError as UsageError
from .model import Document as Document
from .model import Role as Role
from .render import render_document as render_document
from .render.batch import build as build
from .render.batch import plan as plan
from .resolve import resolve as resolve
from .roles.library import list_roles as list_roles
from .roles.library import load_role as load_role

try:
    __version__ = version("jobdocs")
except PackageNotFoundError:  # running from a source checkout that is not installed
    __version__ = "0.0.0+source"

__all__ = [
    "Document", "InvalidInput", "JobdocsError", "Organization", "Problem", "Role",
    "RoleNotFound", "UsageError", "build", "list_roles", "load_role", "plan",
    "render_document", "resolve",
]
