"""`jobdocs --help`: what starting the command costs, against check-jsonschema's."""

from __future__ import annotations

from measure import command, interleave

from figures import JOBDOCS, Context, Figure, Row, at_most


def measure(ctx: Context) -> Figure:
    runs = max(10, ctx.runs * 3)
    stats = interleave({"jobdocs": command([*JOBDOCS, "--help"]),
                        "peer": command([ctx.peers.command("check-jsonschema"), "--help"])},
                       runs, warmup=1)
    figure = Figure("Start-up: `--help`", f"median of {runs} interleaved runs",
                    [Row("`jobdocs --help`", stats["jobdocs"]),
                     Row("`check-jsonschema --help`", stats["peer"])])
    figure.ratios.append(at_most("jobdocs CPU / check-jsonschema CPU",
                                 stats["jobdocs"].cpu / stats["peer"].cpu, 1))
    return figure
