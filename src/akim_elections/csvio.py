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
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
