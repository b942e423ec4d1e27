"""Imports go one way, reports → indicators → strategy (DESIGN.md)."""

import ast
from pathlib import Path

import strategy

STRATEGY = Path(strategy.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_it_keeps_the_strategy_app_free_of_the_apps_built_on_it():
    offending = {
        str(path.relative_to(STRATEGY)): sorted(
            name
            for name in imported_modules(path)
            if name.split(".")[0] in {"indicators", "reports"}
        )
        for path in STRATEGY.rglob("*.py")
    }
    assert {path: names for path, names in offending.items() if names} == {}


def test_it_finds_such_an_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from indicators.progress import progress_of\nimport reports\n")
    assert imported_modules(module) == {"indicators.progress", "reports"}
