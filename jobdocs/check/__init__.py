"""What `jobdocs validate` runs: the rules, the runner, and the reports.

    >>> from jobdocs.check import check_paths
    >>> report = check_paths(["roles"], strict=True)
    >>> report.ok, report.errors, report.warnings
"""

from __future__ import annotations

from .paths import check_paths as check_paths
from .paths import role_files as role_files
from .rules import RULES as RULES
from .rules import Rule as Rule
from .runner import Report as Report
from .runner import check_file as check_file

__all__ = ["RULES", "Report", "Rule", "check_file", "check_paths", "role_files"]
