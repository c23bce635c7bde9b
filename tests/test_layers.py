"""Module layering: validation and export share their pandas -> SQLite conversion from a module below both."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "src" / "akim_elections"


def imported_modules(module: str) -> set[str]:
    """Every akim_elections module a source file imports, at top level or inside a function."""
    tree = ast.parse((PACKAGE / f"{module.replace('.', '/')}.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from .x import y / from . import x, relative to the module's package
                package = module.split(".")[: module.count(".") + 1 - node.level]
                names |= {".".join([*package, base])} if base else {".".join([*package, alias.name]) for alias in node.names}
            elif base.startswith("akim_elections."):
                names.add(base.removeprefix("akim_elections."))
        elif isinstance(node, ast.Import):
            names |= {a.name.removeprefix("akim_elections.") for a in node.names if a.name.startswith("akim_elections.")}
    return names


def test_validate_imports_nothing_from_export():
    assert "export" not in imported_modules("checks.validate")
    assert "sqlframe" in imported_modules("checks.validate") and "sqlframe" in imported_modules("export")


def test_importing_validate_does_not_load_export():
    # a fresh interpreter: the only way to see which modules an import pulls in
    code = "import sys, akim_elections.checks.validate; print('akim_elections.export' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr
