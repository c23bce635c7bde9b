"""Write the package in other formats, each carrying its codebook.

- csv: a folder with datapackage.json and data/*.csv (the package as published);
- parquet: a folder with one typed file per table; dates are date32, every field carries its
  description and unit (a coded field also its codes' meanings, as JSON) in the schema metadata;
- sqlite: one file with primary and foreign keys, an index on every foreign key, a view
  ``figures_final`` (the figures to quote), and the codebook in tables ``_tables``, ``_fields`` and
  ``_values`` (what each code of a coded column means); Datasette's metadata is written beside it, named after the
  database (``akims.sqlite`` -> ``akims.metadata.json``, for ``datasette akims.sqlite -m akims.metadata.json``);
- xlsx: a workbook with a README sheet, a codebook sheet, a values sheet (what each code means) and one
  sheet per table (bold frozen header with filters, dates as dates, column widths fitted).

SQLite, Parquet and xlsx add the columns of ``schema.EXPORT_FIELDS`` (figures: ``count``, the value
as an integer where its unit counts things), so counts read back as integers.

Every export first loads every table (a package that does not load cleanly is refused, and the
message says why), then writes into a temporary file or folder beside the target and renames it into
place (``akim_elections.atomic``). An existing target is replaced only with ``force``, and only if it
is an earlier export (``akim_elections.outputs``): a folder export carries a manifest of its files.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import schema
from .atomic import staged
from .citation import apa
from .codebook import FIELD_COLUMNS, TABLE_COLUMNS, VALUE_COLUMNS, field_rows, foreign_keys, table_rows, value_rows
from .errors import DataPackageError, UsageError
from .extras import require
from .loader import descriptor, load, package_root, primary_key, tables
from .outputs import (SQLITE_APPLICATION_ID, XLSX_CREATOR, check_datasette_metadata, check_folder, check_not_around_us, check_sqlite,
                      check_xlsx, write_manifest)
from .quote import FINAL_SQL
from .sqlframe import sql_frame
from .verify import fingerprint

# NUMERIC, not REAL, for a decimal: SQLite then stores a whole value as an integer (figures.value: 627 winners, not 627.0).
_SQL_TYPES = {"integer": "INTEGER", "number": "NUMERIC", "boolean": "INTEGER"}
XLSX_DATE_FORMAT = "yyyy-mm-dd"
XLSX_MAX_WIDTH = 60


def _earlier_export_folder(path: Path) -> None:
    check_folder(path, "export")


@dataclass(frozen=True)
class Format:
    folder: bool                   # the output is a folder (else one file)
    ours: Callable[[Path], None]   # raises UsageError unless an existing target is an earlier export of this kind
    suffixes: tuple[str, ...] = ()  # file name endings accepted for a file output
    extra: str | None = None       # optional dependency group it needs
    typed: bool = True             # adds schema.EXPORT_FIELDS (the csv export is the package itself)


FORMATS = {
    "csv": Format(folder=True, ours=_earlier_export_folder, typed=False),
    "parquet": Format(folder=True, ours=_earlier_export_folder, extra="parquet"),
    "sqlite": Format(folder=False, ours=check_sqlite, suffixes=(".sqlite", ".sqlite3", ".db")),
    "xlsx": Format(folder=False, ours=check_xlsx, suffixes=(".xlsx",), extra="excel"),
}
# Names that say "file": a folder export given one of them is almost surely a mistake.
_FILE_SUFFIXES = {s for f in FORMATS.values() for s in f.suffixes} | {".csv", ".parquet", ".json", ".txt", ".xls"}


def export(fmt: str, out: str | Path, root: str | Path | None = None, force: bool = False) -> Path:
    """Export every table to ``out`` in format ``fmt``; returns the path written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    spec, out = FORMATS[fmt], Path(out)
    if spec.extra:
        require(spec.extra, f"export --format {fmt}")
    if spec.folder and out.suffix.lower() in _FILE_SUFFIXES:
        raise UsageError(f"{fmt} export writes a folder, and {out} looks like a file name; give a folder name such as {out.stem}-{fmt}")
    if spec.folder:
        check_not_around_us(out, package_root(root))
    desc = descriptor(root)
    writer = {"csv": _csv, "parquet": _parquet, "sqlite": _sqlite, "xlsx": _xlsx}[fmt]
    with staged(out, folder=spec.folder, force=force, suffixes=spec.suffixes, replaceable=spec.ours) as tmp:
        frames = load_all(root)
        if spec.typed:
            desc, frames = with_export_fields(desc, frames)
        writer(tmp, frames, desc, root, out, force)
        if spec.folder:
            write_manifest(tmp, "export")
    return out


def with_export_fields(desc: dict, frames: dict) -> tuple[dict, dict]:
    """The descriptor and tables with the columns of ``schema.EXPORT_FIELDS`` (a count as an integer) in place."""
    import copy

    desc = copy.deepcopy(desc)
    frames = dict(frames)
    for resource in desc["resources"]:
        for after, added in schema.EXPORT_FIELDS.get(resource["name"], {}).items():
            fields = resource["schema"]["fields"]
            at = next(i for i, f in enumerate(fields) if f["name"] == after) + 1
            fields[at:at] = copy.deepcopy(added)
            if resource["name"] not in frames:
                continue
            frame = frames[resource["name"]].copy()
            for offset, field in enumerate(added):
                frame.insert(frame.columns.get_loc(after) + 1 + offset, field["name"], _count(frame, resource["name"]))
            frames[resource["name"]] = frame
    return desc, frames


def _count(frame, table: str):
    """A figure's value as an Int64 where its unit counts things; a count that is not whole stops the export."""
    counted = frame["value_unit"].isin(schema.COUNT_UNITS) & frame["value"].notna()
    broken = frame[counted & (frame["value"] % 1 != 0)]
    if len(broken):
        row = broken.iloc[0]
        raise DataPackageError(f"not exported: {table} row {row.iloc[0]} counts {row['value_unit']} but its value {row['value']} is not "
                               "a whole number; correct the value or its unit")
    return frame["value"].where(counted).astype("Int64")


def load_all(root) -> dict:
    """Every table, loaded and type-checked; a table that does not load stops the export."""
    try:
        return {name: load(name, root) for name in tables(root)}
    except DataPackageError as exc:
        raise DataPackageError(f"not exported, the package does not load cleanly: {exc}") from exc


def _csv(tmp: Path, frames: dict, desc: dict, root, out: Path, force: bool) -> None:
    base = package_root(root)
    for resource in desc["resources"]:
        (tmp / resource["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(base / resource["path"], tmp / resource["path"])
    shutil.copyfile(base / "datapackage.json", tmp / "datapackage.json")


def _parquet(tmp: Path, frames: dict, desc: dict, root, out: Path, force: bool) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for resource in desc["resources"]:
        table = pa.Table.from_pandas(frames[resource["name"]], preserve_index=False)
        fields = []
        for arrow_field, field in zip(table.schema, resource["schema"]["fields"]):
            meta = {"description": field.get("description", "")}
            if field.get("unit"):
                meta["unit"] = field["unit"]
            if field.get("categories"):  # {code: meaning}, as JSON: Parquet metadata values are strings
                meta["categories"] = json.dumps({c["value"]: c["label"] for c in field["categories"]}, ensure_ascii=False)
            kind = pa.date32() if field.get("type") == "date" else arrow_field.type
            fields.append(pa.field(arrow_field.name, kind, nullable=arrow_field.nullable, metadata=meta))
        meta = dict(table.schema.metadata or {})
        meta.update({b"title": resource.get("title", "").encode(), b"description": resource.get("description", "").encode()})
        pq.write_table(table.cast(pa.schema(fields, metadata=meta)), tmp / f"{resource['name']}.parquet")


# --- SQLite ----------------------------------------------------------------------------------------
def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(names: list[str]) -> str:
    return ", ".join(_quote(n) for n in names)


def create_statements(desc: dict) -> list[str]:
    """CREATE TABLE statements with types, primary keys and foreign keys, and an index on every foreign key."""
    statements, indexes = [], []
    for resource in desc["resources"]:
        name = resource["name"]
        cols = []
        for field in resource["schema"]["fields"]:
            not_null = " NOT NULL" if field.get("constraints", {}).get("required") else ""
            cols.append(f'{_quote(field["name"])} {_SQL_TYPES.get(field.get("type"), "TEXT")}{not_null}')
        if primary_key(resource):
            cols.append(f"PRIMARY KEY ({_columns(primary_key(resource))})")
        for fields, ref, ref_fields in foreign_keys(resource):
            cols.append(f"FOREIGN KEY ({_columns(fields)}) REFERENCES {_quote(ref)} ({_columns(ref_fields)})")
            indexes.append(f"CREATE INDEX {_quote('ix_' + name + '_' + '_'.join(fields))} ON {_quote(name)} ({_columns(fields)})")
        statements.append(f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(cols) + "\n)")
    return statements + indexes


def _insert(con, name: str, columns: list[str], rows: list[tuple]) -> None:
    marks = ", ".join("?" for _ in columns)
    con.executemany(f"INSERT INTO {_quote(name)} ({_columns(columns)}) VALUES ({marks})", rows)


# The figures to quote (akim_elections.quote: final, of the election as a whole), one figure per
# thing measured. The view and the canned queries read it.
FINAL_VIEW = "figures_final"
# Every breakdown but the party's empty (the canned queries break down by party or not at all).
NO_BREAKDOWN = " AND ".join(f"{c} IS NULL" for c in schema.BREAKDOWNS if c != "party_id")

# Datasette canned queries: each asks for the election, so no answer mixes two votes; left empty, it is the main vote.
ELECTION = f"COALESCE(NULLIF(:election, ''), '{schema.MAIN_ELECTION}')"
CANNED_QUERIES = {
    "winners_by_party": {
        "title": "Winners by nominating party, nationally",
        "sql": f"SELECT party_id, value AS winners FROM {FINAL_VIEW} WHERE election_id = {ELECTION} AND scope = 'national' "
               f"AND measure = 'winners' AND party_id IS NOT NULL AND {NO_BREAKDOWN} ORDER BY value DESC"},
    "turnout_by_oblast": {
        "title": "Final turnout by oblast",
        "sql": f"SELECT region_id, value AS turnout_pct FROM {FINAL_VIEW} WHERE election_id = {ELECTION} AND scope = 'region' "
               f"AND measure = 'turnout_pct' AND party_id IS NULL AND {NO_BREAKDOWN} ORDER BY region_id"},
    "named_winners": {
        "title": "Contests with a named winner",
        "sql": "SELECT region_id, contest_id, winner_name, winner_party_id FROM contests "
               f"WHERE election_id = {ELECTION} AND winner_name IS NOT NULL ORDER BY region_id, contest_id"},
}


def datasette_metadata_path(database: Path) -> Path:
    """Where the Datasette metadata of ``database`` goes: beside it, named after it (akims.sqlite -> akims.metadata.json)."""
    return database.absolute().parent / f"{database.stem}.metadata.json"


def _sqlite(tmp: Path, frames: dict, desc: dict, root, out: Path, force: bool) -> None:
    # Datasette reads table and column descriptions from a metadata file (datasette DB -m FILE).
    meta_path = datasette_metadata_path(out)
    with staged(meta_path, force=force, replaceable=lambda p: check_datasette_metadata(p, out.stem)) as tmp_meta:
        con = sqlite3.connect(tmp)
        try:
            con.execute(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")  # marks the file as an export (outputs.check_sqlite)
            for statement in create_statements(desc):
                con.execute(statement)
            for name, frame in frames.items():
                frame = sql_frame(frame)
                frame = frame.astype(object).where(frame.notna(), None)  # Python values, missing as NULL
                _insert(con, name, list(frame.columns), list(frame.itertuples(index=False, name=None)))
            con.execute(f"CREATE TABLE _tables ({_columns(TABLE_COLUMNS)}, rows INTEGER)")
            _insert(con, "_tables", [*TABLE_COLUMNS, "rows"], [(*r.values(), len(frames[r["table"]])) for r in table_rows(desc)])
            con.execute(f"CREATE TABLE _fields ({_columns(FIELD_COLUMNS)})")
            _insert(con, "_fields", list(FIELD_COLUMNS), [tuple(r.values()) for r in field_rows(desc)])
            con.execute(f"CREATE TABLE _values ({_columns(VALUE_COLUMNS)}, PRIMARY KEY ({_columns(VALUE_COLUMNS[:3])}))")
            _insert(con, "_values", list(VALUE_COLUMNS), [tuple(r.values()) for r in value_rows(desc)])
            con.execute(f"CREATE VIEW {FINAL_VIEW} AS SELECT * FROM figures WHERE {FINAL_SQL}")
            con.commit()
            broken = con.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DataPackageError(f"not exported: {len(broken)} rows break a foreign key, e.g. {broken[0]}; "
                                       "run akim-elections validate")
        finally:
            con.close()
        tmp_meta.write_text(json.dumps(datasette_metadata(desc, out.stem), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def datasette_metadata(desc: dict, database: str) -> dict:
    """Datasette's metadata.json: package title, licence and source; table and column descriptions."""
    licence = (desc.get("licenses") or [{}])[0]
    meta = {"title": desc.get("title", ""), "description": desc.get("description", ""),
            "license": licence.get("title") or licence.get("name", ""), "license_url": licence.get("path", ""),
            "source": f"{desc.get('title', '')} {desc.get('version', '')}, data fingerprint {fingerprint(desc)}".strip()}
    if desc.get("homepage"):
        meta["source_url"] = desc["homepage"]
    coded = {(r["table"], r["field"]) for r in value_rows(desc)}
    fields_by_table: dict[str, dict] = {}
    for row in field_rows(desc):
        unit = f" Unit: {row['unit']}." if row["unit"] else ""
        codes = " The meaning of each code: table _values." if (row["table"], row["field"]) in coded else ""
        fields_by_table.setdefault(row["table"], {})[row["field"]] = row["description"] + unit + codes
    meta["databases"] = {database: {"tables": {
        r["table"]: {"title": r["title"], "description": r["description"], "columns": fields_by_table[r["table"]]}
        for r in table_rows(desc)}, "queries": CANNED_QUERIES}}
    return {k: v for k, v in meta.items() if v != ""}


# --- Excel -----------------------------------------------------------------------------------------
def _xlsx(tmp: Path, frames: dict, desc: dict, root, out: Path, force: bool) -> None:
    import pandas as pd

    readme = pd.DataFrame({"akim-elections": [
        desc.get("title", ""), f"Version {desc.get('version', '')}", desc.get("description", ""), "",
        "Licence of the data: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Keep the sources sheet with any copy.",
        f"Cite as: {apa(fingerprint(desc))}", "",
        "Sheets: codebook (what every column means), values (what each code of a coded column means), " + ", ".join(frames),
    ]})
    sheets = {"README": readme, "codebook": pd.DataFrame(field_rows(desc), columns=list(FIELD_COLUMNS)),
              "values": pd.DataFrame(value_rows(desc), columns=list(VALUE_COLUMNS)), **frames}
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        writer.book.properties.creator = XLSX_CREATOR  # marks the file as an export (outputs.check_xlsx)
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            _format_sheet(writer.sheets[name[:31]], frame)


def _format_sheet(ws, frame) -> None:
    """Bold, frozen header with filters, dates shown as dates, each column as wide as its longest value (capped)."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for i, column in enumerate(frame.columns, start=1):
        values = frame[column].dropna().astype(str)
        longest = max([len(str(column)), *(values.str.len().tolist() or [0])])
        if frame[column].dtype.kind == "M":  # a date column: no time of day in the cells' format
            longest = max(len(str(column)), len("2021-07-25"))
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = XLSX_DATE_FORMAT
        ws.column_dimensions[get_column_letter(i)].width = min(longest + 2, XLSX_MAX_WIDTH)
