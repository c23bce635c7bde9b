"""Write the package in other formats: CSV folder, typed Parquet, SQLite with keys, Excel workbook."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from .citation import apa
from .loader import descriptor, load, path, tables

FORMATS = ("csv", "parquet", "sqlite", "xlsx")
_SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def export(fmt: str, out: str | Path, root: str | Path | None = None) -> Path:
    """Export every table to ``out`` in format ``fmt``; returns the path written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    out = Path(out)
    return {"csv": _csv, "parquet": _parquet, "sqlite": _sqlite, "xlsx": _xlsx}[fmt](out, root)


def _csv(out: Path, root) -> Path:
    (out / "data").mkdir(parents=True, exist_ok=True)
    for name in tables(root):
        shutil.copyfile(path(name, root), out / "data" / f"{name}.csv")
    base = path(tables(root)[0], root).parents[1]
    shutil.copyfile(base / "datapackage.json", out / "datapackage.json")
    return out


def _parquet(out: Path, root) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for name in tables(root):
        load(name, root).to_parquet(out / f"{name}.parquet", index=False)
    return out


def create_statements(desc: dict) -> list[str]:
    """CREATE TABLE statements with types, primary keys and foreign keys from the descriptor."""
    statements = []
    for resource in desc["resources"]:
        schema = resource["schema"]
        cols = []
        for field in schema["fields"]:
            not_null = " NOT NULL" if field.get("constraints", {}).get("required") else ""
            cols.append(f'"{field["name"]}" {_SQL_TYPES.get(field["type"], "TEXT")}{not_null}')
        cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in schema["primaryKey"]) + ")")
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            cols.append(f'FOREIGN KEY ("{fk["fields"]}") REFERENCES "{ref["resource"]}" ("{ref["fields"]}")')
        statements.append(f'CREATE TABLE "{resource["name"]}" (\n  ' + ",\n  ".join(cols) + "\n)")
    return statements


def sql_frame(frame):
    """The frame with types SQLite can hold: categories as text, booleans as 0/1, dates as ISO text.

    Shared by the SQLite export and by ``akim_elections.validate``, which checks an in-memory copy.
    """
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        dtype = out[column].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            out[column] = out[column].astype("object")
        elif str(dtype) == "boolean":
            out[column] = out[column].astype("Int64")
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def _sqlite(out: Path, root) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    desc = descriptor(root)
    con = sqlite3.connect(tmp)
    try:
        for statement in create_statements(desc):
            con.execute(statement)
        for name in tables(root):
            frame = sql_frame(load(name, root))
            frame = frame.astype(object).where(frame.notna(), None)  # Python values, missing as NULL
            marks = ", ".join("?" for _ in frame.columns)
            rows = list(frame.itertuples(index=False, name=None))
            con.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
        con.commit()
        broken = con.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"sqlite export: {len(broken)} rows break a foreign key, e.g. {broken[0]}; run akim-elections validate")
    finally:
        con.close()
    tmp.replace(out)
    return out


def _xlsx(out: Path, root) -> Path:
    import pandas as pd

    out.parent.mkdir(parents=True, exist_ok=True)
    desc = descriptor(root)
    readme = pd.DataFrame({"akim-elections": [
        desc["title"], f"Version {desc['version']}", desc["description"], "",
        "Licence of the data: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Keep the sources sheet with any copy.",
        f"Cite as: {apa()}", "",
        "Sheets: " + ", ".join(tables(root)), "What every column means: see the codebook in the documentation.",
    ]})
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        readme.to_excel(writer, sheet_name="README", index=False)
        for name in tables(root):
            load(name, root).to_excel(writer, sheet_name=name[:31], index=False)
    return out
