"""Reading and writing the package's CSV files in one fixed dialect (UTF-8, LF, minimal quoting).

Kept apart so the build, the validation and the exports all write byte-identical files (written atomically by
``akim_elections.atomic``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, Mapping


def render_rows(fieldnames: list[str], rows: Iterable[Mapping]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fieldnames, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in fieldnames})
    return buf.getvalue().encode("utf-8")


def read_rows(path: Path) -> list[dict]:
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
