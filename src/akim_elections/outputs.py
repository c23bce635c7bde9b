"""Which existing outputs a command may replace: only what akim-elections wrote itself, unchanged since.

A folder output (an export to csv or parquet, Data Docs) carries ``MANIFEST``: the command that wrote
it and each file with its sha256. ``--force`` replaces such a folder only while it holds exactly those
files, unchanged; a folder with anything else in it (a user's thesis.docx, an edited table) is refused,
so ``--force`` never deletes a file the command did not write. A file output is recognised by a mark
the export sets: an SQLite database's ``application_id``, an xlsx workbook's creator, a Datasette
metadata file naming the database beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

from .errors import UsageError

MANIFEST = "akim-elections-manifest.json"
SQLITE_APPLICATION_ID = int.from_bytes(b"akim", "big")  # PRAGMA application_id of every SQLite export
XLSX_CREATOR = "akim-elections"
_NOT_OURS = "--force replaces only an earlier output of this command; choose a new name, or move it away yourself"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(folder: Path, command: str) -> None:
    """Record every file now in ``folder`` as written by ``command`` (the last step of a folder output)."""
    from ._version import __version__

    files = {p.relative_to(folder).as_posix(): _sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}
    manifest = {"written_by": f"akim-elections {command}", "version": __version__, "files": files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def check_folder(folder: Path, command: str) -> None:
    """Raise UsageError unless ``folder`` is empty or an unchanged output of ``command``."""
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    if not present and not any(folder.iterdir()):
        return  # an empty folder: replacing it loses nothing
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        listed, written_by = dict(manifest["files"]), manifest["written_by"]
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{folder} is not an output of akim-elections {command} (it has no {MANIFEST}); {_NOT_OURS}") from None
    if written_by != f"akim-elections {command}":
        raise UsageError(f"{folder} was written by {written_by}, not akim-elections {command}; {_NOT_OURS}")
    foreign = sorted(present - set(listed) - {MANIFEST})
    changed = sorted(name for name in present & set(listed) if _sha256(folder / name) != listed[name])
    if foreign or changed:
        shown = ", ".join((foreign + changed)[:3]) + (" and more" if len(foreign) + len(changed) > 3 else "")
        what = "files the command did not write" if foreign else "files changed since it was written"
        raise UsageError(f"{folder} holds {what} ({shown}); {_NOT_OURS}")


def check_sqlite(path: Path) -> None:
    """Raise UsageError unless ``path`` is an SQLite export (its header carries the export's application_id)."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if not (header.startswith(b"SQLite format 3\0") and int.from_bytes(header[68:72], "big") == SQLITE_APPLICATION_ID):
        raise UsageError(f"{path} is not an SQLite export of akim-elections; {_NOT_OURS}")


def check_xlsx(path: Path) -> None:
    """Raise UsageError unless ``path`` is a workbook akim-elections wrote (its creator, in docProps/core.xml)."""
    try:
        with zipfile.ZipFile(path) as book:
            core = book.read("docProps/core.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        core = ""
    if f"<dc:creator>{XLSX_CREATOR}</dc:creator>" not in core:
        raise UsageError(f"{path} is not an xlsx export of akim-elections; {_NOT_OURS}")


def check_datasette_metadata(path: Path, database: str) -> None:
    """Raise UsageError unless ``path`` is the Datasette metadata an export wrote for ``database``."""
    try:
        ours = list(json.loads(path.read_text(encoding="utf-8"))["databases"]) == [database]
    except (OSError, ValueError, KeyError, TypeError):
        ours = False
    if not ours:
        raise UsageError(f"{path} is not the Datasette metadata of an export named {database}; {_NOT_OURS}")


def check_not_around_us(target: Path, package: Path | None = None) -> None:
    """Refuse a target that is the current folder, holds it, or holds the package being read."""
    where = target.absolute()
    here = Path.cwd()
    if str(target) in (".", "..") or where.resolve() in (here, *here.parents):
        raise UsageError(f"{target} is the current folder or holds it; give a new folder name, such as {target / 'akims-export'}")
    if package is not None and where.resolve() in (package, *package.parents):
        raise UsageError(f"{target} holds the data package being read ({package}); give a new folder name outside it")
    if os.path.ismount(where):
        raise UsageError(f"{target} is a mount point; give a new folder name inside it")
