"""Exports carry their codebook, appear whole or not at all, and replace nothing without --force."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tomllib

import pandas as pd
import pytest

import akim_elections as ae
from akim_elections import atomic, export as export_module
from akim_elections.export import FINAL_VIEW, export
from akim_elections.extras import EXTRAS
from akim_elections.schema import MAIN_ELECTION
from conftest import EXPORTS, ROOT


def fields_of(table: str) -> list[dict]:
    return next(r for r in ae.descriptor()["resources"] if r["name"] == table)["schema"]["fields"]


def test_xlsx_has_a_codebook_bold_frozen_filtered_headers_and_dates_as_dates(exported):
    import openpyxl

    wb = openpyxl.load_workbook(exported / "akims.xlsx")
    assert wb.sheetnames[:2] == ["README", "codebook"] and set(ae.tables()) <= set(wb.sheetnames)
    codebook = list(wb["codebook"].iter_rows(values_only=True))
    assert codebook[0] == ("table", "field", "type", "unit", "required", "description", "allowed_values")
    rows = {(r[0], r[1]): r for r in codebook[1:]}
    assert len(rows) == sum(len(fields_of(t)) for t in ae.tables())
    assert rows[("contests", "winner_votes")][3] == "votes"
    assert "nur-otan" not in rows[("figures", "measure")][6] and "winners" in rows[("figures", "measure")][6]
    ws = wb["elections"]
    assert ws["A1"].font.b and ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions
    date_col = [c.value for c in ws[1]].index("date_earliest") + 1
    cell = ws.cell(row=2, column=date_col)
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert 10 <= ws.column_dimensions["A"].width <= export_module.XLSX_MAX_WIDTH


def test_sqlite_has_the_codebook_tables_and_an_index_on_every_foreign_key(exported):
    con = sqlite3.connect(exported / "akims.sqlite")
    tables = dict(con.execute("SELECT \"table\", description FROM _tables").fetchall())
    assert set(tables) == set(ae.tables()) and tables["contests"].startswith("One row per contest")
    unit, desc = con.execute("SELECT unit, description FROM _fields WHERE \"table\"='contests' AND field='winner_votes'").fetchone()
    assert unit == "votes" and desc.startswith("Votes for the winner. Where the contest has a candidate marked elected")
    for resource in ae.descriptor()["resources"]:
        indexed = {con.execute(f"PRAGMA index_info('{i[1]}')").fetchall()[0][2]
                   for i in con.execute(f"PRAGMA index_list('{resource['name']}')").fetchall()}
        for fk in resource["schema"].get("foreignKeys", []):
            assert fk["fields"] in indexed, (resource["name"], fk["fields"])
    assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == len(ae.load("figures"))


def test_datasette_metadata_beside_the_database_describes_tables_and_columns(exported):
    meta = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    assert meta["title"] == ae.descriptor()["title"] and meta["license_url"].startswith("https://creativecommons.org/")
    tables = meta["databases"]["akims"]["tables"]
    assert set(tables) == set(ae.tables())
    column = tables["contests"]["columns"]["winner_votes"]
    assert column.startswith("Votes for the winner. Where the contest has a candidate marked elected") and column.endswith(" Unit: votes.")


def test_parquet_fields_carry_description_and_unit_and_dates_are_date32(exported):
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(exported / "parquet" / "elections.parquet")
    assert schema.field("date_earliest").type == pa.date32()
    assert schema.field("date_earliest").metadata[b"description"].startswith(b"First day the election can have been held")
    contests = pq.read_schema(exported / "parquet" / "contests.parquet")
    assert contests.field("winner_votes").metadata[b"unit"] == b"votes"
    assert contests.metadata[b"description"].startswith(b"One row per contest")
    assert len(pq.read_table(exported / "parquet" / "figures.parquet")) == len(ae.load("figures"))


def test_csv_export_is_the_package_and_validates_its_own_structure(exported):
    assert (exported / "csv" / "datapackage.json").read_bytes() == (ROOT / "datapackage.json").read_bytes()
    for name in ae.tables():
        assert (exported / "csv" / "data" / f"{name}.csv").read_bytes() == ae.path(name).read_bytes()


def test_an_existing_output_is_replaced_only_with_force(tmp_path):
    out = tmp_path / "akims.sqlite"
    out.write_bytes(b"old")
    (tmp_path / "metadata.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ae.UsageError, match="already exists"):
        export("sqlite", out)
    assert out.read_bytes() == b"old"
    export("sqlite", out, force=True)
    assert sqlite3.connect(out).execute("SELECT count(*) FROM _tables").fetchone()[0] == len(ae.tables())
    folder = tmp_path / "csv"
    export("csv", folder)
    (folder / "stale.txt").write_text("from an older export", encoding="utf-8")
    export("csv", folder, force=True)
    assert not (folder / "stale.txt").exists() and (folder / "datapackage.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["akims.sqlite", "csv", "metadata.json"]  # no temporary left


def test_a_failure_while_writing_leaves_nothing_and_keeps_the_old_output(tmp_path, monkeypatch):
    folder = tmp_path / "csv"
    export("csv", folder)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module.shutil, "copyfile", broken)
    with pytest.raises(OSError):
        export("csv", folder, force=True)
    with pytest.raises(OSError):
        export("csv", tmp_path / "new")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv"]


def test_outputs_get_the_usual_permissions(tmp_path):
    export("sqlite", tmp_path / "a.sqlite")
    mode = (tmp_path / "a.sqlite").stat().st_mode & 0o777
    assert mode == 0o666 & ~atomic._umask()


def test_the_extras_named_in_messages_are_those_of_pyproject():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for extra, modules in EXTRAS.items():
        distributions = {d.split(">")[0].split("<")[0].split("=")[0].replace("-", "_") for d in extras[extra]}
        assert set(modules) == distributions, extra


def test_a_bare_install_gets_one_line_naming_the_extra(tmp_path):
    """As after pip install akim-elections without extras: pyarrow cannot be imported."""
    code = ("import sys; sys.modules['pyarrow'] = None; from akim_elections.cli import main; "
            f"raise SystemExit(main(['export', '--format', 'parquet', '--out', {str(tmp_path / 'pq')!r}]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.strip() == ("akim-elections: export --format parquet needs the [parquet] extra (pyarrow is not installed): "
                                  "pip install 'akim-elections[parquet]'")
    assert list(tmp_path.iterdir()) == []


def test_the_sqlite_export_has_a_view_of_the_final_figures(tmp_path):
    out = export("sqlite", tmp_path / "akims.sqlite")
    con = sqlite3.connect(out)
    try:
        rows = con.execute(f"SELECT party_id, value FROM {FINAL_VIEW} WHERE election_id = ? AND scope = 'national' "
                           "AND measure = 'winners' AND party_id IS NOT NULL AND member_of IS NULL", (MAIN_ELECTION,)).fetchall()
    finally:
        con.close()
    assert len(rows) == len({p for p, _ in rows}) and dict(rows)["nur-otan"] == 627


def _same_values(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Compare cell by cell as text, so a type the format cannot hold does not hide a lost value."""
    def norm(frame):
        return frame.astype(object).where(frame.notna(), None).map(
            lambda v: None if v is None else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else
                                              str(bool(v)).lower() if isinstance(v, bool) else
                                              (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))))
    assert list(a.columns) == list(b.columns)
    pd.testing.assert_frame_equal(norm(a).reset_index(drop=True), norm(b).reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("name", ae.tables())
def test_parquet_export_keeps_values_and_types(exported, name):
    back = pd.read_parquet((exported / EXPORTS["parquet"]) / f"{name}.parquet")
    original = ae.load(name)
    for column in original.select_dtypes("datetime").columns:  # date32 reads back as datetime.date
        back[column] = pd.to_datetime(back[column]).astype(original[column].dtype)
    pd.testing.assert_frame_equal(back, original, check_dtype=False)
    for column in original.columns:
        if isinstance(original[column].dtype, pd.CategoricalDtype):
            assert isinstance(back[column].dtype, pd.CategoricalDtype), column


@pytest.mark.parametrize("name", ae.tables())
def test_sqlite_export_reads_back(exported, name):
    con = sqlite3.connect((exported / EXPORTS["sqlite"]))
    back = pd.read_sql(f'SELECT * FROM "{name}"', con)
    original = ae.load(name)
    for column, dtype in original.dtypes.items():
        if str(dtype) == "boolean":
            back[column] = back[column].map({1: True, 0: False})
    _same_values(back, original)
    con.close()


def test_sqlite_export_declares_keys(exported):
    con = sqlite3.connect((exported / EXPORTS["sqlite"]))
    fks = con.execute("PRAGMA foreign_key_list(figures)").fetchall()
    assert {fk[2] for fk in fks} >= {"elections", "regions", "parties", "sources", "contests"}
    assert any(col[5] for col in con.execute("PRAGMA table_info(figures)"))  # a primary key column
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("name", ae.tables())
def test_excel_export_reads_back(exported, name):
    back = pd.read_excel((exported / EXPORTS["xlsx"]), sheet_name=name[:31], dtype=object)
    _same_values(back, ae.load(name))


def test_excel_export_has_a_readme_sheet(exported):
    readme = pd.read_excel((exported / EXPORTS["xlsx"]), sheet_name="README")
    text = " ".join(str(v) for v in readme.iloc[:, 0].dropna())
    assert "CC BY 4.0" in text and ae.__version__ in text
