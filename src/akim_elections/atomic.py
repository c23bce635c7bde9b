"""Outputs that appear whole or not at all, and never replace anything unasked.

Every writer builds its output in a hidden temporary file or folder beside the target (same file
system, so the final rename is atomic) and renames it into place only when it is complete. On any
failure, or Ctrl-C, the temporary output is removed and the target is as it was. An existing target
is replaced only with ``force``, and only if ``replaceable`` accepts it (``akim_elections.outputs``:
an earlier output of the same command).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from .errors import UsageError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


Replaceable = Callable[[Path], None]  # raises UsageError for an existing target that must not be replaced


def check_target(target: Path, folder: bool, force: bool, suffixes: tuple[str, ...] = (), replaceable: Replaceable | None = None) -> None:
    """Refuse a target that is of the wrong kind, has the wrong extension, or exists (without force, or not replaceable)."""
    what = "folder" if folder else "file"
    if target.is_dir() != folder and target.exists():
        raise UsageError(f"{target} is a {'file' if folder else 'folder'}, but a {what} is written here; choose another name")
    if suffixes and target.suffix.lower() not in suffixes:
        raise UsageError(f"{target}: extension {target.suffix or '(none)'!r} does not fit; use a name ending in {' or '.join(suffixes)}")
    if target.exists() and replaceable is not None:
        replaceable(target)
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; pass --force to replace it, or choose another name")
    parent = target.absolute().parent
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"{parent} is a file, not a folder; choose another --out")
    if not parent.is_dir():
        raise UsageError(f"folder {parent} does not exist; create it first or choose another --out")
    if not os.access(parent, os.W_OK):
        raise UsageError(f"folder {parent} is not writable; choose another --out")


@contextlib.contextmanager
def staged(target: Path, folder: bool = False, force: bool = False, suffixes: tuple[str, ...] = (),
           replaceable: Replaceable | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on a clean exit it becomes ``target``.

    ``folder`` says whether the output is a folder (created empty) or a file (created empty).
    """
    target = Path(target)
    check_target(target, folder, force, suffixes, replaceable)
    parent = target.absolute().parent
    try:
        if folder:
            tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}."))
            tmp.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; the output should look like any other folder
        else:
            fd, name = tempfile.mkstemp(dir=parent, prefix=f".{target.stem}.", suffix=target.suffix)
            os.close(fd)
            tmp = Path(name)
            tmp.chmod(0o666 & ~_umask())  # mkstemp makes 0600
    except OSError as exc:
        raise UsageError(f"cannot write in folder {parent} ({exc.strerror}); choose another --out") from exc
    try:
        yield tmp
        _put_in_place(tmp, target)
    except BaseException:
        _remove(tmp)
        raise


def _put_in_place(tmp: Path, target: Path) -> None:
    if not tmp.is_dir() or not target.exists():
        os.replace(tmp, target)  # atomic for files, and for a folder onto nothing
        return
    # A folder cannot be renamed onto a non-empty folder: move the old one aside first, restore it on failure.
    aside = Path(tempfile.mkdtemp(dir=target.absolute().parent, prefix=f".{target.name}.old."))
    os.replace(target, aside / "old")
    try:
        os.replace(tmp, target)
    except BaseException:
        os.replace(aside / "old", target)
        shutil.rmtree(aside, ignore_errors=True)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically, replacing it (the build's outputs are meant to be replaced)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with staged(target, force=True) as tmp:
        tmp.write_bytes(data)
