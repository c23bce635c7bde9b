"""Reading and writing the package's CSV files in one fixed dialect (UTF-8, LF, minimal quoting).

Kept apart so the build, the importer and the exports all write byte-identical files.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path
from typing import Iterable, Mapping


def render_rows(fieldnames: list[str], rows: Iterable[Mapping]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fieldnames, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in fieldnames})
    return buf.getvalue().encode("utf-8")


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so a failed build never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_rows(path: Path, fieldnames: list[str], rows: Iterable[Mapping]) -> None:
    write_bytes_atomic(path, render_rows(fieldnames, rows))


def read_rows(path: Path) -> list[dict]:
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
