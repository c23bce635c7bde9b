"""Find the data package and load its tables with the dtypes its descriptor declares."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import DataPackageError, PackageNotFoundError, UsageError

_HERE = Path(__file__).resolve().parent
# Installed wheel: data under the package. Source checkout: the repository root.
_CANDIDATE_ROOTS = (_HERE / "_data", _HERE.parents[1])


def default_root() -> Path:
    for root in _CANDIDATE_ROOTS:
        if (root / "datapackage.json").is_file():
            return root
    raise PackageNotFoundError("no datapackage.json found next to akim_elections; reinstall the package "
                               "or run python scripts/build.py in a source checkout")


def repair(root: Path) -> str:
    """How to repair the package at ``root``, fitting how it got there: an installed copy, a clone, another copy."""
    if (root / "scripts" / "build.py").is_file():  # a clone or an unpacked sdist: the build remakes derived files
        return "restore it (git checkout): edit curated/, never data/, then rebuild with python scripts/build.py"
    if root == _HERE / "_data":
        return "reinstall the package: pip install --force-reinstall akim-elections"
    return "restore it from where this copy came from, or pass --root to an intact copy"


def package_root(root: str | Path | None = None) -> Path:
    """The folder holding datapackage.json: ``root`` (checked) or the installed copy."""
    if root is None:
        return default_root()
    folder = Path(root).resolve()
    if folder.is_file():
        raise PackageNotFoundError(f"{root} is a file; pass the folder that holds datapackage.json ({folder.parent})")
    if not folder.is_dir():
        raise PackageNotFoundError(f"folder {root} does not exist; pass a folder holding datapackage.json")
    if not (folder / "datapackage.json").is_file():
        raise PackageNotFoundError(f"{root} holds no datapackage.json; pass the folder that contains it")
    return folder


def descriptor(root: str | Path | None = None) -> dict:
    """The package descriptor (datapackage.json) as a dict, checked to have what the loader relies on."""
    path = package_root(root) / "datapackage.json"
    stat = path.stat()
    return _descriptor(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _descriptor(path: Path, mtime_ns: int, size: int) -> dict:
    """Read once per version of the file (mtime and size are in the cache key, so an edit is seen)."""
    try:
        desc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataPackageError(f"{path} is not valid UTF-8 JSON ({exc}); {repair(path.parent)}") from exc
    check_descriptor(desc, path)
    return desc


def check_descriptor(desc, path: Path) -> None:
    """Raise DataPackageError unless ``desc`` has resources with a name, a path and a schema of named, typed fields."""
    fix = repair(path.parent)
    if not isinstance(desc, dict):
        raise DataPackageError(f"{path} is not a JSON object; {fix}")
    resources = desc.get("resources")
    if not isinstance(resources, list) or not resources:
        raise DataPackageError(f"{path} lists no resources (tables); {fix}")
    seen = set()
    for i, resource in enumerate(resources):
        name = resource.get("name") if isinstance(resource, dict) else None
        if not isinstance(name, str) or not name:
            raise DataPackageError(f"{path}: resource {i + 1} has no name; {fix}")
        if name in seen:
            raise DataPackageError(f"{path}: two resources are named {name!r}; {fix}")
        seen.add(name)
        if not isinstance(resource.get("path"), str):
            raise DataPackageError(f"{path}: resource {name!r} has no path; {fix}")
        schema = resource.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not fields:
            raise DataPackageError(f"{path}: resource {name!r} has no schema fields; {fix}")
        names = [f.get("name") if isinstance(f, dict) else None for f in fields]
        if any(not isinstance(n, str) or not isinstance(f.get("type", "string"), str) for n, f in zip(names, fields)):
            raise DataPackageError(f"{path}: resource {name!r} has a field without a name or with a bad type; {fix}")
        missing = [k for k in primary_key(resource) if k not in names]
        if missing:
            raise DataPackageError(f"{path}: resource {name!r} has primary key {missing} that is not one of its fields; {fix}")


def primary_key(resource: dict) -> list[str]:
    """The resource's primary key as a list (Table Schema allows a single name too)."""
    key = resource["schema"].get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def tables(root: str | Path | None = None) -> list[str]:
    """Names of the tables, in descriptor order."""
    return [r["name"] for r in descriptor(root)["resources"]]


def _resource(name: str, root: str | Path | None) -> dict:
    resources = {r["name"]: r for r in descriptor(root)["resources"]}
    if name not in resources:
        nearest = did_you_mean(Path(name).stem, list(resources))
        hint = f"did you mean {nearest!r}? " if nearest else ""
        raise UsageError(f"unknown table {name!r}; {hint}valid tables: {', '.join(resources)}")
    return resources[name]


def did_you_mean(word: str, choices: list[str]) -> str | None:
    """The choice ``word`` most likely misspells (case aside), or None."""
    import difflib

    lowered = {c.lower(): c for c in choices}
    nearest = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[nearest[0]] if nearest else None


def path(name: str, root: str | Path | None = None) -> Path:
    """Path of a table's CSV file."""
    return package_root(root) / _resource(name, root)["path"]


def dtypes(fields: list[dict]) -> tuple[dict, list[str]]:
    """pandas dtypes for a Table Schema's fields, plus the date columns (read as text, parsed after)."""
    import pandas as pd

    out, dates = {}, []
    for field in fields:
        name, ftype = field["name"], field["type"]
        enum = field.get("constraints", {}).get("enum")
        if enum:
            out[name] = pd.CategoricalDtype(enum)
        elif ftype == "integer":
            out[name] = "Int64"
        elif ftype == "number":
            out[name] = "float64"
        elif ftype == "boolean":
            out[name] = "boolean"  # read_csv maps true/false with true_values/false_values
        elif ftype == "date":
            out[name] = "string"
            dates.append(name)
        else:
            out[name] = "string"
    return out, dates


def load(name: str, root: str | Path | None = None, verify: bool = True):
    """Load table ``name`` as a pandas DataFrame typed from its schema.

    Counts are nullable integers (Int64), shares floats, enumerations categoricals, dates
    datetime64, ids and text strings. ``root`` loads another copy of the package (a folder
    holding datapackage.json); by default the copy installed with this module.
    A file whose size or sha256 is not the one datapackage.json records is refused (a truncated or
    edited copy would otherwise load quietly); ``verify=False`` reads it anyway, for the validator.
    """
    csv_path, base = path(name, root), package_root(root)
    if not csv_path.is_file():
        raise DataPackageError(f"{csv_path} is missing; {repair(base)}")
    # As the descriptor is (_descriptor): a table loaded before, from a file and descriptor unchanged since (same size and
    # time), is not read again, so a script that asks ae.figure() a hundred questions parses figures.csv once.
    table, desc = csv_path.stat(), (base / "datapackage.json").stat()
    return _load(name, base, table.st_size, table.st_mtime_ns, desc.st_size, desc.st_mtime_ns, verify).copy()  # a copy each


@lru_cache(maxsize=40)
def _load(name: str, base: Path, size: int, mtime_ns: int, desc_size: int, desc_mtime_ns: int, verify: bool):
    """The table parsed and checked, once per version of its file and of the descriptor (they are in the cache key)."""
    from .verify import mismatch

    resource = _resource(name, base)
    csv_path = path(name, base)
    data = csv_path.read_bytes()
    problem = mismatch(resource, data) if verify else None
    try:
        frame = _parse(data, csv_path.name, resource["schema"]["fields"], base)
    except DataPackageError as exc:
        if problem:  # the damage explains the parse error: say both
            raise DataPackageError(f"table {name}: {resource['path']} has {problem} ({exc}); {repair(base)}") from exc
        raise
    if problem:
        raise DataPackageError(f"table {name}: {resource['path']} has {problem}; {repair(base)}")
    return frame


def _parse(data: bytes, file_name: str, fields: list[dict], base: Path):
    """The CSV bytes as a frame typed by ``fields``; DataPackageError names the first value that does not fit."""
    import io

    import pandas as pd

    types, dates = dtypes(fields)
    expected = [f["name"] for f in fields]
    header = _header(data, file_name, base)
    if header != expected:
        raise DataPackageError(f"{file_name}: columns {header} differ from the schema's {expected}; "
                               "fix the header or rebuild the descriptor")
    # Enumerations are read as categories of whatever values the file holds, then checked: read straight into the
    # vocabulary, pandas would silently turn an unknown value into a missing one.
    categories = {k: v for k, v in types.items() if isinstance(v, pd.CategoricalDtype)}
    read_types = {k: ("category" if k in categories else v) for k, v in types.items()}
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=read_types, keep_default_na=False, na_values=[""], encoding="utf-8",
                            true_values=["true"], false_values=["false"])
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise DataPackageError(f"{file_name}: a value does not fit its declared type ({str(exc).splitlines()[0]}); "
                               "run akim-elections validate to find the row") from exc
    for column, dtype in categories.items():
        values = frame[column]
        unknown = set(values.cat.categories) - set(dtype.categories)
        if unknown:
            first = values[values.isin(unknown)].iloc[0]
            raise DataPackageError(f"{file_name}: {column} has {first!r}, not one of {list(dtype.categories)}; "
                                   "correct the value or add it to the vocabulary in schema.py")
        frame[column] = values.cat.set_categories(dtype.categories)
    for column in dates:
        try:
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
        except ValueError as exc:
            raise DataPackageError(f"{file_name}: {column} has a value that is not a YYYY-MM-DD date "
                                   f"({str(exc).splitlines()[0]}); correct it") from exc
    return frame


def _header(data: bytes, file_name: str, base: Path) -> list[str]:
    """The column names in the CSV's first record, read as pandas reads them (a byte-order mark and blank lines before
    it skipped), without a second pass of pandas over the file."""
    import csv
    import io

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataPackageError(f"{file_name} is not UTF-8 (byte {exc.start}); {repair(base)}") from exc
    header = next(csv.reader(io.StringIO(text.lstrip("\r\n"))), None)
    if not header:
        raise DataPackageError(f"{file_name}: no readable header (the file is empty); {repair(base)}")
    return header
