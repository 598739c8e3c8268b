"""The house: every module on a floor (docs/architecture.md), no import that runs back up
a floor, and no circle of imports. A module imported only for type checking
(`if TYPE_CHECKING:`) is not an import at run time and does not count."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "jobdocs"

#: Each top-level module or package of jobdocs, bottom floor first. A module may import
#: from its own floor (another package of it, with no circle) and from the floors below.
FLOORS = [
    {"errors", "extras", "formats", "jurisdictions", "resources", "budget", "workers",
     "house_style", "garbage"},
    {"frame"},  # the document frames as data: presets, definitions, their schema, as printed
    {"files", "intake", "model"},
    {"roles"},  # YAML with positions, the published schemas, YAML -> Role, the library
    {"config"},  # jobdocs.yaml, organization profiles, numbers, staff lists
    {"settings", "resolve"},
    {"render"},
    {"diff", "check", "show"},
    {"production", "importer"},
    {"roundtrip", "ack"},
    {"serve"},
    {"cli"},
    {"__init__", "__main__"},  # the public API (lazy) and `python -m jobdocs`
]
FLOOR = {name: n for n, names in enumerate(FLOORS) for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Return, for every module of jobdocs, the jobdocs modules it imports at run time."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                node.body = []
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] \
                    if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                names = [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for imported in names:
                while imported and imported not in modules:
                    imported = imported.rpartition(".")[0]
                if imported.startswith("jobdocs") and imported != name \
                        and not name.startswith(imported + "."):  # a package's own parent
                    edges[name].add(imported)
    return {name: edges[name] for name in modules}


def top(module: str) -> str:
    return module.split(".")[1] if "." in module else "__init__"


def test_every_module_has_a_floor():
    tops = {top(m) for m in imports()} | {"__main__"}
    assert tops - set(FLOOR) == set(), "place the new module on a floor above"


def test_no_import_runs_back_up_a_floor():
    upward = sorted(f"{m} -> {i}" for m, found in imports().items() for i in found
                    if FLOOR[top(i)] > FLOOR[top(m)])
    assert upward == []


def test_no_circle_of_imports():
    graph = imports()
    packages: dict[str, set[str]] = defaultdict(set)
    for m, found in graph.items():
        packages[top(m)] |= {top(i) for i in found if top(i) != top(m)}
    assert circles(graph) == [] and circles(dict(packages)) == []


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in list(graph):
        if v not in index:
            visit(v)
    return found
