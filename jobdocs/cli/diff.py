"""`jobdocs diff` over several pairs, or over files and folders with --from, in one process.

Start-up and imports cost more than comparing a role (a hundred pairs: 23 s
as a hundred commands, 2.9 s in one). Each pair goes through the one-pair
command (cli/diff_one.py) unchanged, its output after the last one's (JSON:
one object per pair; `jq -s` reads them as an array); this only loops and
combines the exit codes: 2 when a pair failed, else 1 when one differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import UsageError
from .diff_one import diff as one_pair
from .terminal import echo

SUFFIXES = (".yaml", ".yml")


def _params() -> list[click.Parameter]:
    sides = click.Argument(["sides"], nargs=-1, metavar="OLD NEW [OLD NEW]...")
    return [sides, *(p for p in one_pair.params if p.name not in ("old", "new"))]


@click.command("diff", params=_params(), help=(one_pair.help or "").replace(
    "(HEAD~3:roles/key-account-manager.yaml).",
    "(HEAD~3:roles/key-account-manager.yaml); several pairs are compared in one run, "
    "one after another. With --from REV, give FILEs or folders instead: each role "
    "file as it was at REV against as it is now (or at --to)."))
@click.pass_context
def diff(ctx: click.Context, /, sides: tuple[str, ...], **options: Any) -> None:
    pairs = _pairs(sides, options["from_rev"], options["to_rev"])
    if len(pairs) > 1 and options["fmt"] == "docx":
        raise UsageError("a redline (--format docx) compares one pair; give one OLD NEW")
    compare = one_pair.callback
    assert compare is not None
    codes = []
    for old, new in pairs:
        if options["from_rev"] and _new_since(options["from_rev"], old):
            echo(f"{old}: new since {options['from_rev']}", err=True)
            codes.append(1)
            continue
        try:
            ctx.invoke(compare, old=old, new=new, **options)
            codes.append(0)
        except click.exceptions.Exit as e:
            codes.append(e.exit_code)
    ctx.exit(2 if 2 in codes else max(codes))


def _pairs(sides: tuple[str, ...], from_rev: str | None,
           to_rev: str | None) -> list[tuple[str | None, str | None]]:
    """Return (OLD, NEW) of every comparison; with --from, (FILE, None) for each FILE
    given and each role file in each folder given."""
    if from_rev is None:
        if len(sides) == 1:
            return [(sides[0], None)]  # the one-pair command says what is missing
        if len(sides) % 2:
            raise UsageError("give OLD NEW pairs (an even number of arguments), or FILEs "
                             "with --from REV")
        return [(sides[i], sides[i + 1]) for i in range(0, len(sides), 2)] or [(None, None)]
    files: list[str] = []
    for side in sides:
        if Path(side).is_dir():
            files += sorted(str(p) for p in Path(side).iterdir()
                            if p.suffix in SUFFIXES and p.is_file())
        else:
            files.append(side)
    return [(f, None) for f in files] or [(None, None)]


def _new_since(rev: str, old: str | None) -> bool:
    """Whether the file `old` did not exist at `rev` (a role added since)."""
    from ..roles import git as gitsource

    if old is None or not Path(old).is_file() or not gitsource.is_revision(rev):
        return False
    return not gitsource.Revision(rev).exists(Path(old))
