"""`jobdocs serve`: the first check of a 1,000-role library.

The project of bench/serve.py: the shipped roles and variants of the key
account manager (each extends it with a clause of its own), Ромашка as the
project's organization. In a fresh process, the server's site checks every
role as `jobdocs validate` does (what the library page shows); against the
C YAML loader loading the same files, in a fresh process of its own.
"""

from __future__ import annotations

import sys

from libraries import variants_project
from measure import interleave, snippet

from figures import Context, Figure, Ratio, Row, at_most
from figures.validate import C_LOADER

FIRST_CHECK = """\
import os, resource, sys, time
os.chdir(sys.argv[1])
from jobdocs.serve.site import Site
def cpu():  # this process, and the worker processes it has waited for
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime
site = Site.here()
began, began_cpu = time.perf_counter(), cpu()
entries = site.entries()
print(time.perf_counter() - began, cpu() - began_cpu)
assert len(entries) >= int(sys.argv[2]), len(entries)
"""


def measure(ctx: Context) -> Figure:
    n = ctx.size(1000)
    root = variants_project(ctx.tmp / "serve", n)
    kept = {"JOBDOCS_CACHE": str(ctx.tmp / "cache")}
    first = snippet(sys.executable, FIRST_CHECK, str(root), str(n), env=kept)
    first()  # a server started before, or `jobdocs validate`, left the cache
    stats = interleave({
        "serve": snippet(sys.executable, FIRST_CHECK, str(root), str(n),
                         env={"JOBDOCS_CACHE": "off"}),
        "kept": first,
        "loader": snippet(str(ctx.peers.python), C_LOADER, str(root / "roles")),
    }, ctx.runs)
    figure = Figure(f"`jobdocs serve`: the first check of {n:,} roles",
                    f"{n:,} roles, most extending the key account manager; median of "
                    f"{ctx.runs} interleaved runs, each a fresh process",
                    [Row("every role checked, the cache off", stats["serve"]),
                     Row("every role checked, files unchanged since the cache was left",
                         stats["kept"]),
                     Row("C YAML loader over the same files", stats["loader"])])
    figure.ratios += [at_most(f"first check of {n:,} roles, wall (s)", stats["serve"].wall,
                              5 * n / 1000, "s"),
                      Ratio("first check CPU / C loader CPU",
                            stats["serve"].cpu / stats["loader"].cpu)]
    return figure
