"""Shared fixtures: the repository root and a throw-away copy of the data package."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def write_rows(path: Path, fieldnames: list[str], rows) -> None:
    """Write rows as the package's CSV dialect (a test that edits a copy of a table)."""
    from akim_elections.atomic import write_bytes
    from akim_elections.csvio import render_rows

    write_bytes(path, render_rows(fieldnames, rows))


def load_script(name: str):
    """Import a module from scripts/ (they are scripts, not part of the installed package)."""
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def docs_site():
    """The site's builder, scripts/docs_pages (a package of scripts/, as the mkdocs hook imports it)."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    import docs_pages

    return docs_pages


def pytest_collection_modifyitems(items):
    """The longest tests first: the browser's, then the slow ones (builds), then the rest, each kind in its own order.

    Two workers take test files in this order (pytest-xdist, --dist loadfile): a long file started last would keep
    one worker busy alone at the end.
    """
    items.sort(key=lambda item: 0 if item.get_closest_marker("browser") else 1 if item.get_closest_marker("slow") else 2)


def copy_package(target: Path) -> Path:
    """Copy datapackage.json, data/, the KATO classifier the build reads and the released ids (once there are) into target."""
    shutil.copytree(ROOT / "data", target / "data")
    if (ROOT / "releases").is_dir():
        shutil.copytree(ROOT / "releases", target / "releases")
    shutil.copytree(ROOT / "raw" / "kato", target / "raw" / "kato")
    shutil.copyfile(ROOT / "datapackage.json", target / "datapackage.json")
    return target


def record_sizes_and_hashes(pkg: Path) -> None:
    """After a test edits tables of a copy on purpose, record their sizes and hashes, as the build would."""
    from akim_elections.verify import sha256

    path = pkg / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    for resource in desc["resources"]:
        data = (pkg / resource["path"]).read_bytes()
        resource["bytes"], resource["hash"] = len(data), sha256(data)
    path.write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the package that a test may damage."""
    return copy_package(tmp_path / "pkg")


@pytest.fixture(scope="session")
def clean_package(tmp_path_factory) -> tuple[Path, dict]:
    """An undamaged copy and its tables loaded once, for tests to reuse the tables a damage leaves alone."""
    from akim_elections.checks.validate import load_frames

    pkg = copy_package(tmp_path_factory.mktemp("clean") / "pkg")
    frames, failures = load_frames(pkg, json.loads((pkg / "datapackage.json").read_text(encoding="utf-8")))
    assert not failures, [f.examples for f in failures]
    return pkg, frames


EXPORTS = {"csv": "csv", "parquet": "parquet", "sqlite": "akims.sqlite", "xlsx": "akims.xlsx"}


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    """The package exported once in every format, into one folder (the names of EXPORTS), for every test that reads exports."""
    from akim_elections.export import export

    out = tmp_path_factory.mktemp("export")
    for fmt, name in EXPORTS.items():
        export(fmt, out / name)
    return out


@pytest.fixture(scope="session")
def validated_with_data_docs(tmp_path_factory) -> tuple[Path, int, str]:
    """`akim-elections validate ROOT --data-docs DIR` run once, in-process: DIR (alone in its folder), exit status, output."""
    from akim_elections.cli import main

    docs = tmp_path_factory.mktemp("data-docs") / "docs"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["validate", str(ROOT), "--data-docs", str(docs)])
    return docs, status, out.getvalue()
