"""Exports carry their codebook, type counts as integers, appear whole or not at all, and replace only their own earlier output."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tomllib

import pytest

import akim_elections as ae
from akim_elections import atomic, export as export_module, schema
from akim_elections.cli import main
from akim_elections.export import FINAL_VIEW, export
from akim_elections.extras import EXTRAS
from akim_elections.outputs import MANIFEST
from akim_elections.schema import CONTEST_STATUSES, MAIN_ELECTION
from conftest import ROOT


def fields_of(table: str) -> list[dict]:
    """The table's fields as the typed exports (SQLite, Parquet, xlsx) carry them."""
    fields = next(r for r in ae.descriptor()["resources"] if r["name"] == table)["schema"]["fields"]
    return [g for f in fields for g in [f, *schema.EXPORT_FIELDS.get(table, {}).get(f["name"], [])]]


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
    values = list(wb["values"].iter_rows(values_only=True))
    assert wb.sheetnames[2] == "values" and values[0] == ("table", "field", "value", "meaning")
    assert ("figures", "measure", "akims_elected_pct", schema.VOCABULARIES["measure"]["akims_elected_pct"]) in values
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
    assert unit == "votes" and desc.startswith("Votes for the winner. Copied by scripts/build.py from the contest's candidate marked elected")
    for resource in ae.descriptor()["resources"]:
        indexed = {con.execute(f"PRAGMA index_info('{i[1]}')").fetchall()[0][2]
                   for i in con.execute(f"PRAGMA index_list('{resource['name']}')").fetchall()}
        for fk in resource["schema"].get("foreignKeys", []):
            assert fk["fields"] in indexed, (resource["name"], fk["fields"])
    assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == len(ae.load("figures"))


def test_sqlite_values_say_what_each_code_means(exported):
    con = sqlite3.connect(exported / "akims.sqlite")
    meaning = con.execute("SELECT meaning FROM _values WHERE \"table\"='figures' AND field='measure' AND value='voters_pct_of_oblasts'").fetchone()[0]
    assert meaning == schema.VOCABULARIES["measure"]["voters_pct_of_oblasts"] and meaning.endswith("Unit: percent.")
    coded = {(r["name"], f["name"]): f["constraints"]["enum"] for r in ae.descriptor()["resources"] for f in r["schema"]["fields"]
             if f.get("constraints", {}).get("enum")}
    for (table, field), codes in coded.items():
        rows = con.execute("SELECT value, meaning FROM _values WHERE \"table\"=? AND field=?", (table, field)).fetchall()
        assert sorted(v for v, _m in rows) == sorted(codes) and all(m for _v, m in rows), (table, field)
    assert con.execute("SELECT count(*) FROM _values").fetchone()[0] == sum(len(c) for c in coded.values())


def test_datasette_metadata_beside_the_database_describes_tables_and_columns(exported):
    meta = json.loads((exported / "akims.metadata.json").read_text(encoding="utf-8"))
    assert meta["title"] == ae.descriptor()["title"] and meta["license_url"].startswith("https://creativecommons.org/")
    tables = meta["databases"]["akims"]["tables"]
    assert set(tables) == set(ae.tables())
    column = tables["contests"]["columns"]["winner_votes"]
    assert column.startswith("Votes for the winner. Copied by scripts/build.py from the contest's candidate marked elected") and column.endswith(" Unit: votes.")
    assert tables["figures"]["columns"]["measure"].endswith(" The meaning of each code: table _values.")
    assert "_values" not in column


def test_parquet_fields_carry_description_and_unit_and_dates_are_date32(exported):
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(exported / "parquet" / "elections.parquet")
    assert schema.field("date_earliest").type == pa.date32()
    assert schema.field("date_earliest").metadata[b"description"].startswith(b"First day the election can have been held")
    contests = pq.read_schema(exported / "parquet" / "contests.parquet")
    assert contests.field("winner_votes").metadata[b"unit"] == b"votes"
    assert json.loads(contests.field("status").metadata[b"categories"]) == CONTEST_STATUSES
    assert contests.metadata[b"description"].startswith(b"One row per contest")
    assert len(pq.read_table(exported / "parquet" / "figures.parquet")) == len(ae.load("figures"))


def test_csv_export_is_the_package_and_validates_its_own_structure(exported):
    assert (exported / "csv" / "datapackage.json").read_bytes() == (ROOT / "datapackage.json").read_bytes()
    for name in ae.tables():
        assert (exported / "csv" / "data" / f"{name}.csv").read_bytes() == ae.path(name).read_bytes()


def test_an_earlier_export_is_replaced_only_with_force(tmp_path):
    out = tmp_path / "akims.sqlite"
    export("sqlite", out)
    with pytest.raises(ae.UsageError, match="already exists; pass --force"):
        export("sqlite", out)
    export("sqlite", out, force=True)
    assert sqlite3.connect(out).execute("SELECT count(*) FROM _tables").fetchone()[0] == len(ae.tables())
    export("xlsx", tmp_path / "akims.xlsx")
    export("xlsx", tmp_path / "akims.xlsx", force=True)
    folder = tmp_path / "csv"
    export("csv", folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["written_by"] == "akim-elections export" and "datapackage.json" in manifest["files"]
    export("csv", folder, force=True)
    export("parquet", folder, force=True)  # an export folder of one format may become another
    assert (folder / "figures.parquet").is_file() and not (folder / "datapackage.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["akims.metadata.json", "akims.sqlite", "akims.xlsx", "csv"]  # no temporary


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("prepare, words", [
    (lambda d: (d.mkdir(), (d / "thesis.docx").write_text("keep", encoding="utf-8")), "has no akim-elections-manifest.json"),
    (lambda d: (export("csv", d), (d / "thesis.docx").write_text("keep", encoding="utf-8")), "did not write (thesis.docx)"),
    (lambda d: (export("csv", d), (d / "data" / "regions.csv").write_text("my edit", encoding="utf-8")), "changed since"),
])
def test_force_never_replaces_a_folder_holding_what_the_export_did_not_write(tmp_path, capsys, prepare, words):
    folder = tmp_path / "precious"
    prepare(folder)
    before = sorted(tmp_path.rglob("*")), snapshot(folder)
    assert main(["export", "--format", "csv", "--out", str(folder), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and "--force replaces only an earlier output" in err, err
    assert (sorted(tmp_path.rglob("*")), snapshot(folder)) == before


@pytest.mark.parametrize("fmt, name, content", [("sqlite", "notes.sqlite", b"my own database"), ("xlsx", "budget.xlsx", b"PK not ours")])
def test_force_never_replaces_a_file_the_export_did_not_write(tmp_path, capsys, fmt, name, content):
    (tmp_path / name).write_bytes(content)
    assert main(["export", "--format", fmt, "--out", str(tmp_path / name), "--force"]) == 2
    assert f"is not an {fmt.replace('sqlite', 'SQLite')} export of akim-elections" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == [name] and (tmp_path / name).read_bytes() == content


def test_the_datasette_metadata_is_named_after_its_database(tmp_path):
    export("sqlite", tmp_path / "one.sqlite")
    export("sqlite", tmp_path / "two.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.metadata.json", "one.sqlite", "two.db", "two.metadata.json"]
    assert list(json.loads((tmp_path / "two.metadata.json").read_text(encoding="utf-8"))["databases"]) == ["two"]
    (tmp_path / "three.metadata.json").write_text('{"title": "mine"}', encoding="utf-8")
    with pytest.raises(ae.UsageError, match="three.metadata.json is not the Datasette metadata of an export named three"):
        export("sqlite", tmp_path / "three.sqlite", force=True)
    assert not (tmp_path / "three.sqlite").exists()


@pytest.mark.parametrize("out, words", [(".", "is the current folder or holds it"), ("..", "is the current folder or holds it"),
                                        ("{pkg}", "holds the data package being read")])
def test_odd_targets_get_one_line_and_leave_nothing(tmp_path, monkeypatch, capsys, out, words):
    from conftest import copy_package

    pkg = copy_package(tmp_path / "pkg")
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    before = sorted(tmp_path.rglob("*"))
    assert main(["--root", str(pkg), "export", "--format", "csv", "--out", out.format(pkg=pkg), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err, err
    assert sorted(tmp_path.rglob("*")) == before  # no hidden temporary folder anywhere


def test_counts_read_back_as_integers_in_every_typed_export(exported):
    import openpyxl
    import pandas as pd

    figures = ae.load("figures")
    counted = figures.value_unit.isin(schema.COUNT_UNITS)
    assert counted.any() and (~counted).any()
    con = sqlite3.connect(exported / "akims.sqlite")
    kinds = {(unit in schema.COUNT_UNITS, kind) for unit, kind in con.execute("SELECT value_unit, typeof(count) FROM figures")}
    assert kinds == {(True, "integer"), (False, "null")}
    assert {kind for (kind,) in con.execute(f"SELECT DISTINCT typeof(value) FROM figures WHERE value_unit IN {tuple(schema.COUNT_UNITS)}")} == {"integer"}
    assert con.execute("SELECT typeof(value) FROM figures WHERE measure = 'turnout_pct' AND value = 79.1").fetchone() == ("real",)
    assert con.execute("SELECT count FROM figures_final WHERE election_id = '2021-07-25-rural' AND scope = 'national' "
                       "AND measure = 'winners' AND party_id = 'nur-otan' AND member_of IS NULL").fetchone()[0] == 627
    back = pd.read_parquet(exported / "parquet" / "figures.parquet")
    assert str(back["count"].dtype) in ("Int64", "int64") and back["count"].notna().sum() == counted.sum()
    assert back["count"][counted].tolist() == figures.value[counted].astype(int).tolist()
    ws = openpyxl.load_workbook(exported / "akims.xlsx", read_only=True)["figures"]
    rows = ws.iter_rows(values_only=True)
    column = next(rows).index("count")
    assert {type(r[column]) for r in rows if r[column] is not None} == {int}


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
                                  "in a clone, pip install '.[parquet]'; from a wheel, "
                                  "pip install 'akim_elections-<version>-py3-none-any.whl[parquet]'")
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
