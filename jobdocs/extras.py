"""How to install one of jobdocs' optional extras (serve, morph, xlsx, postgres).

jobdocs is not on the package index (a `jobdocs` there would be somebody else's):
it is installed from a checkout of its repository (`pip install .`), and so are its
extras. Every hint that names an extra comes from here.
"""

from __future__ import annotations


def install(extra: str) -> str:
    """Return the command that installs an extra, and where to run it."""
    return f"pip install '.[{extra}]' in the jobdocs checkout"
