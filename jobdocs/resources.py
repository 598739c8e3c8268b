"""Find the templates, catalogs and role library that ship with jobdocs."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path


def data_dir(name: str) -> Path:
    """Return the packaged directory `name` (templates, locales or roles).

    An installed wheel carries them in `jobdocs/_data/`; a source checkout
    keeps them at the top of the repository, beside the package.
    """
    packaged = Path(str(files("jobdocs") / "_data" / name))
    if packaged.is_dir():
        return packaged
    return Path(str(files("jobdocs"))).parent / name


@lru_cache(maxsize=1)
def shipped_roles() -> Path:
    """Return the folder of the roles jobdocs ships, its links resolved: asked once per
    role file a build or a check reads, and where jobdocs is installed does not move."""
    return data_dir("roles").resolve()


def is_shipped(path: Path | str) -> bool:
    """Whether `path` (made absolute, its links not followed) lies in `shipped_roles()`:
    a role jobdocs ships is read where it is installed, any other inside its project."""
    return Path(os.path.abspath(path)).is_relative_to(shipped_roles())
