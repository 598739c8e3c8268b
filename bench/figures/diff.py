"""`jobdocs diff` of 100 pairs: 100 commands, one command, `--from` over a folder.

100 generated roles committed to a git repository, then two clauses of each
reworded in the working tree; the old versions are also copied to a folder.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from libraries import line_library
from measure import command, interleave, sequence

from figures import JOBDOCS, Context, Figure, Ratio, Row

GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]


def measure(ctx: Context) -> Figure:
    n = ctx.size(100)
    repo = ctx.tmp / "diff"
    roles = line_library(repo / "roles", n)
    shutil.copytree(roles, repo / "old")
    for args in (["init", "-q"], ["add", "roles"], ["commit", "-q", "-m", "roles"]):
        subprocess.run([*GIT, *args], cwd=repo, check=True)
    line_library(roles, n, edit="казначейство")
    names = sorted(p.name for p in roles.iterdir())
    pairs = [str(x) for name in names for x in (Path("old", name), Path("roles", name))]
    one = [command([*JOBDOCS, "diff", f"old/{name}", f"roles/{name}"], repo, ok=(1,))
           for name in names]
    stats = interleave({
        "commands": sequence(one),
        "one": command([*JOBDOCS, "diff", *pairs], repo, ok=(1,)),
        "from": command([*JOBDOCS, "diff", "--from", "HEAD", "roles"], repo, ok=(1,)),
    }, ctx.runs)
    figure = Figure(f"`jobdocs diff` of {n} pairs",
                    f"{n} generated roles, two clauses of each reworded, every language; "
                    f"median of {ctx.runs} interleaved runs",
                    [Row(f"{n} `jobdocs diff OLD NEW` commands", stats["commands"]),
                     Row(f"one `jobdocs diff OLD1 NEW1 ... OLD{n} NEW{n}`", stats["one"]),
                     Row("one `jobdocs diff --from HEAD roles/`", stats["from"])])
    figure.ratios += [
        Ratio("the commands / one command (wall)", stats["commands"].wall / stats["one"].wall),
        Ratio("`--from` / one command (wall)", stats["from"].wall / stats["one"].wall),
    ]
    return figure
