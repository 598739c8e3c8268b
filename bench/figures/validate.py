"""`jobdocs validate` against the C YAML loader and check-jsonschema, on the same files.

500 (and 2,000) generated role files of 222 lines (Russian and English, the
title in every case, clauses with items, a quarter of the texts templated,
every text unique to its file). Three ways to look at them, each a fresh
process taking turns with the others:

- the checks alone, in one process, after the imports (`check_paths(dir,
  jobs=1)`), against PyYAML's C loader loading the same files, after its
  import: the work per file;
- the whole `jobdocs validate DIR` command (start-up, imports, its worker
  processes), against check-jsonschema checking the same files against
  jobdocs' published role schema (it checks the schema, nothing else).
"""

from __future__ import annotations

import subprocess
import sys

from libraries import line_library
from measure import command, interleave, snippet

from figures import JOBDOCS, Context, Figure, Row, at_most

CHECKS = """\
import sys, time
from jobdocs.check import check_paths
began, began_cpu = time.perf_counter(), time.process_time()
report = check_paths([sys.argv[1]], jobs=1)
print(time.perf_counter() - began, time.process_time() - began_cpu)
assert report.errors == 0, [str(p) for p in report.problems[:5]]
"""
C_LOADER = """\
import pathlib, sys, time, yaml
began, began_cpu = time.perf_counter(), time.process_time()
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
print(time.perf_counter() - began, time.process_time() - began_cpu)
"""


def measure(ctx: Context) -> Figure:
    n, big = ctx.size(500), ctx.size(2000)
    roles = line_library(ctx.tmp / f"validate-{n}", n)
    more = line_library(ctx.tmp / f"validate-{big}", big)
    schema = ctx.tmp / "role-1.json"
    schema.write_bytes(subprocess.run([*JOBDOCS, "schema", "role"], check=True,
                                      capture_output=True).stdout)
    peer = str(ctx.peers.python)
    cold = {"JOBDOCS_CACHE": "off"}
    kept = {"JOBDOCS_CACHE": str(ctx.tmp / "cache")}
    for folder in (roles, more):  # what an earlier run of validate left in the cache
        snippet(sys.executable, CHECKS, str(folder), env=kept)()
    stats = interleave({
        "checks": snippet(sys.executable, CHECKS, str(roles), env=cold),
        "kept": snippet(sys.executable, CHECKS, str(roles), env=kept),
        "loader": snippet(peer, C_LOADER, str(roles)),
        "command": command([*JOBDOCS, "validate", str(roles)], env=cold),
        "command-kept": command([*JOBDOCS, "validate", str(roles)], env=kept),
        "check-jsonschema": command([ctx.peers.command("check-jsonschema"), "--schemafile",
                                     str(schema), *map(str, sorted(roles.glob("*.yaml")))]),
        "checks-big": snippet(sys.executable, CHECKS, str(more), env=cold),
        "kept-big": snippet(sys.executable, CHECKS, str(more), env=kept),
        "loader-big": snippet(peer, C_LOADER, str(more)),
    }, ctx.runs, warmup=1)
    figure = Figure(f"`jobdocs validate` of {n:,} and {big:,} role files",
                    f"{n:,} and {big:,} generated roles of 222 lines; median of {ctx.runs} "
                    "interleaved runs, each a fresh process; \"first time\" with the cache "
                    "off (`JOBDOCS_CACHE=off`), \"unchanged\" with the cache an earlier run "
                    "left",
                    [Row(f"checks, first time, per file ({n:,} files)", stats["checks"], n,
                         "ms"),
                     Row("checks, files unchanged, per file", stats["kept"], n, "ms"),
                     Row("C YAML loader, per file", stats["loader"], n, "ms"),
                     Row(f"`jobdocs validate DIR`, first time ({n:,} files)", stats["command"]),
                     Row("`jobdocs validate DIR`, files unchanged", stats["command-kept"]),
                     Row("check-jsonschema, jobdocs' role schema", stats["check-jsonschema"]),
                     Row(f"checks, first time, per file ({big:,} files)", stats["checks-big"],
                         big, "ms"),
                     Row("checks, files unchanged, per file", stats["kept-big"], big, "ms"),
                     Row("C YAML loader, per file", stats["loader-big"], big, "ms")])
    loader, loader_big = stats["loader"].cpu, stats["loader-big"].cpu
    figure.ratios += [
        at_most(f"checks CPU / C loader CPU, first time ({n:,} files)",
                stats["checks"].cpu / loader, 2),
        at_most(f"checks CPU / C loader CPU, files unchanged ({n:,} files)",
                stats["kept"].cpu / loader, 2),
        at_most(f"checks CPU / C loader CPU, first time ({big:,} files)",
                stats["checks-big"].cpu / loader_big, 2),
        at_most(f"checks CPU / C loader CPU, files unchanged ({big:,} files)",
                stats["kept-big"].cpu / loader_big, 2),
        at_most("`jobdocs validate` CPU / check-jsonschema CPU, first time",
                stats["command"].cpu / stats["check-jsonschema"].cpu, 1),
    ]
    return figure
