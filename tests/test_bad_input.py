"""Every bad input: one line naming the problem and the fix, exit 2 (usage) or 1 (invalid data), nothing written.

Each case gets a fresh workspace holding a copy of the package (which the case may damage), an
existing text file, an existing folder and an existing SQLite file; after the command the workspace
must be byte for byte as it was (no output, no temporary file, nothing replaced).
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from akim_elections.cli import main
from akim_elections.csvio import read_rows
from akim_elections.schema import TABLE_ORDER
from conftest import copy_package, write_rows

USAGE, INVALID = 2, 1


def set_cell(pkg: Path, table: str, column: str, value: str) -> None:
    path = pkg / "data" / f"{table}.csv"
    rows = read_rows(path)
    rows[0][column] = value
    write_rows(path, list(rows[0]), rows)


def rename_column(pkg: Path, table: str, old: str, new: str) -> None:
    path = pkg / "data" / f"{table}.csv"
    rows = read_rows(path)
    write_rows(path, [new if c == old else c for c in rows[0]], [{(new if k == old else k): v for k, v in r.items()} for r in rows])


def truncate(pkg: Path, table: str, size: int = 5000) -> None:
    path = pkg / "data" / f"{table}.csv"
    path.write_bytes(path.read_bytes()[:size])


def descriptor(pkg: Path, text: str) -> None:
    (pkg / "datapackage.json").write_text(text, encoding="utf-8")


def no_schema(pkg: Path) -> None:
    desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    del desc["resources"][0]["schema"]
    descriptor(pkg, json.dumps(desc))


@dataclass(frozen=True)
class Hide:
    """Make a module look uninstalled, as on a bare ``pip install akim-elections``."""
    module: str


# (id, argv with {ws} for the workspace and {pkg} for the package copy, damage, status, words of the message)
CASES = [
    ("unknown-table", ["show", "winners"], None, USAGE, "unknown table 'winners'"),
    ("table-with-csv", ["show", "figures.csv"], None, USAGE, "did you mean 'figures'"),
    ("rows-zero", ["show", "regions", "-n", "0"], None, USAGE, "at least 1"),
    ("rows-negative", ["show", "regions", "-n", "-3"], None, USAGE, "at least 1"),
    ("rows-not-a-number", ["show", "regions", "-n", "ten"], None, USAGE, "at least 1"),
    ("where-unknown-column", ["show", "figures", "--where", "colour=red"], None, USAGE, "unknown column 'colour'"),
    ("where-without-equals", ["show", "figures", "--where", "measure"], None, USAGE, "not column=value"),
    ("columns-unknown", ["show", "figures", "--columns", "measure,colour"], None, USAGE, "unknown column colour"),
    ("no-command", [], None, USAGE, "required"),
    ("unknown-format", ["export", "--format", "xml", "--out", "{ws}/x.xml"], None, USAGE, "invalid choice: 'xml'"),
    ("sqlite-onto-text-file", ["export", "--format", "sqlite", "--out", "{ws}/notes.txt"], None, USAGE, "extension '.txt'"),
    ("xlsx-named-csv", ["export", "--format", "xlsx", "--out", "{ws}/out.csv"], None, USAGE, "extension '.csv'"),
    ("sqlite-onto-folder", ["export", "--format", "sqlite", "--out", "{ws}/adir.sqlite"], None, USAGE, "is a folder"),
    ("sqlite-onto-plain-folder", ["export", "--format", "sqlite", "--out", "{ws}/adir"], None, USAGE, "is a folder"),
    ("sqlite-without-extension", ["export", "--format", "sqlite", "--out", "{ws}/akims"], None, USAGE, "extension '(none)'"),
    ("sqlite-exists", ["export", "--format", "sqlite", "--out", "{ws}/old.sqlite"], None, USAGE, "is not an SQLite export of akim-elections"),
    ("sqlite-force-onto-foreign", ["export", "--format", "sqlite", "--out", "{ws}/old.sqlite", "--force"], None, USAGE,
     "is not an SQLite export of akim-elections; --force replaces only an earlier output"),
    ("csv-folder-exists", ["export", "--format", "csv", "--out", "{ws}/adir"], None, USAGE, "is not an output of akim-elections export"),
    ("csv-force-onto-foreign-folder", ["export", "--format", "csv", "--out", "{ws}/adir", "--force"], None, USAGE,
     "has no akim-elections-manifest.json"),
    ("csv-force-onto-workspace", ["export", "--format", "parquet", "--out", "{ws}", "--force"], None, USAGE, "has no akim-elections-manifest.json"),
    ("csv-out-dot", ["export", "--format", "csv", "--out", ".", "--force"], None, USAGE, "is the current folder"),
    ("csv-onto-the-package", ["--root", "{pkg}", "export", "--format", "csv", "--out", "{pkg}", "--force"], None, USAGE,
     "holds the data package being read"),
    ("show-unknown-format", ["show", "regions", "--format", "html"], None, USAGE, "invalid choice: 'html'"),
    ("show-truncated-table", ["--root", "{pkg}", "show", "contests"], lambda p: truncate(p, "contests"), INVALID,
     "table contests: data/contests.csv has 5,000 bytes, not the"),
    ("export-truncated-table", ["--root", "{pkg}", "export", "--format", "sqlite", "--out", "{ws}/a.sqlite"],
     lambda p: truncate(p, "events"), INVALID, "not exported"),
    ("verify-truncated-table", ["--root", "{pkg}", "verify"], lambda p: truncate(p, "contests"), INVALID, f"1 of {len(TABLE_ORDER)} tables differ"),
    ("verify-no-package", ["verify", "{ws}/adir"], None, USAGE, "holds no datapackage.json"),
    ("cite-truncated-descriptor", ["--root", "{pkg}", "cite"], lambda p: descriptor(p, "{}"), INVALID, "lists no resources"),
    ("csv-onto-file", ["export", "--format", "csv", "--out", "{ws}/plainfile"], None, USAGE, "is a file, but a folder"),
    ("csv-named-like-a-file", ["export", "--format", "csv", "--out", "{ws}/data.csv"], None, USAGE, "looks like a file name"),
    ("missing-folder", ["export", "--format", "sqlite", "--out", "{ws}/no/such/x.sqlite"], None, USAGE, "does not exist"),
    ("folder-is-a-file", ["export", "--format", "sqlite", "--out", "{ws}/notes.txt/x.sqlite"], None, USAGE, "is a file, not a folder"),
    ("unwritable-folder", ["export", "--format", "sqlite", "--out", "/sys/akims.sqlite"], None, USAGE, "/sys"),
    ("bad-value-xlsx", ["--root", "{pkg}", "export", "--format", "xlsx", "--out", "{ws}/a.xlsx"],
     lambda p: set_cell(p, "contests", "winner_votes", "many"), INVALID, "not exported"),
    ("bad-value-sqlite", ["--root", "{pkg}", "export", "--format", "sqlite", "--out", "{ws}/a.sqlite"],
     lambda p: set_cell(p, "contests", "winner_votes", "many"), INVALID, "contests.csv"),
    ("bad-value-parquet", ["--root", "{pkg}", "export", "--format", "parquet", "--out", "{ws}/pq"],
     lambda p: set_cell(p, "figures", "value", "lots"), INVALID, "figures.csv"),
    ("bad-value-csv", ["--root", "{pkg}", "export", "--format", "csv", "--out", "{ws}/c"],
     lambda p: set_cell(p, "figures", "value", "lots"), INVALID, "not exported"),
    ("unknown-category", ["--root", "{pkg}", "export", "--format", "csv", "--out", "{ws}/c"],
     lambda p: set_cell(p, "figures", "scope", "planet"), INVALID, "'planet'"),
    ("bad-date", ["--root", "{pkg}", "export", "--format", "sqlite", "--out", "{ws}/a.sqlite"],
     lambda p: set_cell(p, "elections", "date_earliest", "2021-13-45"), INVALID, "date_earliest"),
    ("empty-csv", ["--root", "{pkg}", "export", "--format", "csv", "--out", "{ws}/c"],
     lambda p: (p / "data" / "events.csv").write_bytes(b""), INVALID, "no readable header"),
    ("missing-csv", ["--root", "{pkg}", "export", "--format", "sqlite", "--out", "{ws}/a.sqlite"],
     lambda p: (p / "data" / "events.csv").unlink(), INVALID, "events.csv is missing"),
    ("header-drift", ["--root", "{pkg}", "show", "parties"],
     lambda p: rename_column(p, "parties", "party_id", "party"), INVALID, "differ from the schema"),
    ("tables-not-utf8", ["--root", "{pkg}", "tables"],
     lambda p: (p / "data" / "events.csv").write_bytes("event_id\n\u00e9t\u00e9\n".encode("latin-1")), INVALID, "not UTF-8"),
    ("tables-missing-csv", ["--root", "{pkg}", "tables"], lambda p: (p / "data" / "events.csv").unlink(), INVALID, "is missing"),
    ("show-not-utf8", ["--root", "{pkg}", "show", "events"],
     lambda p: (p / "data" / "events.csv").write_bytes("event_id\n\u00e9t\u00e9\n".encode("latin-1")), INVALID, "events.csv"),
    ("root-is-the-descriptor", ["--root", "{pkg}/datapackage.json", "tables"], None, USAGE, "is a file; pass the folder"),
    ("root-missing", ["--root", "{ws}/nowhere", "tables"], None, USAGE, "does not exist"),
    ("root-without-package", ["--root", "{ws}/adir", "show", "figures"], None, USAGE, "holds no datapackage.json"),
    ("descriptor-empty-object", ["--root", "{pkg}", "tables"], lambda p: descriptor(p, "{}"), INVALID, "lists no resources"),
    ("descriptor-not-json", ["--root", "{pkg}", "show", "figures"], lambda p: descriptor(p, "{oops"), INVALID, "not valid UTF-8 JSON"),
    ("descriptor-a-list", ["--root", "{pkg}", "tables"], lambda p: descriptor(p, "[]"), INVALID, "not a JSON object"),
    ("descriptor-without-schema", ["--root", "{pkg}", "show", "sources"], no_schema, INVALID, "has no schema fields"),
    ("validate-empty-descriptor", ["validate", "{pkg}"], lambda p: descriptor(p, "{}"), INVALID, "lists no resources"),
    ("validate-no-package", ["validate", "{ws}/adir"], None, USAGE, "holds no datapackage.json"),
    ("validate-docs-exist", ["validate", "{pkg}", "--data-docs", "{ws}/adir"], None, USAGE,
     "is not an output of akim-elections validate --data-docs"),
    ("validate-docs-force-onto-foreign", ["validate", "{pkg}", "--data-docs", "{ws}/adir", "--force"], None, USAGE,
     "--force replaces only an earlier output"),
    ("validate-docs-dot", ["validate", "{pkg}", "--data-docs", ".", "--force"], None, USAGE, "is the current folder"),
    ("validate-docs-onto-file", ["validate", "{pkg}", "--data-docs", "{ws}/notes.txt", "--force"], None, USAGE, "is a file"),
    ("diff-missing-ref", ["diff", "v9.9.9-nonexistent", "{pkg}"], None, USAGE, "neither a folder nor a git ref"),
    ("diff-folder-without-package", ["diff", "{ws}/adir", "{pkg}"], None, USAGE, "holds no datapackage.json"),
    ("diff-empty-descriptor", ["diff", "{pkg}", "{pkg}"], lambda p: descriptor(p, "{}"), USAGE, "lists no resources"),
    ("diff-unknown-format", ["diff", "{pkg}", "{pkg}", "--format", "html"], None, USAGE, "invalid choice: 'html'"),
    ("parquet-extra-missing", ["export", "--format", "parquet", "--out", "{ws}/pq"], Hide("pyarrow"), USAGE,
     "pip install '.[parquet]'"),
    ("excel-extra-missing", ["export", "--format", "xlsx", "--out", "{ws}/a.xlsx"], Hide("openpyxl"), USAGE,
     "pip install '.[excel]'"),
    ("validate-extra-missing", ["validate", "{pkg}"], Hide("great_expectations"), USAGE,
     "pip install '.[validate]'"),
    ("validate-frictionless-missing", ["validate", "{pkg}", "--data-docs", "{ws}/docs"], Hide("frictionless"), USAGE,
     "pip install '.[validate]'"),
]


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with a hash of its bytes (folders as 'dir')."""
    out = {}
    for path in sorted(folder.rglob("*")):
        out[str(path.relative_to(folder))] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    copy_package(ws / "pkg")
    (ws / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (ws / "plainfile").write_text("not a folder\n", encoding="utf-8")
    (ws / "adir").mkdir()
    (ws / "adir" / "keep.txt").write_text("keep me\n", encoding="utf-8")
    (ws / "adir.sqlite").mkdir()
    (ws / "old.sqlite").write_bytes(b"an older export\n")
    return ws


def test_the_table_is_large_enough():
    assert len(CASES) >= 30
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_with_the_right_status_and_writes_nothing(case, tmp_path, capsys, monkeypatch):
    _, argv, damage, status, words = case
    ws = workspace(tmp_path)
    if isinstance(damage, Hide):
        monkeypatch.setitem(sys.modules, damage.module, None)
    elif damage is not None:
        damage(ws / "pkg")
    if "/sys/" in " ".join(argv) and not Path("/sys").is_dir():
        pytest.skip("needs /sys, a folder no one can create files in")
    before = snapshot(ws)
    code = run([a.format(ws=ws, pkg=ws / "pkg") for a in argv])
    err = capsys.readouterr().err
    assert code == status, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert words in err, err
    assert snapshot(ws) == before
    assert not Path("/sys/akims.sqlite").exists()


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse exits by itself on a usage error
        return exc.code
