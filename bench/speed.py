"""Every measurement of issue 13 in one run: one document against docxtpl and pandoc,
then `jobdocs build` on a synthetic library.

    pip install -e '.[bench]'
    python bench/speed.py [--roles 4000] [--pdfs 20] [--runs 30]

See bench/RESULTS.md for what it printed, and on which machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import compare_docx  # noqa: E402
import scale  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--roles", type=int, default=4000)
    parser.add_argument("--pdfs", type=int, default=20)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, {platform.system()}")
    compare_docx.main(["--runs", str(args.runs)])
    print()
    scale.main(["--roles", str(args.roles), "--pdfs", str(args.pdfs)])


if __name__ == "__main__":
    main()
