"""The copies the due employees sign: each one's job description with their row in the
acknowledgement sheet (the `--per-employee` output of `jobdocs render`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config.organization import Organization
from ..production.batch import Job, build
from .due import State


def write_sheets(due: Sequence[State], org: Organization, out_dir: Path,
                 formats: Sequence[str], lang: str | None = None) -> list[Path]:
    """Write one copy per due employee and format into `out_dir`; return the paths.

    Each copy is in `lang` where the role is written in it, else in the role's
    first language; copies are numbered in the order of the due list.
    """
    jobs = []
    for seq, s in enumerate(due, start=1):
        role = s.current.role
        chosen = lang if lang in role.languages else role.languages[0]
        jobs += [Job(role, chosen, fmt, s.employee, seq) for fmt in formats]
    return build(jobs, out_dir, org) if jobs else []
