"""The record of released ids: ``releases/ids-X.Y.Z.csv``, every id the release X.Y.Z published.

One file per release, written by scripts/release.py and never edited: a row (table, id) for every row of every table
whose primary key is one column (read from the schema). The rule ``released-id-lives`` (checks/rules/ids.py) holds the
package to every file: a published id stays a row of its table, or id_map leads from it to one. A plain CSV, not
gzip: git stores the text compressed anyway and stores a later release's file as its difference from the earlier one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..atomic import write_bytes
from ..csvio import read_rows, render_rows
from ..errors import DataPackageError
from ..schema import TABLES

FOLDER = "releases"
COLUMNS = ["table", "id"]
_NAME = re.compile(r"^ids-(\d+\.\d+\.\d+)\.csv$")

# Every table whose rows one column names, with that column: the ids a release publishes.
ID_COLUMNS = {name: spec["primaryKey"][0] for name, spec in TABLES.items() if len(spec["primaryKey"]) == 1}


def path(root: Path, version: str) -> Path:
    return Path(root) / FOLDER / f"ids-{version}.csv"


def current_ids(root: Path) -> list[tuple[str, str]]:
    """(table, id) of every row of the package at root whose table is keyed by one column, sorted."""
    desc = json.loads((Path(root) / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: Path(root) / r["path"] for r in desc["resources"]}
    return sorted((name, row[key]) for name, key in ID_COLUMNS.items() for row in read_rows(paths[name]))


def write(root: Path, version: str) -> Path:
    """Record the ids of the package at root as those of release ``version``; returns the file written."""
    target = path(root, version)
    write_bytes(target, render_rows(COLUMNS, (dict(zip(COLUMNS, pair)) for pair in current_ids(root))))
    return target


def read(root: Path) -> list[tuple[str, str, str]]:
    """(version, table, id) of every released-ids file under root; none where the copy has no releases/ (a wheel)."""
    out = []
    for file in sorted((Path(root) / FOLDER).glob("ids-*.csv")):
        match = _NAME.match(file.name)
        if not match:
            raise DataPackageError(f"{file}: a released-ids file is named ids-X.Y.Z.csv; rename it or move it out of {FOLDER}/")
        rows = read_rows(file)
        if rows and list(rows[0]) != COLUMNS:
            raise DataPackageError(f"{file}: needs the columns {','.join(COLUMNS)}; has {','.join(rows[0])}")
        out += [(match.group(1), row["table"], row["id"]) for row in rows]
    return out
