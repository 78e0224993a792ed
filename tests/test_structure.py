"""The package's shape: each module imports only what is below it, at the top, and stays small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kpi"
MODULES = {
    ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): path
    for path in sorted(PACKAGE.rglob("*.py"))
}
#: Imported inside functions only: dependencies a user may not have installed
#: (kpi.strategies is kpi's module that needs Hypothesis).
OPTIONAL = ("rich", "openpyxl", "numpy", "pandas", "hypothesis", "docx", "xlrd", "defusedxml", "kpi.strategies")


def _guarded(node: ast.If) -> bool:
    """``if TYPE_CHECKING:`` and ``if __name__ == "__main__":`` blocks do not run on import."""
    return "TYPE_CHECKING" in ast.unparse(node.test) or "__main__" in ast.unparse(node.test)


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        base = ".".join(module.split(".")[: -node.level] + ([base] if base else []))
    names = [f"{base}.{alias.name}" for alias in node.names]
    return [name if name in MODULES else base for name in names]


def _top_level_imports(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.update(name for name in _imported(module, node) if name.split(".")[0] == "kpi")
    return found - {module}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {module: _top_level_imports(module) & set(MODULES) for module in MODULES}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                cycle = [*path[path.index(imported) :], imported] if imported in path else [module, imported]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if imported not in state:
                visit(imported, [*path, imported])
        state[module] = "done"

    for module in MODULES:
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_inside_functions_are_optional_dependencies(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and id(node) in top and _guarded(node):
            top.update(map(id, ast.walk(node)))
    late = [
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top
        for name in _imported(module, node)
    ]
    assert [name for name in late if not name.startswith(OPTIONAL)] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_long(module: str) -> None:
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= 450


@pytest.mark.parametrize("module", sorted(set(MODULES) - {"kpi.cli"}))
def test_the_library_neither_generates_code_nor_switches_the_collector(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    calls = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert not calls & {"exec", "eval", "gc.disable", "gc.freeze", "gc.enable", "compile"}
