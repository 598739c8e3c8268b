"""Time `jobdocs validate` on each hostile input of tests/test_check.py.

    python bench/hostile.py

The issue's bound is 2 s each; the tests check the finding and the memory,
never the time.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from test_check import HOSTILE  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (content, _) in HOSTILE.items():
            path = Path(tmp) / f"{name}.yaml"
            path.write_bytes(content)
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "jobdocs", "validate", str(path)],
                                    capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            last = result.stdout.strip().splitlines()[0][:70] if result.stdout else result.stderr
            print(f"{name:<18} exit {result.returncode}  {elapsed:5.2f} s  {last}")


if __name__ == "__main__":
    main()
