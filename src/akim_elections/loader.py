"""Find the data package and load its tables with the dtypes its descriptor declares."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# Installed wheel: data under the package. Source checkout: the repository root.
_CANDIDATE_ROOTS = (_HERE / "_data", _HERE.parents[1])


class DataPackageError(Exception):
    """The data package is missing, incomplete or does not match its descriptor."""


def default_root() -> Path:
    for root in _CANDIDATE_ROOTS:
        if (root / "datapackage.json").is_file():
            return root
    raise DataPackageError("no datapackage.json found next to akim_elections; reinstall the package "
                           "or run python scripts/build.py in a source checkout")


@lru_cache(maxsize=8)
def _descriptor(root: Path) -> dict:
    path = root / "datapackage.json"
    if not path.is_file():
        raise DataPackageError(f"{path} does not exist; point root= at a folder holding datapackage.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataPackageError(f"{path} is not valid UTF-8 JSON ({exc}); rebuild it with python scripts/build.py") from exc


def descriptor(root: str | Path | None = None) -> dict:
    """The package descriptor (datapackage.json) as a dict."""
    return _descriptor(Path(root).resolve() if root else default_root())


def tables(root: str | Path | None = None) -> list[str]:
    """Names of the tables, in descriptor order."""
    return [r["name"] for r in descriptor(root)["resources"]]


def _resource(name: str, root: str | Path | None) -> dict:
    resources = {r["name"]: r for r in descriptor(root)["resources"]}
    if name not in resources:
        raise ValueError(f"unknown table {name!r}; valid tables: {', '.join(resources)}")
    return resources[name]


def path(name: str, root: str | Path | None = None) -> Path:
    """Path of a table's CSV file."""
    base = Path(root).resolve() if root else default_root()
    return base / _resource(name, root)["path"]


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


def load(name: str, root: str | Path | None = None):
    """Load table ``name`` as a pandas DataFrame typed from its schema.

    Counts are nullable integers (Int64), shares floats, enumerations categoricals, dates
    datetime64, ids and text strings. ``root`` loads another copy of the package (a folder
    holding datapackage.json); by default the copy installed with this module.
    """
    import pandas as pd

    resource = _resource(name, root)
    csv_path = path(name, root)
    if not csv_path.is_file():
        raise DataPackageError(f"{csv_path} is missing; restore it or rebuild with python scripts/build.py")
    fields = resource["schema"]["fields"]
    types, dates = dtypes(fields)
    expected = [f["name"] for f in fields]
    header = pd.read_csv(csv_path, nrows=0, encoding="utf-8").columns.tolist()
    if header != expected:
        raise DataPackageError(f"{csv_path.name}: columns {header} differ from the schema's {expected}; "
                               "fix the header or rebuild the descriptor")
    # Enumerations are read as text and checked first: pandas would silently turn an unknown
    # category into a missing value.
    categories = {k: v for k, v in types.items() if isinstance(v, pd.CategoricalDtype)}
    read_types = {k: ("string" if k in categories else v) for k, v in types.items()}
    try:
        frame = pd.read_csv(csv_path, dtype=read_types, keep_default_na=False, na_values=[""], encoding="utf-8",
                            true_values=["true"], false_values=["false"])
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise DataPackageError(f"{csv_path.name}: a value does not fit its declared type ({str(exc).splitlines()[0]}); "
                               "run akim-elections validate to find the row") from exc
    for column, dtype in categories.items():
        values = frame[column]
        unknown = values[values.notna() & ~values.isin(list(dtype.categories))]
        if len(unknown):
            raise DataPackageError(f"{csv_path.name}: {column} has {unknown.iloc[0]!r}, not one of {list(dtype.categories)}; "
                                   "correct the value or add it to the vocabulary in schema.py")
        frame[column] = values.astype(dtype)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame
