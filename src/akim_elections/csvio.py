"""Reading and writing the package's CSV files in one fixed dialect (UTF-8, LF, minimal quoting).

Kept apart so the build, the importer and the exports all write byte-identical files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, Mapping

# A failed build or export never leaves half a file: every write goes through a temporary file and a rename.
from .atomic import write_bytes as write_bytes_atomic
from .errors import DataPackageError


def render_rows(fieldnames: list[str], rows: Iterable[Mapping]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fieldnames, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in fieldnames})
    return buf.getvalue().encode("utf-8")


def write_rows(path: Path, fieldnames: list[str], rows: Iterable[Mapping]) -> None:
    write_bytes_atomic(path, render_rows(fieldnames, rows))


def read_rows(path: Path) -> list[dict]:
    """The rows of a CSV file as dicts; a row with more or fewer cells than the header is an error, not a silent cut."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    width = len(reader.fieldnames or [])
    for number, row in enumerate(rows, start=2):
        if None in row or None in row.values():
            cells = width + len(row.get(None, [])) if None in row else sum(v is not None for v in row.values())
            raise DataPackageError(f"{path}: row {number - 1} has {cells} cells for a header of {width}; "
                                   "quote a value that holds a comma, or fill the missing cells")
    return rows
