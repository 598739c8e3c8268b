"""No quadratic paths: validation work grows linearly with a file's references.

Work is counted as Python and C function calls (sys.setprofile), not wall time:
four times the references must cost about four times the calls, not sixteen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jobdocs.check import check_paths

KAM = Path(__file__).parent.parent / "roles" / "key-account-manager.yaml"


def role_with_unknown_refs(tmp_path: Path, n: int) -> Path:
    duties = "".join(
        f"    - id: d{i}\n      text: {{ru: \"Пункт {{{{ ref('zz{i}') }}}}.\", "
        f"en: \"Item {{{{ ref('zz{i}') }}}}.\"}}\n" for i in range(n))
    path = tmp_path / f"refs{n}" / "key-account-manager.yaml"
    path.parent.mkdir()
    path.write_text(KAM.read_text(encoding="utf-8").replace("  duties:\n", "  duties:\n" + duties,
                                                            1), encoding="utf-8")
    return path


def work(path: Path) -> tuple[int, int]:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        report = check_paths([path])
    finally:
        sys.setprofile(None)
    return calls, sum(p.rule == "unknown-ref" for p in report.problems)


def test_unknown_references_cost_linear_work(tmp_path):
    check_paths([role_with_unknown_refs(tmp_path, 10)])  # compile and cache what every run uses
    small, found_small = work(role_with_unknown_refs(tmp_path, 150))
    large, found_large = work(role_with_unknown_refs(tmp_path, 600))
    assert found_large == 4 * found_small > 0
    assert large / small < 5.5, (small, large)
