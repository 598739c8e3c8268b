"""Caches are bounded: an unbounded cache keyed by input grows with every input."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "jobdocs"


def unbounded_caches() -> list[str]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            takes_input = bool(node.args.args or node.args.kwonlyargs or node.args.vararg)
            for d in node.decorator_list:
                name = ast.unparse(d)
                unbounded = name in ("cache", "functools.cache") or (
                    "lru_cache" in name and "maxsize=None" in name)
                if unbounded and takes_input:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    return found


def test_every_cache_keyed_by_input_has_a_size_limit():
    assert unbounded_caches() == []
