"""Every figure of issue 23 side by side in one run, each a ratio to a peer or a floor.

    python bench/speed.py --all [--runs 3] [--results bench/RESULTS.md]
    python bench/speed.py validate import [--quick]

The peers (docxtpl, check-jsonschema, python-docx, PyYAML's C loader) are
installed by the benchmark into an environment of its own under the cache
folder (bench/peers.py); LibreOffice is the system's. Figures: docx, build,
pdf, validate, import, diff, serve, help. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from figures import Context  # noqa: E402
from measure import load_average  # noqa: E402
from peers import Peers  # noqa: E402
from report import machine, markdown, text  # noqa: E402

FIGURES = {"docx": "docx_writer", "build": "build", "pdf": "pdf", "validate": "validate",
           "import": "importer", "diff": "diff", "serve": "serve", "help": "cli"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", nargs="*", choices=[[], *FIGURES], metavar="FIGURE",
                        help=f"what to measure: {', '.join(FIGURES)}")
    parser.add_argument("--all", action="store_true", help="measure every figure")
    parser.add_argument("--runs", type=int, default=3, help="turns of each contender")
    parser.add_argument("--quick", action="store_true",
                        help="libraries a tenth of the size: to try the benchmark out")
    parser.add_argument("--results", type=Path, metavar="FILE.md",
                        help="write the figures as Markdown (bench/RESULTS.md)")
    parser.add_argument("--refresh-peers", action="store_true",
                        help="install the peers again, at their newest releases")
    args = parser.parse_args()
    chosen = list(FIGURES) if args.all or not args.figures else args.figures
    started, loads = dt.datetime.now(dt.UTC), [load_average()]
    print(machine())
    peers = Peers(refresh=args.refresh_peers)
    versions = peers.versions()
    print("peers: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    print(f"load average: {loads[0]}\n", flush=True)
    done = []
    try:
        with tempfile.TemporaryDirectory(prefix="jobdocs-speed-") as tmp:
            for name in chosen:
                module = importlib.import_module(f"figures.{FIGURES[name]}")
                folder = Path(tmp) / name
                folder.mkdir()
                ctx = Context(peers, args.runs, folder, 0.1 if args.quick else 1.0)
                figure = module.measure(ctx)
                done.append(figure)
                print(text(figure), f"\n  (load average now {load_average()})\n", flush=True)
    finally:
        peers.close()
    loads.append(load_average())
    if args.results:
        command = "python bench/speed.py " + " ".join(sys.argv[1:])
        args.results.write_text(markdown(done, versions=versions, started=started,
                                         loads=loads, command=command), encoding="utf-8")
        print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
