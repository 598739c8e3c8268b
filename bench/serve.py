"""`jobdocs serve`: a role page and the library page of a 1,000-role library.

    python bench/serve.py [--roles 1000] [--runs 30]

Targets (issue 15): the Key Account Manager's page under 100 ms, the library
page of 1,000 roles under 300 ms. The pages are asked for through Starlette's
test client, in process (what the server does per request, without the
network), from a project in a temporary folder: the shipped roles, Romashka's
profile, and N roles that each extend the key account manager with a clause of
their own, as a company's grade and department variants do. It prints the
first request (the checks of every role run then, and are kept until a file
changes) and the median of the next runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from jobdocs.serve.app import create_app
from jobdocs.serve.site import Site

sys.path.insert(0, str(Path(__file__).parent))
from libraries import variants_project  # noqa: E402


def timed(client: TestClient, url: str, runs: int) -> tuple[float, float, int]:
    start = time.perf_counter()
    first = client.get(url)
    cold = (time.perf_counter() - start) * 1000
    assert first.status_code == 200, first.text[:500]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert r.status_code == 200
    return cold, statistics.median(times), len(first.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jobdocs-bench-serve-") as tmp:
        root = variants_project(Path(tmp), args.roles)
        os.chdir(root)
        client = TestClient(create_app(Site.here()), base_url="http://localhost")
        count = len(list((root / "roles").glob("*.yaml")))
        rows = [
            ("role page: key-account-manager, ru, Romashka",
             "/roles/key-account-manager?lang=ru&org=romashka/organization.yaml"),
            ("role page: key-account-manager, en, no organization",
             "/roles/key-account-manager?lang=en&org="),
            (f"library page: {count} roles", "/"),
            (f"library page: {count} roles, filtered", "/?q=region+0042"),
            (f"validation page: {count} roles", "/validate"),
        ]
        print(f"{'page':<56} {'first ms':>9} {'median ms':>10} {'KiB':>6}")
        for name, url in rows:
            cold, warm, size = timed(client, url, args.runs)
            print(f"{name:<56} {cold:>9.1f} {warm:>10.1f} {size / 1024:>6.0f}")


if __name__ == "__main__":
    main()
