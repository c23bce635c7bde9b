"""Module layering: the runtime package below the build and the checks, and what each imports (see ARCHITECTURE.md)."""

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


def _modules(folder: str = "") -> list[str]:
    """The modules of the .py files directly in a folder of the package, named as imported_modules takes them."""
    prefix = f"{folder}." if folder else ""
    return [prefix + p.stem for p in sorted((PACKAGE / folder).glob("*.py")) if p.name != "__init__.py"]


def test_the_runtime_package_imports_neither_the_build_nor_the_checks():
    # cli is the one exception: its validate command imports checks.validate, inside the function that runs it
    for module in _modules() + _modules("schema"):
        wanted = {m for m in imported_modules(module) if m.startswith(("build", "checks"))}
        assert wanted == ({"checks.validate"} if module == "cli" else set()), module


def test_the_build_never_imports_the_checks():
    for module in _modules("build"):
        assert not {m for m in imported_modules(module) if m.startswith("checks")}, module


def test_importing_the_package_loads_neither_the_build_nor_the_checks():
    code = "import sys, akim_elections; print(sorted(m for m in sys.modules if m.startswith(('akim_elections.build', 'akim_elections.checks'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr
